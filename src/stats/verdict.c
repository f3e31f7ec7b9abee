/* Verdicts: a fitted slope against a predicted exponent, and a quantity
   predicted to vanish against its per-width means. */

#include "stats_impl.h"

static int
usable_interval(const wc_stats_fit_struct * fit, double exponent)
{
    return isfinite(exponent) && isfinite(fit->ci_lo)
           && isfinite(fit->ci_hi) && fit->ci_lo <= fit->ci_hi;
}

wc_verdict
wc_stats_verdict(const wc_stats_fit_struct * fit, double exponent)
{
    if (!usable_interval(fit, exponent))
        return WC_VERDICT_INCONCLUSIVE;
    if (fit->ci_lo > exponent)
        return WC_VERDICT_VIOLATED;
    if (fit->ci_hi < exponent)
        return WC_VERDICT_NOT_TIGHT;
    return WC_VERDICT_TIGHT;
}

wc_verdict
wc_stats_verdict_resolved(const wc_stats_fit_struct * fit, double exponent,
                          double resolution)
{
    wc_verdict v = wc_stats_verdict(fit, exponent);

    if (v == WC_VERDICT_TIGHT
        && !(isfinite(resolution) && fit->ci_lo > exponent - resolution))
        return WC_VERDICT_INCONCLUSIVE;
    return v;
}

wc_verdict
wc_stats_verdict_corrected(wc_stats_model * decided,
                           const wc_stats_fit_struct * power,
                           const wc_stats_fit_struct * corrected,
                           double exponent, double resolution)
{
    /* The corrected interval is the one whose coverage does not rest on
       the correction being zero; the power fit only stands in for it when
       there is none (doc/stats.md). */
    if (corrected != NULL && corrected->model == WC_STATS_MODEL_CORRECTED
        && isfinite(corrected->ci_lo) && isfinite(corrected->ci_hi)
        && corrected->ci_lo <= corrected->ci_hi)
    {
        if (decided != NULL)
            *decided = WC_STATS_MODEL_CORRECTED;
        return wc_stats_verdict_resolved(corrected, exponent, resolution);
    }
    if (decided != NULL)
        *decided = WC_STATS_MODEL_POWER;
    if (power == NULL)
        return WC_VERDICT_INCONCLUSIVE;
    return wc_stats_verdict_resolved(power, exponent, resolution);
}

wc_verdict
wc_stats_verdict_zero(const wc_stats_row_struct * rows, slong nwidths,
                      double alpha)
{
    double z;
    slong w;
    int unusable = 0;

    if (nwidths < 1 || !(alpha > 0.0 && alpha < 1.0))
        return WC_VERDICT_INCONCLUSIVE;

    /* Two-sided, alpha / nwidths per width.  The lower tail is evaluated
       directly: 1 - alpha/(2W) would lose the digits of a small alpha. */
    z = -wc_stats_normal_quantile(alpha / (2.0 * (double) nwidths));

    for (w = 0; w < nwidths; w++)
    {
        const wc_stats_row_struct * r = rows + w;

        if (r->samples < 2 || !isfinite(r->mean) || !isfinite(r->se))
            unusable = 1;
        else if (fabs(r->mean) > z * r->se)
            return WC_VERDICT_VIOLATED;
    }
    return unusable ? WC_VERDICT_INCONCLUSIVE : WC_VERDICT_ZERO;
}
