/* Values of neuron blocks.  A block B is a set of clusters that share one
   neuron.  For a partition s of the cumulant groups,
       Q_B(s) = sum over type assignments of the clusters in B of
                (product of first-layer weights) n^(#V indices, standard)
                prod_{S in s} E[V^(p_S)] E[prod_{t in S} s^(r_t)(u(x_t))]
   where S runs over the blocks of s, the product over t takes the
   tensors of B whose group lies in S, p_S counts those without a V slot
   and r_t is the number of first-layer slots of t (doc/exact-onelayer.md,
   "Single-neuron values").  The Gaussian factors are cached by their
   multiset of (input class, derivative order). */

#include <string.h>

#include "onelayer_impl.h"

static ulong
hash_key(const slong * key, slong len)
{
    ulong h = UWORD(14695981039346656037);
    slong i;

    for (i = 0; i < len; i++)
    {
        h ^= (ulong) key[i];
        h *= UWORD(1099511628211);
    }
    return h;
}

static void
cache_grow(wc_ol_problem_t P)
{
    slong old_alloc = P->cache_alloc, k;
    wc_ol_gauss_entry * old = P->cache;

    P->cache_alloc *= 2;
    P->cache = flint_calloc(P->cache_alloc, sizeof(wc_ol_gauss_entry));
    for (k = 0; k < old_alloc; k++)
    {
        ulong h;

        if (!old[k].used)
            continue;
        h = hash_key(old[k].key, P->keylen) & (P->cache_alloc - 1);
        while (P->cache[h].used)
            h = (h + 1) & (P->cache_alloc - 1);
        P->cache[h] = old[k];
    }
    flint_free(old);
}

/* The entry for key, computed on first use. */
static wc_status
cache_get(wc_ol_gauss_entry ** res, wc_ol_problem_t P, const slong * key,
          wc_error_t err)
{
    ulong h;
    slong len = 0, v, r, k, n;
    slong * var, * deriv;
    wc_ol_gauss_entry * e;
    fmpq_t vq;
    arb_t vb;
    wc_status status;

    h = hash_key(key, P->keylen) & (P->cache_alloc - 1);
    while (P->cache[h].used)
    {
        if (memcmp(P->cache[h].key, key, P->keylen * sizeof(slong)) == 0)
        {
            *res = P->cache + h;
            return WC_OK;
        }
        h = (h + 1) & (P->cache_alloc - 1);
    }

    for (k = 0; k < P->keylen; k++)
        len += key[k];
    var = flint_malloc(FLINT_MAX(len, 1) * sizeof(slong));
    deriv = flint_malloc(FLINT_MAX(len, 1) * sizeof(slong));
    n = 0;
    for (v = 0; v < P->nvars; v++)
        for (r = 0; r <= P->maxorder; r++)
            for (k = 0; k < key[v * (P->maxorder + 1) + r]; k++)
            {
                var[n] = v;
                deriv[n] = r;
                n++;
            }

    fmpq_init(vq);
    arb_init(vb);
    if (P->exact)
        status = wc_gauss_expect_fmpq(vq, P->act, var, deriv, len, P->ucov,
                                      err);
    else
        status = wc_gauss_expect(vb, P->act, var, deriv, len, P->ucov,
                                 P->prec, err);
    flint_free(var);
    flint_free(deriv);
    P->gauss_calls++;
    if (status != WC_OK)
    {
        fmpq_clear(vq);
        arb_clear(vb);
        return status;
    }
    e = P->cache + h;
    fmpq_init(e->q);
    arb_init(e->b);
    fmpq_swap(e->q, vq);
    arb_swap(e->b, vb);
    fmpq_clear(vq);
    arb_clear(vb);
    e->key = flint_malloc(P->keylen * sizeof(slong));
    memcpy(e->key, key, P->keylen * sizeof(slong));
    e->used = 1;
    P->cache_len++;
    if (2 * P->cache_len > P->cache_alloc)
    {
        /* the entry moves: look it up again */
        cache_grow(P);
        return cache_get(res, P, key, err);
    }
    *res = e;
    return WC_OK;
}

typedef struct
{
    wc_ol_problem_struct * P;
    slong * comps;
    slong nc;
    slong * pcnt;           /* per group: tensors without a V slot */
    slong * cnt;            /* per group: key counts */
    slong nv1;              /* tensors with a V slot */
    slong * skey;           /* scratch */
    wc_ol_npoly_struct * out;
    fmpq_t fq;
    arb_t fb, gb;
    wc_status status;
    wc_error_struct * err;
}
block_state;

