/* Verdicts: the slope verdicts on constructed intervals and on fits of
   exact power laws; the verdict from a power and a corrected fit on
   constructed intervals; the zero verdict on constructed rows, and its
   false-alarm rate and power on Gaussian data.

   Statistical assertions (three, each at level 1e-6, so this program
   fails falsely with probability below 3e-6):
   - independent widths: the false-alarm rate equals its exact value;
   - correlated widths: it does not exceed the Bonferroni bound;
   - a mean of 4 standard errors at one width is detected at least 85% of
     the time.  */

#include <float.h>

#include "testutil.h"
#include "sim.h"

#define W 7
#define WC_PI 3.14159265358979323846

static const slong widths[W] = { 64, 128, 256, 512, 1024, 2048, 4096 };

static wc_stats_fit_struct
interval(double lo, double hi)
{
    wc_stats_fit_struct f;

    f.stat = WC_STAT_MEAN;
    f.model = WC_STATS_MODEL_POWER;
    f.correction = 0.0;
    f.correction_se = 0.0;
    f.slope = 0.5 * (lo + hi);
    f.intercept = 0.0;
    f.se = 0.25 * (hi - lo);
    f.ci_lo = lo;
    f.ci_hi = hi;
    f.sign_change = 0;
    f.nboot = 1000;
    f.samples = 100;
    f.nonfinite = 0;
    return f;
}

static void
check_slope_verdicts(wc_test_t t, sim_rng * r)
{
    wc_stats_fit_struct f = interval(-0.6, -0.4);
    double x[W * 40];
    wc_error_t err;

    WC_CHECK(t, wc_stats_verdict(&f, -0.5) == WC_VERDICT_TIGHT
             && wc_stats_verdict(&f, -0.6) == WC_VERDICT_TIGHT
             && wc_stats_verdict(&f, -0.4) == WC_VERDICT_TIGHT
             && wc_stats_verdict(&f, 0.0) == WC_VERDICT_NOT_TIGHT
             && wc_stats_verdict(&f, -0.39) == WC_VERDICT_NOT_TIGHT
             && wc_stats_verdict(&f, -1.0) == WC_VERDICT_VIOLATED
             && wc_stats_verdict(&f, -0.61) == WC_VERDICT_VIOLATED,
             "verdicts on [-0.6, -0.4]");
    WC_CHECK(t, wc_stats_verdict(&f, NAN) == WC_VERDICT_INCONCLUSIVE
             && wc_stats_verdict(&f, INFINITY) == WC_VERDICT_INCONCLUSIVE
             && wc_stats_verdict(&f, -INFINITY) == WC_VERDICT_INCONCLUSIVE,
             "non-finite exponent");
    f = interval(NAN, NAN);
    WC_CHECK(t, wc_stats_verdict(&f, 0.0) == WC_VERDICT_INCONCLUSIVE,
             "NaN interval (a failed fit)");
    f = interval(-INFINITY, 1.0);
    WC_CHECK(t, wc_stats_verdict(&f, 0.0) == WC_VERDICT_INCONCLUSIVE,
             "unbounded interval");
    f = interval(1.0, 0.0);
    WC_CHECK(t, wc_stats_verdict(&f, 0.5) == WC_VERDICT_INCONCLUSIVE,
             "empty interval");

    /* Resolution: [-1.2, 0.1] contains 0 and -1/2 as well. */
    f = interval(-1.2, 0.1);
    WC_CHECK(t, wc_stats_verdict(&f, 0.0) == WC_VERDICT_TIGHT
             && wc_stats_verdict_resolved(&f, 0.0, 0.5)
                == WC_VERDICT_INCONCLUSIVE
             && wc_stats_verdict_resolved(&f, 0.0, 2.0) == WC_VERDICT_TIGHT
             && wc_stats_verdict_resolved(&f, 1.0, 0.5)
                == WC_VERDICT_NOT_TIGHT
             && wc_stats_verdict_resolved(&f, -2.0, 0.5)
                == WC_VERDICT_VIOLATED
             && wc_stats_verdict_resolved(&f, 0.0, NAN)
                == WC_VERDICT_INCONCLUSIVE,
             "resolved verdicts on [-1.2, 0.1]");
    f = interval(-0.6, -0.4);
    WC_CHECK(t, wc_stats_verdict_resolved(&f, -0.5, 0.5) == WC_VERDICT_TIGHT
             && wc_stats_verdict_resolved(&f, -0.4, 0.1)
                == WC_VERDICT_INCONCLUSIVE,
             "resolved verdicts on [-0.6, -0.4]");

    /* A fit of an exact power law n^-1/2 (same noise at every width): its
       interval is a point within rounding of -1/2. */
    sim_power_law(x, widths, W, 40, 1.0, -0.5, 0.3, 1.0, r);
    wc_stats_fit(&f, x, widths, W, 40, WC_STAT_AUTO, 100, 1, err);
    WC_CHECK(t, wc_stats_verdict(&f, -0.5) == WC_VERDICT_TIGHT
             && wc_stats_verdict_resolved(&f, -0.5, 0.5) == WC_VERDICT_TIGHT
             && wc_stats_verdict(&f, 0.0) == WC_VERDICT_NOT_TIGHT
             && wc_stats_verdict(&f, -1.0) == WC_VERDICT_VIOLATED
             && wc_stats_verdict(&f, -0.5 + 1e-9) == WC_VERDICT_NOT_TIGHT,
             "verdicts on an exact power law: [%.17g, %.17g]", f.ci_lo,
             f.ci_hi);
}

