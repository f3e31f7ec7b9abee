/* Brute-force derivative tensors: see naive.h.  Nothing here shares code
   with src/net except the activation derivatives (which t-act checks
   against Arb) and the weights read from the network. */

#include <math.h>
#include <string.h>

#include "naive.h"

#define HD (1 << NAIVE_MAX_K)

/* A hyper-dual number: coefficient v[S] of prod_{i in S} eps_i, and the
   absolute scale a[S]. */
typedef struct
{
    double v[HD];
    double a[HD];
}
hd_t;

static void
hd_const(hd_t * r, double c, slong k)
{
    slong s;

    for (s = 0; s < (1 << k); s++)
        r->v[s] = r->a[s] = 0;
    r->v[0] = c;
    r->a[0] = fabs(c);
}

static void
hd_addmul(hd_t * r, const hd_t * x, const hd_t * y, double c, slong k)
{
    slong s, t;

    for (s = 0; s < (1 << k); s++)
        for (t = s;; t = (t - 1) & s)
        {
            r->v[s] += c * x->v[t] * y->v[s ^ t];
            r->a[s] += fabs(c) * x->a[t] * y->a[s ^ t];
            if (t == 0)
                break;
        }
}

static void
hd_act(hd_t * r, const hd_t * x, const wc_mlp_t mlp, slong k)
{
    double d[WC_ACT_MAX_DERIV + 1], fac = 1;
    hd_t h, p, q;
    slong j, s;

    /* The scale of s^(j)(z_0) includes the error it inherits from z_0:
       |s^(j)| + |s^(j+1)| scale(z_0). */
    wc_act_derivs(d, k + 1, x->v[0], mlp->act, mlp->poly, mlp->poly_len);
    h = *x;
    h.v[0] = h.a[0] = 0;
    hd_const(&p, 1.0, k);
    hd_const(r, d[0], k);
    r->a[0] = fabs(d[0]) + fabs(d[1]) * x->a[0];
    for (j = 1; j <= k; j++)
    {
        hd_const(&q, 0.0, k);
        q.a[0] = 0;
        hd_addmul(&q, &p, &h, 1.0, k);
        p = q;
        fac *= (double) j;
        for (s = 0; s < (1 << k); s++)
        {
            r->v[s] += d[j] / fac * p.v[s];
            r->a[s] += (fabs(d[j]) + fabs(d[j + 1]) * x->a[0]) / fac
                       * p.a[s];
        }
    }
}

/* Offsets of the blocks in the flat parameter vector. */
static slong
offsets(slong * offW, slong * offb, slong * offV, const wc_mlp_t mlp)
{
    slong l, p = 0;

    for (l = 1; l <= mlp->hidden; l++)
    {
        offW[l] = p;
        p += mlp->n[l] * mlp->n[l - 1];
        offb[l] = p;
        if (mlp->beta != 0)
            p += mlp->n[l];
    }
    *offV = p;
    return p + mlp->n[mlp->hidden];
}

double
naive_metric(const wc_mlp_t mlp, slong mu)
{
    slong offW[WC_NET_MAX_HIDDEN + 1], offb[WC_NET_MAX_HIDDEN + 1], offV;
    slong l;

    offsets(offW, offb, &offV, mlp);
    if (mlp->param != WC_PARAM_STANDARD)
        return 1.0;
    if (mu >= offV)
        return (double) mlp->n[mlp->hidden];
    for (l = mlp->hidden; l >= 1; l--)
    {
        if (mu >= offb[l] && mlp->beta != 0)
            return 1.0 / (mlp->beta * mlp->beta);
        if (mu >= offW[l])
            return (double) mlp->n[l - 1];
    }
    return 1.0;
}

