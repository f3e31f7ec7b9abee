/* Width sweeps of training runs: options, results, scheduling over
   threads, per-width summaries and slope fits. */

#include <time.h>

#include "dyn_impl.h"

void
wc_dyn_opts_init(wc_dyn_opts_t opts)
{
    slong k;

    opts->nwidths = 5;
    opts->widths = flint_malloc(opts->nwidths * sizeof(slong));
    for (k = 0; k < opts->nwidths; k++)
        opts->widths[k] = WORD(64) << k;
    opts->seeds = 8;
    opts->seed = 0;
    opts->nsteps = 8;
    opts->steps = flint_malloc(opts->nsteps * sizeof(slong));
    for (k = 0; k < 7; k++)
        opts->steps[k] = WORD(1) << k;
    opts->steps[7] = 100;
    opts->lr = 0.5;
    opts->lr_exponent = 0.0;
    opts->output_scale = 1.0;
    opts->center = 0;
    opts->batch = 0;
    opts->loss = WC_DYN_LOSS_SQUARED;
    opts->threads = 1;
    opts->diverge_factor = WC_DYN_DIVERGE_FACTOR;
    opts->max_memory = (size_t) 8 << 30;
}

void
wc_dyn_opts_clear(wc_dyn_opts_t opts)
{
    flint_free(opts->widths);
    flint_free(opts->steps);
}

void
wc_dyn_opts_set(wc_dyn_opts_t res, const wc_dyn_opts_t opts)
{
    slong * w, * s;

    if (res == opts)
        return;
    w = flint_malloc(FLINT_MAX(opts->nwidths, 1) * sizeof(slong));
    s = flint_malloc(FLINT_MAX(opts->nsteps, 1) * sizeof(slong));
    memcpy(w, opts->widths, opts->nwidths * sizeof(slong));
    memcpy(s, opts->steps, opts->nsteps * sizeof(slong));
    flint_free(res->widths);
    flint_free(res->steps);
    *res = *opts;
    res->widths = w;
    res->steps = s;
}

void
wc_dyn_result_init(wc_dyn_result_t res)
{
    wc_dyn_opts_init(res->opts);
    res->ntrain = res->ntest = 0;
    res->sample = NULL;
    res->row = NULL;
    res->fit = NULL;
    res->fit_status = NULL;
    res->fit_msg = NULL;
    res->completed = 0;
    res->diverged = 0;
    res->interrupted = 0;
    res->seconds = 0.0;
}

static void
result_free(wc_dyn_result_t res)
{
    slong i, nfits = WC_DYN_NQUANTITIES * res->opts->nsteps;

    if (res->sample != NULL)
        for (i = 0; i < res->opts->nwidths * res->opts->seeds; i++)
            flint_free(res->sample[i].value);
    if (res->fit_msg != NULL)
        for (i = 0; i < nfits; i++)
            flint_free(res->fit_msg[i]);
    flint_free(res->sample);
    flint_free(res->row);
    flint_free(res->fit);
    flint_free(res->fit_status);
    flint_free(res->fit_msg);
    res->sample = NULL;
    res->row = NULL;
    res->fit = NULL;
    res->fit_status = NULL;
    res->fit_msg = NULL;
}

void
wc_dyn_result_clear(wc_dyn_result_t res)
{
    result_free(res);
    wc_dyn_opts_clear(res->opts);
}

double
wc_dyn_result_value(const wc_dyn_result_t res, slong w, slong k,
                    wc_dyn_quantity q, slong t)
{
    return res->sample[w * res->opts->seeds + k]
               .value[q * res->opts->nsteps + t];
}

/* Bytes one run of the given width holds: the network and its initial
   copy, two evaluation workspaces, two kernel matrices. */
static double
run_memory(const wc_net_t net, const wc_dyn_task_t task, slong B, slong n)
{
    double H = (double) net->hidden, N = task->ntrain + task->ntest;
    double P = H * (double) n * (double) n + (double) n * (net->din + 2.0);
    double acts = (N + B) * (4.0 * H * (double) n + net->din);

    return 8.0 * (2.0 * P + acts + 2.0 * N * N + N * (double) n
                  + B * (double) n);
}

