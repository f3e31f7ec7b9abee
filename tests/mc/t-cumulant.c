/* The cumulant estimator against independent routes:
     - two variables: the unbiased covariance (N sum xy - sum x sum y) /
       (N (N - 1));
     - one variable repeated k = 2, 3, 4 times: Fisher's k-statistics in
       terms of the central sample moments m_r,
         k2 = N m2 / (N-1),  k3 = N^2 m3 / ((N-1)(N-2)),
         k4 = N^2 ((N+1) m4 - 3 (N-1) m2^2) / ((N-1)(N-2)(N-3));
     - three and four distinct variables: the definition, summing
       (-1)^(|pi|-1) (|pi|-1)! prod_B y_B(s_B) over set partitions pi and
       over all tuples of distinct samples, by brute force at N = 7;
     - the jackknife: pseudo-values from the estimator on the N - 1
       remaining samples, and their mean equal to the estimate.
   Exact identities are checked to 2^-40 relative to the sum of the
   absolute values of the terms.  Unbiasedness at small N is a
   statistical test: 4000 estimates of the fourth cumulant of Exp(1)
   (kappa_4 = 6) from N = 30 samples each, z-test at |z| <= 5 (false
   failure 5.7e-7). */

#include <math.h>
#include <string.h>

#include "testutil.h"
#include "weakcorr/mc.h"

static double
uniform(wc_test_t t)
{
    return ((double) n_randint(t->state, UWORD(1) << 52) + 0.5) * 0x1p-52;
}

static double
normal(wc_test_t t)
{
    return sqrt(-2 * log(uniform(t))) * cos(6.283185307179586 * uniform(t));
}

static double mobius_tab[] = {0, 1, -1, 2, -6, 24, -120};

/* Brute force: sum over set partitions of {0..k-1} (restricted growth
   strings) and over distinct sample tuples. */
static double
brute(const double * y, slong N, slong k, double * scale)
{
    slong a[6] = {0}, i, nb, total = 0;
    double sum = 0, asum = 0;

    for (;;)
    {
        slong tuple[6], maxv, j;
        double part = 0, apart = 0, count = 0;

        nb = 0;
        for (i = 0; i < k; i++)
            nb = FLINT_MAX(nb, a[i] + 1);

        /* all ordered tuples of nb distinct samples */
        for (i = 0; i < nb; i++)
            tuple[i] = 0;
        for (;;)
        {
            int distinct = 1;

            for (i = 0; i < nb; i++)
                for (j = 0; j < i; j++)
                    distinct &= (tuple[i] != tuple[j]);
            if (distinct)
            {
                double p = 1;

                for (i = 0; i < k; i++)
                    p *= y[tuple[a[i]] * k + i];
                part += p;
                apart += fabs(p);
                count += 1;
            }
            for (i = 0; i < nb; i++)
            {
                if (++tuple[i] < N)
                    break;
                tuple[i] = 0;
            }
            if (i == nb)
                break;
        }
        sum += mobius_tab[nb] * part / count;
        asum += fabs(mobius_tab[nb]) * apart / count;
        total++;

        /* next restricted growth string */
        for (i = k - 1; i >= 1; i--)
        {
            maxv = 0;
            for (j = 0; j < i; j++)
                maxv = FLINT_MAX(maxv, a[j]);
            if (a[i] <= maxv)
                break;
        }
        if (i < 1)
            break;
        a[i]++;
        for (j = i + 1; j < k; j++)
            a[j] = 0;
    }
    *scale = asum;
    return sum;
}