static wc_stats_fit_struct
corrected_interval(double lo, double hi)
{
    wc_stats_fit_struct f = interval(lo, hi);

    f.model = WC_STATS_MODEL_CORRECTED;
    f.correction = -8.0;
    f.correction_se = 1.5;
    return f;
}

/* wc_stats_verdict_corrected: the corrected interval decides whenever it
   is usable, the power law's otherwise. */
static void
check_corrected_verdicts(wc_test_t t)
{
    wc_stats_fit_struct p, c, bad;
    wc_stats_model m;
    static const wc_stats_model unset = WC_STATS_MODEL_COUNT;

    /* The motivating case: the power law's interval lies above -1, the
       corrected one contains it and excludes -1.5. */
    p = interval(-0.976, -0.945);
    c = corrected_interval(-1.03, -0.96);
    m = unset;
    WC_CHECK(t, wc_stats_verdict_resolved(&p, -1.0, 0.5)
             == WC_VERDICT_VIOLATED
             && wc_stats_verdict_corrected(&m, &p, &c, -1.0, 0.5)
                == WC_VERDICT_TIGHT && m == WC_STATS_MODEL_CORRECTED,
             "a correction explains the apparent violation");

    /* Every verdict comes from the corrected interval [-1.2, -0.8]. */
    c = corrected_interval(-1.2, -0.8);
    p = interval(-0.9, -0.85);
    WC_CHECK(t, wc_stats_verdict_corrected(&m, &p, &c, -1.3, 0.5)
             == WC_VERDICT_VIOLATED
             && wc_stats_verdict_corrected(&m, &p, &c, -0.7, 0.5)
                == WC_VERDICT_NOT_TIGHT
             && wc_stats_verdict_corrected(&m, &p, &c, -1.0, 0.5)
                == WC_VERDICT_TIGHT
             && wc_stats_verdict_corrected(&m, &p, &c, -1.0, 0.1)
                == WC_VERDICT_INCONCLUSIVE
             && wc_stats_verdict_corrected(&m, &p, &c, -0.8, 0.5)
                == WC_VERDICT_TIGHT
             && wc_stats_verdict_corrected(&m, &p, &c, NAN, 0.5)
                == WC_VERDICT_INCONCLUSIVE
             && m == WC_STATS_MODEL_CORRECTED,
             "verdicts on the corrected interval [-1.2, -0.8]");

    /* The power law does not overrule it: a power interval below the
       exponent with the corrected one containing both the exponent and
       the next lower candidate is inconclusive, not "not tight". */
    c = corrected_interval(-1.6, -0.9);
    p = interval(-1.5, -1.45);
    WC_CHECK(t, wc_stats_verdict_resolved(&p, -1.0, 0.5)
             == WC_VERDICT_NOT_TIGHT
             && wc_stats_verdict_corrected(&m, &p, &c, -1.0, 0.5)
                == WC_VERDICT_INCONCLUSIVE && m == WC_STATS_MODEL_CORRECTED,
             "the wider corrected interval decides");

    /* Fallbacks: no corrected fit, a failed one (NaN), an empty or
       unbounded interval, a fit of the power model passed as the
       corrected one. */
    p = interval(-1.1, -0.9);
    bad = corrected_interval(NAN, NAN);
    m = unset;
    WC_CHECK(t, wc_stats_verdict_corrected(&m, &p, NULL, -1.0, 0.5)
             == WC_VERDICT_TIGHT && m == WC_STATS_MODEL_POWER,
             "no corrected fit");
    m = unset;
    WC_CHECK(t, wc_stats_verdict_corrected(&m, &p, &bad, -2.0, 0.5)
             == WC_VERDICT_VIOLATED && m == WC_STATS_MODEL_POWER,
             "a failed corrected fit");
    bad = corrected_interval(0.0, -1.0);
    m = unset;
    WC_CHECK(t, wc_stats_verdict_corrected(&m, &p, &bad, 0.0, 0.5)
             == WC_VERDICT_NOT_TIGHT && m == WC_STATS_MODEL_POWER,
             "an empty corrected interval");
    bad = corrected_interval(-INFINITY, 1.0);
    m = unset;
    WC_CHECK(t, wc_stats_verdict_corrected(&m, &p, &bad, -1.0, 0.5)
             == WC_VERDICT_TIGHT && m == WC_STATS_MODEL_POWER,
             "an unbounded corrected interval");
    bad = interval(-3.0, -2.5);
    m = unset;
    WC_CHECK(t, wc_stats_verdict_corrected(&m, &p, &bad, -1.0, 0.5)
             == WC_VERDICT_TIGHT && m == WC_STATS_MODEL_POWER,
             "a power fit in the corrected argument");
    m = unset;
    WC_CHECK(t, wc_stats_verdict_corrected(&m, NULL, NULL, -1.0, 0.5)
             == WC_VERDICT_INCONCLUSIVE && m == WC_STATS_MODEL_POWER,
             "no fit at all");
    WC_CHECK(t, wc_stats_verdict_corrected(NULL, NULL, &c, -1.0, 0.5)
             == WC_VERDICT_INCONCLUSIVE
             && wc_stats_verdict_corrected(NULL, &p, NULL, -1.0, 0.5)
                == WC_VERDICT_TIGHT, "decided may be NULL");
    p = interval(NAN, NAN);
    WC_CHECK(t, wc_stats_verdict_corrected(&m, &p, NULL, -1.0, 0.5)
             == WC_VERDICT_INCONCLUSIVE, "no usable interval");
}

