/* Brute-force E[SPEC] for deep polynomial networks at explicit widths;
   see deeppoly_brute.h.  Nothing here knows about Gram entries,
   exchangeable neurons or moment recursions: every neuron of every layer
   is a variable of its own, and every parameter is integrated out by its
   Gaussian moments. */

#include <string.h>

#include <flint/fmpq_mpoly.h>
#include <flint/fmpq_poly.h>

#include "deeppoly_brute.h"

typedef struct
{
    /* the spec */
    slong m;
    slong K;
    slong * tcls;          /* input class of each tensor */
    slong * tgroup;
    slong * tmult;         /* m x K: how often tensor t carries index k */
    slong * maxm;          /* K: the largest of those */
    slong ngroups;
    int connected;

    /* the network */
    slong H;
    slong * n;             /* n[0] = din, n[l] = width of layer l */
    fmpq_poly_t s;
    slong nclass;
    fmpq * x;              /* nclass x din */
    int bias;
    fmpq_t b2;             /* variance of a bias */
    fmpq_t xib2;           /* variance of a bias direction */
    wc_param_kind param;

    /* eps monomials: gamma = 0..G-1 <-> exponent vectors gexp + K gamma */
    slong G;
    slong * gexp;

    /* the current Moebius term: (copy, class) pairs in use */
    slong ncopy;
    slong ncp;
    slong * cp_copy;
    slong * cp_cls;
    slong * tcp;

    double work;
    double max_work;
    int over;
}
dpb;

/* ---- eps monomials ---- */

static slong
gamma_index(const dpb * B, const slong * e)
{
    slong k, idx = 0;

    for (k = B->K - 1; k >= 0; k--)
        idx = idx * (B->maxm[k] + 1) + e[k];
    return idx;
}

/* Drops the terms of P whose exponent of eps_k exceeds lim[k]; the eps
   variables are eps0 .. eps0 + K - 1 of ctx. */
static void
truncate_eps(fmpq_mpoly_t P, slong eps0, const slong * lim, const dpb * B,
             const fmpq_mpoly_ctx_t ctx)
{
    slong nv = fmpq_mpoly_ctx_nvars(ctx), i, k;
    slong len = fmpq_mpoly_length(P, ctx);
    ulong * e = flint_malloc(nv * sizeof(ulong));
    fmpq_mpoly_t R;
    fmpq_t c;

    fmpq_mpoly_init(R, ctx);
    fmpq_init(c);
    for (i = 0; i < len; i++)
    {
        fmpq_mpoly_get_term_exp_ui(e, P, i, ctx);
        for (k = 0; k < B->K; k++)
            if ((slong) e[eps0 + k] > lim[k])
                break;
        if (k < B->K)
            continue;
        fmpq_mpoly_get_term_coeff_fmpq(c, P, i, ctx);
        fmpq_mpoly_push_term_fmpq_ui(R, c, e, ctx);
    }
    fmpq_mpoly_sort_terms(R, ctx);
    fmpq_mpoly_combine_like_terms(R, ctx);
    fmpq_mpoly_swap(P, R, ctx);
    fmpq_mpoly_clear(R, ctx);
    fmpq_clear(c);
    flint_free(e);
}

/* res = the coefficient of eps^gam in P (the eps removed). */
static void
eps_coeff(fmpq_mpoly_t res, const fmpq_mpoly_t P, slong eps0,
          const slong * gam, const dpb * B, const fmpq_mpoly_ctx_t ctx)
{
    slong nv = fmpq_mpoly_ctx_nvars(ctx), i, k;
    slong len = fmpq_mpoly_length(P, ctx);
    ulong * e = flint_malloc(nv * sizeof(ulong));
    fmpq_t c;

    fmpq_init(c);
    fmpq_mpoly_zero(res, ctx);
    for (i = 0; i < len; i++)
    {
        fmpq_mpoly_get_term_exp_ui(e, P, i, ctx);
        for (k = 0; k < B->K; k++)
            if ((slong) e[eps0 + k] != gam[k])
                break;
        if (k < B->K)
            continue;
        for (k = 0; k < B->K; k++)
            e[eps0 + k] = 0;
        fmpq_mpoly_get_term_coeff_fmpq(c, P, i, ctx);
        fmpq_mpoly_push_term_fmpq_ui(res, c, e, ctx);
    }
    fmpq_mpoly_sort_terms(res, ctx);
    fmpq_mpoly_combine_like_terms(res, ctx);
    fmpq_clear(c);
    flint_free(e);
}

