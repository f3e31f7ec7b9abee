/* The tangent-kernel Gram matrix (wc_dyn_forward, wc_dyn_backward,
   wc_dyn_kernel) against a brute-force NTK from explicit per-parameter
   gradients: forward-mode dual numbers in long double, one parameter at
   a time, with the derivatives of the activations written out here.
   Random NETs (every activation, parameterisation, bias, depth 1..3) at
   widths 1..6.  The two must agree within 2^-40 times the kernel with
   absolute values sum_mu g_mu |df_i||df_j| (plus the size of the entries
   themselves): a handful of length-n dot products per layer, each with
   error gamma_n times its absolute sum.  The Gram matrix is exactly
   symmetric.  Finally the kernel against the net module's value of the
   SPEC f_a(x1) f_a(x2) on the same sample (wc_net_eval_sample), an
   independent implementation. */

#include "dyntest.h"
#include "weakcorr/net.h"

typedef long double ld;

static ld
act_ld(ld z, ld * d, const wc_dyn_mlp_struct * mlp)
{
    const ld sq2 = 1.41421356237309504880168872420969808L;
    const ld sqpi = 1.77245385090551602729816748334114518L;
    slong i;

    switch (mlp->act)
    {
        case WC_ACT_LINEAR:
            *d = 1;
            return z;
        case WC_ACT_RELU:
            *d = (z > 0) ? 1 : 0;
            return (z > 0) ? z : 0;
        case WC_ACT_TANH:
            *d = 1 / (coshl(z) * coshl(z));
            return tanhl(z);
        case WC_ACT_ERF:
            *d = 2 / sqpi * expl(-z * z);
            return erfl(z);
        case WC_ACT_SIGMOID:
            *d = expl(-z) / ((1 + expl(-z)) * (1 + expl(-z)));
            return 1 / (1 + expl(-z));
        case WC_ACT_GELU:
        {
            ld Phi = erfcl(-z / sq2) / 2;
            ld phi = expl(-z * z / 2) / (sq2 * sqpi);

            *d = Phi + z * phi;
            return z * Phi;
        }
        case WC_ACT_SIN:
            *d = cosl(z);
            return sinl(z);
        case WC_ACT_SOFTPLUS:
            *d = 1 / (1 + expl(-z));
            return log1pl(expl(z));
        case WC_ACT_POLY:
        {
            ld v = 0, dv = 0;

            for (i = mlp->poly_len - 1; i >= 0; i--)
            {
                dv = dv * z + v;
                v = v * z + mlp->poly[i];
            }
            *d = dv;
            return v;
        }
        default:
            flint_abort();
    }
    return 0;
}

/* f(x) and the derivative along parameter mu (order W^1, b^1, ..., V;
   mu < 0: none), naive loops over explicit indices. */
static ld
dual_f(ld * df, const wc_dyn_mlp_struct * mlp, const double * x, slong mu)
{
    slong H = mlp->hidden, l, i, j, off = 0;
    ld * h = flint_malloc(mlp->width * sizeof(ld) * 2 + mlp->din
                          * sizeof(ld) * 2);
    ld * dh = h + FLINT_MAX(mlp->width, mlp->din);
    ld * z = flint_malloc(mlp->width * 2 * sizeof(ld)), * dz = z
             + mlp->width;
    ld f = 0, dfv = 0;

    for (j = 0; j < mlp->din; j++)
    {
        h[j] = x[j];
        dh[j] = 0;
    }
    for (l = 1; l <= H; l++)
    {
        slong m = mlp->n[l], k = mlp->n[l - 1];
        ld c = 1 / sqrtl((ld) k);

        for (i = 0; i < m; i++)
        {
            ld s = 0, ds = 0;

            for (j = 0; j < k; j++)
            {
                s += (ld) mlp->W[l][i * k + j] * h[j];
                ds += (ld) mlp->W[l][i * k + j] * dh[j];
                if (mu == off + i * k + j)
                    ds += h[j];
            }
            z[i] = c * s;
            dz[i] = c * ds;
            if (mlp->b[l] != NULL)
            {
                z[i] += (ld) mlp->beta * mlp->b[l][i];
                if (mu == off + m * k + i)
                    dz[i] += mlp->beta;
            }
        }
        off += m * k + (mlp->b[l] != NULL ? m : 0);
        for (i = 0; i < m; i++)
        {
            ld d;

            h[i] = act_ld(z[i], &d, mlp);
            dh[i] = d * dz[i];
        }
    }
    for (i = 0; i < mlp->width; i++)
    {
        f += (ld) mlp->V[i] * h[i];
        dfv += (ld) mlp->V[i] * dh[i];
        if (mu == off + i)
            dfv += h[i];
    }
    flint_free(h);
    flint_free(z);
    *df = mlp->alpha * dfv;
    return mlp->alpha * f;
}

/* The metric entry of parameter mu, from the parameterisation. */
static ld
metric(const wc_dyn_mlp_struct * mlp, slong mu)
{
    slong l;

    if (mlp->param != WC_PARAM_STANDARD)
        return 1;
    for (l = 1; l <= mlp->hidden; l++)
    {
        slong m = mlp->n[l], k = mlp->n[l - 1];

        if (mu < m * k)
            return (ld) k;
        mu -= m * k;
        if (mlp->b[l] != NULL)
        {
            if (mu < m)
                return 1 / ((ld) mlp->beta * mlp->beta);
            mu -= m;
        }
    }
    return (ld) mlp->width;
}