static wc_stats_row_struct
row(double mean, double se, slong samples)
{
    wc_stats_row_struct r;

    r.width = 64;
    r.samples = samples;
    r.mean = mean;
    r.se = se;
    r.rms = r.mean_abs = r.median = r.q90 = r.q99 = fabs(mean);
    r.nonfinite = 0;
    return r;
}

static void
check_zero_rows(wc_test_t t)
{
    wc_stats_row_struct rows[W];
    double z7 = -wc_stats_normal_quantile(0.05 / 14);
    slong w;

    for (w = 0; w < W; w++)
        rows[w] = row(0.0, 1.0, 100);
    WC_CHECK(t, wc_stats_verdict_zero(rows, W, 0.05) == WC_VERDICT_ZERO,
             "zero means");

    /* 2.5 standard errors: beyond 1.96 (one width at 5%) but within
       z = 2.69 (seven widths, Bonferroni). */
    rows[3] = row(-2.5, 1.0, 100);
    WC_CHECK(t, wc_stats_verdict_zero(rows + 3, 1, 0.05)
             == WC_VERDICT_VIOLATED
             && wc_stats_verdict_zero(rows, W, 0.05) == WC_VERDICT_ZERO,
             "Bonferroni: 2.5 se");
    rows[3] = row(z7 * 0.5, 0.5, 100);
    WC_CHECK(t, wc_stats_verdict_zero(rows, W, 0.05) == WC_VERDICT_ZERO,
             "exactly z_crit standard errors is within");
    rows[3] = row(nextafter(z7, 10.0), 1.0, 100);
    WC_CHECK(t, wc_stats_verdict_zero(rows, W, 0.05) == WC_VERDICT_VIOLATED,
             "just beyond z_crit");
    rows[3] = row(-2.8, 1.0, 100);
    WC_CHECK(t, wc_stats_verdict_zero(rows, W, 0.05) == WC_VERDICT_VIOLATED
             && wc_stats_verdict_zero(rows, W, 1e-6) == WC_VERDICT_ZERO,
             "2.8 se at alpha 0.05 and 1e-6");

    /* Exactly zero data, and exactly constant non-zero data. */
    rows[3] = row(0.0, 0.0, 100);
    WC_CHECK(t, wc_stats_verdict_zero(rows, W, 0.05) == WC_VERDICT_ZERO,
             "exact zeros");
    rows[3] = row(1e-300, 0.0, 100);
    WC_CHECK(t, wc_stats_verdict_zero(rows, W, 0.05) == WC_VERDICT_VIOLATED,
             "a constant non-zero value");

    /* Unusable rows, alone and beside a violation. */
    rows[3] = row(0.0, NAN, 1);
    WC_CHECK(t, wc_stats_verdict_zero(rows, W, 0.05)
             == WC_VERDICT_INCONCLUSIVE, "one sample at a width");
    rows[3] = row(NAN, NAN, 0);
    WC_CHECK(t, wc_stats_verdict_zero(rows, W, 0.05)
             == WC_VERDICT_INCONCLUSIVE, "no finite sample at a width");
    rows[5] = row(10.0, 1.0, 100);
    WC_CHECK(t, wc_stats_verdict_zero(rows, W, 0.05) == WC_VERDICT_VIOLATED,
             "a violation beside an unusable row");

    for (w = 0; w < W; w++)
        rows[w] = row(0.0, 1.0, 100);
    WC_CHECK(t, wc_stats_verdict_zero(rows, 0, 0.05)
             == WC_VERDICT_INCONCLUSIVE
             && wc_stats_verdict_zero(rows, W, 0.0) == WC_VERDICT_INCONCLUSIVE
             && wc_stats_verdict_zero(rows, W, 1.0) == WC_VERDICT_INCONCLUSIVE
             && wc_stats_verdict_zero(rows, W, -0.1)
                == WC_VERDICT_INCONCLUSIVE
             && wc_stats_verdict_zero(rows, W, NAN)
                == WC_VERDICT_INCONCLUSIVE, "bad nwidths or alpha");
}

