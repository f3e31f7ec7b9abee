/* The one-hidden-layer engine against brute force: random SPECs
   (expectations and cumulants, several labelled inputs), random
   polynomial activations, every parameterisation, with and without
   biases.  The brute-force values at widths n = 1..D+2 determine the
   Laurent polynomial in n (D+1 points for the degree bound D, one more to
   confirm the bound), which must equal the engine's series coefficient by
   coefficient; both routes of the engine must agree exactly. */

#include <string.h>

#include <flint/fmpq_mat.h>

#include "testutil.h"
#include "onelayer_brute.h"

static void
random_net(wc_net_t net, wc_test_t t, slong max_deg)
{
    wc_net_clear(net);
    wc_net_init(net);
    net->hidden = 1;
    net->param = (wc_param_kind) wc_test_randint(t, 0, WC_PARAM_COUNT - 1);
    net->din = wc_test_randint(t, 1, 2);
    switch (wc_test_randint(t, 0, 3))
    {
        case 0: fmpq_zero(net->bias); break;
        case 1: fmpq_set_si(net->bias, 1, 2); break;
        case 2: fmpq_one(net->bias); break;
        default: fmpq_set_si(net->bias, 2, 3); break;
    }
    if (wc_test_randint(t, 0, 4) == 0)
        net->act = WC_ACT_LINEAR;
    else
        wc_test_net_random_poly(net, t, wc_test_randint(t, 1, max_deg));
    /* labels 0..3 get random inputs (the default label stays all-ones) */
    wc_test_net_random_inputs(net, t, 4);
}

/* coefficients of the polynomial of degree <= D through (n, y_n),
   n = 1..D+1 */
static void
interpolate(fmpq * coef, const fmpq * y, slong D)
{
    fmpq_mat_t A, X, B;
    slong i, j;

    fmpq_mat_init(A, D + 1, D + 1);
    fmpq_mat_init(X, D + 1, 1);
    fmpq_mat_init(B, D + 1, 1);
    for (i = 0; i <= D; i++)
    {
        for (j = 0; j <= D; j++)
        {
            fmpz_set_ui(fmpq_mat_entry_num(A, i, j), (ulong) (i + 1));
            fmpz_pow_ui(fmpq_mat_entry_num(A, i, j),
                        fmpq_mat_entry_num(A, i, j), (ulong) j);
            fmpz_one(fmpq_mat_entry_den(A, i, j));
        }
        fmpq_set(fmpq_mat_entry(B, i, 0), y + i);
    }
    fmpq_mat_solve_fraction_free(X, A, B);
    for (i = 0; i <= D; i++)
        fmpq_set(coef + i, fmpq_mat_entry(X, i, 0));
    fmpq_mat_clear(A);
    fmpq_mat_clear(X);
    fmpq_mat_clear(B);
}

