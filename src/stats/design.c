/* The coefficients of the weighted least-squares estimators of the
   corrected model log(stat) = a + slope u + correction t, u = log n,
   t = 1/n.

   With the weighted inner product <p, q> = sum_w v_w p_w q_w and the
   weighted centred columns d = u - ubar, e = t - tbar, the least-squares
   slope is <d', y> / <d', d> with d' = d - (<d, e> / <e, e>) e, the part
   of d orthogonal to the constant and to e; likewise the correction is
   <e', y> / <e', e> with e' = e - (<d, e> / <d, d>) d.  So
       h_w = v_w d'_w / <d', d>,    g_w = v_w e'_w / <e', e>.

   Accuracy.  The columns are formed from differences computed without
   cancellation: u_w - u_k = log1p((n_w - n_k) / n_k) and
   t_w - t_k = ((n_k - n_w) / n_w) / n_k, each with a relative error of
   about 3u (u = 2^-53; the integer difference is exact, log1p has
   condition number at most 1), then averaged with the weights, as the
   power-law fit does, so that no rounded mean of log n is subtracted.
   The projection d - beta e cancels when log n and 1/n are nearly
   collinear over the widths: the absolute error of d' is about W u |d|,
   its relative error W u / sqrt(q) with q = <d', d'> / <d, d> = 1 - r^2.
   The projection is therefore applied twice ("twice is enough": the
   second pass removes what the rounding of the first left along e), and
   the caller refuses q below 2^-26.  The caller also evaluates the
   identities sum h = 0, h . u = 1, h . t = 0 on the result, which bounds
   what is left of the rounding in the slope. */

#include "stats_impl.h"

/* log(a / b) for a, b >= 1. */
static double
log_ratio(slong a, slong b)
{
    return log1p((double) (a - b) / (double) b);
}

/* 1/a - 1/b for a, b >= 1. */
static double
inverse_difference(slong a, slong b)
{
    return ((double) (b - a) / (double) a) / (double) b;
}

static double
inner(const double * p, const double * q, const double * v, slong W)
{
    double s = 0.0;
    slong w;

    for (w = 0; w < W; w++)
        s += v[w] * p[w] * q[w];
    return s;
}

/* p <- p - (<p, q> / <q, q>) q, then p <- p - (weighted mean of p), then
   the projection once more. */
static void
orthogonalise(double * p, const double * q, const double * v, double sv,
              slong W)
{
    double qq = inner(q, q, v, W), beta, m;
    slong w, pass;

    for (pass = 0; pass < 2; pass++)
    {
        beta = inner(p, q, v, W) / qq;
        for (w = 0; w < W; w++)
            p[w] -= beta * q[w];
        if (pass == 0)
        {
            m = 0.0;
            for (w = 0; w < W; w++)
                m += v[w] * p[w];
            m /= sv;
            for (w = 0; w < W; w++)
                p[w] -= m;
        }
    }
}

double
_wc_stats_corrected_coefficients(double * h, double * g, const double * v,
                                 const slong * widths, slong W)
{
    double * d = flint_malloc(4 * W * sizeof(double));
    double * e = d + W, * dp = d + 2 * W, * ep = d + 3 * W;
    double sv = 0.0, sdd, see, q, den;
    slong w, k;

    for (w = 0; w < W; w++)
        sv += v[w];
    for (w = 0; w < W; w++)
    {
        double sd = 0.0, se = 0.0;

        for (k = 0; k < W; k++)
        {
            sd += v[k] * log_ratio(widths[w], widths[k]);
            se += v[k] * inverse_difference(widths[w], widths[k]);
        }
        d[w] = dp[w] = sd / sv;
        e[w] = ep[w] = se / sv;
    }

    sdd = inner(d, d, v, W);
    see = inner(e, e, v, W);
    q = 0.0;
    if (sdd > 0.0 && see > 0.0)
    {
        orthogonalise(dp, e, v, sv, W);
        orthogonalise(ep, d, v, sv, W);
        q = inner(dp, dp, v, W) / sdd;

        den = inner(dp, d, v, W);
        for (w = 0; w < W; w++)
            h[w] = v[w] * dp[w] / den;
        den = inner(ep, e, v, W);
        for (w = 0; w < W; w++)
            g[w] = v[w] * ep[w] / den;
    }

    flint_free(d);
    return q;
}
