/* Parameter-space directions kept in the structured form the network
   gives them: a few rank-one terms per weight matrix (a gradient is rank
   one per input), plus optional dense blocks. */

#include "dyn_impl.h"

void
wc_dyn_dir_init(wc_dyn_dir_t v, const wc_dyn_mlp_t mlp, slong maxrank)
{
    slong H = mlp->hidden, l;

    v->hidden = H;
    v->n = flint_malloc((H + 1) * sizeof(slong));
    memcpy(v->n, mlp->n, (H + 1) * sizeof(slong));
    v->bias = (mlp->beta != 0.0);
    v->maxrank = maxrank;
    v->rank = flint_calloc(H + 1, sizeof(slong));
    v->u = flint_calloc(H + 1, sizeof(double *));
    v->w = flint_calloc(H + 1, sizeof(double *));
    v->dense = flint_calloc(H + 1, sizeof(double *));
    v->b = flint_calloc(H + 1, sizeof(double *));
    for (l = 1; l <= H; l++)
    {
        v->u[l] = flint_calloc(FLINT_MAX(maxrank, 1) * v->n[l],
                               sizeof(double));
        v->w[l] = flint_calloc(FLINT_MAX(maxrank, 1) * v->n[l - 1],
                               sizeof(double));
        if (v->bias)
            v->b[l] = flint_calloc(v->n[l], sizeof(double));
    }
    v->out = flint_calloc(v->n[H], sizeof(double));
}

void
wc_dyn_dir_clear(wc_dyn_dir_t v)
{
    slong l;

    for (l = 1; l <= v->hidden; l++)
    {
        flint_free(v->u[l]);
        flint_free(v->w[l]);
        flint_free(v->dense[l]);
        flint_free(v->b[l]);
    }
    flint_free(v->u);
    flint_free(v->w);
    flint_free(v->dense);
    flint_free(v->b);
    flint_free(v->rank);
    flint_free(v->out);
    flint_free(v->n);
}

void
wc_dyn_dir_zero(wc_dyn_dir_t v)
{
    slong l;

    for (l = 1; l <= v->hidden; l++)
    {
        v->rank[l] = 0;
        if (v->dense[l] != NULL)
            memset(v->dense[l], 0, v->n[l] * v->n[l - 1] * sizeof(double));
        if (v->b[l] != NULL)
            memset(v->b[l], 0, v->n[l] * sizeof(double));
    }
    memset(v->out, 0, v->n[v->hidden] * sizeof(double));
}

void
wc_dyn_dir_make_dense(wc_dyn_dir_t v, slong l)
{
    if (v->dense[l] == NULL)
        v->dense[l] = flint_calloc(v->n[l] * v->n[l - 1], sizeof(double));
}

static double
dot(const double * a, const double * b, slong len)
{
    return _wc_dyn_dot(a, b, len);
}

/* u^T D w for a dense n[l] x n[l-1] block D. */
static double
bilinear(const double * D, const double * u, const double * w, slong m,
         slong k)
{
    double s = 0.0;
    slong i;

    for (i = 0; i < m; i++)
        if (u[i] != 0.0)
            s += u[i] * dot(D + i * k, w, k);
    return s;
}

double
wc_dyn_dir_dot(const wc_dyn_dir_t a, const wc_dyn_dir_t b,
               const wc_dyn_mlp_t mlp, int metric)
{
    slong H = a->hidden, l, r, q;
    double total = 0.0;

    for (l = 1; l <= H; l++)
    {
        slong m = a->n[l], k = a->n[l - 1];
        double s = 0.0;

        for (r = 0; r < a->rank[l]; r++)
            for (q = 0; q < b->rank[l]; q++)
                s += dot(a->u[l] + r * m, b->u[l] + q * m, m)
                     * dot(a->w[l] + r * k, b->w[l] + q * k, k);
        if (b->dense[l] != NULL)
            for (r = 0; r < a->rank[l]; r++)
                s += bilinear(b->dense[l], a->u[l] + r * m, a->w[l] + r * k,
                              m, k);
        if (a->dense[l] != NULL)
            for (q = 0; q < b->rank[l]; q++)
                s += bilinear(a->dense[l], b->u[l] + q * m, b->w[l] + q * k,
                              m, k);
        if (a->dense[l] != NULL && b->dense[l] != NULL)
            s += dot(a->dense[l], b->dense[l], m * k);
        total += (metric ? mlp->gW[l] : 1.0) * s;
        if (a->bias && b->bias)
            total += (metric ? mlp->gb[l] : 1.0) * dot(a->b[l], b->b[l], m);
    }
    total += (metric ? mlp->gV : 1.0) * dot(a->out, b->out, a->n[H]);
    return total;
}

