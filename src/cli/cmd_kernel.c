/* weakcorr kernel --net NET: the infinite-width NNGP and NTK kernels at
   the NET's inputs, exact or as certified balls. */

#include <math.h>
#include <string.h>

#include <flint/fmpq_mat.h>

#include "cli.h"

static const char help[] =
"usage: weakcorr kernel --net NET [--digits D | --prec BITS] [--json]\n"
"\n"
"The infinite-width kernels of the NET in the NTK parameterisation, at\n"
"every input the NET defines (x0, x1, ...; the all-ones input x when it\n"
"defines none):\n"
"  NNGP   K(x, x')     = lim E[f(x) f(x')]\n"
"  NTK    Theta(x, x') = lim sum_mu E[df(x)/dtheta_mu df(x')/dtheta_mu]\n"
"from the layer recursions K^1 = x.x'/din + beta^2,\n"
"K^(l+1) = E[s(u) s(u')] + beta^2, Theta^(l+1) = K^(l+1) +\n"
"Theta^l E[s'(u) s'(u')] with (u, u') ~ N(0, K^l), and no bias at the\n"
"output.  Linear and polynomial activations give exact rationals; the\n"
"others give balls guaranteed to contain the true values (closed forms\n"
"for sin and relu, certified integrals otherwise).  param=standard\n"
"(whose NTK grows with the width) and param=mf (whose kernels vanish)\n"
"are refused with exit status 2.\n"
"\n"
"  --net NET      the network (required), e.g. hidden=3,act=erf,x0=1,x1=-1\n"
"  --digits D     significant digits of the balls (default 20)\n"
"  --prec BITS    the same in bits\n"
"  --json         one JSON object: net, inputs (labels), exact, digits,\n"
"                 nngp and ntk (matrices of \"p/q\" or \"[mid +/- rad]\")\n"
"\n"
"Exit status: 0 on success, 1 for a malformed NET or option, 2 for a\n"
"request outside what is computed (see above).\n"
"\n"
"examples:\n"
"  weakcorr kernel --net hidden=2,act=relu,x0=1,x1=-1/2,bias=1/2\n"
"  weakcorr kernel --net hidden=3,act=tanh --digits 50\n";

static void
label_buf(wc_buf_t buf, slong label)
{
    if (label == WC_INPUT_DEFAULT)
        wc_buf_puts(buf, "x");
    else
        wc_buf_printf(buf, "x%ld", (long) label);
}

static void
entry_buf(wc_buf_t buf, int exact, const fmpq_mat_t q, const arb_mat_t b,
          slong i, slong j, slong digits)
{
    if (exact)
        wc_buf_put_fmpq(buf, fmpq_mat_entry(q, i, j));
    else
        wc_arb_print_buf(buf, arb_mat_entry(b, i, j), digits);
}

