/* Scaled sums and corrected two-pass sums of squared deviations. */

#include <float.h>

#include "stats_impl.h"

double
_wc_stats_scale_for(double m)
{
    int e;

    if (m == 0.0 || !isfinite(m))
        return 1.0;
    frexp(m, &e);
    /* Keep the scale a normal number: for m near the overflow or
       underflow threshold the scaled values then lie within [2^-5, 2^4],
       still far from overflow when squared and summed. */
    if (e > 1020)
        e = 1020;
    if (e < -1020)
        e = -1020;
    return ldexp(1.0, -e);
}

void
_wc_stats_moments(double * mean_scaled, double * ssd_scaled,
                  const double * x, slong n, double scale)
{
    wc_stats_acc_struct s, d, d2;
    double mean;
    slong i;

    _wc_stats_acc_init(&s);
    for (i = 0; i < n; i++)
        _wc_stats_acc_add(&s, x[i] * scale);
    mean = _wc_stats_acc_value(&s) / (double) n;

    /* Corrected two-pass: sum d_i^2 - (sum d_i)^2 / n with d_i = x_i -
       mean.  The second term removes, to first order, the error of the
       computed mean; each d_i^2 carries a relative error of at most 3u,
       so the result has relative error about 5u + (n u)^2 whatever the
       ratio of mean to spread (a one-pass sum x^2 - n mean^2 loses every
       digit when the mean dominates). */
    _wc_stats_acc_init(&d);
    _wc_stats_acc_init(&d2);
    for (i = 0; i < n; i++)
    {
        double t = x[i] * scale - mean;

        _wc_stats_acc_add(&d, t);
        _wc_stats_acc_add(&d2, t * t);
    }

    *mean_scaled = mean;
    *ssd_scaled = _wc_stats_acc_value(&d2)
                  - _wc_stats_acc_value(&d) * _wc_stats_acc_value(&d)
                    / (double) n;
    if (*ssd_scaled < 0.0)
        *ssd_scaled = 0.0;
}
