/* The one-step identity that ties dynamics to the derivative
   correlations.  After one gradient step on the single example x_s with
   squared loss (loss' = f(x_s) - y_s),
       theta(1) = theta(0) - eta loss' G grad f(x_s),
   so f(theta(1))(x) = f(theta(0) + t v)(x) at t = -loss', v = eta G g,
   and
       f(theta(1))(x) - f(theta(0))(x) = sum_{d>=1} (-loss')^d C[0,d](x; x_s),
   C[0,d] = eta^d/d! D^d f(x)[(G g)^d].  The left side comes from the
   training code (batched forward, backward and update with the gemm
   kernels); the right side from Taylor-mode jets (wc_dyn_cdd, a
   separate forward and reverse pass).

   Linear activations: f has degree H + 1 in theta, so the sum stops and
   C[0,d] is exactly 0 for d > H + 1; the two sides must agree within
   2^-40 times R = |f|_abs(theta0) + |f|_abs(theta1) + sum_d |term_d|,
   |f|_abs the network evaluated with every weight, bias and input
   replaced by its absolute value and the identity activation (it bounds
   every partial sum of both computations; the actual rounding error is
   below (H + 2)(n + din) u R, far less than 2^-40 R at these widths).

   Analytic activations at small eta: the series converges
   geometrically.  With terms t_d up to D = 14 and r the larger of the
   last two ratios |t_(d+1) / t_d|, the remainder is estimated by the
   geometric tail |t_D| r / (1 - r) (an estimate, not a bound: the
   ratios of Taylor coefficients of these entire or meromorphic functions
   settle long before d = 14 at the learning rates used, chosen so that
   successive terms shrink tenfold, which the check r < 1/2 guards); the
   two sides must agree within the tail plus 2^-40 R.  The test also
   checks that stopping one term early does not pass, so that the
   comparison resolves the last term. */

#include "dyntest.h"

#define DMAX 14

/* The network with absolute values and the identity activation. */
static double
f_abs(const wc_dyn_mlp_struct * mlp, const double * x)
{
    slong l, i, j;
    double * h = flint_malloc(FLINT_MAX(mlp->width, mlp->din)
                              * sizeof(double) * 2);
    double * z = h + FLINT_MAX(mlp->width, mlp->din), s = 0.0;

    for (j = 0; j < mlp->din; j++)
        h[j] = fabs(x[j]);
    for (l = 1; l <= mlp->hidden; l++)
    {
        slong m = mlp->n[l], k = mlp->n[l - 1];

        for (i = 0; i < m; i++)
        {
            double a = 0.0;

            for (j = 0; j < k; j++)
                a += fabs(mlp->W[l][i * k + j]) * h[j];
            z[i] = a / sqrt((double) k);
            if (mlp->b[l] != NULL)
                z[i] += fabs(mlp->beta * mlp->b[l][i]);
        }
        memcpy(h, z, m * sizeof(double));
    }
    for (i = 0; i < mlp->width; i++)
        s += fabs(mlp->V[i]) * h[i];
    flint_free(h);
    return fabs(mlp->alpha) * s;
}

