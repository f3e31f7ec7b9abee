/* The per-sample Monte Carlo estimate of the Monte Carlo engine, timed:
   for a network with two tanh hidden layers, din = 8, each sample
   computes the tangent kernel, C^{0,2}, C^{0,3} and the Euclidean norm of
   C^{1,1} (one evaluation plan shared by the four SPECs ntk, C[0,2],
   C[0,3], |C[1,1]|^2).

   usage: mc_bench [--widths 512,1024,2048,4096] [--threads T]
                   [--seconds S] [--export N FILE]

   For each width it prints the samples per second with T threads (each
   thread works on its own samples), the time of one sample and of drawing
   one sample's Gaussian weights with one thread, and their ratio.  With
   --export it writes the weights and the four values of sample 0 at
   width N to FILE (raw doubles: W1, W2, V, then the values), for
   bench/torch_mc.py to recompute independently. */

#include <math.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "weakcorr.h"

#define NSPEC 4

static const char * spec_text[NSPEC] = {"ntk", "C[0,2]", "C[0,3]",
                                        "|C[1,1]|^2"};

static double
now(void)
{
    struct timespec ts;

    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec + 1e-9 * ts.tv_nsec;
}

typedef struct
{
    wc_net_struct * net;
    wc_net_eval_t ev;
    slong width;
    slong next;
    slong limit;
    double deadline;
    slong done;
    pthread_mutex_t lock;
}
job_t;

static void *
worker(void * arg)
{
    job_t * job = arg;
    wc_mlp_t mlp;
    double v[NSPEC];

    wc_mlp_init(mlp, job->net, job->width, -1);
    for (;;)
    {
        slong s;

        pthread_mutex_lock(&job->lock);
        if (job->next >= job->limit || now() > job->deadline)
        {
            pthread_mutex_unlock(&job->lock);
            break;
        }
        s = job->next++;
        pthread_mutex_unlock(&job->lock);

        wc_mlp_draw(mlp, 1, (uint32_t) s);
        wc_net_eval_sample(v, job->ev, mlp, 1);

        pthread_mutex_lock(&job->lock);
        job->done++;
        pthread_mutex_unlock(&job->lock);
    }
    wc_mlp_clear(mlp);
    return NULL;
}

/* Samples per second with T threads, for about `seconds`. */
static double
rate(wc_net_t net, wc_net_eval_t ev, slong width, slong T, double seconds)
{
    job_t job;
    pthread_t tid[64];
    double t0, t1;
    slong t;

    job.net = net;
    job.ev = ev;
    job.width = width;
    job.next = 0;
    job.limit = WORD(1) << 30;
    job.done = 0;
    pthread_mutex_init(&job.lock, NULL);
    t0 = now();
    job.deadline = t0 + seconds;
    for (t = 0; t < T; t++)
        pthread_create(tid + t, NULL, worker, &job);
    for (t = 0; t < T; t++)
        pthread_join(tid[t], NULL);
    t1 = now();
    pthread_mutex_destroy(&job.lock);
    return (double) job.done / (t1 - t0);
}

static void
export_sample(const char * path, wc_net_t net, wc_net_eval_t ev, slong n)
{
    wc_mlp_t mlp;
    double v[NSPEC];
    FILE * f = fopen(path, "wb");
    slong l;

    if (f == NULL)
    {
        fprintf(stderr, "mc_bench: cannot write %s\n", path);
        exit(1);
    }
    wc_mlp_init(mlp, net, n, -1);
    wc_mlp_draw(mlp, 1, 0);
    wc_mlp_materialise(mlp);
    wc_net_eval_sample(v, ev, mlp, 1);
    for (l = 1; l <= mlp->hidden; l++)
        fwrite(mlp->W[l], sizeof(double), mlp->n[l] * mlp->n[l - 1], f);
    fwrite(mlp->V, sizeof(double), n, f);
    v[3] = sqrt(v[3]);
    fwrite(v, sizeof(double), NSPEC, f);
    fclose(f);
    printf("exported sample 0 at width %ld: ntk %.17g, C02 %.17g, "
           "C03 %.17g, |C11| %.17g\n", (long) n, v[0], v[1], v[2], v[3]);
    wc_mlp_clear(mlp);
}

