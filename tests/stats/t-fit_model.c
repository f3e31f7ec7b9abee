/* wc_stats_fit_model: the corrected model log(stat) = a + s log n + c/n
   on exact data (s and c to rounding, the interval containing s), against
   the 3 x 3 weighted normal equations solved in 256-bit MPFR arithmetic,
   the bootstrap standard error against the delta method with cross-width
   covariances, the power model against wc_stats_fit bit for bit,
   non-finite samples, reproducibility, and every error path.

   The only statistical assertion is the bootstrap standard error (test
   4), at ten standard deviations of the estimate: false failures far
   below 1e-6.  Everything else is deterministic. */

#include <float.h>
#include <string.h>
#include <mpfr.h>

#include "testutil.h"
#include "sim.h"

#define U (DBL_EPSILON / 2)
#define REF_PREC 256

static const wc_stat_kind all_stats[] =
{
    WC_STAT_MEAN, WC_STAT_RMS, WC_STAT_ABS, WC_STAT_MEDIAN, WC_STAT_Q90,
    WC_STAT_Q99, WC_STAT_AUTO
};
#define NSTATS 7

/* X[w N + s] = C n_w^a exp(c / n_w) (1 + sigma e_{s,w}), e correlated
   with coefficient rho across widths as in sim_power_law.  With rho = 1
   every statistic of the samples is exactly C n^a exp(c/n) times the same
   statistic of 1 + sigma e: the corrected model holds exactly. */
static void
sim_corrected(double * x, const slong * widths, slong W, slong N, double C,
              double a, double c, double sigma, double rho, sim_rng * r)
{
    slong w, s;

    for (s = 0; s < N; s++)
    {
        double z = sim_normal(r);

        for (w = 0; w < W; w++)
        {
            double e = sqrt(rho) * z + sqrt(1.0 - rho) * sim_normal(r);
            double n = (double) widths[w];

            x[w * N + s] = C * pow(n, a) * exp(c / n) * (1 + sigma * e);
        }
    }
}

/* The weighted least-squares fit of y = a + s log n + c / n by the normal
   equations A z = X^T V y, A = X^T V X, in REF_PREC-bit arithmetic
   (Gaussian elimination with partial pivoting; the columns are computed
   from the integer widths to full precision).  Also the slope's
   coefficients h_w = v_w x_w^T A^-1 e_2, so that slope = h . y. */
