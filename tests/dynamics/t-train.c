/* Training runs and width sweeps: divergence detection (each reason,
   excluded from the summaries and the fits), identical results for any
   number of threads, interruption keeping finished runs bit for bit,
   progress reports, and the error paths of wc_dyn_run. */

#include "dyntest.h"
#include "weakcorr/mc.h"

static void
set_steps(wc_dyn_opts_t opts, const char * text)
{
    wc_error_t err;

    flint_free(opts->steps);
    wc_error_init(err);
    if (wc_dyn_parse_steps(&opts->steps, &opts->nsteps, text, err) != WC_OK)
        flint_abort();
}

static void
set_widths(wc_dyn_opts_t opts, const char * text)
{
    wc_error_t err;

    flint_free(opts->widths);
    wc_error_init(err);
    if (wc_mc_widths_parse(&opts->widths, &opts->nwidths, text, err)
        != WC_OK)
        flint_abort();
}

static int
same_bits(double a, double b)
{
    return memcmp(&a, &b, sizeof(double)) == 0;
}

static int
same_results(const wc_dyn_result_t a, const wc_dyn_result_t b)
{
    slong j, n = a->opts->nwidths * a->opts->seeds;
    slong nv = WC_DYN_NQUANTITIES * a->opts->nsteps;

    for (j = 0; j < n; j++)
        if (a->sample[j].status != b->sample[j].status
            || memcmp(a->sample[j].value, b->sample[j].value,
                      nv * sizeof(double)) != 0)
            return 0;
    for (j = 0; j < nv * a->opts->nwidths; j++)
        if (!same_bits(a->row[j].mean, b->row[j].mean)
            || !same_bits(a->row[j].se, b->row[j].se)
            || a->row[j].samples != b->row[j].samples)
            return 0;
    for (j = 0; j < nv; j++)
        if (a->fit_status[j] != b->fit_status[j]
            || !same_bits(a->fit[j].slope, b->fit[j].slope)
            || !same_bits(a->fit[j].ci_lo, b->fit[j].ci_lo)
            || !same_bits(a->fit[j].ci_hi, b->fit[j].ci_hi))
            return 0;
    return 1;
}

typedef struct
{
    double last;
    int monotone;
    double stop_at;
    volatile sig_atomic_t flag;
}
progress_state;

static void
on_progress(void * data, double f)
{
    progress_state * p = data;

    if (f < p->last - 1e-12 || f > 1.0 + 1e-12)
        p->monotone = 0;
    p->last = f;
    if (f >= p->stop_at)
        p->flag = 1;
}

