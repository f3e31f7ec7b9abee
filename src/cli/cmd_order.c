/* weakcorr order SPEC [--json]: the cluster-graph bound with its
   derivation. */

#include <string.h>

#include "cli.h"

static const char help[] =
"usage: weakcorr order SPEC [--json]\n"
"\n"
"Derives the width order of the correlation function SPEC by the\n"
"cluster-graph rule: m tensors, their clusters (tensors joined by shared\n"
"indices), n_e even and n_o odd clusters, and the exponent\n"
"s = n_e + n_o/2 - m/2 with E[SPEC] = O(n^s).  For var(...) and cum(...)\n"
"only diagrams joining every argument count.  An odd number of tensors\n"
"gives exactly zero.  Exponents are exact rationals.\n"
"\n"
"  --json    one JSON object: spec, m, n_even, n_odd, exponent, zero,\n"
"            clusters (0-based tensor positions), edges, groups, parts,\n"
"            links_paid, order, derivation\n"
"\n"
"examples:\n"
"  weakcorr order 'f_a f_b f_ab f'\n"
"  weakcorr order 'var(ntk)'\n"
"  weakcorr order '|C[1,2]|^2' --json\n";

static void
print_text(const wc_spec_t spec, const wc_bound_t b, const char * text)
{
    const wc_cluster_graph_struct * g = b->graph;
    char * canon = wc_spec_get_str(spec);
    char * why = wc_bound_explain(b, spec);
    char * exp = fmpq_get_str(NULL, 10, b->exponent);
    wc_buf_t buf;
    slong c, i;

    wc_buf_init(buf);
    printf("SPEC        %s\n", text);
    if (strcmp(canon, text) != 0)
        printf("expanded    %s\n", canon);
    printf("tensors     m = %ld\n", (long) g->m);
    printf("clusters    %ld\n", (long) g->ncomp);
    for (c = 0; c < g->ncomp; c++)
    {
        printf("  %-4s size %ld  ", g->size[c] % 2 ? "odd" : "even",
               (long) g->size[c]);
        wc_buf_reset(buf);
        for (i = g->first[c]; i < g->first[c + 1]; i++)
        {
            wc_buf_printf(buf, i > g->first[c] ? " %ld:" : "%ld:",
                          (long) g->member[i]);
            wc_spec_print_factor_buf(buf, spec, g->member[i]);
        }
        printf("%s\n", buf->str);
    }
    printf("n_e, n_o    %ld, %ld\n", (long) g->n_even, (long) g->n_odd);
    if (b->ngroups >= 2)
        printf("cumulant    %ld arguments in %ld parts, %ld join%s paid\n",
               (long) b->ngroups, (long) b->nparts, (long) b->links_paid,
               b->links_paid == 1 ? "" : "s");
    printf("exponent    %s (exact)\n", exp);
    if (b->zero)
        printf("result      exactly 0 (%s)\n",
               fmpq_is_zero(spec->coeff) ? "zero coefficient"
                                         : "parity rule: m is odd");
    else
    {
        wc_order_t ord;
        char * o;

        wc_order_init(ord);
        wc_bound_get_order(ord, b);
        o = wc_order_get_str(ord);
        printf("result      %s = %s\n",
               spec->connected ? "the cumulant" : "E[SPEC]", o);
        wc_free(o);
        wc_order_clear(ord);
    }
    printf("derivation  ");
    wc_cli_wrap(stdout, why, 12, 79);

    wc_buf_clear(buf);
    flint_free(exp);
    wc_free(why);
    wc_free(canon);
}

static void
print_json(const wc_spec_t spec, const wc_bound_t b, const char * text)
{
    const wc_cluster_graph_struct * g = b->graph;
    wc_buf_t buf;
    wc_json_t j;
    wc_order_t ord;
    char * s;
    slong c, i;

    wc_buf_init(buf);
    wc_json_init(j, buf);
    wc_order_init(ord);

    wc_json_begin_object(j);
    wc_json_key(j, "input");
    wc_json_string(j, text);
    s = wc_spec_get_str(spec);
    wc_json_key(j, "spec");
    wc_json_string(j, s);
    wc_free(s);
    wc_json_key(j, "coefficient");
    wc_json_fmpq(j, spec->coeff);
    wc_json_key(j, "m");
    wc_json_int(j, g->m);
    wc_json_key(j, "n_even");
    wc_json_int(j, g->n_even);
    wc_json_key(j, "n_odd");
    wc_json_int(j, g->n_odd);
    wc_json_key(j, "exponent");
    wc_json_fmpq(j, b->exponent);
    wc_json_key(j, "zero");
    wc_json_bool(j, b->zero);

    wc_json_key(j, "clusters");
    wc_json_begin_array(j);
    for (c = 0; c < g->ncomp; c++)
    {
        wc_json_begin_array(j);
        for (i = g->first[c]; i < g->first[c + 1]; i++)
            wc_json_int(j, g->member[i]);
        wc_json_end_array(j);
    }
    wc_json_end_array(j);

    wc_json_key(j, "edges");
    wc_json_begin_array(j);
    for (i = 0; i < g->nedges; i++)
    {
        wc_json_begin_array(j);
        wc_json_int(j, g->edge[2 * i]);
        wc_json_int(j, g->edge[2 * i + 1]);
        wc_json_end_array(j);
    }
    wc_json_end_array(j);

    wc_json_key(j, "connected");
    wc_json_bool(j, spec->connected);
    wc_json_key(j, "groups");
    wc_json_int(j, b->ngroups);
    wc_json_key(j, "parts");
    wc_json_int(j, b->nparts);
    wc_json_key(j, "links_paid");
    wc_json_int(j, b->links_paid);

    wc_bound_get_order(ord, b);
    s = wc_order_get_str(ord);
    wc_json_key(j, "order");
    wc_json_string(j, s);
    wc_free(s);
    s = wc_bound_explain(b, spec);
    wc_json_key(j, "derivation");
    wc_json_string(j, s);
    wc_free(s);
    wc_json_end_object(j);

    printf("%s\n", buf->str);
    wc_order_clear(ord);
    wc_buf_clear(buf);
}

int
wc_cmd_order(int argc, char ** argv)
{
    const char * text = NULL;
    int json = 0, i, only_positional = 0;
    wc_spec_t spec;
    wc_bound_t b;
    wc_error_t err;

    for (i = 1; i < argc; i++)
    {
        if (!only_positional && wc_cli_is_option(argv[i]))
        {
            if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0)
            {
                fputs(help, stdout);
                return WC_EXIT_OK;
            }
            if (strcmp(argv[i], "--json") == 0)
                json = 1;
            else if (strcmp(argv[i], "--") == 0)
                only_positional = 1;
            else
                return wc_cli_usage_error("order", "unknown option '%s'",
                                          argv[i]);
        }
        else if (text == NULL)
            text = argv[i];
        else
            return wc_cli_usage_error("order", "one SPEC at a time; "
                "quote it so that the shell passes it as one argument");
    }
    if (text == NULL)
        return wc_cli_usage_error("order", "missing SPEC");

    wc_spec_init(spec);
    wc_error_init(err);
    if (wc_spec_parse(spec, text, err) != WC_OK)
    {
        wc_spec_clear(spec);
        return wc_cli_fail("SPEC", err);
    }

    wc_bound_init(b);
    wc_bound_compute(b, spec);
    if (json)
        print_json(spec, b, text);
    else
        print_text(spec, b, text);

    wc_bound_clear(b);
    wc_spec_clear(spec);
    return WC_EXIT_OK;
}
