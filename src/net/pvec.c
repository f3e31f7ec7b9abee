/* Parameter-space vectors in structured form: per weight matrix a list of
   rank-one terms u w^T and an optional dense block, plus the bias and
   output blocks.  Gradients of the network and their Taylor coefficients
   along a curve are of this form with small rank, so inner products and
   products with activations cost O(rank n) instead of O(n^2). */

#include <math.h>
#include <string.h>

#include "weakcorr/net.h"

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

static void
axpy(double * y, double c, const double * x, slong n)
{
    slong i;

    for (i = 0; i < n; i++)
        y[i] += c * x[i];
}

void
wc_pvec_init(wc_pvec_t v, const wc_mlp_t mlp)
{
    slong H = mlp->hidden, l;

    v->hidden = H;
    v->n = flint_malloc((H + 1) * sizeof(slong));
    memcpy(v->n, mlp->n, (H + 1) * sizeof(slong));
    v->bias = (mlp->beta != 0);
    v->layer = flint_calloc(H + 1, sizeof(wc_pvec_layer_struct));
    for (l = 1; l <= H; l++)
        if (v->bias)
            v->layer[l].bias = flint_calloc(v->n[l], sizeof(double));
    v->out = flint_calloc(v->n[H], sizeof(double));
}

void
wc_pvec_clear(wc_pvec_t v)
{
    slong l;

    for (l = 1; l <= v->hidden; l++)
    {
        flint_free(v->layer[l].u);
        flint_free(v->layer[l].w);
        flint_free(v->layer[l].dense);
        flint_free(v->layer[l].bias);
    }
    flint_free(v->layer);
    flint_free(v->out);
    flint_free(v->n);
}

void
wc_pvec_zero(wc_pvec_t v)
{
    slong l;

    for (l = 1; l <= v->hidden; l++)
    {
        wc_pvec_layer_struct * L = v->layer + l;

        L->rank = 0;
        flint_free(L->dense);
        L->dense = NULL;
        if (L->bias != NULL)
            memset(L->bias, 0, v->n[l] * sizeof(double));
    }
    memset(v->out, 0, v->n[v->hidden] * sizeof(double));
}

static void
reserve(wc_pvec_layer_struct * L, slong rank, slong nu, slong nw)
{
    if (rank <= L->alloc)
        return;
    L->alloc = FLINT_MAX(rank, 2 * L->alloc);
    L->u = flint_realloc(L->u, L->alloc * nu * sizeof(double));
    L->w = flint_realloc(L->w, L->alloc * nw * sizeof(double));
}

void
wc_pvec_add_rank1(wc_pvec_t v, slong l, const double * u, const double * w,
                  double c)
{
    wc_pvec_layer_struct * L = v->layer + l;
    slong nu = v->n[l], nw = v->n[l - 1], i;
    double * du, * dw;

    reserve(L, L->rank + 1, nu, nw);
    du = L->u + L->rank * nu;
    dw = L->w + L->rank * nw;
    for (i = 0; i < nu; i++)
        du[i] = c * u[i];
    memcpy(dw, w, nw * sizeof(double));
    L->rank++;
}

void
wc_pvec_set(wc_pvec_t res, const wc_pvec_t v)
{
    slong l;

    if (res == v)
        return;
    for (l = 1; l <= v->hidden; l++)
    {
        wc_pvec_layer_struct * R = res->layer + l;
        const wc_pvec_layer_struct * L = v->layer + l;
        slong nu = v->n[l], nw = v->n[l - 1];

        reserve(R, L->rank, nu, nw);
        R->rank = L->rank;
        if (L->rank > 0)
        {
            memcpy(R->u, L->u, L->rank * nu * sizeof(double));
            memcpy(R->w, L->w, L->rank * nw * sizeof(double));
        }
        if (L->dense != NULL)
        {
            if (R->dense == NULL)
                R->dense = flint_malloc(nu * nw * sizeof(double));
            memcpy(R->dense, L->dense, nu * nw * sizeof(double));
        }
        else
        {
            flint_free(R->dense);
            R->dense = NULL;
        }
        if (L->bias != NULL)
            memcpy(R->bias, L->bias, nu * sizeof(double));
    }
    memcpy(res->out, v->out, v->n[v->hidden] * sizeof(double));
}