static void
reference_fit(double * slope, double * corr, double * icpt, double * h,
              const double * v, const double * y, const slong * widths,
              slong W)
{
    mpfr_t A[3][4], X[3], t, piv;
    mpfr_t B[3][4];
    slong w, i, j, k, pass;

    mpfr_inits2(REF_PREC, t, piv, (mpfr_ptr) 0);
    for (i = 0; i < 3; i++)
    {
        mpfr_init2(X[i], REF_PREC);
        for (j = 0; j < 4; j++)
        {
            mpfr_init2(A[i][j], REF_PREC);
            mpfr_set_zero(A[i][j], 1);
            mpfr_init2(B[i][j], REF_PREC);
        }
    }

    /* Two systems: pass 0 solves for (a, s, c), pass 1 for A^-1 e_2. */
    for (w = 0; w < W; w++)
    {
        mpfr_set_ui(X[0], 1, MPFR_RNDN);
        mpfr_set_si(X[1], widths[w], MPFR_RNDN);
        mpfr_log(X[1], X[1], MPFR_RNDN);
        mpfr_set_ui(X[2], 1, MPFR_RNDN);
        mpfr_div_si(X[2], X[2], widths[w], MPFR_RNDN);
        for (i = 0; i < 3; i++)
        {
            for (j = 0; j < 3; j++)
            {
                mpfr_mul(t, X[i], X[j], MPFR_RNDN);
                mpfr_mul_d(t, t, v[w], MPFR_RNDN);
                mpfr_add(A[i][j], A[i][j], t, MPFR_RNDN);
            }
            mpfr_mul_d(t, X[i], v[w], MPFR_RNDN);
            mpfr_mul_d(t, t, y[w], MPFR_RNDN);
            mpfr_add(A[i][3], A[i][3], t, MPFR_RNDN);
        }
    }

    for (pass = 0; pass < 2; pass++)
    {
        double z[3];

        for (i = 0; i < 3; i++)
            for (j = 0; j < 4; j++)
            {
                if (j < 3 || pass == 0)
                    mpfr_set(B[i][j], A[i][j], MPFR_RNDN);
                else
                    mpfr_set_ui(B[i][j], i == 1, MPFR_RNDN);
            }
        for (k = 0; k < 3; k++)
        {
            slong p = k;

            for (i = k + 1; i < 3; i++)
                if (mpfr_cmpabs(B[i][k], B[p][k]) > 0)
                    p = i;
            for (j = 0; j < 4; j++)
                mpfr_swap(B[k][j], B[p][j]);
            for (i = k + 1; i < 3; i++)
            {
                mpfr_div(piv, B[i][k], B[k][k], MPFR_RNDN);
                for (j = k; j < 4; j++)
                {
                    mpfr_mul(t, piv, B[k][j], MPFR_RNDN);
                    mpfr_sub(B[i][j], B[i][j], t, MPFR_RNDN);
                }
            }
        }
        for (k = 2; k >= 0; k--)
        {
            for (j = k + 1; j < 3; j++)
            {
                mpfr_mul(t, B[k][j], B[j][3], MPFR_RNDN);
                mpfr_sub(B[k][3], B[k][3], t, MPFR_RNDN);
            }
            mpfr_div(B[k][3], B[k][3], B[k][k], MPFR_RNDN);
            z[k] = mpfr_get_d(B[k][3], MPFR_RNDN);
        }
        if (pass == 0)
        {
            *icpt = z[0];
            *slope = z[1];
            *corr = z[2];
        }
        else if (h != NULL)
        {
            for (w = 0; w < W; w++)
            {
                /* h_w = v_w (z_0 + z_1 log n_w + z_2 / n_w), in MPFR. */
                mpfr_set_si(X[1], widths[w], MPFR_RNDN);
                mpfr_log(X[1], X[1], MPFR_RNDN);
                mpfr_mul(X[1], X[1], B[1][3], MPFR_RNDN);
                mpfr_div_si(X[2], B[2][3], widths[w], MPFR_RNDN);
                mpfr_add(t, B[0][3], X[1], MPFR_RNDN);
                mpfr_add(t, t, X[2], MPFR_RNDN);
                mpfr_mul_d(t, t, v[w], MPFR_RNDN);
                h[w] = mpfr_get_d(t, MPFR_RNDN);
            }
        }
    }

    for (i = 0; i < 3; i++)
    {
        mpfr_clear(X[i]);
        for (j = 0; j < 4; j++)
        {
            mpfr_clear(A[i][j]);
            mpfr_clear(B[i][j]);
        }
    }
    mpfr_clears(t, piv, (mpfr_ptr) 0);
}

/* 1. Exact data (rho = 1): every statistic is C n^a exp(c/n) K, so every
   replicate, and the fit itself, must return a and c up to rounding, in
   any order of the widths and with repeated widths.
   The slope is h . y with y_w = log(stat_w), |y_w| < 12, each y_w
   computed to a relative error of a few u; the computed h deviates from
   the exact coefficients by about W u / q relative (q = 1 - r^2 >= 0.06
   for these sets, design.c), and sum |h_w| is below 6 (the reference's
   h, checked below).  So the slope is within 6 * 13 * (8 + 40 / 0.06) u
   < 1e-11 of a; the correction's coefficients are larger by the scale
   n_max of 1/n.  We require |slope - a| < 1e-11, |correction - c| <
   1e-11 n_max, an interval containing a and narrower than 1e-10, and the
   intercept log(C K) to 1e-10 (measured errors: about 1e-15 for the
   slope, 3e-13 for the correction).  A near-collinear design (widths
   1000..1003, q about 2e-7) is far less accurate (slope errors up to
   1e-9); there only containment is required: the interval's rounding
   allowance must cover the larger error. */
