/* weakcorr exact SPEC --net NET: E[SPEC] as an exact finite series in the
   width, its leading power and the cluster-graph bound beside it. */

#include <stdlib.h>
#include <string.h>

#include "cli.h"

static const char help[] =
"usage: weakcorr exact SPEC --net NET [--json] [--max-terms N]\n"
"                      [--max-memory GIB] [--prec BITS | --digits D]\n"
"                      [--widths-symbolic]\n"
"\n"
"Computes E[SPEC] (for var(...) and cum(...) the joint cumulant of the\n"
"arguments, taken entry by entry and then summed) at finite hidden width\n"
"n, as a finite Laurent series in n, and compares its leading power with\n"
"the cluster-graph bound: tight, not tight (both powers given), or\n"
"exactly zero.  The bound is the rule's NTK exponent s, carried over to\n"
"param=mf as s - m/2 (m tensors) and to param=standard as s + k (k\n"
"contracted indices, each bringing a fan-in of at most n).\n"
"\n"
"Engines, chosen from NET: deep linear networks (act=linear, or\n"
"act=poly(0,1)), any depth, by a transfer over the layers; one hidden\n"
"layer (hidden=1) with any activation, by sums over neuron partitions;\n"
"deep networks with a polynomial activation (act=poly(...), hidden >= 2)\n"
"by conditional expectations layer by layer.  All of them take biases,\n"
"param=ntk, standard or mf, any din and labelled inputs.  Coefficients\n"
"are exact rationals for linear and polynomial activations, certified\n"
"balls otherwise.  Deep networks with other activations are refused\n"
"with exit status 2.\n"
"\n"
"  --net NET          the network (required), e.g. hidden=4,act=linear\n"
"  --json             one JSON object: input, spec, net, engine, exact,\n"
"                     series (a list of {\"power\", \"coeff\"}, coefficients\n"
"                     as \"p/q\" or balls \"[mid +/- rad]\"), leading_power,\n"
"                     bound, bound_ntk, bound_zero, tight, zero,\n"
"                     connected, estimate, and with --widths-symbolic\n"
"                     widths_symbolic (exponents of n1..nH and coeff)\n"
"  --max-terms N      work bound in the engine's elementary operations\n"
"                     (default 100000000); a request estimated above it is\n"
"                     refused at once with exit status 2 and the estimate\n"
"  --max-memory GIB   memory the deep polynomial engine may hold, in GiB\n"
"                     (default 4); beyond it the run stops with exit\n"
"                     status 2\n"
"  --prec BITS        precision of ball coefficients (default 128); exact\n"
"                     rational results do not depend on it\n"
"  --digits D         the same in decimal digits\n"
"  --widths-symbolic  also give E[SPEC] for distinct hidden widths n1..nH,\n"
"                     as a Laurent polynomial in n1..nH (act=linear or\n"
"                     act=poly(...))\n"
"\n"
"Exit status: 0 on success, 1 for a malformed SPEC, NET or option, 2 for\n"
"a well-formed request no engine answers or one beyond the work bound.\n"
"\n"
"examples:\n"
"  weakcorr exact 'var(ntk)' --net hidden=1,act=linear\n"
"  weakcorr exact 'f_a f_b f_ab f' --net hidden=3,act=linear\n"
"  weakcorr exact 'f^4' --net hidden=2,act=linear --widths-symbolic\n"
"  weakcorr exact 'var(ntk)' --net hidden=3,act=poly(0,1,1)\n";

static void
print_power(wc_buf_t buf, const fmpq_t e)
{
    wc_buf_puts(buf, "n^");
    if (!fmpz_is_one(fmpq_denref(e)))
        wc_buf_putc(buf, '(');
    wc_buf_put_fmpq(buf, e);
    if (!fmpz_is_one(fmpq_denref(e)))
        wc_buf_putc(buf, ')');
}

typedef struct
{
    int zero;          /* the series is exactly zero */
    int lead_known;    /* the leading power is certain */
    slong lead;
    int tight;
    fmpq_t bound;      /* the bound carried over to the parameterisation */
}
exact_verdict;

