/* One transfer of the deep polynomial engine (one Moebius term): the
   vectors and their Gram entries, the activation polynomial of every
   vector, the covariance of one neuron's preactivation coefficients
   given the level below, and the output step (doc/exact-deeppoly.md,
   "Vectors" and "The layer step"). */

#include "deeppoly_impl.h"

static slong
popcount64(uint64_t x)
{
    slong c = 0;

    for (; x != 0; x &= x - 1)
        c++;
    return c;
}

static slong
lowbit64(uint64_t x)
{
    slong c = 0;

    while (!(x & 1))
    {
        x >>= 1;
        c++;
    }
    return c;
}

static slong
vec_find(wc_dp_run_t run, slong copy, slong cls, uint64_t alpha,
         int create)
{
    slong key[3];

    key[0] = copy;
    key[1] = cls;
    key[2] = (slong) alpha;
    return _wc_dp_map_find(run->vmap, key, create);
}

static void
vec_push(wc_dp_run_t run, slong * alloc, slong copy, slong cls,
         uint64_t alpha)
{
    slong i = vec_find(run, copy, cls, alpha, 1);

    if (i < run->nvec)
        return;
    if (run->nvec == *alloc)
    {
        *alloc = FLINT_MAX(16, 2 * *alloc);
        run->vec = flint_realloc(run->vec,
                                 *alloc * sizeof(wc_dp_vec_struct));
    }
    run->vec[i].copy = copy;
    run->vec[i].cls = cls;
    run->vec[i].alpha = alpha;
    run->vec[i].fwd = -1;
    run->nvec++;
}

slong
_wc_dp_wvar(const wc_dp_ring_t R, const wc_dp_run_t run, slong layer)
{
    return R->ng + (run->pr->multi ? layer - 1 : 0);
}

slong
_wc_dp_nuvar(const wc_dp_ring_t R, const wc_dp_run_t run, slong layer)
{
    return R->ng + (run->pr->multi ? run->pr->H + layer - 1 : 1);
}

void
_wc_dp_ring_init(wc_dp_ring_t R, const wc_dp_run_t run, const slong * gid,
                 slong ng)
{
    slong i;

    R->ng = ng;
    R->gid = flint_malloc(FLINT_MAX(ng, 1) * sizeof(slong));
    for (i = 0; i < ng; i++)
        R->gid[i] = gid[i];
    R->nvars = ng + (run->pr->multi ? 2 * run->pr->H : 2);
    fmpq_mpoly_ctx_init(R->ctx, R->nvars, ORD_LEX);
}

void
_wc_dp_ring_clear(wc_dp_ring_t R)
{
    fmpq_mpoly_ctx_clear(R->ctx);
    flint_free(R->gid);
}

/* act += s^(r)(z_f) * prod over the blocks of the z of each block, for
   every set partition of the slots rest into blocks (prefix: the blocks
   chosen so far, as a product of z's). */
static void
act_partitions(fmpq_mpoly_t act, wc_dp_run_t run, slong u, uint64_t rest,
               slong r, const fmpq_mpoly_t prefix, fmpq_mpoly_struct * sz)
{
    const wc_dp_vec_struct * v = run->vec + u;
    uint64_t low, others, sub;
    fmpq_mpoly_t next, g;

    if (rest == 0)
    {
        if (r <= run->pr->deg)
        {
            fmpq_mpoly_t t;

            fmpq_mpoly_init(t, run->zctx);
            fmpq_mpoly_mul(t, prefix, sz + r, run->zctx);
            fmpq_mpoly_add(act, act, t, run->zctx);
            fmpq_mpoly_clear(t, run->zctx);
        }
        return;
    }
    if (r >= run->pr->deg)
        return;   /* one more block would need s^(r + 1) = 0 */

    fmpq_mpoly_init(next, run->zctx);
    fmpq_mpoly_init(g, run->zctx);
    low = rest & (~rest + 1);
    others = rest & ~low;
    sub = others;
    for (;;)
    {
        uint64_t block = low | sub;
        slong b = vec_find(run, v->copy, v->cls, block, 0);

        fmpq_mpoly_gen(g, b, run->zctx);
        fmpq_mpoly_mul(next, prefix, g, run->zctx);
        act_partitions(act, run, u, rest & ~block, r + 1, next, sz);
        if (sub == 0)
            break;
        sub = (sub - 1) & others;
    }
    fmpq_mpoly_clear(next, run->zctx);
    fmpq_mpoly_clear(g, run->zctx);
}