void
wc_pvec_swap(wc_pvec_t a, wc_pvec_t b)
{
    wc_pvec_struct t = *a;

    *a = *b;
    *b = t;
}

static void
scale(double * x, slong n, double c)
{
    slong i;

    for (i = 0; i < n; i++)
        x[i] *= c;
}

void
wc_pvec_scalar_mul(wc_pvec_t v, double c)
{
    slong l;

    for (l = 1; l <= v->hidden; l++)
    {
        wc_pvec_layer_struct * L = v->layer + l;

        scale(L->u, L->rank * v->n[l], c);
        if (L->dense != NULL)
            scale(L->dense, v->n[l] * v->n[l - 1], c);
        if (L->bias != NULL)
            scale(L->bias, v->n[l], c);
    }
    scale(v->out, v->n[v->hidden], c);
}

void
wc_pvec_metric_mul(wc_pvec_t v, const wc_mlp_t mlp, double p)
{
    double gW[WC_NET_MAX_HIDDEN + 1], gb[WC_NET_MAX_HIDDEN + 1], gV;
    slong l;

    wc_mlp_metric(gW, gb, &gV, mlp);
    if (mlp->param != WC_PARAM_STANDARD)
        return;
    for (l = 1; l <= v->hidden; l++)
    {
        wc_pvec_layer_struct * L = v->layer + l;
        double cw = (p == 1.0) ? gW[l] : sqrt(gW[l]);
        double cb = (p == 1.0) ? gb[l] : sqrt(gb[l]);

        scale(L->u, L->rank * v->n[l], cw);
        if (L->dense != NULL)
            scale(L->dense, v->n[l] * v->n[l - 1], cw);
        if (L->bias != NULL)
            scale(L->bias, v->n[l], cb);
    }
    scale(v->out, v->n[v->hidden], (p == 1.0) ? gV : sqrt(gV));
}

void
wc_pvec_add(wc_pvec_t res, const wc_pvec_t a, const wc_pvec_t b, double c)
{
    slong l, k;

    if (b == res)
    {
        if (a == res)
            wc_pvec_scalar_mul(res, 1.0 + c);
        else
        {
            /* res = a + c res: scale, then add a. */
            wc_pvec_scalar_mul(res, c);
            wc_pvec_add(res, res, a, 1.0);
        }
        return;
    }
    if (res != a)
        wc_pvec_set(res, a);

    for (l = 1; l <= b->hidden; l++)
    {
        const wc_pvec_layer_struct * B = b->layer + l;
        wc_pvec_layer_struct * R = res->layer + l;
        slong nu = b->n[l], nw = b->n[l - 1];

        for (k = 0; k < B->rank; k++)
            wc_pvec_add_rank1(res, l, B->u + k * nu, B->w + k * nw, c);
        if (B->dense != NULL)
        {
            if (R->dense == NULL)
                R->dense = flint_calloc(nu * nw, sizeof(double));
            axpy(R->dense, c, B->dense, nu * nw);
        }
        if (B->bias != NULL)
            axpy(R->bias, c, B->bias, nu);
    }
    axpy(res->out, c, b->out, b->n[b->hidden]);
}

void
wc_pvec_densify(wc_pvec_t v)
{
    slong l, k, i;

    for (l = 1; l <= v->hidden; l++)
    {
        wc_pvec_layer_struct * L = v->layer + l;
        slong nu = v->n[l], nw = v->n[l - 1];

        if (L->dense == NULL)
            L->dense = flint_calloc(nu * nw, sizeof(double));
        for (k = 0; k < L->rank; k++)
            for (i = 0; i < nu; i++)
                axpy(L->dense + i * nw, L->u[k * nu + i], L->w + k * nw, nw);
        L->rank = 0;
    }
}

/* u^T D w for a row-major nu x nw block D. */
static double
bilinear(const double * u, const double * D, const double * w, slong nu,
         slong nw)
{
    double s = 0;
    slong i;

    for (i = 0; i < nu; i++)
        s += u[i] * dot(D + i * nw, w, nw);
    return s;
}