static void
get_verdict(exact_verdict * v, const wc_series_t s, const wc_bound_t b,
            const wc_spec_t spec, const wc_net_t net)
{
    int r = wc_series_leading_power(&v->lead, s);
    fmpq_t e;

    fmpq_init(v->bound);
    wc_exact_bound_param(v->bound, b->exponent, spec, net->param);
    v->zero = (r == 0);
    v->lead_known = (r == 1);
    v->tight = 0;
    if (v->lead_known && !b->zero)
    {
        fmpq_init(e);
        fmpq_set_si(e, v->lead, 1);
        v->tight = fmpq_equal(e, v->bound);
        fmpq_clear(e);
    }
}

static void
print_text(const char * text, const wc_spec_t spec, const wc_net_t net,
           const wc_series_t s, const wc_mseries_t ms, const wc_bound_t b,
           slong digits)
{
    exact_verdict v;
    wc_buf_t buf;
    char * str;
    const char * what = spec->connected ? "cumulant" : "E[SPEC]";

    wc_buf_init(buf);
    get_verdict(&v, s, b, spec, net);

    printf("SPEC        %s\n", text);
    str = wc_spec_get_str(spec);
    if (strcmp(str, text) != 0)
        printf("expanded    %s\n", str);
    wc_free(str);
    str = wc_net_get_str(net);
    printf("NET         %s\n", str);
    wc_free(str);
    switch (wc_exact_choose(net))
    {
        case WC_EXACT_ENGINE_LINEAR:
            printf("engine      deep linear transfer over the %ld layers\n",
                   (long) net->hidden + 1);
            break;
        case WC_EXACT_ENGINE_ONELAYER:
            printf("engine      one hidden layer, sums over neuron "
                   "partitions\n");
            break;
        default:
            printf("engine      deep polynomial, conditional expectations "
                   "over the %ld layers\n", (long) net->hidden + 1);
            break;
    }

    wc_series_print_buf(buf, s, digits);
    wc_buf_puts(buf, s->exact ? " (exact)" : " (balls)");
    printf("%-12s", what);
    wc_cli_wrap(stdout, buf->str, 12, 79);

    wc_buf_reset(buf);
    if (v.zero)
        wc_buf_puts(buf, "none (exactly zero)");
    else if (v.lead_known)
    {
        fmpq_t c;

        fmpq_init(c);
        wc_buf_printf(buf, "n^%ld", (long) v.lead);
        if (s->exact)
        {
            wc_series_get_coeff_fmpq(c, s, v.lead);
            wc_buf_puts(buf, ", coefficient ");
            wc_buf_put_fmpq(buf, c);
        }
        fmpq_clear(c);
    }
    else
        wc_buf_puts(buf, "undecided at this precision");
    printf("leading     %s\n", buf->str);

    wc_buf_reset(buf);
    if (b->zero)
        wc_buf_puts(buf, "exactly 0 (parity rule: odd number of tensors)");
    else
    {
        print_power(buf, v.bound);
        wc_buf_puts(buf, " (cluster-graph rule");
        if (net->param != WC_PARAM_NTK)
        {
            wc_buf_puts(buf, "; ");
            print_power(buf, b->exponent);
            wc_buf_puts(buf, net->param == WC_PARAM_MF
                ? " for ntk, times n^(-m/2) for mf"
                : " for ntk, times the fan-in n per contracted index");
        }
        wc_buf_puts(buf, ")");
    }
    printf("bound       ");
    wc_cli_wrap(stdout, buf->str, 12, 79);

    wc_buf_reset(buf);
    if (v.zero)
        wc_buf_puts(buf, b->zero ? "exactly zero"
                    : "exactly zero (the bound is not attained)");
    else if (!v.lead_known)
        wc_buf_puts(buf, "undecided (raise --prec)");
    else if (v.tight)
        wc_buf_puts(buf, "tight");
    else
    {
        wc_buf_printf(buf, "not tight: leading power n^%ld, bound ",
                      (long) v.lead);
        print_power(buf, v.bound);
    }
    printf("verdict     %s\n", buf->str);

    if (ms != NULL)
    {
        wc_buf_reset(buf);
        wc_mseries_print_buf(buf, ms);
        wc_buf_puts(buf, " (exact)");
        printf("widths      ");
        wc_cli_wrap(stdout, buf->str, 12, 79);
    }
    fmpq_clear(v.bound);
    wc_buf_clear(buf);
}

