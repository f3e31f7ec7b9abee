/* weakcorr check SPEC --net NET: the derived bound, the exact series where
   an engine reaches, and the Monte Carlo measurement side by side, with a
   verdict. */

#include <math.h>
#include <string.h>

#include "cli.h"

static const char help[] =
"usage: weakcorr check SPEC [--net NET] [--widths W] [--samples S]\n"
"                      [--seed S] [--threads T] [--stat STAT] [--probes K]\n"
"                      [--prec BITS | --digits D] [--max-terms N]\n"
"                      [--no-exact] [--json] [--quiet] [--checkpoint FILE]\n"
"                      [--max-stored MB]\n"
"\n"
"Puts three answers to 'how does SPEC scale with the width?' side by\n"
"side:\n"
"  bound        the cluster-graph exponent (weakcorr order): for the\n"
"               mean, E[SPEC] = O(n^s); for the typical size of one\n"
"               sample X (RMS, quantiles of |X|), the bound on E[X X']\n"
"               halved; for the norms |C[D,d]|, the order of C^{D,d}\n"
"  exact        E[SPEC] as an exact series in n where an exact engine\n"
"               reaches (weakcorr exact), and per width the z-score of\n"
"               the Monte Carlo estimate against it\n"
"  measured     the Monte Carlo estimates and the fitted slope with its\n"
"               95% interval (weakcorr mc)\n"
"and the verdict on the bound: consistent with a tight bound, bound holds\n"
"but is not tight, violated, exactly zero (when the parity rule or the\n"
"exact series says so, and the estimates are consistent with zero), or\n"
"inconclusive.\n"
"\n"
"The Monte Carlo options are those of weakcorr mc (widths 64..1024 and\n"
"100 samples per width by default; for norms the statistic is the RMS\n"
"unless --stat says otherwise); --prec, --digits and --max-terms are\n"
"those of weakcorr exact; --no-exact skips the exact engines.  With four\n"
"widths or more the verdict uses the slope fitted with a finite-width\n"
"correction, log stat = a + slope log n + c/n (doc/stats.md).\n"
"\n"
"  --json   one JSON object: input, spec, net, bound, bound_zero,\n"
"           typical_bound, exact (null, or of, series, leading_power, zero,\n"
"           tight), exact_note, rows (width, samples, mean, se, rms,\n"
"           exact, z), stat, slope, slope_ci, corrected_slope,\n"
"           corrected_slope_ci, verdict_fit (power or corrected),\n"
"           predicted, verdict, exact_consistent, z_crit, fit_note\n"
"\n"
"Exit status: 0 when the check ran (whatever the verdict), 1 for malformed\n"
"input, 2 for a quantity the Monte Carlo engine does not evaluate, 130\n"
"when interrupted.\n"
"\n"
"examples:\n"
"  weakcorr check 'var(ntk)' --net act=linear --samples 400\n"
"  weakcorr check 'f_a f_b f_ab f' --net hidden=1,act=tanh --samples 2000\n"
"  weakcorr check '|C[1,1]|' --net hidden=3,act=relu\n";

/* Does the exact leading power reach the bound?  For a norm the series
   is E[|C|^2], whose power is twice the norm's. */
static int
lead_is_tight(const wc_claim_struct * c)
{
    fmpq_t l;
    int tight;

    fmpq_init(l);
    fmpq_set_si(l, c->lead, c->exact_of_square ? 2 : 1);
    tight = fmpq_equal(l, c->bound);
    fmpq_clear(l);
    return tight;
}

static void
put_power(wc_buf_t out, const fmpq_t e)
{
    if (fmpq_is_zero(e))
        wc_buf_puts(out, "O(1)");
    else
    {
        wc_buf_puts(out, fmpz_is_one(fmpq_denref(e)) ? "O(n^" : "O(n^(");
        wc_buf_put_fmpq(out, e);
        wc_buf_puts(out, fmpz_is_one(fmpq_denref(e)) ? ")" : "))");
    }
}

