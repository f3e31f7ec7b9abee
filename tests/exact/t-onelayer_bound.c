/* The exact leading power of E[SPEC] (or of a cumulant) never exceeds
   the cluster-graph bound, on random SPECs of up to eight tensors with a
   generic cubic activation, every parameterisation except standard (whose
   derivatives carry extra powers of n by definition); the count of tight
   cases is printed.  Odd specs must be exactly zero. */

#include "testutil.h"

int
main(void)
{
    wc_test_t t;
    wc_test_graph_t g;
    wc_spec_t spec;
    wc_net_t net;
    wc_series_t r;
    wc_exact_options_t opt;
    wc_error_t err;
    wc_bound_t bound;
    slong trial, tight = 0, nonzero = 0, lead;
    fmpq_t e;

    wc_test_init(t, "t-onelayer_bound");
    wc_test_graph_init(g, 1);
    wc_spec_init(spec);
    wc_net_init(net);
    wc_series_init(r);
    wc_bound_init(bound);
    fmpq_init(e);
    opt->prec = 64;
    opt->max_terms = 2000000;

    for (trial = 0; trial < wc_test_trials(t, 300); trial++)
    {
        char * text;
        const char * net_text = (trial % 3 == 0)
            ? "act=poly(1/3,1,-1/2,1/5),bias=1/2,din=2,x0=(1,2),x1=(-1,1)"
            : (trial % 3 == 1) ? "act=poly(0,1,0,1/7),param=mf"
                               : "act=poly(1,-1,1/2,1/3),x0=2,x1=-1/2";
        wc_status st;

        wc_test_graph_randtest(g, t, 8, 6, wc_test_randint(t, 0, 2) == 0);
        text = wc_test_graph_text(g);
        wc_error_init(err);
        if (wc_spec_parse(spec, text, err) != WC_OK
            || wc_net_parse(net, net_text, err) != WC_OK)
        {
            WC_CHECK(t, 0, "parse: %s", err->msg);
            flint_free(text);
            continue;
        }
        st = wc_exact_onelayer(r, spec, net, opt, NULL, err);
        if (st == WC_ERR_RANGE)
        {
            /* beyond the test's work bound: skip */
            flint_free(text);
            continue;
        }
        WC_CHECK(t, st == WC_OK, "'%s': %s", text, err->msg);
        wc_bound_compute(bound, spec);
        if (bound->zero)
            WC_CHECK(t, wc_series_is_zero(r), "'%s' should be zero", text);
        if (wc_series_leading_power(&lead, r) == 1)
        {
            fmpq_set_si(e, lead, 1);
            WC_CHECK(t, fmpq_cmp(e, bound->exponent) <= 0,
                     "'%s' with %s: leading power %ld above the bound",
                     text, net_text, (long) lead);
            nonzero++;
            tight += fmpq_equal(e, bound->exponent);
        }
        flint_free(text);
    }
    printf("%ld nonzero, %ld at the bound\n", (long) nonzero, (long) tight);
    WC_CHECK(t, nonzero >= 50 && tight >= 10, "too few informative cases");

    fmpq_clear(e);
    wc_bound_clear(bound);
    wc_series_clear(r);
    wc_net_clear(net);
    wc_spec_clear(spec);
    wc_test_graph_clear(g);
    return wc_test_finish(t);
}
