/* Per-sample values of SPECs (wc_net_eval) against the brute-force
   contraction of naive.c on random tiny networks.

   Trees are contracted exactly: the tolerance is 2^10 ulps times the
   absolute scale of the brute-force sum, as in t-jet.  SPECs with cycles
   are estimated with Rademacher probes: for fixed weights the mean of
   R = 400 independent estimates is compared with the exact contraction
   by a z-test at |z| <= 5 (false failure 5.7e-7 per test under the
   normal approximation, which bounded probe estimates satisfy well at
   this R; about 3e-5 for the whole file).  The same test runs on
   estimates that average 4 probe sets each (R / 4 of them). */

#include <math.h>
#include <string.h>

#include "naive.h"

#define TOL 0x1p-43
#define R 400

static const char * tree_specs[] =
{
    "f", "f f", "ntk", "f_a f_b f_ab f", "f_a f_b f_c f_abc", "C[0,2]",
    "C[0,3]", "C[0,4]", "|C[1,1]|^2", "|C[1,2]|^2", "f_a(x1) f_a f",
    "f_a f_ab f_bc f_c", "f_abcd f_a f_b f_c f_d", "ntk(x,x1) f(x1) f",
    "f_ab(x1) f_a f_b(x1) f f", "2/3 f_a f_a f_b f_b", "-1/2 ntk^2",
    "f_abc f_a f_b(x1) f_c(x1)", "C[1,1]_a C[0,1] C[1,1]_a",
    "var(ntk)", "cum(f f, f_a f_a)", "cum(f, f, f, f)",
    "cum(f_a f_a, f_b f_bc f_c, f f)"
};

static const char * cycle_specs[] =
{
    "f_ab f_ab", "f_aa", "f_ab f_bc f_ca", "f_aab f_b", "|C[2,1]|^2",
    "f_ab f_ab f", "f_abc f_abc"
};

#define NTREE ((slong) (sizeof(tree_specs) / sizeof(tree_specs[0])))
#define NCYCLE ((slong) (sizeof(cycle_specs) / sizeof(cycle_specs[0])))

static void
parse(wc_spec_t spec, const char * text)
{
    wc_error_t err;

    wc_error_init(err);
    if (wc_spec_parse(spec, text, err) != WC_OK)
    {
        printf("cannot parse %s: %s\n", text, err->msg);
        flint_abort();
    }
}

