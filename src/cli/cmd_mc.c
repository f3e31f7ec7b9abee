/* weakcorr mc SPEC --net NET --widths W --samples S: Monte Carlo estimates
   on finite-width networks across a width sweep, with the fitted width
   exponent. */

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static const char help[] =
"usage: weakcorr mc SPEC [--net NET] [--widths W] [--samples S]\n"
"                   [--seed S] [--threads T] [--stat STAT] [--probes K]\n"
"                   [--json] [--quiet] [--checkpoint FILE] [--output FILE]\n"
"                   [--max-stored MB]\n"
"\n"
"Estimates SPEC on independently drawn finite-width networks at every\n"
"width of the sweep and fits the width exponent: per width the sample\n"
"mean with its standard error, the RMS, and the median, 90% and 99%\n"
"quantiles of |X|, then the slope of log(statistic) against log(width)\n"
"with a 95% bootstrap interval over samples.\n"
"\n"
"Sample s at width n is the network the counter-based generator gives\n"
"(seed, s): the width-n weights are the leading block of the width-2n\n"
"weights, so widths share their randomness (common random numbers) and\n"
"the output is the same for any number of threads.\n"
"\n"
"What is measured, per sample:\n"
"  a SPEC         its exact value on the sample (derivatives by Taylor-mode\n"
"                 jets, no finite differences); a SPEC whose contraction\n"
"                 graph has cycles (f_ab f_ab, |C[2,d]|^2) gets an\n"
"                 unbiased estimate with Rademacher probes, and the\n"
"                 output says so; var(...) and cum(...) are estimated by\n"
"                 the unbiased U-statistic (k-statistic) of the arguments'\n"
"                 per-sample values, with a jackknife standard error\n"
"  |C[D,d]|       D = 0 or 1: |C^{0,d}| or the Euclidean norm of C^{1,d}\n"
"  |C[2,d]|_op    the spectral norm of C^{2,d} (Lanczos, relative\n"
"                 residual 1e-6)\n"
"\n"
"  --net NET          the network (default hidden=1,act=tanh,param=ntk,\n"
"                     din=1,bias=0, inputs all ones)\n"
"  --widths W         a list 64,128,256 or a doubling range 64..4096\n"
"                     (default 64..1024)\n"
"  --samples S        networks per width (default 100)\n"
"  --seed S           generator seed, 0 to 2^64-1 (default 1)\n"
"  --threads T        worker threads (default: the processors online)\n"
"  --stat STAT        the statistic fitted: auto (default: the mean if it\n"
"                     keeps one sign, else the RMS), mean, rms, abs,\n"
"                     median, q90, q99; cumulants take the mean only\n"
"  --probes K         probe sets averaged per sample for SPECs with\n"
"                     cycles (default 1)\n"
"  --json             one JSON object: input, quantity, kind, net, seed,\n"
"                     samples, widths, estimator, probes, nprobes,\n"
"                     cumulant, rows (width, samples, mean, se, rms,\n"
"                     mean_abs, median, q90, q99 -- null for cumulants --,\n"
"                     nonfinite), stat,\n"
"                     requested_stat, slope, slope_se, slope_ci,\n"
"                     intercept, sign_change, fit_note, resumed\n"
"  --quiet            no progress bar and no notes on standard error\n"
"  --checkpoint FILE  append every finished (width, sample) to FILE; an\n"
"                     interrupted run (Ctrl-C) keeps them, and running the\n"
"                     same command again resumes from them\n"
"  --output FILE      write the result to FILE (atomically) instead of\n"
"                     standard output\n"
"  --max-stored MB    regenerate weight matrices larger than MB megabytes\n"
"                     from the generator instead of storing them (less\n"
"                     memory, more time when a sample reads them more than\n"
"                     once; default: store a hidden matrix exactly when a\n"
"                     sample reads it more than once)\n"
"\n"
"Exit status: 0 on success, 1 for a malformed SPEC, NET, option or a\n"
"checkpoint of another run, 2 for a well-formed request the engine does\n"
"not answer (the reason is printed), 130 when interrupted.\n"
"\n"
"examples:\n"
"  weakcorr mc ntk --net hidden=2,act=tanh --widths 64..1024\n"
"  weakcorr mc 'var(ntk)' --net act=linear --widths 16..256 --samples 400\n"
"  weakcorr mc '|C[1,1]|' --net hidden=2,act=tanh --stat q90\n"
"  weakcorr mc 'f_ab f_ab' --widths 32,64,128 --probes 4 --json\n";