/* res = s(z), truncated in eps after every product. */
static void
apply_s(fmpq_mpoly_t res, const fmpq_mpoly_t z, slong eps0, const dpb * B,
        const fmpq_mpoly_ctx_t ctx)
{
    slong k;
    fmpq_t c;

    fmpq_init(c);
    fmpq_mpoly_zero(res, ctx);
    for (k = fmpq_poly_degree(B->s); k >= 0; k--)
    {
        fmpq_mpoly_mul(res, res, z, ctx);
        truncate_eps(res, eps0, B->maxm, B, ctx);
        fmpq_poly_get_coeff_fmpq(c, B->s, k);
        fmpq_mpoly_add_fmpq(res, res, c, ctx);
    }
    fmpq_clear(c);
}

/* Replaces every variable v in [lo, hi) of P by its Gaussian moment
   E[g^e] = (e - 1)!! var[v - lo]^(e/2) (0 for odd e). */
static void
integrate(fmpq_mpoly_t P, slong lo, slong hi, const fmpq * var,
          dpb * B, const fmpq_mpoly_ctx_t ctx)
{
    slong nv = fmpq_mpoly_ctx_nvars(ctx), i, v;
    slong len = fmpq_mpoly_length(P, ctx);
    ulong * e = flint_malloc(nv * sizeof(ulong));
    fmpq_mpoly_t R;
    fmpq_t c, p;
    fmpz_t df;

    B->work += (double) len;
    if (B->work > B->max_work)
        B->over = 1;
    fmpq_mpoly_init(R, ctx);
    fmpq_init(c);
    fmpq_init(p);
    fmpz_init(df);
    for (i = 0; i < len && !B->over; i++)
    {
        int zero = 0;

        fmpq_mpoly_get_term_exp_ui(e, P, i, ctx);
        fmpq_mpoly_get_term_coeff_fmpq(c, P, i, ctx);
        for (v = lo; v < hi && !zero; v++)
        {
            ulong a = e[v], f;

            if (a == 0)
                continue;
            if (a % 2 == 1)
            {
                zero = 1;
                break;
            }
            fmpz_one(df);
            for (f = a - 1; f > 1; f -= 2)
                fmpz_mul_ui(df, df, f);
            fmpq_pow_si(p, var + (v - lo), (slong) (a / 2));
            fmpq_mul_fmpz(p, p, df);
            fmpq_mul(c, c, p);
            e[v] = 0;
        }
        if (!zero && !fmpq_is_zero(c))
            fmpq_mpoly_push_term_fmpq_ui(R, c, e, ctx);
    }
    fmpq_mpoly_sort_terms(R, ctx);
    fmpq_mpoly_combine_like_terms(R, ctx);
    fmpq_mpoly_swap(P, R, ctx);
    fmpq_mpoly_clear(R, ctx);
    fmpq_clear(c);
    fmpq_clear(p);
    fmpz_clear(df);
    flint_free(e);
}

/* ---- contexts ----

   Layer step l (1 <= l <= H): variables
     [symbols of level l][symbols of level l - 1 (l >= 2)]
     [parameters of layer l, neuron by neuron][eps_1..eps_K]
   with symbol (cp, i, gamma) at cp * n_l * G + i * G + gamma, and for
   neuron i the parameters W_c[i][j], b_c[i] (copies c), Xi^k[i][j],
   xi_b^k[i] (indices k).  The output step: [symbols of level H]
   [V_c[i], Xi_V^k[i]][eps]. */

static slong
nsym(const dpb * B, slong l)
{
    return (l == 0) ? 0 : B->ncp * B->n[l] * B->G;
}

static slong
per_neuron(const dpb * B, slong l)
{
    return (B->ncopy + B->K) * (B->n[l - 1] + B->bias);
}

