/* Internal helpers of the stats module: compensated sums, selection of
   order statistics and the bootstrap generator.  Not installed. */

#ifndef WC_STATS_IMPL_H
#define WC_STATS_IMPL_H

#include <math.h>
#include <stdint.h>

#include "weakcorr/stats.h"

/* A running sum with Neumaier's compensation (1974; the Kahan-Babuska
   variant that also handles a summand larger than the running sum).  The
   branch makes each rounding error of s + x exact, so this computes the
   same result as Sum2 of Ogita, Rump and Oishi (2005, Prop. 4.5): for n
   summands, u = 2^-53, gamma_k = k u / (1 - k u),
       |computed - exact| <= u |exact| + gamma_{n-1}^2 sum |x_i|,
   against gamma_{n-1} sum |x_i| for a plain loop and about log2(n) u
   sum |x_i| for pairwise summation.  We use it because the means fitted
   here are often far smaller than the samples (cancellation), where only
   the second term of each bound matters and here it is of order (n u)^2,
   and because it streams: no buffer, one code path for every moment.
   It relies on IEEE double arithmetic without reassociation: the library
   must not be compiled with -ffast-math. */
typedef struct
{
    double s;
    double c;
}
wc_stats_acc_struct;

static inline void
_wc_stats_acc_init(wc_stats_acc_struct * a)
{
    a->s = 0.0;
    a->c = 0.0;
}

static inline void
_wc_stats_acc_add(wc_stats_acc_struct * a, double x)
{
    double t = a->s + x;

    /* The rounding error of s + x, exactly, when no overflow occurs. */
    if (fabs(a->s) >= fabs(x))
        a->c += (a->s - t) + x;
    else
        a->c += (x - t) + a->s;
    a->s = t;
}

static inline double
_wc_stats_acc_value(const wc_stats_acc_struct * a)
{
    /* After an overflow c holds NaN; the infinite sum is the answer. */
    return isfinite(a->s) ? a->s + a->c : a->s;
}

/* The nearest rank ceil(num * n / den), at least 1, of a quantile
   num/den of n values, in exact integer arithmetic. */
static inline slong
_wc_stats_rank(slong n, slong num, slong den)
{
    slong k = (num * n + den - 1) / den;

    return k < 1 ? 1 : k;
}

static inline int
_wc_stats_is_quantile(wc_stat_kind stat)
{
    return stat == WC_STAT_MEDIAN || stat == WC_STAT_Q90
           || stat == WC_STAT_Q99;
}

/* The nearest rank of a quantile statistic among n values. */
static inline slong
_wc_stats_quantile_rank(wc_stat_kind stat, slong n)
{
    if (stat == WC_STAT_MEDIAN)
        return _wc_stats_rank(n, 1, 2);
    if (stat == WC_STAT_Q90)
        return _wc_stats_rank(n, 9, 10);
    return _wc_stats_rank(n, 99, 100);
}

/* The statistic of one width in a bootstrap replicate: the multiset that
   holds sample j count[j] times (counts are small integers, held as
   doubles, summing to N).  For MEAN, RMS and ABS, t[j] is x_j, x_j^2 and
   |x_j| and the result |sum count t| / N, sqrt(sum count t / N) and
   sum count t / N; for a quantile, t[j] is x_j, perm lists the indices in
   increasing order of |t|, and the result is the nearest-rank quantile of
   |x| over the multiset. */
double _wc_stats_resampled_stat(wc_stat_kind stat, const double * t,
                                const slong * perm, const double * count,
                                slong N);

/* The coefficients h (slope) and g (correction) of the weighted
   least-squares fit of a + slope log n + correction / n to the widths
   with weights v > 0: the fitted slope is h . y, the correction g . y.
   Returns q = 1 - r^2, r the weighted correlation of log n and 1/n
   (0 when fewer than two widths differ); h and g are meaningful only
   when q is well above W u.  O(W^2). */
double _wc_stats_corrected_coefficients(double * h, double * g,
                                        const double * v,
                                        const slong * widths, slong W);

/* Rearranges v[0..n-1] (no NaN) so that v[k] holds the value of 0-based
   rank k, with v[i] <= v[k] for i < k and v[i] >= v[k] for i > k.
   Expected O(n); O(n log n) in the worst case. */
void _wc_stats_select(double * v, slong n, slong k);

/* Sum of x[0..n-1] and the corrected two-pass sum of squared deviations
   sum (x_i - mean)^2 (Chan, Golub and LeVeque 1983), both of the values
   multiplied by the power of two scale, which the caller chooses so that
   no square overflows.  x holds finite values only. */
void _wc_stats_moments(double * mean_scaled, double * ssd_scaled,
                       const double * x, slong n, double scale);

/* 2^-e with 2^(e-1) <= m < 2^e (1 when m is 0): multiplying by it is
   exact and brings values of modulus at most m below 1. */
double _wc_stats_scale_for(double m);

/* The bootstrap generator: splitmix64 (Steele, Lea and Flood 2014), a
   64-bit state advanced by an odd constant and hashed on output.  It
   passes BigCrush, and is started per replicate at a hash of (seed,
   replicate), so replicates can be computed in any order or in parallel
   with the same result. */
typedef struct
{
    uint64_t state;
}
wc_stats_rng_struct;

void _wc_stats_rng_init(wc_stats_rng_struct * r, ulong seed,
                        ulong stream);
uint64_t _wc_stats_rng_next(wc_stats_rng_struct * r);

/* A uniform integer in [0, n), n >= 1, without modulo bias. */
uint64_t _wc_stats_rng_below(wc_stats_rng_struct * r, uint64_t n);

/* The 128-bit product a * b in 64-bit arithmetic, used where the
   compiler has no 128-bit integers (and tested against them). */
void _wc_stats_mul_64x64_portable(uint64_t * hi, uint64_t * lo, uint64_t a,
                                  uint64_t b);

#endif
