/* The width sweep: (width, sample) work items shared by a pool of
   threads, each with its own network; results stored by position, so
   that the output does not depend on which thread computed what, and
   appended to the checkpoint as they complete. */

#include <math.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>

#include "mc_impl.h"
#include "weakcorr/net.h"

void
wc_mc_options_init(wc_mc_options_t opt)
{
    memset(opt, 0, sizeof(wc_mc_options_struct));
    opt->samples = 100;
    opt->seed = 1;
    opt->threads = 1;
    opt->stat = WC_STAT_AUTO;
    opt->nprobes = 1;
    opt->nboot = 0;
    opt->max_stored = WC_MC_STORE_AUTO;
    opt->lanczos_tol = 1e-6;
    opt->lanczos_maxiter = 500;
}

void
wc_mc_result_init(wc_mc_result_t res)
{
    memset(res, 0, sizeof(wc_mc_result_struct));
}

void
wc_mc_result_clear(wc_mc_result_t res)
{
    flint_free(res->widths);
    flint_free(res->values);
    flint_free(res->x);
    flint_free(res->rows);
    memset(res, 0, sizeof(wc_mc_result_struct));
}

typedef struct
{
    /* the run */
    const wc_mc_quantity_struct * q;
    const wc_net_struct * net;
    const wc_mc_options_struct * opt;
    slong max_stored;
    wc_net_eval_t ev;
    slong nvalues;
    double * x_main;
    double * x_grad;

    /* the work */
    slong nitems;
    slong * item_w;
    slong * item_s;
    slong next;
    double * values;       /* nwidths x samples x nvalues */
    char * done;           /* nwidths x samples */
    slong ndone, total;
    slong computed;
    double max_resid;
    slong max_iters;

    FILE * ckpt;
    wc_status io_status;
    wc_error_struct io_err;
    pthread_mutex_t lock;
}
wc_mc_job;

static void
store_resumed(void * data, slong width, slong sample, const double * v)
{
    wc_mc_job * job = data;
    slong w;

    for (w = 0; w < job->opt->nwidths; w++)
        if (job->opt->widths[w] == width && sample < job->opt->samples)
        {
            slong pos = w * job->opt->samples + sample;

            if (!job->done[pos])
            {
                memcpy(job->values + pos * job->nvalues, v,
                       job->nvalues * sizeof(double));
                job->done[pos] = 1;
                job->ndone++;
            }
        }
}

/* The values of one sample of the current network. */
static void
sample_values(double * v, wc_mc_job * job, wc_mlp_t mlp, double * resid,
              slong * iters)
{
    const wc_mc_quantity_struct * q = job->q;

    *resid = 0;
    *iters = 0;
    if (q->kind == WC_MC_SPEC)
        wc_net_eval_sample(v, job->ev, mlp, job->opt->nprobes);
    else if (q->kind == WC_MC_NORM && q->D == 0)
    {
        double c[WC_JET_MAX_ORDER + 1];

        wc_mlp_cdd0(c, mlp, job->x_main, job->x_grad, q->d);
        v[0] = fabs(c[q->d]);
    }
    else if (q->kind == WC_MC_NORM)
    {
        wc_pvec_t u, gu;

        wc_pvec_init(u, mlp);
        wc_pvec_init(gu, mlp);
        wc_mlp_cdd1(u, mlp, job->x_main, job->x_grad, q->d);
        wc_pvec_set(gu, u);
        wc_pvec_metric_mul(gu, mlp, 1.0);
        v[0] = sqrt(wc_pvec_dot(u, gu));
        wc_pvec_clear(u);
        wc_pvec_clear(gu);
    }
    else
    {
        double r;

        v[0] = wc_mlp_cdd2_opnorm(&r, iters, mlp, job->x_main, job->x_grad,
                                  q->d, job->opt->lanczos_tol,
                                  job->opt->lanczos_maxiter, 0);
        *resid = (v[0] > 0) ? r / v[0] : r;
    }
}