/* Moves P from ctxA (its variables being [from, from + count) there) to
   ctxB (at [to, to + count)). */
static void
move_poly(fmpq_mpoly_t Q, const fmpq_mpoly_ctx_t ctxB, slong to,
          const fmpq_mpoly_t P, const fmpq_mpoly_ctx_t ctxA, slong from,
          slong count)
{
    slong na = fmpq_mpoly_ctx_nvars(ctxA), nb = fmpq_mpoly_ctx_nvars(ctxB);
    slong len = fmpq_mpoly_length(P, ctxA), i, v;
    ulong * ea = flint_malloc(na * sizeof(ulong));
    ulong * eb = flint_calloc(nb, sizeof(ulong));
    fmpq_t c;

    fmpq_init(c);
    fmpq_mpoly_zero(Q, ctxB);
    for (i = 0; i < len; i++)
    {
        fmpq_mpoly_get_term_exp_ui(ea, P, i, ctxA);
        for (v = 0; v < na; v++)
            if (ea[v] != 0 && (v < from || v >= from + count))
                flint_abort();   /* a variable that should be gone */
        for (v = 0; v < count; v++)
            eb[to + v] = ea[from + v];
        fmpq_mpoly_get_term_coeff_fmpq(c, P, i, ctxA);
        fmpq_mpoly_push_term_fmpq_ui(Q, c, eb, ctxB);
    }
    fmpq_mpoly_sort_terms(Q, ctxB);
    fmpq_mpoly_combine_like_terms(Q, ctxB);
    fmpq_clear(c);
    flint_free(ea);
    flint_free(eb);
}

/* A(eps) = sum_gamma eps^gamma (symbol gamma of (cp, i) at level l),
   in ctx where level-l symbols start at sym0 and eps at eps0. */
static void
symbol_series(fmpq_mpoly_t A, const dpb * B, slong l, slong cp, slong i,
              slong sym0, slong eps0, const fmpq_mpoly_ctx_t ctx)
{
    slong nv = fmpq_mpoly_ctx_nvars(ctx), g, k;
    ulong * e = flint_calloc(nv, sizeof(ulong));

    fmpq_mpoly_zero(A, ctx);
    for (g = 0; g < B->G; g++)
    {
        for (k = 0; k < nv; k++)
            e[k] = 0;
        e[sym0 + cp * B->n[l] * B->G + i * B->G + g] = 1;
        for (k = 0; k < B->K; k++)
            e[eps0 + k] = (ulong) B->gexp[g * B->K + k];
        fmpq_mpoly_push_term_ui_ui(A, 1, e, ctx);
    }
    fmpq_mpoly_sort_terms(A, ctx);
    fmpq_mpoly_combine_like_terms(A, ctx);
    flint_free(e);
}

/* The output step: the state in the level-H symbols, in ctxH (level-H
   symbols first). */
