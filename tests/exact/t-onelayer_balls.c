/* One hidden layer with non-polynomial activations on random SPECs:
   the balls at 64 and 128 bits must overlap coefficient by coefficient,
   the 128-bit ones be narrower; both routes (neuron partitions and
   subsets) must overlap; a certain leading power must not exceed the
   cluster-graph bound (except in the standard parameterisation, whose
   derivatives carry extra powers of n); exact zeros must agree between
   precisions. */

#include "testutil.h"

int
main(void)
{
    wc_test_t t;
    wc_test_graph_t g;
    wc_spec_t spec;
    wc_net_t net;
    wc_series_t lo, hi, sub;
    wc_exact_options_t opt;
    wc_error_t err;
    wc_bound_t bound;
    slong trial, k, certain = 0;
    static const char * nets[] =
    {
        "act=tanh", "act=erf,bias=1/2", "act=sigmoid,param=standard",
        "act=gelu", "act=softplus,param=mf", "act=sin,bias=1",
        "act=relu,param=standard", "act=tanh,bias=1/3",
        /* two inputs, closed forms */
        "act=sin,din=2,x0=(1,1/2),x1=(-1,1)",
        "act=relu,din=2,bias=1/2,x0=(1,0),x1=(1,-2)"
    };

    wc_test_init(t, "t-onelayer_balls");
    wc_test_graph_init(g, 1);
    wc_spec_init(spec);
    wc_net_init(net);
    wc_series_init(lo);
    wc_series_init(hi);
    wc_series_init(sub);
    wc_bound_init(bound);
    opt->max_terms = 1000000;

    for (trial = 0; trial < wc_test_trials(t, 40); trial++)
    {
        slong which = trial % 10, lead;
        char * text;
        int lc;

        wc_test_graph_random(g, t, 2 * wc_test_randint(t, 1, 2), 4, 8,
                             which >= 8 ? 1 : -1,
                             wc_test_randint(t, 0, 2) == 0);
        text = wc_test_graph_text(g);
        wc_error_init(err);
        if (wc_spec_parse(spec, text, err) != WC_OK
            || wc_net_parse(net, nets[which], err) != WC_OK)
        {
            WC_CHECK(t, 0, "parse: %s", err->msg);
            flint_free(text);
            continue;
        }

        opt->prec = 64;
        WC_CHECK(t, wc_exact_onelayer_method(lo, spec, net, opt,
                     WC_ONELAYER_PARTITIONS, NULL, err) == WC_OK,
                 "'%s' with %s: %s", text, nets[which], err->msg);
        WC_CHECK(t, wc_exact_onelayer_method(sub, spec, net, opt,
                     WC_ONELAYER_SUBSETS, NULL, err) == WC_OK,
                 "'%s' with %s (subsets): %s", text, nets[which], err->msg);
        opt->prec = 128;
        WC_CHECK(t, wc_exact_onelayer_method(hi, spec, net, opt,
                     WC_ONELAYER_PARTITIONS, NULL, err) == WC_OK,
                 "'%s' with %s: %s", text, nets[which], err->msg);

        WC_CHECK(t, wc_series_overlaps(lo, hi) && wc_series_overlaps(lo, sub),
                 "'%s' with %s: balls do not overlap", text, nets[which]);
        for (k = hi->lo; k < hi->lo + hi->len; k++)
        {
            arb_t a, b;

            arb_init(a);
            arb_init(b);
            wc_series_get_coeff_arb(a, lo, k, 128);
            wc_series_get_coeff_arb(b, hi, k, 128);
            WC_CHECK(t, arb_is_zero(a) == arb_is_zero(b)
                     && (arb_is_exact(b)
                         || mag_cmp(arb_radref(b), arb_radref(a)) < 0),
                     "'%s' with %s: n^%ld not narrower at 128 bits",
                     text, nets[which], (long) k);
            arb_clear(a);
            arb_clear(b);
        }

        wc_bound_compute(bound, spec);
        lc = wc_series_leading_power(&lead, hi);
        if (bound->zero)
            WC_CHECK(t, lc == 0, "'%s': bound says zero", text);
        /* the rule is about the NTK and mean-field scalings; standard
           derivatives carry extra powers of n */
        if (lc == 1 && net->param != WC_PARAM_STANDARD)
        {
            fmpq_t e;

            fmpq_init(e);
            fmpq_set_si(e, lead, 1);
            WC_CHECK(t, fmpq_cmp(e, bound->exponent) <= 0,
                     "'%s' with %s: leading power %ld above the bound",
                     text, nets[which], (long) lead);
            fmpq_clear(e);
            certain++;
        }
        flint_free(text);
    }
    printf("%ld series with a certain leading power\n", (long) certain);

    wc_bound_clear(bound);
    wc_series_clear(lo);
    wc_series_clear(hi);
    wc_series_clear(sub);
    wc_net_clear(net);
    wc_spec_clear(spec);
    wc_test_graph_clear(g);
    return wc_test_finish(t);
}
