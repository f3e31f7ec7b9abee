/* Internal to the deep linear engine (src/exact/linear*.c).  doc/exact.md
   derives the transfer; the names below follow it. */

#ifndef WC_EXACT_LINEAR_IMPL_H
#define WC_EXACT_LINEAR_IMPL_H

#include <stdint.h>
#include <flint/fmpz_poly.h>
#include <flint/fmpq_poly.h>
#include <flint/fmpz_mpoly.h>

#include "weakcorr/exact.h"
#include "partition.h"

#define WC_LIN_MAXM WC_EXACT_LINEAR_MAX_TENSORS

/* Bit counts on the 64-bit index sets and 32-bit strand sets. */
#if defined(__GNUC__)
# define WC_LIN_POPCOUNT64(x) __builtin_popcountll(x)
# define WC_LIN_CTZ32(x) __builtin_ctz(x)
#else
static inline int
WC_LIN_POPCOUNT64(uint64_t x)
{
    int c = 0;

    for (; x != 0; x &= x - 1)
        c++;
    return c;
}

static inline int
WC_LIN_CTZ32(uint32_t x)
{
    int c = 0;

    while (!(x & 1))
    {
        x >>= 1;
        c++;
    }
    return c;
}
#endif

/* A correlation function reduced to what the transfer needs.  Tensor t
   has the contracted indices in the bit set tmask[t]; pmask[s][t] holds
   the indices joining tensors s and t.  beta = p/q in lowest terms with
   q > 0 (p = 0 without biases). */
typedef struct
{
    slong m;
    slong k;
    slong H;
    slong order[WC_LIN_MAXM];
    uint64_t tmask[WC_LIN_MAXM];
    uint64_t pmask[WC_LIN_MAXM][WC_LIN_MAXM];
    slong group[WC_LIN_MAXM];
    slong ngroups;
    int connected;
    fmpq_t coeff;

    int bias;
    wc_param_kind param;
    fmpz_t din;
    fmpz_t p2;             /* p^2 */
    fmpz_t q2;             /* q^2 */
    fmpq xdot[WC_LIN_MAXM * WC_LIN_MAXM];   /* x_s . x_t / din */

    int multi;             /* weights in n_1..n_H rather than in n */
    fmpz_mpoly_ctx_t ctx;  /* H variables, set when multi */
}
wc_lin_problem_struct;

typedef wc_lin_problem_struct wc_lin_problem_t[1];

/* Fills pr from spec and net.  Returns WC_ERR_UNSUPPORTED for an
   activation other than linear and WC_ERR_RANGE beyond the size limits;
   *zero is set when the result is zero without computation (odd number
   of tensors, zero coefficient, an index used twice on one tensor, a
   tensor of order above H + 1), and then pr is left uninitialised. */
wc_status _wc_lin_problem_init(wc_lin_problem_t pr, int * zero,
                               const wc_spec_t spec, const wc_net_t net,
                               int multi, wc_error_t err);
void _wc_lin_problem_clear(wc_lin_problem_t pr);

/* One transfer: the sum S over every configuration in which Wick pairs
   only join tensors t, u with block[t] == block[u] (one Moebius term of a
   cumulant).  Univariate: sets acc to the polynomial q^m n^(H m / 2) S(n).
   Multivariate: sets num / den to q^m (n_1 ... n_H)^(m / 2) S, an integer
   polynomial in n_1..n_H over a positive integer.  The spec coefficient,
   the Moebius coefficient and the mean-field factor are the caller's. */
typedef struct
{
    slong operations;
    slong states;
}
wc_lin_counters;

void _wc_lin_transfer(fmpq_poly_t acc, fmpz_mpoly_t num, fmpz_t den,
                      const wc_lin_problem_t pr, const slong * block,
                      wc_lin_counters * cnt);

/* Appends a term without keeping the order; _wc_mseries_normalise then
   sorts, merges equal exponent vectors and drops zeros. */
void _wc_mseries_push_term(wc_mseries_t s, const slong * exp,
                           const fmpq_t c);
void _wc_mseries_normalise(wc_mseries_t s);

/* Estimates of the weight operations (doc/exact.md, "Work estimate"):
   of one transfer restricted to block, and of the whole Moebius sum. */
double _wc_lin_estimate_transfer(const wc_lin_problem_t pr,
                                 const slong * block);
double _wc_lin_estimate(const wc_lin_problem_t pr);

/* A hash map from pairs of 64-bit keys to consecutive slots 0, 1, ... */
typedef struct
{
    slong size;        /* slots used */
    slong cap;         /* table capacity, a power of two */
    uint64_t * key;    /* 2 * cap */
    slong * slot;      /* cap; -1 when empty */
}
wc_lin_map_struct;

typedef wc_lin_map_struct wc_lin_map_t[1];

void _wc_lin_map_init(wc_lin_map_t h);
void _wc_lin_map_clear(wc_lin_map_t h);

/* The slot of (a, b), created (as the next slot number) if absent when
   create is set; -1 if absent otherwise. */
slong _wc_lin_map_find(wc_lin_map_t h, uint64_t a, uint64_t b, int create);

#endif