static void
output_step(fmpq_mpoly_t S, dpb * B, const fmpq_mpoly_ctx_t ctxH)
{
    slong H = B->H, nH = B->n[H], ns = nsym(B, H);
    slong np = (B->ncopy + B->K) * nH, eps0 = ns + np, nv = eps0 + B->K;
    slong t, i, k, c;
    fmpq_mpoly_ctx_t ctx;
    fmpq_mpoly_t T, F, A, g, prod;
    fmpq * var = _fmpq_vec_init(FLINT_MAX(np, 1));
    fmpz_t fac;

    fmpq_mpoly_ctx_init(ctx, nv, ORD_LEX);
    fmpq_mpoly_init(T, ctx);
    fmpq_mpoly_init(F, ctx);
    fmpq_mpoly_init(A, ctx);
    fmpq_mpoly_init(g, ctx);
    fmpq_mpoly_init(prod, ctx);
    fmpz_init(fac);

    /* variances: V with 1/n_H (1/n_H^2 for mean field); a direction Xi_V
       like V, or 1 for the raw weights of param=standard */
    for (i = 0; i < np; i++)
    {
        slong which = i / nH;   /* copies first, then indices */

        fmpq_set_si(var + i, 1, nH);
        if (B->param == WC_PARAM_MF)
            fmpq_set_si(var + i, 1, nH * nH);
        if (which >= B->ncopy && B->param == WC_PARAM_STANDARD)
            fmpq_one(var + i);
    }

    fmpq_mpoly_one(prod, ctx);
    for (t = 0; t < B->m && !B->over; t++)
    {
        slong cp = B->tcp[t], copy = B->cp_copy[cp];
        const slong * mu = B->tmult + t * B->K;

        /* f_t(eps) = sum_i (V_c[i] + sum_k eps_k Xi_V^k[i]) A_i(eps) */
        fmpq_mpoly_zero(F, ctx);
        for (i = 0; i < nH; i++)
        {
            fmpq_mpoly_gen(T, ns + copy * nH + i, ctx);
            for (k = 0; k < B->K; k++)
            {
                fmpq_mpoly_gen(g, ns + (B->ncopy + k) * nH + i, ctx);
                fmpq_mpoly_gen(A, eps0 + k, ctx);
                fmpq_mpoly_mul(g, g, A, ctx);
                fmpq_mpoly_add(T, T, g, ctx);
            }
            symbol_series(A, B, H, cp, i, 0, eps0, ctx);
            fmpq_mpoly_mul(T, T, A, ctx);
            truncate_eps(T, eps0, mu, B, ctx);
            fmpq_mpoly_add(F, F, T, ctx);
        }
        eps_coeff(T, F, eps0, mu, B, ctx);
        for (k = 0; k < B->K; k++)
        {
            fmpz_fac_ui(fac, (ulong) mu[k]);
            fmpq_mpoly_scalar_mul_fmpz(T, T, fac, ctx);
        }
        B->work += (double) fmpq_mpoly_length(prod, ctx)
                   * (double) fmpq_mpoly_length(T, ctx);
        if (B->work > B->max_work)
            B->over = 1;
        else
            fmpq_mpoly_mul(prod, prod, T, ctx);
    }
    if (!B->over)
        integrate(prod, ns, ns + np, var, B, ctx);
    if (!B->over)
        move_poly(S, ctxH, 0, prod, ctx, 0, ns);

    (void) c;
    fmpz_clear(fac);
    _fmpq_vec_clear(var, FLINT_MAX(np, 1));
    fmpq_mpoly_clear(T, ctx);
    fmpq_mpoly_clear(F, ctx);
    fmpq_mpoly_clear(A, ctx);
    fmpq_mpoly_clear(g, ctx);
    fmpq_mpoly_clear(prod, ctx);
    fmpq_mpoly_ctx_clear(ctx);
}

/* The first symbol of neuron i at level l (copy-class pair 0). */
static slong
cp_first(const dpb * B, slong l, slong i)
{
    (void) l;
    return i * B->G;
}

/* S = sum over the terms of S with the symbols of one neuron (ncp blocks
   of G consecutive variables, block b at first + b * stride) replaced by
   their expressions C[v], and the parameters [plo, phi) integrated out. */
