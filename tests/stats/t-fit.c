/* wc_stats_fit: exact power laws, the weighted least-squares slope against
   the normal equations solved here, the bootstrap standard error against
   the delta method with cross-width covariances, AUTO, the handling of
   non-finite samples, reproducibility and every error path.

   The only statistical assertion is the bootstrap standard error (test 4);
   its false-failure rate is below 1e-6 (see there).  Everything else is
   deterministic. */

#include <float.h>
#include <string.h>

#include "testutil.h"
#include "sim.h"

#define U (DBL_EPSILON / 2)
#define W 7

static const slong widths[W] = { 64, 128, 256, 512, 1024, 2048, 4096 };

static const wc_stat_kind all_stats[] =
{
    WC_STAT_MEAN, WC_STAT_RMS, WC_STAT_ABS, WC_STAT_MEDIAN, WC_STAT_Q90,
    WC_STAT_Q99, WC_STAT_AUTO
};
#define NSTATS 7

/* 1. With the same noise at every width (rho = 1) every resampled
   statistic is exactly proportional to n^a, so every replicate slope is a
   up to rounding.  The slopes are sums of 7 terms |c_w y_w| with
   sum |c_w| = 12/(28 ln 2) < 0.62 (equal weights, as the relative
   variances agree) and |y_w| < 12, so their rounding error is below
   15 u * 0.62 * 13 < 2e-14: the interval must contain a and be narrower
   than 1e-13, and the intercept is log(stat at n = 1) to 1e-13. */
static void
check_exact_power_law(wc_test_t t, sim_rng * r)
{
    const slong N = 50;
    double x[W * 50], base[50];
    const double c = 3.0, a = -0.75;
    wc_stats_row_struct row;
    wc_stats_fit_struct fit;
    wc_error_t err;
    slong k, s;

    sim_power_law(x, widths, W, N, c, a, 0.4, 1.0, r);
    for (s = 0; s < N; s++)
        base[s] = x[s] / pow((double) widths[0], a);
    wc_stats_summarise(&row, base, N, 1);

    for (k = 0; k < NSTATS; k++)
    {
        wc_stat_kind st = all_stats[k];
        double ref;

        wc_error_init(err);
        WC_CHECK(t, wc_stats_fit(&fit, x, widths, W, N, st, 200, 1, err)
                 == WC_OK, "exact power law, %s: %s", wc_stat_name(st),
                 err->msg);
        ref = log(wc_stats_row_get(&row, fit.stat));
        WC_CHECK(t, fit.ci_lo <= a && a <= fit.ci_hi
                 && fit.ci_hi - fit.ci_lo < 1e-13
                 && fabs(fit.slope - a) < 1e-13
                 && fabs(fit.intercept - ref) < 1e-13
                 && fit.se < 1e-13 && fit.nboot == 200 && fit.samples == N
                 && fit.nonfinite == 0,
                 "exact power law, %s: slope %.17g [%.17g, %.17g], "
                 "intercept %.17g (%.17g)", wc_stat_name(st), fit.slope,
                 fit.ci_lo, fit.ci_hi, fit.intercept, ref);
    }
    WC_CHECK(t, wc_stats_fit(&fit, x, widths, W, N, WC_STAT_AUTO, 200, 1,
                             err) == WC_OK
             && fit.stat == WC_STAT_MEAN && fit.sign_change == 0,
             "AUTO on a resolved positive mean");
}

/* 2. Two widths: the weighted fit passes through both points, whatever
   the weights.  The ys are the logs of the summary statistics, so the
   two routes differ only by rounding: 1e-12 is a thousand times the
   error of a difference of two logs of size 5 divided by log 4. */
static void
check_two_widths(wc_test_t t, sim_rng * r)
{
    const slong N = 40, ws[2] = { 100, 400 };
    double x[2 * 40];
    wc_stats_row_struct r0, r1;
    wc_stats_fit_struct fit;
    wc_error_t err;
    slong k;

    sim_power_law(x, ws, 2, N, 2.0, 0.5, 0.5, 0.3, r);
    wc_stats_summarise(&r0, x, N, ws[0]);
    wc_stats_summarise(&r1, x + N, N, ws[1]);
    for (k = 0; k < NSTATS - 1; k++)
    {
        wc_stat_kind st = all_stats[k];
        double y0 = log(wc_stats_row_get(&r0, st));
        double y1 = log(wc_stats_row_get(&r1, st));
        double slope = (y1 - y0) / log(4.0);

        WC_CHECK(t, wc_stats_fit(&fit, x, ws, 2, N, st, 100, 7, err)
                 == WC_OK && fabs(fit.slope - slope) < 1e-12
                 && fabs(fit.intercept - (y0 - slope * log(100.0))) < 1e-11,
                 "two widths, %s: %.17g against %.17g", wc_stat_name(st),
                 fit.slope, slope);
    }
}