void
_wc_dp_run_init(wc_dp_run_t run, const wc_dp_problem_t pr,
                const slong * tcopy, wc_dp_counters * cnt, double max_terms)
{
    slong t, u, v, alloc = 0, r;
    fmpq_mpoly_struct * sz;
    fmpq_mpoly_t one;
    ulong * zexp;
    fmpq_t c;

    run->pr = pr;
    run->cnt = cnt;
    run->max_terms = max_terms;
    run->over = 0;
    run->tcopy = flint_malloc(pr->m * sizeof(slong));
    for (t = 0; t < pr->m; t++)
        run->tcopy[t] = tcopy[t];

    /* the derivative vectors first (the moment recursion peels them
       first), then the forward vectors */
    run->nvec = 0;
    run->vec = NULL;
    _wc_dp_map_init(run->vmap, 3);
    for (t = 0; t < pr->m; t++)
    {
        uint64_t S = pr->tslots[t], sub;

        for (sub = S; sub != 0; sub = (sub - 1) & S)
            vec_push(run, &alloc, tcopy[t], pr->tclass[t], sub);
    }
    run->nderiv = run->nvec;
    for (t = 0; t < pr->m; t++)
        vec_push(run, &alloc, tcopy[t], pr->tclass[t], 0);
    for (u = 0; u < run->nvec; u++)
        run->vec[u].fwd = vec_find(run, run->vec[u].copy, run->vec[u].cls,
                                   0, 0);
    run->cap = flint_malloc((pr->H + 1) * sizeof(slong));
    run->cap[0] = 0;
    for (r = 1; r <= pr->H; r++)
        run->cap[r] = FLINT_MIN(pr->nslots, pr->deg * (run->cap[r - 1] + 1));
    run->tout = flint_malloc(pr->m * sizeof(slong));
    for (t = 0; t < pr->m; t++)
        run->tout[t] = vec_find(run, tcopy[t], pr->tclass[t],
                                pr->tslots[t], 0);

    /* Gram entries of every pair of vectors with disjoint slots: in a
       product each slot occurs once, so no other pair is ever needed */
    run->gram = flint_malloc(run->nvec * run->nvec * sizeof(slong));
    run->gram_u = flint_malloc(run->nvec * run->nvec * sizeof(slong));
    run->gram_v = flint_malloc(run->nvec * run->nvec * sizeof(slong));
    run->ngram = 0;
    for (u = 0; u < run->nvec; u++)
        for (v = u; v < run->nvec; v++)
        {
            slong g = -1;

            if ((run->vec[u].alpha & run->vec[v].alpha) == 0)
            {
                g = run->ngram++;
                run->gram_u[g] = u;
                run->gram_v[g] = v;
            }
            run->gram[u * run->nvec + v] = g;
            run->gram[v * run->nvec + u] = g;
        }
    run->loc = flint_malloc(FLINT_MAX(run->ngram, 1) * sizeof(slong));
    fmpq_mpoly_ctx_init(run->zctx, run->nvec, ORD_LEX);

    /* activation polynomials: a[alpha] = sum over set partitions rho of
       alpha of s^(|rho|)(z[0]) prod_{block in rho} z[block] (Faa di
       Bruno for the eps-multilinear coefficient) */
    sz = flint_malloc((pr->deg + 1) * sizeof(fmpq_mpoly_struct));
    for (r = 0; r <= pr->deg; r++)
        fmpq_mpoly_init(sz + r, run->zctx);
    fmpq_mpoly_init(one, run->zctx);
    fmpq_mpoly_one(one, run->zctx);
    fmpq_init(c);
    zexp = flint_calloc(run->nvec, sizeof(ulong));
    run->act = flint_malloc(run->nvec * sizeof(fmpq_mpoly_struct));
    for (u = 0; u < run->nvec; u++)
        fmpq_mpoly_init(run->act + u, run->zctx);
    for (u = 0; u < run->nvec; u++)
    {
        slong f = run->vec[u].fwd;

        for (r = 0; r <= pr->deg; r++)
        {
            slong k;

            fmpq_mpoly_zero(sz + r, run->zctx);
            for (k = 0; k < fmpq_poly_length(pr->sder + r); k++)
            {
                fmpq_poly_get_coeff_fmpq(c, pr->sder + r, k);
                zexp[f] = (ulong) k;
                fmpq_mpoly_set_coeff_fmpq_ui(sz + r, c, zexp, run->zctx);
            }
            zexp[f] = 0;
        }
        act_partitions(run->act + u, run, u, run->vec[u].alpha, 0, one, sz);
    }
    for (r = 0; r <= pr->deg; r++)
        fmpq_mpoly_clear(sz + r, run->zctx);
    flint_free(sz);
    fmpq_mpoly_clear(one, run->zctx);
    fmpq_clear(c);
    flint_free(zexp);
}