static void
check_exact(wc_test_t t, sim_rng * r)
{
    static const slong sets[6][7] =
    {
        { 64, 128, 256, 512, 1024 },
        { 16, 32, 64, 128 },
        { 64, 128, 256, 512, 1024, 2048, 4096 },
        { 100, 150, 300, 1000, 5000 },
        { 64, 64, 128, 256, 512 },
        { 512, 64, 1024, 128, 256 }
    };
    static const slong nsets[6] = { 5, 4, 7, 5, 5, 5 };
    static const slong close[4] = { 1000, 1001, 1002, 1003 };
    const slong N = 40;
    const double C = 2.5, a = -1.0, c = -8.0, sigma = 0.3;
    double x[7 * 40], base[40];
    wc_stats_row_struct row;
    wc_stats_fit_struct fit;
    wc_error_t err;
    slong i, k, s, w;

    for (i = 0; i < 6; i++)
    {
        const slong * ws = sets[i];
        slong W = nsets[i];
        double v[7], y[7], h[7], rs, rc, ri, habs = 0.0, nmax = 0.0;

        sim_corrected(x, ws, W, N, C, a, c, sigma, 1.0, r);
        for (s = 0; s < N; s++)
            base[s] = x[s] / (C * pow((double) ws[0], a)
                              * exp(c / (double) ws[0]));
        wc_stats_summarise(&row, base, N, 1);

        /* Equal weights: the relative variances agree. */
        for (w = 0; w < W; w++)
        {
            v[w] = 1.0;
            y[w] = 0.0;
        }
        reference_fit(&rs, &rc, &ri, h, v, y, ws, W);
        for (w = 0; w < W; w++)
        {
            habs += fabs(h[w]);
            nmax = FLINT_MAX(nmax, (double) ws[w]);
        }
        WC_CHECK(t, habs < 6.0, "set %ld: sum |h| = %g", (long) i, habs);

        for (k = 0; k < NSTATS; k++)
        {
            wc_stat_kind st = all_stats[k];
            double ref;

            wc_error_init(err);
            WC_CHECK(t, wc_stats_fit_model(&fit, x, ws, W, N, st,
                                           WC_STATS_MODEL_CORRECTED, 200, 1,
                                           err) == WC_OK,
                     "exact, set %ld, %s: %s", (long) i, wc_stat_name(st),
                     err->msg);
            ref = log(C * wc_stats_row_get(&row, fit.stat));
            WC_CHECK(t, fit.model == WC_STATS_MODEL_CORRECTED
                     && fit.ci_lo <= a && a <= fit.ci_hi
                     && fit.ci_hi - fit.ci_lo < 1e-10
                     && fabs(fit.slope - a) < 1e-11
                     && fabs(fit.correction - c) < 1e-11 * nmax
                     && fabs(fit.intercept - ref) < 1e-10
                     && fit.se < 1e-11 && fit.correction_se < 1e-8
                     && fit.samples == N,
                     "exact, set %ld, %s: slope %.17g [%.17g, %.17g], "
                     "correction %.17g, intercept %.17g (%.17g)", (long) i,
                     wc_stat_name(st), fit.slope, fit.ci_lo, fit.ci_hi,
                     fit.correction, fit.intercept, ref);
        }
    }

    sim_corrected(x, close, 4, N, C, a, c, sigma, 1.0, r);
    for (k = 0; k < NSTATS; k++)
    {
        wc_error_init(err);
        WC_CHECK(t, wc_stats_fit_model(&fit, x, close, 4, N, all_stats[k],
                                       WC_STATS_MODEL_CORRECTED, 100, 1, err)
                 == WC_OK && fit.ci_lo <= a && a <= fit.ci_hi,
                 "exact, widths 1000..1003, %s: [%.17g, %.17g] %s",
                 wc_stat_name(all_stats[k]), fit.ci_lo, fit.ci_hi,
                 err->msg);
    }
}

