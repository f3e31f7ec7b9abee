/* Monte Carlo estimates against values derived by hand (doc/mc.md,
   "Exact values"), at widths 3 and 8, with z-tests.

   One hidden layer, linear, din = 1, x = 1: f = sum_i V_i W_i / sqrt(n),
   the gradient is (V / sqrt n, W / sqrt n), the Hessian pairs W_i with
   V_i with entries 1 / sqrt(n).  Hence
       Theta = (|V|^2 + |W|^2) / n:  E = 2, Var = 4/n;
       E[f^2] = 1;  E[f^4] = 3 + 6/n (Y_i = V_i W_i has E Y^4 = 9);
       the fourth cumulant of f is 6/n;
       g H g = 2 f / n:  E[f_a f_b f_ab f] = 2/n, E[C[0,2] f] = 1/n;
       H g = (W, V) / n:  E|C[1,1]|^2 = E[Theta] / n = 2/n;
       tr H = 0:  E[f_aa] = 0 (a probe estimate with variance 4);
       H has eigenvalues +-1/sqrt(n):  |C[2,0]|_op = 1/(2 sqrt n) exactly;
       standard parameterisation: Theta = |V|^2/n + |W|^2, E = n + 1;
       bias beta = 1: Theta = 2|V|^2/n + |W + b|^2/n, E = 4;
       mean field: f is divided by sqrt(n) more, E[Theta] = 2/n;
       two hidden layers: each of the three weight blocks gives 1, E = 3;
       input x1 = 2: E[f(x) f(x1)] = 2.
   ReLU, one layer: Theta = sum_i (V_i^2 1[W_i > 0] + relu(W_i)^2) / n,
   E = 1/2 + 1/2 = 1; E[f^2] = E[relu(W)^2] = 1/2.

   Every estimate is tested by |mean - exact| <= 5.45 se (two-sided
   normal tail 5.0e-8); 32 tests in all, so the file fails falsely with
   probability below 2e-6. */

#include <math.h>
#include <string.h>

#include "testutil.h"
#include "weakcorr/mc.h"

#define ZCRIT 5.45

typedef struct
{
    const char * spec;
    const char * net;
    slong samples;
    double c0, cm1, c1;     /* exact = c0 + cm1 / n + c1 n */
}
exact_case;

static const exact_case cases[] =
{
    {"ntk", "act=linear", 3000, 2, 0, 0},
    {"var(ntk)", "act=linear", 3000, 0, 4, 0},
    {"f f", "act=linear", 3000, 1, 0, 0},
    {"f^4", "act=linear", 6000, 3, 6, 0},
    {"cum(f, f, f, f)", "act=linear", 6000, 0, 6, 0},
    {"f_a f_b f_ab f", "act=linear", 3000, 0, 2, 0},
    {"C[0,2] f", "act=linear", 3000, 0, 1, 0},
    {"|C[1,1]|^2", "act=linear", 3000, 0, 2, 0},
    {"f_aa", "act=linear", 3000, 0, 0, 0},
    {"ntk", "act=linear,param=standard", 3000, 1, 0, 1},
    {"ntk", "act=linear,bias=1", 3000, 4, 0, 0},
    {"ntk", "act=linear,param=mf", 3000, 0, 2, 0},
    {"ntk", "act=linear,hidden=2", 3000, 3, 0, 0},
    {"f f(x1)", "act=linear,x1=(2)", 3000, 2, 0, 0},
    {"ntk", "act=relu", 3000, 1, 0, 0},
    {"f f", "act=relu", 3000, 0.5, 0, 0},
};

static void
run(wc_mc_result_t res, wc_test_t t, const char * spec, const char * nettext,
    slong samples, slong threads)
{
    wc_mc_quantity_t q;
    wc_net_t net;
    wc_mc_options_t opt;
    wc_error_t err;
    slong widths[2] = {3, 8};

    wc_mc_quantity_init(q);
    wc_net_init(net);
    wc_error_init(err);
    if (wc_mc_quantity_parse(q, spec, err) != WC_OK
        || wc_net_parse(net, nettext, err) != WC_OK)
        flint_abort();
    wc_mc_options_init(opt);
    opt->widths = widths;
    opt->nwidths = 2;
    opt->samples = samples;
    opt->seed = t->seed;
    opt->threads = threads;
    opt->nboot = 100;
    WC_CHECK(t, wc_mc_run(res, q, net, opt, err) == WC_OK, "%s: %s", spec,
             err->msg);
    wc_net_clear(net);
    wc_mc_quantity_clear(q);
}

int
main(void)
{
    wc_test_t t;
    size_t i;
    slong w, s;

    wc_test_init(t, "t-exact");

    for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
    {
        const exact_case * c = cases + i;
        wc_mc_result_t res;

        wc_mc_result_init(res);
        run(res, t, c->spec, c->net, c->samples * t->multiplier, 2);
        for (w = 0; w < res->nwidths; w++)
        {
            double n = (double) res->widths[w];
            double want = c->c0 + c->cm1 / n + c->c1 * n;
            double z = (res->rows[w].mean - want) / res->rows[w].se;

            WC_CHECK(t, fabs(z) <= ZCRIT, "%s on %s at width %g: %.6g +- "
                     "%.3g, exact %.6g (z = %.2f)", c->spec, c->net, n,
                     res->rows[w].mean, res->rows[w].se, want, z);
        }
        wc_mc_result_clear(res);
    }

    /* |C[2,0]|_op is 1/(2 sqrt n) on every sample; |C[0,1]| is Theta. */
    {
        wc_mc_result_t res, res2;

        wc_mc_result_init(res);
        run(res, t, "|C[2,0]|_op", "act=linear", 50, 2);
        for (w = 0; w < res->nwidths; w++)
            for (s = 0; s < res->samples; s++)
            {
                double want = 0.5 / sqrt((double) res->widths[w]);
                double got = res->x[w * res->samples + s];

                WC_CHECK(t, fabs(got - want) <= 1e-9 * want,
                         "|C[2,0]|_op = %.17g, exact %.17g", got, want);
            }
        wc_mc_result_clear(res);

        wc_mc_result_init(res);
        wc_mc_result_init(res2);
        run(res, t, "|C[0,1]|", "act=tanh,hidden=2", 40, 1);
        run(res2, t, "ntk", "act=tanh,hidden=2", 40, 1);
        for (s = 0; s < res->nwidths * res->samples; s++)
            WC_CHECK(t, fabs(res->x[s] - res2->x[s]) <= 1e-13 * res2->x[s],
                     "|C[0,1]| = %.17g, ntk %.17g", res->x[s], res2->x[s]);
        wc_mc_result_clear(res);
        wc_mc_result_clear(res2);

        /* |C[1,1]|^2 (a SPEC) is the square of |C[1,1]| (a norm),
           sample by sample. */
        wc_mc_result_init(res);
        wc_mc_result_init(res2);
        run(res, t, "|C[1,1]|", "act=erf,hidden=2,bias=1/2", 40, 1);
        run(res2, t, "|C[1,1]|^2", "act=erf,hidden=2,bias=1/2", 40, 1);
        for (s = 0; s < res->nwidths * res->samples; s++)
            WC_CHECK(t, fabs(res->x[s] * res->x[s] - res2->x[s])
                     <= 1e-12 * res2->x[s], "|C[1,1]|^2 = %.17g, squared "
                     "norm %.17g", res2->x[s], res->x[s] * res->x[s]);
        wc_mc_result_clear(res);
        wc_mc_result_clear(res2);
    }

    return wc_test_finish(t);
}
