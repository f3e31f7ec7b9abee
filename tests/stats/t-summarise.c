/* wc_stats_summarise: hand-computed rows, and random arrays against the
   textbook two-pass formulas evaluated in MPFR at a precision where every
   sum of doubles is exact.  The error bounds checked are the ones derived
   in doc/stats.md (u = 2^-53, N finite samples, S1 = sum |x_i|):
       mean      |err| <= 3u |mean| + 2 (N u)^2 S1 / N
       rms, abs  |err| <= (4u + 2 (N u)^2) value
       se        |err| <= (6u + 2 (N u)^2) se
   each including the half ulp of rounding the reference to double. */

#include <float.h>
#include <string.h>
#include <mpfr.h>

#include "testutil.h"
#include "sim.h"

#define U (DBL_EPSILON / 2)
/* Enough bits to hold any sum of up to 2^20 doubles exactly. */
#define REF_PREC 2200

typedef struct
{
    double mean, se, rms, mean_abs, s1;
    slong n;
}
ref_row;

static void
reference(ref_row * r, const double * x, slong n)
{
    mpfr_t s, sa, s2, d, t, m;
    slong i, N = 0;

    mpfr_inits2(REF_PREC, s, sa, s2, d, t, m, (mpfr_ptr) 0);
    mpfr_set_zero(s, 1);
    mpfr_set_zero(sa, 1);
    mpfr_set_zero(s2, 1);
    for (i = 0; i < n; i++)
    {
        if (!isfinite(x[i]))
            continue;
        N++;
        mpfr_add_d(s, s, x[i], MPFR_RNDN);
        mpfr_set_d(t, fabs(x[i]), MPFR_RNDN);
        mpfr_add(sa, sa, t, MPFR_RNDN);
        mpfr_sqr(t, t, MPFR_RNDN);
        mpfr_add(s2, s2, t, MPFR_RNDN);
    }
    r->n = N;
    mpfr_div_si(m, s, N, MPFR_RNDN);
    r->mean = mpfr_get_d(m, MPFR_RNDN);
    r->s1 = mpfr_get_d(sa, MPFR_RNDN);
    mpfr_div_si(t, sa, N, MPFR_RNDN);
    r->mean_abs = mpfr_get_d(t, MPFR_RNDN);
    mpfr_div_si(t, s2, N, MPFR_RNDN);
    mpfr_sqrt(t, t, MPFR_RNDN);
    r->rms = mpfr_get_d(t, MPFR_RNDN);

    /* Second pass: sum (x - mean)^2 / (N - 1) / N. */
    mpfr_set_zero(d, 1);
    for (i = 0; i < n; i++)
    {
        if (!isfinite(x[i]))
            continue;
        mpfr_d_sub(t, x[i], m, MPFR_RNDN);
        mpfr_sqr(t, t, MPFR_RNDN);
        mpfr_add(d, d, t, MPFR_RNDN);
    }
    if (N >= 2)
    {
        mpfr_div_si(d, d, (N - 1) * N, MPFR_RNDN);
        mpfr_sqrt(d, d, MPFR_RNDN);
        r->se = mpfr_get_d(d, MPFR_RNDN);
    }
    else
        r->se = NAN;
    mpfr_clears(s, sa, s2, d, t, m, (mpfr_ptr) 0);
}

static void
check_against_reference(wc_test_t t, const double * x, slong n,
                        const char * what)
{
    wc_stats_row_struct row;
    ref_row r;
    double nu, b;

    reference(&r, x, n);
    wc_stats_summarise(&row, x, n, 7);
    nu = (double) r.n * U;

    WC_CHECK(t, row.samples == r.n && row.nonfinite == n - r.n
             && row.width == 7, "%s: counts %ld %ld", what,
             (long) row.samples, (long) row.nonfinite);
    b = 3 * U * fabs(r.mean) + 2 * nu * nu * r.s1 / (double) r.n;
    WC_CHECK(t, fabs(row.mean - r.mean) <= b,
             "%s (N = %ld): mean %.17g, reference %.17g, bound %.3g", what,
             (long) r.n, row.mean, r.mean, b);
    b = (4 * U + 2 * nu * nu) * r.rms;
    WC_CHECK(t, fabs(row.rms - r.rms) <= b,
             "%s (N = %ld): rms %.17g, reference %.17g", what, (long) r.n,
             row.rms, r.rms);
    b = (4 * U + 2 * nu * nu) * r.mean_abs;
    WC_CHECK(t, fabs(row.mean_abs - r.mean_abs) <= b,
             "%s (N = %ld): mean_abs %.17g, reference %.17g", what,
             (long) r.n, row.mean_abs, r.mean_abs);
    if (r.n >= 2)
    {
        b = (6 * U + 2 * nu * nu) * r.se;
        WC_CHECK(t, fabs(row.se - r.se) <= b,
                 "%s (N = %ld): se %.17g, reference %.17g, rel. err %.3g u",
                 what, (long) r.n, row.se, r.se,
                 fabs(row.se - r.se) / r.se / U);
    }
    else
        WC_CHECK(t, isnan(row.se), "%s: se of one sample", what);
}