static void
substitute_neuron(fmpq_mpoly_t S, const fmpq_mpoly_struct * C, slong first,
                  slong ncp, slong stride, slong G, slong plo, slong phi,
                  const fmpq * var, dpb * B, const fmpq_mpoly_ctx_t ctx)
{
    slong nv = fmpq_mpoly_ctx_nvars(ctx), len = fmpq_mpoly_length(S, ctx);
    slong ns = ncp * G, i, j, np = 0, k;
    ulong * e = flint_malloc(nv * sizeof(ulong));
    slong * pat = NULL, * sv = flint_malloc(ns * sizeof(slong));
    fmpq_mpoly_struct * part = NULL;
    fmpq_mpoly_t M, P, R, T;
    fmpq_t c;

    for (j = 0; j < ns; j++)
        sv[j] = first + (j / G) * stride + j % G;
    fmpq_init(c);
    B->work += (double) len;
    if (B->work > B->max_work)
        B->over = 1;

    /* group the terms by their exponents of the neuron's symbols */
    for (i = 0; i < len && !B->over; i++)
    {
        fmpq_mpoly_get_term_exp_ui(e, S, i, ctx);
        fmpq_mpoly_get_term_coeff_fmpq(c, S, i, ctx);
        for (k = 0; k < np; k++)
        {
            for (j = 0; j < ns; j++)
                if (pat[k * ns + j] != (slong) e[sv[j]])
                    break;
            if (j == ns)
                break;
        }
        if (k == np)
        {
            pat = flint_realloc(pat, (np + 1) * ns * sizeof(slong));
            part = flint_realloc(part, (np + 1) * sizeof(fmpq_mpoly_struct));
            for (j = 0; j < ns; j++)
                pat[np * ns + j] = (slong) e[sv[j]];
            fmpq_mpoly_init(part + np, ctx);
            np++;
        }
        for (j = 0; j < ns; j++)
            e[sv[j]] = 0;
        fmpq_mpoly_push_term_fmpq_ui(part + k, c, e, ctx);
    }

    fmpq_mpoly_init(M, ctx);
    fmpq_mpoly_init(P, ctx);
    fmpq_mpoly_init(R, ctx);
    fmpq_mpoly_init(T, ctx);
    for (k = 0; k < np && !B->over; k++)
    {
        fmpq_mpoly_sort_terms(part + k, ctx);
        fmpq_mpoly_combine_like_terms(part + k, ctx);
        fmpq_mpoly_one(M, ctx);
        for (j = 0; j < ns; j++)
            if (pat[k * ns + j] > 0)
            {
                fmpq_mpoly_pow_ui(P, C + sv[j], (ulong) pat[k * ns + j],
                                  ctx);
                fmpq_mpoly_mul(M, M, P, ctx);
            }
        B->work += (double) fmpq_mpoly_length(M, ctx);
        integrate(M, plo, phi, var, B, ctx);
        fmpq_mpoly_mul(T, part + k, M, ctx);
        fmpq_mpoly_add(R, R, T, ctx);
    }
    fmpq_mpoly_swap(S, R, ctx);

    for (k = 0; k < np; k++)
        fmpq_mpoly_clear(part + k, ctx);
    flint_free(part);
    flint_free(pat);
    flint_free(sv);
    flint_free(e);
    fmpq_mpoly_clear(M, ctx);
    fmpq_mpoly_clear(P, ctx);
    fmpq_mpoly_clear(R, ctx);
    fmpq_mpoly_clear(T, ctx);
    fmpq_clear(c);
}

/* One layer step: S (level-l symbols at [0, nsym(l)) of ctxL) becomes
   the state in the level-(l-1) symbols (at [0, nsym(l-1)) of ctxLm), or
   a constant for l = 1. */
