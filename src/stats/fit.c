/* Weighted least-squares fits of log(statistic) against log(width), with
   a percentile bootstrap over sample indices for the interval.

   The estimator.  With y_w = log(stat_w), u_w = log(n_w) and weights
   v_w = 1/Var(y_w), the slope is sum_w c_w y_w with
       c_w = v_w (u_w - ubar) / sum_w' v_w' (u_w' - ubar)^2,
   ubar the weighted mean of u.  Var(y_w) comes from the delta method:
       mean:  se^2 / mean^2
       rms:   Var(X^2) / (4 N E[X^2]^2)   (y = log sqrt(m2), d y = d m2/2m2)
       abs:   Var(|X|) / (N E|X|^2)
   and for a quantile q_p, whose variance p(1-p) / (N f(q_p)^2) involves
   the unknown density f, by the sparsity (difference-quotient) estimate
   of Siddiqui (1960) and Bloch and Gastwirth (1968): log q_p is the
   sample quantile of log|X|, so
       se(log q_p) = sqrt(N p (1-p)) (log|x|_(k+h) - log|x|_(k-h)) / (2h),
   order statistics of rank k = ceil(N p) -+ h, h = ceil(sqrt(N p (1-p))),
   clipped to [1, N] (dividing then by the ranks' actual distance instead
   of 2h).  The weights are computed once, from the data, and
   held fixed in the replicates, so each replicate slope is the same
   linear function of its y values, and the point estimate does not
   depend on the bootstrap seed.

   The bootstrap.  Replicate b draws N sample indices with replacement
   (counts from a multinomial) and uses the SAME indices at every width:
   sample s at width n and sample s at width 2n come from one network
   (common random numbers), so their errors are correlated, and resampling
   whole indices keeps that correlation in every replicate.  Resampling
   each width independently would treat the widths as independent and
   overstate the variance of the slope whenever the correlation is
   positive.

   The corrected model.  log(stat) = a + slope u + correction t with
   t_w = 1/n_w is fitted with the same weights: its estimators are again
   fixed linear functions h . y (slope) and g . y (correction), computed
   in design.c, and each replicate applies them to its own y values, so
   the bootstrap above serves both models unchanged. */

#include <float.h>
#include <stdlib.h>

#include "stats_impl.h"

typedef struct
{
    double v;
    slong i;
}
keyed_struct;

static int
cmp_keyed(const void * a, const void * b)
{
    double x = ((const keyed_struct *) a)->v;
    double y = ((const keyed_struct *) b)->v;

    return (x > y) - (x < y);
}

static int
cmp_double(const void * a, const void * b)
{
    double x = *(const double *) a, y = *(const double *) b;

    return (x > y) - (x < y);
}

static const char *
stat_phrase(wc_stat_kind stat)
{
    switch (stat)
    {
        case WC_STAT_MEAN:
            return "mean";
        case WC_STAT_RMS:
            return "root mean square";
        case WC_STAT_ABS:
            return "mean of |X|";
        case WC_STAT_MEDIAN:
            return "median of |X|";
        case WC_STAT_Q90:
            return "90% quantile of |X|";
        default:
            return "99% quantile of |X|";
    }
}

/* Var(log q) of a quantile of one width by the sparsity estimate; perm
   sorts |xs| increasingly.  A zero lower order statistic makes it
   infinite (the caller caps it). */
static double
quantile_variance(wc_stat_kind stat, const double * xs, const slong * perm,
                  slong N)
{
    double p = (stat == WC_STAT_MEDIAN) ? 0.5
               : (stat == WC_STAT_Q90) ? 0.9 : 0.99;
    double npq = (double) N * p * (1.0 - p), d;
    slong k = _wc_stats_quantile_rank(stat, N), h, lo, hi;

    h = (slong) ceil(sqrt(npq));
    h = FLINT_MAX(h, 1);
    lo = FLINT_MAX(k - h, 1);
    hi = FLINT_MIN(k + h, N);
    d = (log(fabs(xs[perm[hi - 1]])) - log(fabs(xs[perm[lo - 1]])))
        / (double) (hi - lo);
    return npq * d * d;
}

/* Var(log stat) of one width by the delta method; xs scaled, tmp has room
   for N values. */
