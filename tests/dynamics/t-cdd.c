/* The derivative correlations by jets (wc_dyn_jet, wc_dyn_cdd).

   1. The reverse pass by polarization.  For directions v and u, the
      t^(d+1) coefficient of f(theta + t (v + lambda u)) is a polynomial
      of degree d + 1 in lambda whose lambda^1 coefficient is
      D^(d+1) f[v^d, u] / d! = <grad c_d, u>, c_d the t^d coefficient
      along v.  The forward jets at d + 2 values of lambda, interpolated
      exactly (Lagrange, in long double), must give the inner product of
      the reverse pass's gradient with u, within 2^-34 of the absolute
      sum of the interpolation (the jets' rounding, a few ulp of their
      majorants, amplified at most by the interpolation weights).  u is a
      dense random direction, v a gradient direction plus a dense part.
   2. C[0,1](x; x') = eta Theta(x, x') and C[1,0](x) = sqrt(eta
      Theta(x, x)) against the Gram matrix of wc_dyn_kernel, within
      2^-40 sqrt(Theta(x,x) Theta(x',x')) (Cauchy-Schwarz majorant).
   3. The per-sample values of the Monte Carlo engine (wc_mc_run with
      |C[D,d]|(x1,x2), the net module's jets, an independent
      implementation) against wc_dyn_rate's jets engine, sample by
      sample, within 2^-36 times the largest value at that width and
      term. */

#include "dyntest.h"
#include "weakcorr/mc.h"

static void
random_dense(wc_dyn_dir_t u, wc_test_t t)
{
    slong l, i;

    for (l = 1; l <= u->hidden; l++)
    {
        wc_dyn_dir_make_dense(u, l);
        for (i = 0; i < u->n[l] * u->n[l - 1]; i++)
            u->dense[l][i] = dyntest_unif(t);
        if (u->b[l] != NULL)
            for (i = 0; i < u->n[l]; i++)
                u->b[l][i] = dyntest_unif(t);
    }
    for (i = 0; i < u->n[u->hidden]; i++)
        u->out[i] = dyntest_unif(t);
}

/* w = v + lambda u, v structured (rank and dense), u dense. */
static void
combine(wc_dyn_dir_t w, const wc_dyn_dir_t v, const wc_dyn_dir_t u,
        double lambda)
{
    slong l, i;

    for (l = 1; l <= w->hidden; l++)
    {
        slong m = w->n[l], k = w->n[l - 1];

        w->rank[l] = v->rank[l];
        memcpy(w->u[l], v->u[l], v->rank[l] * m * sizeof(double));
        memcpy(w->w[l], v->w[l], v->rank[l] * k * sizeof(double));
        wc_dyn_dir_make_dense(w, l);
        for (i = 0; i < m * k; i++)
            w->dense[l][i] = (v->dense[l] != NULL ? v->dense[l][i] : 0.0)
                             + lambda * u->dense[l][i];
        if (w->b[l] != NULL)
            for (i = 0; i < m; i++)
                w->b[l][i] = v->b[l][i] + lambda * u->b[l][i];
    }
    for (i = 0; i < w->n[w->hidden]; i++)
        w->out[i] = v->out[i] + lambda * u->out[i];
}

/* The lambda^1 coefficient of the polynomial through (lam[j], y[j]),
   j < m, and the absolute sum of its weighted terms. */
static long double
lagrange_linear(long double * abs_sum, const double * lam, const double * y,
                slong m)
{
    long double res = 0, as = 0;
    slong j, i;

    for (j = 0; j < m; j++)
    {
        /* L_j(lambda) = prod_{i != j} (lambda - lam_i) / (lam_j - lam_i);
           its lambda^1 coefficient is
           sum_{i != j} prod_{k != i, j} (-lam_k) / prod (lam_j - lam_i). */
        long double den = 1, lin = 0;

        for (i = 0; i < m; i++)
            if (i != j)
                den *= (long double) lam[j] - lam[i];
        for (i = 0; i < m; i++)
        {
            long double p = 1;
            slong k;

            if (i == j)
                continue;
            for (k = 0; k < m; k++)
                if (k != i && k != j)
                    p *= -(long double) lam[k];
            lin += p;
        }
        res += lin / den * y[j];
        as += fabsl(lin / den * y[j]);
    }
    *abs_sum = as;
    return res;
}