/* f(theta + sum_i eps_i e_(mu_i)) as a hyper-dual number. */
static void
eval_hd(hd_t * out, const double * theta, const slong * mu, slong k,
        const wc_mlp_t mlp, const double * x)
{
    slong offW[WC_NET_MAX_HIDDEN + 1], offb[WC_NET_MAX_HIDDEN + 1], offV;
    slong l, i, j, q, P = offsets(offW, offb, &offV, mlp);
    hd_t * a = flint_malloc(mlp->width * sizeof(hd_t));
    hd_t * z = flint_malloc(FLINT_MAX(mlp->width, mlp->din)
                            * sizeof(hd_t));
    hd_t * prev = flint_malloc(FLINT_MAX(mlp->width, mlp->din)
                               * sizeof(hd_t));
    hd_t par;

    (void) P;
    for (j = 0; j < mlp->din; j++)
        hd_const(prev + j, x[j], k);

    for (l = 1; l <= mlp->hidden; l++)
    {
        slong nin = mlp->n[l - 1];

        for (i = 0; i < mlp->n[l]; i++)
        {
            hd_const(z + i, 0.0, k);
            for (j = 0; j < nin; j++)
            {
                slong m = offW[l] + i * nin + j;

                hd_const(&par, theta[m], k);
                for (q = 0; q < k; q++)
                    if (mu[q] == m)
                        par.v[1 << q] = par.a[1 << q] = 1;
                hd_addmul(z + i, &par, prev + j, 1.0 / sqrt((double) nin),
                          k);
            }
            if (mlp->beta != 0)
            {
                hd_t one;
                slong m = offb[l] + i;

                hd_const(&one, 1.0, k);
                hd_const(&par, theta[m], k);
                for (q = 0; q < k; q++)
                    if (mu[q] == m)
                        par.v[1 << q] = par.a[1 << q] = 1;
                hd_addmul(z + i, &par, &one, mlp->beta, k);
            }
            hd_act(a + i, z + i, mlp, k);
        }
        for (i = 0; i < mlp->n[l]; i++)
            prev[i] = a[i];
    }

    hd_const(out, 0.0, k);
    for (i = 0; i < mlp->n[mlp->hidden]; i++)
    {
        slong m = offV + i;

        hd_const(&par, theta[m], k);
        for (q = 0; q < k; q++)
            if (mu[q] == m)
                par.v[1 << q] = par.a[1 << q] = 1;
        hd_addmul(out, &par, prev + i, mlp->alpha, k);
    }

    flint_free(a);
    flint_free(z);
    flint_free(prev);
}

static void
flat_theta(double * theta, wc_mlp_t mlp)
{
    slong offW[WC_NET_MAX_HIDDEN + 1], offb[WC_NET_MAX_HIDDEN + 1], offV;
    slong l, i;

    offsets(offW, offb, &offV, mlp);
    wc_mlp_materialise(mlp);
    for (l = 1; l <= mlp->hidden; l++)
    {
        for (i = 0; i < mlp->n[l]; i++)
        {
            double * dst = theta + offW[l] + i * mlp->n[l - 1];
            const double * row = wc_mlp_row(mlp, l, i, dst);

            if (row != dst)
                memcpy(dst, row, mlp->n[l - 1] * sizeof(double));
        }
        if (mlp->beta != 0)
            memcpy(theta + offb[l], mlp->b[l], mlp->n[l] * sizeof(double));
    }
    memcpy(theta + offV, mlp->V, mlp->n[mlp->hidden] * sizeof(double));
}

