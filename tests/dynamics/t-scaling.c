/* The deviation's width exponent on a small linear network, as a
   statistical test.

   One hidden layer, linear activation: the weak-correlation rate is
   m(n) = n (|C^{0,2}| = O(1/n), |C^{1,1}| = O(n^-1/2)), so after a fixed
   number of steps f(theta(s)) - f_lin(s) = O(1/n) (Shem-Ur & Oz 2024),
   with slope -1 in log n.

   The test statistic.  Each seed k is an independent network (and, with
   common random numbers, the same network at every width), so its
   least-squares slope b_k of log deviation against log n over the
   widths is an i.i.d. sample across seeds.  With 128 seeds,
   t = (mean b + 1) / (sd b / sqrt 128) is close to Student's t with 127
   degrees of freedom under the hypothesis that the expected per-seed
   slope is -1; |t| > 4 happens with probability 1e-4.  That is the
   false-failure rate of the first assertion (over WC_TEST_SEED, which
   moves the task and the networks); the finite-width bias of the slope
   at widths 32..512 was measured well below one standard error.  The
   second assertion checks power: the wrong exponent -1/2, nine standard
   errors away, must be rejected (failure probability below 1e-6).  The
   third applies the same 1e-4 threshold to the library's own fit of
   the mean deviation (wc_stats_fit, bootstrap standard error over
   seeds), which is calibrated at this number of seeds. */

#include "dyntest.h"
#include "weakcorr/mc.h"

int
main(void)
{
    wc_test_t t;
    wc_net_t net;
    wc_dyn_task_t task;
    wc_dyn_opts_t opts;
    wc_dyn_result_t res;
    wc_error_t err;
    slong k, w, S = 128, nw, last;
    double sb = 0.0, sbb = 0.0, mean, sd, se, tstat;
    const wc_stats_fit_struct * fit;

    wc_test_init(t, "t-scaling");
    wc_net_init(net);
    wc_error_init(err);
    wc_net_parse(net, "hidden=1,act=linear,din=4", err);
    wc_dyn_task_init(task);
    wc_dyn_task_teacher(task, 4, 8, 8, WC_DYN_LOSS_SQUARED, t->seed, err);
    wc_dyn_opts_init(opts);
    flint_free(opts->widths);
    wc_mc_widths_parse(&opts->widths, &opts->nwidths, "32..512", err);
    flint_free(opts->steps);
    wc_dyn_parse_steps(&opts->steps, &opts->nsteps, "10", err);
    opts->seeds = S;
    opts->seed = t->seed;
    opts->lr = 0.5;
    opts->threads = 2;
    nw = opts->nwidths;
    last = opts->nsteps - 1;

    wc_dyn_result_init(res);
    WC_CHECK(t, wc_dyn_run(res, net, task, opts, NULL, err) == WC_OK
             && res->diverged == 0, "run: %s", err->msg);

    for (k = 0; k < S; k++)
    {
        double sx = 0, sy = 0, sxx = 0, sxy = 0, b;

        for (w = 0; w < nw; w++)
        {
            double x = log((double) opts->widths[w]);
            double y = log(wc_dyn_result_value(res, w, k, WC_DYN_DEVIATION,
                                               last));

            sx += x;
            sy += y;
            sxx += x * x;
            sxy += x * y;
        }
        b = (nw * sxy - sx * sy) / (nw * sxx - sx * sx);
        sb += b;
        sbb += b * b;
    }
    mean = sb / S;
    sd = sqrt((sbb - S * mean * mean) / (S - 1));
    se = sd / sqrt((double) S);
    tstat = (mean + 1.0) / se;
    printf("per-seed slopes: mean %.4f, sd %.4f, se %.4f, t = %.2f\n", mean,
           sd, se, tstat);
    WC_CHECK(t, fabs(tstat) <= 4.0, "deviation slope %.4f +- %.4f is not "
             "-1 (t = %.2f)", mean, se, tstat);
    WC_CHECK(t, fabs((mean + 0.5) / se) > 4.0, "slope %.4f +- %.4f does "
             "not exclude -1/2", mean, se);

    fit = res->fit + WC_DYN_DEVIATION * opts->nsteps + last;
    printf("fit of the mean: slope %.4f, se %.4f, interval [%.4f, %.4f]\n",
           fit->slope, fit->se, fit->ci_lo, fit->ci_hi);
    WC_CHECK(t, res->fit_status[WC_DYN_DEVIATION * opts->nsteps + last]
             == WC_OK && fabs(fit->slope + 1.0) <= 4.0 * fit->se,
             "fitted slope %.4f +- %.4f", fit->slope, fit->se);

    wc_dyn_result_clear(res);
    wc_dyn_opts_clear(opts);
    wc_dyn_task_clear(task);
    wc_net_clear(net);
    return wc_test_finish(t);
}
