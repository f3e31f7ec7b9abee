/* The deep polynomial engine and the cluster-graph rule: on random SPECs
   (up to eight tensors, depths 2 to 4, activations of degree 1 to 3,
   biases, every parameterisation) the leading power of the exact series
   never exceeds the bound of wc_bound_compute carried over to the
   parameterisation, and the parity zeros are exact zeros.  Prints how
   often the bound is tight, and how the a-priori work estimate compares
   with the work done (its median ratio must lie within a factor of 10;
   the engine enforces the bound on the work done in any case).  On deep
   networks, where the growth of the work per layer itself grows, the
   estimate must be within a factor of 3 of the work done: E[f^2] at
   seven hidden layers of z + z^2 and Theta at four of z + z^3 (the
   estimate from two pilots alone was low by 80 and 9 times there). */

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "testutil.h"

static int
cmp_double(const void * a, const void * b)
{
    double x = *(const double *) a, y = *(const double *) b;

    return (x > y) - (x < y);
}

/* Estimate / work done of SPEC on NET under the default work bound. */
static double
deep_ratio(wc_test_t t, const char * spec_text, const char * net_text)
{
    wc_spec_t spec;
    wc_net_t net;
    wc_series_t s;
    wc_exact_options_t opt;
    wc_exact_deeppoly_info_t info;
    wc_error_t err;
    double r = 0.0;

    wc_spec_init(spec);
    wc_net_init(net);
    wc_series_init(s);
    wc_exact_options_init(opt);
    if (wc_spec_parse(spec, spec_text, err) == WC_OK
        && wc_net_parse(net, net_text, err) == WC_OK
        && wc_exact_deeppoly(s, spec, net, opt, info, err) == WC_OK)
    {
        r = info->estimate / info->operations;
        printf("%s | %s: estimate %.3g, work done %.3g\n", spec_text,
               net_text, info->estimate, info->operations);
    }
    else
        WC_CHECK(t, 0, "%s | %s: %s", spec_text, net_text, err->msg);
    wc_series_clear(s);
    wc_net_clear(net);
    wc_spec_clear(spec);
    return r;
}