static void
vec_scale(double * x, slong len, double c)
{
    slong i;

    for (i = 0; i < len; i++)
        x[i] *= c;
}

void
wc_dyn_dir_scale(wc_dyn_dir_t v, double c)
{
    slong l;

    for (l = 1; l <= v->hidden; l++)
    {
        vec_scale(v->u[l], v->rank[l] * v->n[l], c);
        if (v->dense[l] != NULL)
            vec_scale(v->dense[l], v->n[l] * v->n[l - 1], c);
        if (v->b[l] != NULL)
            vec_scale(v->b[l], v->n[l], c);
    }
    vec_scale(v->out, v->n[v->hidden], c);
}

void
wc_dyn_dir_metric_mul(wc_dyn_dir_t v, const wc_dyn_mlp_t mlp)
{
    slong l;

    for (l = 1; l <= v->hidden; l++)
    {
        vec_scale(v->u[l], v->rank[l] * v->n[l], mlp->gW[l]);
        if (v->dense[l] != NULL)
            vec_scale(v->dense[l], v->n[l] * v->n[l - 1], mlp->gW[l]);
        if (v->b[l] != NULL)
            vec_scale(v->b[l], v->n[l], mlp->gb[l]);
    }
    vec_scale(v->out, v->n[v->hidden], mlp->gV);
}

double
wc_dyn_dir_get_entry(const wc_dyn_dir_t v, slong i)
{
    slong l, r;

    for (l = 1; l <= v->hidden; l++)
    {
        slong m = v->n[l], k = v->n[l - 1];

        if (i < m * k)
        {
            slong row = i / k, col = i % k;
            double s = (v->dense[l] != NULL) ? v->dense[l][i] : 0.0;

            for (r = 0; r < v->rank[l]; r++)
                s += v->u[l][r * m + row] * v->w[l][r * k + col];
            return s;
        }
        i -= m * k;
        if (v->bias)
        {
            if (i < m)
                return v->b[l][i];
            i -= m;
        }
    }
    return v->out[i];
}

void
_wc_dyn_dir_apply(double * y, const wc_dyn_dir_t v, slong l,
                  const double * h, double c)
{
    slong m = v->n[l], k = v->n[l - 1], r, i;

    for (r = 0; r < v->rank[l]; r++)
    {
        double t = c * dot(v->w[l] + r * k, h, k);

        for (i = 0; i < m; i++)
            y[i] += t * v->u[l][r * m + i];
    }
    if (v->dense[l] != NULL)
        for (i = 0; i < m; i++)
            y[i] += c * dot(v->dense[l] + i * k, h, k);
}

void
_wc_dyn_dir_apply_t(double * y, const wc_dyn_dir_t v, slong l,
                    const double * g, double c)
{
    slong m = v->n[l], k = v->n[l - 1], r, i, j;

    for (r = 0; r < v->rank[l]; r++)
    {
        double t = c * dot(v->u[l] + r * m, g, m);

        for (j = 0; j < k; j++)
            y[j] += t * v->w[l][r * k + j];
    }
    if (v->dense[l] != NULL)
        for (i = 0; i < m; i++)
            if (g[i] != 0.0)
                for (j = 0; j < k; j++)
                    y[j] += c * g[i] * v->dense[l][i * k + j];
}