static int
cancelled(const wc_mc_job * job)
{
    return job->opt->cancel != NULL && *job->opt->cancel != 0;
}

static void *
worker(void * arg)
{
    wc_mc_job * job = arg;
    wc_mlp_t mlp;
    slong cur = -1, N = job->opt->samples;
    double * v = flint_malloc(job->nvalues * sizeof(double));
    wc_buf_t line;

    wc_buf_init(line);
    for (;;)
    {
        slong item, w, s, width;
        double resid;
        slong iters;

        pthread_mutex_lock(&job->lock);
        if (job->next >= job->nitems || cancelled(job)
            || job->io_status != WC_OK)
        {
            pthread_mutex_unlock(&job->lock);
            break;
        }
        item = job->next++;
        pthread_mutex_unlock(&job->lock);

        w = job->item_w[item];
        s = job->item_s[item];
        width = job->opt->widths[w];
        if (w != cur)
        {
            if (cur >= 0)
                wc_mlp_clear(mlp);
            wc_mlp_init(mlp, job->net, width, job->max_stored);
            cur = w;
        }
        wc_mlp_draw(mlp, job->opt->seed, (uint32_t) s);
        sample_values(v, job, mlp, &resid, &iters);

        pthread_mutex_lock(&job->lock);
        memcpy(job->values + (w * N + s) * job->nvalues, v,
               job->nvalues * sizeof(double));
        job->done[w * N + s] = 1;
        job->ndone++;
        job->computed++;
        job->max_resid = FLINT_MAX(job->max_resid, resid);
        job->max_iters = FLINT_MAX(job->max_iters, iters);
        if (job->ckpt != NULL)
        {
            wc_buf_reset(line);
            _wc_mc_checkpoint_line(line, width, s, v, job->nvalues);
            if (fputs(line->str, job->ckpt) == EOF
                || fflush(job->ckpt) != 0)
            {
                job->io_status = WC_ERR_IO;
                wc_error_set(&job->io_err, WC_ERR_IO, -1,
                             "cannot append to the checkpoint %s",
                             job->opt->checkpoint);
            }
        }
        if (job->opt->progress != NULL)
            job->opt->progress(job->opt->progress_data, job->ndone,
                               job->total, width);
        pthread_mutex_unlock(&job->lock);
    }
    if (cur >= 0)
        wc_mlp_clear(mlp);
    wc_buf_clear(line);
    flint_free(v);
    return NULL;
}

/* Per-width estimates from the values: the values themselves, or the
   cumulant's jackknife pseudo-values. */
static wc_status
per_sample_estimates(wc_mc_result_t res, wc_error_t err)
{
    slong N = res->samples, K = res->nvalues, w, s;

    for (w = 0; w < res->nwidths; w++)
    {
        double * x = res->x + w * N;
        const double * y = res->values + w * N * K;

        if (res->cumulant)
        {
            double kappa;
            wc_status status = wc_mc_cumulant(&kappa, x, y, N, K, err);

            if (status != WC_OK)
                return status;
        }
        else
            for (s = 0; s < N; s++)
                x[s] = y[s * K];
        wc_stats_summarise(res->rows + w, x, N, res->widths[w]);
    }
    return WC_OK;
}

