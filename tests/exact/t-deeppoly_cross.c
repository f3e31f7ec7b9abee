/* The deep polynomial engine against the other exact engines, on random
   SPECs larger than the brute force reaches: the deep linear engine for
   act=linear and act=poly(0,1) at every depth (in n and in n_1..n_H),
   the one-hidden-layer engine for random polynomial activations at
   hidden=1; and its own univariate and multivariate results at equal
   widths, for random deep polynomial networks. */

#include <string.h>

#include "testutil.h"

static void
random_net(wc_net_t net, wc_test_t t, slong H, slong deg)
{
    wc_net_clear(net);
    wc_net_init(net);
    net->hidden = H;
    net->param = (wc_param_kind) wc_test_randint(t, 0, WC_PARAM_COUNT - 1);
    net->din = wc_test_randint(t, 1, 3);
    switch (wc_test_randint(t, 0, 3))
    {
        case 0: fmpq_set_si(net->bias, 1, 2); break;
        case 1: fmpq_set_si(net->bias, -2, 3); break;
        default: fmpq_zero(net->bias); break;
    }
    if (deg < 0)
        net->act = WC_ACT_LINEAR;
    else
        wc_test_net_random_poly(net, t, deg);
    wc_test_net_random_inputs(net, t, 3);
}

/* poly(0,1): the identity as a polynomial */
static void
make_identity_poly(wc_net_t net)
{
    net->act = WC_ACT_POLY;
    if (net->poly_len > 0)
        _fmpq_vec_clear(net->poly, net->poly_len);
    net->poly_len = 2;
    net->poly = _fmpq_vec_init(2);
    fmpq_one(net->poly + 1);
}