/* Sample variance of g(x_i), g = identity, square or absolute value. */
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

/* The delta-method weights of doc/stats.md, computed here, and the
   logs of the statistics. */
static void
weights_and_logs(double * v, double * y, const double * x,
                 const slong * widths, slong W, slong N, wc_stat_kind st)
{
    slong w;

    for (w = 0; w < W; w++)
    {
        wc_stats_row_struct row;
        double m, var;

        wc_stats_summarise(&row, x + w * N, N, widths[w]);
        m = wc_stats_row_get(&row, st);
        y[w] = log(m);
        if (st == WC_STAT_MEAN)
            var = sample_var(x + w * N, N, 0) / N / (m * m);
        else if (st == WC_STAT_RMS)
            var = sample_var(x + w * N, N, 1) / N / (4 * m * m * m * m);
        else
            var = sample_var(x + w * N, N, 2) / N / (m * m);
        v[w] = 1.0 / var;
    }
}

/* 2. Noisy data with unequal weights (the noise level grows with the
   width index), against the normal equations solved in MPFR with weights
   computed here.  The two routes differ by the rounding of the weights
   (relative 1e-14 at most: different summation orders) and of the
   logs, propagated through a fit whose sensitivity to them is at most
   1/q (below 15 for these widths) times the power law's, for which
   t-fit allows 1e-10; we require 1e-9 for the slope and the intercept,
   and 1e-9 n_max for the correction (its column 1/n is small). */
static void
check_reference(wc_test_t t, sim_rng * r)
{
    static const slong ws[6] = { 32, 64, 100, 256, 700, 2048 };
    const slong W = 6, N = 80;
    double x[6 * 80], v[6], y[6];
    wc_stats_fit_struct fit;
    wc_error_t err;
    slong k, w, s;

    sim_corrected(x, ws, W, N, 1.5, -0.5, 6.0, 0.3, 0.5, r);
    for (w = 0; w < W; w++)
    {
        double f = 1.0 + 0.4 * w;
        double centre = 1.5 * pow((double) ws[w], -0.5)
                        * exp(6.0 / (double) ws[w]);

        for (s = 0; s < N; s++)
            x[w * N + s] = centre + f * (x[w * N + s] - centre);
    }

    for (k = 0; k < 3; k++)
    {
        wc_stat_kind st = all_stats[k];
        double rs, rc, ri;

        weights_and_logs(v, y, x, ws, W, N, st);
        reference_fit(&rs, &rc, &ri, NULL, v, y, ws, W);
        wc_error_init(err);
        WC_CHECK(t, wc_stats_fit_model(&fit, x, ws, W, N, st,
                                       WC_STATS_MODEL_CORRECTED, 100, 3, err)
                 == WC_OK && fabs(fit.slope - rs) < 1e-9
                 && fabs(fit.correction - rc) < 1e-9 * ws[W - 1]
                 && fabs(fit.intercept - ri) < 1e-9,
                 "reference, %s: slope %.17g against %.17g, correction "
                 "%.17g against %.17g, intercept %.17g against %.17g",
                 wc_stat_name(st), fit.slope, rs, fit.correction, rc,
                 fit.intercept, ri);
    }
}

/* 3. The bootstrap standard error of the corrected MEAN slope against
   the delta method: slope = sum h_w log m_w with the reference h, so
       Var(slope) = sum_{w,v} h_w h_v Cov(x_w, x_v) / (N m_w m_v).
   As in t-fit: with B replicates the bootstrap variance has relative
   standard deviation sqrt(2/(B-1)); we accept |se_boot/se_delta - 1| <=
   5 sqrt(1/(2(B-1))), ten standard deviations of the se (false failures
   far below 1e-6).  The power law's h on the same data gives an se
   smaller by about sqrt(q), which this test would reject. */
