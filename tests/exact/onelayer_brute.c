/* Brute-force E[SPEC] for one hidden layer and a polynomial activation.

   Parameters (all independent centred Gaussians), for neurons i < n:
     V_i     variance 1 (ntk, mf) or 1/n (standard, the raw weight)
     W_ij    variance 1/din: the preactivation weight w_ij / sqrt(din)
             (ntk, mf) or the raw standard weight, which are the same
     b_i     variance beta^2 (only when beta != 0)
   g(x) = sum_i V_i s(sum_j W_ij x_j + b_i); f = c g with c = n^(-1/2)
   (ntk), 1 (standard: V_i is the raw weight) or n^(-1) (mf).  A
   derivative with respect to the
   NTK parameter w_ij is (1/sqrt din) d/dW_ij, with respect to b_i it is
   beta d/db_i, so a contracted index over a W (b) parameter carries the
   factor 1/din (beta^2) in ntk and mf, and 1 in the standard
   parameterisation, whose parameters are the raw ones. */

#include <flint/fmpq_mpoly.h>

#include "onelayer_brute.h"

typedef struct
{
    slong n, din, P, m, nidx;
    fmpq_mpoly_ctx_t ctx;
    fmpq * variance;           /* per parameter */
    fmpq * weight;             /* per parameter, per contracted index */
    fmpq_mpoly_struct * g;     /* g(x_t) per tensor */
    const wc_spec_struct * spec;
    slong * assign;            /* parameter of each index, -1 if none */
    slong * last;              /* largest index id of tensor t, or -1 */
    fmpq_mpoly_struct * entry; /* current entry of tensor t */
    fmpq_t sum;
    slong * sigma;             /* partitions of the groups */
    slong * sigma_nb;
    slong nsigma;
}
brute_state;

/* E over the independent Gaussians of a polynomial. */
static void
poly_expect(fmpq_t res, brute_state * B, const fmpq_mpoly_t p)
{
    ulong * e = flint_malloc(B->P * sizeof(ulong));
    fmpq_t c, t;
    slong k, v;
    ulong j;

    fmpq_init(c);
    fmpq_init(t);
    fmpq_zero(res);
    for (k = 0; k < fmpq_mpoly_length(p, B->ctx); k++)
    {
        int zero = 0;

        fmpq_mpoly_get_term_coeff_fmpq(c, p, k, B->ctx);
        fmpq_mpoly_get_term_exp_ui(e, p, k, B->ctx);
        for (v = 0; v < B->P && !zero; v++)
        {
            if (e[v] == 0)
                continue;
            if (e[v] % 2 == 1)
            {
                zero = 1;
                break;
            }
            fmpq_pow_si(t, B->variance + v, (slong) (e[v] / 2));
            fmpq_mul(c, c, t);
            for (j = e[v] - 1; j > 1; j -= 2)
                fmpq_mul_ui(c, c, j);
        }
        if (!zero)
            fmpq_add(res, res, c);
    }
    fmpq_clear(c);
    fmpq_clear(t);
    flint_free(e);
}

static void
leaf(brute_state * B)
{
    const wc_spec_struct * spec = B->spec;
    fmpq_t w, e, v;
    slong k, t, s, b;

    fmpq_init(w);
    fmpq_init(e);
    fmpq_init(v);
    fmpq_one(w);
    for (k = 0; k < B->nidx; k++)
        fmpq_mul(w, w, B->weight + B->assign[k]);

    if (!spec->connected)
    {
        fmpq_mpoly_t prod;

        fmpq_mpoly_init(prod, B->ctx);
        fmpq_mpoly_one(prod, B->ctx);
        for (t = 0; t < B->m; t++)
            fmpq_mpoly_mul(prod, prod, B->entry + t, B->ctx);
        poly_expect(e, B, prod);
        fmpq_mpoly_clear(prod, B->ctx);
    }
    else
    {
        /* the definition: sum over partitions s of the groups of
           (|s|-1)! (-1)^(|s|-1) prod_{S in s} E[prod_{j in S} A_j] */
        slong ng = spec->ngroups;
        fmpq_mpoly_t prod;

        fmpq_mpoly_init(prod, B->ctx);
        fmpq_zero(e);
        for (s = 0; s < B->nsigma; s++)
        {
            fmpq_t term;
            fmpz_t f;

            fmpq_init(term);
            fmpz_init(f);
            fmpq_one(term);
            for (b = 0; b < B->sigma_nb[s]; b++)
            {
                fmpq_mpoly_one(prod, B->ctx);
                for (t = 0; t < B->m; t++)
                    if (B->sigma[s * ng + spec->factors[t].group] == b)
                        fmpq_mpoly_mul(prod, prod, B->entry + t, B->ctx);
                poly_expect(v, B, prod);
                fmpq_mul(term, term, v);
            }
            fmpz_fac_ui(f, (ulong) (B->sigma_nb[s] - 1));
            if (B->sigma_nb[s] % 2 == 0)
                fmpz_neg(f, f);
            fmpq_mul_fmpz(term, term, f);
            fmpq_add(e, e, term);
            fmpq_clear(term);
            fmpz_clear(f);
        }
        fmpq_mpoly_clear(prod, B->ctx);
    }
    fmpq_mul(e, e, w);
    fmpq_add(B->sum, B->sum, e);
    fmpq_clear(w);
    fmpq_clear(e);
    fmpq_clear(v);
}