int
main(void)
{
    wc_test_t t;
    slong trial, N, k, s, g;
    double y[400 * 4], yy[400 * 4], ps[400], kap, kap2, scale;
    wc_error_t err;

    wc_test_init(t, "t-cumulant");
    wc_error_init(err);

    for (trial = 0; trial < wc_test_trials(t, 50); trial++)
    {
        double sx = 0, sy = 0, sxy = 0, m2 = 0, m3 = 0, m4 = 0, mean = 0;
        double cov, k2, k3, k4, sc;

        N = wc_test_randint(t, 5, 40);
        for (s = 0; s < N; s++)
        {
            y[2 * s] = normal(t) + 3;
            y[2 * s + 1] = 0.5 * y[2 * s] + normal(t);
            sx += y[2 * s];
            sy += y[2 * s + 1];
            sxy += y[2 * s] * y[2 * s + 1];
        }
        cov = (N * sxy - sx * sy) / ((double) N * (N - 1));
        wc_mc_cumulant(&kap, NULL, y, N, 2, err);
        WC_CHECK(t, fabs(kap - cov) <= 0x1p-40 * (fabs(sxy) / N + 10),
                 "covariance: %.17g vs %.17g", kap, cov);

        /* one variable, k = 2, 3, 4 */
        for (s = 0; s < N; s++)
            mean += y[2 * s] / N;
        for (s = 0; s < N; s++)
        {
            double d = y[2 * s] - mean;

            m2 += d * d / N;
            m3 += d * d * d / N;
            m4 += d * d * d * d / N;
        }
        k2 = N * m2 / (N - 1);
        k3 = (double) N * N * m3 / ((N - 1.0) * (N - 2.0));
        k4 = (double) N * N * ((N + 1.0) * m4 - 3.0 * (N - 1) * m2 * m2)
             / ((N - 1.0) * (N - 2.0) * (N - 3.0));
        sc = m4 + m2 * m2 + 1;
        for (k = 2; k <= 4; k++)
        {
            double want = (k == 2) ? k2 : (k == 3) ? k3 : k4;

            for (s = 0; s < N; s++)
                for (g = 0; g < k; g++)
                    yy[s * k + g] = y[2 * s];
            wc_mc_cumulant(&kap, NULL, yy, N, k, err);
            WC_CHECK(t, fabs(kap - want) <= 0x1p-40 * sc * N,
                     "k%ld with N = %ld: %.17g vs Fisher %.17g", (long) k,
                     (long) N, kap, want);
        }
    }

    /* Joint cumulants of three and four distinct variables against the
       definition; the jackknife. */
    for (trial = 0; trial < wc_test_trials(t, 6); trial++)
        for (k = 1; k <= 4; k++)
        {
            double mean = 0, br;

            N = 7;
            for (s = 0; s < N * k; s++)
                y[s] = normal(t) + (s % k);
            br = brute(y, N, k, &scale);
            wc_mc_cumulant(&kap, ps, y, N, k, err);
            WC_CHECK(t, fabs(kap - br) <= 0x1p-40 * scale,
                     "joint cumulant of %ld variables: %.17g vs definition "
                     "%.17g", (long) k, kap, br);
            for (s = 0; s < N; s++)
            {
                slong r = 0, q;

                mean += ps[s] / N;
                for (q = 0; q < N; q++)
                    if (q != s)
                    {
                        memcpy(yy + r * k, y + q * k, k * sizeof(double));
                        r++;
                    }
                if (N - 1 >= k + 1)
                {
                    wc_mc_cumulant(&kap2, NULL, yy, N - 1, k, err);
                    WC_CHECK(t, fabs(ps[s] - (N * kap - (N - 1) * kap2))
                             <= 0x1p-38 * N * scale,
                             "pseudo-value %ld", (long) s);
                }
            }
            WC_CHECK(t, fabs(mean - kap) <= 0x1p-40 * N * scale,
                     "mean of pseudo-values %.17g, estimate %.17g", mean,
                     kap);
        }

    /* Unbiased at small N: kappa_4 of Exp(1) is 3! = 6. */
    {
        double s1 = 0, s2 = 0, m, sd, z;
        slong M = 4000, r;

        N = 30;
        for (r = 0; r < M; r++)
        {
            for (s = 0; s < N; s++)
                y[s] = -log(uniform(t));
            for (s = 0; s < N; s++)
                for (g = 0; g < 4; g++)
                    yy[s * 4 + g] = y[s];
            wc_mc_cumulant(&kap, NULL, yy, N, 4, err);
            s1 += kap;
            s2 += kap * kap;
        }
        m = s1 / M;
        sd = sqrt((s2 / M - m * m) * M / (M - 1));
        z = (m - 6) / (sd / sqrt((double) M));
        WC_CHECK(t, fabs(z) <= 5, "E[k4] = %g, expected 6 (z = %.2f)", m, z);
    }

    /* Errors. */
    WC_CHECK(t, wc_mc_cumulant(&kap, NULL, y, 3, 3, err) == WC_ERR_RANGE,
             "too few samples");
    WC_CHECK(t, wc_mc_cumulant(&kap, NULL, y, 100, 7, err) == WC_ERR_RANGE,
             "too many arguments");

    return wc_test_finish(t);
}
