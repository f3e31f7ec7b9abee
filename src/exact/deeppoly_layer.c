/* The layer step of the deep polynomial engine (doc/exact-deeppoly.md,
   "The layer step").

   The state P is a polynomial in the Gram entries G_tau of level l with
   coefficients c_e in the width variables.  Given level l - 1 the
   neurons of layer l are i.i.d., G_tau = (1/n) sum_i Y_tau,i with
   Y_tau = a[u_tau] a[v_tau], and for S = sum_i Y_i the generating
   function of the moments is E[exp(t . S)] = M(t)^n with
   M(t) = sum_beta mhat_beta t^beta, mhat_beta = E[Y^beta] / beta!.
   Writing g_e = n^(-|e|) [t^e] M^n, the Euler-operator identity
   M (sum_tau t_tau d_tau) M^n = n M^n (sum_tau t_tau d_tau) M gives
       |e| g_e = sum_{0 != beta <= e} (|beta| w^(|beta|-1)
                                       - |e - beta| w^|beta|)
                                      mhat_beta g_(e - beta),
   w = 1/n, and E[G^e | level l - 1] = e! g_e, a polynomial in w and in
   the Gram entries of level l - 1.  Every e needed lies in the downward
   closure D of the state's exponents, and so does every beta and
   e - beta. */

#include <stdlib.h>
#include <string.h>

#include "deeppoly_impl.h"

typedef struct
{
    wc_dp_run_struct * run;
    slong nt;                  /* Gram variables present in the state */
    slong * tvar;              /* their numbers */
    wc_dp_map_t dmap;          /* the closure D, compact exponents */
    ulong * mult;              /* random multipliers of the linear hash */
    ulong * dhash;             /* hash of every element of D */
    wc_dp_hmap_t hmap;         /* hash -> element of D */
    fmpq_mpoly_struct * mhat;  /* per element of D */
    fmpq_mpoly_struct * Y;     /* per present variable, in zctx */
    wc_dp_moments_t M;
}
layer_ctx;

static slong
key_total(const slong * e, slong len)
{
    slong i, s = 0;

    for (i = 0; i < len; i++)
        s += e[i];
    return s;
}

/* beta! = prod_tau beta_tau! */
static void
multi_factorial(fmpz_t r, const slong * e, slong len)
{
    fmpz_t f;
    slong i;

    fmpz_init(f);
    fmpz_one(r);
    for (i = 0; i < len; i++)
        if (e[i] > 1)
        {
            fmpz_fac_ui(f, (ulong) e[i]);
            fmpz_mul(r, r, f);
        }
    fmpz_clear(f);
}

/* Depth-first over D: every element is reached once from its parent by
   adding units in nondecreasing coordinate order; Z is the product of
   the Y's along the way, mhat = E[Z] / beta!. */
static void
closure_moments(layer_ctx * L, slong * beta, ulong bhash, slong first,
                const fmpq_mpoly_t Z)
{
    wc_dp_run_struct * run = L->run;
    slong tau;
    fmpq_mpoly_t Z2;
    fmpz_t f;

    if (run->over)
        return;
    fmpq_mpoly_init(Z2, run->zctx);
    fmpz_init(f);
    for (tau = first; tau < L->nt && !run->over; tau++)
    {
        slong idx;

        beta[tau]++;
        idx = _wc_dp_hmap_get(L->hmap, bhash + L->mult[tau]);
        if (idx >= 0 && memcmp(_wc_dp_map_key(L->dmap, idx), beta,
                               L->nt * sizeof(slong)) != 0)
            idx = -1;
        if (idx >= 0)
        {
            double zbytes;

            _wc_dp_mul(Z2, Z, L->Y + tau, run->zctx, run);
            zbytes = _wc_dp_poly_bytes(Z2, run->zctx);
            _wc_dp_hold(run, zbytes);
            _wc_dp_expect(L->mhat + idx, L->M, Z2);
            multi_factorial(f, beta, L->nt);
            if (!fmpz_is_one(f))
                fmpq_mpoly_scalar_div_fmpz(L->mhat + idx, L->mhat + idx, f,
                                           L->M->R->ctx);
            run->cnt->moments++;
            if (run->cnt->operations > run->max_terms)
                run->over = 1;
            _wc_dp_hold(run, _wc_dp_poly_bytes(L->mhat + idx, L->M->R->ctx));
            closure_moments(L, beta, bhash + L->mult[tau], tau, Z2);
            _wc_dp_hold(run, -zbytes);
        }
        beta[tau]--;
    }
    fmpq_mpoly_clear(Z2, run->zctx);
    fmpz_clear(f);
}