/* The entry of tensor t under the current assignment. */
static void
compute_entry(brute_state * B, slong t)
{
    const wc_factor_struct * f = B->spec->factors + t;
    slong j;

    fmpq_mpoly_set(B->entry + t, B->g + t, B->ctx);
    for (j = 0; j < f->order && !fmpq_mpoly_is_zero(B->entry + t, B->ctx);
         j++)
        fmpq_mpoly_derivative(B->entry + t, B->entry + t,
                              B->assign[f->index[j]], B->ctx);
}

static void
assign_rec(brute_state * B, slong k)
{
    slong p, t;

    if (k == B->nidx)
    {
        leaf(B);
        return;
    }
    for (p = 0; p < B->P; p++)
    {
        int zero = 0;

        B->assign[k] = p;
        for (t = 0; t < B->m && !zero; t++)
            if (B->last[t] == k)
            {
                compute_entry(B, t);
                zero = fmpq_mpoly_is_zero(B->entry + t, B->ctx);
            }
        if (!zero)
            assign_rec(B, k + 1);
    }
    B->assign[k] = -1;
}

static void
group_partitions(brute_state * B, slong k)
{
    /* all set partitions of {0..k-1} by brute force over label vectors */
    slong total = 1, i, c, alloc = 16;
    slong * lab = flint_calloc(k + 1, sizeof(slong));

    for (i = 0; i < k; i++)
        total *= k;
    B->sigma = flint_malloc(alloc * k * sizeof(slong));
    B->sigma_nb = flint_malloc(alloc * sizeof(slong));
    B->nsigma = 0;
    for (c = 0; c < total; c++)
    {
        slong x = c, mx = -1;
        int canonical = 1;

        for (i = 0; i < k; i++)
        {
            lab[i] = x % k;
            x /= k;
            if (lab[i] > mx + 1)
                canonical = 0;
            mx = FLINT_MAX(mx, lab[i]);
        }
        if (!canonical)
            continue;
        if (B->nsigma == alloc)
        {
            alloc *= 2;
            B->sigma = flint_realloc(B->sigma, alloc * k * sizeof(slong));
            B->sigma_nb = flint_realloc(B->sigma_nb, alloc * sizeof(slong));
        }
        for (i = 0; i < k; i++)
            B->sigma[B->nsigma * k + i] = lab[i];
        B->sigma_nb[B->nsigma] = mx + 1;
        B->nsigma++;
    }
    flint_free(lab);
}