/* P(|T| > t) for Student's t with odd nu degrees of freedom, by the finite
   series of Abramowitz and Stegun 26.7.3:
     P(|T| <= t) = (2/pi) (theta + sin(theta) cos(theta)
                   (1 + 2/3 c + 2*4/(3*5) c^2 + ... ), c = cos^2 theta,
   theta = atan(t / sqrt(nu)), (nu - 1)/2 terms in the bracket. */
static double
t_two_sided_tail(double t, long nu)
{
    double theta = atan(t / sqrt((double) nu)), c = cos(theta);
    double term = 1.0, sum = 0.0;
    long k;

    for (k = 0; k <= (nu - 3) / 2; k++)
    {
        sum += term;
        term *= (2.0 * (k + 1)) / (2.0 * (k + 1) + 1.0) * c * c;
    }
    return 1.0 - (2.0 / WC_PI) * (theta + sin(theta) * c * sum);
}

/* The number of R experiments of W widths x N Gaussian samples (mean mu at
   width 3, correlation rho across widths) that the zero verdict at
   level alpha calls VIOLATED. */
static slong
false_alarms(sim_rng * r, slong R, slong N, double rho, double mu,
             double alpha)
{
    double * x = flint_malloc(W * N * sizeof(double));
    wc_stats_row_struct rows[W];
    slong rep, s, w, k = 0;

    for (rep = 0; rep < R; rep++)
    {
        for (s = 0; s < N; s++)
        {
            double z = sim_normal(r);

            for (w = 0; w < W; w++)
                x[w * N + s] = sqrt(rho) * z + sqrt(1 - rho) * sim_normal(r)
                               + (w == 3 ? mu : 0.0);
        }
        for (w = 0; w < W; w++)
            wc_stats_summarise(rows + w, x + w * N, N, widths[w]);
        k += wc_stats_verdict_zero(rows, W, alpha) == WC_VERDICT_VIOLATED;
    }
    flint_free(x);
    return k;
}

