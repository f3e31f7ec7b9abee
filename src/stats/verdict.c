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