int
main(void)
{
    wc_test_t t;
    wc_net_t net;
    wc_dyn_task_t task;
    wc_dyn_opts_t opts;
    wc_dyn_result_t r1, r2, r3;
    wc_error_t err;
    wc_status st;
    slong j, w;

    wc_test_init(t, "t-train");
    wc_net_init(net);
    wc_error_init(err);
    wc_net_parse(net, "hidden=2,act=tanh,din=3,bias=1/2", err);
    wc_dyn_task_init(task);
    wc_dyn_task_teacher(task, 3, 6, 4, WC_DYN_LOSS_SQUARED, 1, err);
    wc_dyn_opts_init(opts);
    set_widths(opts, "4..32");
    set_steps(opts, "1,3,10");
    opts->seeds = 8;
    opts->seed = t->seed;
    wc_dyn_result_init(r1);
    wc_dyn_result_init(r2);
    wc_dyn_result_init(r3);

    /* Threads: 1, 2 and 3 give the same bits. */
    opts->threads = 1;
    st = wc_dyn_run(r1, net, task, opts, NULL, err);
    WC_CHECK(t, st == WC_OK && r1->completed == 32 && r1->diverged == 0,
             "run: %d %s", (int) st, err->msg);
    opts->threads = 2;
    wc_dyn_run(r2, net, task, opts, NULL, err);
    WC_CHECK(t, same_results(r1, r2), "1 and 2 threads differ");
    opts->threads = 3;
    opts->batch = 0;
    wc_dyn_run(r3, net, task, opts, NULL, err);
    WC_CHECK(t, same_results(r1, r3), "1 and 3 threads differ");
    for (j = 0; j < 4 * 8; j++)
        WC_CHECK(t, r1->sample[j].status == WC_DYN_OK
                 && r1->sample[j].value[WC_DYN_DEVIATION * 3 + 2] > 0,
                 "sample %ld", (long) j);

    /* The same with SGD minibatches. */
    opts->batch = 2;
    opts->threads = 1;
    wc_dyn_run(r1, net, task, opts, NULL, err);
    opts->threads = 2;
    wc_dyn_run(r2, net, task, opts, NULL, err);
    WC_CHECK(t, same_results(r1, r2) && r1->diverged == 0,
             "SGD: 1 and 2 threads differ");

    /* Interruption: stop after a third of the work; the finished runs
       are those of the full run, bit for bit. */
    {
        progress_state ps = {0.0, 1, 0.3, 0};
        wc_dyn_hooks_struct hooks;
        slong nv = WC_DYN_NQUANTITIES * 3, done = 0;

        hooks.progress = on_progress;
        hooks.data = &ps;
        hooks.cancel = &ps.flag;
        opts->threads = 2;
        st = wc_dyn_run(r3, net, task, opts, &hooks, err);
        WC_CHECK(t, st == WC_ERR_INTERRUPTED && r3->interrupted
                 && r3->completed < 32, "interrupted: %d, %ld completed",
                 (int) st, (long) r3->completed);
        for (j = 0; j < 32; j++)
            if (r3->sample[j].status == WC_DYN_OK)
            {
                done++;
                WC_CHECK(t, memcmp(r3->sample[j].value, r2->sample[j].value,
                                   nv * sizeof(double)) == 0,
                         "finished run %ld differs", (long) j);
            }
            else
                WC_CHECK(t, r3->sample[j].status == WC_DYN_NOT_RUN
                         && isnan(r3->sample[j].value[0]), "unfinished run");
        WC_CHECK(t, done == r3->completed && ps.monotone, "progress");

        /* Raised before the start: nothing runs. */
        ps.flag = 1;
        ps.stop_at = 2.0;
        st = wc_dyn_run(r3, net, task, opts, &hooks, err);
        WC_CHECK(t, st == WC_ERR_INTERRUPTED && r3->completed == 0,
                 "cancelled before the start");

        /* Uninterrupted, the progress ends at 1. */
        ps.flag = 0;
        ps.last = 0.0;
        st = wc_dyn_run(r3, net, task, opts, &hooks, err);
        WC_CHECK(t, st == WC_OK && ps.monotone
                 && fabs(ps.last - 1.0) < 1e-9, "progress ends at %g",
                 ps.last);
    }

    /* Divergence 1: full batch above the stable range, detected before
       training from lambda_max; every run diverged, no summary, no
       fit. */
    opts->batch = 0;
    opts->lr = 50.0;
    st = wc_dyn_run(r1, net, task, opts, NULL, err);
    WC_CHECK(t, st == WC_OK && r1->diverged == 32 && r1->completed == 32,
             "unstable: %ld diverged", (long) r1->diverged);
    for (j = 0; j < 32; j++)
        WC_CHECK(t, r1->sample[j].reason == WC_DYN_REASON_UNSTABLE
                 && r1->sample[j].diverge_step == 0
                 && r1->sample[j].lr * r1->sample[j].lambda_max >= 2.0
                 && isnan(r1->sample[j].value[0]), "unstable run %ld",
                 (long) j);
    for (w = 0; w < 4; w++)
        WC_CHECK(t, r1->row[w].samples == 0 && r1->row[w].nonfinite == 8,
                 "diverged runs in a summary");
    WC_CHECK(t, r1->fit_status[0] == WC_ERR_RANGE && r1->fit_msg[0] != NULL,
             "a fit of diverged runs");

    /* Divergence 2: the learning rate grows with the width (alpha = 2),
       so the wide runs diverge and the narrow ones do not; the summaries
       count only the runs that did not. */
    opts->lr = 0.02;
    opts->lr_exponent = 2.0;
    wc_dyn_run(r1, net, task, opts, NULL, err);
    for (w = 0; w < 4; w++)
    {
        slong ok = 0;

        for (j = 0; j < 8; j++)
            ok += (r1->sample[w * 8 + j].status == WC_DYN_OK);
        WC_CHECK(t, r1->row[(WC_DYN_DEVIATION * 3 + 2) * 4 + w].samples
                 == ok, "width %ld: %ld ok", (long) w, (long) ok);
        if (w == 0)
            WC_CHECK(t, ok == 8, "narrowest width diverged");
        if (w == 3)
            WC_CHECK(t, ok == 0, "widest width did not diverge");
    }
    opts->lr_exponent = 0.0;

    /* Divergence 3: SGD (no stability precheck) far above the stable
       range: the loss grows beyond the factor. */
    opts->batch = 1;
    opts->lr = 200.0;
    wc_dyn_run(r1, net, task, opts, NULL, err);
    WC_CHECK(t, r1->diverged == 32, "SGD growth: %ld", (long) r1->diverged);
    for (j = 0; j < 32; j++)
        WC_CHECK(t, r1->sample[j].reason == WC_DYN_REASON_GROWTH
                 || r1->sample[j].reason == WC_DYN_REASON_NONFINITE,
                 "reason %s", wc_dyn_reason_name(r1->sample[j].reason));

    /* Divergence 4: with the growth factor out of reach, a polynomial
       network overflows: non-finite outputs. */
    {
        wc_net_t pnet;

        wc_net_init(pnet);
        wc_net_parse(pnet, "hidden=2,act=poly(0,1,0,1),din=3", err);
        opts->diverge_factor = 1e300;
        opts->lr = 1e3;
        wc_dyn_run(r1, pnet, task, opts, NULL, err);
        for (j = 0; j < 32; j++)
            WC_CHECK(t, r1->sample[j].status == WC_DYN_DIVERGED
                     && r1->sample[j].reason == WC_DYN_REASON_NONFINITE,
                     "non-finite: status %d reason %s",
                     (int) r1->sample[j].status,
                     wc_dyn_reason_name(r1->sample[j].reason));
        opts->diverge_factor = WC_DYN_DIVERGE_FACTOR;
        wc_net_clear(pnet);
    }
    opts->lr = 0.5;
    opts->batch = 0;

    /* Errors. */
    opts->batch = 7;
    st = wc_dyn_run(r1, net, task, opts, NULL, err);
    WC_CHECK(t, st == WC_ERR_RANGE && strstr(err->msg, "batch") != NULL,
             "batch above the training set: %s", err->msg);
    opts->batch = 0;
    opts->max_memory = 1000;
    st = wc_dyn_run(r1, net, task, opts, NULL, err);
    WC_CHECK(t, st == WC_ERR_RANGE && strstr(err->msg, "GB") != NULL,
             "memory limit: %s", err->msg);
    opts->max_memory = (size_t) 8 << 30;
    opts->seeds = 0;
    st = wc_dyn_run(r1, net, task, opts, NULL, err);
    WC_CHECK(t, st == WC_ERR_RANGE, "no seeds");
    opts->seeds = 8;
    {
        wc_net_t n4;

        wc_net_init(n4);
        wc_net_parse(n4, "din=4", err);
        st = wc_dyn_run(r1, n4, task, opts, NULL, err);
        WC_CHECK(t, st == WC_ERR_RANGE && strstr(err->msg, "din") != NULL,
                 "din mismatch: %s", err->msg);
        wc_net_clear(n4);
    }
    opts->lr = -1;
    st = wc_dyn_run(r1, net, task, opts, NULL, err);
    WC_CHECK(t, st == WC_ERR_RANGE, "negative learning rate");

    wc_dyn_result_clear(r1);
    wc_dyn_result_clear(r2);
    wc_dyn_result_clear(r3);
    wc_dyn_opts_clear(opts);
    wc_dyn_task_clear(task);
    wc_net_clear(net);
    return wc_test_finish(t);
}