static void
check_hand(wc_test_t t)
{
    wc_stats_row_struct row;
    const double a[4] = { 3, 1, 4, 2 };
    const double b[6] = { -3, 1, NAN, 2, INFINITY, -INFINITY };
    const double one[1] = { -5 };
    const double none[2] = { NAN, INFINITY };
    double c[101];
    slong i;

    /* 1..4: mean 5/2, sample variance 5/3, se sqrt(5/12), rms sqrt(15/2);
       nearest ranks 2, 4, 4.  Every sum is exact, so only the roundings
       of se's division by 3 and square root remain (2 ulps). */
    wc_stats_summarise(&row, a, 4, 64);
    WC_CHECK(t, row.width == 64 && row.samples == 4 && row.nonfinite == 0
             && row.mean == 2.5 && row.mean_abs == 2.5
             && row.rms == sqrt(7.5) && row.median == 2 && row.q90 == 4
             && row.q99 == 4, "1..4: %g %g %g %g %g %g", row.mean,
             row.mean_abs, row.rms, row.median, row.q90, row.q99);
    WC_CHECK(t, fabs(row.se - sqrt(5.0 / 12.0)) <= 4 * U * row.se,
             "1..4: se %.17g", row.se);
    WC_CHECK(t, wc_stats_row_get(&row, WC_STAT_MEAN) == 2.5
             && wc_stats_row_get(&row, WC_STAT_RMS) == row.rms
             && wc_stats_row_get(&row, WC_STAT_ABS) == 2.5
             && wc_stats_row_get(&row, WC_STAT_MEDIAN) == 2
             && wc_stats_row_get(&row, WC_STAT_Q90) == 4
             && wc_stats_row_get(&row, WC_STAT_Q99) == 4
             && wc_stats_row_get(&row, WC_STAT_AUTO) == 2.5
             && isnan(wc_stats_row_get(&row, WC_STAT_COUNT)),
             "row_get on 1..4");

    /* -3, 1, 2 and three non-finite values: mean 0, variance 7, se
       sqrt(7/3), rms sqrt(14/3), mean |x| 2; |x| ranks 2, 3, 3. */
    wc_stats_summarise(&row, b, 6, 128);
    WC_CHECK(t, row.samples == 3 && row.nonfinite == 3 && row.mean == 0
             && row.mean_abs == 2 && row.median == 2 && row.q90 == 3
             && row.q99 == 3, "-3,1,2: %g %g %g %g %g", row.mean,
             row.mean_abs, row.median, row.q90, row.q99);
    WC_CHECK(t, fabs(row.se - sqrt(7.0 / 3.0)) <= 4 * U * row.se
             && fabs(row.rms - sqrt(14.0 / 3.0)) <= 4 * U * row.rms,
             "-3,1,2: se %.17g rms %.17g", row.se, row.rms);
    /* The mean is not resolved (0 < 2 se): AUTO falls back to rms. */
    WC_CHECK(t, wc_stats_row_get(&row, WC_STAT_AUTO) == row.rms,
             "row_get AUTO with mean 0");
    WC_CHECK(t, wc_stats_row_get(&row, WC_STAT_MEAN) == 0.0,
             "row_get MEAN with mean 0");

    wc_stats_summarise(&row, one, 1, 1);
    WC_CHECK(t, row.samples == 1 && row.mean == -5 && isnan(row.se)
             && row.rms == 5 && row.mean_abs == 5 && row.median == 5
             && row.q90 == 5 && row.q99 == 5, "one sample");

    wc_stats_summarise(&row, none, 2, 1);
    WC_CHECK(t, row.samples == 0 && row.nonfinite == 2 && isnan(row.mean)
             && isnan(row.se) && isnan(row.rms) && isnan(row.mean_abs)
             && isnan(row.median) && isnan(row.q90) && isnan(row.q99),
             "no finite sample");
    wc_stats_summarise(&row, NULL, 0, 1);
    WC_CHECK(t, row.samples == 0 && row.nonfinite == 0 && isnan(row.mean),
             "empty input");

    /* Nearest ranks: ceil(N/2), ceil(9N/10), ceil(99N/100). */
    for (i = 0; i < 101; i++)
        c[i] = -(double) ((i * 37) % 101 + 1);
    wc_stats_summarise(&row, c, 10, 1);
    /* c[0..9] = -(1, 38, 75, 11, 48, 85, 21, 58, 95, 31) */
    WC_CHECK(t, row.median == 38 && row.q90 == 85 && row.q99 == 95,
             "N = 10 ranks: %g %g %g", row.median, row.q90, row.q99);
    wc_stats_summarise(&row, c, 100, 1);
    /* |c[0..99]| are 1..101 but for one value: compare with sorting. */
    {
        double s[100];
        slong j, k;

        memcpy(s, c, sizeof(s));
        for (j = 0; j < 100; j++)
            s[j] = -s[j];
        for (j = 1; j < 100; j++)
            for (k = j; k > 0 && s[k - 1] > s[k]; k--)
            {
                double tmp = s[k];

                s[k] = s[k - 1];
                s[k - 1] = tmp;
            }
        WC_CHECK(t, row.median == s[49] && row.q90 == s[89]
                 && row.q99 == s[98], "N = 100 ranks");
    }
    wc_stats_summarise(&row, c, 101, 1);
    WC_CHECK(t, row.median == 51 && row.q90 == 91 && row.q99 == 100,
             "N = 101 ranks: %g %g %g", row.median, row.q90, row.q99);
}

