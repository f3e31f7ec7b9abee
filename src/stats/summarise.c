/* Per-width summaries: moments by compensated sums on values scaled by a
   power of two, quantiles of |X| by selection. */

#include "stats_impl.h"

void
wc_stats_summarise(wc_stats_row_struct * row, const double * x, slong n,
                   slong width)
{
    wc_stats_acc_struct sa, s2;
    double * v;
    double m = 0.0, scale, mean_s, ssd_s;
    slong i, N = 0, k1, k2, k3;

    row->width = width;
    for (i = 0; i < n; i++)
        if (isfinite(x[i]))
        {
            N++;
            if (fabs(x[i]) > m)
                m = fabs(x[i]);
        }
    row->samples = N;
    row->nonfinite = n - N;

    if (N == 0)
    {
        row->mean = row->se = row->rms = row->mean_abs = NAN;
        row->median = row->q90 = row->q99 = NAN;
        return;
    }

    v = flint_malloc(N * sizeof(double));
    for (i = 0, N = 0; i < n; i++)
        if (isfinite(x[i]))
            v[N++] = x[i];

    /* Scaling by a power of two is exact and keeps x^2 from overflowing
       or underflowing whatever the magnitude of the samples. */
    scale = _wc_stats_scale_for(m);
    _wc_stats_moments(&mean_s, &ssd_s, v, N, scale);

    _wc_stats_acc_init(&sa);
    _wc_stats_acc_init(&s2);
    for (i = 0; i < N; i++)
    {
        double t = fabs(v[i]) * scale;

        _wc_stats_acc_add(&sa, t);
        _wc_stats_acc_add(&s2, t * t);
        v[i] = fabs(v[i]);
    }

    /* Error bounds (doc/stats.md derives them; u = 2^-53, S1 = sum |x|):
       mean 2u |mean| + (N u)^2 S1 / N, mean_abs 2u, rms 2.5u, se 4.5u
       relative, each plus O((N u)^2). */
    row->mean = mean_s / scale;
    row->se = (N >= 2) ? sqrt(ssd_s / (double) (N - 1) / (double) N) / scale
                       : NAN;
    row->rms = sqrt(_wc_stats_acc_value(&s2) / (double) N) / scale;
    row->mean_abs = _wc_stats_acc_value(&sa) / (double) N / scale;

    /* Nearest ranks k1 <= k2 <= k3; after selecting k1 everything above
       it lies to its right, so the next selection only looks there. */
    k1 = _wc_stats_rank(N, 1, 2) - 1;
    k2 = _wc_stats_rank(N, 9, 10) - 1;
    k3 = _wc_stats_rank(N, 99, 100) - 1;
    _wc_stats_select(v, N, k1);
    if (k2 > k1)
        _wc_stats_select(v + k1 + 1, N - k1 - 1, k2 - k1 - 1);
    if (k3 > k2)
        _wc_stats_select(v + k2 + 1, N - k2 - 1, k3 - k2 - 1);
    row->median = v[k1];
    row->q90 = v[k2];
    row->q99 = v[k3];

    flint_free(v);
}

double
wc_stats_row_get(const wc_stats_row_struct * row, wc_stat_kind stat)
{
    switch (stat)
    {
        case WC_STAT_MEAN:
            return fabs(row->mean);
        case WC_STAT_RMS:
            return row->rms;
        case WC_STAT_ABS:
            return row->mean_abs;
        case WC_STAT_MEDIAN:
            return row->median;
        case WC_STAT_Q90:
            return row->q90;
        case WC_STAT_Q99:
            return row->q99;
        case WC_STAT_AUTO:
            /* The rule of wc_stats_fit, applied to this row alone. */
            return (fabs(row->mean) > 2.0 * row->se) ? fabs(row->mean)
                                                     : row->rms;
        default:
            return NAN;
    }
}
