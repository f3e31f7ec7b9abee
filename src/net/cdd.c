/* The derivative correlations C^{D,d} of Shem-Ur & Oz (2024) on one
   sample, from jets along the metric gradient G g (g = grad f(x_grad)):
   C^{0,j} are the Taylor coefficients of f(theta + t G g) at x_main,
   C^{1,d} the d-th Taylor coefficient of the gradient along that line,
   and C^{2,d} acts on a vector q as half the gradient's coefficient of
   t^d s along theta + t G g + s q. */

#include <math.h>
#include <string.h>

#include "weakcorr/net.h"

/* v = G grad f(x). */
static void
metric_grad(wc_pvec_t v, wc_mlp_t mlp, const double * x)
{
    wc_mlp_grad(v, mlp, x);
    wc_pvec_metric_mul(v, mlp, 1.0);
}

void
wc_mlp_cdd0(double * c, wc_mlp_t mlp, const double * x_main,
            const double * x_grad, slong d)
{
    wc_pvec_t v;
    wc_jet_shape_t sh;
    const wc_pvec_struct * dirs[1];

    wc_pvec_init(v, mlp);
    metric_grad(v, mlp, x_grad);
    dirs[0] = v;
    wc_jet_shape_init(sh, &d, d > 0 ? 1 : 0, NULL);
    wc_mlp_jet(c, NULL, mlp, x_main, dirs, sh);
    wc_jet_shape_clear(sh);
    wc_pvec_clear(v);
}

void
wc_mlp_cdd1(wc_pvec_t u, wc_mlp_t mlp, const double * x_main,
            const double * x_grad, slong d)
{
    wc_pvec_t v;
    wc_jet_shape_t sh;
    const wc_pvec_struct * dirs[1];

    wc_pvec_init(v, mlp);
    metric_grad(v, mlp, x_grad);
    dirs[0] = v;
    wc_jet_shape_init(sh, &d, d > 0 ? 1 : 0, NULL);
    wc_mlp_jet(NULL, u, mlp, x_main, dirs, sh);
    wc_jet_shape_clear(sh);
    wc_pvec_clear(v);
}

/* Eigenvalues of the symmetric tridiagonal matrix with diagonal a[0..n-1]
   and off-diagonal b[0..n-2], by the implicit QL method with Wilkinson
   shifts; last[j] receives the last component of the j-th unit
   eigenvector (all the Lanczos residual bound needs).  a and b are
   overwritten (a with the eigenvalues). */
static void
tridiag_eigen(double * a, double * b, double * last, slong n)
{
    double * e = flint_malloc((n + 1) * sizeof(double));
    slong l, m, i, iter;

    for (i = 0; i < n; i++)
    {
        e[i] = (i + 1 < n) ? b[i] : 0.0;
        last[i] = (i == n - 1) ? 1.0 : 0.0;
    }

    for (l = 0; l < n; l++)
    {
        for (iter = 0; iter < 100; iter++)
        {
            double g, r, s, c, p, f, bb;

            /* Split where an off-diagonal entry is negligible. */
            for (m = l; m + 1 < n; m++)
                if (fabs(e[m]) <= 0x1p-53 * (fabs(a[m]) + fabs(a[m + 1])))
                    break;
            if (m == l)
                break;

            g = (a[l + 1] - a[l]) / (2.0 * e[l]);
            r = hypot(g, 1.0);
            g = a[m] - a[l] + e[l] / (g + (g >= 0 ? r : -r));
            s = c = 1.0;
            p = 0.0;
            for (i = m - 1; i >= l; i--)
            {
                f = s * e[i];
                bb = c * e[i];
                r = hypot(f, g);
                e[i + 1] = r;
                if (r == 0.0)
                {
                    a[i + 1] -= p;
                    e[m] = 0.0;
                    break;
                }
                s = f / r;
                c = g / r;
                g = a[i + 1] - p;
                r = (a[i] - g) * s + 2.0 * c * bb;
                p = s * r;
                a[i + 1] = g + p;
                g = c * r - bb;
                /* the rotation acting on columns i, i+1 of the eigenvector
                   matrix, restricted to its last row */
                f = last[i + 1];
                last[i + 1] = s * last[i] + c * f;
                last[i] = c * last[i] - s * f;
            }
            if (r == 0.0 && i >= l)
                continue;
            a[l] -= p;
            e[l] = g;
            e[m] = 0.0;
        }
    }
    flint_free(e);
}