/* Sample variance of t_i = g(x_i) by the plain two-pass formula. */
static double
sample_var(const double * x, slong n, int kind)
{
    double m = 0.0, v = 0.0, t;
    slong i;

    for (i = 0; i < n; i++)
        m += (kind == 0) ? x[i] : (kind == 1) ? x[i] * x[i] : fabs(x[i]);
    m /= n;
    for (i = 0; i < n; i++)
    {
        t = (kind == 0) ? x[i] : (kind == 1) ? x[i] * x[i] : fabs(x[i]);
        v += (t - m) * (t - m);
    }
    return v / (n - 1);
}

/* 3. Seven widths, delta-method weights computed here from the formulas
   of doc/stats.md, and the fit solved through the 2 x 2 normal equations
   by Cramer's rule (the library centres instead).  On u = log n in
   [4.1, 8.4] the normal equations have condition number below 1e4, so
   the routes agree to about 1e4 * 1e-15; we require 1e-10. */
static void
check_weighted(wc_test_t t, sim_rng * r)
{
    const slong N = 60;
    double x[W * 60];
    wc_stats_fit_struct fit;
    wc_error_t err;
    slong k, w;

    /* Different noise levels per width make the weights differ. */
    sim_power_law(x, widths, W, N, 1.5, -0.5, 0.3, 0.5, r);
    for (w = 0; w < W; w++)
    {
        slong s;
        double f = 1.0 + 0.4 * w;

        for (s = 0; s < N; s++)
        {
            double centre = 1.5 * pow((double) widths[w], -0.5);

            x[w * N + s] = centre + f * (x[w * N + s] - centre);
        }
    }

    for (k = 0; k < 3; k++)
    {
        wc_stat_kind st = all_stats[k];
        double s0 = 0, s1 = 0, s2 = 0, t0 = 0, t1 = 0, det, slope, icpt;

        for (w = 0; w < W; w++)
        {
            wc_stats_row_struct row;
            double v, y, u = log((double) widths[w]), m;

            wc_stats_summarise(&row, x + w * N, N, widths[w]);
            m = wc_stats_row_get(&row, st);
            y = log(m);
            if (st == WC_STAT_MEAN)
                v = sample_var(x + w * N, N, 0) / N / (m * m);
            else if (st == WC_STAT_RMS)
                v = sample_var(x + w * N, N, 1) / N / (4 * m * m * m * m);
            else
                v = sample_var(x + w * N, N, 2) / N / (m * m);
            s0 += 1 / v;
            s1 += u / v;
            s2 += u * u / v;
            t0 += y / v;
            t1 += u * y / v;
        }
        det = s0 * s2 - s1 * s1;
        slope = (s0 * t1 - s1 * t0) / det;
        icpt = (s2 * t0 - s1 * t1) / det;
        wc_error_init(err);
        WC_CHECK(t, wc_stats_fit(&fit, x, widths, W, N, st, 100, 3, err)
                 == WC_OK && fabs(fit.slope - slope) < 1e-10
                 && fabs(fit.intercept - icpt) < 1e-10,
                 "weighted %s: slope %.17g against %.17g, intercept %.17g "
                 "against %.17g", wc_stat_name(st), fit.slope, slope,
                 fit.intercept, icpt);
    }
}

/* 4. The bootstrap standard error of the MEAN slope against the delta
   method: slope = sum c_w log m_w, so
       Var(slope) = sum_{w,v} c_w c_v Cov(x_w, x_v) / (N m_w m_v),
   with the sample covariances across widths (here rho = 0.8, so the
   cross terms dominate).  With B replicates the bootstrap variance has
   relative standard deviation sqrt(2/(B-1)) (nearly normal replicates);
   the difference between the bootstrap and delta-method variances is of
   relative order sigma^2/N = 2e-5, negligible.  We accept
   |se_boot/se_delta - 1| <= 5 sqrt(1/(2(B-1))) (the se is the square
   root: half the relative deviation, at 10 standard deviations of se, a
   false-failure rate far below 1e-6).  The same data with the cross
   terms dropped (independent widths) give an se over twice as large,
   which this test would reject. */