static void
check_bootstrap_se(wc_test_t t, sim_rng * r)
{
    static const slong ws[5] = { 64, 128, 256, 512, 1024 };
    const slong W = 5, N = 4000, B = 2000;
    double * x = flint_malloc(W * N * sizeof(double));
    double m[5], v[5], y[5], h[5], rs, rc, ri, var = 0.0, se, tol;
    wc_stats_fit_struct fit, pfit;
    wc_error_t err;
    slong w, k, s;

    sim_corrected(x, ws, W, N, 1.0, -1.0, -8.0, 0.3, 0.8, r);
    weights_and_logs(v, y, x, ws, W, N, WC_STAT_MEAN);
    reference_fit(&rs, &rc, &ri, h, v, y, ws, W);
    for (w = 0; w < W; w++)
        m[w] = exp(y[w]);
    for (w = 0; w < W; w++)
        for (k = 0; k < W; k++)
        {
            double cov = 0.0;

            for (s = 0; s < N; s++)
                cov += (x[w * N + s] - m[w]) * (x[k * N + s] - m[k]);
            cov /= (double) (N - 1) * N * m[w] * m[k];
            var += h[w] * h[k] * cov;
        }
    se = sqrt(var);
    tol = 5 * sqrt(1.0 / (2.0 * (B - 1)));

    wc_error_init(err);
    WC_CHECK(t, wc_stats_fit_model(&fit, x, ws, W, N, WC_STAT_MEAN,
                                   WC_STATS_MODEL_CORRECTED, B, 11, err)
             == WC_OK && fabs(fit.se / se - 1) <= tol,
             "corrected: bootstrap se %.6g, delta method %.6g (tolerance "
             "%.3g)", fit.se, se, tol);
    WC_CHECK(t, fabs((fit.ci_hi - fit.ci_lo) / (2 * 1.959964 * se) - 1)
             <= 2 * tol, "corrected interval [%.6g, %.6g] against se %.6g",
             fit.ci_lo, fit.ci_hi, se);
    WC_CHECK(t, wc_stats_fit(&pfit, x, ws, W, N, WC_STAT_MEAN, B, 11, err)
             == WC_OK && fabs(pfit.se / se - 1) > 2 * tol,
             "the power law's se %.6g should differ from %.6g", pfit.se,
             se);
    printf("corrected se %.6g (delta method %.6g), power law se %.6g, "
           "ratio %.3f\n", fit.se, se, pfit.se, fit.se / pfit.se);
    flint_free(x);
}

static int
fits_equal(const wc_stats_fit_struct * a, const wc_stats_fit_struct * b)
{
    return a->stat == b->stat && a->model == b->model
           && a->slope == b->slope && a->intercept == b->intercept
           && a->se == b->se && a->ci_lo == b->ci_lo && a->ci_hi == b->ci_hi
           && a->sign_change == b->sign_change && a->nboot == b->nboot
           && a->samples == b->samples && a->nonfinite == b->nonfinite
           && a->correction == b->correction
           && a->correction_se == b->correction_se;
}

/* 4. POWER through wc_stats_fit_model is wc_stats_fit bit for bit, with
   correction 0; AUTO resolves as for the power law; non-finite samples
   drop their index (the fit of the compacted data, bit for bit); the
   same inputs give the same fit, another seed the same estimates with
   another interval. */