int
main(void)
{
    wc_test_t t;
    wc_test_graph_t g;
    wc_spec_t spec;
    wc_net_t net;
    wc_series_t a, b, c;
    wc_mseries_t ma, mb;
    wc_exact_options_t opt;
    wc_error_t err;
    slong trial, linear = 0, onelayer = 0, equal = 0, refused = 0;

    wc_test_init(t, "t-deeppoly_cross");
    wc_test_graph_init(g, 1);
    wc_spec_init(spec);
    wc_net_init(net);
    wc_series_init(a);
    wc_series_init(b);
    wc_series_init(c);
    wc_mseries_init(ma, 1);
    wc_mseries_init(mb, 1);
    wc_exact_options_init(opt);
    opt->max_terms = 5000000;

    /* the deep linear engine, act=linear and act=poly(0,1) */
    for (trial = 0; trial < wc_test_trials(t, 60); trial++)
    {
        slong H = wc_test_randint(t, 1, 4);
        slong m = 2 * wc_test_randint(t, 1, 3);
        char * text;
        int poly = wc_test_randint(t, 0, 1);
        wc_status s1, s2;

        wc_test_graph_random(g, t, m, (m == 6) ? 3 : 4, 6, 2,
                             wc_test_randint(t, 0, 3) == 0);
        text = wc_test_graph_text(g);
        random_net(net, t, H, -1);
        wc_error_init(err);
        if (wc_spec_parse(spec, text, err) != WC_OK)
        {
            WC_CHECK(t, 0, "'%s' does not parse: %s", text, err->msg);
            flint_free(text);
            continue;
        }
        s1 = wc_exact_linear(a, spec, net, opt, NULL, err);
        WC_CHECK(t, s1 == WC_OK, "linear engine: %s", err->msg);
        if (poly)
            make_identity_poly(net);
        s2 = wc_exact_deeppoly(b, spec, net, opt, NULL, err);
        if (s2 == WC_ERR_RANGE)
            refused++;
        else
        {
            WC_CHECK(t, s2 == WC_OK, "deep polynomial engine: %s",
                     err->msg);
            if (s1 == WC_OK && s2 == WC_OK)
            {
                char * ns = wc_net_get_str(net);

                WC_CHECK(t, wc_series_equal(a, b), "'%s' on %s: linear "
                         "and deep polynomial engines differ", text, ns);
                wc_free(ns);
                linear++;
            }
        }
        if (H <= 3 && m <= 4 && s2 == WC_OK)
        {
            /* distinct widths */
            if (poly)
            {
                net->act = WC_ACT_LINEAR;
                s1 = wc_exact_linear_widths(ma, spec, net, opt, NULL, err);
                make_identity_poly(net);
            }
            else
                s1 = wc_exact_linear_widths(ma, spec, net, opt, NULL, err);
            s2 = wc_exact_deeppoly_widths(mb, spec, net, opt, NULL, err);
            WC_CHECK(t, s1 == WC_OK && s2 == WC_OK, "widths: %s",
                     err->msg);
            if (s1 == WC_OK && s2 == WC_OK)
                WC_CHECK(t, wc_mseries_equal(ma, mb), "'%s': linear and "
                         "deep polynomial engines differ in n_1..n_H",
                         text);
        }
        flint_free(text);
    }

    /* the one-hidden-layer engine, random polynomial activations */
    for (trial = 0; trial < wc_test_trials(t, 60); trial++)
    {
        slong m = 2 * wc_test_randint(t, 1, 3);
        slong deg = wc_test_randint(t, 0, 3);
        char * text;
        wc_status s1, s2;

        wc_test_graph_random(g, t, m, 3, 6, 2, wc_test_randint(t, 0, 3) == 0);
        text = wc_test_graph_text(g);
        random_net(net, t, 1, deg);
        wc_error_init(err);
        if (wc_spec_parse(spec, text, err) != WC_OK)
        {
            WC_CHECK(t, 0, "'%s' does not parse: %s", text, err->msg);
            flint_free(text);
            continue;
        }
        s1 = wc_exact_onelayer(a, spec, net, opt, NULL, err);
        WC_CHECK(t, s1 == WC_OK, "one-layer engine: %s", err->msg);
        s2 = wc_exact_deeppoly(b, spec, net, opt, NULL, err);
        if (s2 == WC_ERR_RANGE)
            refused++;
        else if (s1 == WC_OK)
        {
            char * ns = wc_net_get_str(net);

            WC_CHECK(t, s2 == WC_OK, "deep polynomial engine: %s",
                     err->msg);
            WC_CHECK(t, wc_series_equal(a, b), "'%s' on %s: one-layer and "
                     "deep polynomial engines differ", text, ns);
            wc_free(ns);
            onelayer++;
        }
        flint_free(text);
    }

    /* equal widths, and the dispatcher, on deep polynomial networks */
    for (trial = 0; trial < wc_test_trials(t, 30); trial++)
    {
        slong H = wc_test_randint(t, 2, 3);
        slong m = 2 * wc_test_randint(t, 1, 2);
        char * text;
        wc_status s1, s2, s3;

        wc_test_graph_random(g, t, m, 3, 6, 2, wc_test_randint(t, 0, 3) == 0);
        text = wc_test_graph_text(g);
        random_net(net, t, H, wc_test_randint(t, 1, H == 3 ? 2 : 3));
        wc_error_init(err);
        if (wc_spec_parse(spec, text, err) != WC_OK)
        {
            WC_CHECK(t, 0, "'%s' does not parse: %s", text, err->msg);
            flint_free(text);
            continue;
        }
        s1 = wc_exact_deeppoly(a, spec, net, opt, NULL, err);
        s2 = wc_exact_deeppoly_widths(ma, spec, net, opt, NULL, err);
        s3 = wc_exact_compute(c, spec, net, opt, err);
        if (s1 == WC_ERR_RANGE || s2 == WC_ERR_RANGE)
            refused++;
        else
        {
            WC_CHECK(t, s1 == WC_OK && s2 == WC_OK && s3 == WC_OK, "%s: %s",
                     text, err->msg);
            wc_mseries_get_series(b, ma);
            WC_CHECK(t, wc_series_equal(a, b), "'%s': n and n_1..n_H "
                     "differ at equal widths", text);
            WC_CHECK(t, wc_series_equal(a, c), "'%s': the dispatcher "
                     "differs", text);
            equal++;
        }
        flint_free(text);
    }

    printf("%ld against the linear engine, %ld against the one-layer "
           "engine, %ld at equal widths, %ld refused by the work bound\n",
           (long) linear, (long) onelayer, (long) equal, (long) refused);
    WC_CHECK(t, refused <= wc_test_trials(t, 25), "too many refused (%ld)",
             (long) refused);

    wc_series_clear(a);
    wc_series_clear(b);
    wc_series_clear(c);
    wc_mseries_clear(ma);
    wc_mseries_clear(mb);
    wc_net_clear(net);
    wc_spec_clear(spec);
    wc_test_graph_clear(g);
    return wc_test_finish(t);
}