wc_status
wc_mc_run(wc_mc_result_t res, const wc_mc_quantity_t q, const wc_net_t net,
          const wc_mc_options_t opt, wc_error_t err)
{
    wc_mc_job job;
    slong N = opt->samples, W = opt->nwidths, w, s, t, T;
    pthread_t * tid = NULL;
    wc_status status = WC_OK;
    char * qstr = NULL, * nstr = NULL;
    wc_buf_t header, kept;
    int exists = 0;

    wc_mc_result_clear(res);
    memset(&job, 0, sizeof(job));

    if (W < 1 || N < 1 || opt->threads < 1 || opt->nprobes < 1
        || N > (WORD(1) << 32) - 1)
        return wc_error_set(err, WC_ERR_RANGE, -1,
            "need at least one width, one sample, one thread and one probe "
            "set (samples below 2^32)");
    for (w = 0; w < W; w++)
        if (opt->widths[w] < 1)
            return wc_error_set(err, WC_ERR_RANGE, -1, "width below 1");

    wc_buf_init(header);
    wc_buf_init(kept);

    job.q = q;
    job.net = net;
    job.opt = opt;
    job.nvalues = 1;
    if (q->kind == WC_MC_SPEC)
    {
        status = wc_net_eval_init(&job.ev, q->spec, 1, net, err);
        if (status != WC_OK)
            goto cleanup;
        job.nvalues = wc_net_eval_nvalues(job.ev, 0);
        res->cumulant = q->spec->connected;
        res->probes = wc_net_eval_uses_probes(job.ev, 0);
        if (res->cumulant && job.nvalues > WC_MC_MAX_CUMULANT)
        {
            status = wc_error_set(err, WC_ERR_UNSUPPORTED, -1,
                "cumulants of more than %d arguments are not estimated",
                WC_MC_MAX_CUMULANT);
            goto cleanup;
        }
        if (res->cumulant && N < job.nvalues + 1)
        {
            status = wc_error_set(err, WC_ERR_RANGE, -1,
                "a cumulant of %ld arguments needs at least %ld samples",
                (long) job.nvalues, (long) job.nvalues + 1);
            goto cleanup;
        }
        if (res->cumulant && opt->stat != WC_STAT_AUTO
            && opt->stat != WC_STAT_MEAN)
        {
            status = wc_error_set(err, WC_ERR_UNSUPPORTED, -1,
                "a cumulant is estimated as a whole (a U-statistic), not "
                "per sample: only the mean statistic applies, not %s",
                wc_stat_name(opt->stat));
            goto cleanup;
        }
    }
    else
    {
        /* the order of the largest derivative tensor involved */
        slong K = (q->kind == WC_MC_NORM) ? q->D + q->d : q->d + 2;

        if (K > WC_JET_MAX_ORDER)
        {
            status = wc_error_set(err, WC_ERR_UNSUPPORTED, 0,
                "C[%ld,%ld] needs derivatives of order %ld (at most %d)",
                (long) q->D, (long) q->d, (long) K, WC_JET_MAX_ORDER);
            goto cleanup;
        }
        job.x_main = flint_malloc(net->din * sizeof(double));
        job.x_grad = flint_malloc(net->din * sizeof(double));
        wc_net_input_d(job.x_main, net, q->x_main);
        wc_net_input_d(job.x_grad, net, q->x_grad);
    }

    /* Storing a matrix costs its memory and the first touch of it; it
       pays only when a sample reads the matrix again (norms read every
       matrix at least twice). */
    job.max_stored = opt->max_stored;
    if (opt->max_stored == WC_MC_STORE_AUTO)
    {
        slong l, most = 2;

        if (q->kind == WC_MC_SPEC)
            for (l = 2, most = 0; l <= net->hidden; l++)
                most = FLINT_MAX(most, wc_net_eval_matrix_passes(job.ev, l,
                                                             net->hidden));
        job.max_stored = (most >= 2) ? -1 : 0;
    }

    res->nwidths = W;
    res->samples = N;
    res->nvalues = job.nvalues;
    res->stat = opt->stat;
    res->widths = flint_malloc(W * sizeof(slong));
    memcpy(res->widths, opt->widths, W * sizeof(slong));
    job.values = flint_malloc(W * N * job.nvalues * sizeof(double));
    job.done = flint_calloc(W * N, 1);
    job.total = W * N;
    job.io_status = WC_OK;
    wc_error_init(&job.io_err);
    pthread_mutex_init(&job.lock, NULL);

    /* Resume from the checkpoint, then rewrite it whole (dropping a torn
       last line) and append from there. */
    if (opt->checkpoint != NULL)
    {
        qstr = wc_mc_quantity_get_str(q);
        nstr = wc_net_get_str(net);
        _wc_mc_checkpoint_header(header, qstr, nstr, opt->seed,
                                 (q->kind == WC_MC_SPEC && res->probes)
                                 ? opt->nprobes : 0, job.nvalues,
                                 q->kind == WC_MC_OPNORM ? opt->lanczos_tol
                                                         : 0,
                                 q->kind == WC_MC_OPNORM
                                 ? opt->lanczos_maxiter : 0);
        status = _wc_mc_checkpoint_read(kept, opt->checkpoint, header->str,
                                        job.nvalues, store_resumed, &job,
                                        &exists, err);
        if (status != WC_OK)
            goto cleanup;
        res->resumed = job.ndone;
        wc_buf_puts(header, kept->str);
        status = wc_mc_write_file_atomic(opt->checkpoint, header->str, err);
        if (status != WC_OK)
            goto cleanup;
        job.ckpt = fopen(opt->checkpoint, "a");
        if (job.ckpt == NULL)
        {
            status = wc_error_set(err, WC_ERR_IO, -1,
                                  "cannot append to the checkpoint %s",
                                  opt->checkpoint);
            goto cleanup;
        }
    }

    /* The work still to do, width by width. */
    job.item_w = flint_malloc(W * N * sizeof(slong));
    job.item_s = flint_malloc(W * N * sizeof(slong));
    for (w = 0; w < W; w++)
        for (s = 0; s < N; s++)
            if (!job.done[w * N + s])
            {
                job.item_w[job.nitems] = w;
                job.item_s[job.nitems] = s;
                job.nitems++;
            }

    T = FLINT_MIN(opt->threads, FLINT_MAX(job.nitems, 1));
    if (T <= 1)
        worker(&job);
    else
    {
        tid = flint_malloc(T * sizeof(pthread_t));
        for (t = 0; t < T; t++)
            if (pthread_create(tid + t, NULL, worker, &job) != 0)
                break;
        if (t == 0)
            worker(&job);
        for (s = 0; s < t; s++)
            pthread_join(tid[s], NULL);
    }
    res->computed = job.computed;
    res->max_resid = job.max_resid;
    res->max_iters = job.max_iters;

    if (job.io_status != WC_OK)
    {
        status = wc_error_set(err, job.io_status, -1, "%s", job.io_err.msg);
        goto cleanup;
    }
    if (job.ndone < job.total)
    {
        status = wc_error_set(err, WC_ERR_INTERRUPTED, -1,
            "interrupted after %ld of %ld results", (long) job.ndone,
            (long) job.total);
        goto cleanup;
    }

    /* Summaries and the fit. */
    res->values = job.values;
    job.values = NULL;
    res->x = flint_malloc(W * N * sizeof(double));
    res->rows = flint_malloc(W * sizeof(wc_stats_row_struct));
    status = per_sample_estimates(res, err);
    if (status != WC_OK)
        goto cleanup;
    {
        wc_error_t ferr;
        wc_stat_kind stat = res->cumulant ? WC_STAT_MEAN : opt->stat;

        wc_error_init(ferr);
        if (W < 2)
            snprintf(res->fit_note, sizeof(res->fit_note),
                     "a slope needs at least two widths");
        else if (N < 8)
            snprintf(res->fit_note, sizeof(res->fit_note),
                     "a slope needs at least 8 samples per width");
        else if (wc_stats_fit(&res->fit, res->x, res->widths, W, N, stat,
                              opt->nboot, (ulong) opt->seed, ferr) == WC_OK)
            res->have_fit = 1;
        else
            snprintf(res->fit_note, sizeof(res->fit_note), "%s", ferr->msg);
    }

cleanup:
    if (job.ckpt != NULL)
        fclose(job.ckpt);
    if (job.total > 0)
        pthread_mutex_destroy(&job.lock);
    wc_net_eval_clear(job.ev);
    flint_free(job.x_main);
    flint_free(job.x_grad);
    flint_free(job.item_w);
    flint_free(job.item_s);
    flint_free(job.values);
    flint_free(job.done);
    flint_free(tid);
    wc_free(qstr);
    wc_free(nstr);
    wc_buf_clear(header);
    wc_buf_clear(kept);
    return status;
}