double
wc_pvec_dot(const wc_pvec_t a, const wc_pvec_t b)
{
    double s = 0;
    slong l, k, j;

    for (l = 1; l <= a->hidden; l++)
    {
        const wc_pvec_layer_struct * A = a->layer + l, * B = b->layer + l;
        slong nu = a->n[l], nw = a->n[l - 1];

        for (k = 0; k < A->rank; k++)
            for (j = 0; j < B->rank; j++)
                s += dot(A->u + k * nu, B->u + j * nu, nu)
                     * dot(A->w + k * nw, B->w + j * nw, nw);
        if (B->dense != NULL)
            for (k = 0; k < A->rank; k++)
                s += bilinear(A->u + k * nu, B->dense, A->w + k * nw, nu, nw);
        if (A->dense != NULL)
            for (j = 0; j < B->rank; j++)
                s += bilinear(B->u + j * nu, A->dense, B->w + j * nw, nu, nw);
        if (A->dense != NULL && B->dense != NULL)
            s += dot(A->dense, B->dense, nu * nw);
        if (A->bias != NULL)
            s += dot(A->bias, B->bias, nu);
    }
    return s + dot(a->out, b->out, a->n[a->hidden]);
}

void
wc_pvec_apply(double * y, const wc_pvec_t v, slong l, const double * h,
              double c)
{
    const wc_pvec_layer_struct * L = v->layer + l;
    slong nu = v->n[l], nw = v->n[l - 1], k, i;

    for (k = 0; k < L->rank; k++)
        axpy(y, c * dot(L->w + k * nw, h, nw), L->u + k * nu, nu);
    if (L->dense != NULL)
        for (i = 0; i < nu; i++)
            y[i] += c * dot(L->dense + i * nw, h, nw);
}

void
wc_pvec_apply_t(double * y, const wc_pvec_t v, slong l, const double * d,
                double c)
{
    const wc_pvec_layer_struct * L = v->layer + l;
    slong nu = v->n[l], nw = v->n[l - 1], k, i;

    for (k = 0; k < L->rank; k++)
        axpy(y, c * dot(L->u + k * nu, d, nu), L->w + k * nw, nw);
    if (L->dense != NULL)
        for (i = 0; i < nu; i++)
            if (d[i] != 0)
                axpy(y, c * d[i], L->dense + i * nw, nw);
}

double
wc_pvec_get_entry(const wc_pvec_t v, slong i)
{
    slong l, k;

    for (l = 1; l <= v->hidden; l++)
    {
        const wc_pvec_layer_struct * L = v->layer + l;
        slong nu = v->n[l], nw = v->n[l - 1];

        if (i < nu * nw)
        {
            slong r = i / nw, c = i % nw;
            double s = (L->dense != NULL) ? L->dense[i] : 0;

            for (k = 0; k < L->rank; k++)
                s += L->u[k * nu + r] * L->w[k * nw + c];
            return s;
        }
        i -= nu * nw;
        if (L->bias != NULL)
        {
            if (i < nu)
                return L->bias[i];
            i -= nu;
        }
    }
    return v->out[i];
}

void
wc_pvec_rademacher(wc_pvec_t v, uint64_t seed, uint32_t sample,
                   uint32_t kind, slong id)
{
    wc_rng_row_struct r;
    slong l, i, H = v->hidden;
    uint32_t base = (uint32_t) (256 * id);

    r.seed = seed;
    r.sample = sample;
    for (l = 1; l <= H; l++)
    {
        wc_pvec_layer_struct * L = v->layer + l;
        slong nu = v->n[l], nw = v->n[l - 1];

        L->rank = 0;
        if (L->dense == NULL)
            L->dense = flint_malloc(nu * nw * sizeof(double));
        r.stream = wc_rng_stream(kind, base + (uint32_t) l);
        for (i = 0; i < nu; i++)
        {
            r.row = (uint32_t) i;
            wc_rng_sign_row(L->dense + i * nw, &r, 0, nw);
        }
        if (L->bias != NULL)
        {
            r.stream = wc_rng_stream(kind, base + 128 + (uint32_t) l);
            r.row = 0;
            wc_rng_sign_row(L->bias, &r, 0, nu);
        }
    }
    r.stream = wc_rng_stream(kind, base + 255);
    r.row = 0;
    wc_rng_sign_row(v->out, &r, 0, v->n[H]);
}
