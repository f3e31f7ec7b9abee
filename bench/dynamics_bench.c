/* Speed of the dynamics module on this machine, measured in one run:
     1. the matrix-product kernels (flops per second, every path the
        processor has), at the shapes training uses;
     2. per width, the time of one gradient step (2 hidden layers, tanh,
        32 training inputs, full batch), of one evaluation of the 64
        training and test inputs with the tangent kernel, and of drawing
        the network;
     3. the target workload: widths 64..4096, 2 hidden layers, 100
        steps, 8 seeds, on every processor, with the time per width.
   "dynamics_bench --quick" stops after part 2. */

#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "../src/dynamics/dyn_impl.h"
#include "weakcorr/mc.h"

static double
now(void)
{
    struct timespec t;

    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double) t.tv_sec + 1e-9 * (double) t.tv_nsec;
}

static void
kernels(void)
{
    const char * names[4] = {"", "portable", "AVX2", "AVX-512"};
    slong n = 2048, M = 32, i;
    double * W = flint_malloc(n * n * sizeof(double));
    double * H = flint_malloc(M * n * sizeof(double));
    double * Z = flint_malloc(M * n * sizeof(double));
    int path;

    for (i = 0; i < n * n; i++)
        W[i] = (double) ((i * 7919) % 1000) / 1000.0 - 0.5;
    for (i = 0; i < M * n; i++)
        H[i] = (double) ((i * 104729) % 1000) / 1000.0 - 0.5;

    printf("matrix products, n = %ld, %ld inputs (Gflop/s, best of 3)\n",
           (long) n, (long) M);
    printf("%-10s %10s %10s %10s\n", "path", "forward", "backward",
           "update");
    for (path = 1; path <= 3; path++)
    {
        double best[3] = {1e9, 1e9, 1e9}, fl = 2.0 * M * n * n;
        int r;

        if (!_wc_dyn_gemm_set_path(path))
            continue;
        for (r = 0; r < 3; r++)
        {
            double t = now();

            _wc_dyn_gemm_nt(Z, n, H, n, W, n, M, n, n, 0);
            best[0] = FLINT_MIN(best[0], now() - t);
            t = now();
            _wc_dyn_gemm_nn(Z, n, H, n, W, n, M, n, n);
            best[1] = FLINT_MIN(best[1], now() - t);
            t = now();
            _wc_dyn_gemm_tn(W, n, H, n, Z, n, n, n, M, 1e-9);
            best[2] = FLINT_MIN(best[2], now() - t);
        }
        printf("%-10s %10.1f %10.1f %10.1f\n", names[path],
               fl / best[0] / 1e9, fl / best[1] / 1e9, fl / best[2] / 1e9);
    }
    _wc_dyn_gemm_set_path(0);
    printf("\n");
    flint_free(W);
    flint_free(H);
    flint_free(Z);
}

static void
per_width(const wc_net_t net, const wc_dyn_task_t task)
{
    slong w, N = task->ntrain + task->ntest, B = task->ntrain;

    printf("one network, %ld training + %ld test inputs, one thread "
           "(seconds)\n", (long) task->ntrain, (long) task->ntest);
    printf("%7s %10s %12s %12s %14s\n", "width", "draw", "GD step",
           "evaluation", "Gflop/s step");
    for (w = 256; w <= 4096; w *= 2)
    {
        wc_dyn_mlp_t mlp;
        wc_dyn_eval_t ev;
        double t, tdraw, tstep, teval, * c, * K, flops;
        slong s, steps = (w >= 2048) ? 3 : 10, i;

        wc_dyn_mlp_init(mlp, net, w, 1.0);
        wc_dyn_eval_init(ev, mlp);
        c = flint_malloc(B * sizeof(double));
        K = flint_malloc(N * N * sizeof(double));

        t = now();
        wc_dyn_mlp_draw(mlp, 0, 0);
        tdraw = now() - t;

        t = now();
        for (s = 0; s < steps; s++)
        {
            wc_dyn_forward(ev, mlp, task->x, B);
            for (i = 0; i < B; i++)
                c[i] = 0.5 / (double) B * (ev->f[i] - task->y[i]);
            wc_dyn_backward(ev, mlp);
            wc_dyn_update(mlp, ev, c);
        }
        tstep = (now() - t) / (double) steps;

        t = now();
        wc_dyn_forward(ev, mlp, task->x, N);
        wc_dyn_backward(ev, mlp);
        wc_dyn_kernel(K, ev, mlp);
        teval = now() - t;

        /* Forward, backward and update through the w x w layer. */
        flops = 6.0 * (double) B * (double) w * (double) w;
        printf("%7ld %10.4f %12.4f %12.4f %14.1f\n", (long) w, tdraw, tstep,
               teval, flops / tstep / 1e9);
        flint_free(c);
        flint_free(K);
        wc_dyn_eval_clear(ev);
        wc_dyn_mlp_clear(mlp);
    }
    printf("\n");
}

static void
workload(const wc_net_t net, const wc_dyn_task_t task)
{
    wc_dyn_opts_t opts;
    wc_dyn_result_t res;
    wc_error_t err;
    long ncpu = sysconf(_SC_NPROCESSORS_ONLN);
    slong w, k;

    wc_dyn_opts_init(opts);
    wc_error_init(err);
    flint_free(opts->widths);
    wc_mc_widths_parse(&opts->widths, &opts->nwidths, "64..4096", err);
    opts->seeds = 8;
    opts->threads = (ncpu >= 1) ? ncpu : 1;
    wc_dyn_result_init(res);
    printf("the workload: widths 64..4096, hidden=2, tanh, 100 steps "
           "(reported at 1, 2, 4, ..., 64, 100),\n8 seeds, %ld threads\n",
           (long) opts->threads);
    if (wc_dyn_run(res, net, task, opts, NULL, err) != WC_OK)
    {
        printf("failed: %s\n", err->msg);
        return;
    }
    printf("%7s %16s %16s\n", "width", "seconds per run", "per step");
    for (w = 0; w < opts->nwidths; w++)
    {
        double s = 0.0;

        for (k = 0; k < opts->seeds; k++)
            s += res->sample[w * opts->seeds + k].seconds;
        s /= (double) opts->seeds;
        printf("%7ld %16.3f %16.5f\n", (long) opts->widths[w], s,
               s / 100.0);
    }
    printf("whole run: %.1f s wall clock; deviation slope %.3f [%.3f, "
           "%.3f]\n", res->seconds,
           res->fit[WC_DYN_DEVIATION * opts->nsteps + opts->nsteps - 1]
               .slope,
           res->fit[WC_DYN_DEVIATION * opts->nsteps + opts->nsteps - 1]
               .ci_lo,
           res->fit[WC_DYN_DEVIATION * opts->nsteps + opts->nsteps - 1]
               .ci_hi);
    wc_dyn_result_clear(res);
    wc_dyn_opts_clear(opts);
}

int
main(int argc, char ** argv)
{
    wc_net_t net;
    wc_dyn_task_t task;
    wc_error_t err;
    int quick = (argc > 1 && strcmp(argv[1], "--quick") == 0);

    wc_net_init(net);
    wc_error_init(err);
    wc_net_parse(net, "hidden=2,act=tanh,din=8", err);
    wc_dyn_task_init(task);
    wc_dyn_task_teacher(task, 8, 32, 32, WC_DYN_LOSS_SQUARED, 0, err);

    kernels();
    per_width(net, task);
    if (!quick)
        workload(net, task);

    wc_dyn_task_clear(task);
    wc_net_clear(net);
    flint_cleanup();
    return 0;
}