/* Flops of one run, for scheduling and progress. */
static double
run_cost(const wc_net_t net, const wc_dyn_task_t task,
         const wc_dyn_opts_t opts, slong B, slong n)
{
    double P = (double) net->hidden * (double) n * ((double) n + 1.0);
    double N = task->ntrain + task->ntest;
    double S = (double) opts->steps[opts->nsteps - 1];

    return P * (6.0 * B * S + 4.0 * N * (opts->nsteps + 1.0));
}

typedef struct
{
    wc_dyn_result_struct * res;
    const wc_net_struct * net;
    const wc_dyn_task_struct * task;
    slong * order;     /* job j runs sample order[j] */
}
run_data_struct;

static double
seconds_now(void)
{
    struct timespec t;

    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double) t.tv_sec + 1e-9 * (double) t.tv_nsec;
}

static void
run_job(void * data, slong j, const wc_dyn_hooks_struct * hooks)
{
    run_data_struct * rd = data;
    wc_dyn_result_struct * res = rd->res;
    slong idx = rd->order[j], seeds = res->opts->seeds;
    wc_dyn_sample_struct * s = res->sample + idx;
    double t0 = seconds_now();

    wc_dyn_train(s, rd->net, rd->task, res->opts, res->opts->widths[idx
                 / seeds], idx % seeds, hooks);
    s->seconds = seconds_now() - t0;
}

static wc_status
check_opts(const wc_net_t net, const wc_dyn_task_t task,
           const wc_dyn_opts_t opts, wc_error_t err)
{
    slong k;

    if (opts->nwidths < 1)
        return wc_error_set(err, WC_ERR_RANGE, -1, "no widths");
    if (opts->seeds < 1)
        return wc_error_set(err, WC_ERR_RANGE, -1, "at least one seed is "
                            "needed");
    if (opts->seeds > (WORD(1) << 31))
        return wc_error_set(err, WC_ERR_RANGE, -1, "too many seeds");
    if (opts->nsteps < 1)
        return wc_error_set(err, WC_ERR_RANGE, -1, "no steps to report");
    for (k = 0; k < opts->nsteps; k++)
        if (opts->steps[k] < 1 || (k > 0 && opts->steps[k]
                                            <= opts->steps[k - 1]))
            return wc_error_set(err, WC_ERR_RANGE, -1, "reported steps "
                                "must be positive and increasing");
    for (k = 0; k < opts->nwidths; k++)
        if (opts->widths[k] < 1)
            return wc_error_set(err, WC_ERR_RANGE, -1, "widths must be "
                                "positive");
    if (!(opts->lr > 0) || !isfinite(opts->lr))
        return wc_error_set(err, WC_ERR_RANGE, -1, "the learning rate must "
                            "be positive");
    if (!(opts->output_scale > 0) || !isfinite(opts->output_scale))
        return wc_error_set(err, WC_ERR_RANGE, -1, "the output scale must "
                            "be positive");
    if (!isfinite(opts->lr_exponent))
        return wc_error_set(err, WC_ERR_RANGE, -1, "the learning-rate "
                            "exponent must be finite");
    if (!(opts->diverge_factor > 1))
        return wc_error_set(err, WC_ERR_RANGE, -1, "the divergence factor "
                            "must exceed 1");
    if (task->din != net->din)
        return wc_error_set(err, WC_ERR_RANGE, -1, "the task has %ld inputs "
                            "per point but NET has din = %ld",
                            (long) task->din, (long) net->din);
    if (task->ntrain < 1 || task->ntest < 1)
        return wc_error_set(err, WC_ERR_RANGE, -1, "the task needs training "
                            "and test points");
    if (opts->batch < 0 || opts->batch > task->ntrain)
        return wc_error_set(err, WC_ERR_RANGE, -1, "the batch size %ld is "
                            "not between 0 (full batch) and the %ld "
                            "training points", (long) opts->batch,
                            (long) task->ntrain);
    return WC_OK;
}