void
onelayer_brute_eval(fmpq_t res, const wc_spec_t spec, const wc_net_t net,
                    slong n)
{
    brute_state B;
    int bias = !fmpq_is_zero(net->bias);
    slong din = net->din, i, j, t, k, plen;
    fmpq * x = _fmpq_vec_init(din);
    fmpq * poly;
    fmpq_mpoly_t u, gen, acc;
    fmpq_t c;

    B.n = n;
    B.din = din;
    B.P = n * (din + 1 + bias);
    B.m = spec->nfactors;
    B.nidx = spec->nindices;
    B.spec = spec;
    fmpq_mpoly_ctx_init(B.ctx, B.P, ORD_LEX);
    B.variance = _fmpq_vec_init(B.P);
    B.weight = _fmpq_vec_init(B.P);
    fmpq_init(c);

    /* parameter p: V_i = i, W_ij = n + i din + j, b_i = n (1 + din) + i */
    for (i = 0; i < n; i++)
    {
        fmpq_set_si(B.variance + i, 1, net->param == WC_PARAM_STANDARD
                                       ? n : 1);
        fmpq_one(B.weight + i);
        for (j = 0; j < din; j++)
        {
            fmpq_set_si(B.variance + n + i * din + j, 1, din);
            if (net->param == WC_PARAM_STANDARD)
                fmpq_one(B.weight + n + i * din + j);
            else
                fmpq_set_si(B.weight + n + i * din + j, 1, din);
        }
        if (bias)
        {
            fmpq_mul(B.variance + n * (1 + din) + i, net->bias, net->bias);
            if (net->param == WC_PARAM_STANDARD)
                fmpq_one(B.weight + n * (1 + din) + i);
            else
                fmpq_set(B.weight + n * (1 + din) + i,
                         B.variance + n * (1 + din) + i);
        }
    }

    /* the activation as coefficients */
    if (net->act == WC_ACT_LINEAR)
    {
        plen = 2;
        poly = _fmpq_vec_init(2);
        fmpq_one(poly + 1);
    }
    else
    {
        plen = net->poly_len;
        poly = _fmpq_vec_init(FLINT_MAX(plen, 1));
        for (k = 0; k < plen; k++)
            fmpq_set(poly + k, net->poly + k);
    }

    /* g(x_t) for every tensor */
    fmpq_mpoly_init(u, B.ctx);
    fmpq_mpoly_init(gen, B.ctx);
    fmpq_mpoly_init(acc, B.ctx);
    B.g = flint_malloc(FLINT_MAX(B.m, 1) * sizeof(fmpq_mpoly_struct));
    B.entry = flint_malloc(FLINT_MAX(B.m, 1) * sizeof(fmpq_mpoly_struct));
    for (t = 0; t < B.m; t++)
    {
        fmpq_mpoly_init(B.g + t, B.ctx);
        fmpq_mpoly_init(B.entry + t, B.ctx);
        wc_net_get_input(x, net, spec->factors[t].input);
        for (i = 0; i < n; i++)
        {
            fmpq_mpoly_zero(u, B.ctx);
            for (j = 0; j < din; j++)
            {
                fmpq_mpoly_gen(gen, n + i * din + j, B.ctx);
                fmpq_mpoly_scalar_mul_fmpq(gen, gen, x + j, B.ctx);
                fmpq_mpoly_add(u, u, gen, B.ctx);
            }
            if (bias)
            {
                fmpq_mpoly_gen(gen, n * (1 + din) + i, B.ctx);
                fmpq_mpoly_add(u, u, gen, B.ctx);
            }
            /* acc = s(u) by Horner */
            fmpq_mpoly_zero(acc, B.ctx);
            for (k = plen - 1; k >= 0; k--)
            {
                fmpq_mpoly_mul(acc, acc, u, B.ctx);
                fmpq_mpoly_add_fmpq(acc, acc, poly + k, B.ctx);
            }
            fmpq_mpoly_gen(gen, i, B.ctx);
            fmpq_mpoly_mul(acc, acc, gen, B.ctx);
            fmpq_mpoly_add(B.g + t, B.g + t, acc, B.ctx);
        }
        /* tensors without indices are fixed from the start */
        fmpq_mpoly_set(B.entry + t, B.g + t, B.ctx);
    }

    B.assign = flint_malloc(FLINT_MAX(B.nidx, 1) * sizeof(slong));
    B.last = flint_malloc(FLINT_MAX(B.m, 1) * sizeof(slong));
    for (k = 0; k < B.nidx; k++)
        B.assign[k] = -1;
    for (t = 0; t < B.m; t++)
    {
        B.last[t] = -1;
        for (j = 0; j < spec->factors[t].order; j++)
            B.last[t] = FLINT_MAX(B.last[t], spec->factors[t].index[j]);
    }
    if (spec->connected)
        group_partitions(&B, spec->ngroups);
    else
    {
        B.sigma = NULL;
        B.sigma_nb = NULL;
        B.nsigma = 0;
    }

    fmpq_init(B.sum);
    assign_rec(&B, 0);

    /* the factor c^m and the coefficient */
    fmpq_set(res, B.sum);
    fmpq_set_si(c, 1, n);
    if (net->param == WC_PARAM_MF)
        fmpq_pow_si(c, c, B.m);
    else if (net->param == WC_PARAM_STANDARD)
        fmpq_one(c);
    else if (B.m % 2 == 0)
        fmpq_pow_si(c, c, B.m / 2);
    else
        fmpq_one(c);    /* odd m: the sum itself, zero by V -> -V */
    fmpq_mul(res, res, c);
    fmpq_mul(res, res, spec->coeff);

    fmpq_clear(B.sum);
    for (t = 0; t < B.m; t++)
    {
        fmpq_mpoly_clear(B.g + t, B.ctx);
        fmpq_mpoly_clear(B.entry + t, B.ctx);
    }
    flint_free(B.g);
    flint_free(B.entry);
    flint_free(B.assign);
    flint_free(B.last);
    flint_free(B.sigma);
    flint_free(B.sigma_nb);
    fmpq_mpoly_clear(u, B.ctx);
    fmpq_mpoly_clear(gen, B.ctx);
    fmpq_mpoly_clear(acc, B.ctx);
    _fmpq_vec_clear(B.variance, B.P);
    _fmpq_vec_clear(B.weight, B.P);
    _fmpq_vec_clear(x, din);
    _fmpq_vec_clear(poly, FLINT_MAX(plen, 1));
    fmpq_clear(c);
    fmpq_mpoly_ctx_clear(B.ctx);
}
