/* Synthetic data for the statistics tests: a seeded normal generator of
   the tests' own (so that the data do not share code with the bootstrap
   generator under test) and binomial tail probabilities for tests of
   coverage and false-alarm rates. */

#ifndef WC_TEST_STATS_SIM_H
#define WC_TEST_STATS_SIM_H

#include <math.h>
#include <stdint.h>
#include <flint/flint.h>

/* xorshift64* (Vigna 2016): a 64-bit xorshift state, multiplied on
   output.  Adequate for test data; never zero once seeded. */
typedef struct
{
    uint64_t s;
}
sim_rng;

static inline void
sim_seed(sim_rng * r, uint64_t seed, uint64_t stream)
{
    uint64_t z = seed * UINT64_C(0x9e3779b97f4a7c15) + stream + 1;
    int i;

    for (i = 0; i < 4; i++)
        z = (z ^ (z >> 31)) * UINT64_C(0x7fb5d329728ea185) + 0x1234567;
    r->s = z ? z : 1;
}

static inline uint64_t
sim_next(sim_rng * r)
{
    r->s ^= r->s >> 12;
    r->s ^= r->s << 25;
    r->s ^= r->s >> 27;
    return r->s * UINT64_C(0x2545f4914f6cdd1d);
}

/* Uniform in (0, 1): 53 random bits, offset by half an ulp. */
static inline double
sim_uniform(sim_rng * r)
{
    return ((double) (sim_next(r) >> 11) + 0.5) * 0x1.0p-53;
}

/* N(0, 1) by Marsaglia's polar method (exact given exact uniforms). */
static inline double
sim_normal(sim_rng * r)
{
    double a, b, q;

    do
    {
        a = 2.0 * sim_uniform(r) - 1.0;
        b = 2.0 * sim_uniform(r) - 1.0;
        q = a * a + b * b;
    }
    while (q >= 1.0 || q == 0.0);
    return a * sqrt(-2.0 * log(q) / q);
}

/* Samples X[w * N + s] = c n_w^a (1 + sigma e_{s,w}) with
   e_{s,w} = sqrt(rho) Z_s + sqrt(1 - rho) Z_{s,w}, all Z i.i.d. N(0, 1):
   every statistic of X (mean, rms, mean |X|, quantiles of |X|) is exactly
   proportional to n^a, and samples with the same s are correlated with
   coefficient rho across widths, as common random numbers make them. */
static inline void
sim_power_law(double * x, const slong * widths, slong W, slong N, double c,
              double a, double sigma, double rho, sim_rng * r)
{
    slong w, s;

    for (s = 0; s < N; s++)
    {
        double z = sim_normal(r);

        for (w = 0; w < W; w++)
        {
            double e = sqrt(rho) * z + sqrt(1.0 - rho) * sim_normal(r);

            x[w * N + s] = c * pow((double) widths[w], a) * (1 + sigma * e);
        }
    }
}

/* log of the binomial probability P(K = k), K ~ Bin(n, p), 0 < p < 1. */
static inline double
sim_binom_logpmf(long k, long n, double p)
{
    return lgamma(n + 1.0) - lgamma(k + 1.0) - lgamma(n - k + 1.0)
           + k * log(p) + (n - k) * log1p(-p);
}

/* P(K <= k) and P(K >= k) for K ~ Bin(n, p), by summing the pmf (the
   terms are positive, so the relative error is a few ulps times n). */
static inline double
sim_binom_cdf(long k, long n, double p)
{
    double s = 0.0;
    long i;

    for (i = 0; i <= k && i <= n; i++)
        s += exp(sim_binom_logpmf(i, n, p));
    return s;
}

static inline double
sim_binom_sf(long k, long n, double p)
{
    double s = 0.0;
    long i;

    for (i = (k < 0 ? 0 : k); i <= n; i++)
        s += exp(sim_binom_logpmf(i, n, p));
    return s;
}

/* The composite binomial test used for coverage and false-alarm rates:
   with k successes in n trials, rejects "the rate lies in [p_lo, p_hi]"
   when P(K <= k) < a/2 under p_lo or P(K >= k) < a/2 under p_hi (a side
   with p_lo = 0 or p_hi = 1 is not tested).  When the true rate lies in
   [p_lo, p_hi] it rejects with probability at most a. */
static inline int
sim_binom_consistent(long k, long n, double p_lo, double p_hi, double a)
{
    return (p_lo <= 0.0 || sim_binom_cdf(k, n, p_lo) >= a / 2)
           && (p_hi >= 1.0 || sim_binom_sf(k, n, p_hi) >= a / 2);
}

#endif
