/* Forward values, gradients, jets and gradient jets of the network
   against the brute-force hyper-dual tensors of naive.c, on random tiny
   networks (every activation and parameterisation, biases on and off,
   one to three hidden layers, stored and streamed weights).

   Tolerance: 2^10 ulps (2^-43) times the absolute scale of the
   brute-force sum (the sum of the absolute values of every term,
   computed alongside).  Each term takes at most about 50 roundings
   (three layers, widths up to 3, jets up to order 4) on either side, so
   the error is below 100 u times the scale; 2^10 u leaves a margin of
   ten. */

#include <math.h>
#include <string.h>

#include "naive.h"

#define TOL 0x1p-43

static slong
num_params_for(const wc_mlp_t mlp)
{
    return wc_mlp_num_params(mlp);
}

int
main(void)
{
    wc_test_t t;
    slong trial, ntrials;

    wc_test_init(t, "t-jet");
    ntrials = wc_test_trials(t, 60);

    for (trial = 0; trial < ntrials; trial++)
    {
        wc_net_t net;
        wc_mlp_t mlp;
        naive_tensors_t T;
        wc_pvec_t g, dirs[3], out;
        const wc_pvec_struct * dp[3];
        wc_jet_shape_t sh;
        double x[2], f, scale;
        double * flat[6], * unit;
        slong width = wc_test_randint(t, 1, 3), P, kmax, i, j, c, r;
        slong deg[3], total;
        double coeffs[WC_JET_MAX_COEFFS];
        int streamed = (int) n_randint(t->state, 2);

        wc_net_init(net);
        naive_random_net(net, t, 3);
        wc_mlp_init(mlp, net, width, streamed ? 0 : -1);
        wc_mlp_draw(mlp, n_randlimb(t->state), (uint32_t) trial);
        P = num_params_for(mlp);
        kmax = (P <= 14) ? 4 : (P <= 30) ? 3 : 2;
        wc_net_input_d(x, net, (trial % 2) ? 1 : WC_INPUT_DEFAULT);
        naive_tensors_init(T, mlp, x, kmax);

        /* forward */
        f = wc_mlp_forward(mlp, x);
        WC_CHECK(t, fabs(f - T->t[0][0]) <= TOL * T->a[0][0] + 1e-300,
                 "trial %ld: f = %.17g, naive %.17g", (long) trial, f,
                 T->t[0][0]);

        /* gradient */
        wc_pvec_init(g, mlp);
        f = wc_mlp_grad(g, mlp, x);
        for (i = 0; i < P; i++)
        {
            double gi = wc_pvec_get_entry(g, i);

            WC_CHECK(t, fabs(gi - T->t[1][i]) <= TOL * T->a[1][i] + 1e-300,
                     "trial %ld (%s %s H=%ld n=%ld): gradient entry %ld = "
                     "%.17g, naive %.17g", (long) trial,
                     wc_act_name(net->act), wc_param_name(net->param),
                     (long) net->hidden, (long) width, (long) i, gi,
                     T->t[1][i]);
        }

        /* jets along random directions, with and without the gradient */
        for (r = 0; r < 3; r++)
        {
            wc_pvec_init(dirs[r], mlp);
            naive_random_pvec(dirs[r], t, wc_test_randint(t, 0, 2),
                              n_randint(t->state, 3) == 0);
            dp[r] = dirs[r];
            flat[r] = flint_malloc(P * sizeof(double));
            naive_pvec_flat(flat[r], dirs[r], P);
        }
        unit = flint_calloc(P, sizeof(double));
        wc_pvec_init(out, mlp);

        for (j = 0; j < 6; j++)
        {
            slong ndirs = wc_test_randint(t, 1, 3), K;
            int want_grad = (int) n_randint(t->state, 2);

            K = kmax - want_grad;
            if (K < 1)
                continue;
            total = 0;
            for (r = 0; r < ndirs; r++)
            {
                deg[r] = wc_test_randint(t, 1, FLINT_MAX(1, K - total
                                         - (ndirs - 1 - r)));
                if (total + deg[r] > K)
                    deg[r] = 0;
                total += deg[r];
            }
            for (r = 0; r < ndirs && deg[r] > 0; r++)
                ;
            ndirs = r;
            if (ndirs == 0)
                continue;
            WC_CHECK(t, wc_jet_shape_init(sh, deg, ndirs, NULL) == WC_OK,
                     "shape");
            wc_mlp_jet(coeffs, want_grad ? out : NULL, mlp, x, dp, sh);

            for (c = 0; c < sh->ncoeffs; c++)
            {
                const double * v[NAIVE_MAX_K];
                slong k = 0, q;
                double sfac = 1, exact;

                for (r = 0; r < ndirs; r++)
                {
                    slong dr = (c / sh->stride[r]) % (deg[r] + 1);

                    for (q = 0; q < dr; q++)
                    {
                        v[k++] = flat[r];
                        sfac *= (double) (q + 1);
                    }
                }
                exact = naive_contract_vectors(&scale, T, k, v) / sfac;
                scale /= sfac;
                WC_CHECK(t, fabs(coeffs[c] - exact) <= TOL * scale + 1e-300,
                         "trial %ld (%s %s H=%ld n=%ld): jet coefficient "
                         "%ld of shape %ld dirs, order %ld: %.17g, naive "
                         "%.17g", (long) trial, wc_act_name(net->act),
                         wc_param_name(net->param), (long) net->hidden,
                         (long) width, (long) c, (long) ndirs,
                         (long) sh->order, coeffs[c], exact);
            }

            if (want_grad)
            {
                const double * v[NAIVE_MAX_K];
                slong k = 0, q;
                double sfac = 1;

                for (r = 0; r < ndirs; r++)
                    for (q = 0; q < deg[r]; q++)
                    {
                        v[k++] = flat[r];
                        sfac *= (double) (q + 1);
                    }
                v[k] = unit;
                for (i = 0; i < P; i++)
                {
                    double exact, got = wc_pvec_get_entry(out, i);

                    unit[i] = 1;
                    exact = naive_contract_vectors(&scale, T, k + 1, v)
                            / sfac;
                    scale /= sfac;
                    unit[i] = 0;
                    WC_CHECK(t, fabs(got - exact) <= TOL * scale + 1e-300,
                             "trial %ld (%s %s H=%ld n=%ld): gradient jet "
                             "entry %ld, order %ld: %.17g, naive %.17g",
                             (long) trial, wc_act_name(net->act),
                             wc_param_name(net->param), (long) net->hidden,
                             (long) width, (long) i, (long) sh->order, got,
                             exact);
                }
            }
            wc_jet_shape_clear(sh);
        }

        /* Structured inner products and products against the flat
           vectors. */
        {
            double dflat = 0, dstr = wc_pvec_dot(dirs[0], dirs[1]);
            double sc = 0;

            for (i = 0; i < P; i++)
            {
                dflat += flat[0][i] * flat[1][i];
                sc += fabs(flat[0][i] * flat[1][i]);
            }
            WC_CHECK(t, fabs(dflat - dstr) <= TOL * sc + 1e-300,
                     "pvec dot %.17g vs %.17g", dstr, dflat);
            wc_pvec_set(out, dirs[0]);
            wc_pvec_add(out, out, dirs[1], -0.5);
            wc_pvec_add(out, out, out, 1.0);
            wc_pvec_densify(out);
            for (i = 0; i < P; i++)
            {
                double want = 2 * (flat[0][i] - 0.5 * flat[1][i]);

                WC_CHECK(t, fabs(wc_pvec_get_entry(out, i) - want)
                         <= TOL * (fabs(flat[0][i]) + fabs(flat[1][i])),
                         "pvec add/densify entry %ld", (long) i);
            }
        }

        for (r = 0; r < 3; r++)
        {
            wc_pvec_clear(dirs[r]);
            flint_free(flat[r]);
        }
        flint_free(unit);
        wc_pvec_clear(out);
        wc_pvec_clear(g);
        naive_tensors_clear(T);
        wc_mlp_clear(mlp);
        wc_net_clear(net);
    }

    /* Nested widths: the width-n weights are the leading block of the
       width-2n weights of the same sample; streamed and stored layers
       agree. */
    {
        wc_net_t net;
        wc_mlp_t a, b;
        wc_error_t err;
        slong l, i, k, ok = 1;

        wc_net_init(net);
        wc_error_init(err);
        wc_net_parse(net, "hidden=3,act=tanh,bias=1,din=3", err);
        wc_mlp_init(a, net, 5, -1);
        wc_mlp_init(b, net, 10, 0);
        wc_mlp_draw(a, 77, 4);
        wc_mlp_draw(b, 77, 4);
        wc_mlp_materialise(a);
        for (l = 1; l <= 3; l++)
        {
            for (i = 0; i < 5; i++)
            {
                const double * rb = wc_mlp_row(b, l, i, b->rowbuf);

                for (k = 0; k < a->n[l - 1]; k++)
                    ok &= (a->W[l][i * a->n[l - 1] + k] == rb[k]);
                ok &= (a->b[l][i] == b->b[l][i]);
            }
        }
        for (i = 0; i < 5; i++)
            ok &= (a->V[i] == b->V[i]);
        WC_CHECK(t, ok, "width 5 is the leading block of width 10");
        wc_mlp_clear(a);
        wc_mlp_clear(b);
        wc_net_clear(net);
    }

    return wc_test_finish(t);
}