static double
delta_variance(wc_stat_kind stat, const wc_stats_row_struct * row,
               const double * xs, double * tmp, slong N)
{
    double m, ssd;
    slong j;

    if (stat == WC_STAT_MEAN)
        return (row->se / row->mean) * (row->se / row->mean);

    for (j = 0; j < N; j++)
        tmp[j] = (stat == WC_STAT_RMS) ? xs[j] * xs[j] : fabs(xs[j]);
    _wc_stats_moments(&m, &ssd, tmp, N, 1.0);
    /* Var(T)/N / E[T]^2 with T = X^2 or |X|; for rms a further 1/4. */
    return ssd / (double) (N - 1) / (double) N / (m * m)
           * ((stat == WC_STAT_RMS) ? 0.25 : 1.0);
}

/* The slope coefficients of the power law, h_w = v_w d_w / sum v d^2,
   from the weights v (sum sw); tmp has room for W values. */
static void
power_coefficients(double * h, double * tmp, const double * v,
                   const double * u, double sw, slong W)
{
    double suu = 0.0;
    slong w;

    /* The centred abscissae d_w = u_w - ubar as weighted sums of the
       differences u_w - u_v: subtracting the rounded ubar instead would
       leave an absolute error u |ubar| in d_w, which swamps d_w at a
       width whose weight dominates the others (weights may differ by up
       to u^-4). */
    for (w = 0; w < W; w++)
    {
        double d = 0.0;
        slong k;

        for (k = 0; k < W; k++)
            d += v[k] * (u[w] - u[k]);
        tmp[w] = d / sw;
        suu += v[w] * tmp[w] * tmp[w];
    }
    /* suu > 0: every weight is at least u^4 and two widths differ. */
    for (w = 0; w < W; w++)
        h[w] = v[w] * tmp[w] / suu;
}

/* A bound on |h . (a + s u + c t) - s|, the deviation of the computed
   slope coefficients h from an exact unbiased estimator on data that
   follow the corrected model exactly (u_w = log n_w, t_w = 1/n_w): the
   exact h satisfies sum h = 0, h . u = 1 and h . t = 0, so the deviation
   is a r_1 + s r_u + c r_t with the residuals r of those three
   identities.  They are evaluated here in double, each with an error of
   at most (W + 2) u sum |h_w f_w| (W roundings of the sum, one of f_w),
   which is added.  a, s and c are the fitted values (first order). */
static double
corrected_bias_bound(const double * h, const slong * widths, slong W,
                     double a, double s, double c)
{
    double r1 = 0.0, ru = -1.0, rt = 0.0, m1 = 0.0, mu = 0.0, mt = 0.0;
    double gamma = (double) (W + 2) * (DBL_EPSILON / 2);
    slong w;

    for (w = 0; w < W; w++)
    {
        double uw = log((double) widths[w]), tw = 1.0 / (double) widths[w];

        r1 += h[w];
        ru += h[w] * uw;
        rt += h[w] * tw;
        m1 += fabs(h[w]);
        mu += fabs(h[w] * uw);
        mt += fabs(h[w] * tw);
    }
    return fabs(a) * (fabs(r1) + gamma * m1)
           + fabs(s) * (fabs(ru) + gamma * mu)
           + fabs(c) * (fabs(rt) + gamma * mt);
}

static slong
distinct_widths(const slong * widths, slong W)
{
    slong w, k, count = 0;

    for (w = 0; w < W; w++)
    {
        for (k = 0; k < w && widths[k] != widths[w]; k++)
            ;
        count += (k == w);
    }
    return count;
}

wc_status
wc_stats_fit(wc_stats_fit_struct * fit, const double * x,
             const slong * widths, slong nwidths, slong nsamples,
             wc_stat_kind stat, slong nboot, ulong seed, wc_error_t err)
{
    return wc_stats_fit_model(fit, x, widths, nwidths, nsamples, stat,
                              WC_STATS_MODEL_POWER, nboot, seed, err);
}