static void
text_report(wc_buf_t out, const char * input, const wc_mc_quantity_t q,
            const wc_net_t net, const wc_cli_mc_args_struct * a,
            const wc_mc_result_t res, const wc_claim_struct * c, slong digits)
{
    char * s = wc_mc_quantity_get_str(q);
    slong w;

    wc_buf_printf(out, "%-11s %s\n", "check", input);
    if (strcmp(s, input) != 0)
        wc_buf_printf(out, "%-11s %s\n", "expanded", s);
    wc_free(s);
    s = wc_net_get_str(net);
    wc_buf_printf(out, "%-11s %s\n", "NET", s);
    wc_free(s);

    /* The bound. */
    wc_buf_printf(out, "%-11s ", "bound");
    if (!c->have_bound)
        wc_buf_printf(out, "none (%s)\n", c->bound_note);
    else
    {
        if (q->kind == WC_MC_SPEC)
        {
            wc_buf_printf(out, "%s = ", q->spec->connected ? "the cumulant"
                                                             : "E[SPEC]");
            if (c->bound_zero)
                wc_buf_puts(out, "0 exactly (parity rule: an odd number "
                            "of tensors)\n");
            else
            {
                put_power(out, c->bound);
                wc_buf_puts(out, " (cluster-graph rule, exact "
                            "exponent)\n");
            }
        }
        else
        {
            wc_buf_puts(out, "|C| = ");
            put_power(out, c->bound);
            wc_buf_puts(out, " (cluster-graph rule on E[|C|^2], exact "
                        "exponent)\n");
        }
        if (c->have_typical && q->kind == WC_MC_SPEC)
        {
            wc_buf_printf(out, "%-11s one sample X = ", "");
            put_power(out, c->typical);
            wc_buf_puts(out, " (from E[X X'], for RMS and quantiles)\n");
        }
        if (c->bound_note[0] != '\0')
            wc_buf_printf(out, "%-11s %s\n", "", c->bound_note);
    }

    /* The exact series. */
    wc_buf_printf(out, "%-11s ", "exact");
    if (c->have_exact && c->exact_of_square)
        wc_buf_puts(out, "E[|C|^2] = ");
    if (!c->have_exact)
        wc_buf_printf(out, "none (%s)\n", c->exact_note);
    else
    {
        wc_series_print_buf(out, c->series, digits);
        wc_buf_printf(out, " (%s)\n", c->series->exact ? "exact rationals"
                      : "balls containing the coefficients");
        wc_buf_printf(out, "%-11s ", "");
        if (c->lead_status == 0)
            wc_buf_puts(out, "exactly zero\n");
        else if (c->lead_status < 0)
            wc_buf_puts(out, "leading power undecided at this precision\n");
        else
        {
            wc_buf_printf(out, "leading power %ld", (long) c->lead);
            if (c->have_bound && !c->bound_zero)
                wc_buf_puts(out, lead_is_tight(c)
                            ? ": the bound is tight" : ", below the bound: "
                            "not tight");
            wc_buf_putc(out, '\n');
        }
    }

    /* The measurements. */
    wc_buf_printf(out, "%-11s %ld samples per width, seed %llu (Monte Carlo "
                  "estimates +/- standard error)\n", "measured",
                  (long) res->samples, (unsigned long long) a->opt->seed);
    wc_buf_printf(out, "\n%8s %8s %13s %11s", "width", "samples",
                  res->cumulant ? "cumulant" : "mean", "std.err");
    if (!res->cumulant)
        wc_buf_printf(out, " %13s", "rms");
    if (c->have_z)
        wc_buf_printf(out, " %15s %7s", "exact E", "z");
    wc_buf_putc(out, '\n');
    for (w = 0; w < res->nwidths; w++)
    {
        const wc_stats_row_struct * r = res->rows + w;

        wc_buf_printf(out, "%8ld %8ld %13.6g %11.4g", (long) r->width,
                      (long) r->samples, r->mean, r->se);
        if (!res->cumulant)
            wc_buf_printf(out, " %13.6g", r->rms);
        if (c->have_z)
            wc_buf_printf(out, " %15.9g %7.2f", c->exact_value[w], c->z[w]);
        wc_buf_putc(out, '\n');
    }
    wc_buf_putc(out, '\n');

    if (res->have_fit)
    {
        wc_buf_printf(out, "%-11s %s ~ n^slope: slope %.4f, 95%% interval "
                      "[%.4f, %.4f] (estimate; bootstrap over samples)\n",
                      "fit", wc_stat_name(res->fit.stat), res->fit.slope,
                      res->fit.ci_lo, res->fit.ci_hi);
        if (res->fit.sign_change)
            wc_buf_printf(out, "%-11s the mean changes sign or is not "
                          "resolved from zero at some width\n", "");
    }
    else
        wc_buf_printf(out, "%-11s none: %s\n", "fit", res->fit_note);
    if (c->have_corrected)
        wc_buf_printf(out, "%-11s with a 1/n correction (log stat = a + "
                      "slope log n + c/n): slope %.4f, 95%% interval "
                      "[%.4f, %.4f]%s\n", "", c->corrected.slope,
                      c->corrected.ci_lo, c->corrected.ci_hi,
                      c->verdict_from_fit && c->verdict_model
                      == WC_STATS_MODEL_CORRECTED ? "; decides the verdict"
                      : "");
    if (c->have_predicted)
        wc_buf_printf(out, "%-11s slope %g for the %s\n", "predicted",
                      c->predicted, wc_stat_name(res->fit.stat));
    if (c->have_z)
        wc_buf_printf(out, "%-11s every |z| <= %.2f (level %g over %ld "
                      "widths): %s\n", "vs exact", c->z_crit, WC_CLAIM_ALPHA,
                      (long) res->nwidths, c->exact_consistent
                      ? "consistent with the exact series"
                      : "NOT consistent with the exact series");
    wc_buf_printf(out, "%-11s %s\n", "verdict", c->verdict_text);
}