static const char *
estimator_text(const wc_mc_quantity_t q, const wc_mc_result_t res)
{
    if (q->kind == WC_MC_NORM)
        return "the norm computed exactly on each sample";
    if (q->kind == WC_MC_OPNORM)
        return "the spectral norm by Lanczos on each sample (a Ritz "
               "value: at most the true norm, to the residual shown)";
    if (res->cumulant)
        return res->probes
               ? "the unbiased U-statistic (k-statistic) of the arguments' "
                 "per-sample Rademacher-probe estimates; jackknife "
                 "standard error"
               : "the unbiased U-statistic (k-statistic) of the arguments' "
                 "exact per-sample values; jackknife standard error";
    return res->probes
           ? "an unbiased Rademacher-probe estimate on each sample (the "
             "contraction has cycles); the standard error includes the "
             "probe noise"
           : "the exact value on each sample";
}

static void
text_report(wc_buf_t out, const char * input, const wc_mc_quantity_t q,
            const wc_net_t net, const wc_mc_options_t opt,
            const wc_mc_result_t res)
{
    char * s = wc_mc_quantity_get_str(q);
    slong w;

    if (q->kind == WC_MC_SPEC)
        wc_buf_printf(out, "Monte Carlo estimate of %s over random "
                      "networks\n", res->cumulant ? "the cumulant"
                                                  : "E[SPEC]");
    else
        wc_buf_printf(out, "Monte Carlo statistics of the per-sample norm "
                      "over random networks\n");
    wc_buf_printf(out, "%-11s %s\n", q->kind == WC_MC_SPEC ? "SPEC"
                  : "quantity", input);
    if (strcmp(s, input) != 0)
        wc_buf_printf(out, "%-11s %s\n", "expanded", s);
    wc_free(s);
    s = wc_net_get_str(net);
    wc_buf_printf(out, "%-11s %s\n", "NET", s);
    wc_free(s);
    wc_buf_printf(out, "%-11s %ld per width, seed %llu (common random "
                  "numbers across widths)\n", "samples",
                  (long) res->samples, (unsigned long long) opt->seed);
    wc_buf_printf(out, "%-11s %s", "estimator", estimator_text(q, res));
    if (res->probes && opt->nprobes > 1)
        wc_buf_printf(out, " (%ld probe sets averaged per sample)",
                      (long) opt->nprobes);
    wc_buf_putc(out, '\n');
    if (q->kind == WC_MC_OPNORM)
        wc_buf_printf(out, "%-11s largest relative residual %.2g after at "
                      "most %ld steps\n", "Lanczos", res->max_resid,
                      (long) res->max_iters);
    /* A cumulant's per-sample pseudo-values have no distribution worth
       showing: only the estimate and its standard error. */
    if (res->cumulant)
        wc_buf_printf(out, "\n%8s %8s %13s %11s\n", "width", "samples",
                      "cumulant", "std.err");
    else
        wc_buf_printf(out, "\n%8s %8s %13s %11s %13s %11s %11s %11s\n",
                      "width", "samples", "mean", "std.err", "rms",
                      "median|X|", "q90|X|", "q99|X|");
    for (w = 0; w < res->nwidths; w++)
    {
        const wc_stats_row_struct * r = res->rows + w;

        if (res->cumulant)
            wc_buf_printf(out, "%8ld %8ld %13.6g %11.4g", (long) r->width,
                          (long) r->samples, r->mean, r->se);
        else
            wc_buf_printf(out, "%8ld %8ld %13.6g %11.4g %13.6g %11.4g "
                          "%11.4g %11.4g", (long) r->width,
                          (long) r->samples, r->mean, r->se, r->rms,
                          r->median, r->q90, r->q99);
        if (r->nonfinite > 0)
            wc_buf_printf(out, "  (%ld non-finite excluded)",
                          (long) r->nonfinite);
        wc_buf_putc(out, '\n');
    }
    wc_buf_putc(out, '\n');
    if (res->have_fit)
    {
        const wc_stats_fit_struct * f = &res->fit;

        wc_buf_printf(out, "%-11s %s ~ n^slope: slope %.4f, bootstrap "
                      "std.err %.2g, 95%% interval [%.4f, %.4f] (%ld "
                      "replicates over samples)\n", "fit",
                      wc_stat_name(f->stat), f->slope, f->se, f->ci_lo,
                      f->ci_hi, (long) f->nboot);
        if (f->sign_change)
            wc_buf_printf(out, "%-11s the mean changes sign or is not "
                          "resolved from zero at some width%s\n", "note",
                          f->stat == WC_STAT_RMS ? "; fitted through the "
                          "RMS" : "");
    }
    else
        wc_buf_printf(out, "%-11s none: %s\n", "fit", res->fit_note);
}