static void
layer_step(fmpq_mpoly_t Sout, const fmpq_mpoly_ctx_t ctxLm,
           const fmpq_mpoly_t Sin, const fmpq_mpoly_ctx_t ctxL, dpb * B,
           slong l)
{
    slong nhi = nsym(B, l), nlo = nsym(B, l - 1), pn = per_neuron(B, l);
    slong p0 = nhi + nlo, eps0 = p0 + B->n[l] * pn, nv = eps0 + B->K;
    slong nprev = B->n[l - 1], i, j, k, cp, g, v, din = B->n[0];
    fmpq_mpoly_ctx_t ctx;
    fmpq_mpoly_t S, z, t, u, e, sz;
    fmpq_mpoly_struct * C, * A;
    fmpq * var = _fmpq_vec_init(pn);
    fmpq_t q;

    fmpq_mpoly_ctx_init(ctx, nv, ORD_LEX);
    fmpq_mpoly_init(S, ctx);
    fmpq_mpoly_init(z, ctx);
    fmpq_mpoly_init(t, ctx);
    fmpq_mpoly_init(u, ctx);
    fmpq_mpoly_init(e, ctx);
    fmpq_mpoly_init(sz, ctx);
    fmpq_init(q);
    move_poly(S, ctx, 0, Sin, ctxL, 0, nhi);

    /* variances of one neuron's parameters, in the order W_c[j] (+ b_c)
       per copy, then Xi^k[j] (+ xi_b^k) per index: W' = W / sqrt(fan-in)
       with fan-in n_(l-1) (din at layer 1); a direction like its
       parameter, or 1 for param=standard (raw weights and biases) */
    for (j = 0; j < pn; j++)
    {
        slong which = j / (nprev + B->bias), pos = j % (nprev + B->bias);
        int dir = (which >= B->ncopy);

        if (pos < nprev)
        {
            fmpq_set_si(var + j, 1, nprev);
            if (dir && B->param == WC_PARAM_STANDARD)
                fmpq_one(var + j);
        }
        else
            fmpq_set(var + j, dir ? B->xib2 : B->b2);
    }

    C = flint_malloc(nv * sizeof(fmpq_mpoly_struct));
    for (v = 0; v < nv; v++)
    {
        fmpq_mpoly_init(C + v, ctx);
        fmpq_mpoly_gen(C + v, v, ctx);
    }
    A = flint_malloc(nprev * sizeof(fmpq_mpoly_struct));
    for (j = 0; j < nprev; j++)
        fmpq_mpoly_init(A + j, ctx);

    for (i = 0; i < B->n[l] && !B->over; i++)
    {
        slong base = p0 + i * pn;

        for (cp = 0; cp < B->ncp; cp++)
        {
            slong copy = B->cp_copy[cp];

            /* A_j(eps): the level below, symbols or the input */
            for (j = 0; j < nprev; j++)
            {
                if (l >= 2)
                    symbol_series(A + j, B, l - 1, cp, j, nhi, eps0, ctx);
                else
                    fmpq_mpoly_set_fmpq(A + j, B->x + B->cp_cls[cp] * din
                                        + j, ctx);
            }

            /* z = sum_j (W_c[i][j] + sum_k eps_k Xi^k[i][j]) A_j
                   + b_c[i] + sum_k eps_k xi_b^k[i] */
            fmpq_mpoly_zero(z, ctx);
            for (j = 0; j < nprev + B->bias; j++)
            {
                fmpq_mpoly_gen(t, base + copy * (nprev + B->bias) + j, ctx);
                for (k = 0; k < B->K; k++)
                {
                    fmpq_mpoly_gen(u, base + (B->ncopy + k)
                                        * (nprev + B->bias) + j, ctx);
                    fmpq_mpoly_gen(e, eps0 + k, ctx);
                    fmpq_mpoly_mul(u, u, e, ctx);
                    fmpq_mpoly_add(t, t, u, ctx);
                }
                if (j < nprev)
                {
                    fmpq_mpoly_mul(t, t, A + j, ctx);
                    truncate_eps(t, eps0, B->maxm, B, ctx);
                }
                fmpq_mpoly_add(z, z, t, ctx);
            }
            apply_s(sz, z, eps0, B, ctx);

            /* the symbols of (cp, i) at level l become the coefficients */
            for (g = 0; g < B->G; g++)
                eps_coeff(C + cp * B->n[l] * B->G + i * B->G + g, sz, eps0,
                          B->gexp + g * B->K, B, ctx);
        }

        /* S = sum_alpha S_alpha * (symbols of neuron i)^alpha, and the
           parameters of neuron i occur only in the symbols' expressions,
           so E[S] = sum_alpha S_alpha E[prod_v expr_v^alpha_v] */
        substitute_neuron(S, C, cp_first(B, l, i), B->ncp, B->n[l] * B->G,
                          B->G, base, base + pn, var, B, ctx);
        for (cp = 0; cp < B->ncp; cp++)
            for (g = 0; g < B->G; g++)
                fmpq_mpoly_gen(C + cp * B->n[l] * B->G + i * B->G + g,
                               cp * B->n[l] * B->G + i * B->G + g, ctx);
    }

    if (!B->over)
        move_poly(Sout, ctxLm, 0, S, ctx, nhi, nlo);

    for (v = 0; v < nv; v++)
        fmpq_mpoly_clear(C + v, ctx);
    flint_free(C);
    for (j = 0; j < nprev; j++)
        fmpq_mpoly_clear(A + j, ctx);
    flint_free(A);
    _fmpq_vec_clear(var, pn);
    fmpq_clear(q);
    fmpq_mpoly_clear(S, ctx);
    fmpq_mpoly_clear(z, ctx);
    fmpq_mpoly_clear(t, ctx);
    fmpq_mpoly_clear(u, ctx);
    fmpq_mpoly_clear(e, ctx);
    fmpq_mpoly_clear(sz, ctx);
    fmpq_mpoly_ctx_clear(ctx);
}

