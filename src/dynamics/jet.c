/* Taylor-mode jets of t -> f(x; theta + t v) and their reverse pass.

   Forward.  With the t^k coefficients h^(l-1)_k of the previous layer
   (h^0_0 = x, h^0_k = 0 for k >= 1) and v's blocks V^l, vb^l, vout:
       z^l_k = (W^l h^(l-1)_k + [k >= 1] V^l h^(l-1)_(k-1)) / sqrt(n_(l-1))
               + beta ([k = 0] b^l + [k = 1] vb^l),
       h^l = s(z^l) as jets (act.c), p^l = s'(z^l) alongside,
       f_k = alpha (V . h^H_k + [k >= 1] vout . h^H_(k-1)).
   The d + 1 products W^l h^(l-1)_k are one call of the nt kernel.

   Reverse, for the gradient of f_j with v held fixed.  The adjoints
   hbar^H_k = alpha ([k = j] V + [k = j - 1] vout) go back through the
   activation by d h_k / d z_m = p_(k-m) (the t^(k-m) coefficient of
   s'(z(t)), since d s(z(t)) / d z_m = s'(z(t)) t^m):
       zbar_m = sum_{k=m}^{j} hbar_k p_(k-m),
   then give the gradient blocks
       dW^l = sum_m zbar_m h^(l-1)_m^T / sqrt(n_(l-1))   (rank j + 1),
       db^l = beta zbar_0,   dV = alpha h^H_j,
   and the adjoints of the previous layer
       hbar^(l-1)_m = (W^l^T zbar_m + V^l^T zbar_(m+1)) / sqrt(n_(l-1)).
   Rounding: each coefficient is a sum of products of earlier ones and of
   dot products of length n, so its error is a small multiple of
   n u times the same sum taken in absolute values. */

#include "dyn_impl.h"

void
_wc_dyn_jet_init(_wc_dyn_jet_struct * J, const wc_dyn_mlp_t mlp, slong d)
{
    slong H = mlp->hidden, l, nmax = mlp->din;

    J->d = d;
    J->hidden = H;
    J->n = flint_malloc((H + 1) * sizeof(slong));
    memcpy(J->n, mlp->n, (H + 1) * sizeof(slong));
    J->Z = flint_calloc(H + 1, sizeof(double *));
    J->Hh = flint_calloc(H + 1, sizeof(double *));
    J->P = flint_calloc(H + 1, sizeof(double *));
    for (l = 0; l <= H; l++)
    {
        J->Hh[l] = flint_calloc((d + 1) * mlp->n[l], sizeof(double));
        if (l >= 1)
        {
            J->Z[l] = flint_calloc((d + 1) * mlp->n[l], sizeof(double));
            J->P[l] = flint_calloc((d + 1) * mlp->n[l], sizeof(double));
        }
        nmax = FLINT_MAX(nmax, mlp->n[l]);
    }
    J->work = flint_malloc(3 * (d + 2) * nmax * sizeof(double));
}

void
_wc_dyn_jet_clear(_wc_dyn_jet_struct * J)
{
    slong l;

    for (l = 0; l <= J->hidden; l++)
    {
        flint_free(J->Z[l]);
        flint_free(J->Hh[l]);
        flint_free(J->P[l]);
    }
    flint_free(J->Z);
    flint_free(J->Hh);
    flint_free(J->P);
    flint_free(J->work);
    flint_free(J->n);
}

void
_wc_dyn_jet_forward(double * coeffs, _wc_dyn_jet_struct * J,
                    const wc_dyn_mlp_t mlp, const double * x,
                    const wc_dyn_dir_t v)
{
    slong H = mlp->hidden, d = J->d, l, k, i;
    double zl[WC_DYN_JET_MAX_ORDER + 1], hl[WC_DYN_JET_MAX_ORDER + 1];
    double pl[WC_DYN_JET_MAX_ORDER + 1];

    memset(J->Hh[0], 0, (d + 1) * mlp->din * sizeof(double));
    memcpy(J->Hh[0], x, mlp->din * sizeof(double));

    for (l = 1; l <= H; l++)
    {
        slong m = mlp->n[l], kk = mlp->n[l - 1];
        double c = 1.0 / sqrt((double) kk);
        double * Z = J->Z[l];
        /* The input is constant in t, so layer 1 has one nonzero
           product. */
        slong rows = (l == 1) ? 1 : d + 1;

        _wc_dyn_gemm_nt(Z, m, J->Hh[l - 1], kk, mlp->W[l], kk, rows, m, kk,
                        0);
        if (rows < d + 1)
            memset(Z + rows * m, 0, (d + 1 - rows) * m * sizeof(double));
        for (k = 1; k <= d; k++)
            _wc_dyn_dir_apply(Z + k * m, v, l, J->Hh[l - 1] + (k - 1) * kk,
                              1.0);
        for (i = 0; i < (d + 1) * m; i++)
            Z[i] *= c;
        if (mlp->b[l] != NULL)
            for (i = 0; i < m; i++)
            {
                Z[i] += mlp->beta * mlp->b[l][i];
                if (d >= 1 && v->b[l] != NULL)
                    Z[m + i] += mlp->beta * v->b[l][i];
            }

        for (i = 0; i < m; i++)
        {
            for (k = 0; k <= d; k++)
                zl[k] = Z[k * m + i];
            _wc_dyn_act_jet(hl, pl, zl, d, mlp->act, mlp->poly,
                            mlp->poly_len);
            for (k = 0; k <= d; k++)
            {
                J->Hh[l][k * m + i] = hl[k];
                J->P[l][k * m + i] = pl[k];
            }
        }
    }

    for (k = 0; k <= d; k++)
    {
        double s = _wc_dyn_dot(mlp->V, J->Hh[H] + k * mlp->width,
                               mlp->width);

        if (k >= 1)
            s += _wc_dyn_dot(v->out, J->Hh[H] + (k - 1) * mlp->width,
                             mlp->width);
        coeffs[k] = mlp->alpha * s;
    }
}

