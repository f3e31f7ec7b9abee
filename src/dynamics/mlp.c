/* Networks with explicit weights: allocation, drawing from the
   counter-based generator, copies and distances. */

#include "dyn_impl.h"

void
wc_dyn_mlp_init(wc_dyn_mlp_t mlp, const wc_net_t net, slong width,
                double scale)
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
    mlp->poly_len = (net->act == WC_ACT_POLY) ? net->poly_len : 0;
    mlp->poly = NULL;
    if (mlp->poly_len > 0)
    {
        mlp->poly = flint_malloc(mlp->poly_len * sizeof(double));
        for (i = 0; i < mlp->poly_len; i++)
            mlp->poly[i] = fmpq_get_d(net->poly + i);
    }
    mlp->param = net->param;
    mlp->beta = fmpq_get_d(net->bias);
    mlp->scale = scale;
    if (net->param == WC_PARAM_MF)
        mlp->alpha = scale / (double) width;
    else
        mlp->alpha = scale / sqrt((double) width);

    mlp->W = flint_calloc(H + 1, sizeof(double *));
    mlp->b = flint_calloc(H + 1, sizeof(double *));
    mlp->gW = flint_calloc(H + 1, sizeof(double));
    mlp->gb = flint_calloc(H + 1, sizeof(double));
    for (l = 1; l <= H; l++)
    {
        mlp->W[l] = flint_calloc(mlp->n[l] * mlp->n[l - 1], sizeof(double));
        if (mlp->beta != 0.0)
            mlp->b[l] = flint_calloc(mlp->n[l], sizeof(double));
        if (net->param == WC_PARAM_STANDARD)
        {
            mlp->gW[l] = (double) mlp->n[l - 1];
            mlp->gb[l] = (mlp->beta != 0.0)
                         ? 1.0 / (mlp->beta * mlp->beta) : 0.0;
        }
        else
        {
            mlp->gW[l] = 1.0;
            mlp->gb[l] = (mlp->beta != 0.0) ? 1.0 : 0.0;
        }
    }
    mlp->V = flint_calloc(width, sizeof(double));
    mlp->gV = (net->param == WC_PARAM_STANDARD) ? (double) width : 1.0;
}

void
wc_dyn_mlp_clear(wc_dyn_mlp_t mlp)
{
    slong l;

    for (l = 1; l <= mlp->hidden; l++)
    {
        flint_free(mlp->W[l]);
        flint_free(mlp->b[l]);
    }
    flint_free(mlp->W);
    flint_free(mlp->b);
    flint_free(mlp->gW);
    flint_free(mlp->gb);
    flint_free(mlp->V);
    flint_free(mlp->poly);
    flint_free(mlp->n);
}

void
wc_dyn_mlp_draw(wc_dyn_mlp_t mlp, uint64_t seed, uint32_t sample)
{
    wc_rng_row_struct r;
    slong l, i;

    r.seed = seed;
    r.sample = sample;
    for (l = 1; l <= mlp->hidden; l++)
    {
        r.stream = wc_rng_stream(WC_RNG_WEIGHT, (uint32_t) l);
        for (i = 0; i < mlp->n[l]; i++)
        {
            r.row = (uint32_t) i;
            wc_rng_normal_row(mlp->W[l] + i * mlp->n[l - 1], &r, 0,
                              mlp->n[l - 1]);
        }
        if (mlp->b[l] != NULL)
        {
            r.stream = wc_rng_stream(WC_RNG_BIAS, (uint32_t) l);
            r.row = 0;
            wc_rng_normal_row(mlp->b[l], &r, 0, mlp->n[l]);
        }
    }
    r.stream = wc_rng_stream(WC_RNG_OUTPUT, 0);
    r.row = 0;
    wc_rng_normal_row(mlp->V, &r, 0, mlp->width);
}

void
wc_dyn_mlp_set(wc_dyn_mlp_t res, const wc_dyn_mlp_t mlp)
{
    slong l;

    if (res == mlp)
        return;
    for (l = 1; l <= mlp->hidden; l++)
    {
        memcpy(res->W[l], mlp->W[l],
               mlp->n[l] * mlp->n[l - 1] * sizeof(double));
        if (mlp->b[l] != NULL)
            memcpy(res->b[l], mlp->b[l], mlp->n[l] * sizeof(double));
    }
    memcpy(res->V, mlp->V, mlp->width * sizeof(double));
}

slong
wc_dyn_mlp_num_params(const wc_dyn_mlp_t mlp)
{
    slong l, P = mlp->width;

    for (l = 1; l <= mlp->hidden; l++)
        P += mlp->n[l] * mlp->n[l - 1] + (mlp->b[l] != NULL ? mlp->n[l] : 0);
    return P;
}

size_t
wc_dyn_mlp_memory(const wc_dyn_mlp_t mlp)
{
    return (size_t) wc_dyn_mlp_num_params(mlp) * sizeof(double);
}

/* Compensated (TwoSum) accumulation of squares; the squares themselves
   are rounded once each, so the relative error is at most about 2u. */
typedef struct
{
    double s;
    double c;
}
sumsq_struct;

static void
sumsq_diff(sumsq_struct * acc, const double * a, const double * b,
           slong len)
{
    slong i;

    for (i = 0; i < len; i++)
    {
        double d = (b != NULL) ? a[i] - b[i] : a[i];
        double x = d * d, t = acc->s + x, bb = t - acc->s;

        acc->c += (acc->s - (t - bb)) + (x - bb);
        acc->s = t;
    }
}

double
_wc_dyn_sumsq(const double * x, slong len)
{
    sumsq_struct acc = {0.0, 0.0};

    sumsq_diff(&acc, x, NULL, len);
    return acc.s + acc.c;
}

double
wc_dyn_mlp_dist(const wc_dyn_mlp_t a, const wc_dyn_mlp_t b)
{
    sumsq_struct acc = {0.0, 0.0};
    slong l;

    /* a[i] - b[i] is exact when the two are within a factor 2 of each
       other (Sterbenz), the usual case after training moved them a
       little. */
    for (l = 1; l <= a->hidden; l++)
    {
        sumsq_diff(&acc, a->W[l], b->W[l], a->n[l] * a->n[l - 1]);
        if (a->b[l] != NULL)
            sumsq_diff(&acc, a->b[l], b->b[l], a->n[l]);
    }
    sumsq_diff(&acc, a->V, b->V, a->width);
    return sqrt(acc.s + acc.c);
}

int
_wc_dyn_all_finite(const double * x, slong len)
{
    slong i;

    for (i = 0; i < len; i++)
        if (!isfinite(x[i]))
            return 0;
    return 1;
}