static void
leaf(block_state * S, const fmpq_t w)
{
    wc_ol_problem_struct * P = S->P;
    slong s, b, g, k, p;
    int zero;

    for (s = 0; s < P->nsigma; s++)
    {
        const slong * lab = P->sigma + s * P->ngroups;

        zero = 0;
        fmpq_set(S->fq, w);
        if (!P->exact)
            arb_set_fmpq(S->fb, w, P->prec);
        for (b = 0; b < P->sigma_blocks[s] && !zero; b++)
        {
            wc_ol_gauss_entry * e;
            slong any = 0;

            p = 0;
            for (k = 0; k < P->keylen; k++)
                S->skey[k] = 0;
            for (g = 0; g < P->ngroups; g++)
            {
                if (lab[g] != b)
                    continue;
                p += S->pcnt[g];
                for (k = 0; k < P->keylen; k++)
                    S->skey[k] += S->cnt[g * P->keylen + k];
            }
            if (p % 2 == 1)
            {
                zero = 1;
                break;
            }
            /* E[V^p] = (p - 1)!! */
            for (k = p - 1; k > 1; k -= 2)
            {
                fmpq_mul_si(S->fq, S->fq, k);
                if (!P->exact)
                    arb_mul_si(S->fb, S->fb, k, P->prec);
            }
            for (k = 0; k < P->keylen; k++)
                any += S->skey[k];
            if (any == 0)
                continue;
            S->status = cache_get(&e, P, S->skey, S->err);
            if (S->status != WC_OK)
                return;
            if (P->exact)
            {
                if (fmpq_is_zero(e->q))
                    zero = 1;
                else
                    fmpq_mul(S->fq, S->fq, e->q);
            }
            else
            {
                if (arb_is_zero(e->b))
                    zero = 1;
                else
                    arb_mul(S->fb, S->fb, e->b, P->prec);
            }
        }
        if (zero)
            continue;
        _wc_ol_np_add_term(S->out + s, P->std ? S->nv1 / 2 : 0, S->fq,
                           S->fb, P->exact, P->prec);
    }
}

static void
block_rec(block_state * S, slong i, const fmpq_t w)
{
    wc_ol_problem_struct * P = S->P;
    slong c, k, j;
    fmpq_t w2;

    if (S->status != WC_OK)
        return;
    if (i == S->nc)
    {
        leaf(S, w);
        return;
    }
    c = S->comps[i];
    fmpq_init(w2);
    for (k = 0; k < P->nsum[c] && S->status == WC_OK; k++)
    {
        ulong vm = P->sum[c][k].vmask;

        for (j = P->cfirst[c]; j < P->cfirst[c + 1]; j++)
        {
            slong t = P->cmember[j], v = (vm >> (j - P->cfirst[c])) & 1;
            slong g = P->tgroup[t];

            S->pcnt[g] += 1 - v;
            S->nv1 += v;
            S->cnt[g * P->keylen + P->tvar[t] * (P->maxorder + 1)
                   + P->torder[t] - v]++;
        }
        fmpq_mul(w2, w, P->sum[c][k].w);
        block_rec(S, i + 1, w2);
        for (j = P->cfirst[c]; j < P->cfirst[c + 1]; j++)
        {
            slong t = P->cmember[j], v = (vm >> (j - P->cfirst[c])) & 1;
            slong g = P->tgroup[t];

            S->pcnt[g] -= 1 - v;
            S->nv1 -= v;
            S->cnt[g * P->keylen + P->tvar[t] * (P->maxorder + 1)
                   + P->torder[t] - v]--;
        }
    }
    fmpq_clear(w2);
}

wc_status
_wc_ol_block(wc_ol_npoly_struct ** res, wc_ol_problem_t P, ulong B,
             wc_error_t err)
{
    block_state S;
    slong c, s;
    fmpq_t one;

    if (P->Q[B] != NULL)
    {
        *res = P->Q[B];
        return WC_OK;
    }

    S.P = P;
    S.comps = flint_malloc(FLINT_MAX(P->ncomp, 1) * sizeof(slong));
    S.nc = 0;
    for (c = 0; c < P->ncomp; c++)
        if ((B >> c) & 1)
            S.comps[S.nc++] = c;
    S.pcnt = flint_calloc(P->ngroups, sizeof(slong));
    S.cnt = flint_calloc(P->ngroups * FLINT_MAX(P->keylen, 1),
                         sizeof(slong));
    S.skey = flint_calloc(FLINT_MAX(P->keylen, 1), sizeof(slong));
    S.nv1 = 0;
    S.out = flint_malloc(P->nsigma * sizeof(wc_ol_npoly_struct));
    for (s = 0; s < P->nsigma; s++)
        _wc_ol_np_init(S.out + s);
    fmpq_init(S.fq);
    arb_init(S.fb);
    arb_init(S.gb);
    S.status = WC_OK;
    S.err = err;

    fmpq_init(one);
    fmpq_one(one);
    block_rec(&S, 0, one);
    fmpq_clear(one);

    flint_free(S.comps);
    flint_free(S.pcnt);
    flint_free(S.cnt);
    flint_free(S.skey);
    fmpq_clear(S.fq);
    arb_clear(S.fb);
    arb_clear(S.gb);
    if (S.status != WC_OK)
    {
        for (s = 0; s < P->nsigma; s++)
            _wc_ol_np_clear(S.out + s);
        flint_free(S.out);
        *res = NULL;
        return S.status;
    }
    P->Q[B] = S.out;
    *res = S.out;
    return WC_OK;
}