static void
check_bootstrap_se(wc_test_t t, sim_rng * r)
{
    const slong N = 4000, B = 2000;
    double * x = flint_malloc(W * N * sizeof(double));
    double m[W], c[W], vw[W], u[W], sw = 0, ub = 0, suu = 0;
    double var = 0, var_indep = 0, se, se_indep, tol;
    wc_stats_fit_struct fit;
    wc_error_t err;
    slong w, v, s;

    sim_power_law(x, widths, W, N, 1.0, -0.5, 0.3, 0.8, r);
    for (w = 0; w < W; w++)
    {
        wc_stats_row_struct row;

        wc_stats_summarise(&row, x + w * N, N, widths[w]);
        m[w] = row.mean;
        vw[w] = row.se * row.se / (m[w] * m[w]);
        u[w] = log((double) widths[w]);
        sw += 1 / vw[w];
        ub += u[w] / vw[w];
    }
    ub /= sw;
    for (w = 0; w < W; w++)
        suu += (u[w] - ub) * (u[w] - ub) / vw[w];
    for (w = 0; w < W; w++)
        c[w] = (u[w] - ub) / vw[w] / suu;
    for (w = 0; w < W; w++)
        for (v = 0; v < W; v++)
        {
            double cov = 0;

            for (s = 0; s < N; s++)
                cov += (x[w * N + s] - m[w]) * (x[v * N + s] - m[v]);
            cov /= (double) (N - 1) * N * m[w] * m[v];
            var += c[w] * c[v] * cov;
            if (w == v)
                var_indep += c[w] * c[w] * cov;
        }
    se = sqrt(var);
    se_indep = sqrt(var_indep);
    tol = 5 * sqrt(1.0 / (2.0 * (B - 1)));

    wc_error_init(err);
    WC_CHECK(t, wc_stats_fit(&fit, x, widths, W, N, WC_STAT_MEAN, B, 11,
                             err) == WC_OK
             && fabs(fit.se / se - 1) <= tol,
             "bootstrap se %.6g, delta method %.6g (tolerance %.3g)",
             fit.se, se, tol);
    WC_CHECK(t, fabs(se_indep / se - 1) > 2 * tol,
             "the cross-width covariance should matter: %.6g vs %.6g",
             se_indep, se);
    /* The percentile interval of nearly normal replicates is close to
       slope -+ 1.96 se: its half-width within the same tolerance. */
    WC_CHECK(t, fabs((fit.ci_hi - fit.ci_lo) / (2 * 1.959964 * se) - 1)
             <= 2 * tol, "interval [%.6g, %.6g] against se %.6g",
             fit.ci_lo, fit.ci_hi, se);
    flint_free(x);
}

static int
fits_equal(const wc_stats_fit_struct * a, const wc_stats_fit_struct * b)
{
    return a->stat == b->stat && a->slope == b->slope
           && a->intercept == b->intercept && a->se == b->se
           && a->ci_lo == b->ci_lo && a->ci_hi == b->ci_hi
           && a->sign_change == b->sign_change && a->nboot == b->nboot
           && a->samples == b->samples && a->nonfinite == b->nonfinite;
}

/* 5. AUTO, signs, and the symmetry X -> -X. */
static void
check_auto(wc_test_t t, sim_rng * r)
{
    const slong N = 40;
    double x[W * 40], y[W * 40];
    wc_stats_fit_struct f1, f2;
    wc_error_t err;
    slong i, s;

    sim_power_law(x, widths, W, N, 1.0, -0.5, 0.2, 0.5, r);
    for (i = 0; i < W * N; i++)
        y[i] = -x[i];
    wc_stats_fit(&f1, x, widths, W, N, WC_STAT_AUTO, 100, 5, err);
    wc_stats_fit(&f2, y, widths, W, N, WC_STAT_AUTO, 100, 5, err);
    WC_CHECK(t, f1.stat == WC_STAT_MEAN && f2.stat == WC_STAT_MEAN
             && f1.sign_change == 0 && f2.sign_change == 0
             && fits_equal(&f1, &f2),
             "AUTO: negating the samples changes nothing");

    /* Negative at the three widest widths: a resolved sign change. */
    for (i = 0; i < W * N; i++)
        y[i] = (i < 4 * N) ? x[i] : -x[i];
    wc_stats_fit(&f1, y, widths, W, N, WC_STAT_AUTO, 100, 5, err);
    wc_stats_fit(&f2, y, widths, W, N, WC_STAT_RMS, 100, 5, err);
    WC_CHECK(t, f1.stat == WC_STAT_RMS && f1.sign_change == 1
             && fits_equal(&f1, &f2),
             "AUTO with a sign change: %s, %d", wc_stat_name(f1.stat),
             f1.sign_change);
    WC_CHECK(t, wc_stats_fit(&f1, y, widths, W, N, WC_STAT_MEAN, 100, 5,
                             err) == WC_OK
             && f1.stat == WC_STAT_MEAN && f1.sign_change == 1,
             "explicit MEAN with a sign change");

    /* An unresolved mean at one width: centred samples there. */
    memcpy(y, x, sizeof(x));
    for (s = 0; s < N; s++)
        y[2 * N + s] = (s % 2 ? 1.0 : -1.0) * x[2 * N + s];
    wc_stats_fit(&f1, y, widths, W, N, WC_STAT_AUTO, 100, 5, err);
    WC_CHECK(t, f1.stat == WC_STAT_RMS && f1.sign_change == 1,
             "AUTO with an unresolved mean: %s", wc_stat_name(f1.stat));
}