wc_status
wc_dyn_run(wc_dyn_result_t res, const wc_net_t net, const wc_dyn_task_t task,
           const wc_dyn_opts_t opts, const wc_dyn_hooks_struct * hooks,
           wc_error_t err)
{
    slong nw = opts->nwidths, seeds = opts->seeds, nsteps = opts->nsteps;
    slong njobs = nw * seeds, nfits = WC_DYN_NQUANTITIES * nsteps;
    slong B, j, w, k, q, t, threads;
    double * cost, * x, mem, t0 = seconds_now();
    run_data_struct rd;
    wc_status st;

    st = check_opts(net, task, opts, err);
    if (st != WC_OK)
        return st;
    B = (opts->batch == 0) ? task->ntrain : opts->batch;

    mem = run_memory(net, task, B, opts->widths[nw - 1]);
    if (mem > (double) opts->max_memory)
        return wc_error_set(err, WC_ERR_RANGE, -1, "a run at width %ld "
                            "needs about %.3g GB, above the limit of %.3g GB",
                            (long) opts->widths[nw - 1], mem / 1e9,
                            (double) opts->max_memory / 1e9);
    threads = FLINT_MAX(1, FLINT_MIN(opts->threads,
                                     (slong) ((double) opts->max_memory
                                              / mem)));

    result_free(res);
    wc_dyn_opts_set(res->opts, opts);
    res->ntrain = task->ntrain;
    res->ntest = task->ntest;
    res->sample = flint_calloc(njobs, sizeof(wc_dyn_sample_struct));
    for (j = 0; j < njobs; j++)
    {
        res->sample[j].status = WC_DYN_NOT_RUN;
        res->sample[j].reason = WC_DYN_REASON_NONE;
        res->sample[j].diverge_step = -1;
        res->sample[j].lr = wc_dyn_opts_lr(opts, opts->widths[j / seeds]);
        res->sample[j].lambda_max = NAN;
        res->sample[j].value = flint_malloc(WC_DYN_NQUANTITIES * nsteps
                                            * sizeof(double));
        for (k = 0; k < WC_DYN_NQUANTITIES * nsteps; k++)
            res->sample[j].value[k] = NAN;
    }

    /* The widest runs first, so that the threads finish together. */
    rd.res = res;
    rd.net = net;
    rd.task = task;
    rd.order = flint_malloc(njobs * sizeof(slong));
    cost = flint_malloc(njobs * sizeof(double));
    j = 0;
    for (w = nw - 1; w >= 0; w--)
        for (k = 0; k < seeds; k++)
        {
            rd.order[j] = w * seeds + k;
            cost[j] = run_cost(net, task, opts, B, opts->widths[w]);
            j++;
        }
    _wc_dyn_pool_run(njobs, cost, threads, run_job, &rd, hooks);
    flint_free(cost);
    flint_free(rd.order);

    res->completed = res->diverged = 0;
    for (j = 0; j < njobs; j++)
    {
        if (res->sample[j].status != WC_DYN_NOT_RUN)
            res->completed++;
        if (res->sample[j].status == WC_DYN_DIVERGED)
            res->diverged++;
    }
    res->interrupted = (res->completed < njobs);

    /* Summaries and fits over the runs that finished without diverging
       (the others hold NaN, which both exclude). */
    res->row = flint_malloc(nfits * nw * sizeof(wc_stats_row_struct));
    res->fit = flint_malloc(nfits * sizeof(wc_stats_fit_struct));
    res->fit_status = flint_malloc(nfits * sizeof(wc_status));
    res->fit_msg = flint_calloc(nfits, sizeof(char *));
    x = flint_malloc(njobs * sizeof(double));
    for (q = 0; q < WC_DYN_NQUANTITIES; q++)
        for (t = 0; t < nsteps; t++)
        {
            slong f = q * nsteps + t;
            wc_error_t ferr;

            for (w = 0; w < nw; w++)
            {
                for (k = 0; k < seeds; k++)
                    x[w * seeds + k] =
                        res->sample[w * seeds + k].value[f];
                wc_stats_summarise(res->row + f * nw + w, x + w * seeds,
                                   seeds, opts->widths[w]);
            }
            wc_error_init(ferr);
            res->fit_status[f] = wc_stats_fit(res->fit + f, x, opts->widths,
                                              nw, seeds, WC_STAT_MEAN, 0,
                                              opts->seed, ferr);
            if (res->fit_status[f] != WC_OK)
            {
                res->fit_msg[f] = flint_malloc(strlen(ferr->msg) + 1);
                strcpy(res->fit_msg[f], ferr->msg);
            }
        }
    flint_free(x);

    res->seconds = seconds_now() - t0;
    if (res->interrupted)
        return wc_error_set(err, WC_ERR_INTERRUPTED, -1, "interrupted after "
                            "%ld of %ld runs", (long) res->completed,
                            (long) njobs);
    return WC_OK;
}