int
main(void)
{
    wc_test_t t;
    wc_test_graph_t g;
    wc_spec_t spec;
    wc_net_t net;
    wc_series_t s;
    wc_bound_t b;
    wc_exact_options_t opt;
    wc_exact_deeppoly_info_t info;
    wc_error_t err;
    slong trial, ntrials, tight = 0, loose = 0, zeros = 0, extra = 0;
    slong refused = 0, nratio = 0;
    double * ratio;
    fmpq_t e;

    wc_test_init(t, "t-deeppoly_bound");
    wc_test_graph_init(g, 1);
    wc_spec_init(spec);
    wc_net_init(net);
    wc_series_init(s);
    wc_bound_init(b);
    wc_exact_options_init(opt);
    opt->max_terms = 3000000;
    fmpq_init(e);

    ntrials = wc_test_trials(t, 120);
    ratio = flint_malloc(ntrials * sizeof(double));
    for (trial = 0; trial < ntrials; trial++)
    {
        slong H = wc_test_randint(t, 2, 4), m, np, k, grp = 0, deg;
        int connected = wc_test_randint(t, 0, 3) == 0;
        char * text, * ns;
        wc_status st;
        slong lead;

        /* bigger specs at small depth and degree */
        m = 2 * wc_test_randint(t, 1, (H == 2) ? 4 : 2);
        if (wc_test_randint(t, 0, 7) == 0)
            m--;   /* now and then an odd number: exactly zero */
        deg = wc_test_randint(t, 1, (H == 4 || m > 4) ? 2 : 3);
        wc_test_graph_clear(g);
        wc_test_graph_init(g, m);
        np = wc_test_randint(t, 0, FLINT_MIN(m + 1, 5));
        for (k = 0; k < np; k++)
        {
            slong a = wc_test_randint(t, 0, m - 1);
            slong c = (m == 1 || wc_test_randint(t, 0, 5) == 0)
                      ? a : (a + wc_test_randint(t, 1, m - 1)) % m;

            wc_test_graph_add_pair(g, a, c);
        }
        for (k = 0; k < m; k++)
        {
            g->input[k] = -1;
            if (connected && k > 0 && wc_test_randint(t, 0, 1) == 0)
                grp++;
            g->group[k] = connected ? grp : 0;
        }
        g->connected = connected;
        text = wc_test_graph_text(g);

        wc_net_clear(net);
        wc_net_init(net);
        net->hidden = H;
        net->param = (wc_param_kind) wc_test_randint(t, 0, 2);
        if (wc_test_randint(t, 0, 2) == 0)
            fmpq_set_si(net->bias, 1, 2);
        net->act = WC_ACT_POLY;
        net->poly_len = deg + 1;
        net->poly = _fmpq_vec_init(deg + 1);
        /* generic coefficients: no accidental cancellation */
        for (k = 0; k <= deg; k++)
            fmpq_set_si(net->poly + k, wc_test_randint(t, 1, 5) *
                        (wc_test_randint(t, 0, 1) ? 1 : -1),
                        wc_test_randint(t, 1, 3));
        ns = wc_net_get_str(net);

        wc_error_init(err);
        if (wc_spec_parse(spec, text, err) != WC_OK)
        {
            WC_CHECK(t, 0, "'%s' does not parse: %s", text, err->msg);
            goto next;
        }
        st = wc_exact_deeppoly(s, spec, net, opt, info, err);
        if (st == WC_ERR_RANGE)
        {
            refused++;
            goto next;
        }
        WC_CHECK(t, st == WC_OK, "%s | %s: %s", text, ns, err->msg);
        if (st != WC_OK)
            goto next;
        if (info->operations > 1000.0 && info->estimate > 0.0)
            ratio[nratio++] = info->estimate / info->operations;

        wc_bound_compute(b, spec);
        wc_exact_bound_param(b->exponent, b->exponent, spec, net->param);
        if (b->zero)
        {
            WC_CHECK(t, wc_series_is_zero(s), "%s | %s: parity zero but "
                     "the series is not", text, ns);
            zeros++;
        }
        else if (wc_series_leading_power(&lead, s) == 0)
            extra++;   /* e.g. traces on an affine activation */
        else
        {
            fmpq_set_si(e, lead, 1);
            WC_CHECK(t, fmpq_cmp(e, b->exponent) <= 0, "%s | %s: leading "
                     "power %ld above the cluster-graph bound", text, ns,
                     (long) lead);
            if (fmpq_equal(e, b->exponent))
                tight++;
            else
                loose++;
        }

    next:
        wc_free(ns);
        flint_free(text);
    }

    printf("bound tight in %ld, not tight in %ld nonzero cases; %ld parity "
           "zeros, %ld other zeros, %ld refused by the work bound\n",
           (long) tight, (long) loose, (long) zeros, (long) extra,
           (long) refused);
    WC_CHECK(t, tight + loose >= ntrials / 3, "too few nonzero cases");
    if (nratio > 0)
    {
        qsort(ratio, nratio, sizeof(double), cmp_double);
        printf("estimate / work done over %ld runs: min %.3g, median %.3g, "
               "max %.3g\n", (long) nratio, ratio[0], ratio[nratio / 2],
               ratio[nratio - 1]);
        WC_CHECK(t, ratio[nratio / 2] > 0.1 && ratio[nratio / 2] < 10.0,
                 "median estimate / work %g", ratio[nratio / 2]);
    }

    {
        static const char * deep[][2] = {
            { "f f", "hidden=7,act=poly(0,1,1)" },
            { "ntk", "hidden=4,act=poly(0,1,0,1)" },
        };
        size_t i;

        for (i = 0; i < sizeof(deep) / sizeof(deep[0]); i++)
        {
            double r = deep_ratio(t, deep[i][0], deep[i][1]);

            WC_CHECK(t, r > 1.0 / 3.0 && r < 3.0, "%s | %s: estimate / "
                     "work %g", deep[i][0], deep[i][1], r);
        }
    }

    flint_free(ratio);
    fmpq_clear(e);
    wc_bound_clear(b);
    wc_series_clear(s);
    wc_net_clear(net);
    wc_spec_clear(spec);
    wc_test_graph_clear(g);
    return wc_test_finish(t);
}