/* 6. Non-finite samples drop their whole index: the fit equals the fit
   of the compacted data, bit for bit. */
static void
check_nonfinite(wc_test_t t, sim_rng * r)
{
    const slong N = 30;
    double x[W * 30], y[W * 30];
    wc_stats_fit_struct f1, f2;
    wc_error_t err;
    slong w, s, n2, k;

    sim_power_law(x, widths, W, N, 1.0, 0.5, 0.3, 0.5, r);
    x[0 * N + 3] = NAN;
    x[4 * N + 3] = INFINITY;
    x[6 * N + 17] = -INFINITY;
    x[2 * N + 29] = NAN;
    n2 = 0;
    for (s = 0; s < N; s++)
    {
        if (s == 3 || s == 17 || s == 29)
            continue;
        for (w = 0; w < W; w++)
            y[w * (N - 3) + n2] = x[w * N + s];
        n2++;
    }
    for (k = 0; k < NSTATS; k++)
    {
        wc_error_init(err);
        WC_CHECK(t, wc_stats_fit(&f1, x, widths, W, N, all_stats[k], 50, 9,
                                 err) == WC_OK
                 && wc_stats_fit(&f2, y, widths, W, N - 3, all_stats[k], 50,
                                 9, err) == WC_OK
                 && f1.samples == N - 3 && f1.nonfinite == 3
                 && f2.nonfinite == 0 && f1.slope == f2.slope
                 && f1.ci_lo == f2.ci_lo && f1.ci_hi == f2.ci_hi
                 && f1.se == f2.se && f1.intercept == f2.intercept,
                 "non-finite samples, %s", wc_stat_name(all_stats[k]));
    }
}

/* 7. The same inputs give the same fit; another seed another interval;
   nboot = 0 means the default. */
static void
check_reproducible(wc_test_t t, sim_rng * r)
{
    const slong N = 30;
    double x[W * 30];
    wc_stats_fit_struct f1, f2;
    wc_error_t err;

    sim_power_law(x, widths, W, N, 1.0, 0.5, 0.3, 0.5, r);
    wc_stats_fit(&f1, x, widths, W, N, WC_STAT_MEDIAN, 0, 42, err);
    wc_stats_fit(&f2, x, widths, W, N, WC_STAT_MEDIAN, 0, 42, err);
    WC_CHECK(t, fits_equal(&f1, &f2)
             && f1.nboot == WC_STATS_NBOOT_DEFAULT, "reproducible");
    wc_stats_fit(&f2, x, widths, W, N, WC_STAT_MEDIAN, 0, 43, err);
    WC_CHECK(t, f1.slope == f2.slope && f1.se != f2.se,
             "another seed: same slope, another bootstrap");
}

static void
expect_error(wc_test_t t, const double * x, const slong * ws, slong nw,
             slong ns, wc_stat_kind st, slong nboot, const char * needle)
{
    wc_stats_fit_struct fit;
    wc_error_t err;
    wc_status status;

    wc_error_init(err);
    status = wc_stats_fit(&fit, x, ws, nw, ns, st, nboot, 1, err);
    WC_CHECK(t, status == WC_ERR_RANGE && err->status == WC_ERR_RANGE
             && strstr(err->msg, needle) != NULL
             && strchr(err->msg, '\n') == NULL && isnan(fit.slope)
             && isnan(fit.ci_lo) && isnan(fit.ci_hi) && isnan(fit.se),
             "expected an error containing '%s', got status %d: %s",
             needle, (int) status, err->msg);
    /* A NULL error report is allowed. */
    WC_CHECK(t, wc_stats_fit(&fit, x, ws, nw, ns, st, nboot, 1, NULL)
             == WC_ERR_RANGE, "NULL err");
}