void
_wc_dp_run_clear(wc_dp_run_t run)
{
    slong u;

    for (u = 0; u < run->nvec; u++)
        fmpq_mpoly_clear(run->act + u, run->zctx);
    flint_free(run->act);
    fmpq_mpoly_ctx_clear(run->zctx);
    flint_free(run->loc);
    flint_free(run->gram);
    flint_free(run->gram_u);
    flint_free(run->gram_v);
    flint_free(run->tout);
    flint_free(run->cap);
    flint_free(run->vec);
    _wc_dp_map_clear(run->vmap);
    flint_free(run->tcopy);
}

/* ---- covariance of one neuron's z's ---- */

/* The Gram entry of level layer - 1 of u and v: its global number, or -1
   when it is a number (the inputs, at level 0) or vanishes.  A vector
   a^j[alpha] vanishes for |alpha| above cap_j: a layer splits a slot
   set into at most deg blocks (s^(r) = 0 beyond) and each block loses at
   most one slot to the layer's own parameters, so cap_0 = 0 and
   cap_j = deg (cap_(j-1) + 1). */
static slong
gram_below(int * zero, const wc_dp_run_t run, slong layer, slong u,
           slong v)
{
    const wc_dp_vec_struct * a = run->vec + u, * b = run->vec + v;

    *zero = 0;
    if (popcount64(a->alpha) > run->cap[layer - 1]
        || popcount64(b->alpha) > run->cap[layer - 1])
    {
        *zero = 1;
        return -1;
    }
    if (layer == 1)
        return -1;
    return run->gram[u * run->nvec + v];
}

/* The Gram terms of Sigma(u, v): the pair of vectors of level l - 1
   whose Gram entry enters, kind 0 for the weights W (or V) of one copy,
   kind 1 for a direction xi^k of a slot of u and its partner in v. */
typedef struct
{
    slong u;
    slong v;
    int kind;
}
cov_term;

static slong
cov_terms(cov_term * out, wc_dp_run_t run, slong u, slong v)
{
    const wc_dp_problem_struct * pr = run->pr;
    const wc_dp_vec_struct * a = run->vec + u, * b = run->vec + v;
    uint64_t rest;
    slong n = 0;

    if ((a->alpha & b->alpha) != 0)
        return 0;
    if (a->copy == b->copy)
    {
        out[n].u = u;
        out[n].v = v;
        out[n].kind = 0;
        n++;
    }
    for (rest = a->alpha; rest != 0; rest &= rest - 1)
    {
        slong sl = lowbit64(rest), sp = pr->partner[sl];

        if (!((b->alpha >> sp) & 1))
            continue;
        out[n].u = vec_find(run, a->copy, a->cls,
                            a->alpha & ~((uint64_t) 1 << sl), 0);
        out[n].v = vec_find(run, b->copy, b->cls,
                            b->alpha & ~((uint64_t) 1 << sp), 0);
        out[n].kind = 1;
        n++;
    }
    return n;
}

