/* Timings of the deep linear exact engine: for each correlator and depth,
   the time of wc_exact_linear (median of repeated runs in this one
   process), its work estimate and the weight operations it performed,
   the largest number of live states, and the number of configurations
   (layer assignments and Wick pairings of every layer) that a naive
   all-at-once enumeration would visit, counted but not run.  The last
   column times the multivariate variant (distinct widths n_1..n_H) where
   its estimate is within the default work bound.

   Usage: exact_bench [max_depth]   (default 8) */

#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "weakcorr.h"

static double
now(void)
{
    struct timespec ts;

    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec + 1e-9 * ts.tv_nsec;
}

static int
cmp_double(const void * a, const void * b)
{
    double x = *(const double *) a, y = *(const double *) b;

    return (x > y) - (x < y);
}

/* Median time of wc_exact_linear (symbolic = 0) or
   wc_exact_linear_widths over runs repeated for at least 0.3 s
   (at least 3, at most 1000 runs). */
static double
time_engine(const wc_spec_t spec, const wc_net_t net, int symbolic,
            wc_exact_linear_info_t info, wc_status * status)
{
    wc_series_t s;
    wc_mseries_t ms;
    wc_exact_options_t opt;
    wc_error_t err;
    double t[1000], start = now(), med;
    slong runs = 0;

    wc_series_init(s);
    wc_mseries_init(ms, net->hidden);
    wc_exact_options_init(opt);
    do
    {
        double t0 = now();

        *status = symbolic
            ? wc_exact_linear_widths(ms, spec, net, opt, info, err)
            : wc_exact_linear(s, spec, net, opt, info, err);
        t[runs++] = now() - t0;
        if (*status != WC_OK)
            break;
    }
    while (runs < 1000 && (runs < 3 || now() - start < 0.3));
    qsort(t, runs, sizeof(double), cmp_double);
    med = t[runs / 2];
    wc_series_clear(s);
    wc_mseries_clear(ms);
    return med;
}

int
main(int argc, char ** argv)
{
    static const char * const cases[][2] =
    {
        {"ntk", "E[Theta]"},
        {"var(ntk)", "Var[Theta]"},
        {"f_a f_b f_ab f", "E[f_a f_b f_ab f]"},
        {"C[0,3]^2", "E[C[0,3]^2]"},
        {"|C[1,2]|^2", "E[|C[1,2]|^2]"},
    };
    static const slong depths[] = {1, 2, 4, 8};
    slong max_depth = (argc > 1) ? atol(argv[1]) : 8, c, d;
    wc_spec_t spec;
    wc_net_t net;
    wc_error_t err;
    fmpz_t naive;
    double total = now();

    wc_spec_init(spec);
    wc_net_init(net);
    fmpz_init(naive);

    printf("deep linear exact engine, param=ntk, din=1, x=1, no biases; "
           "times are medians of repeated runs\n\n");
    printf("%-18s %2s %11s %10s %10s %7s %24s %12s\n", "correlator", "H",
           "time (s)", "estimate", "weight ops", "states",
           "naive configurations", "n1..nH (s)");

    for (c = 0; c < 5; c++)
        for (d = 0; d < 4 && depths[d] <= max_depth; d++)
        {
            wc_exact_linear_info_t info, minfo;
            wc_status st, mst;
            char text[64], sym[32];
            double secs, msecs;
            char * nstr;

            sprintf(text, "hidden=%ld,act=linear", (long) depths[d]);
            if (wc_spec_parse(spec, cases[c][0], err) != WC_OK
                || wc_net_parse(net, text, err) != WC_OK)
            {
                fprintf(stderr, "exact_bench: %s\n", err->msg);
                return 1;
            }
            secs = time_engine(spec, net, 0, info, &st);
            if (st != WC_OK)
            {
                printf("%-18s %2ld refused: %s\n", cases[c][1],
                       (long) depths[d], err->msg);
                continue;
            }
            if (wc_exact_linear_estimate(spec, net, 1)
                <= (double) WC_EXACT_DEFAULT_MAX_TERMS)
            {
                msecs = time_engine(spec, net, 1, minfo, &mst);
                sprintf(sym, "%.2e", msecs);
            }
            else
                sprintf(sym, "over bound");
            if (wc_exact_linear_naive_count(naive, spec, net))
                nstr = fmpz_get_str(NULL, 10, naive);
            else
            {
                nstr = flint_malloc(16);
                sprintf(nstr, "(not counted)");
            }
            printf("%-18s %2ld %11.2e %10.3g %10ld %7ld %24s %12s\n",
                   cases[c][1], (long) depths[d], secs, info->estimate,
                   (long) info->operations, (long) info->states, nstr, sym);
            flint_free(nstr);
        }

    printf("\ntotal wall time of this run %.1f s\n", now() - total);
    fmpz_clear(naive);
    wc_net_clear(net);
    wc_spec_clear(spec);
    flint_cleanup();
    return 0;
}