/* With Gaussian samples mean/se is exactly t-distributed with N - 1
   degrees of freedom, so for independent widths the false-alarm rate of
   the zero verdict is exactly 1 - (1 - P(|T_{N-1}| > z))^W, z =
   Phi^-1(1 - alpha/(2W)): 0.05300 for N = 200, alpha = 0.05 (above 0.05
   because the normal critical value is used for a t statistic).  With
   correlated widths it is at most W P(|T| > z) (Bonferroni).

   A verdict without the Bonferroni correction would raise 30% false
   alarms, a one-sided critical value 10%: both fail the first test with
   probability above 1 - 1e-6. */
static void
check_false_alarms(wc_test_t t, sim_rng * r)
{
    const slong N = 200, R = wc_test_trials(t, 4000);
    const double alpha = 0.05;
    double z = -wc_stats_normal_quantile(alpha / (2.0 * W));
    double pw = t_two_sided_tail(z, N - 1);
    double exact = 1.0 - pow(1.0 - pw, (double) W), bonf = W * pw;
    slong k;

    k = false_alarms(r, R, N, 0.0, 0.0, alpha);
    printf("independent widths: %ld false alarms in %ld (exact rate %.5f)\n",
           (long) k, (long) R, exact);
    WC_CHECK(t, sim_binom_consistent(k, R, exact, exact, 1e-6),
             "independent widths: %ld false alarms in %ld, expected rate "
             "%.5f", (long) k, (long) R, exact);

    k = false_alarms(r, R, N, 0.8, 0.0, alpha);
    printf("correlated widths: %ld false alarms in %ld (at most %.5f)\n",
           (long) k, (long) R, bonf);
    WC_CHECK(t, sim_binom_consistent(k, R, 0.0, bonf, 1e-6),
             "correlated widths: %ld false alarms in %ld, bound %.5f",
             (long) k, (long) R, bonf);

    /* Power: mean 4 standard errors at one width.  That width alone
       rejects with probability P(|T'| > z) for a non-central t, about
       Phi(4 - z) = 0.905 (the estimated se changes it by O(1/N)). */
    k = false_alarms(r, R / 4, N, 0.0, 4.0 / sqrt((double) N), alpha);
    printf("a mean of 4 se at one width: detected %ld times in %ld\n",
           (long) k, (long) (R / 4));
    WC_CHECK(t, sim_binom_consistent(k, R / 4, 0.85, 1.0, 1e-6),
             "power: %ld detections in %ld", (long) k, (long) (R / 4));
}

int
main(void)
{
    wc_test_t t;
    sim_rng r;

    wc_test_init(t, "t-verdict");
    sim_seed(&r, t->seed, 6);

    /* The t tail series against known values: nu = 1 is the Cauchy
       distribution, P(|T| > 1) = 1/2; nu = 3, t = 3: theta = pi/3,
       P(|T| <= t) = (2/pi)(pi/3 + sqrt(3)/4). */
    WC_CHECK(t, fabs(t_two_sided_tail(1.0, 1) - 0.5) < 1e-15
             && fabs(t_two_sided_tail(3.0, 3)
                     - (1 - (2 / WC_PI) * (WC_PI / 3 + sqrt(3.0) / 4)))
                < 1e-15, "t tail series");

    check_slope_verdicts(t, &r);
    check_corrected_verdicts(t);
    check_zero_rows(t);
    check_false_alarms(t, &r);

    return wc_test_finish(t);
}
