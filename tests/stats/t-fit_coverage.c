/* Does the reported 95% interval contain the true exponent 95% of the
   time?  Synthetic samples X = c n^a (1 + sigma e) at widths 64..4096,
   with noise correlated across widths as common random numbers make it
   (sim_power_law: correlation rho = 0.8), N = 100 samples per width;
   every statistic of X is exactly proportional to n^a.  R independent
   experiments count how often [ci_lo, ci_hi] contains a.

   The percentile bootstrap is first-order accurate: its coverage differs
   from 95% by O(1/N) for smooth statistics (moments), and more for sample
   quantiles, whose bootstrap distribution is discrete.  Runs of 10000 to
   20000 experiments with these sizes measured 94.6% (mean), 94.7% (rms),
   94.4% (mean |X|) and 97.4% (median: conservative; 96.6% at N = 400,
   95.9% at N = 1600; doc/stats.md).  The test asks whether the coverage
   lies in [0.93, 0.97] for the moments and [0.93, 0.985] for the median,
   by the composite binomial test of sim.h at level 1e-6 per statistic:
   while the true coverages lie in those ranges, this program fails
   falsely with probability below 4e-6.

   Power, for the mean (R = 1000): an interval that ignored the
   correlation across widths (independent resampling per width, or
   per-width standard errors added as if independent) is more than twice
   too wide here (Var is about 1/(1 - rho) = 5 times too large, t-fit
   checks the ratio) and covers more than 99.9%; an interval of half the
   right width covers about 67%.  Both are rejected with probability
   above 0.999.  For the others, R = 250 detects gross under-coverage. */

#include "testutil.h"
#include "sim.h"

#define W 7

static const slong widths[W] = { 64, 128, 256, 512, 1024, 2048, 4096 };

static void
coverage(wc_test_t t, sim_rng * r, wc_stat_kind stat, slong R, slong N,
         slong B, double p_lo, double p_hi)
{
    const double c = 2.0, a = -0.5, sigma = 0.3, rho = 0.8;
    double * x = flint_malloc(W * N * sizeof(double));
    double width_sum = 0.0;
    slong rep, hits = 0, failures = 0;

    for (rep = 0; rep < R; rep++)
    {
        wc_stats_fit_struct fit;
        wc_error_t err;

        sim_power_law(x, widths, W, N, c, a, sigma, rho, r);
        if (wc_stats_fit(&fit, x, widths, W, N, stat, B,
                         (ulong) rep + 1000 * (ulong) stat, err) != WC_OK)
        {
            failures++;
            continue;
        }
        hits += (fit.ci_lo <= a && a <= fit.ci_hi);
        width_sum += fit.ci_hi - fit.ci_lo;
    }
    printf("%s: %ld of %ld intervals contain the exponent (%.2f%%), mean "
           "width %.4f\n", wc_stat_name(stat), (long) hits, (long) R,
           100.0 * hits / R, width_sum / R);
    WC_CHECK(t, failures == 0, "%s: %ld fits failed", wc_stat_name(stat),
             (long) failures);
    WC_CHECK(t, sim_binom_consistent(hits, R, p_lo, p_hi, 1e-6),
             "%s: coverage %ld / %ld is not consistent with [%g, %g]",
             wc_stat_name(stat), (long) hits, (long) R, p_lo, p_hi);
    flint_free(x);
}

int
main(void)
{
    wc_test_t t;
    sim_rng r;
    slong R;

    wc_test_init(t, "t-fit_coverage");
    sim_seed(&r, t->seed, 5);

    R = wc_test_trials(t, 1000);
    coverage(t, &r, WC_STAT_MEAN, R, 100, 200, 0.93, 0.97);
    coverage(t, &r, WC_STAT_RMS, R / 4, 100, 200, 0.93, 0.97);
    coverage(t, &r, WC_STAT_ABS, R / 4, 100, 200, 0.93, 0.97);
    coverage(t, &r, WC_STAT_MEDIAN, R / 4, 100, 200, 0.93, 0.985);

    return wc_test_finish(t);
}