/* y = G^(1/2) C^{2,d} G^(1/2) w, with v = G g the direction. */
static void
apply_c2(wc_pvec_t y, wc_pvec_t q, wc_mlp_t mlp, const double * x_main,
         const wc_pvec_t v, slong d, const wc_pvec_t w)
{
    const wc_pvec_struct * dirs[2];
    slong deg[2];
    wc_jet_shape_t sh;
    slong nd = 0;

    wc_pvec_set(q, w);
    wc_pvec_metric_mul(q, mlp, 0.5);
    if (d > 0)
    {
        dirs[nd] = v;
        deg[nd++] = d;
    }
    dirs[nd] = q;
    deg[nd++] = 1;
    wc_jet_shape_init(sh, deg, nd, NULL);
    /* The gradient's coefficient of t^d s is D^(d+2) f[v^d, q, .] / d!;
       C^{2,d} carries 1 / (2! d!). */
    wc_mlp_jet(NULL, y, mlp, x_main, dirs, sh);
    wc_jet_shape_clear(sh);
    wc_pvec_scalar_mul(y, 0.5);
    wc_pvec_metric_mul(y, mlp, 0.5);
    wc_pvec_densify(y);
}

double
wc_mlp_cdd2_opnorm(double * resid, slong * iters, wc_mlp_t mlp,
                   const double * x_main, const double * x_grad, slong d,
                   double tol, slong maxiter, slong id)
{
    wc_pvec_t v, w, wprev, y, q;
    double * alpha = flint_malloc(FLINT_MAX(maxiter, 1) * sizeof(double));
    double * beta = flint_malloc(FLINT_MAX(maxiter, 1) * sizeof(double));
    double * ta = flint_malloc(FLINT_MAX(maxiter, 1) * sizeof(double));
    double * tb = flint_malloc(FLINT_MAX(maxiter, 1) * sizeof(double));
    double * last = flint_malloc(FLINT_MAX(maxiter, 1) * sizeof(double));
    double theta = 0, res = 0, nrm;
    slong k, j, done = 0;

    wc_pvec_init(v, mlp);
    wc_pvec_init(w, mlp);
    wc_pvec_init(wprev, mlp);
    wc_pvec_init(y, mlp);
    wc_pvec_init(q, mlp);
    if (d > 0)
        metric_grad(v, mlp, x_grad);

    /* Start: a Rademacher vector of unit length (stream START). */
    wc_pvec_rademacher(w, mlp->seed, mlp->sample, WC_RNG_START, id);
    nrm = sqrt(wc_pvec_dot(w, w));
    wc_pvec_scalar_mul(w, 1.0 / nrm);
    wc_pvec_zero(wprev);
    wc_pvec_densify(wprev);

    for (k = 0; k < maxiter && !done; k++)
    {
        double bk, best = -1;

        apply_c2(y, q, mlp, x_main, v, d, w);
        alpha[k] = wc_pvec_dot(w, y);
        wc_pvec_add(y, y, w, -alpha[k]);
        if (k > 0)
            wc_pvec_add(y, y, wprev, -beta[k - 1]);
        bk = sqrt(wc_pvec_dot(y, y));
        beta[k] = bk;

        /* Ritz values of the (k+1) x (k+1) tridiagonal matrix. */
        memcpy(ta, alpha, (k + 1) * sizeof(double));
        memcpy(tb, beta, k * sizeof(double));
        tridiag_eigen(ta, tb, last, k + 1);
        for (j = 0; j <= k; j++)
            if (fabs(ta[j]) > best)
            {
                best = fabs(ta[j]);
                theta = ta[j];
                res = bk * fabs(last[j]);
            }

        /* Converged, or an invariant subspace (exact in exact
           arithmetic). */
        if (res <= tol * fabs(theta) || bk <= 0x1p-50 * fabs(theta)
            || bk == 0)
            done = 1;
        else
        {
            wc_pvec_swap(wprev, w);
            wc_pvec_set(w, y);
            wc_pvec_scalar_mul(w, 1.0 / bk);
        }
    }

    if (resid != NULL)
        *resid = res;
    if (iters != NULL)
        *iters = k;

    wc_pvec_clear(v);
    wc_pvec_clear(w);
    wc_pvec_clear(wprev);
    wc_pvec_clear(y);
    wc_pvec_clear(q);
    flint_free(alpha);
    flint_free(beta);
    flint_free(ta);
    flint_free(tb);
    flint_free(last);
    return fabs(theta);
}