void
naive_tensors_init(naive_tensors_t T, wc_mlp_t mlp, const double * x,
                   slong kmax)
{
    slong P = wc_mlp_num_params(mlp), k, idx, q, size;
    double * theta = flint_malloc(P * sizeof(double));
    slong mu[NAIVE_MAX_K], sorted[NAIVE_MAX_K];
    hd_t out;

    flat_theta(theta, mlp);
    T->P = P;
    T->kmax = kmax;
    for (k = 0; k <= NAIVE_MAX_K; k++)
        T->t[k] = T->a[k] = NULL;

    for (k = 0, size = 1; k <= kmax; k++, size *= P)
    {
        T->t[k] = flint_malloc(size * sizeof(double));
        T->a[k] = flint_malloc(size * sizeof(double));
        for (idx = 0; idx < size; idx++)
        {
            slong rest = idx, sidx = 0, i, j;
            int is_sorted = 1;

            for (q = k - 1; q >= 0; q--)
            {
                mu[q] = rest % P;
                rest /= P;
            }
            for (q = 1; q < k; q++)
                is_sorted &= (mu[q - 1] <= mu[q]);
            if (is_sorted)
            {
                eval_hd(&out, theta, mu, k, mlp, x);
                T->t[k][idx] = out.v[(1 << k) - 1];
                T->a[k][idx] = out.a[(1 << k) - 1];
                continue;
            }
            /* Symmetric: copy from the sorted tuple, which comes first in
               lexicographic order. */
            memcpy(sorted, mu, k * sizeof(slong));
            for (i = 1; i < k; i++)
                for (j = i; j > 0 && sorted[j - 1] > sorted[j]; j--)
                {
                    slong tmp = sorted[j];

                    sorted[j] = sorted[j - 1];
                    sorted[j - 1] = tmp;
                }
            for (q = 0; q < k; q++)
                sidx = sidx * P + sorted[q];
            T->t[k][idx] = T->t[k][sidx];
            T->a[k][idx] = T->a[k][sidx];
        }
    }
    flint_free(theta);
}

void
naive_tensors_clear(naive_tensors_t T)
{
    slong k;

    for (k = 0; k <= NAIVE_MAX_K; k++)
    {
        flint_free(T->t[k]);
        flint_free(T->a[k]);
    }
}

double
naive_contract_vectors(double * scale, const naive_tensors_t T, slong k,
                       const double * const * v)
{
    slong P = T->P, size = 1, idx, q;
    double s = 0, a = 0;

    for (q = 0; q < k; q++)
        size *= P;
    for (idx = 0; idx < size; idx++)
    {
        double p = T->t[k][idx], pa = T->a[k][idx];
        slong rest = idx;

        for (q = k - 1; q >= 0; q--)
        {
            p *= v[q][rest % P];
            pa *= fabs(v[q][rest % P]);
            rest /= P;
        }
        s += p;
        a += pa;
    }
    *scale = a;
    return s;
}

void
naive_spec_values(double * values, double * scale, const wc_spec_t spec,
                  const wc_net_t net, wc_mlp_t mlp)
{
    slong m = spec->nfactors, i, j, g, nidx = spec->nindices;
    naive_tensors_struct * T = flint_malloc(m * sizeof(naive_tensors_struct));
    slong * val = flint_malloc(FLINT_MAX(nidx, 1) * sizeof(slong));
    slong * gidx = flint_malloc(FLINT_MAX(nidx, 1) * sizeof(slong));
    double * x = flint_malloc(net->din * sizeof(double));
    slong P = wc_mlp_num_params(mlp);
    slong ngroups = spec->connected ? spec->ngroups : 1;

    /* One set of tensors per factor (wasteful, but simple). */
    for (i = 0; i < m; i++)
    {
        wc_net_input_d(x, net, spec->factors[i].input);
        naive_tensors_init(T + i, mlp, x, spec->factors[i].order);
    }

    for (g = 0; g < ngroups; g++)
    {
        slong nown = 0, q;
        double s = 0, a = 0;
        int done = 0;

        /* The indices of this group. */
        for (j = 0; j < nidx; j++)
            for (i = 0; i < m; i++)
            {
                const wc_factor_struct * f = spec->factors + i;
                slong r;

                if (spec->connected && f->group != g)
                    continue;
                for (r = 0; r < f->order; r++)
                    if (f->index[r] == j)
                        goto found;
                continue;
            found:
                gidx[nown++] = j;
                break;
            }
        for (q = 0; q < nidx; q++)
            val[q] = 0;

        while (!done)
        {
            double p = 1, pa = 1;

            for (q = 0; q < nown; q++)
            {
                double gm = naive_metric(mlp, val[gidx[q]]);

                p *= gm;
                pa *= gm;
            }
            for (i = 0; i < m; i++)
            {
                const wc_factor_struct * f = spec->factors + i;
                slong off = 0, r;

                if (spec->connected && f->group != g)
                    continue;
                for (r = 0; r < f->order; r++)
                    off = off * P + val[f->index[r]];
                p *= T[i].t[f->order][off];
                pa *= T[i].a[f->order][off];
            }
            s += p;
            a += pa;

            for (q = 0; q < nown; q++)
            {
                if (++val[gidx[q]] < P)
                    break;
                val[gidx[q]] = 0;
            }
            done = (q == nown);
        }
        if (!spec->connected)
        {
            s *= fmpq_get_d(spec->coeff);
            a *= fabs(fmpq_get_d(spec->coeff));
        }
        values[g] = s;
        scale[g] = a;
    }

    for (i = 0; i < m; i++)
        naive_tensors_clear(T + i);
    flint_free(T);
    flint_free(val);
    flint_free(gidx);
    flint_free(x);
}