static void
json_report(wc_buf_t out, const char * input, const wc_mc_quantity_t q,
            const wc_net_t net, const wc_mc_options_t opt,
            const wc_mc_result_t res)
{
    wc_json_t j;
    char * s;
    slong w;

    wc_json_init(j, out);
    wc_json_begin_object(j);
    wc_json_key(j, "input");
    wc_json_string(j, input);
    s = wc_mc_quantity_get_str(q);
    wc_json_key(j, "quantity");
    wc_json_string(j, s);
    wc_free(s);
    wc_json_key(j, "kind");
    wc_json_string(j, q->kind == WC_MC_SPEC ? "spec"
                   : q->kind == WC_MC_NORM ? "norm" : "opnorm");
    s = wc_net_get_str(net);
    wc_json_key(j, "net");
    wc_json_string(j, s);
    wc_free(s);
    wc_json_key(j, "seed");
    {
        char seed[32];

        /* a string: JSON readers lose integers above 2^53 */
        snprintf(seed, sizeof(seed), "%llu", (unsigned long long) opt->seed);
        wc_json_string(j, seed);
    }
    wc_json_key(j, "samples");
    wc_json_int(j, res->samples);
    wc_json_key(j, "widths");
    wc_json_begin_array(j);
    for (w = 0; w < res->nwidths; w++)
        wc_json_int(j, res->widths[w]);
    wc_json_end_array(j);
    wc_json_key(j, "estimator");
    wc_json_string(j, estimator_text(q, res));
    wc_json_key(j, "probes");
    wc_json_bool(j, res->probes);
    wc_json_key(j, "nprobes");
    wc_json_int(j, res->probes ? opt->nprobes : 0);
    wc_json_key(j, "cumulant");
    wc_json_bool(j, res->cumulant);
    if (q->kind == WC_MC_OPNORM)
    {
        wc_json_key(j, "lanczos_max_residual");
        wc_json_double(j, res->max_resid);
        wc_json_key(j, "lanczos_max_steps");
        wc_json_int(j, res->max_iters);
    }

    wc_json_key(j, "rows");
    wc_json_begin_array(j);
    for (w = 0; w < res->nwidths; w++)
    {
        const wc_stats_row_struct * r = res->rows + w;

        /* rms and the rest null for a cumulant: see text_report */
        wc_cli_json_row_begin(j, r, res->cumulant);
        wc_json_key(j, "mean_abs");
        wc_json_double(j, res->cumulant ? NAN : r->mean_abs);
        wc_json_key(j, "median");
        wc_json_double(j, res->cumulant ? NAN : r->median);
        wc_json_key(j, "q90");
        wc_json_double(j, res->cumulant ? NAN : r->q90);
        wc_json_key(j, "q99");
        wc_json_double(j, res->cumulant ? NAN : r->q99);
        wc_json_key(j, "nonfinite");
        wc_json_int(j, r->nonfinite);
        wc_json_end_object(j);
    }
    wc_json_end_array(j);

    wc_json_key(j, "stat");
    if (res->have_fit)
        wc_json_string(j, wc_stat_name(res->fit.stat));
    else
        wc_json_null(j);
    wc_json_key(j, "requested_stat");
    wc_json_string(j, wc_stat_name(opt->stat));
    wc_json_key(j, "slope");
    if (res->have_fit)
        wc_json_double(j, res->fit.slope);
    else
        wc_json_null(j);
    wc_json_key(j, "slope_se");
    if (res->have_fit)
        wc_json_double(j, res->fit.se);
    else
        wc_json_null(j);
    wc_json_key(j, "slope_ci");
    wc_json_interval(j, res->have_fit, res->fit.ci_lo, res->fit.ci_hi);
    wc_json_key(j, "intercept");
    if (res->have_fit)
        wc_json_double(j, res->fit.intercept);
    else
        wc_json_null(j);
    wc_json_key(j, "sign_change");
    wc_json_bool(j, res->have_fit && res->fit.sign_change);
    wc_json_key(j, "fit_note");
    if (res->have_fit)
        wc_json_null(j);
    else
        wc_json_string(j, res->fit_note);
    wc_json_key(j, "resumed");
    wc_json_int(j, res->resumed);
    wc_json_end_object(j);
    wc_buf_putc(out, '\n');
}