int
main(void)
{
    wc_test_t t;
    slong trial;

    wc_test_init(t, "t-kernel");

    for (trial = 0; trial < wc_test_trials(t, 60); trial++)
    {
        wc_net_t net;
        wc_dyn_mlp_t mlp;
        wc_dyn_eval_t ev;
        slong width = 1 + n_randint(t->state, 6), N, P, din, i, j, mu;
        double * x, * K;
        ld * g, * f;

        wc_net_init(net);
        dyntest_random_net(net, t, 3, 4, -1);
        din = net->din;
        N = 1 + n_randint(t->state, 5);
        wc_dyn_mlp_init(mlp, net, width, trial % 3 == 0 ? 2.5 : 1.0);
        wc_dyn_mlp_draw(mlp, 7 + trial, (uint32_t) trial);
        P = wc_dyn_mlp_num_params(mlp);

        x = flint_malloc(N * din * sizeof(double));
        for (i = 0; i < N * din; i++)
            x[i] = 2.0 * dyntest_unif(t);
        K = flint_malloc(N * N * sizeof(double));
        g = flint_malloc(N * P * sizeof(ld));
        f = flint_malloc(N * sizeof(ld));

        wc_dyn_eval_init(ev, mlp);
        wc_dyn_forward(ev, mlp, x, N);
        wc_dyn_backward(ev, mlp);
        wc_dyn_kernel(K, ev, mlp);

        for (i = 0; i < N; i++)
        {
            ld dummy;

            f[i] = dual_f(&dummy, mlp, x + i * din, -1);
            for (mu = 0; mu < P; mu++)
                dual_f(g + i * P + mu, mlp, x + i * din, mu);
            WC_CHECK(t, fabsl(f[i] - ev->f[i]) <= 1e-12L * (1 + fabsl(f[i])),
                     "f(x_%ld) = %.17g, brute %.17Lg", (long) i, ev->f[i],
                     f[i]);
        }

        for (i = 0; i < N; i++)
            for (j = 0; j < N; j++)
            {
                ld th = 0, ab = 0;

                for (mu = 0; mu < P; mu++)
                {
                    ld gm = metric(mlp, mu);

                    th += gm * g[i * P + mu] * g[j * P + mu];
                    ab += gm * fabsl(g[i * P + mu] * g[j * P + mu]);
                }
                WC_CHECK(t, fabsl(th - K[i * N + j])
                         <= ldexpl(ab + fabsl(th), -40) + 1e-300L,
                         "Theta(%ld,%ld) = %.17g, brute %.17Lg, width %ld",
                         (long) i, (long) j, K[i * N + j], th, (long) width);
                WC_CHECK(t, K[i * N + j] == K[j * N + i], "symmetry");
            }

        flint_free(x);
        flint_free(K);
        flint_free(g);
        flint_free(f);
        wc_dyn_eval_clear(ev);
        wc_dyn_mlp_clear(mlp);
        wc_net_clear(net);
    }

    /* Against the net module: the SPEC f_a(x1) f_a(x2) on the same
       sample is Theta(x1, x2). */
    for (trial = 0; trial < wc_test_trials(t, 12); trial++)
    {
        wc_net_t net;
        wc_dyn_mlp_t mlp;
        wc_dyn_eval_t ev;
        wc_mlp_t other;
        wc_spec_t spec;
        wc_net_eval_t plan;
        wc_error_t err;
        char text[512], * p;
        slong width = 1 + n_randint(t->state, 40), din, i, k;
        double x[8], K[4], v;

        wc_net_init(net);
        dyntest_random_net(net, t, 3, 4, -1);
        din = net->din;
        for (i = 0; i < 2 * din; i++)
            x[i] = (double) ((slong) n_randint(t->state, 33) - 16) / 8.0;
        p = wc_net_get_str(net);
        k = snprintf(text, sizeof(text), "%s", p);
        wc_free(p);
        for (i = 0; i < 2; i++)
        {
            slong j;

            k += snprintf(text + k, sizeof(text) - k, ",x%ld=(", (long) i
                          + 1);
            for (j = 0; j < din; j++)
                k += snprintf(text + k, sizeof(text) - k, "%s%g",
                              j ? "," : "", x[i * din + j]);
            k += snprintf(text + k, sizeof(text) - k, ")");
        }
        wc_error_init(err);
        WC_CHECK(t, wc_net_parse(net, text, err) == WC_OK, "parse %s: %s",
                 text, err->msg);

        wc_dyn_mlp_init(mlp, net, width, 1.0);
        wc_dyn_mlp_draw(mlp, 99, (uint32_t) trial);
        wc_dyn_eval_init(ev, mlp);
        wc_dyn_forward(ev, mlp, x, 2);
        wc_dyn_backward(ev, mlp);
        wc_dyn_kernel(K, ev, mlp);

        wc_spec_init(spec);
        wc_spec_parse(spec, "f_a(x1) f_a(x2)", err);
        WC_CHECK(t, wc_net_eval_init(&plan, spec, 1, net, err) == WC_OK,
                 "plan: %s", err->msg);
        wc_mlp_init(other, net, width, -1);
        wc_mlp_draw(other, 99, (uint32_t) trial);
        wc_net_eval_sample(&v, plan, other, 1);
        /* By Cauchy-Schwarz, sum_mu g |df(x1)| |df(x2)| <= sqrt(Theta_11
           Theta_22), a majorant of both computations' absolute sums. */
        WC_CHECK(t, fabs(v - K[1]) <= ldexp(sqrt(K[0] * K[3]), -40),
                 "net module %.17g, dynamics %.17g (%s, width %ld)", v, K[1],
                 text, (long) width);

        wc_net_eval_clear(plan);
        wc_mlp_clear(other);
        wc_spec_clear(spec);
        wc_dyn_eval_clear(ev);
        wc_dyn_mlp_clear(mlp);
        wc_net_clear(net);
    }

    return wc_test_finish(t);
}