static void
check_consistency(wc_test_t t, sim_rng * r)
{
    static const slong ws[5] = { 64, 128, 256, 512, 1024 };
    const slong W = 5, N = 30;
    double x[5 * 30], y[5 * 30];
    wc_stats_fit_struct f1, f2;
    wc_error_t err;
    slong k, w, s, n2;

    sim_corrected(x, ws, W, N, 1.0, 0.5, 4.0, 0.3, 0.5, r);
    for (k = 0; k < NSTATS; k++)
    {
        wc_stats_fit(&f1, x, ws, W, N, all_stats[k], 60, 9, err);
        wc_stats_fit_model(&f2, x, ws, W, N, all_stats[k],
                           WC_STATS_MODEL_POWER, 60, 9, err);
        WC_CHECK(t, fits_equal(&f1, &f2) && f1.model == WC_STATS_MODEL_POWER
                 && f1.correction == 0.0 && f1.correction_se == 0.0,
                 "POWER is wc_stats_fit, %s", wc_stat_name(all_stats[k]));
        wc_stats_fit_model(&f2, x, ws, W, N, all_stats[k],
                           WC_STATS_MODEL_CORRECTED, 60, 9, err);
        WC_CHECK(t, f2.stat == f1.stat && f2.sign_change == f1.sign_change,
                 "AUTO resolves alike, %s", wc_stat_name(all_stats[k]));
    }

    memcpy(y, x, sizeof(x));
    y[0 * N + 3] = NAN;
    y[4 * N + 3] = INFINITY;
    y[2 * N + 17] = -INFINITY;
    n2 = 0;
    for (s = 0; s < N; s++)
    {
        if (s == 3 || s == 17)
            continue;
        for (w = 0; w < W; w++)
            x[w * (N - 2) + n2] = y[w * N + s];
        n2++;
    }
    for (k = 0; k < NSTATS; k++)
    {
        wc_error_init(err);
        WC_CHECK(t, wc_stats_fit_model(&f1, y, ws, W, N, all_stats[k],
                                       WC_STATS_MODEL_CORRECTED, 50, 9, err)
                 == WC_OK
                 && wc_stats_fit_model(&f2, x, ws, W, N - 2, all_stats[k],
                                       WC_STATS_MODEL_CORRECTED, 50, 9, err)
                 == WC_OK && f1.samples == N - 2 && f1.nonfinite == 2
                 && f1.slope == f2.slope && f1.ci_lo == f2.ci_lo
                 && f1.ci_hi == f2.ci_hi && f1.se == f2.se
                 && f1.correction == f2.correction
                 && f1.correction_se == f2.correction_se
                 && f1.intercept == f2.intercept,
                 "non-finite samples, %s", wc_stat_name(all_stats[k]));
    }

    wc_stats_fit_model(&f1, x, ws, W, N - 2, WC_STAT_MEDIAN,
                       WC_STATS_MODEL_CORRECTED, 0, 42, err);
    wc_stats_fit_model(&f2, x, ws, W, N - 2, WC_STAT_MEDIAN,
                       WC_STATS_MODEL_CORRECTED, 0, 42, err);
    WC_CHECK(t, fits_equal(&f1, &f2) && f1.nboot == WC_STATS_NBOOT_DEFAULT,
             "reproducible");
    wc_stats_fit_model(&f2, x, ws, W, N - 2, WC_STAT_MEDIAN,
                       WC_STATS_MODEL_CORRECTED, 0, 43, err);
    WC_CHECK(t, f1.slope == f2.slope && f1.correction == f2.correction
             && f1.se != f2.se, "another seed: same fit, other bootstrap");
}

static void
expect_error(wc_test_t t, const double * x, const slong * ws, slong nw,
             slong ns, wc_stat_kind st, wc_stats_model model, slong nboot,
             const char * needle)
{
    wc_stats_fit_struct fit;
    wc_error_t err;
    wc_status status;

    wc_error_init(err);
    status = wc_stats_fit_model(&fit, x, ws, nw, ns, st, model, nboot, 1,
                                err);
    WC_CHECK(t, status == WC_ERR_RANGE && err->status == WC_ERR_RANGE
             && strstr(err->msg, needle) != NULL
             && strchr(err->msg, '\n') == NULL && isnan(fit.slope)
             && isnan(fit.ci_lo) && isnan(fit.ci_hi) && isnan(fit.se)
             && isnan(fit.correction) && isnan(fit.correction_se)
             && isnan(fit.intercept),
             "expected an error containing '%s', got status %d: %s",
             needle, (int) status, err->msg);
    WC_CHECK(t, wc_stats_fit_model(&fit, x, ws, nw, ns, st, model, nboot, 1,
                                   NULL) == WC_ERR_RANGE, "NULL err");
}