int
wc_cmd_kernel(int argc, char ** argv)
{
    const char * net_text = NULL, * value;
    slong prec, digits, p, i, j, k;
    wc_cli_precision_struct pr;
    int json = 0, exact, r, a;
    wc_net_t net;
    wc_error_t err;
    wc_status status;
    slong * labels;
    fmpq * x;
    fmpq_mat_t QK, QT;
    arb_mat_t BK, BT;
    wc_buf_t buf;

    wc_cli_precision_init(&pr);
    for (a = 1; a < argc; a++)
    {
        if (strcmp(argv[a], "--help") == 0 || strcmp(argv[a], "-h") == 0)
        {
            fputs(help, stdout);
            return WC_EXIT_OK;
        }
        if (strcmp(argv[a], "--json") == 0)
        {
            json = 1;
            continue;
        }
        if ((r = wc_cli_take_value(&value, argc, argv, &a, "kernel",
                                   "--net")) != 0)
        {
            if (r < 0)
                return WC_EXIT_INPUT;
            net_text = value;
            continue;
        }
        if ((r = wc_cli_precision_option(&pr, argc, argv, &a, "kernel",
                                         0)) != 0)
        {
            if (r < 0)
                return WC_EXIT_INPUT;
            continue;
        }
        if (wc_cli_is_option(argv[a]))
            return wc_cli_usage_error("kernel", "unknown option '%s'",
                                      argv[a]);
        return wc_cli_usage_error("kernel", "unexpected argument '%s' (the "
            "kernels take no SPEC)", argv[a]);
    }
    if (net_text == NULL)
        return wc_cli_usage_error("kernel", "missing --net NET");
    if (pr.prec > 0 && pr.digits > 0)
        return wc_cli_usage_error("kernel", "give --prec or --digits, not "
                                  "both");
    /* Unlike the series of the other commands, the kernels default to
       20 digits, and a precision in bits prints what 8 guard bits
       leave. */
    prec = pr.prec;
    digits = pr.digits;
    if (prec == 0)
        prec = (slong) ceil((digits > 0 ? digits : 20) * 3.3219280948873623)
               + 8;
    if (digits == 0)
        digits = FLINT_MAX(5, (slong) ((prec - 8) * 0.30103));

    wc_net_init(net);
    wc_error_init(err);
    if (wc_net_parse(net, net_text, err) != WC_OK)
    {
        wc_net_clear(net);
        return wc_cli_fail("NET", err);
    }

    /* the inputs: those the NET defines, else the default one */
    p = FLINT_MAX(net->ninputs, 1);
    labels = flint_malloc(p * sizeof(slong));
    x = _fmpq_vec_init(p * net->din);
    for (k = 0; k < p; k++)
    {
        labels[k] = net->ninputs > 0 ? net->input_label[k]
                                     : WC_INPUT_DEFAULT;
        wc_net_get_input(x + k * net->din, net, labels[k]);
    }

    exact = (net->act == WC_ACT_LINEAR || net->act == WC_ACT_POLY);
    fmpq_mat_init(QK, p, p);
    fmpq_mat_init(QT, p, p);
    arb_mat_init(BK, p, p);
    arb_mat_init(BT, p, p);
    if (exact)
        status = wc_gauss_kernel_fmpq(QK, QT, net, x, p, err);
    else
        status = wc_gauss_kernel(BK, BT, net, x, p, prec, err);

    wc_buf_init(buf);
    if (status != WC_OK)
        r = wc_cli_fail("kernel", err);
    else if (json)
    {
        wc_json_t js;
        char * s = wc_net_get_str(net);
        wc_buf_t tmp;

        wc_buf_init(tmp);
        wc_json_init(js, buf);
        wc_json_begin_object(js);
        wc_json_key(js, "net");
        wc_json_string(js, s);
        wc_free(s);
        wc_json_key(js, "inputs");
        wc_json_begin_array(js);
        for (k = 0; k < p; k++)
        {
            wc_buf_reset(tmp);
            label_buf(tmp, labels[k]);
            wc_json_string(js, tmp->str);
        }
        wc_json_end_array(js);
        wc_json_key(js, "exact");
        wc_json_bool(js, exact);
        wc_json_key(js, "digits");
        if (exact)
            wc_json_null(js);
        else
            wc_json_int(js, digits);
        for (k = 0; k < 2; k++)
        {
            wc_json_key(js, k == 0 ? "nngp" : "ntk");
            wc_json_begin_array(js);
            for (i = 0; i < p; i++)
            {
                wc_json_begin_array(js);
                for (j = 0; j < p; j++)
                {
                    wc_buf_reset(tmp);
                    entry_buf(tmp, exact, k == 0 ? QK : QT,
                              k == 0 ? BK : BT, i, j, digits);
                    wc_json_string(js, tmp->str);
                }
                wc_json_end_array(js);
            }
            wc_json_end_array(js);
        }
        wc_json_end_object(js);
        printf("%s\n", buf->str);
        wc_buf_clear(tmp);
        r = WC_EXIT_OK;
    }
    else
    {
        char * s = wc_net_get_str(net);

        printf("NET         %s\n", s);
        wc_free(s);
        for (k = 0; k < p; k++)
        {
            wc_buf_reset(buf);
            label_buf(buf, labels[k]);
            wc_buf_puts(buf, " = (");
            for (j = 0; j < net->din; j++)
            {
                if (j > 0)
                    wc_buf_puts(buf, ", ");
                wc_buf_put_fmpq(buf, x + k * net->din + j);
            }
            wc_buf_puts(buf, ")");
            printf("%-12s%s\n", k == 0 ? "inputs" : "", buf->str);
        }
        if (exact)
            printf("values      exact rationals, infinite width\n");
        else
            printf("values      balls with %ld significant digits, "
                   "infinite width\n", (long) digits);
        for (k = 0; k < 2; k++)
            for (i = 0; i < p; i++)
                for (j = i; j < p; j++)
                {
                    wc_buf_reset(buf);
                    wc_buf_puts(buf, k == 0 ? "K(" : "Theta(");
                    label_buf(buf, labels[i]);
                    wc_buf_puts(buf, ", ");
                    label_buf(buf, labels[j]);
                    wc_buf_puts(buf, ") = ");
                    entry_buf(buf, exact, k == 0 ? QK : QT,
                              k == 0 ? BK : BT, i, j, digits);
                    printf("%-12s", (i == 0 && j == 0)
                           ? (k == 0 ? "NNGP" : "NTK") : "");
                    wc_cli_wrap(stdout, buf->str, 12, 79);
                }
        r = WC_EXIT_OK;
    }

    wc_buf_clear(buf);
    fmpq_mat_clear(QK);
    fmpq_mat_clear(QT);
    arb_mat_clear(BK);
    arb_mat_clear(BT);
    _fmpq_vec_clear(x, p * net->din);
    flint_free(labels);
    wc_net_clear(net);
    return r;
}
