/* Internal to the deep polynomial engine (src/exact/deeppoly*.c).
   doc/exact-deeppoly.md derives the algorithm; the names below follow
   it.

   Every contracted index k becomes an independent Gaussian direction
   xi^k in parameter space, and every slot s of a tensor a formal
   parameter eps_s, so that a tensor is the coefficient of the product of
   its eps_s in f(theta + sum_s eps_s xi^k(s)).  A *vector* is the
   coefficient a^l[alpha] of that perturbed forward pass at one copy of
   the network (cumulants), one input and one set alpha of slots, at a
   layer boundary: an element of R^n.  The state at level l is a
   polynomial in the Gram entries G(u, v) = a[u] . a[v] / n of the
   vectors, with coefficients polynomial in w = 1/n (and nu = n for the
   fan-ins of the standard parameterisation).  One layer step replaces it
   by its conditional expectation given level l - 1. */

#ifndef WC_EXACT_DEEPPOLY_IMPL_H
#define WC_EXACT_DEEPPOLY_IMPL_H

#include <stdint.h>
#include <flint/fmpq_poly.h>
#include <flint/fmpq_mpoly.h>

#include "weakcorr/exact.h"
#include "partition.h"

/* Slot sets are 64-bit masks. */
#define WC_DP_MAX_SLOTS 64

/* ---- hash map from fixed-length slong keys to 0, 1, 2, ... ---- */

typedef struct
{
    slong klen;        /* key length */
    slong size;        /* keys stored */
    slong alloc;       /* room for keys */
    slong * keys;      /* size * klen, in insertion order */
    slong cap;         /* table capacity, a power of two (or 0) */
    slong * table;     /* cap entries: key number or -1 */
}
wc_dp_map_struct;

typedef wc_dp_map_struct wc_dp_map_t[1];

void _wc_dp_map_init(wc_dp_map_t h, slong klen);
void _wc_dp_map_clear(wc_dp_map_t h);

/* The number of key (creating it as the next number if absent and create
   is set); -1 if absent and create is not set. */
slong _wc_dp_map_find(wc_dp_map_t h, const slong * key, int create);

static inline const slong *
_wc_dp_map_key(const wc_dp_map_t h, slong i)
{
    return h->keys + i * h->klen;
}

/* A hash table from 64-bit hash values to numbers, for sets whose
   elements are known to have distinct hash values: insert returns 0 (and
   changes nothing) when the value is present already. */
typedef struct
{
    slong size;
    slong cap;
    ulong * hash;
    slong * val;       /* -1 when empty */
}
wc_dp_hmap_struct;

typedef wc_dp_hmap_struct wc_dp_hmap_t[1];

void _wc_dp_hmap_init(wc_dp_hmap_t h);
void _wc_dp_hmap_clear(wc_dp_hmap_t h);
int _wc_dp_hmap_insert(wc_dp_hmap_t h, ulong hash, slong val);
slong _wc_dp_hmap_get(const wc_dp_hmap_t h, ulong hash);

/* ---- the problem: spec and net, independent of the Moebius term ---- */

typedef struct
{
    slong m;               /* tensors */
    slong nslots;          /* 2 * indices */
    slong H;
    slong * tclass;        /* input class of each tensor */
    slong * tgroup;
    uint64_t * tslots;     /* slots of each tensor */
    slong * slot_tensor;
    slong * partner;       /* the other slot of the same index */
    slong ngroups;
    int connected;
    fmpq_t coeff;

    slong nclass;          /* distinct input vectors */
    fmpq * xdot;           /* nclass x nclass: x . x' / din */
    slong din;

    slong deg;             /* degree of s (-1 for s = 0) */
    fmpq_poly_struct * sder;   /* s^(r), r = 0..deg */

    wc_param_kind param;
    int bias;
    fmpq_t bias2;          /* beta^2 in the covariance of z */
    fmpq_t xi_bias2;       /* what a bias index contributes: beta^2, or
                              1 for param=standard */
    int multi;             /* one width variable per layer */
}
wc_dp_problem_struct;

typedef wc_dp_problem_struct wc_dp_problem_t[1];