void
_wc_dp_ring_for_layer(wc_dp_ring_t R, wc_dp_run_t run, slong layer,
                      const unsigned char * use)
{
    slong N = run->nvec, u, v, k, n, ng = 0, g;
    cov_term * terms = flint_malloc((WC_DP_MAX_SLOTS + 1)
                                    * sizeof(cov_term));
    slong * gid = flint_malloc(FLINT_MAX(run->ngram, 1) * sizeof(slong));
    int zero;

    for (k = 0; k < run->ngram; k++)
        run->loc[k] = -1;
    for (u = 0; u < N; u++)
        for (v = u; v < N && use[u]; v++)
        {
            if (!use[v])
                continue;
            n = cov_terms(terms, run, u, v);
            for (k = 0; k < n; k++)
            {
                g = gram_below(&zero, run, layer, terms[k].u, terms[k].v);
                if (g >= 0 && run->loc[g] < 0)
                {
                    run->loc[g] = ng;
                    gid[ng++] = g;
                }
            }
        }
    _wc_dp_ring_init(R, run, gid, ng);
    flint_free(gid);
    flint_free(terms);
}

fmpq_mpoly_struct *
_wc_dp_covariance(wc_dp_run_t run, slong layer, const wc_dp_ring_t R,
                  const unsigned char * use)
{
    const wc_dp_problem_struct * pr = run->pr;
    const fmpq_mpoly_ctx_struct * ctx = R->ctx;
    slong N = run->nvec, u, v, k, n, g;
    fmpq_mpoly_struct * S = flint_malloc(N * N * sizeof(fmpq_mpoly_struct));
    cov_term * terms = flint_malloc((WC_DP_MAX_SLOTS + 1)
                                    * sizeof(cov_term));
    fmpq_mpoly_t fan, x;
    int hidden = (layer <= pr->H), zero;

    for (k = 0; k < run->ngram; k++)
        run->loc[k] = -1;
    for (k = 0; k < R->ng; k++)
        run->loc[R->gid[k]] = k;

    fmpq_mpoly_init(fan, ctx);
    fmpq_mpoly_init(x, ctx);

    /* what an index placed on this layer's weights multiplies by: 1, or
       the fan-in for param=standard (din at layer 1, n_(l-1) above) */
    if (pr->param != WC_PARAM_STANDARD)
        fmpq_mpoly_one(fan, ctx);
    else if (layer == 1)
        fmpq_mpoly_set_si(fan, pr->din, ctx);
    else
        fmpq_mpoly_gen(fan, _wc_dp_nuvar(R, run, layer - 1), ctx);

    for (u = 0; u < N * N; u++)
        fmpq_mpoly_init(S + u, ctx);

    for (u = 0; u < N; u++)
        for (v = u; v < N && use[u]; v++)
        {
            const wc_dp_vec_struct * a = run->vec + u, * b = run->vec + v;
            fmpq_mpoly_struct * s = S + u * N + v;

            if (!use[v])
                continue;
            n = cov_terms(terms, run, u, v);
            for (k = 0; k < n; k++)
            {
                const wc_dp_vec_struct * a2 = run->vec + terms[k].u;
                const wc_dp_vec_struct * b2 = run->vec + terms[k].v;

                g = gram_below(&zero, run, layer, terms[k].u, terms[k].v);
                if (!zero)
                {
                    if (g >= 0)
                    {
                        if (run->loc[g] < 0)
                            flint_abort();   /* not in the ring */
                        fmpq_mpoly_gen(x, run->loc[g], ctx);
                    }
                    else if (a2->alpha == 0 && b2->alpha == 0)
                        fmpq_mpoly_set_fmpq(x, pr->xdot + a2->cls
                                            * pr->nclass + b2->cls, ctx);
                    else
                        fmpq_mpoly_zero(x, ctx);
                    if (terms[k].kind == 1)
                        fmpq_mpoly_mul(x, x, fan, ctx);
                    fmpq_mpoly_add(s, s, x, ctx);
                }

                /* the biases b of one copy; the directions xi^k of the
                   biases of a slot and its partner */
                if (!hidden)
                    continue;
                if (terms[k].kind == 0 && a->alpha == 0 && b->alpha == 0)
                    fmpq_mpoly_add_fmpq(s, s, pr->bias2, ctx);
                if (terms[k].kind == 1 && popcount64(a->alpha) == 1
                    && popcount64(b->alpha) == 1)
                    fmpq_mpoly_add_fmpq(s, s, pr->xi_bias2, ctx);
            }
            if (u != v)
                fmpq_mpoly_set(S + v * N + u, s, ctx);
        }

    fmpq_mpoly_clear(fan, ctx);
    fmpq_mpoly_clear(x, ctx);
    flint_free(terms);
    return S;
}