/* 5. Every error path of the corrected model, and the model argument. */
static void
check_errors(wc_test_t t, sim_rng * r)
{
    static const slong ws[7] = { 64, 128, 256, 512, 1024, 2048, 4096 };
    static const slong rep[5] = { 64, 64, 128, 128, 256 };
    static const slong close[4] = { 10002, 10000, 10003, 10001 };
    static const slong bad[4] = { 64, 128, 0, 256 };
    const slong N = 20;
    double x[7 * 20], y[7 * 20];
    const wc_stats_model C = WC_STATS_MODEL_CORRECTED;
    slong s;

    sim_corrected(x, ws, 7, N, 1.0, -1.0, 3.0, 0.3, 0.5, r);

    expect_error(t, x, ws, 3, N, WC_STAT_MEAN, C, 100,
                 "at least 4 distinct widths");
    expect_error(t, x, ws, 1, N, WC_STAT_MEAN, C, 100, "got 1");
    expect_error(t, x, ws, 0, N, WC_STAT_MEAN, C, 100, "got 0");
    expect_error(t, x, rep, 5, N, WC_STAT_RMS, C, 100, "got 3");
    expect_error(t, x, bad, 4, N, WC_STAT_MEAN, C, 100, "not positive");
    expect_error(t, x, close, 4, N, WC_STAT_MEAN, C, 100,
                 "widths 10000..10003 are too close together");
    expect_error(t, x, ws, 7, N, WC_STAT_MEAN, WC_STATS_MODEL_COUNT, 100,
                 "unknown model");
    expect_error(t, x, ws, 7, N, WC_STAT_MEAN, (wc_stats_model) -1, 100,
                 "unknown model");
    expect_error(t, x, ws, 7, N, WC_STAT_COUNT, C, 100, "unknown statistic");
    expect_error(t, x, ws, 7, 7, WC_STAT_MEAN, C, 100, "at least 8");
    expect_error(t, x, ws, 7, N, WC_STAT_MEAN, C, 39, "at least 40");

    /* A statistic that vanishes at a width, and one that vanishes in some
       replicates, as for the power law. */
    memcpy(y, x, sizeof(x));
    for (s = 0; s < N; s++)
        y[3 * N + s] = 0.0;
    expect_error(t, y, ws, 7, N, WC_STAT_RMS, C, 100, "zero at width 512");
    memcpy(y, x, sizeof(x));
    for (s = 0; s < 9; s++)
        y[s] = 0.0;
    expect_error(t, y, ws, 7, N, WC_STAT_MEDIAN, C, 100, "bootstrap");

    /* Four distinct widths among five suffice; 1000..1003 are not too
       close (checked in test 1). */
    {
        static const slong four[5] = { 64, 128, 128, 256, 512 };
        wc_stats_fit_struct fit;
        wc_error_t err;

        WC_CHECK(t, wc_stats_fit_model(&fit, x, four, 5, N, WC_STAT_MEAN,
                                       C, 100, 1, err) == WC_OK,
                 "four distinct widths among five: %s", err->msg);
    }
}

int
main(void)
{
    wc_test_t t;
    sim_rng r;

    wc_test_init(t, "t-fit_model");
    sim_seed(&r, t->seed, 7);

    check_exact(t, &r);
    check_reference(t, &r);
    check_bootstrap_se(t, &r);
    check_consistency(t, &r);
    check_errors(t, &r);

    return wc_test_finish(t);
}