typedef struct
{
    slong idx;
    slong total;
}
order_entry;

static int
cmp_order(const void * a, const void * b)
{
    const order_entry * x = a, * y = b;

    if (x->total != y->total)
        return (x->total > y->total) - (x->total < y->total);
    return (x->idx > y->idx) - (x->idx < y->idx);
}

int
_wc_dp_layer_step(fmpq_mpoly_t P, wc_dp_ring_t R, wc_dp_run_t run,
                  slong layer)
{
    const fmpq_mpoly_ctx_struct * ictx = R->ctx, * ctx;
    slong len = fmpq_mpoly_length(P, ictx), nwidth = R->nvars - R->ng;
    slong * deg, * e, * beta, * supp, * digit, i, j, k, nstate, nd;
    slong bt, wv;
    ulong seed;
    ulong * exps, * oexps;
    unsigned char * use;
    layer_ctx L;
    wc_dp_map_t smap;
    wc_dp_ring_t Rout;
    fmpq_mpoly_struct * coef, * g, * parts;
    fmpq_mpoly_t one, F, t, w;
    fmpq_mpoly_struct * S;
    order_entry * ord;
    fmpq_t c;
    fmpz_t f;
    slong nparts, aparts;
    double bytes0 = run->cnt->bytes, pbytes, held;

    L.run = run;

    /* 1. the Gram variables present (global numbers in L.tvar), the z's
          their activation polynomials involve, and the ring of level
          l - 1 that the covariance of those z's needs */
    deg = flint_malloc(R->nvars * sizeof(slong));
    fmpq_mpoly_degrees_si(deg, P, ictx);
    L.tvar = flint_malloc(FLINT_MAX(R->ng, 1) * sizeof(slong));
    L.nt = 0;
    for (i = 0; i < R->ng; i++)
        if (deg[i] > 0)
            L.tvar[L.nt++] = R->gid[i];
    flint_free(deg);

    use = flint_calloc(run->nvec, 1);
    deg = flint_malloc(run->nvec * sizeof(slong));
    for (j = 0; j < L.nt; j++)
    {
        slong side;

        for (side = 0; side < 2; side++)
        {
            slong u = side ? run->gram_v[L.tvar[j]] : run->gram_u[L.tvar[j]];

            fmpq_mpoly_degrees_si(deg, run->act + u, run->zctx);
            for (k = 0; k < run->nvec; k++)
                use[k] |= (deg[k] > 0);
        }
    }
    flint_free(deg);
    _wc_dp_ring_for_layer(Rout, run, layer, use);
    ctx = Rout->ctx;
    wv = _wc_dp_wvar(Rout, run, layer);

    /*    and the state grouped by its Gram part, P = sum_e c_e G^e, the
          c_e (width variables only) moved to the new ring */
    exps = flint_malloc(R->nvars * sizeof(ulong));
    oexps = flint_calloc(Rout->nvars, sizeof(ulong));
    e = flint_malloc(FLINT_MAX(L.nt, 1) * sizeof(slong));
    beta = flint_calloc(FLINT_MAX(L.nt, 1), sizeof(slong));
    supp = flint_malloc(FLINT_MAX(L.nt, 1) * sizeof(slong));
    digit = flint_malloc(FLINT_MAX(L.nt, 1) * sizeof(slong));
    fmpq_init(c);
    fmpz_init(f);
    _wc_dp_map_init(smap, L.nt);
    coef = NULL;
    nstate = 0;
    for (i = 0; i < len; i++)
    {
        slong q = 0;

        fmpq_mpoly_get_term_exp_ui(exps, P, i, ictx);
        fmpq_mpoly_get_term_coeff_fmpq(c, P, i, ictx);
        for (j = 0; j < R->ng; j++)
            if (q < L.nt && R->gid[j] == L.tvar[q])
                e[q++] = (slong) exps[j];
        for (j = 0; j < nwidth; j++)
            oexps[Rout->ng + j] = exps[R->ng + j];
        k = _wc_dp_map_find(smap, e, 1);
        if (k == nstate)
        {
            coef = flint_realloc(coef, (nstate + 1)
                                 * sizeof(fmpq_mpoly_struct));
            fmpq_mpoly_init(coef + k, ctx);
            nstate++;
        }
        fmpq_mpoly_push_term_fmpq_ui(coef + k, c, oexps, ctx);
    }
    for (k = 0; k < nstate; k++)
    {
        fmpq_mpoly_sort_terms(coef + k, ctx);
        fmpq_mpoly_combine_like_terms(coef + k, ctx);
    }
    if (nstate > run->cnt->max_state)
        run->cnt->max_state = nstate;

    /* 2. the downward closure D (breadth first; the zero vector is
          number 0 or is added) */
    _wc_dp_map_init(L.dmap, L.nt);
    for (j = 0; j < L.nt; j++)
        e[j] = 0;
    _wc_dp_map_find(L.dmap, e, 1);
    for (k = 0; k < nstate; k++)
        _wc_dp_map_find(L.dmap, _wc_dp_map_key(smap, k), 1);
    for (i = 0; i < L.dmap->size; i++)
    {
        memcpy(e, _wc_dp_map_key(L.dmap, i), L.nt * sizeof(slong));
        for (j = 0; j < L.nt; j++)
            if (e[j] > 0)
            {
                e[j]--;
                _wc_dp_map_find(L.dmap, e, 1);
                e[j]++;
            }
    }
    nd = L.dmap->size;
    if (nd > run->cnt->max_closure)
        run->cnt->max_closure = nd;

    /* A linear hash h(e) = sum_tau e_tau r_tau mod 2^64 with random odd
       r_tau, so that h(e - beta) = h(e) - h(beta).  The loops below only
       look up elements of D, so distinct hash values within D make the
       hash a perfect key; a collision (probability about |D|^2 2^-64)
       draws new multipliers. */
    L.mult = flint_malloc(FLINT_MAX(L.nt, 1) * sizeof(ulong));
    L.dhash = flint_malloc(nd * sizeof(ulong));
    _wc_dp_hmap_init(L.hmap);
    for (seed = UWORD(0x243f6a8885a308d3) + (ulong) layer; ; seed++)
    {
        ulong z = seed;

        for (j = 0; j < L.nt; j++)
        {
            z += UWORD(0x9e3779b97f4a7c15);
            L.mult[j] = ((z ^ (z >> 29)) * UWORD(0xbf58476d1ce4e5b9)) | 1;
        }
        _wc_dp_hmap_clear(L.hmap);
        for (k = 0; k < nd; k++)
        {
            const slong * ek = _wc_dp_map_key(L.dmap, k);

            L.dhash[k] = 0;
            for (j = 0; j < L.nt; j++)
                L.dhash[k] += (ulong) ek[j] * L.mult[j];
            if (!_wc_dp_hmap_insert(L.hmap, L.dhash[k], k))
                break;
        }
        if (k == nd)
            break;
    }

    /* 3. the single-neuron moments mhat_beta, beta in D */
    S = _wc_dp_covariance(run, layer, Rout, use);
    _wc_dp_moments_init(L.M, run, Rout, S);
    L.Y = flint_malloc(FLINT_MAX(L.nt, 1) * sizeof(fmpq_mpoly_struct));
    for (j = 0; j < L.nt; j++)
    {
        fmpq_mpoly_init(L.Y + j, run->zctx);
        fmpq_mpoly_mul(L.Y + j, run->act + run->gram_u[L.tvar[j]],
                       run->act + run->gram_v[L.tvar[j]], run->zctx);
    }
    L.mhat = flint_malloc(nd * sizeof(fmpq_mpoly_struct));
    for (k = 0; k < nd; k++)
        fmpq_mpoly_init(L.mhat + k, ctx);
    fmpq_mpoly_one(L.mhat + 0, ctx);
    {
        fmpq_mpoly_t Z;

        fmpq_mpoly_init(Z, run->zctx);
        fmpq_mpoly_one(Z, run->zctx);
        for (j = 0; j < L.nt; j++)
            beta[j] = 0;
        closure_moments(&L, beta, 0, 0, Z);
        fmpq_mpoly_clear(Z, run->zctx);
    }
    _wc_dp_moments_clear(L.M);
    _wc_dp_covariance_clear(S, run, Rout);
    for (j = 0; j < L.nt; j++)
        fmpq_mpoly_clear(L.Y + j, run->zctx);
    flint_free(L.Y);

    /* 4. g_e over D by increasing |e| */
    g = flint_malloc(nd * sizeof(fmpq_mpoly_struct));
    for (k = 0; k < nd; k++)
        fmpq_mpoly_init(g + k, ctx);
    fmpq_mpoly_one(g + 0, ctx);
    ord = flint_malloc(nd * sizeof(order_entry));
    for (k = 0; k < nd; k++)
    {
        ord[k].idx = k;
        ord[k].total = key_total(_wc_dp_map_key(L.dmap, k), L.nt);
    }
    qsort(ord, nd, sizeof(order_entry), cmp_order);

    fmpq_mpoly_init(one, ctx);
    fmpq_mpoly_init(F, ctx);
    fmpq_mpoly_init(t, ctx);
    fmpq_mpoly_init(w, ctx);
    fmpq_mpoly_one(one, ctx);
    fmpq_mpoly_gen(w, wv, ctx);
    aparts = 16;
    parts = flint_malloc(aparts * sizeof(fmpq_mpoly_struct));

    for (i = 0; i < nd && !run->over; i++)
    {
        slong ei = ord[i].idx, et = ord[i].total, ns, q, nsupp;
        ulong eh = L.dhash[ei], bh;

        if (et == 0)
            continue;
        memcpy(e, _wc_dp_map_key(L.dmap, ei), L.nt * sizeof(slong));

        /* every 0 != beta <= e, by an odometer over the support of e,
           with the hash and |beta| kept up to date */
        nsupp = 0;
        for (j = 0; j < L.nt; j++)
            if (e[j] > 0)
            {
                supp[nsupp] = j;
                digit[nsupp] = 0;
                nsupp++;
            }
        bh = 0;
        bt = 0;
        nparts = 0;
        held = 0.0;
        for (;;)
        {
            slong bi, ri;

            for (q = 0; q < nsupp; q++)
            {
                slong tau = supp[q];

                if (digit[q] < e[tau])
                {
                    digit[q]++;
                    bh += L.mult[tau];
                    bt++;
                    break;
                }
                bh -= (ulong) digit[q] * L.mult[tau];
                bt -= digit[q];
                digit[q] = 0;
            }
            if (q == nsupp)
                break;

            bi = _wc_dp_hmap_get(L.hmap, bh);
            ri = _wc_dp_hmap_get(L.hmap, eh - bh);
            run->cnt->pairs++;
            if (fmpq_mpoly_is_zero(L.mhat + bi, ctx)
                || fmpq_mpoly_is_zero(g + ri, ctx))
                continue;

            /* F = |beta| w^(|beta|-1) - |e - beta| w^|beta| */
            fmpq_mpoly_pow_ui(F, w, (ulong) (bt - 1), ctx);
            fmpq_mpoly_mul(t, F, w, ctx);
            fmpq_mpoly_scalar_mul_si(F, F, bt, ctx);
            fmpq_mpoly_scalar_mul_si(t, t, et - bt, ctx);
            fmpq_mpoly_sub(F, F, t, ctx);

            if (nparts == aparts)
            {
                aparts *= 2;
                parts = flint_realloc(parts, aparts
                                      * sizeof(fmpq_mpoly_struct));
            }
            fmpq_mpoly_init(parts + nparts, ctx);
            _wc_dp_mul(t, L.mhat + bi, g + ri, ctx, run);
            _wc_dp_mul(parts + nparts, t, F, ctx, run);
            pbytes = _wc_dp_poly_bytes(parts + nparts, ctx);
            held += pbytes;
            _wc_dp_hold(run, pbytes);
            nparts++;
            if (run->over)
                break;
        }
        ns = nparts;
        _wc_dp_sum(g + ei, parts, ns, ctx);
        _wc_dp_hold(run, -held);
        for (k = 0; k < ns; k++)
            fmpq_mpoly_clear(parts + k, ctx);
        fmpq_mpoly_scalar_div_si(g + ei, g + ei, et, ctx);
        _wc_dp_hold(run, _wc_dp_poly_bytes(g + ei, ctx));
        if (run->cnt->operations > run->max_terms)
            run->over = 1;
    }

    /* 5. P = sum_e c_e e! g_e, in the new ring, which replaces R */
    fmpq_mpoly_clear(P, ictx);
    fmpq_mpoly_init(P, ctx);
    if (!run->over)
    {
        if (nstate > aparts)
        {
            aparts = nstate;
            parts = flint_realloc(parts, aparts
                                  * sizeof(fmpq_mpoly_struct));
        }
        for (k = 0; k < nstate; k++)
        {
            const slong * ek = _wc_dp_map_key(smap, k);
            slong di = _wc_dp_map_find(L.dmap, ek, 0);

            fmpq_mpoly_init(parts + k, ctx);
            _wc_dp_mul(parts + k, coef + k, g + di, ctx, run);
            multi_factorial(f, ek, L.nt);
            if (!fmpz_is_one(f))
                fmpq_mpoly_scalar_mul_fmpz(parts + k, parts + k, f, ctx);
        }
        _wc_dp_sum(P, parts, nstate, ctx);
        for (k = 0; k < nstate; k++)
            fmpq_mpoly_clear(parts + k, ctx);
    }

    flint_free(parts);
    fmpq_mpoly_clear(one, ctx);
    fmpq_mpoly_clear(F, ctx);
    fmpq_mpoly_clear(t, ctx);
    fmpq_mpoly_clear(w, ctx);
    flint_free(ord);
    for (k = 0; k < nd; k++)
    {
        fmpq_mpoly_clear(g + k, ctx);
        fmpq_mpoly_clear(L.mhat + k, ctx);
    }
    flint_free(g);
    flint_free(L.mhat);
    for (k = 0; k < nstate; k++)
        fmpq_mpoly_clear(coef + k, ctx);
    flint_free(coef);
    _wc_dp_map_clear(L.dmap);
    _wc_dp_map_clear(smap);
    flint_free(L.tvar);
    flint_free(use);
    flint_free(exps);
    flint_free(oexps);
    flint_free(e);
    flint_free(beta);
    flint_free(supp);
    flint_free(digit);
    flint_free(L.mult);
    flint_free(L.dhash);
    _wc_dp_hmap_clear(L.hmap);
    fmpq_clear(c);
    fmpz_clear(f);

    /* everything counted during the step is freed; the new state
       remains */
    run->cnt->bytes = bytes0;
    _wc_dp_ring_clear(R);
    *R = *Rout;
    return !run->over;
}