void
_wc_dyn_jet_reverse(wc_dyn_dir_t grad, _wc_dyn_jet_struct * J,
                    const wc_dyn_mlp_t mlp, const wc_dyn_dir_t v, slong j)
{
    slong H = mlp->hidden, l, k, m, i, nmax = mlp->din;
    double * hbar, * zbar, * hprev;

    for (l = 0; l <= H; l++)
        nmax = FLINT_MAX(nmax, mlp->n[l]);
    hbar = J->work;
    zbar = hbar + (j + 2) * nmax;
    hprev = zbar + (j + 2) * nmax;

    wc_dyn_dir_zero(grad);

    /* Adjoints of h^H_k for k <= j. */
    memset(hbar, 0, (j + 1) * mlp->width * sizeof(double));
    for (i = 0; i < mlp->width; i++)
    {
        hbar[j * mlp->width + i] = mlp->alpha * mlp->V[i];
        if (j >= 1)
            hbar[(j - 1) * mlp->width + i] = mlp->alpha * v->out[i];
    }
    for (i = 0; i < mlp->width; i++)
        grad->out[i] = mlp->alpha * J->Hh[H][j * mlp->width + i];

    for (l = H; l >= 1; l--)
    {
        slong nl = mlp->n[l], kk = mlp->n[l - 1];
        double c = 1.0 / sqrt((double) kk);
        slong rank = (l == 1) ? 1 : j + 1;

        for (m = 0; m <= j; m++)
            for (i = 0; i < nl; i++)
            {
                double s = 0.0;

                for (k = m; k <= j; k++)
                    s += hbar[k * nl + i] * J->P[l][(k - m) * nl + i];
                zbar[m * nl + i] = s;
            }

        /* Gradient blocks; h^0_m = 0 for m >= 1 leaves one term on
           layer 1. */
        grad->rank[l] = rank;
        for (m = 0; m < rank; m++)
        {
            for (i = 0; i < nl; i++)
                grad->u[l][m * nl + i] = c * zbar[m * nl + i];
            memcpy(grad->w[l] + m * kk, J->Hh[l - 1] + m * kk,
                   kk * sizeof(double));
        }
        if (grad->b[l] != NULL)
            for (i = 0; i < nl; i++)
                grad->b[l][i] = mlp->beta * zbar[i];

        if (l >= 2)
        {
            _wc_dyn_gemm_nn(hprev, kk, zbar, nl, mlp->W[l], kk, j + 1, kk,
                            nl);
            for (m = 0; m < j; m++)
                _wc_dyn_dir_apply_t(hprev + m * kk, v, l,
                                    zbar + (m + 1) * nl, 1.0);
            for (i = 0; i < (j + 1) * kk; i++)
                hbar[i] = c * hprev[i];
        }
    }
}

void
wc_dyn_jet(double * coeffs, wc_dyn_dir_t grad, const wc_dyn_mlp_t mlp,
           const double * x, const wc_dyn_dir_t v, slong d)
{
    _wc_dyn_jet_struct J;

    if (d < 0 || d > WC_DYN_JET_MAX_ORDER)
        flint_abort();
    _wc_dyn_jet_init(&J, mlp, d);
    _wc_dyn_jet_forward(coeffs, &J, mlp, x, v);
    if (grad != NULL)
    {
        if (grad->maxrank < d + 1)
            flint_abort();
        _wc_dyn_jet_reverse(grad, &J, mlp, v, d);
    }
    _wc_dyn_jet_clear(&J);
}
