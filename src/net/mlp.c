/* The network of one Monte Carlo sample: sizes, activation, and weights
   drawn from the counter-based generator (stored, or regenerated row by
   row for layers too large to keep). */

#include <math.h>
#include <string.h>

#include "weakcorr/net.h"

void
wc_mlp_init(wc_mlp_t mlp, const wc_net_t net, slong width, slong max_stored)
{
    slong H = net->hidden, l, i;

    mlp->hidden = H;
    mlp->width = width;
    mlp->din = net->din;
    mlp->n = flint_malloc((H + 1) * sizeof(slong));
    mlp->n[0] = net->din;
    for (l = 1; l <= H; l++)
        mlp->n[l] = width;

    mlp->act = net->act;
    mlp->poly_len = net->poly_len;
    mlp->poly = NULL;
    if (net->poly_len > 0)
    {
        mlp->poly = flint_malloc(net->poly_len * sizeof(double));
        for (i = 0; i < net->poly_len; i++)
            mlp->poly[i] = fmpq_get_d(net->poly + i);
    }
    mlp->param = net->param;
    mlp->beta = fmpq_get_d(net->bias);
    mlp->alpha = (net->param == WC_PARAM_MF) ? 1.0 / (double) width
                                              : 1.0 / sqrt((double) width);

    mlp->W = flint_calloc(H + 1, sizeof(double *));
    mlp->b = flint_calloc(H + 1, sizeof(double *));
    mlp->stored = flint_calloc(H + 1, sizeof(int));
    mlp->ready = flint_calloc(H + 1, sizeof(int));
    for (l = 1; l <= H; l++)
    {
        slong entries = mlp->n[l] * mlp->n[l - 1];

        mlp->stored[l] = (max_stored < 0 || entries <= max_stored);
        if (mlp->stored[l])
            mlp->W[l] = flint_malloc(entries * sizeof(double));
        if (mlp->beta != 0)
            mlp->b[l] = flint_malloc(mlp->n[l] * sizeof(double));
    }
    mlp->V = flint_malloc(width * sizeof(double));
    mlp->rowbuf = flint_malloc(FLINT_MAX(width, net->din) * sizeof(double));
    mlp->seed = 0;
    mlp->sample = 0;
    mlp->have_sample = 0;
}

void
wc_mlp_clear(wc_mlp_t mlp)
{
    slong l;

    for (l = 1; l <= mlp->hidden; l++)
    {
        flint_free(mlp->W[l]);
        flint_free(mlp->b[l]);
    }
    flint_free(mlp->W);
    flint_free(mlp->b);
    flint_free(mlp->stored);
    flint_free(mlp->ready);
    flint_free(mlp->V);
    flint_free(mlp->rowbuf);
    flint_free(mlp->poly);
    flint_free(mlp->n);
}

static void
row_struct(wc_rng_row_struct * r, const wc_mlp_t mlp, uint32_t kind,
           uint32_t index, uint32_t row)
{
    r->seed = mlp->seed;
    r->sample = mlp->sample;
    r->stream = wc_rng_stream(kind, index);
    r->row = row;
}

void
wc_mlp_draw(wc_mlp_t mlp, uint64_t seed, uint32_t sample)
{
    wc_rng_row_struct r;
    slong l;

    mlp->seed = seed;
    mlp->sample = sample;
    mlp->have_sample = 1;
    for (l = 1; l <= mlp->hidden; l++)
    {
        mlp->ready[l] = 0;
        if (mlp->b[l] != NULL)
        {
            row_struct(&r, mlp, WC_RNG_BIAS, (uint32_t) l, 0);
            wc_rng_normal_row(mlp->b[l], &r, 0, mlp->n[l]);
        }
    }
    row_struct(&r, mlp, WC_RNG_OUTPUT, 0, 0);
    wc_rng_normal_row(mlp->V, &r, 0, mlp->n[mlp->hidden]);
}

const double *
wc_mlp_row(wc_mlp_t mlp, slong l, slong i, double * buf)
{
    wc_rng_row_struct r;
    slong cols = mlp->n[l - 1];

    if (mlp->stored[l] && mlp->ready[l])
        return mlp->W[l] + i * cols;

    row_struct(&r, mlp, WC_RNG_WEIGHT, (uint32_t) l, (uint32_t) i);
    if (mlp->stored[l])
    {
        double * row = mlp->W[l] + i * cols;

        wc_rng_normal_row(row, &r, 0, cols);
        /* Passes run over all rows in order; the last row completes the
           matrix. */
        if (i == mlp->n[l] - 1)
            mlp->ready[l] = 1;
        return row;
    }
    wc_rng_normal_row(buf, &r, 0, cols);
    return buf;
}

void
wc_mlp_materialise(wc_mlp_t mlp)
{
    slong l, i;

    for (l = 1; l <= mlp->hidden; l++)
        if (mlp->stored[l] && !mlp->ready[l])
            for (i = 0; i < mlp->n[l]; i++)
                wc_mlp_row(mlp, l, i, NULL);
}

slong
wc_mlp_num_params(const wc_mlp_t mlp)
{
    slong l, p = mlp->n[mlp->hidden];

    for (l = 1; l <= mlp->hidden; l++)
        p += mlp->n[l] * mlp->n[l - 1] + (mlp->beta != 0 ? mlp->n[l] : 0);
    return p;
}

void
wc_mlp_metric(double * gW, double * gb, double * gV, const wc_mlp_t mlp)
{
    slong l;
    int std = (mlp->param == WC_PARAM_STANDARD);

    for (l = 1; l <= mlp->hidden; l++)
    {
        gW[l] = std ? (double) mlp->n[l - 1] : 1.0;
        gb[l] = (std && mlp->beta != 0) ? 1.0 / (mlp->beta * mlp->beta)
                                        : 1.0;
    }
    *gV = std ? (double) mlp->n[mlp->hidden] : 1.0;
}

size_t
wc_mlp_memory(const wc_mlp_t mlp)
{
    size_t bytes = 0;
    slong l;

    for (l = 1; l <= mlp->hidden; l++)
    {
        if (mlp->stored[l])
            bytes += (size_t) mlp->n[l] * mlp->n[l - 1] * sizeof(double);
        if (mlp->b[l] != NULL)
            bytes += (size_t) mlp->n[l] * sizeof(double);
    }
    return bytes + 2 * (size_t) mlp->width * sizeof(double);
}

void
wc_net_input_d(double * x, const wc_net_t net, slong label)
{
    fmpq * q = _fmpq_vec_init(net->din);
    slong i;

    wc_net_get_input(q, net, label);
    for (i = 0; i < net->din; i++)
        x[i] = fmpq_get_d(q + i);
    _fmpq_vec_clear(q, net->din);
}
