/* Taylor-mode evaluation of the network along a curve theta + sum_j t_j v_j
   in parameter space, and the Taylor coefficients of the gradient along
   the same curve (forward-over-reverse).

   Coefficients live in the truncated polynomial ring
   R = R[t_1..t_r] / (t_1^(m_1+1), ..., t_r^(m_r+1)); every step of the
   network is a polynomial operation in R, so the coefficient of t^S of the
   output is exactly D^|S| f[v^S] / S! (up to rounding).  Forward, layer l:
       z^l(t) = (W^l + sum_j t_j dW_j^l) h^(l-1)(t) / sqrt(n_(l-1))
                + beta (b^l + sum_j t_j db_j^l),
       h^l(t) = s(z^l(t)) = sum_k s^(k)(z_0) (z(t) - z_0)^k / k!,
   exact in R because (z(t) - z_0)^k = 0 for k > m_1 + ... + m_r.
   Backward, with delta^l = df/dz^l along the curve:
       delta^H = alpha V(t) s'(z^H(t)),
       delta^(l-1) = s'(z^(l-1)(t)) W^l(t)^T delta^l(t) / sqrt(n_(l-1)),
   and the gradient's block on W^l is delta^l(t) h^(l-1)(t)^T /
   sqrt(n_(l-1)): its top coefficient is sum_{S' <= m} delta_S' h_(m-S')^T,
   a sum of at most ncoeffs rank-one terms. */

#include <math.h>
#include <string.h>

#include "weakcorr/net.h"

wc_status
wc_jet_shape_init(wc_jet_shape_t sh, const slong * deg, slong ndirs,
                  wc_error_t err)
{
    slong j, c, a, n = 0, B = 1, K = 0;
    slong digit_c[WC_JET_MAX_DIRS], digit_a[WC_JET_MAX_DIRS];

    sh->triple = NULL;
    sh->ntriples = 0;
    if (ndirs > WC_JET_MAX_DIRS)
        return wc_error_set(err, WC_ERR_RANGE, -1,
            "a jet along %ld distinct directions (at most %d)",
            (long) ndirs, WC_JET_MAX_DIRS);
    for (j = 0; j < ndirs; j++)
    {
        if (deg[j] < 0)
            return wc_error_set(err, WC_ERR_RANGE, -1, "negative degree");
        K += deg[j];
        if (K > WC_JET_MAX_ORDER)
            return wc_error_set(err, WC_ERR_RANGE, -1,
                "a derivative of order above %d", WC_JET_MAX_ORDER);
        B *= deg[j] + 1;
        if (B > WC_JET_MAX_COEFFS)
            return wc_error_set(err, WC_ERR_RANGE, -1,
                "a jet with more than %d Taylor coefficients",
                WC_JET_MAX_COEFFS);
    }

    sh->ndirs = ndirs;
    sh->ncoeffs = B;
    sh->order = K;
    for (j = 0; j < ndirs; j++)
    {
        sh->deg[j] = deg[j];
        sh->stride[j] = (j == 0) ? 1 : sh->stride[j - 1] * (deg[j - 1] + 1);
    }

    /* Triples (c, a, b) with S_a <= S_c and S_b = S_c - S_a. */
    for (c = 0; c < B; c++)
        for (a = 0; a < B; a++)
        {
            int ok = 1;

            for (j = 0; j < ndirs; j++)
            {
                digit_c[j] = (c / sh->stride[j]) % (deg[j] + 1);
                digit_a[j] = (a / sh->stride[j]) % (deg[j] + 1);
                ok &= (digit_a[j] <= digit_c[j]);
            }
            n += ok;
        }
    sh->triple = flint_malloc(3 * FLINT_MAX(n, 1) * sizeof(slong));
    for (c = 0; c < B; c++)
        for (a = 0; a < B; a++)
        {
            int ok = 1;
            slong b = 0;

            for (j = 0; j < ndirs; j++)
            {
                digit_c[j] = (c / sh->stride[j]) % (deg[j] + 1);
                digit_a[j] = (a / sh->stride[j]) % (deg[j] + 1);
                ok &= (digit_a[j] <= digit_c[j]);
                b += (digit_c[j] - digit_a[j]) * sh->stride[j];
            }
            if (ok)
            {
                sh->triple[3 * sh->ntriples] = c;
                sh->triple[3 * sh->ntriples + 1] = a;
                sh->triple[3 * sh->ntriples + 2] = b;
                sh->ntriples++;
            }
        }
    return WC_OK;
}