/* Random arrays of several kinds, with non-finite entries sprinkled in. */
static void
fill_random(double * x, slong n, sim_rng * r, int kind)
{
    double offset = sim_normal(r) * pow(10.0, 8 * sim_uniform(r));
    int shift = (int) (sim_next(r) % 2001) - 1000;
    slong i;

    for (i = 0; i < n; i++)
    {
        switch (kind)
        {
            case 0:     /* a mean far larger than the spread */
                x[i] = offset + sim_normal(r);
                break;
            case 1:     /* magnitudes over 80 binades */
                x[i] = ldexp(sim_normal(r), (int) (sim_next(r) % 81) - 40);
                break;
            case 2:     /* the whole exponent range, one array at a time */
                x[i] = ldexp(sim_normal(r), shift);
                break;
            case 3:     /* cancellation: pairs of opposite values */
                x[i] = (i % 2) ? -x[i - 1] * (1 + 1e-12 * sim_normal(r))
                               : sim_normal(r) * 1e6;
                break;
            default:    /* small integers, many ties */
                x[i] = (double) ((slong) (sim_next(r) % 7) - 3);
                break;
        }
        if (sim_next(r) % 50 == 0)
            x[i] = (sim_next(r) % 3 == 0) ? NAN
                   : (sim_next(r) % 2 ? INFINITY : -INFINITY);
    }
}

int
main(void)
{
    wc_test_t t;
    sim_rng r;
    slong trial, trials, n;
    double * x;
    char what[64];

    wc_test_init(t, "t-summarise");
    sim_seed(&r, t->seed, 1);

    check_hand(t);

    x = flint_malloc(5000 * sizeof(double));
    trials = wc_test_trials(t, 400);
    for (trial = 0; trial < trials; trial++)
    {
        int kind = (int) (trial % 5);

        n = 1 + (slong) (sim_next(&r) % (trial % 10 == 0 ? 5000 : 60));
        fill_random(x, n, &r, kind);
        snprintf(what, sizeof(what), "trial %ld kind %d", (long) trial,
                 kind);
        check_against_reference(t, x, n, what);
    }

    /* Squares that overflow or underflow in a plain computation. */
    {
        const double big[3] = { 1e300, -1e300, 3e300 };
        const double tiny[3] = { 1e-300, -2e-310, 3e-300 };
        const double huge[2] = { DBL_MAX, DBL_MAX };

        check_against_reference(t, big, 3, "1e300");
        check_against_reference(t, tiny, 3, "1e-300");
        check_against_reference(t, huge, 2, "DBL_MAX");
    }

    flint_free(x);
    return wc_test_finish(t);
}
