/* The weak-correlation rate: k recomputed from the fitted slopes by the
   documented formulas (fixed sense min(-e02, -e03, -2 e11, -2 e12),
   exponential sense min over terms of -2 e / d, ranges from the ends of
   the intervals, exactly zero terms skipped), the zero detection of a
   network of degree 2 in theta, the verdict's cases, and the errors. */

#include "dyntest.h"
#include "weakcorr/mc.h"

static double
bound(slong D, slong d, double e, int expo)
{
    return expo ? -2.0 * e / (double) d : (D == 0 ? -e : -2.0 * e);
}

int
main(void)
{
    wc_test_t t;
    wc_error_t err;
    const char * nets[3] = {"hidden=1,act=linear,din=3",
                            "hidden=2,act=tanh,din=3,bias=1/2",
                            "hidden=1,act=relu,din=2"};
    int which;

    wc_test_init(t, "t-rate");
    wc_error_init(err);

    for (which = 0; which < 3; which++)
    {
        wc_net_t net;
        wc_dyn_task_t task;
        wc_dyn_opts_t opts;
        wc_dyn_rate_t rate;
        slong i;
        int expo;

        wc_net_init(net);
        wc_net_parse(net, nets[which], err);
        wc_dyn_task_init(task);
        wc_dyn_task_teacher(task, net->din, 4, 2, WC_DYN_LOSS_SQUARED, 3,
                            err);
        wc_dyn_opts_init(opts);
        flint_free(opts->widths);
        wc_mc_widths_parse(&opts->widths, &opts->nwidths, "8..64", err);
        opts->seed = t->seed;
        opts->threads = 2;
        wc_dyn_rate_init(rate);
        WC_CHECK(t, wc_dyn_rate(rate, net, task, opts, 16, WC_DYN_RATE_JETS,
                                NULL, err) == WC_OK, "rate: %s", err->msg);

        /* Degree 2 in theta (one hidden layer, linear or relu):
           C^{0,3} and C^{1,2} vanish; otherwise nothing does. */
        for (i = 0; i < WC_DYN_RATE_TERMS; i++)
        {
            int expect_zero = (which != 1) && (i == 2 || i == 4);

            WC_CHECK(t, rate->zero[i] == expect_zero, "%s: term %ld zero "
                     "%d", nets[which], (long) i, rate->zero[i]);
        }

        for (expo = 0; expo <= 1; expo++)
        {
            double k = INFINITY, lo = INFINITY, hi = INFINITY;

            for (i = 1; i < WC_DYN_RATE_TERMS; i++)
            {
                const wc_dyn_term_struct * tm = wc_dyn_rate_term + i;

                if (rate->zero[i])
                    continue;
                k = FLINT_MIN(k, bound(tm->D, tm->d, rate->fit[i].slope,
                                       expo));
                lo = FLINT_MIN(lo, bound(tm->D, tm->d, rate->fit[i].ci_hi,
                                         expo));
                hi = FLINT_MIN(hi, bound(tm->D, tm->d, rate->fit[i].ci_lo,
                                         expo));
            }
            WC_CHECK(t, expo ? (rate->k_exp == k && rate->k_exp_lo == lo
                                && rate->k_exp_hi == hi)
                             : (rate->k_fixed == k && rate->k_fixed_lo == lo
                                && rate->k_fixed_hi == hi),
                     "%s: k (%s) = %g [%g, %g]", nets[which],
                     expo ? "exponential" : "fixed", k, lo, hi);
            WC_CHECK(t, lo <= k && k <= hi, "k within its range");
        }
        /* Each fit is of the mean of |C| over the samples at each width,
           and the rows hold those means. */
        for (i = 0; i < WC_DYN_RATE_TERMS; i++)
        {
            double m = 0.0;
            slong k;

            for (k = 0; k < 16; k++)
                m += rate->value[(i * rate->nwidths + 1) * 16 + k];
            m /= 16.0;
            WC_CHECK(t, fabs(rate->row[i * rate->nwidths + 1].mean - m)
                     <= 1e-14 * fabs(m), "row mean");
        }

        WC_CHECK(t, wc_dyn_rate(rate, net, task, opts, 0, WC_DYN_RATE_JETS,
                                NULL, err) == WC_ERR_RANGE, "no samples");
        wc_dyn_rate_clear(rate);
        wc_dyn_opts_clear(opts);
        wc_dyn_task_clear(task);
        wc_net_clear(net);
    }

    /* The verdict, on hand-made intervals: predicted slope alpha - k
       with k in [0.9, 1.1]. */
    {
        wc_dyn_rate_t rate;
        wc_stats_fit_struct f;

        wc_dyn_rate_init(rate);
        rate->k_fixed = 1.0;
        rate->k_fixed_lo = 0.9;
        rate->k_fixed_hi = 1.1;
        f.ci_lo = -1.3;
        f.ci_hi = -1.05;
        WC_CHECK(t, wc_dyn_rate_verdict(rate, &f, 0.0) == WC_VERDICT_TIGHT,
                 "intervals meet");
        f.ci_lo = -1.5;
        f.ci_hi = -1.2;
        WC_CHECK(t, wc_dyn_rate_verdict(rate, &f, 0.0)
                 == WC_VERDICT_NOT_TIGHT, "faster");
        WC_CHECK(t, wc_dyn_rate_verdict(rate, &f, -0.5) == WC_VERDICT_TIGHT,
                 "alpha shifts the prediction");
        f.ci_lo = -0.8;
        f.ci_hi = -0.6;
        WC_CHECK(t, wc_dyn_rate_verdict(rate, &f, 0.0)
                 == WC_VERDICT_VIOLATED, "slower");
        f.ci_hi = NAN;
        WC_CHECK(t, wc_dyn_rate_verdict(rate, &f, 0.0)
                 == WC_VERDICT_INCONCLUSIVE, "missing fit");
        rate->k_fixed_lo = NAN;
        f.ci_hi = -0.6;
        WC_CHECK(t, wc_dyn_rate_verdict(rate, &f, 0.0)
                 == WC_VERDICT_INCONCLUSIVE, "missing rate");
        wc_dyn_rate_clear(rate);
    }

    return wc_test_finish(t);
}