/* 8. Every error path. */
static void
check_errors(wc_test_t t, sim_rng * r)
{
    const slong N = 20;
    double x[W * 20], y[W * 20];
    const slong same[3] = { 64, 64, 64 }, bad[3] = { 64, 0, 128 };
    const slong neg[2] = { -64, 128 };
    slong s, k;

    sim_power_law(x, widths, W, N, 1.0, 0.5, 0.3, 0.5, r);

    expect_error(t, x, widths, 1, N, WC_STAT_MEAN, 100, "two widths");
    expect_error(t, x, widths, 0, N, WC_STAT_MEAN, 100, "two widths");
    expect_error(t, x, same, 3, N, WC_STAT_MEAN, 100, "distinct");
    expect_error(t, x, bad, 3, N, WC_STAT_MEAN, 100, "not positive");
    expect_error(t, x, neg, 2, N, WC_STAT_MEAN, 100, "not positive");
    expect_error(t, x, widths, W, 7, WC_STAT_MEAN, 100, "at least 8");
    expect_error(t, x, widths, W, N, WC_STAT_MEAN, 39, "at least 40");
    expect_error(t, x, widths, W, N, WC_STAT_MEAN, -1, "at least 40");
    expect_error(t, x, widths, W, N, WC_STAT_MEAN, WC_STATS_NBOOT_MAX + 1,
                 "at most");
    expect_error(t, x, widths, W, N, WC_STAT_COUNT, 100, "unknown");
    expect_error(t, x, widths, W, N, (wc_stat_kind) -1, 100, "unknown");

    /* 13 of 20 indices non-finite somewhere: 7 remain. */
    memcpy(y, x, sizeof(x));
    for (s = 0; s < 13; s++)
        y[(s % W) * N + s] = (s % 2) ? NAN : INFINITY;
    expect_error(t, y, widths, W, N, WC_STAT_RMS, 100, "only 7 of 20");

    /* A mean exactly zero at width 256 (pairs x, -x). */
    memcpy(y, x, sizeof(x));
    for (s = 0; s < N; s += 2)
        y[2 * N + s + 1] = -y[2 * N + s];
    expect_error(t, y, widths, W, N, WC_STAT_MEAN, 100, "zero at width 256");
    {
        wc_stats_fit_struct fit;
        wc_error_t err;

        WC_CHECK(t, wc_stats_fit(&fit, y, widths, W, N, WC_STAT_AUTO, 100,
                                 1, err) == WC_OK
                 && fit.stat == WC_STAT_RMS && fit.sign_change,
                 "AUTO avoids the zero mean");
    }

    /* All samples zero at width 1024: every statistic is zero. */
    memcpy(y, x, sizeof(x));
    for (s = 0; s < N; s++)
        y[4 * N + s] = 0.0;
    for (k = 0; k < NSTATS; k++)
        expect_error(t, y, widths, W, N, all_stats[k], 100,
                     "zero at width 1024");

    /* More than half zeros: the median vanishes, the mean does not. */
    memcpy(y, x, sizeof(x));
    for (s = 0; s < 11; s++)
        y[s] = 0.0;
    expect_error(t, y, widths, W, N, WC_STAT_MEDIAN, 100, "median");

    /* 9 zeros of 20: the median (rank 10) of the data is positive, but a
       replicate drawing 10 or more zeros, about 40% of them, has median
       zero.  The interval would be meaningless: an error. */
    memcpy(y, x, sizeof(x));
    for (s = 0; s < 9; s++)
        y[s] = 0.0;
    expect_error(t, y, widths, W, N, WC_STAT_MEDIAN, 100, "bootstrap");
}

int
main(void)
{
    wc_test_t t;
    sim_rng r;

    wc_test_init(t, "t-fit");
    sim_seed(&r, t->seed, 4);

    check_exact_power_law(t, &r);
    check_two_widths(t, &r);
    check_weighted(t, &r);
    check_bootstrap_se(t, &r);
    check_auto(t, &r);
    check_nonfinite(t, &r);
    check_reproducible(t, &r);
    check_errors(t, &r);

    return wc_test_finish(t);
}