static double
rand_sym(wc_test_t t)
{
    return (double) n_randint(t->state, UWORD(1) << 30) / (double) (1 << 29)
           - 1.0;
}

void
naive_random_pvec(wc_pvec_t v, wc_test_t t, slong rank, int dense)
{
    slong l, k, i;

    wc_pvec_zero(v);
    for (l = 1; l <= v->hidden; l++)
    {
        slong nu = v->n[l], nw = v->n[l - 1];
        double * u = flint_malloc(nu * sizeof(double));
        double * w = flint_malloc(nw * sizeof(double));

        for (k = 0; k < rank; k++)
        {
            for (i = 0; i < nu; i++)
                u[i] = rand_sym(t);
            for (i = 0; i < nw; i++)
                w[i] = rand_sym(t);
            wc_pvec_add_rank1(v, l, u, w, 1.0);
        }
        if (dense)
        {
            v->layer[l].dense = flint_malloc(nu * nw * sizeof(double));
            for (i = 0; i < nu * nw; i++)
                v->layer[l].dense[i] = rand_sym(t);
        }
        if (v->layer[l].bias != NULL)
            for (i = 0; i < nu; i++)
                v->layer[l].bias[i] = rand_sym(t);
        flint_free(u);
        flint_free(w);
    }
    for (i = 0; i < v->n[v->hidden]; i++)
        v->out[i] = rand_sym(t);
}

void
naive_pvec_flat(double * out, const wc_pvec_t v, slong P)
{
    slong i;

    for (i = 0; i < P; i++)
        out[i] = wc_pvec_get_entry(v, i);
}

void
naive_random_net(wc_net_t net, wc_test_t t, slong max_hidden)
{
    static const char * acts[] =
    {
        "linear", "relu", "tanh", "erf", "sigmoid", "gelu", "sin",
        "softplus", "poly(1/5,1,-1/2,1/3)"
    };
    static const char * params[] = {"ntk", "standard", "mf"};
    char text[256];
    wc_error_t err;
    slong din = wc_test_randint(t, 1, 2);

    snprintf(text, sizeof(text),
             "hidden=%ld,act=%s,param=%s,din=%ld,bias=%s,x1=%s",
             (long) wc_test_randint(t, 1, max_hidden),
             acts[n_randint(t->state, 9)], params[n_randint(t->state, 3)],
             (long) din, n_randint(t->state, 2) ? "0" : "1/2",
             din == 1 ? "(-3/4)" : "(1/2,-3/2)");
    wc_error_init(err);
    if (wc_net_parse(net, text, err) != WC_OK)
        flint_abort();
}
