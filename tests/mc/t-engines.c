/* Monte Carlo estimates against the exact engines, which share no code
   with it: E[SPEC] from wc_exact_compute (deep linear, one hidden layer
   with a smooth activation, deep polynomial networks) evaluated at the
   widths, against the sample means at those widths, by z-tests.

   The networks are small (widths 8 and 16) so that the exact series are
   cheap and the corrections in 1/n large.  The test has teeth: wherever
   the series has more than one term, its leading term alone must be
   rejected at width 8, so that an engine that dropped or garbled the
   corrections would be caught.

   Polynomial networks have heavy-tailed samples (a depth-3 network with
   s = z + z^2/4 has a mean of f_a f_b f_c f_abc that 40000 samples miss
   by a factor of 4: its variance is a Gaussian moment of degree 32), so
   their activations are kept mild (z + z^2/4 at depth 2, z + z^2/16 at
   depth 3) and the sample counts high.  Even so the sample variance
   underestimates the spread, and z is skewed to the negative side: over
   seeds 1..60 (1440 z-tests) 0.76% of the |z| exceeded 3, against 0.27%
   for a normal z, the mean z was -0.14 and the smallest -4.93.  The
   threshold 5.45 (a normal two-sided tail of 5e-8) keeps a margin above
   what was measured, and the sample counts of the cases whose leading
   term alone came near it were raised; no seed of the 60 failed a check.
   The default seed is fixed, and WC_TEST_SEED varies it. */

#include <math.h>

#include "testutil.h"
#include "weakcorr/mc.h"

#define ZCRIT 5.45

typedef struct
{
    const char * spec;
    const char * net;
    slong samples;
}
engine_case;

static const engine_case cases[] =
{
    /* deep polynomial engine */
    {"f f", "hidden=2,act=poly(0,1,1/4)", 160000},
    {"ntk", "hidden=2,act=poly(0,1,1/4)", 20000},
    {"f_a f_b f_ab f", "hidden=2,act=poly(0,1,1/4)", 40000},
    {"var(ntk)", "hidden=2,act=poly(0,1,1/4)", 40000},
    {"ntk f(x1) f", "hidden=2,act=poly(1/2,1,1/4),x1=-1,bias=1/2",
     60000},
    {"ntk", "hidden=3,act=poly(0,1,1/16),param=standard", 20000},
    {"f_a f_b f_c f_abc", "hidden=3,act=poly(0,1,1/16)", 40000},
    {"ntk", "hidden=2,act=poly(0,1,0,1/16),param=mf", 20000},
    /* deep linear engine */
    {"f^4", "hidden=3,act=linear", 80000},
    {"|C[1,2]|^2", "hidden=2,act=linear", 20000},
    /* one hidden layer, certified balls */
    {"f_a f_b f_ab f", "hidden=1,act=tanh", 20000},
    {"var(ntk)", "hidden=1,act=erf,bias=1", 20000},
};

static void
run(wc_mc_result_t res, wc_test_t t, const wc_mc_quantity_t q,
    const wc_net_t net, slong samples)
{
    wc_mc_options_t opt;
    wc_error_t err;
    slong widths[2] = {8, 16};

    wc_error_init(err);
    wc_mc_options_init(opt);
    opt->widths = widths;
    opt->nwidths = 2;
    opt->samples = samples;
    opt->seed = t->seed;
    opt->threads = 2;
    opt->nboot = 50;
    WC_CHECK(t, wc_mc_run(res, q, net, opt, err) == WC_OK, "mc: %s",
             err->msg);
}

/* Where the series has more than one term: its leading term alone, the
   value an engine without corrections would give, must be rejected by
   the same test at one of the widths at least (a rare large sample
   inflates the standard error at one width, seldom at both). */
static void
lead_alone_rejected(wc_test_t t, const engine_case * c, const wc_series_t s,
                    const wc_mc_result_t res)
{
    wc_series_t lead;
    arb_t coeff, v;
    slong k, w;
    double z, zmax = 0;
    int differs = 0;

    if (wc_series_leading_power(&k, s) != 1)
        return;
    wc_series_init(lead);
    arb_init(coeff);
    arb_init(v);
    wc_series_get_coeff_arb(coeff, s, k, 64);
    wc_series_add_term_arb(lead, k, coeff, 64);
    for (w = 0; w < res->nwidths; w++)
    {
        wc_series_evaluate_arb(v, lead, (ulong) res->widths[w], 64);
        z = (res->rows[w].mean - arf_get_d(arb_midref(v), ARF_RND_NEAR))
            / res->rows[w].se;
        zmax = FLINT_MAX(zmax, fabs(z));
        wc_series_evaluate_arb(coeff, s, (ulong) res->widths[w], 64);
        differs |= !arb_overlaps(coeff, v);
    }
    if (differs)
        WC_CHECK(t, zmax > ZCRIT, "%s on %s: the leading term alone is "
                 "not rejected at any width (largest |z| = %.2f)", c->spec,
                 c->net, zmax);
    arb_clear(v);
    arb_clear(coeff);
    wc_series_clear(lead);
}

int
main(void)
{
    wc_test_t t;
    size_t i;
    slong w;

    wc_test_init(t, "t-engines");

    for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
    {
        const engine_case * c = cases + i;
        wc_mc_quantity_t q;
        wc_net_t net;
        wc_spec_t spec;
        wc_series_t s;
        wc_exact_options_t opt;
        wc_mc_result_t res;
        wc_error_t err;
        arb_t v;

        wc_mc_quantity_init(q);
        wc_net_init(net);
        wc_spec_init(spec);
        wc_series_init(s);
        wc_mc_result_init(res);
        wc_error_init(err);
        arb_init(v);
        if (wc_mc_quantity_parse(q, c->spec, err) != WC_OK
            || wc_spec_parse(spec, c->spec, err) != WC_OK
            || wc_net_parse(net, c->net, err) != WC_OK)
        {
            WC_CHECK(t, 0, "%s | %s: %s", c->spec, c->net, err->msg);
            continue;
        }
        wc_exact_options_init(opt);
        WC_CHECK(t, wc_exact_compute(s, spec, net, opt, err) == WC_OK,
                 "%s | %s: exact: %s", c->spec, c->net, err->msg);
        run(res, t, q, net, c->samples * t->multiplier);
        for (w = 0; w < res->nwidths; w++)
        {
            double want, z;

            wc_series_evaluate_arb(v, s, (ulong) res->widths[w], 64);
            want = arf_get_d(arb_midref(v), ARF_RND_NEAR);
            z = (res->rows[w].mean - want) / res->rows[w].se;
            WC_CHECK(t, fabs(z) <= ZCRIT, "%s on %s at width %ld: %.6g +- "
                     "%.3g, exact %.6g (z = %.2f)", c->spec, c->net,
                     (long) res->widths[w], res->rows[w].mean,
                     res->rows[w].se, want, z);
        }
        lead_alone_rejected(t, c, s, res);
        arb_clear(v);
        wc_mc_result_clear(res);
        wc_series_clear(s);
        wc_spec_clear(spec);
        wc_net_clear(net);
        wc_mc_quantity_clear(q);
    }

    return wc_test_finish(t);
}