/* Fills pr.  WC_ERR_UNSUPPORTED for activations other than linear and
   polynomial, WC_ERR_RANGE beyond the size limits, WC_ERR_PARSE for a
   spec whose indices are not each used twice.  *zero is set (and pr left
   uninitialised) when the result is zero without computation. */
wc_status _wc_dp_problem_init(wc_dp_problem_t pr, int * zero,
                              const wc_spec_t spec, const wc_net_t net,
                              int multi, wc_error_t err);
void _wc_dp_problem_clear(wc_dp_problem_t pr);

/* ---- one transfer: the vectors of one Moebius term ---- */

typedef struct
{
    slong copy;
    slong cls;             /* input class */
    uint64_t alpha;        /* slots */
    slong fwd;             /* the vector (copy, cls, 0) */
}
wc_dp_vec_struct;

/* Counters of the work done (see wc_exact_deeppoly_info_struct). */
typedef struct
{
    double operations;     /* coefficient products in polynomial products */
    slong max_state;       /* largest number of state monomials */
    slong max_closure;     /* largest downward closure */
    slong moments;         /* single-neuron moments computed */
    slong pairs;           /* (e, beta) pairs of the moment recursion */
    slong moebius_terms;   /* transfers run */
    double bytes;          /* heap bytes held now (an estimate) */
    double peak_bytes;     /* the most held at once */
    double max_bytes;      /* the memory bound */
    int over_memory;       /* the memory bound was hit */
}
wc_dp_counters;

/* Zero counters with the memory bound WC_EXACT_DEFAULT_MAX_MEMORY. */
void _wc_dp_counters_init(wc_dp_counters * cnt);

typedef struct
{
    const wc_dp_problem_struct * pr;
    slong * tcopy;         /* copy of each tensor */

    slong nvec;
    slong nderiv;          /* vectors 0..nderiv-1 have alpha != 0 */
    wc_dp_vec_struct * vec;
    wc_dp_map_t vmap;      /* (copy, cls, alpha) -> vector */
    slong * tout;          /* the output vector of each tensor */
    slong * cap;           /* cap[j]: most slots of a nonzero vector at
                              level j, j = 0..H */

    slong ngram;           /* Gram entries of pairs with disjoint slots */
    slong * gram;          /* nvec x nvec: number of G(u, v), or -1 */
    slong * gram_u;        /* the pair of each number */
    slong * gram_v;
    slong * loc;           /* scratch: ngram local variable numbers */
    fmpq_mpoly_ctx_t zctx; /* one variable per vector: the z's of a
                              neuron */
    fmpq_mpoly_struct * act;   /* activation polynomial of each vector */

    wc_dp_counters * cnt;
    double max_terms;
    int over;              /* the work bound was hit */
}
wc_dp_run_struct;

typedef wc_dp_run_struct wc_dp_run_t[1];

void _wc_dp_run_init(wc_dp_run_t run, const wc_dp_problem_t pr,
                     const slong * tcopy, wc_dp_counters * cnt,
                     double max_terms);
void _wc_dp_run_clear(wc_dp_run_t run);

/* A polynomial ring for a state or a layer's moments: the Gram entries
   that can occur there (numbered 0..ng-1 locally, gid giving their
   global numbers) and the width variables after them: w_l = 1/n_l and
   nu_l = n_l for l = 1..H, or one w and one nu in the univariate case. */
typedef struct
{
    fmpq_mpoly_ctx_t ctx;
    slong ng;
    slong * gid;
    slong nvars;
}
wc_dp_ring_struct;

typedef wc_dp_ring_struct wc_dp_ring_t[1];

void _wc_dp_ring_init(wc_dp_ring_t R, const wc_dp_run_t run,
                      const slong * gid, slong ng);
void _wc_dp_ring_clear(wc_dp_ring_t R);
slong _wc_dp_wvar(const wc_dp_ring_t R, const wc_dp_run_t run,
                  slong layer);
slong _wc_dp_nuvar(const wc_dp_ring_t R, const wc_dp_run_t run,
                   slong layer);

/* The ring of the Gram entries of level layer - 1 that the covariance of
   layer (H + 1: the output) can involve among the z's flagged in use[]
   (none at layer 1, where the level below is the input). */