/* E of one Moebius term: tensors in copy part[group]. */
static void
moebius_term(fmpq_t v, dpb * B, const slong * part)
{
    slong t, l, cp;
    fmpq_mpoly_ctx_t * ctxs;
    fmpq_mpoly_struct * S;

    /* the (copy, class) pairs in use */
    B->ncopy = 0;
    B->ncp = 0;
    for (t = 0; t < B->m; t++)
    {
        slong copy = part[B->tgroup[t]];

        B->ncopy = FLINT_MAX(B->ncopy, copy + 1);
        for (cp = 0; cp < B->ncp; cp++)
            if (B->cp_copy[cp] == copy && B->cp_cls[cp] == B->tcls[t])
                break;
        if (cp == B->ncp)
        {
            B->cp_copy[cp] = copy;
            B->cp_cls[cp] = B->tcls[t];
            B->ncp++;
        }
        B->tcp[t] = cp;
    }

    /* one context per level: the state there is a polynomial in that
       level's symbols (level 0: none, a constant) */
    ctxs = flint_malloc((B->H + 1) * sizeof(fmpq_mpoly_ctx_t));
    S = flint_malloc((B->H + 1) * sizeof(fmpq_mpoly_struct));
    for (l = 0; l <= B->H; l++)
    {
        fmpq_mpoly_ctx_init(ctxs[l], FLINT_MAX(nsym(B, l), 1), ORD_LEX);
        fmpq_mpoly_init(S + l, ctxs[l]);
    }

    output_step(S + B->H, B, ctxs[B->H]);
    for (l = B->H; l >= 1 && !B->over; l--)
        layer_step(S + l - 1, ctxs[l - 1], S + l, ctxs[l], B, l);

    fmpq_zero(v);
    if (!B->over && !fmpq_mpoly_is_zero(S + 0, ctxs[0]))
        fmpq_mpoly_get_fmpq(v, S + 0, ctxs[0]);

    for (l = 0; l <= B->H; l++)
    {
        fmpq_mpoly_clear(S + l, ctxs[l]);
        fmpq_mpoly_ctx_clear(ctxs[l]);
    }
    flint_free(ctxs);
    flint_free(S);
}