wc_status
wc_stats_fit_model(wc_stats_fit_struct * fit, const double * x,
                   const slong * widths, slong nwidths, slong nsamples,
                   wc_stat_kind stat, wc_stats_model model, slong nboot,
                   ulong seed, wc_error_t err)
{
    slong W = nwidths, S = nsamples, N, B, w, j, b, s, kl;
    slong zero_reps = 0, zero_width = -1;
    slong * keep = NULL, * perm = NULL;
    double * xs = NULL, * scale = NULL, * y = NULL, * u = NULL;
    double * var = NULL, * c = NULL, * slopes = NULL, * count = NULL;
    double * tmp = NULL, * h = NULL, * g = NULL, * corrs = NULL;
    wc_stats_row_struct * rows = NULL;
    wc_status status = WC_OK;
    double vmin, sw, ubar, ybar, slope, intercept, mean, ssd, round_err;
    double corr = 0.0, corr_se = 0.0;
    int unresolved = 0, changed = 0;
    int corrected = (model == WC_STATS_MODEL_CORRECTED);

    fit->stat = stat;
    fit->model = model;
    fit->slope = fit->intercept = fit->se = NAN;
    fit->ci_lo = fit->ci_hi = NAN;
    fit->correction = fit->correction_se = NAN;
    fit->sign_change = 0;
    fit->nboot = (nboot == 0) ? WC_STATS_NBOOT_DEFAULT : nboot;
    fit->samples = 0;
    fit->nonfinite = 0;

    if ((int) stat < 0 || stat >= WC_STAT_COUNT)
        return wc_error_set(err, WC_ERR_RANGE, -1, "unknown statistic %d",
                            (int) stat);
    if ((int) model < 0 || model >= WC_STATS_MODEL_COUNT)
        return wc_error_set(err, WC_ERR_RANGE, -1, "unknown model %d",
                            (int) model);
    if (W < 2 && !corrected)
        return wc_error_set(err, WC_ERR_RANGE, -1,
                            "a slope needs at least two widths, got %ld",
                            (long) W);
    for (w = 0; w < W; w++)
        if (widths[w] < 1)
            return wc_error_set(err, WC_ERR_RANGE, -1,
                                "width %ld is not positive",
                                (long) widths[w]);
    if (corrected)
    {
        slong k = distinct_widths(widths, W);

        if (k < WC_STATS_CORRECTED_MIN_WIDTHS)
            return wc_error_set(err, WC_ERR_RANGE, -1,
                                "a fit with a 1/n correction needs at "
                                "least %d distinct widths (three "
                                "parameters and a degree of freedom), got "
                                "%ld", WC_STATS_CORRECTED_MIN_WIDTHS,
                                (long) k);
    }
    else
    {
        for (w = 1; w < W && widths[w] == widths[0]; w++)
            ;
        if (w == W)
            return wc_error_set(err, WC_ERR_RANGE, -1,
                                "all %ld widths equal %ld; a slope needs "
                                "two distinct widths", (long) W,
                                (long) widths[0]);
    }
    if (S < 8)
        return wc_error_set(err, WC_ERR_RANGE, -1,
                            "%ld samples per width; a fit needs at least 8",
                            (long) S);
    if (nboot < 0 || (nboot > 0 && nboot < WC_STATS_NBOOT_MIN))
        return wc_error_set(err, WC_ERR_RANGE, -1,
                            "%ld bootstrap replicates; a 95%% interval "
                            "needs at least %d (0 for the default %d)",
                            (long) nboot, WC_STATS_NBOOT_MIN,
                            WC_STATS_NBOOT_DEFAULT);
    if (nboot > WC_STATS_NBOOT_MAX)
        return wc_error_set(err, WC_ERR_RANGE, -1,
                            "%ld bootstrap replicates; at most %ld are "
                            "supported", (long) nboot,
                            (long) WC_STATS_NBOOT_MAX);
    B = fit->nboot;

    /* Keep the sample indices finite at every width, so that the
       resampled indices mean the same network at every width. */
    keep = flint_malloc(S * sizeof(slong));
    for (s = 0, N = 0; s < S; s++)
    {
        for (w = 0; w < W && isfinite(x[w * S + s]); w++)
            ;
        if (w == W)
            keep[N++] = s;
    }
    fit->samples = N;
    fit->nonfinite = S - N;
    if (N < 8)
    {
        status = wc_error_set(err, WC_ERR_RANGE, -1,
                              "only %ld of %ld sample indices are finite at "
                              "every width; a fit needs at least 8",
                              (long) N, (long) S);
        goto cleanup;
    }

    xs = flint_malloc(W * N * sizeof(double));
    rows = flint_malloc(W * sizeof(wc_stats_row_struct));
    scale = flint_malloc(W * sizeof(double));
    y = flint_malloc(W * sizeof(double));
    u = flint_malloc(W * sizeof(double));
    var = flint_malloc(W * sizeof(double));
    c = flint_malloc(W * sizeof(double));
    tmp = flint_malloc(FLINT_MAX(N, W) * sizeof(double));
    for (w = 0; w < W; w++)
    {
        double m = 0.0;

        for (j = 0; j < N; j++)
        {
            xs[w * N + j] = x[w * S + keep[j]];
            m = FLINT_MAX(m, fabs(xs[w * N + j]));
        }
        wc_stats_summarise(rows + w, xs + w * N, N, widths[w]);

        /* From here on the samples are held scaled by a power of two so
           that squares neither overflow nor underflow. */
        scale[w] = _wc_stats_scale_for(m);
        for (j = 0; j < N; j++)
            xs[w * N + j] *= scale[w];
    }

    for (w = 0; w < W; w++)
    {
        double m = rows[w].mean;

        if (!(fabs(m) > 2.0 * rows[w].se))
            unresolved = 1;
        if ((m > 0) != (rows[0].mean > 0) || (m < 0) != (rows[0].mean < 0))
            changed = 1;
    }
    fit->sign_change = unresolved || changed;
    if (stat == WC_STAT_AUTO)
        stat = fit->sign_change ? WC_STAT_RMS : WC_STAT_MEAN;
    fit->stat = stat;

    for (w = 0; w < W; w++)
    {
        double v = wc_stats_row_get(rows + w, stat);

        if (!(v > 0.0) || !isfinite(v))
        {
            status = wc_error_set(err, WC_ERR_RANGE, -1,
                                  "the %s of the samples is %s at width %ld;"
                                  " a log-log fit needs it positive and "
                                  "finite", stat_phrase(stat),
                                  isfinite(v) ? "zero" : "not finite",
                                  (long) widths[w]);
            goto cleanup;
        }
        y[w] = log(v);
        u[w] = log((double) widths[w]);
    }

    /* For the quantiles: the sample indices of every width in increasing
       order of |x|. */
    if (_wc_stats_is_quantile(stat))
    {
        keyed_struct * key = flint_malloc(N * sizeof(keyed_struct));

        perm = flint_malloc(W * N * sizeof(slong));
        for (w = 0; w < W; w++)
        {
            for (j = 0; j < N; j++)
            {
                key[j].v = fabs(xs[w * N + j]);
                key[j].i = j;
            }
            qsort(key, (size_t) N, sizeof(keyed_struct), cmp_keyed);
            for (j = 0; j < N; j++)
                perm[w * N + j] = key[j].i;
        }
        flint_free(key);
    }

    for (w = 0; w < W; w++)
        var[w] = _wc_stats_is_quantile(stat)
                 ? quantile_variance(stat, xs + w * N, perm + w * N, N)
                 : delta_variance(stat, rows + w, xs + w * N, tmp, N);

    /* A log computed in double is uncertain by about u, so a variance
       below u^2 carries no information; the floor also keeps a width with
       identical samples from taking an infinite weight.  The cap (an
       infinite sparsity estimate, from a zero order statistic) gives a
       width a negligible but positive weight. */
    vmin = HUGE_VAL;
    for (w = 0; w < W; w++)
    {
        var[w] = FLINT_MAX(var[w], DBL_EPSILON * DBL_EPSILON);
        var[w] = FLINT_MIN(var[w], 1.0 / (DBL_EPSILON * DBL_EPSILON));
        vmin = FLINT_MIN(vmin, var[w]);
    }

    /* Weights vmin/var in (0, 1]: the same fit as 1/var, without
       overflow. */
    sw = ubar = ybar = 0.0;
    for (w = 0; w < W; w++)
    {
        c[w] = vmin / var[w];
        sw += c[w];
        ubar += c[w] * u[w];
        ybar += c[w] * y[w];
    }
    ubar /= sw;
    ybar /= sw;

    /* The estimators' coefficients: h for the slope, g for the
       correction. */
    h = flint_malloc(W * sizeof(double));
    if (corrected)
    {
        double q;

        g = flint_malloc(W * sizeof(double));
        q = _wc_stats_corrected_coefficients(h, g, c, widths, W);
        /* q = 1 - r^2, r the weighted correlation of log n and 1/n: the
           slope's variance is 1/q times the power law's (for independent
           errors).  Below 2^-26 its standard error would grow more than
           8192 times, and the coefficients, whose relative rounding error
           grows like W u / q, would start to lose digits. */
        if (!(q >= 0x1.0p-26))
        {
            slong lo = widths[0], hi = widths[0];

            for (w = 1; w < W; w++)
            {
                lo = FLINT_MIN(lo, widths[w]);
                hi = FLINT_MAX(hi, widths[w]);
            }
            status = wc_error_set(err, WC_ERR_RANGE, -1,
                                  "widths %ld..%ld are too close together "
                                  "to tell a 1/n correction from the slope",
                                  (long) lo, (long) hi);
            goto cleanup;
        }
    }
    else
        power_coefficients(h, tmp, c, u, sw, W);

    slope = 0.0;
    round_err = 0.0;
    for (w = 0; w < W; w++)
    {
        slope += h[w] * y[w];
        round_err += fabs(h[w]) * (1.0 + fabs(y[w]));
    }
    /* Each y_w is uncertain by a few u (relative error of the statistic)
       plus u |y_w| (the log), and the sum adds W roundings: (W + 8) u
       sum |h_w| (1 + |y_w|) bounds the rounding error of any computed
       slope.  It is added to the interval so that nearly deterministic
       data do not give an interval narrower than the arithmetic. */
    round_err *= (double) (W + 8) * (DBL_EPSILON / 2);

    if (corrected)
    {
        double tbar = 0.0;

        for (w = 0; w < W; w++)
        {
            corr += g[w] * y[w];
            tbar += c[w] / (double) widths[w];
        }
        intercept = ybar - slope * ubar - corr * (tbar / sw);
        /* The power law's h is exact up to its own rounding; the
           corrected one is checked against the identities it must
           satisfy. */
        round_err += corrected_bias_bound(h, widths, W, intercept, slope,
                                          corr);
    }
    else
        intercept = ybar - slope * ubar;

    /* The replicates.  Replicate b resamples the sample indices with
       generator stream b, the same indices at every width.  The moments
       need only x, x^2 or |x| from here on. */
    if (stat == WC_STAT_RMS || stat == WC_STAT_ABS)
        for (j = 0; j < W * N; j++)
            xs[j] = (stat == WC_STAT_RMS) ? xs[j] * xs[j] : fabs(xs[j]);
    count = flint_malloc(N * sizeof(double));
    slopes = flint_malloc(B * sizeof(double));
    if (corrected)
        corrs = flint_malloc(B * sizeof(double));
    for (b = 0; b < B; b++)
    {
        wc_stats_rng_struct r;
        double t = 0.0, tc = 0.0;
        int zero = 0;

        _wc_stats_rng_init(&r, seed, (ulong) b);
        for (j = 0; j < N; j++)
            count[j] = 0.0;
        for (j = 0; j < N; j++)
            count[_wc_stats_rng_below(&r, (uint64_t) N)] += 1.0;
        for (w = 0; w < W; w++)
        {
            double v = _wc_stats_resampled_stat(stat, xs + w * N,
                                      perm ? perm + w * N : NULL, count, N);

            if (!(v > 0.0) || !isfinite(v))
            {
                if (zero_width < 0)
                    zero_width = widths[w];
                zero = 1;
            }
            else
            {
                double lv = log(v / scale[w]);

                t += h[w] * lv;
                if (corrected)
                    tc += g[w] * lv;
            }
        }
        slopes[b] = t;
        if (corrected)
            corrs[b] = tc;
        zero_reps += zero;
    }
    if (zero_reps > 0)
    {
        status = wc_error_set(err, WC_ERR_RANGE, -1,
                              "the %s is zero in %ld of %ld bootstrap "
                              "replicates (first at width %ld): the samples"
                              " do not resolve it", stat_phrase(stat),
                              (long) zero_reps, (long) B, (long) zero_width);
        goto cleanup;
    }

    if (corrected)
    {
        _wc_stats_moments(&mean, &ssd, corrs, B, 1.0);
        corr_se = sqrt(ssd / (double) (B - 1));
    }
    _wc_stats_moments(&mean, &ssd, slopes, B, 1.0);
    qsort(slopes, (size_t) B, sizeof(double), cmp_double);
    kl = _wc_stats_rank(B, 1, 40);

    fit->slope = slope;
    fit->intercept = intercept;
    fit->se = sqrt(ssd / (double) (B - 1));
    fit->ci_lo = slopes[kl - 1] - round_err;
    fit->ci_hi = slopes[B - kl] + round_err;
    fit->correction = corr;
    fit->correction_se = corr_se;

cleanup:
    flint_free(keep);
    flint_free(count);
    flint_free(perm);
    flint_free(xs);
    flint_free(scale);
    flint_free(y);
    flint_free(u);
    flint_free(var);
    flint_free(c);
    flint_free(h);
    flint_free(g);
    flint_free(slopes);
    flint_free(corrs);
    flint_free(tmp);
    flint_free(rows);
    return status;
}