void _wc_dp_ring_for_layer(wc_dp_ring_t R, wc_dp_run_t run, slong layer,
                           const unsigned char * use);

/* Sigma[u * nvec + v], the covariance of the preactivation coefficients
   z[u], z[v] of one neuron of layer l (l = H + 1: the output) given level
   l - 1, as polynomials in R (the Gram entries of level l - 1; numbers
   for l = 1), for u, v flagged in use[] (zero otherwise).  Allocates
   nvec^2 polynomials. */
fmpq_mpoly_struct * _wc_dp_covariance(wc_dp_run_t run, slong layer,
                                      const wc_dp_ring_t R,
                                      const unsigned char * use);
void _wc_dp_covariance_clear(fmpq_mpoly_struct * S, const wc_dp_run_t run,
                             const wc_dp_ring_t R);

/* Gaussian moments E[prod_u z[u]^a_u] for one covariance, memoised. */
typedef struct
{
    wc_dp_run_struct * run;
    const wc_dp_ring_struct * R;
    const fmpq_mpoly_struct * S;
    wc_dp_map_t map;
    slong alloc;
    fmpq_mpoly_struct * val;
    slong * scratch;
    double bytes;          /* held by the memoised moments */
}
wc_dp_moments_struct;

typedef wc_dp_moments_struct wc_dp_moments_t[1];

void _wc_dp_moments_init(wc_dp_moments_t M, wc_dp_run_t run,
                         const wc_dp_ring_t R, const fmpq_mpoly_struct * S);
void _wc_dp_moments_clear(wc_dp_moments_t M);

/* res = E[Z(z)] for a polynomial Z in the z's (zctx), in M's ring. */
void _wc_dp_expect(fmpq_mpoly_t res, wc_dp_moments_t M,
                   const fmpq_mpoly_t Z);

/* The output step: R becomes the ring of the state at level H (R
   uninitialised on entry) and P (uninitialised) the state
   E[prod_t z_out(t) | level H]. */
void _wc_dp_output_step(fmpq_mpoly_t P, wc_dp_ring_t R, wc_dp_run_t run);

/* One layer step: P in R (level l) becomes its conditional expectation
   given level l - 1, in a new ring that replaces R.  Returns 0 when the
   work bound was hit (P is then meaningless, but P and R stay valid). */
int _wc_dp_layer_step(fmpq_mpoly_t P, wc_dp_ring_t R, wc_dp_run_t run,
                      slong layer);

/* res = a * b, counted in run's operations. */
void _wc_dp_mul(fmpq_mpoly_t res, const fmpq_mpoly_t a,
                const fmpq_mpoly_t b, const fmpq_mpoly_ctx_t ctx,
                wc_dp_run_t run);

/* res = sum of the polynomials v[0..len-1] (destroys v's contents),
   pairwise so that the cost stays near linear in the total length. */
/* An estimate of the heap bytes of p: its exponent vectors, its
   coefficients and the limbs of the large ones. */
double _wc_dp_poly_bytes(const fmpq_mpoly_t p, const fmpq_mpoly_ctx_t ctx);

/* Counts bytes (negative: released) as held; beyond the memory bound
   the run stops (run->over and cnt->over_memory set). */
void _wc_dp_hold(wc_dp_run_t run, double bytes);

void _wc_dp_sum(fmpq_mpoly_t res, fmpq_mpoly_struct * v, slong len,
                const fmpq_mpoly_ctx_t ctx);

/* The whole computation: the Moebius sum of transfers into res (or mres
   when pr->multi), counting into cnt.  Returns 0 when the operations
   exceeded max_terms (the result is then meaningless). */
int _wc_dp_compute(wc_series_t res, wc_mseries_t mres,
                   const wc_dp_problem_t pr, wc_dp_counters * cnt,
                   double max_terms);

/* The work estimate of doc/exact-deeppoly.md ("Work estimate"), in
   operations; HUGE_VAL when a pilot computation it runs exceeds
   max_terms. */
double _wc_dp_estimate(const wc_dp_problem_t pr, double max_terms);


#endif