int
main(void)
{
    wc_test_t t;
    wc_test_graph_t g;
    wc_spec_t spec;
    wc_net_t net;
    wc_series_t r1, r2;
    wc_exact_options_t opt;
    wc_error_t err;
    wc_bound_t bound;
    slong trial, ntrials, nonzero = 0, cumulants = 0, skipped = 0;

    wc_test_init(t, "t-onelayer_brute");
    wc_test_graph_init(g, 1);
    wc_spec_init(spec);
    wc_net_init(net);
    wc_series_init(r1);
    wc_series_init(r2);
    wc_bound_init(bound);
    opt->prec = 64;
    opt->max_terms = 1000000;

    ntrials = wc_test_trials(t, 150);
    for (trial = 0; trial < ntrials; trial++)
    {
        char * text;
        slong c, I, D, e, n, k, zero_order = 0, m;
        fmpq * y, * coef;
        fmpq_t v, q;
        int connected = wc_test_randint(t, 0, 2) == 0;
        wc_status s1, s2;

        /* a spec small enough for brute force */
        /* mostly an even number of tensors (odd ones are zero by
           symmetry) */
        m = (wc_test_randint(t, 0, 7) == 0) ? wc_test_randint(t, 1, 3)
                                            : 2 * wc_test_randint(t, 1, 2);
        wc_test_graph_random(g, t, m, 4, 8, 3, connected);
        text = wc_test_graph_text(g);
        wc_error_init(err);
        if (wc_spec_parse(spec, text, err) != WC_OK)
        {
            WC_CHECK(t, 0, "random spec '%s' does not parse: %s", text,
                     err->msg);
            flint_free(text);
            continue;
        }
        wc_bound_compute(bound, spec);
        c = bound->graph->ncomp;
        I = spec->nindices;
        m = spec->nfactors;
        for (k = 0; k < m; k++)
            zero_order += (spec->factors[k].order == 0);
        random_net(net, t, (I >= 3 || zero_order >= 2) ? 2 : 3);
        D = (net->param == WC_PARAM_STANDARD) ? c + I : c;
        if (c > 3 || I > 4 || zero_order > 2 || D > 5)
        {
            skipped++;
            flint_free(text);
            continue;
        }

        s1 = wc_exact_onelayer_method(r1, spec, net, opt,
                                      WC_ONELAYER_PARTITIONS, NULL, err);
        s2 = wc_exact_onelayer_method(r2, spec, net, opt,
                                      WC_ONELAYER_SUBSETS, NULL, err);
        WC_CHECK(t, s1 == WC_OK && s2 == WC_OK, "engine failed on '%s': %s",
                 text, err->msg);
        WC_CHECK(t, r1->exact && wc_series_equal(r1, r2),
                 "routes differ on '%s'", text);

        y = _fmpq_vec_init(D + 2);
        coef = _fmpq_vec_init(D + 1);
        fmpq_init(v);
        fmpq_init(q);

        if (m % 2 == 1)
        {
            /* zero by V -> -V: the brute-force sum must vanish too */
            onelayer_brute_eval(v, spec, net, 2);
            WC_CHECK(t, fmpq_is_zero(v) && wc_series_is_zero(r1),
                     "odd spec '%s' not zero", text);
        }
        else
        {
            /* y_n = n^e E(n), a polynomial of degree <= D */
            e = (net->param == WC_PARAM_MF) ? m : m / 2;
            for (n = 1; n <= D + 2; n++)
            {
                onelayer_brute_eval(y + n - 1, spec, net, n);
                fmpq_set_si(q, n, 1);
                fmpq_pow_si(q, q, e);
                fmpq_mul(y + n - 1, y + n - 1, q);
            }
            interpolate(coef, y, D);

            /* the extra point confirms the degree bound */
            fmpq_zero(v);
            for (k = D; k >= 0; k--)
            {
                fmpq_mul_si(v, v, D + 2);
                fmpq_add(v, v, coef + k);
            }
            WC_CHECK(t, fmpq_equal(v, y + D + 1),
                     "brute force on '%s' is not of degree <= %ld", text,
                     (long) D);

            for (k = -e - 2; k <= D - e + 2; k++)
            {
                wc_series_get_coeff_fmpq(v, r1, k);
                if (k + e >= 0 && k + e <= D)
                    fmpq_set(q, coef + k + e);
                else
                    fmpq_zero(q);
                if (!fmpq_equal(v, q))
                {
                    char * a = fmpq_get_str(NULL, 10, v);
                    char * b = fmpq_get_str(NULL, 10, q);
                    char * ns = wc_net_get_str(net);

                    WC_CHECK(t, 0, "'%s' with %s: coefficient of n^%ld is "
                             "%s, brute force %s", text, ns, (long) k, a,
                             b);
                    flint_free(a);
                    flint_free(b);
                    wc_free(ns);
                    break;
                }
            }
            if (!wc_series_is_zero(r1))
                nonzero++;
            cumulants += spec->connected;
        }

        _fmpq_vec_clear(y, D + 2);
        _fmpq_vec_clear(coef, D + 1);
        fmpq_clear(v);
        fmpq_clear(q);
        flint_free(text);
    }
    printf("%ld specs compared (%ld nonzero, %ld cumulants), %ld too "
           "large skipped\n", (long) (ntrials - skipped), (long) nonzero,
           (long) cumulants, (long) skipped);
    WC_CHECK(t, nonzero >= ntrials / 4, "too few nonzero cases (%ld)",
             (long) nonzero);

    wc_bound_clear(bound);
    wc_series_clear(r1);
    wc_series_clear(r2);
    wc_net_clear(net);
    wc_spec_clear(spec);
    wc_test_graph_clear(g);
    return wc_test_finish(t);
}
