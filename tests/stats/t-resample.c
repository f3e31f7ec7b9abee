/* The bootstrap's building blocks (internal to src/stats): the statistic of
   a replicate from multiplicities against expanding the multiset and
   sorting it; the uniform index generator by chi-square tests; the
   portable 128-bit product against the compiler's.

   Statistical assertions: three chi-square tests at level 1e-6 each
   (false failures below 3e-6); the rest is deterministic. */

#include <float.h>
#include <stdlib.h>

#include "testutil.h"
#include "sim.h"
#include "../../src/stats/stats_impl.h"

#define U (DBL_EPSILON / 2)

static int
cmp(const void * a, const void * b)
{
    double x = *(const double *) a, y = *(const double *) b;

    return (x > y) - (x < y);
}

typedef struct
{
    double v;
    slong i;
}
keyed;

static int
cmp_keyed(const void * a, const void * b)
{
    return cmp(&((const keyed *) a)->v, &((const keyed *) b)->v);
}

static void
check_resampled(wc_test_t t, sim_rng * r, slong N)
{
    double * x = flint_malloc(N * sizeof(double));
    double * tv = flint_malloc(N * sizeof(double));
    double * count = flint_malloc(N * sizeof(double));
    double * expanded = flint_malloc(N * sizeof(double));
    slong * perm = flint_malloc(N * sizeof(slong));
    keyed * key = flint_malloc(N * sizeof(keyed));
    static const wc_stat_kind q[3] =
        { WC_STAT_MEDIAN, WC_STAT_Q90, WC_STAT_Q99 };
    static const slong num[3] = { 1, 9, 99 }, den[3] = { 2, 10, 100 };
    slong j, i, m, k;

    for (j = 0; j < N; j++)
    {
        uint64_t b = sim_next(r);

        /* Ties in |x| (and values of both signs) are common. */
        x[j] = (b % 3 == 0) ? (double) ((slong) (b >> 8) % 7 - 3)
               : sim_normal(r);
        count[j] = 0.0;
    }
    for (j = 0; j < N; j++)
        count[sim_next(r) % (uint64_t) N] += 1.0;

    m = 0;
    for (j = 0; j < N; j++)
        for (i = 0; i < (slong) count[j]; i++)
            expanded[m++] = fabs(x[j]);
    qsort(expanded, (size_t) m, sizeof(double), cmp);
    for (j = 0; j < N; j++)
    {
        key[j].v = fabs(x[j]);
        key[j].i = j;
    }
    qsort(key, (size_t) N, sizeof(keyed), cmp_keyed);
    for (j = 0; j < N; j++)
        perm[j] = key[j].i;

    for (i = 0; i < 3; i++)
    {
        /* Nearest rank by counting, as in t-quantile. */
        for (k = 1; k * den[i] < num[i] * N; k++)
            ;
        WC_CHECK(t, _wc_stats_resampled_stat(q[i], x, perm, count, N)
                 == expanded[k - 1], "N = %ld, %s: %.17g against %.17g",
                 (long) N, wc_stat_name(q[i]),
                 _wc_stats_resampled_stat(q[i], x, perm, count, N),
                 expanded[k - 1]);
    }

    /* Moments against long double sums of the expanded multiset; the
       library's plain sums err by at most (N + 2) u sum count |t|. */
    for (i = 0; i < 3; i++)
    {
        wc_stat_kind st = (i == 0) ? WC_STAT_MEAN
                          : (i == 1) ? WC_STAT_RMS : WC_STAT_ABS;
        long double ref = 0.0L, mag = 0.0L;
        double got, want, bound;

        for (j = 0; j < N; j++)
        {
            tv[j] = (i == 0) ? x[j] : (i == 1) ? x[j] * x[j] : fabs(x[j]);
            ref += (long double) count[j] * tv[j];
            mag += (long double) count[j] * fabs(tv[j]);
        }
        got = _wc_stats_resampled_stat(st, tv, NULL, count, N);
        want = (double) (ref / N);
        bound = (N + 4) * U * (double) (mag / N);
        if (i == 0)
            want = fabs(want);
        if (i == 1)
            got = got * got;
        WC_CHECK(t, fabs(got - want) <= bound + 4 * U * fabs(want),
                 "N = %ld, %s: %.17g against %.17g", (long) N,
                 wc_stat_name(st), got, want);
    }

    flint_free(x);
    flint_free(tv);
    flint_free(count);
    flint_free(expanded);
    flint_free(perm);
    flint_free(key);
}

/* P(chi^2_k > x) for even k: e^(-x/2) sum_{i < k/2} (x/2)^i / i!, summed
   in logarithms relative to the largest term (which would underflow for
   large k otherwise). */
static double
chi2_sf_even(double x, long k)
{
    double h = x / 2, lmax, sum = 0.0;
    long i, imax = (long) floor(h);

    if (imax > k / 2 - 1)
        imax = k / 2 - 1;
    lmax = -h + imax * log(h) - lgamma(imax + 1.0);
    for (i = 0; i < k / 2; i++)
        sum += exp(-h + i * log(h) - lgamma(i + 1.0) - lmax);
    return exp(lmax) * sum;
}

/* Chi-square test of uniformity of _wc_stats_rng_below(n) over draws
   values (n odd, so that k = n - 1 is even). */