int
deeppoly_brute_eval(fmpq_t v, const wc_spec_t spec, const wc_net_t net,
                    const slong * widths, double max_terms)
{
    dpb B;
    slong t, j, k, l, din = net->din, g, * part;
    fmpq * xt;
    fmpq_t term, mu;

    fmpq_zero(v);
    B.m = spec->nfactors;
    B.K = spec->nindices;
    B.H = net->hidden;
    B.connected = spec->connected;
    B.ngroups = spec->connected ? spec->ngroups : 1;
    B.work = 0.0;
    B.max_work = max_terms;
    B.over = 0;
    B.param = net->param;
    B.bias = !fmpq_is_zero(net->bias);

    B.n = flint_malloc((B.H + 1) * sizeof(slong));
    B.n[0] = din;
    for (l = 1; l <= B.H; l++)
        B.n[l] = widths[l - 1];

    fmpq_poly_init(B.s);
    if (net->act == WC_ACT_LINEAR)
        fmpq_poly_set_coeff_si(B.s, 1, 1);
    else
        for (j = 0; j < net->poly_len; j++)
            fmpq_poly_set_coeff_fmpq(B.s, j, net->poly + j);

    fmpq_init(B.b2);
    fmpq_init(B.xib2);
    fmpq_mul(B.b2, net->bias, net->bias);
    if (net->param == WC_PARAM_STANDARD)
        fmpq_set_si(B.xib2, B.bias, 1);
    else
        fmpq_set(B.xib2, B.b2);

    /* tensors: multiplicities, groups, input classes */
    B.tcls = flint_malloc(FLINT_MAX(B.m, 1) * sizeof(slong));
    B.tgroup = flint_malloc(FLINT_MAX(B.m, 1) * sizeof(slong));
    B.tmult = flint_calloc(FLINT_MAX(B.m * B.K, 1), sizeof(slong));
    B.maxm = flint_calloc(FLINT_MAX(B.K, 1), sizeof(slong));
    B.x = _fmpq_vec_init(FLINT_MAX(B.m, 1) * din);
    xt = _fmpq_vec_init(din);
    B.nclass = 0;
    for (t = 0; t < B.m; t++)
    {
        const wc_factor_struct * f = spec->factors + t;
        slong c;

        B.tgroup[t] = spec->connected ? f->group : 0;
        for (j = 0; j < f->order; j++)
            B.tmult[t * B.K + f->index[j]]++;
        for (k = 0; k < B.K; k++)
            B.maxm[k] = FLINT_MAX(B.maxm[k], B.tmult[t * B.K + k]);
        wc_net_get_input(xt, net, f->input);
        for (c = 0; c < B.nclass; c++)
        {
            for (j = 0; j < din; j++)
                if (!fmpq_equal(xt + j, B.x + c * din + j))
                    break;
            if (j == din)
                break;
        }
        if (c == B.nclass)
        {
            for (j = 0; j < din; j++)
                fmpq_set(B.x + c * din + j, xt + j);
            B.nclass++;
        }
        B.tcls[t] = c;
    }
    _fmpq_vec_clear(xt, din);

    B.G = 1;
    for (k = 0; k < B.K; k++)
        B.G *= B.maxm[k] + 1;
    B.gexp = flint_malloc(FLINT_MAX(B.G * B.K, 1) * sizeof(slong));
    for (g = 0; g < B.G; g++)
    {
        slong r = g;

        for (k = 0; k < B.K; k++)
        {
            B.gexp[g * B.K + k] = r % (B.maxm[k] + 1);
            r /= B.maxm[k] + 1;
        }
        if (gamma_index(&B, B.gexp + g * B.K) != g)
            flint_abort();
    }

    B.cp_copy = flint_malloc(FLINT_MAX(B.m, 1) * sizeof(slong));
    B.cp_cls = flint_malloc(FLINT_MAX(B.m, 1) * sizeof(slong));
    B.tcp = flint_malloc(FLINT_MAX(B.m, 1) * sizeof(slong));

    /* the moment-cumulant formula over the partitions of the groups */
    fmpq_init(term);
    fmpq_init(mu);
    part = flint_calloc(B.ngroups, sizeof(slong));
    for (;;)
    {
        slong blocks = 0, i;

        for (i = 0; i < B.ngroups; i++)
            blocks = FLINT_MAX(blocks, part[i] + 1);
        moebius_term(term, &B, part);
        if (B.over)
            break;
        fmpz_fac_ui(fmpq_numref(mu), (ulong) (blocks - 1));
        fmpz_one(fmpq_denref(mu));
        if (blocks % 2 == 0)
            fmpq_neg(mu, mu);
        fmpq_addmul(v, term, mu);

        /* next restricted growth string */
        for (i = B.ngroups - 1; i >= 1; i--)
        {
            slong mx = 0, j2;

            for (j2 = 0; j2 < i; j2++)
                mx = FLINT_MAX(mx, part[j2]);
            if (part[i] <= mx)
                break;
        }
        if (!B.connected || i < 1)
            break;
        part[i]++;
        for (i = i + 1; i < B.ngroups; i++)
            part[i] = 0;
    }
    fmpq_mul(v, v, spec->coeff);
    if (B.over)
        fmpq_zero(v);

    flint_free(part);
    fmpq_clear(term);
    fmpq_clear(mu);
    flint_free(B.cp_copy);
    flint_free(B.cp_cls);
    flint_free(B.tcp);
    flint_free(B.gexp);
    _fmpq_vec_clear(B.x, FLINT_MAX(B.m, 1) * din);
    flint_free(B.tcls);
    flint_free(B.tgroup);
    flint_free(B.tmult);
    flint_free(B.maxm);
    fmpq_clear(B.b2);
    fmpq_clear(B.xib2);
    fmpq_poly_clear(B.s);
    flint_free(B.n);
    return B.over ? -1 : 0;
}
