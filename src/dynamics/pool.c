/* A small pool of POSIX threads for independent (width, seed) jobs.
   Each job writes only its own slot of the results, so the results do
   not depend on the number of threads or on which thread ran what. */

#include <pthread.h>

#include "dyn_impl.h"

typedef struct
{
    pthread_mutex_t lock;
    slong next;
    slong njobs;
    int stopped;
    const double * cost;
    double * frac;
    double done;
    double total;
    _wc_dyn_job_fn job;
    void * data;
    const wc_dyn_hooks_struct * user;
}
pool_struct;

typedef struct
{
    pool_struct * pool;
    slong j;
}
job_ctx_struct;

static void
job_progress(void * data, double f)
{
    job_ctx_struct * ctx = data;
    pool_struct * p = ctx->pool;

    pthread_mutex_lock(&p->lock);
    p->done += p->cost[ctx->j] * (f - p->frac[ctx->j]);
    p->frac[ctx->j] = f;
    if (p->user != NULL && p->user->progress != NULL)
        p->user->progress(p->user->data,
                          p->total > 0 ? FLINT_MIN(1.0, p->done / p->total)
                                       : 1.0);
    pthread_mutex_unlock(&p->lock);
}

static int
cancelled(const pool_struct * p)
{
    return p->user != NULL && p->user->cancel != NULL
           && *p->user->cancel != 0;
}

static void *
worker(void * arg)
{
    pool_struct * p = arg;

    for (;;)
    {
        job_ctx_struct ctx;
        wc_dyn_hooks_struct hooks;
        slong j;

        pthread_mutex_lock(&p->lock);
        if (cancelled(p))
            p->stopped = 1;
        j = (p->stopped || p->next >= p->njobs) ? -1 : p->next++;
        pthread_mutex_unlock(&p->lock);
        if (j < 0)
            break;

        ctx.pool = p;
        ctx.j = j;
        hooks.progress = job_progress;
        hooks.data = &ctx;
        hooks.cancel = (p->user != NULL) ? p->user->cancel : NULL;
        p->job(p->data, j, &hooks);
        job_progress(&ctx, 1.0);
    }
    return NULL;
}

int
_wc_dyn_pool_run(slong njobs, const double * cost, slong threads,
                 _wc_dyn_job_fn job, void * data,
                 const wc_dyn_hooks_struct * user)
{
    pool_struct p;
    pthread_t * tid;
    slong t, started = 0, j;

    pthread_mutex_init(&p.lock, NULL);
    p.next = 0;
    p.njobs = njobs;
    p.stopped = 0;
    p.cost = cost;
    p.frac = flint_calloc(FLINT_MAX(njobs, 1), sizeof(double));
    p.done = 0.0;
    p.total = 0.0;
    for (j = 0; j < njobs; j++)
        p.total += cost[j];
    p.job = job;
    p.data = data;
    p.user = user;

    threads = FLINT_MAX(1, FLINT_MIN(threads, njobs));
    tid = flint_malloc(threads * sizeof(pthread_t));
    for (t = 1; t < threads; t++)
    {
        if (pthread_create(tid + t, NULL, worker, &p) != 0)
            break;
        started++;
    }
    /* The calling thread works too; if a thread could not be created the
       others take its share. */
    worker(&p);
    for (t = 1; t <= started; t++)
        pthread_join(tid[t], NULL);

    flint_free(tid);
    flint_free(p.frac);
    pthread_mutex_destroy(&p.lock);
    return p.stopped;
}