static void
check_uniform(wc_test_t t, uint64_t n, slong draws, ulong seed)
{
    wc_stats_rng_struct g;
    slong * hits = flint_calloc(n, sizeof(slong));
    double e = (double) draws / n, x2 = 0.0;
    slong i;
    int in_range = 1;

    _wc_stats_rng_init(&g, seed, 3);
    for (i = 0; i < draws; i++)
    {
        uint64_t v = _wc_stats_rng_below(&g, n);

        if (v >= n)
            in_range = 0;
        else
            hits[v]++;
    }
    for (i = 0; i < (slong) n; i++)
        x2 += (hits[i] - e) * (hits[i] - e) / e;
    WC_CHECK(t, in_range && chi2_sf_even(x2, (long) n - 1) >= 1e-6,
             "rng_below(%lu): chi-square %.2f with %lu degrees of freedom",
             (unsigned long) n, x2, (unsigned long) (n - 1));
    flint_free(hits);
}

static void
check_rng(wc_test_t t, sim_rng * r)
{
    wc_stats_rng_struct a, b;
    uint64_t big[4] = { UINT64_C(1) << 63, (UINT64_C(1) << 63) + 5,
                        UINT64_MAX, UINT64_C(3) << 62 };
    slong i, k;
    int same = 1, differ = 0, ok = 1;

    /* The tail formula against known values: P(chi^2_2 > x) = e^(-x/2);
       P(chi^2_4 > 2) = 2/e. */
    WC_CHECK(t, fabs(chi2_sf_even(3.0, 2) - exp(-1.5)) < 1e-15
             && fabs(chi2_sf_even(2.0, 4) - 2 * exp(-1.0)) < 1e-15,
             "chi-square tail");

    check_uniform(t, 7, 70000, t->seed);
    check_uniform(t, 1001, 200000, t->seed + 1);
    check_uniform(t, 65537, 1310740, t->seed + 2);

    /* Every value below n for n near 2^64, where rejection is frequent
       (n = 3 * 2^62 rejects a quarter of the draws); n = 1 gives 0. */
    _wc_stats_rng_init(&a, t->seed, 0);
    for (k = 0; k < 4; k++)
        for (i = 0; i < 10000; i++)
            ok &= _wc_stats_rng_below(&a, big[k]) < big[k];
    for (i = 0; i < 100; i++)
        ok &= _wc_stats_rng_below(&a, 1) == 0;
    WC_CHECK(t, ok, "rng_below out of range");

    /* A stream is a pure function of (seed, stream). */
    _wc_stats_rng_init(&a, 17, 5);
    _wc_stats_rng_init(&b, 17, 5);
    for (i = 0; i < 100; i++)
        same &= _wc_stats_rng_next(&a) == _wc_stats_rng_next(&b);
    _wc_stats_rng_init(&a, 17, 5);
    _wc_stats_rng_init(&b, 17, 6);
    for (i = 0; i < 100; i++)
        differ += _wc_stats_rng_next(&a) != _wc_stats_rng_next(&b);
    WC_CHECK(t, same && differ == 100, "streams: same %d, differ %d", same,
             (int) differ);

    /* The portable 128-bit product: against the compiler's where it has
       one, else against a*b mod 2^64 and the bound hi < b for a < 2^64. */
    for (i = 0; i < 100000; i++)
    {
        uint64_t x = sim_next(r), y = sim_next(r), hi, lo;

        if (i < 4)
        {
            x = (i & 1) ? UINT64_MAX : 0;
            y = (i & 2) ? UINT64_MAX : 1;
        }
        _wc_stats_mul_64x64_portable(&hi, &lo, x, y);
#if defined(__SIZEOF_INT128__)
        {
            __extension__ unsigned __int128 p = (unsigned __int128) x * y;

            ok &= hi == (uint64_t) (p >> 64) && lo == (uint64_t) p;
        }
#else
        ok &= lo == x * y && (y == 0 || hi < y);
#endif
    }
    WC_CHECK(t, ok, "portable 128-bit product");
}

int
main(void)
{
    wc_test_t t;
    sim_rng r;
    slong N, trials, i;

    wc_test_init(t, "t-resample");
    sim_seed(&r, t->seed, 7);

    /* A hand example: x = 3, -1, 4, -2 with counts 0, 2, 1, 1 is the
       multiset -1, -1, 4, -2: |x| sorted 1, 1, 2, 4 (ranks 2, 4, 4), sum
       0, sum of squares 22, sum of |x| 8. */
    {
        const double x[4] = { 3, -1, 4, -2 }, x2[4] = { 9, 1, 16, 4 };
        const double ax[4] = { 3, 1, 4, 2 }, c[4] = { 0, 2, 1, 1 };
        const slong perm[4] = { 1, 3, 0, 2 };

        WC_CHECK(t, _wc_stats_resampled_stat(WC_STAT_MEDIAN, x, perm, c, 4)
                 == 1 && _wc_stats_resampled_stat(WC_STAT_Q90, x, perm, c, 4)
                 == 4 && _wc_stats_resampled_stat(WC_STAT_Q99, x, perm, c, 4)
                 == 4 && _wc_stats_resampled_stat(WC_STAT_MEAN, x, NULL, c,
                                                  4) == 0
                 && _wc_stats_resampled_stat(WC_STAT_RMS, x2, NULL, c, 4)
                    == sqrt(5.5)
                 && _wc_stats_resampled_stat(WC_STAT_ABS, ax, NULL, c, 4)
                    == 2, "hand example");
    }

    for (N = 1; N <= 120; N++)
        check_resampled(t, &r, N);
    trials = wc_test_trials(t, 20);
    for (i = 0; i < trials; i++)
        check_resampled(t, &r, 1 + (slong) (sim_next(&r) % 5000));

    check_rng(t, &r);

    return wc_test_finish(t);
}
