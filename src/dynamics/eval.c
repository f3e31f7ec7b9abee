/* Batched forward and backward passes, the tangent kernel from them, and
   the gradient-descent update.  Every product of a weight matrix with a
   block of inputs is one call of the kernels of gemm.c, so a pass costs
   2 N n_l n_(l-1) flops per layer at the speed of a blocked matrix
   product. */

#include "dyn_impl.h"

void
wc_dyn_eval_init(wc_dyn_eval_t ev, const wc_dyn_mlp_t mlp)
{
    slong H = mlp->hidden;

    ev->N = 0;
    ev->alloc = 0;
    ev->hidden = H;
    ev->n = flint_malloc((H + 1) * sizeof(slong));
    memcpy(ev->n, mlp->n, (H + 1) * sizeof(slong));
    ev->h = flint_calloc(H + 1, sizeof(double *));
    ev->z = flint_calloc(H + 1, sizeof(double *));
    ev->sp = flint_calloc(H + 1, sizeof(double *));
    ev->delta = flint_calloc(H + 1, sizeof(double *));
    ev->f = NULL;
    ev->work = NULL;
    ev->work_alloc = 0;
}

void
wc_dyn_eval_clear(wc_dyn_eval_t ev)
{
    slong l;

    for (l = 0; l <= ev->hidden; l++)
    {
        flint_free(ev->h[l]);
        flint_free(ev->z[l]);
        flint_free(ev->sp[l]);
        flint_free(ev->delta[l]);
    }
    flint_free(ev->h);
    flint_free(ev->z);
    flint_free(ev->sp);
    flint_free(ev->delta);
    flint_free(ev->f);
    flint_free(ev->work);
    flint_free(ev->n);
}

static void
eval_fit(wc_dyn_eval_t ev, slong N)
{
    slong l;

    if (N > ev->alloc)
    {
        for (l = 0; l <= ev->hidden; l++)
        {
            ev->h[l] = flint_realloc(ev->h[l], N * ev->n[l] * sizeof(double));
            if (l >= 1)
            {
                size_t sz = N * ev->n[l] * sizeof(double);

                ev->z[l] = flint_realloc(ev->z[l], sz);
                ev->sp[l] = flint_realloc(ev->sp[l], sz);
                ev->delta[l] = flint_realloc(ev->delta[l], sz);
            }
        }
        ev->f = flint_realloc(ev->f, N * sizeof(double));
        ev->alloc = N;
    }
    ev->N = N;
}

static double *
eval_work(wc_dyn_eval_t ev, slong len)
{
    if (len > ev->work_alloc)
    {
        ev->work = flint_realloc(ev->work, len * sizeof(double));
        ev->work_alloc = len;
    }
    return ev->work;
}

void
wc_dyn_forward(wc_dyn_eval_t ev, const wc_dyn_mlp_t mlp, const double * x,
               slong N)
{
    slong H = mlp->hidden, l, i, j;

    eval_fit(ev, N);
    memcpy(ev->h[0], x, N * mlp->din * sizeof(double));
    for (l = 1; l <= H; l++)
    {
        slong m = mlp->n[l], k = mlp->n[l - 1];
        double c = 1.0 / sqrt((double) k);
        double * z = ev->z[l];

        _wc_dyn_gemm_nt(z, m, ev->h[l - 1], k, mlp->W[l], k, N, m, k, 0);
        for (i = 0; i < N * m; i++)
            z[i] *= c;
        if (mlp->b[l] != NULL)
            for (i = 0; i < N; i++)
                for (j = 0; j < m; j++)
                    z[i * m + j] += mlp->beta * mlp->b[l][j];
        _wc_dyn_act(ev->h[l], ev->sp[l], z, N * m, mlp->act, mlp->poly,
                    mlp->poly_len);
    }
    _wc_dyn_gemm_nt(ev->f, 1, ev->h[H], mlp->width, mlp->V, mlp->width, N,
                    1, mlp->width, 0);
    for (i = 0; i < N; i++)
        ev->f[i] *= mlp->alpha;
}

void
wc_dyn_backward(wc_dyn_eval_t ev, const wc_dyn_mlp_t mlp)
{
    slong H = mlp->hidden, N = ev->N, l, i, j;

    for (i = 0; i < N; i++)
        for (j = 0; j < mlp->width; j++)
            ev->delta[H][i * mlp->width + j] =
                mlp->alpha * mlp->V[j] * ev->sp[H][i * mlp->width + j];

    for (l = H; l >= 2; l--)
    {
        slong m = mlp->n[l], k = mlp->n[l - 1];
        double c = 1.0 / sqrt((double) k);
        double * d = ev->delta[l - 1];

        _wc_dyn_gemm_nn(d, k, ev->delta[l], m, mlp->W[l], k, N, k, m);
        for (i = 0; i < N * k; i++)
            d[i] = (d[i] * c) * ev->sp[l - 1][i];
    }
}

void
wc_dyn_kernel(double * K, wc_dyn_eval_t ev, const wc_dyn_mlp_t mlp)
{
    slong H = mlp->hidden, N = ev->N, l, i;
    double * gd, * gh;
    double a2 = mlp->alpha * mlp->alpha;

    gd = eval_work(ev, 2 * N * N);
    gh = gd + N * N;

    _wc_dyn_gemm_nt(gh, N, ev->h[H], mlp->width, ev->h[H], mlp->width, N,
                    N, mlp->width, 0);
    for (i = 0; i < N * N; i++)
        K[i] = (mlp->gV * a2) * gh[i];

    for (l = H; l >= 1; l--)
    {
        slong m = mlp->n[l], k = mlp->n[l - 1];
        double cw = mlp->gW[l] / (double) k;
        double cb = mlp->gb[l] * mlp->beta * mlp->beta;

        _wc_dyn_gemm_nt(gd, N, ev->delta[l], m, ev->delta[l], m, N, N, m, 0);
        _wc_dyn_gemm_nt(gh, N, ev->h[l - 1], k, ev->h[l - 1], k, N, N, k, 0);
        for (i = 0; i < N * N; i++)
            K[i] += gd[i] * (cw * gh[i] + cb);
    }
}

void
wc_dyn_update(wc_dyn_mlp_t mlp, wc_dyn_eval_t ev, const double * c)
{
    slong H = mlp->hidden, N = ev->N, l, i, j;
    double * E;

    E = eval_work(ev, N * mlp->width);

    /* V -= gV alpha sum_i c_i h^H_i. */
    _wc_dyn_gemm_tn(mlp->V, mlp->width, c, 1, ev->h[H], mlp->width, 1,
                    mlp->width, N, -mlp->gV * mlp->alpha);

    for (l = H; l >= 1; l--)
    {
        slong m = mlp->n[l], k = mlp->n[l - 1];

        for (i = 0; i < N; i++)
            for (j = 0; j < m; j++)
                E[i * m + j] = c[i] * ev->delta[l][i * m + j];

        /* W^l -= gW_l / sqrt(n_(l-1)) sum_i c_i delta^l_i h^(l-1)_i^T,
           b^l -= gb_l beta sum_i c_i delta^l_i. */
        _wc_dyn_gemm_tn(mlp->W[l], k, E, m, ev->h[l - 1], k, m, k, N,
                        -mlp->gW[l] / sqrt((double) k));
        if (mlp->b[l] != NULL)
            _wc_dyn_gemm_tn(mlp->b[l], m, c, 1, ev->delta[l], m, 1, m, N,
                            -mlp->gb[l] * mlp->beta);
    }
}
