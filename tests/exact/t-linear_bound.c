/* The deep linear engine and the cluster-graph rule: on random SPECs
   (deeper and larger than the brute force reaches) the leading power of
   the exact series never exceeds the bound of wc_bound_compute (carried
   over to the parameterisation by wc_exact_bound_param), the
   parity rule's zeros are exact zeros, and the work estimate bounds the
   work done.  Prints how often the bound is tight. */

#include <string.h>

#include "testutil.h"

static slong tight, loose, zeros, extra_zeros;

static void
compare(wc_test_t t, const char * spec_text, const char * net_text,
        int expect_tight)
{
    wc_spec_t spec;
    wc_net_t net;
    wc_series_t s;
    wc_bound_t b;
    wc_exact_options_t opt;
    wc_exact_linear_info_t info;
    wc_error_t err;
    wc_status st;
    slong lead;
    fmpq_t e;

    wc_spec_init(spec);
    wc_net_init(net);
    wc_series_init(s);
    wc_bound_init(b);
    wc_exact_options_init(opt);
    wc_error_init(err);
    fmpq_init(e);

    if (wc_spec_parse(spec, spec_text, err) != WC_OK
        || wc_net_parse(net, net_text, err) != WC_OK)
    {
        WC_CHECK(t, 0, "parse: %s | %s: %s", spec_text, net_text, err->msg);
        goto cleanup;
    }
    st = wc_exact_linear(s, spec, net, opt, info, err);
    WC_CHECK(t, st == WC_OK, "%s | %s: %s", spec_text, net_text, err->msg);
    if (st != WC_OK)
        goto cleanup;
    WC_CHECK(t, (double) info->operations <= info->estimate,
             "%s | %s: %ld operations above the estimate %g", spec_text,
             net_text, (long) info->operations, info->estimate);

    wc_bound_compute(b, spec);
    wc_exact_bound_param(b->exponent, b->exponent, spec, net->param);
    if (b->zero)
    {
        WC_CHECK(t, wc_series_is_zero(s), "%s | %s: parity zero but the "
                 "series is not", spec_text, net_text);
        zeros++;
    }
    else if (wc_series_leading_power(&lead, s) == 0)
        extra_zeros++;
    else
    {
        fmpq_set_si(e, lead, 1);
        WC_CHECK(t, fmpq_cmp(e, b->exponent) <= 0, "%s | %s: leading power "
                 "%ld above the cluster-graph bound", spec_text, net_text,
                 (long) lead);
        if (fmpq_equal(e, b->exponent))
            tight++;
        else
            loose++;
        if (expect_tight >= 0)
            WC_CHECK(t, fmpq_equal(e, b->exponent) == expect_tight,
                     "%s | %s: tightness %d expected", spec_text, net_text,
                     expect_tight);
    }

cleanup:
    fmpq_clear(e);
    wc_bound_clear(b);
    wc_series_clear(s);
    wc_net_clear(net);
    wc_spec_clear(spec);
}

int
main(void)
{
    wc_test_t t;
    wc_test_graph_t g;
    slong trial, H;
    char net[128];

    wc_test_init(t, "t-linear_bound");

    /* Known cases: the tangent kernel and its fluctuations are tight; the
       Hessian-cubed correlator sum f_a f_b f_c f_abc is O(1/n^2) for
       linear networks although the rule allows O(1/n). */
    for (H = 1; H <= 4; H++)
    {
        sprintf(net, "hidden=%ld,act=linear", (long) H);
        compare(t, "ntk", net, 1);
        compare(t, "var(ntk)", net, 1);
        compare(t, "f_a f_b f_ab f", net, 1);
        compare(t, "f_a f_b f_ab f_c f_d f_cd", net, -1);
        compare(t, "C[0,3]^2", net, -1);
        compare(t, "|C[1,2]|^2", net, -1);
        if (H >= 2)
            compare(t, "f_a f_b f_c f_abc", net, 0);
        /* mean-field shifts both sides by -m/2; standard attains s + k
           for the tangent kernel (every index outside layer 1 brings n) */
        sprintf(net, "hidden=%ld,act=linear,param=mf", (long) H);
        compare(t, "var(ntk)", net, 1);
        sprintf(net, "hidden=%ld,act=linear,param=standard", (long) H);
        compare(t, "ntk", net, 1);
    }

    wc_test_graph_init(g, 1);
    for (trial = 0; trial < wc_test_trials(t, 200); trial++)
    {
        char * text;

        H = wc_test_randint(t, 1, 5);
        wc_test_graph_randtest(g, t, 8, 6, n_randint(t->state, 3) == 0);
        text = wc_test_graph_text(g);
        sprintf(net, "hidden=%ld,act=linear,din=2,x1=(1,-1),x2=(2,1/2)%s%s",
                (long) H, n_randint(t->state, 3) == 0 ? ",bias=1" : "",
                n_randint(t->state, 3) == 0 ? ",param=standard"
                : n_randint(t->state, 2) ? ",param=mf" : "");
        compare(t, text, net, -1);
        flint_free(text);
    }
    wc_test_graph_clear(g);

    printf("bound tight %ld times, not tight %ld times; parity zeros %ld, "
           "other exact zeros %ld\n", (long) tight, (long) loose,
           (long) zeros, (long) extra_zeros);
    WC_CHECK(t, tight > 0 && loose > 0, "both outcomes occur");
    return wc_test_finish(t);
}