void
wc_jet_shape_clear(wc_jet_shape_t sh)
{
    flint_free(sh->triple);
}

/* The index of S - e_j, or -1 when S_j = 0. */
static slong
shift_down(const wc_jet_shape_t sh, slong c, slong j)
{
    slong dj = (c / sh->stride[j]) % (sh->deg[j] + 1);

    return dj > 0 ? c - sh->stride[j] : -1;
}

static double
dot(const double * a, const double * b, slong n)
{
    double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
    slong i;

    for (i = 0; i + 4 <= n; i += 4)
    {
        s0 += a[i] * b[i];
        s1 += a[i + 1] * b[i + 1];
        s2 += a[i + 2] * b[i + 2];
        s3 += a[i + 3] * b[i + 3];
    }
    for (; i < n; i++)
        s0 += a[i] * b[i];
    return (s0 + s1) + (s2 + s3);
}

/* The activation's jet at one neuron: from z_c = z[c ld] (c < B), the
   coefficients of s(z(t)) into h[c ld] and, if sp != NULL, of s'(z(t))
   into sp[c ld]. */
static void
act_jet(double * h, double * sp, const double * z, slong ld,
        const wc_jet_shape_t sh, const wc_mlp_t mlp)
{
    double d[WC_ACT_MAX_DERIV + 1];
    double p1[WC_JET_MAX_COEFFS], pk[WC_JET_MAX_COEFFS];
    double nx[WC_JET_MAX_COEFFS];
    slong B = sh->ncoeffs, K = sh->order, c, k, t;
    double kfac = 1;

    wc_act_derivs(d, K + (sp != NULL), z[0], mlp->act, mlp->poly,
                  mlp->poly_len);

    h[0] = d[0];
    if (sp != NULL)
        sp[0] = d[1];
    if (B == 1)
        return;

    p1[0] = 0;
    for (c = 1; c < B; c++)
    {
        p1[c] = z[c * ld];
        pk[c] = p1[c];
        h[c * ld] = d[1] * p1[c];
        if (sp != NULL)
            sp[c * ld] = d[2] * p1[c];
    }
    pk[0] = 0;

    /* Powers (z - z_0)^k; each is zero below total degree k, and the
       ring truncates above the top. */
    for (k = 2; k <= K; k++)
    {
        kfac *= (double) k;
        for (c = 0; c < B; c++)
            nx[c] = 0;
        for (t = 0; t < sh->ntriples; t++)
        {
            const slong * tr = sh->triple + 3 * t;

            nx[tr[0]] += pk[tr[1]] * p1[tr[2]];
        }
        for (c = 1; c < B; c++)
        {
            pk[c] = nx[c];
            h[c * ld] += d[k] / kfac * pk[c];
            if (sp != NULL)
                sp[c * ld] += d[k + 1] / kfac * pk[c];
        }
    }
}

/* out[c] = sum over triples of a[tr1] b[tr2], one neuron, strided. */
static void
jet_mul(double * out, const double * a, const double * b, slong ld,
        const wc_jet_shape_t sh)
{
    double acc[WC_JET_MAX_COEFFS];
    slong c, t;

    for (c = 0; c < sh->ncoeffs; c++)
        acc[c] = 0;
    for (t = 0; t < sh->ntriples; t++)
    {
        const slong * tr = sh->triple + 3 * t;

        acc[tr[0]] += a[tr[1] * ld] * b[tr[2] * ld];
    }
    for (c = 0; c < sh->ncoeffs; c++)
        out[c * ld] = acc[c];
}