static void
print_json(const char * text, const wc_spec_t spec, const wc_net_t net,
           const wc_series_t s, const wc_mseries_t ms, const wc_bound_t b,
           double estimate, slong digits)
{
    exact_verdict v;
    wc_buf_t buf, tmp;
    wc_json_t j;
    char * str;
    slong i, k;

    wc_buf_init(buf);
    wc_buf_init(tmp);
    wc_json_init(j, buf);
    get_verdict(&v, s, b, spec, net);

    wc_json_begin_object(j);
    wc_json_key(j, "input");
    wc_json_string(j, text);
    str = wc_spec_get_str(spec);
    wc_json_key(j, "spec");
    wc_json_string(j, str);
    wc_free(str);
    str = wc_net_get_str(net);
    wc_json_key(j, "net");
    wc_json_string(j, str);
    wc_free(str);
    wc_json_key(j, "engine");
    wc_json_string(j, wc_exact_engine_name(wc_exact_choose(net)));
    wc_json_key(j, "connected");
    wc_json_bool(j, spec->connected);
    wc_json_key(j, "exact");
    wc_json_bool(j, s->exact);

    wc_json_key(j, "series");
    wc_json_begin_array(j);
    for (i = s->len - 1; i >= 0; i--)
    {
        if (s->exact ? fmpq_is_zero(s->q + i) : arb_is_zero(s->b + i))
            continue;
        wc_json_begin_object(j);
        wc_json_key(j, "power");
        wc_json_int(j, s->lo + i);
        wc_json_key(j, "coeff");
        if (s->exact)
            wc_json_fmpq(j, s->q + i);
        else
        {
            wc_buf_reset(tmp);
            wc_arb_print_buf(tmp, s->b + i, digits);
            wc_json_string(j, tmp->str);
        }
        wc_json_end_object(j);
    }
    wc_json_end_array(j);

    wc_json_key(j, "leading_power");
    if (v.lead_known)
        wc_json_int(j, v.lead);
    else
        wc_json_null(j);
    wc_json_key(j, "bound");
    wc_json_fmpq(j, v.bound);
    wc_json_key(j, "bound_ntk");
    wc_json_fmpq(j, b->exponent);
    wc_json_key(j, "bound_zero");
    wc_json_bool(j, b->zero);
    wc_json_key(j, "tight");
    wc_json_bool(j, v.tight);
    wc_json_key(j, "zero");
    wc_json_bool(j, v.zero);
    wc_json_key(j, "estimate");
    wc_json_double(j, estimate);

    if (ms != NULL)
    {
        wc_json_key(j, "widths_symbolic");
        wc_json_begin_array(j);
        for (i = 0; i < ms->length; i++)
        {
            wc_json_begin_object(j);
            wc_json_key(j, "exponents");
            wc_json_begin_array(j);
            for (k = 0; k < ms->nvars; k++)
                wc_json_int(j, ms->exps[i * ms->nvars + k]);
            wc_json_end_array(j);
            wc_json_key(j, "coeff");
            wc_json_fmpq(j, ms->coeffs + i);
            wc_json_end_object(j);
        }
        wc_json_end_array(j);
    }
    wc_json_end_object(j);

    printf("%s\n", buf->str);
    fmpq_clear(v.bound);
    wc_buf_clear(tmp);
    wc_buf_clear(buf);
}

