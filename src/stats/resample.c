/* One width's statistic in a bootstrap replicate, from multiplicities. */

#include "stats_impl.h"

double
_wc_stats_resampled_stat(wc_stat_kind stat, const double * t,
                         const slong * perm, const double * count, slong N)
{
    double s0 = 0.0, s1 = 0.0, s2 = 0.0, s3 = 0.0, s, cum;
    slong j, k;

    if (_wc_stats_is_quantile(stat))
    {
        /* The k-th smallest of the resampled multiset is its
           (N - k + 1)-th largest: walk from the nearer end. */
        k = _wc_stats_quantile_rank(stat, N);
        cum = 0.0;
        if (2 * k <= N)
        {
            for (j = 0; j < N - 1; j++)
            {
                cum += count[perm[j]];
                if (cum >= (double) k)
                    break;
            }
        }
        else
        {
            for (j = N - 1; j > 0; j--)
            {
                cum += count[perm[j]];
                if (cum >= (double) (N - k + 1))
                    break;
            }
        }
        return fabs(t[perm[j]]);
    }

    /* Plain sums in four interleaved accumulators (for speed; the order
       changes only the rounding).  Their error, at most N u sum |t|, is
       below the statistical error sd/sqrt(N) by a factor N^1.5 u,
       negligible for any N that fits in memory. */
    for (j = 0; j + 4 <= N; j += 4)
    {
        s0 += count[j] * t[j];
        s1 += count[j + 1] * t[j + 1];
        s2 += count[j + 2] * t[j + 2];
        s3 += count[j + 3] * t[j + 3];
    }
    for (; j < N; j++)
        s0 += count[j] * t[j];
    s = ((s0 + s1) + (s2 + s3)) / (double) N;

    return (stat == WC_STAT_MEAN) ? fabs(s)
           : (stat == WC_STAT_RMS) ? sqrt(s) : s;
}