void
wc_mlp_jet(double * coeffs, wc_pvec_t grad, wc_mlp_t mlp, const double * x,
           const wc_pvec_struct * const * dirs, const wc_jet_shape_t sh)
{
    slong H = mlp->hidden, B = sh->ncoeffs, r = sh->ndirs;
    slong top = B - 1, l, c, j, i, t;
    int want_grad = (grad != NULL);
    double ** h = flint_calloc(H + 1, sizeof(double *));
    double ** sp = flint_calloc(H + 1, sizeof(double *));
    double ** delta = flint_calloc(H + 1, sizeof(double *));
    double * z, * back = NULL, * e = NULL, * f;
    slong nmax = 0;

    for (l = 0; l <= H; l++)
        nmax = FLINT_MAX(nmax, mlp->n[l]);
    z = flint_malloc(B * nmax * sizeof(double));
    f = flint_calloc(B, sizeof(double));
    if (want_grad)
    {
        back = flint_malloc(B * nmax * sizeof(double));
        e = flint_malloc(B * nmax * sizeof(double));
    }

    /* h^0: the input, constant along the curve. */
    h[0] = flint_calloc(B * mlp->n[0], sizeof(double));
    memcpy(h[0], x, mlp->n[0] * sizeof(double));

    for (l = 1; l <= H; l++)
    {
        slong nin = mlp->n[l - 1], nout = mlp->n[l];
        double inv = 1.0 / sqrt((double) nin);
        /* Only the constant coefficient of the input is nonzero. */
        slong cin = (l == 1) ? 1 : B;
        int last = (l == H);

        h[l] = flint_malloc(B * nout * sizeof(double));
        if (want_grad)
        {
            sp[l] = flint_malloc(B * nout * sizeof(double));
            delta[l] = flint_malloc(B * nout * sizeof(double));
        }

        /* Direction terms dW_j h_(S - e_j), O(rank n) each. */
        memset(z, 0, B * nout * sizeof(double));
        for (c = 1; c < B; c++)
            for (j = 0; j < r; j++)
            {
                slong src = shift_down(sh, c, j);

                if (src >= 0 && src < cin)
                    wc_pvec_apply(z + c * nout, dirs[j], l,
                                  h[l - 1] + src * nin, 1.0);
            }
        if (want_grad && last)
            memset(back, 0, B * nin * sizeof(double));

        /* One pass over the rows of W^l; for the last layer the
           activation, the output and the backward products with the same
           row happen in the same pass. */
        for (i = 0; i < nout; i++)
        {
            const double * row = wc_mlp_row(mlp, l, i, mlp->rowbuf);
            double acc[WC_JET_MAX_COEFFS];

            for (c = 0; c < cin; c++)
                acc[c] = 0;
            _wc_net_dots(acc, row, h[l - 1], nin, nin, cin);
            for (c = 0; c < cin; c++)
                z[c * nout + i] += acc[c];
            for (c = 0; c < B; c++)
                z[c * nout + i] *= inv;
            if (mlp->beta != 0)
            {
                z[i] += mlp->beta * mlp->b[l][i];
                for (j = 0; j < r; j++)
                    if (sh->deg[j] > 0)
                        z[sh->stride[j] * nout + i]
                            += mlp->beta * dirs[j]->layer[l].bias[i];
            }

            if (!last)
                continue;

            act_jet(h[l] + i, want_grad ? sp[l] + i : NULL, z + i, nout, sh,
                    mlp);
            if (want_grad)
            {
                /* delta^H = alpha (V + sum_j t_j dV_j) s'(z^H(t)) */
                for (c = 0; c < B; c++)
                {
                    double v = mlp->V[i] * sp[l][c * nout + i];

                    for (j = 0; j < r; j++)
                    {
                        slong src = shift_down(sh, c, j);

                        if (src >= 0)
                            v += dirs[j]->out[i] * sp[l][src * nout + i];
                    }
                    delta[l][c * nout + i] = mlp->alpha * v;
                }
                if (H > 1)
                {
                    double a[WC_JET_MAX_COEFFS];

                    for (c = 0; c < B; c++)
                        a[c] = delta[l][c * nout + i];
                    _wc_net_axpys(back, nin, a, row, nin, B);
                }
            }
        }

        if (!last)
            for (i = 0; i < nout; i++)
                act_jet(h[l] + i, want_grad ? sp[l] + i : NULL, z + i, nout,
                        sh, mlp);
    }

    /* The output: f(t) = alpha (V + sum_j t_j dV_j) . h^H(t). */
    {
        slong nH = mlp->n[H];

        for (c = 0; c < B; c++)
        {
            double v = dot(mlp->V, h[H] + c * nH, nH);

            for (j = 0; j < r; j++)
            {
                slong src = shift_down(sh, c, j);

                if (src >= 0)
                    v += dot(dirs[j]->out, h[H] + src * nH, nH);
            }
            f[c] = mlp->alpha * v;
        }
        if (coeffs != NULL)
            memcpy(coeffs, f, B * sizeof(double));
    }

    if (want_grad)
    {
        /* back holds W^H^T delta^H_c; go down the layers. */
        for (l = H - 1; l >= 1; l--)
        {
            slong nl = mlp->n[l], nup = mlp->n[l + 1];
            double inv = 1.0 / sqrt((double) nl);

            for (c = 0; c < B; c++)
            {
                double * ec = e + c * nl;

                memcpy(ec, back + c * nl, nl * sizeof(double));
                for (j = 0; j < r; j++)
                {
                    slong src = shift_down(sh, c, j);

                    if (src >= 0)
                        wc_pvec_apply_t(ec, dirs[j], l + 1,
                                        delta[l + 1] + src * nup, 1.0);
                }
                for (i = 0; i < nl; i++)
                    ec[i] *= inv;
            }
            for (i = 0; i < nl; i++)
                jet_mul(delta[l] + i, e + i, sp[l] + i, nl, sh);

            if (l >= 2)
            {
                slong nin = mlp->n[l - 1];

                memset(back, 0, B * nin * sizeof(double));
                for (i = 0; i < nl; i++)
                {
                    const double * row = wc_mlp_row(mlp, l, i, mlp->rowbuf);
                    double a[WC_JET_MAX_COEFFS];

                    for (c = 0; c < B; c++)
                        a[c] = delta[l][c * nl + i];
                    _wc_net_axpys(back, nin, a, row, nin, B);
                }
            }
        }

        /* The top coefficient of the gradient. */
        wc_pvec_zero(grad);
        for (l = 1; l <= H; l++)
        {
            slong nin = mlp->n[l - 1], nl = mlp->n[l];
            double inv = 1.0 / sqrt((double) nin);

            for (t = 0; t < sh->ntriples; t++)
            {
                const slong * tr = sh->triple + 3 * t;

                /* delta_a h_b^T with a + b = top */
                if (tr[0] != top || (l == 1 && tr[2] != 0))
                    continue;
                wc_pvec_add_rank1(grad, l, delta[l] + tr[1] * nl,
                                  h[l - 1] + tr[2] * nin, inv);
            }
            if (mlp->beta != 0)
                for (i = 0; i < nl; i++)
                    grad->layer[l].bias[i] = mlp->beta
                                             * delta[l][top * nl + i];
        }
        for (i = 0; i < mlp->n[H]; i++)
            grad->out[i] = mlp->alpha * h[H][top * mlp->n[H] + i];
    }

    for (l = 0; l <= H; l++)
    {
        flint_free(h[l]);
        flint_free(sp[l]);
        flint_free(delta[l]);
    }
    flint_free(h);
    flint_free(sp);
    flint_free(delta);
    flint_free(z);
    flint_free(f);
    flint_free(back);
    flint_free(e);
}

double
wc_mlp_forward(wc_mlp_t mlp, const double * x)
{
    wc_jet_shape_t sh;
    double f;

    wc_jet_shape_init(sh, NULL, 0, NULL);
    wc_mlp_jet(&f, NULL, mlp, x, NULL, sh);
    wc_jet_shape_clear(sh);
    return f;
}

double
wc_mlp_grad(wc_pvec_t g, wc_mlp_t mlp, const double * x)
{
    wc_jet_shape_t sh;
    double f;

    wc_jet_shape_init(sh, NULL, 0, NULL);
    wc_mlp_jet(&f, g, mlp, x, NULL, sh);
    wc_jet_shape_clear(sh);
    return f;
}