static void
json_report(wc_buf_t out, const char * input, const wc_mc_quantity_t q,
            const wc_net_t net, const wc_mc_result_t res,
            const wc_claim_struct * c, slong digits)
{
    wc_json_t j;
    wc_buf_t t;
    char * s;
    slong w, k;

    wc_buf_init(t);
    wc_json_init(j, out);
    wc_json_begin_object(j);
    wc_json_key(j, "input");
    wc_json_string(j, input);
    s = wc_mc_quantity_get_str(q);
    wc_json_key(j, "spec");
    wc_json_string(j, s);
    wc_free(s);
    s = wc_net_get_str(net);
    wc_json_key(j, "net");
    wc_json_string(j, s);
    wc_free(s);

    wc_json_key(j, "bound");
    if (c->have_bound && !c->bound_zero)
        wc_json_fmpq(j, c->bound);
    else
        wc_json_null(j);
    wc_json_key(j, "bound_zero");
    wc_json_bool(j, c->have_bound && c->bound_zero);
    wc_json_key(j, "typical_bound");
    if (c->have_typical)
        wc_json_fmpq(j, c->typical);
    else
        wc_json_null(j);

    wc_json_key(j, "exact");
    if (!c->have_exact)
        wc_json_null(j);
    else
    {
        wc_json_begin_object(j);
        wc_json_key(j, "of");
        wc_json_string(j, c->exact_of_square ? "E[|C|^2]" : "E[SPEC]");
        wc_json_key(j, "series");
        wc_json_begin_array(j);
        for (k = c->series->len - 1; k >= 0; k--)
        {
            wc_buf_reset(t);
            if (c->series->exact)
            {
                if (fmpq_is_zero(c->series->q + k))
                    continue;
                wc_buf_put_fmpq(t, c->series->q + k);
            }
            else
            {
                if (arb_is_zero(c->series->b + k))
                    continue;
                wc_arb_print_buf(t, c->series->b + k, digits);
            }
            wc_json_begin_object(j);
            wc_json_key(j, "power");
            wc_json_int(j, c->series->lo + k);
            wc_json_key(j, "coeff");
            wc_json_string(j, t->str);
            wc_json_end_object(j);
        }
        wc_json_end_array(j);
        wc_json_key(j, "leading_power");
        if (c->lead_status == 1)
            wc_json_int(j, c->lead);
        else
            wc_json_null(j);
        wc_json_key(j, "zero");
        wc_json_bool(j, c->lead_status == 0);
        wc_json_key(j, "tight");
        if (c->lead_status == 1 && c->have_bound && !c->bound_zero)
            wc_json_bool(j, lead_is_tight(c));
        else
            wc_json_null(j);
        wc_json_end_object(j);
    }
    wc_json_key(j, "exact_note");
    if (c->have_exact)
        wc_json_null(j);
    else
        wc_json_string(j, c->exact_note);

    wc_json_key(j, "rows");
    wc_json_begin_array(j);
    for (w = 0; w < res->nwidths; w++)
    {
        const wc_stats_row_struct * r = res->rows + w;

        wc_cli_json_row_begin(j, r, res->cumulant);
        wc_json_key(j, "exact");
        wc_json_double(j, c->exact_value[w]);
        wc_json_key(j, "z");
        wc_json_double(j, c->z[w]);
        wc_json_end_object(j);
    }
    wc_json_end_array(j);

    wc_json_key(j, "stat");
    if (res->have_fit)
        wc_json_string(j, wc_stat_name(res->fit.stat));
    else
        wc_json_null(j);
    wc_json_key(j, "slope");
    wc_json_double(j, res->have_fit ? res->fit.slope : NAN);
    wc_json_key(j, "slope_ci");
    wc_json_interval(j, res->have_fit, res->fit.ci_lo, res->fit.ci_hi);
    wc_json_key(j, "fit_note");
    if (res->have_fit)
        wc_json_null(j);
    else
        wc_json_string(j, res->fit_note);
    wc_json_key(j, "corrected_slope");
    wc_json_double(j, c->have_corrected ? c->corrected.slope : NAN);
    wc_json_key(j, "corrected_slope_ci");
    wc_json_interval(j, c->have_corrected, c->corrected.ci_lo,
                     c->corrected.ci_hi);
    wc_json_key(j, "verdict_fit");
    if (c->verdict_from_fit)
        wc_json_string(j, wc_stats_model_name(c->verdict_model));
    else
        wc_json_null(j);
    wc_json_key(j, "predicted");
    wc_json_double(j, c->have_predicted ? c->predicted : NAN);
    wc_json_key(j, "verdict");
    wc_json_string(j, wc_verdict_name(c->verdict));
    wc_json_key(j, "verdict_text");
    wc_json_string(j, c->verdict_text);
    wc_json_key(j, "exact_consistent");
    if (c->have_z)
        wc_json_bool(j, c->exact_consistent);
    else
        wc_json_null(j);
    wc_json_key(j, "z_crit");
    wc_json_double(j, c->have_z ? c->z_crit : NAN);
    wc_json_end_object(j);
    wc_buf_putc(out, '\n');
    wc_buf_clear(t);
}