int
main(void)
{
    wc_test_t t;
    slong trial;

    wc_test_init(t, "t-onestep");

    for (trial = 0; trial < wc_test_trials(t, 80); trial++)
    {
        int act = (trial % 2 == 0) ? WC_ACT_LINEAR
                  : (int) (WC_ACT_TANH + n_randint(t->state, 7));
        wc_net_t net;
        wc_dyn_mlp_t mlp, mlp0;
        wc_dyn_eval_t ev;
        slong width = 1 + n_randint(t->state, 12), din, H, d, D, i;
        double xs[4], x[4], ys, eta, lp, c, c0[DMAX + 1], f0, f1;
        double lhs, rhs, R, term[DMAX + 1], tol;

        wc_net_init(net);
        if (act == WC_ACT_POLY)
            act = WC_ACT_TANH;
        dyntest_random_net(net, t, 3, 4, act);
        din = net->din;
        H = net->hidden;
        for (i = 0; i < din; i++)
        {
            xs[i] = 1.5 * dyntest_unif(t);
            x[i] = 1.5 * dyntest_unif(t);
        }
        ys = dyntest_unif(t);

        wc_dyn_mlp_init(mlp, net, width, 1.0);
        wc_dyn_mlp_init(mlp0, net, width, 1.0);
        wc_dyn_mlp_draw(mlp, 31, (uint32_t) trial);
        wc_dyn_mlp_set(mlp0, mlp);
        wc_dyn_eval_init(ev, mlp);

        /* The learning rate: 0.3 for linear networks; for the others,
           small enough that the terms at eta = 1 scaled by eta^d shrink
           by a factor 10 or more from one d to the next (C[0,d] is
           homogeneous of degree d in eta). */
        wc_dyn_forward(ev, mlp, xs, 1);
        lp = wc_dyn_loss_deriv(WC_DYN_LOSS_SQUARED, ev->f[0], ys);
        if (act == WC_ACT_LINEAR)
            eta = 0.3;
        else
        {
            double rho = 0.0;

            wc_dyn_cdd(c0, NULL, mlp0, x, xs, DMAX, 1.0);
            for (d = 1; d < DMAX; d++)
                if (c0[d] != 0.0)
                    rho = FLINT_MAX(rho, fabs(c0[d + 1] * lp / c0[d]));
            eta = (rho > 0) ? FLINT_MIN(0.05, 0.1 / rho) : 0.05;
        }

        wc_dyn_forward(ev, mlp, x, 1);
        f0 = ev->f[0];
        wc_dyn_forward(ev, mlp, xs, 1);
        lp = wc_dyn_loss_deriv(WC_DYN_LOSS_SQUARED, ev->f[0], ys);
        c = eta * lp;
        wc_dyn_backward(ev, mlp);
        wc_dyn_update(mlp, ev, &c);
        wc_dyn_forward(ev, mlp, x, 1);
        f1 = ev->f[0];
        lhs = f1 - f0;

        D = (act == WC_ACT_LINEAR) ? H + 2 : DMAX;
        wc_dyn_cdd(c0, NULL, mlp0, x, xs, D, eta);
        rhs = 0.0;
        R = f_abs(mlp0, x) + f_abs(mlp, x);
        for (d = 1; d <= D; d++)
        {
            term[d] = c0[d] * pow(-lp, (double) d);
            rhs += term[d];
            R += fabs(term[d]);
        }
        tol = ldexp(R, -40);

        if (act == WC_ACT_LINEAR)
        {
            WC_CHECK(t, c0[H + 2] == 0.0, "linear: C[0,%ld] = %g, not 0",
                     (long) H + 2, c0[H + 2]);
            WC_CHECK(t, fabs(lhs - rhs) <= tol, "linear %s H %ld width "
                     "%ld: step %.17g, series %.17g (tol %.3g)",
                     wc_param_name(net->param), (long) H, (long) width, lhs,
                     rhs, tol);
        }
        else
        {
            double r = 0.0, tail;

            for (d = D - 2; d < D; d++)
                if (term[d] != 0.0)
                    r = FLINT_MAX(r, fabs(term[d + 1] / term[d]));
            tail = fabs(term[D]) * r / (1.0 - r);
            WC_CHECK(t, r < 0.5, "%s: ratio %.3g, series not converging "
                     "fast enough", wc_act_name(act), r);
            WC_CHECK(t, fabs(lhs - rhs) <= tail + tol, "%s %s H %ld width "
                     "%ld: step %.17g, series %.17g (tail %.3g, tol %.3g)",
                     wc_act_name(act), wc_param_name(net->param), (long) H,
                     (long) width, lhs, rhs, tail, tol);
        }

        /* One term fewer must not pass whenever the last kept term is
           resolved (above the tolerance). */
        for (d = D; d >= 1 && term[d] == 0.0; d--)
            ;
        if (d >= 1 && fabs(term[d]) > 4.0 * tol)
            WC_CHECK(t, fabs(lhs - (rhs - term[d])) > tol, "dropping term "
                     "%ld still agrees", (long) d);

        wc_dyn_eval_clear(ev);
        wc_dyn_mlp_clear(mlp0);
        wc_dyn_mlp_clear(mlp);
        wc_net_clear(net);
    }

    return wc_test_finish(t);
}