void
_wc_dp_covariance_clear(fmpq_mpoly_struct * S, const wc_dp_run_t run,
                        const wc_dp_ring_t R)
{
    slong i;

    for (i = 0; i < run->nvec * run->nvec; i++)
        fmpq_mpoly_clear(S + i, R->ctx);
    flint_free(S);
}

/* ---- arithmetic helpers ---- */

void
_wc_dp_mul(fmpq_mpoly_t res, const fmpq_mpoly_t a, const fmpq_mpoly_t b,
           const fmpq_mpoly_ctx_t ctx, wc_dp_run_t run)
{
    run->cnt->operations += (double) fmpq_mpoly_length(a, ctx)
                            * (double) fmpq_mpoly_length(b, ctx);
    fmpq_mpoly_mul(res, a, b, ctx);
}

double
_wc_dp_poly_bytes(const fmpq_mpoly_t p, const fmpq_mpoly_ctx_t ctx)
{
    const fmpz_mpoly_struct * z = p->zpoly;
    slong i, words = mpoly_words_per_exp(z->bits, ctx->zctx->minfo);
    double bytes = (double) z->alloc * (double) (words + 1) * sizeof(ulong);

    for (i = 0; i < z->length; i++)
        if (COEFF_IS_MPZ(z->coeffs[i]))
            bytes += sizeof(__mpz_struct)
                     + (double) fmpz_size(z->coeffs + i) * sizeof(mp_limb_t);
    return bytes;
}

void
_wc_dp_hold(wc_dp_run_t run, double bytes)
{
    wc_dp_counters * cnt = run->cnt;

    cnt->bytes += bytes;
    if (cnt->bytes > cnt->peak_bytes)
        cnt->peak_bytes = cnt->bytes;
    if (cnt->bytes > cnt->max_bytes)
    {
        cnt->over_memory = 1;
        run->over = 1;
    }
}

void
_wc_dp_sum(fmpq_mpoly_t res, fmpq_mpoly_struct * v, slong len,
           const fmpq_mpoly_ctx_t ctx)
{
    slong step, i;

    if (len == 0)
    {
        fmpq_mpoly_zero(res, ctx);
        return;
    }
    for (step = 1; step < len; step *= 2)
        for (i = 0; i + step < len; i += 2 * step)
            fmpq_mpoly_add(v + i, v + i, v + i + step, ctx);
    fmpq_mpoly_swap(res, v + 0, ctx);
}

/* ---- the output step ---- */

void
_wc_dp_output_step(fmpq_mpoly_t P, wc_dp_ring_t R, wc_dp_run_t run)
{
    unsigned char * use = flint_calloc(run->nvec, 1);
    fmpq_mpoly_struct * S;
    wc_dp_moments_t M;
    fmpq_mpoly_t Z, g;
    slong t;

    /* f_t = z_out[S_t] of the single output unit, without activation:
       E[prod_t f_t | level H] is one Gaussian moment */
    for (t = 0; t < run->pr->m; t++)
        use[run->tout[t]] = 1;
    _wc_dp_ring_for_layer(R, run, run->pr->H + 1, use);
    S = _wc_dp_covariance(run, run->pr->H + 1, R, use);
    fmpq_mpoly_init(P, R->ctx);
    fmpq_mpoly_init(Z, run->zctx);
    fmpq_mpoly_init(g, run->zctx);
    fmpq_mpoly_one(Z, run->zctx);
    for (t = 0; t < run->pr->m; t++)
    {
        fmpq_mpoly_gen(g, run->tout[t], run->zctx);
        fmpq_mpoly_mul(Z, Z, g, run->zctx);
    }
    _wc_dp_moments_init(M, run, R, S);
    _wc_dp_expect(P, M, Z);
    _wc_dp_moments_clear(M);
    fmpq_mpoly_clear(Z, run->zctx);
    fmpq_mpoly_clear(g, run->zctx);
    _wc_dp_covariance_clear(S, run, R);
    flint_free(use);
}