int
wc_cmd_check(int argc, char ** argv)
{
    const char * text = NULL;
    int json = 0, no_exact = 0, only_positional = 0, i, r, exit_status;
    wc_cli_mc_args_struct a;
    wc_cli_precision_struct p;
    wc_mc_quantity_t q;
    wc_net_t net;
    wc_mc_result_t res;
    wc_error_t err;
    wc_status st;
    wc_buf_t out;
    wc_claim_t c;

    wc_cli_mc_args_init(&a, "64..1024");
    wc_cli_precision_init(&p);

    for (i = 1; i < argc; i++)
    {
        if (only_positional || !wc_cli_is_option(argv[i]))
        {
            if (text != NULL)
                return wc_cli_usage_error("check", "one SPEC at a time; "
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
            only_positional = 1;
        else if (strcmp(argv[i], "--json") == 0)
            json = 1;
        else if (strcmp(argv[i], "--no-exact") == 0)
            no_exact = 1;
        else if ((r = wc_cli_mc_option(&a, argc, argv, &i, "check")) != 0
                 || (r = wc_cli_precision_option(&p, argc, argv, &i,
                                                 "check", 1)) != 0)
        {
            if (r < 0)
                return WC_EXIT_INPUT;
        }
        else
            return wc_cli_usage_error("check", "unknown option '%s'",
                                      argv[i]);
    }
    if (text == NULL)
        return wc_cli_usage_error("check", "missing SPEC");
    if (wc_cli_precision_finish(&p, "check", 128) != 0)
        return WC_EXIT_INPUT;

    wc_mc_quantity_init(q);
    wc_net_init(net);
    wc_mc_result_init(res);
    wc_buf_init(out);
    wc_error_init(err);
    a.opt->widths = NULL;
    wc_claim_init(c);

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
    /* A norm's bound comes from E[|C|^2]: its RMS is what the bound is
       about, so that is the default statistic. */
    if (q->kind != WC_MC_SPEC && a.opt->stat == WC_STAT_AUTO)
        a.opt->stat = WC_STAT_RMS;

    wc_claim_bound(c, q, net);
    if (no_exact)
        snprintf(c->exact_note, sizeof(c->exact_note), "--no-exact");
    else
    {
        wc_exact_options_t eopt;

        wc_exact_options_init(eopt);
        eopt->prec = p.prec;
        eopt->max_terms = p.max_terms;
        wc_claim_exact(c, q, net, eopt, 0);
    }

    st = wc_cli_mc_run(res, q, net, &a, "Monte Carlo", err);
    if (st == WC_ERR_INTERRUPTED)
    {
        fprintf(stderr, "weakcorr check: interrupted%s\n", a.checkpoint
                != NULL ? "; finished samples are in the checkpoint" : "");
        exit_status = 130;
        goto cleanup;
    }
    if (st != WC_OK)
    {
        exit_status = wc_cli_fail("check", err);
        goto cleanup;
    }

    wc_claim_decide(c, q, res, p.prec);

    if (json)
        json_report(out, text, q, net, res, c, p.digits);
    else
        text_report(out, text, q, net, &a, res, c, p.digits);
    fputs(out->str, stdout);
    exit_status = WC_EXIT_OK;

cleanup:
    wc_claim_clear(c);
    flint_free(a.opt->widths);
    wc_buf_clear(out);
    wc_mc_result_clear(res);
    wc_net_clear(net);
    wc_mc_quantity_clear(q);
    return exit_status;
}