int
main(int argc, char ** argv)
{
    const char * widths_text = "512,1024,2048,4096", * export_path = NULL;
    slong T = 2, export_n = 0, *widths, nwidths, w, k, i;
    double seconds = 3.0;
    wc_spec_struct specs[NSPEC];
    wc_net_t net;
    wc_net_eval_t ev;
    wc_error_t err;

    for (i = 1; i < argc; i++)
    {
        if (strcmp(argv[i], "--widths") == 0 && i + 1 < argc)
            widths_text = argv[++i];
        else if (strcmp(argv[i], "--threads") == 0 && i + 1 < argc)
            T = atol(argv[++i]);
        else if (strcmp(argv[i], "--seconds") == 0 && i + 1 < argc)
            seconds = atof(argv[++i]);
        else if (strcmp(argv[i], "--export") == 0 && i + 2 < argc)
        {
            export_n = atol(argv[++i]);
            export_path = argv[++i];
        }
        else
        {
            fprintf(stderr, "usage: mc_bench [--widths W] [--threads T] "
                    "[--seconds S] [--export N FILE]\n");
            return 1;
        }
    }
    T = FLINT_MAX(1, FLINT_MIN(T, 64));

    wc_error_init(err);
    wc_net_init(net);
    if (wc_net_parse(net, "hidden=2,act=tanh,din=8", err) != WC_OK
        || wc_mc_widths_parse(&widths, &nwidths, widths_text, err) != WC_OK)
    {
        fprintf(stderr, "mc_bench: %s\n", err->msg);
        return 1;
    }
    for (k = 0; k < NSPEC; k++)
    {
        wc_spec_init(specs + k);
        wc_spec_parse(specs + k, spec_text[k], err);
    }
    if (wc_net_eval_init(&ev, specs, NSPEC, net, err) != WC_OK)
    {
        fprintf(stderr, "mc_bench: %s\n", err->msg);
        return 1;
    }

    if (export_path != NULL)
    {
        export_sample(export_path, net, ev, export_n);
        goto done;
    }

    printf("weakcorr: ntk, C[0,2], C[0,3], |C[1,1]| per sample; "
           "hidden=2, act=tanh, din=8, double precision\n");
    printf("plan: %g passes over the hidden weight matrix per sample\n\n",
           wc_net_eval_cost(ev));
    printf("%7s %14s %14s %14s %8s\n", "width", "samples/s",
           "ms/sample", "ms/draw", "ratio");
    printf("%7s %14s %14s %14s %8s\n", "", "(threads)", "(1 thread)",
           "(1 thread)", "");
    for (w = 0; w < nwidths; w++)
    {
        slong n = widths[w], reps, r;
        double rT, t0, t_draw, t_sample;
        wc_mlp_t mlp;
        double v[NSPEC];

        rT = rate(net, ev, n, T, seconds);

        /* One thread: drawing alone, then whole samples. */
        reps = FLINT_MAX(2, (slong) (seconds * 0.25 * rT / T));
        wc_mlp_init(mlp, net, n, -1);
        t0 = now();
        for (r = 0; r < reps; r++)
        {
            wc_mlp_draw(mlp, 1, (uint32_t) (1000000 + r));
            wc_mlp_materialise(mlp);
        }
        t_draw = (now() - t0) / reps;
        t0 = now();
        for (r = 0; r < reps; r++)
        {
            wc_mlp_draw(mlp, 1, (uint32_t) (2000000 + r));
            wc_net_eval_sample(v, ev, mlp, 1);
        }
        t_sample = (now() - t0) / reps;
        wc_mlp_clear(mlp);

        printf("%7ld %14.2f %14.2f %14.2f %8.2f\n", (long) n, rT,
               1e3 * t_sample, 1e3 * t_draw, t_sample / t_draw);
        fflush(stdout);
    }

done:
    wc_net_eval_clear(ev);
    for (k = 0; k < NSPEC; k++)
        wc_spec_clear(specs + k);
    wc_net_clear(net);
    flint_free(widths);
    flint_cleanup();
    return 0;
}