int
main(void)
{
    wc_test_t t;
    wc_spec_struct specs[NTREE];
    slong trial, ntrials, k, g;

    wc_test_init(t, "t-eval");
    for (k = 0; k < NTREE; k++)
    {
        wc_spec_init(specs + k);
        parse(specs + k, tree_specs[k]);
    }

    ntrials = wc_test_trials(t, 12);
    for (trial = 0; trial < ntrials; trial++)
    {
        wc_net_t net;
        wc_mlp_t mlp;
        wc_net_eval_t ev, one;
        wc_error_t err;
        double * all, v[8], want[8], scale[8];
        slong width = wc_test_randint(t, 1, 2), off = 0;

        wc_net_init(net);
        naive_random_net(net, t, 2);
        wc_mlp_init(mlp, net, width, n_randint(t->state, 2) ? 0 : -1);
        wc_mlp_draw(mlp, n_randlimb(t->state), (uint32_t) trial);
        wc_error_init(err);

        /* All specs in one plan (sharing work), and each alone. */
        WC_CHECK(t, wc_net_eval_init(&ev, specs, NTREE, net, err) == WC_OK,
                 "plan: %s", err->msg);
        all = flint_malloc(wc_net_eval_total_values(ev) * sizeof(double));
        wc_net_eval_sample(all, ev, mlp, 1);

        for (k = 0; k < NTREE; k++)
        {
            slong nv = wc_net_eval_nvalues(ev, k);

            WC_CHECK(t, !wc_net_eval_uses_probes(ev, k), "%s: no probes",
                     tree_specs[k]);
            wc_net_eval_init(&one, specs + k, 1, net, err);
            wc_net_eval_sample(v, one, mlp, 1);
            naive_spec_values(want, scale, specs + k, net, mlp);
            for (g = 0; g < nv; g++)
            {
                WC_CHECK(t, fabs(v[g] - want[g]) <= TOL * scale[g] + 1e-300,
                         "trial %ld (%s %s H=%ld n=%ld bias %g): %s group "
                         "%ld = %.17g, naive %.17g", (long) trial,
                         wc_act_name(net->act), wc_param_name(net->param),
                         (long) net->hidden, (long) width, mlp->beta,
                         tree_specs[k], (long) g, v[g], want[g]);
                /* A shared plan may pick another root (vectors already
                   computed are free), so only rounding may differ. */
                WC_CHECK(t, fabs(all[off + g] - v[g])
                         <= TOL * scale[g] + 1e-300,
                         "%s: shared plan %.17g, alone %.17g", tree_specs[k],
                         all[off + g], v[g]);
            }
            off += nv;
            wc_net_eval_clear(one);
        }
        flint_free(all);
        wc_net_eval_clear(ev);
        wc_mlp_clear(mlp);
        wc_net_clear(net);
    }

    /* Cycles: unbiased probe estimates. */
    for (trial = 0; trial < wc_test_trials(t, 2); trial++)
        for (k = 0; k < NCYCLE; k++)
        {
            wc_net_t net;
            wc_mlp_t mlp;
            wc_net_eval_t ev;
            wc_error_t err;
            wc_spec_t spec;
            double want, scale, v, s1 = 0, s2 = 0, mean, sd, z;
            slong r;

            wc_net_init(net);
            naive_random_net(net, t, 2);
            wc_mlp_init(mlp, net, wc_test_randint(t, 1, 2), -1);
            wc_mlp_draw(mlp, n_randlimb(t->state), 1000 + (uint32_t) trial);
            wc_mlp_materialise(mlp);
            wc_spec_init(spec);
            parse(spec, cycle_specs[k]);
            wc_error_init(err);
            WC_CHECK(t, wc_net_eval_init(&ev, spec, 1, net, err) == WC_OK,
                     "plan %s: %s", cycle_specs[k], err->msg);
            WC_CHECK(t, wc_net_eval_uses_probes(ev, 0), "%s uses probes",
                     cycle_specs[k]);
            naive_spec_values(&want, &scale, spec, net, mlp);

            /* The probes follow the sample number; the weights stay. */
            for (r = 0; r < R; r++)
            {
                mlp->sample = (uint32_t) r;
                wc_net_eval_sample(&v, ev, mlp, 1);
                s1 += v;
                s2 += v * v;
            }
            mean = s1 / R;
            sd = sqrt(FLINT_MAX(s2 / R - mean * mean, 0) * R / (R - 1));
            z = (sd > 0) ? (mean - want) / (sd / sqrt((double) R))
                         : (fabs(mean - want) <= TOL * scale ? 0 : 1e9);
            WC_CHECK(t, fabs(z) <= 5, "%s (%s %s H=%ld): probe mean %.10g, "
                     "exact %.10g, z = %.2f", cycle_specs[k],
                     wc_act_name(net->act), wc_param_name(net->param),
                     (long) net->hidden, mean, want, z);

            /* Several probe sets per sample: still unbiased. */
            s1 = s2 = 0;
            for (r = 0; r < R / 4; r++)
            {
                mlp->sample = (uint32_t) (R + r);
                wc_net_eval_sample(&v, ev, mlp, 4);
                s1 += v;
                s2 += v * v;
            }
            mean = s1 / (R / 4);
            sd = sqrt(FLINT_MAX(s2 / (R / 4) - mean * mean, 0)
                      * (R / 4) / (R / 4 - 1));
            z = (sd > 0) ? (mean - want) / (sd / sqrt((double) (R / 4)))
                         : (fabs(mean - want) <= TOL * scale ? 0 : 1e9);
            WC_CHECK(t, fabs(z) <= 5, "%s with 4 probe sets: mean %.10g, "
                     "exact %.10g, z = %.2f", cycle_specs[k], mean, want, z);
            WC_CHECK(t, isfinite(v), "%s: averaged estimate finite",
                     cycle_specs[k]);

            wc_spec_clear(spec);
            wc_net_eval_clear(ev);
            wc_mlp_clear(mlp);
            wc_net_clear(net);
        }

    /* Unsupported: a tensor beyond the jet limits, and a cumulant whose
       arguments share an index. */
    {
        wc_net_t net;
        wc_net_eval_t ev;
        wc_error_t err;
        wc_spec_t spec;

        wc_net_init(net);
        wc_spec_init(spec);
        wc_error_init(err);
        parse(spec, "f_abcdefghi f_a f_b f_c f_d f_e f_f f_g f_h f_i");
        WC_CHECK(t, wc_net_eval_init(&ev, spec, 1, net, err)
                 == WC_ERR_UNSUPPORTED && ev == NULL && err->pos == 0,
                 "nine distinct directions: %s", err->msg);
        parse(spec, "C[0,9]");
        WC_CHECK(t, wc_net_eval_init(&ev, spec, 1, net, err)
                 == WC_ERR_UNSUPPORTED, "order 9: %s", err->msg);
        parse(spec, "cum(f_a, f_a)");
        WC_CHECK(t, wc_net_eval_init(&ev, spec, 1, net, err)
                 == WC_ERR_UNSUPPORTED && strstr(err->msg, "cumulant"),
                 "shared index: %s", err->msg);
        parse(spec, "C[0,6]");
        WC_CHECK(t, wc_net_eval_init(&ev, spec, 1, net, err) == WC_OK,
                 "C[0,6] is within the limits: %s", err->msg);
        wc_net_eval_clear(ev);
        wc_spec_clear(spec);
        wc_net_clear(net);
    }

    for (k = 0; k < NTREE; k++)
        wc_spec_clear(specs + k);
    return wc_test_finish(t);
}
