/* Statistical tests of the generator's output, seeded by WC_TEST_SEED.

   N = 2^20 deviates per test.  Each test below has false-failure
   probability at most about 1e-6 under a correct generator (two-sided
   z-tests at |z| <= 5.3, tail 1.2e-7; Kolmogorov-Smirnov at
   sqrt(N) D <= 2.69, asymptotic tail 2 exp(-2 * 2.69^2) = 1.0e-6), so
   the eleven tests together fail falsely with probability below 2e-5. */

#include <math.h>
#include <stdlib.h>

#include "testutil.h"
#include "weakcorr/rng.h"

#define NROWS 1024
#define ROWLEN 1024
#define N (NROWS * ROWLEN)
#define ZCRIT 5.3
#define KSCRIT 2.69

static int
cmp_double(const void * a, const void * b)
{
    double x = *(const double *) a, y = *(const double *) b;

    return (x > y) - (x < y);
}

/* sqrt(N) times the Kolmogorov-Smirnov distance of the sorted sample x
   from the distribution function cdf. */
static double
ks_stat(double * x, slong n, double (*cdf)(double))
{
    double d = 0;
    slong i;

    qsort(x, n, sizeof(double), cmp_double);
    for (i = 0; i < n; i++)
    {
        double f = cdf(x[i]);

        d = FLINT_MAX(d, FLINT_MAX(f - (double) i / n,
                                   (double) (i + 1) / n - f));
    }
    return d * sqrt((double) n);
}

static double
phi(double z)
{
    return 0.5 * erfc(-z / sqrt(2.0));
}

static double
uniform_cdf(double u)
{
    return u;
}

int
main(void)
{
    wc_test_t t;
    wc_rng_row_struct r;
    double * z = flint_malloc(N * sizeof(double));
    double * w = flint_malloc(N * sizeof(double));
    double s1 = 0, s2 = 0, s3 = 0, s4 = 0, mean, var, skew, kurt, ks;
    double c01 = 0, csq = 0, cs = 0, sg = 0;
    slong i, k;

    wc_test_init(t, "t-normal");
    r.seed = t->seed;
    r.sample = 7;
    r.stream = wc_rng_stream(WC_RNG_WEIGHT, 2);
    for (k = 0; k < NROWS; k++)
    {
        r.row = (uint32_t) k;
        wc_rng_normal_row(z + k * ROWLEN, &r, 0, ROWLEN);
    }

    for (i = 0; i < N; i++)
    {
        double v = z[i], v2 = v * v;

        s1 += v;
        s2 += v2;
        s3 += v2 * v;
        s4 += v2 * v2;
    }
    mean = s1 / N;
    var = s2 / N - mean * mean;
    skew = s3 / N;
    kurt = s4 / N - 3.0;
    WC_CHECK(t, fabs(mean * sqrt((double) N)) <= ZCRIT, "mean %g", mean);
    WC_CHECK(t, fabs((var - 1) * sqrt(N / 2.0)) <= ZCRIT, "variance %g",
             var);
    WC_CHECK(t, fabs(skew * sqrt(N / 15.0)) <= ZCRIT, "third moment %g",
             skew);
    WC_CHECK(t, fabs(kurt * sqrt(N / 96.0)) <= ZCRIT,
             "fourth moment - 3 = %g", kurt);

    /* The cosine and sine halves of a pair, and their squares, must be
       uncorrelated (Var[z0 z1] = 1; Var[(z0^2-1)(z1^2-1)] = 4). */
    for (i = 0; i < N; i += 2)
    {
        c01 += z[i] * z[i + 1];
        csq += (z[i] * z[i] - 1) * (z[i + 1] * z[i + 1] - 1);
    }
    WC_CHECK(t, fabs(c01 / sqrt(N / 2.0)) <= ZCRIT, "pair correlation");
    WC_CHECK(t, fabs(csq / sqrt(4.0 * N / 2.0)) <= ZCRIT,
             "pair correlation of squares");

    /* A neighbouring sample at the same positions is independent. */
    r.sample = 8;
    for (k = 0; k < NROWS; k++)
    {
        r.row = (uint32_t) k;
        wc_rng_normal_row(w + k * ROWLEN, &r, 0, ROWLEN);
    }
    for (i = 0; i < N; i++)
        cs += z[i] * w[i];
    WC_CHECK(t, fabs(cs / sqrt((double) N)) <= ZCRIT,
             "correlation across samples");

    ks = ks_stat(z, N, phi);
    WC_CHECK(t, ks <= KSCRIT, "Kolmogorov-Smirnov sqrt(N) D = %g", ks);
    printf("normals: mean %.2e, variance - 1 %.2e, KS sqrt(N) D %.3f\n",
           mean, var - 1, ks);

    /* Uniforms and signs. */
    r.stream = wc_rng_stream(WC_RNG_USER, 0);
    r.row = 0;
    for (i = 0; i < N; i++)
        w[i] = wc_rng_uniform(&r, (uint64_t) i);
    ks = ks_stat(w, N, uniform_cdf);
    WC_CHECK(t, ks <= KSCRIT && w[0] > 0 && w[N - 1] <= 1.0,
             "uniform Kolmogorov-Smirnov sqrt(N) D = %g", ks);

    r.stream = wc_rng_stream(WC_RNG_PROBE, 1);
    wc_rng_sign_row(w, &r, 0, N);
    for (i = 0; i < N; i++)
        sg += w[i];
    WC_CHECK(t, fabs(sg / sqrt((double) N)) <= ZCRIT, "sign mean %g",
             sg / N);
    sg = 0;
    for (i = 0; i + 1 < N; i++)
        sg += w[i] * w[i + 1];
    WC_CHECK(t, fabs(sg / sqrt((double) N)) <= ZCRIT,
             "neighbouring signs correlated");

    flint_free(z);
    flint_free(w);
    return wc_test_finish(t);
}