int
wc_cmd_exact(int argc, char ** argv)
{
    const char * text = NULL, * net_text = NULL, * value;
    int json = 0, symbolic = 0, only_positional = 0, i, r, status;
    wc_cli_precision_struct p;
    slong digits;
    double max_memory = WC_EXACT_DEFAULT_MAX_MEMORY / 1073741824.0;
    wc_spec_t spec;
    wc_net_t net;
    wc_series_t s;
    wc_mseries_t ms;
    wc_bound_t b;
    wc_exact_options_t opt;
    wc_exact_linear_info_t info;
    wc_exact_deeppoly_info_t dinfo;
    double estimate;
    wc_error_t err;
    wc_status st;

    wc_cli_precision_init(&p);
    for (i = 1; i < argc; i++)
    {
        if (only_positional || !wc_cli_is_option(argv[i]))
        {
            if (text != NULL)
                return wc_cli_usage_error("exact", "one SPEC at a time; "
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
        if (strcmp(argv[i], "--widths-symbolic") == 0)
        {
            symbolic = 1;
            continue;
        }
        if ((r = wc_cli_take_value(&value, argc, argv, &i, "exact",
                                   "--net")) != 0)
        {
            if (r < 0)
                return WC_EXIT_INPUT;
            net_text = value;
            continue;
        }
        if ((r = wc_cli_take_value(&value, argc, argv, &i, "exact",
                                   "--max-memory")) != 0)
        {
            char * end;

            if (r < 0)
                return WC_EXIT_INPUT;
            max_memory = strtod(value, &end);
            if (end == value || *end != '\0' || !(max_memory > 0.0)
                || !(max_memory <= 1048576.0))
                return wc_cli_usage_error("exact", "--max-memory takes a "
                    "number of GiB above 0 and at most 1048576, not '%s'",
                    value);
            continue;
        }
        if ((r = wc_cli_precision_option(&p, argc, argv, &i, "exact",
                                         1)) != 0)
        {
            if (r < 0)
                return WC_EXIT_INPUT;
            continue;
        }
        return wc_cli_usage_error("exact", "unknown option '%s'", argv[i]);
    }
    if (text == NULL)
        return wc_cli_usage_error("exact", "missing SPEC");
    if (net_text == NULL)
        return wc_cli_usage_error("exact", "missing --net NET (for "
            "example --net hidden=2,act=linear)");
    if (wc_cli_precision_finish(&p, "exact", 128) != 0)
        return WC_EXIT_INPUT;
    digits = p.digits;

    wc_exact_options_init(opt);
    opt->max_terms = p.max_terms;
    opt->max_memory = max_memory * 1073741824.0;
    opt->prec = p.prec;

    wc_spec_init(spec);
    wc_net_init(net);
    wc_series_init(s);
    wc_error_init(err);
    if (wc_spec_parse(spec, text, err) != WC_OK)
    {
        status = wc_cli_fail("SPEC", err);
        goto cleanup_parse;
    }
    if (wc_net_parse(net, net_text, err) != WC_OK)
    {
        status = wc_cli_fail("NET", err);
        goto cleanup_parse;
    }
    wc_mseries_init(ms, net->hidden);

    if (symbolic && net->act != WC_ACT_LINEAR && net->act != WC_ACT_POLY)
    {
        wc_error_set(err, WC_ERR_UNSUPPORTED, -1, "--widths-symbolic needs "
                     "the deep linear or polynomial engine (act=linear or "
                     "act=poly(...)), NET has act=%s",
                     wc_act_name(net->act));
        status = wc_cli_fail("exact", err);
        goto cleanup;
    }

    /* the engines with a work estimate report it */
    estimate = 0.0;
    if (wc_exact_choose(net) == WC_EXACT_ENGINE_LINEAR)
    {
        /* act=poly(0,1) is the linear network */
        wc_net_t lin;

        wc_net_init(lin);
        wc_net_set(lin, net);
        lin->act = WC_ACT_LINEAR;
        st = wc_exact_linear(s, spec, lin, opt, info, err);
        estimate = info->estimate;
        wc_net_clear(lin);
    }
    else if (wc_exact_choose(net) == WC_EXACT_ENGINE_DEEPPOLY)
    {
        st = wc_exact_deeppoly(s, spec, net, opt, dinfo, err);
        estimate = dinfo->estimate;
    }
    else
        st = wc_exact_compute(s, spec, net, opt, err);
    if (st == WC_OK && symbolic)
    {
        if (net->act == WC_ACT_LINEAR)
            st = wc_exact_linear_widths(ms, spec, net, opt, NULL, err);
        else
            st = wc_exact_deeppoly_widths(ms, spec, net, opt, NULL, err);
    }
    if (st != WC_OK)
    {
        status = wc_cli_fail("exact", err);
        goto cleanup;
    }

    wc_bound_init(b);
    wc_bound_compute(b, spec);
    if (json)
        print_json(text, spec, net, s, symbolic ? ms : NULL, b,
                   estimate, digits);
    else
        print_text(text, spec, net, s, symbolic ? ms : NULL, b, digits);
    wc_bound_clear(b);
    status = WC_EXIT_OK;

cleanup:
    wc_mseries_clear(ms);
cleanup_parse:
    wc_series_clear(s);
    wc_net_clear(net);
    wc_spec_clear(spec);
    return status;
}