int
main(void)
{
    wc_test_t t;
    slong trial;

    wc_test_init(t, "t-cdd");

    for (trial = 0; trial < wc_test_trials(t, 40); trial++)
    {
        wc_net_t net;
        wc_dyn_mlp_t mlp;
        wc_dyn_dir_t zero, v, u, w, g;
        slong width = 1 + n_randint(t->state, 7), d, j, din, i;
        double x[4], xs[4], lam[8], y[8], co[8], dot;
        long double interp, as;

        wc_net_init(net);
        dyntest_random_net(net, t, 3, 4, -1);
        din = net->din;
        for (i = 0; i < din; i++)
        {
            x[i] = dyntest_unif(t);
            xs[i] = dyntest_unif(t);
        }
        wc_dyn_mlp_init(mlp, net, width, 1.0);
        wc_dyn_mlp_draw(mlp, 5, (uint32_t) trial);
        wc_dyn_dir_init(zero, mlp, 0);
        wc_dyn_dir_init(v, mlp, 1);
        wc_dyn_dir_init(u, mlp, 0);
        wc_dyn_dir_init(w, mlp, 1);
        wc_dyn_dir_init(g, mlp, 6);

        /* v: the gradient at xs (rank one per layer) scaled down, plus a
           small dense part; u dense. */
        wc_dyn_jet(co, v, mlp, xs, zero, 0);
        wc_dyn_dir_scale(v, 0.3);
        for (i = 1; i <= net->hidden; i++)
        {
            slong k;

            wc_dyn_dir_make_dense(v, i);
            for (k = 0; k < v->n[i] * v->n[i - 1]; k++)
                v->dense[i][k] = 0.1 * dyntest_unif(t);
        }
        random_dense(u, t);
        wc_dyn_dir_scale(u, 0.3);

        for (d = 0; d <= 4; d++)
        {
            wc_dyn_jet(co, g, mlp, x, v, d);
            dot = wc_dyn_dir_dot(g, u, mlp, 0);
            for (j = 0; j < d + 2; j++)
            {
                double cc[8];

                lam[j] = cos(3.14159265358979 * (j + 0.5) / (d + 2));
                combine(w, v, u, lam[j]);
                wc_dyn_jet(cc, NULL, mlp, x, w, d + 1);
                y[j] = cc[d + 1];
            }
            interp = lagrange_linear(&as, lam, y, d + 2);
            WC_CHECK(t, fabsl(interp - dot) <= ldexpl(as, -34) + 1e-300L,
                     "%s %s H %ld width %ld d %ld: reverse %.17g, "
                     "polarization %.17Lg", wc_act_name(net->act),
                     wc_param_name(net->param), (long) net->hidden,
                     (long) width, (long) d, dot, interp);
        }

        /* C[0,1] and C[1,0] against the Gram matrix. */
        {
            double c0[3], c1[3], X[8], K[4], eta = 0.37;
            wc_dyn_eval_t ev;

            memcpy(X, x, din * sizeof(double));
            memcpy(X + din, xs, din * sizeof(double));
            wc_dyn_eval_init(ev, mlp);
            wc_dyn_forward(ev, mlp, X, 2);
            wc_dyn_backward(ev, mlp);
            wc_dyn_kernel(K, ev, mlp);
            wc_dyn_cdd(c0, c1, mlp, x, xs, 2, eta);
            WC_CHECK(t, fabs(c0[1] - eta * K[1])
                     <= ldexp(eta * sqrt(K[0] * K[3]), -40),
                     "C[0,1] = %.17g, eta Theta = %.17g", c0[1], eta * K[1]);
            WC_CHECK(t, fabs(c0[0] - ev->f[0]) <= ldexp(fabs(c0[0]) + 1,
                                                         -40),
                     "C[0,0] = f");
            WC_CHECK(t, fabs(c1[0] - sqrt(eta * K[0]))
                     <= ldexp(sqrt(eta * K[0]), -40),
                     "C[1,0] = %.17g, sqrt(eta Theta) = %.17g", c1[0],
                     sqrt(eta * K[0]));
            wc_dyn_eval_clear(ev);
        }

        wc_dyn_dir_clear(zero);
        wc_dyn_dir_clear(v);
        wc_dyn_dir_clear(u);
        wc_dyn_dir_clear(w);
        wc_dyn_dir_clear(g);
        wc_dyn_mlp_clear(mlp);
        wc_net_clear(net);
    }

    /* The Monte Carlo engine against the jets engine. */
    for (trial = 0; trial < wc_test_trials(t, 4); trial++)
    {
        wc_net_t net;
        wc_dyn_task_t task;
        wc_dyn_opts_t opts;
        wc_dyn_rate_t a, b;
        wc_error_t err;
        slong i, w, k, S = 5, nw;

        wc_net_init(net);
        dyntest_random_net(net, t, 3, 4, -1);
        wc_dyn_task_init(task);
        wc_error_init(err);
        wc_dyn_task_teacher(task, net->din, 3, 2, WC_DYN_LOSS_SQUARED,
                            trial, err);
        wc_dyn_opts_init(opts);
        flint_free(opts->widths);
        wc_mc_widths_parse(&opts->widths, &opts->nwidths, "3,8,17", err);
        nw = opts->nwidths;
        opts->lr = 0.25 + trial;
        opts->threads = 2;
        opts->seed = 11 + trial;
        wc_dyn_rate_init(a);
        wc_dyn_rate_init(b);
        WC_CHECK(t, wc_dyn_rate(a, net, task, opts, S, WC_DYN_RATE_MC, NULL,
                                err) == WC_OK, "mc engine: %s", err->msg);
        WC_CHECK(t, wc_dyn_rate(b, net, task, opts, S, WC_DYN_RATE_JETS,
                                NULL, err) == WC_OK, "jets: %s", err->msg);
        for (i = 0; i < WC_DYN_RATE_TERMS; i++)
            for (w = 0; w < nw; w++)
            {
                double scale = 0.0;

                for (k = 0; k < S; k++)
                    scale = FLINT_MAX(scale, fabs(a->value[(i * nw + w) * S
                                                           + k]));
                for (k = 0; k < S; k++)
                {
                    double va = a->value[(i * nw + w) * S + k];
                    double vb = b->value[(i * nw + w) * S + k];

                    WC_CHECK(t, fabs(va - vb) <= ldexp(scale, -36),
                             "C[%ld,%ld] width %ld sample %ld: mc %.17g, "
                             "jets %.17g", (long) wc_dyn_rate_term[i].D,
                             (long) wc_dyn_rate_term[i].d,
                             (long) opts->widths[w], (long) k, va, vb);
                }
            }
        wc_dyn_rate_clear(a);
        wc_dyn_rate_clear(b);
        wc_dyn_opts_clear(opts);
        wc_dyn_task_clear(task);
        wc_net_clear(net);
    }

    return wc_test_finish(t);
}
