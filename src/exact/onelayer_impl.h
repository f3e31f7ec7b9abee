/* Internal interface of the one-hidden-layer engine (doc/exact-onelayer.md
   derives every formula used here). */

#ifndef WC_ONELAYER_IMPL_H
#define WC_ONELAYER_IMPL_H

#include <flint/fmpq_poly.h>
#include <flint/fmpq_mat.h>

#include "weakcorr/exact.h"
#include "weakcorr/gauss.h"
#include "weakcorr/order.h"
#include "partition.h"

#if WC_HAVE_FLINT3
# include <flint/arb_poly.h>
#else
# include <arb_poly.h>
#endif

/* Components are addressed by bitmasks, and the block values of all 2^C
   blocks may be stored: C is capped (beyond the default work bound
   already), and the subset route, which stores 2^C (C + 1) polynomials,
   more tightly. */
#define WC_OL_MAX_COMPONENTS 22
#define WC_OL_MAX_COMPONENTS_SUBSETS 16

/* A polynomial in n, exact or with ball coefficients (the problem's flag
   says which part is in use). */
typedef struct
{
    fmpq_poly_t q;
    arb_poly_t b;
}
wc_ol_npoly_struct;

typedef wc_ol_npoly_struct wc_ol_npoly_t[1];

/* One type assignment class of a component: the tensors (bit i for the
   component's i-th member) that carry their output-weight slot (V), and
   the summed weight of all assignments with that pattern. */
typedef struct
{
    ulong vmask;
    fmpq_t w;
}
wc_ol_summary_struct;

/* A cached single-neuron Gaussian expectation, keyed by the count vector
   of (variable, derivative order) pairs. */
typedef struct
{
    slong * key;
    fmpq_t q;
    arb_t b;
    int used;
}
wc_ol_gauss_entry;

typedef struct
{
    /* the request */
    int exact;
    slong prec;              /* working precision for balls */
    int std;                 /* standard parameterisation: n per V index */
    wc_gauss_act_t act;

    /* tensors */
    slong m;
    slong * torder;
    slong * tvar;            /* input class */
    slong * tgroup;
    slong ngroups;
    int connected;

    /* input classes */
    slong nvars;
    fmpq_mat_t ucov;         /* covariance of the preactivations u(x) */
    fmpq_mat_t kw;           /* weight of a first-layer index x, x' */
    slong maxorder;

    /* components (clusters) */
    slong ncomp;
    slong * cfirst;          /* members of c: cmember[cfirst[c] ..] */
    slong * cmember;
    slong * nsum;            /* summaries per component */
    wc_ol_summary_struct ** sum;

    /* partitions of the groups (the moment-cumulant formula) */
    slong nsigma;
    slong * sigma;           /* nsigma x ngroups block labels */
    slong * sigma_blocks;
    fmpq * mu;               /* (|s|-1)! (-1)^(|s|-1) */

    /* Gaussian cache */
    slong keylen;            /* nvars * (maxorder + 1) */
    slong cache_alloc;
    slong cache_len;
    wc_ol_gauss_entry * cache;

    /* block values, lazily: Q[B] points to nsigma polynomials */
    wc_ol_npoly_struct ** Q;

    /* counters */
    slong assignments;
    slong partitions;
    slong gauss_calls;
    slong max_terms;
}
wc_ol_problem_struct;

typedef wc_ol_problem_struct wc_ol_problem_t[1];

static inline slong
_wc_ol_popcount(ulong x)
{
    slong c = 0;

    for (; x != 0; x &= x - 1)
        c++;
    return c;
}

/* The position of the lowest set bit of x != 0. */
static inline slong
_wc_ol_lowbit(ulong x)
{
    slong c = 0;

    while (!(x & 1))
    {
        x >>= 1;
        c++;
    }
    return c;
}

void _wc_ol_np_init(wc_ol_npoly_t p);
void _wc_ol_np_clear(wc_ol_npoly_t p);
void _wc_ol_np_zero(wc_ol_npoly_t p);
void _wc_ol_np_one(wc_ol_npoly_t p, int exact);
void _wc_ol_np_set(wc_ol_npoly_t r, const wc_ol_npoly_t p, int exact);
int _wc_ol_np_is_zero(const wc_ol_npoly_t p, int exact);
void _wc_ol_np_add(wc_ol_npoly_t r, const wc_ol_npoly_t a,
                   const wc_ol_npoly_t b, int exact, slong prec);
void _wc_ol_np_mul(wc_ol_npoly_t r, const wc_ol_npoly_t a,
                   const wc_ol_npoly_t b, int exact, slong prec);
void _wc_ol_np_scalar_mul_fmpq(wc_ol_npoly_t r, const wc_ol_npoly_t a,
                               const fmpq_t c, int exact, slong prec);
/* r += c n^k, c exact (q) or a ball (b) depending on exact. */
void _wc_ol_np_add_term(wc_ol_npoly_t r, slong k, const fmpq_t q,
                        const arb_t b, int exact, slong prec);

/* Builds the problem: input classes, clusters, type-assignment summaries
   and the partitions of the groups.  Returns WC_ERR_RANGE when the
   summaries alone exceed max_terms. */
wc_status _wc_ol_problem_init(wc_ol_problem_t P, const wc_spec_t spec,
                              const wc_net_t net, slong prec,
                              slong max_terms, wc_error_t err);
void _wc_ol_problem_clear(wc_ol_problem_t P);

/* Work estimates of the two routes (elementary terms). */
double _wc_ol_estimate(const wc_ol_problem_t P, int method);

/* The block values Q_B(sigma) for every sigma, computed on first use:
   *res points to nsigma polynomials owned by P.  Fails when a Gaussian
   expectation does (the gauss module's status and reason). */
wc_status _wc_ol_block(wc_ol_npoly_struct ** res, wc_ol_problem_t P,
                       ulong B, wc_error_t err);

/* F(n) = sum over neuron partitions of falling factorials times block
   values (combined over sigma with the moment-cumulant weights). */
wc_status _wc_ol_sum_partitions(wc_ol_npoly_t F, wc_ol_problem_t P,
                                wc_error_t err);
wc_status _wc_ol_sum_subsets(wc_ol_npoly_t F, wc_ol_problem_t P,
                             wc_error_t err);

#endif
