/* Timings of the statistics module, measured in this one run: the
   per-width summary (moments by compensated sums, three quantiles by
   selection) against sorting the same samples, and wc_stats_fit over 7
   widths with the default 1000 bootstrap replicates, per statistic.
   Each time is the median of repeated runs (at least 3, for at least
   0.2 s of processor time).  The last column divides the fit time by
   nboot * widths * samples: the cost of one resampled value.

   Usage: stats_bench [max_samples]   (default 100000) */

/* clock_gettime and its clocks are POSIX. */
#define _POSIX_C_SOURCE 200809L

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "weakcorr.h"

#define W 7

static const slong widths[W] = { 64, 128, 256, 512, 1024, 2048, 4096 };

static double
now(void)
{
    struct timespec ts;

    /* Processor time of this single-threaded process: less disturbed than
       wall time when the machine is shared. */
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return ts.tv_sec + 1e-9 * ts.tv_nsec;
}

static int
cmp_double(const void * a, const void * b)
{
    double x = *(const double *) a, y = *(const double *) b;

    return (x > y) - (x < y);
}

static double
median(double * t, slong n)
{
    qsort(t, (size_t) n, sizeof(double), cmp_double);
    return t[n / 2];
}

/* Benchmark data: a xorshift generator and Box-Muller normals, X =
   n^-1/2 (1 + 0.3 e) with e correlated 0.8 across widths. */
static uint64_t state = 88172645463325252ULL;

static double
uniform(void)
{
    state ^= state << 13;
    state ^= state >> 7;
    state ^= state << 17;
    return ((double) (state >> 11) + 0.5) * 0x1.0p-53;
}

static double
normal(void)
{
    return sqrt(-2.0 * log(uniform())) * cos(6.283185307179586 * uniform());
}

static void
fill(double * x, slong N)
{
    slong s, w;

    for (s = 0; s < N; s++)
    {
        double z = normal();

        for (w = 0; w < W; w++)
            x[w * N + s] = pow((double) widths[w], -0.5)
                           * (1 + 0.3 * (sqrt(0.8) * z + sqrt(0.2)
                                         * normal()));
    }
}

static double
time_summarise(const double * x, slong N, int sort)
{
    double t[1000], start = now(), * tmp = malloc(N * sizeof(double));
    slong runs = 0, i;
    wc_stats_row_struct row;

    do
    {
        double t0 = now();

        if (sort)
        {
            for (i = 0; i < N; i++)
                tmp[i] = fabs(x[i]);
            qsort(tmp, (size_t) N, sizeof(double), cmp_double);
        }
        else
            wc_stats_summarise(&row, x, N, 64);
        t[runs++] = now() - t0;
    }
    while (runs < 1000 && (runs < 3 || now() - start < 0.2));
    free(tmp);
    return median(t, runs);
}

static double
time_fit(const double * x, slong N, wc_stat_kind stat)
{
    double t[100], start = now();
    slong runs = 0;
    wc_stats_fit_struct fit;
    wc_error_t err;

    do
    {
        double t0 = now();

        if (wc_stats_fit(&fit, x, widths, W, N, stat, 0, 1, err) != WC_OK)
        {
            fprintf(stderr, "stats_bench: %s\n", err->msg);
            exit(1);
        }
        t[runs++] = now() - t0;
    }
    while (runs < 100 && (runs < 3 || now() - start < 0.2));
    return median(t, runs);
}

int
main(int argc, char ** argv)
{
    slong max_n = (argc > 1) ? atol(argv[1]) : 100000, N;
    static const wc_stat_kind stats[] =
        { WC_STAT_MEAN, WC_STAT_RMS, WC_STAT_ABS, WC_STAT_MEDIAN,
          WC_STAT_Q99 };
    int k;

    printf("wc_stats_summarise, one width (median of repeated runs)\n");
    printf("%10s %14s %14s %14s\n", "samples", "summarise ms",
           "qsort |x| ms", "ns per sample");
    for (N = 1000; N <= 10 * max_n; N *= 10)
    {
        double * x = malloc(W * N * sizeof(double)), a, b;

        fill(x, N);
        a = time_summarise(x, N, 0);
        b = time_summarise(x, N, 1);
        printf("%10ld %14.4f %14.4f %14.1f\n", (long) N, 1e3 * a, 1e3 * b,
               1e9 * a / N);
        free(x);
    }

    printf("\nwc_stats_fit, %d widths, %d bootstrap replicates\n", W,
           WC_STATS_NBOOT_DEFAULT);
    printf("%10s %8s %12s %22s\n", "samples", "stat", "fit ms",
           "ns per resampled value");
    for (N = 1000; N <= max_n; N *= 10)
    {
        double * x = malloc(W * N * sizeof(double));

        fill(x, N);
        for (k = 0; k < (int) (sizeof(stats) / sizeof(stats[0])); k++)
        {
            double a = time_fit(x, N, stats[k]);

            printf("%10ld %8s %12.2f %22.2f\n", (long) N,
                   wc_stat_name(stats[k]), 1e3 * a,
                   1e9 * a / ((double) WC_STATS_NBOOT_DEFAULT * W * N));
        }
        free(x);
    }
    return 0;
}