int
wc_cmd_mc(int argc, char ** argv)
{
    const char * text = NULL, * output = NULL, * value;
    int json = 0, only_positional = 0, i, r, exit_status;
    wc_cli_mc_args_struct a;
    wc_mc_quantity_t q;
    wc_net_t net;
    wc_mc_result_t res;
    wc_error_t err;
    wc_status st;
    wc_buf_t out;

    wc_cli_mc_args_init(&a, "64..1024");

    for (i = 1; i < argc; i++)
    {
        if (only_positional || !wc_cli_is_option(argv[i]))
        {
            if (text != NULL)
                return wc_cli_usage_error("mc", "one SPEC at a time; "
                    "quote it so that the shell passes it as one argument");
            text = argv[i];
            continue;
        }
        if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0)
        {
            fputs(help, stdout);
            return WC_EXIT_OK;
        }
        if (strcmp(argv[i], "--") == 0)
        {
            only_positional = 1;
            continue;
        }
        if (strcmp(argv[i], "--json") == 0)
        {
            json = 1;
            continue;
        }
        if ((r = wc_cli_mc_option(&a, argc, argv, &i, "mc")) != 0)
        {
            if (r < 0)
                return WC_EXIT_INPUT;
            continue;
        }
        if ((r = wc_cli_take_value(&value, argc, argv, &i, "mc",
                                   "--output")) != 0)
        {
            if (r < 0)
                return WC_EXIT_INPUT;
            if (value[0] == '\0')
                return wc_cli_usage_error("mc", "--output needs a file "
                                          "name");
            output = value;
            continue;
        }
        return wc_cli_usage_error("mc", "unknown option '%s'", argv[i]);
    }
    if (text == NULL)
        return wc_cli_usage_error("mc", "missing SPEC");

    wc_mc_quantity_init(q);
    wc_net_init(net);
    wc_mc_result_init(res);
    wc_buf_init(out);
    wc_error_init(err);
    a.opt->widths = NULL;

    if (wc_mc_quantity_parse(q, text, err) != WC_OK)
    {
        exit_status = wc_cli_fail("SPEC", err);
        goto cleanup;
    }
    if (a.net_text != NULL && wc_net_parse(net, a.net_text, err) != WC_OK)
    {
        exit_status = wc_cli_fail("NET", err);
        goto cleanup;
    }
    if (wc_mc_widths_parse(&a.opt->widths, &a.opt->nwidths, a.widths_text,
                           err) != WC_OK)
    {
        exit_status = wc_cli_fail("--widths", err);
        goto cleanup;
    }

    st = wc_cli_mc_run(res, q, net, &a, "", err);

    if (st == WC_ERR_INTERRUPTED)
    {
        if (a.checkpoint != NULL)
            fprintf(stderr, "weakcorr mc: interrupted; %ld results are in "
                    "%s (run the same command again to resume)\n",
                    (long) (res->resumed + res->computed), a.checkpoint);
        else
            fprintf(stderr, "weakcorr mc: interrupted (without "
                    "--checkpoint nothing is kept)\n");
        exit_status = 130;
        goto cleanup;
    }
    if (st != WC_OK)
    {
        exit_status = wc_cli_fail("mc", err);
        goto cleanup;
    }
    if (!a.quiet && a.checkpoint != NULL && res->resumed > 0)
        fprintf(stderr, "weakcorr mc: resumed %ld results from %s\n",
                (long) res->resumed, a.checkpoint);

    if (json)
        json_report(out, text, q, net, a.opt, res);
    else
        text_report(out, text, q, net, a.opt, res);

    if (output != NULL)
    {
        if (wc_mc_write_file_atomic(output, out->str, err) != WC_OK)
        {
            exit_status = wc_cli_fail("--output", err);
            goto cleanup;
        }
    }
    else
        fputs(out->str, stdout);
    exit_status = WC_EXIT_OK;

cleanup:
    flint_free(a.opt->widths);
    wc_buf_clear(out);
    wc_mc_result_clear(res);
    wc_net_clear(net);
    wc_mc_quantity_clear(q);
    return exit_status;
}
