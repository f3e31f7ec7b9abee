/* The one-hidden-layer problem: input classes and their kernels, the
   clusters of the spec, the type assignments of each cluster's indices,
   the partitions of the cumulant groups, and work estimates.

   A contracted index joins two slots on one neuron and is either the
   neuron's output weight V (both slots then carry V, which enters f
   linearly: a tensor with two V slots vanishes, so the V indices of a
   cluster form a matching between distinct tensors) or a first-layer
   parameter w_j or b, whose sum over j gives the weight
       x.x'/din + beta^2      (ntk, mf)
       x.x' + [beta != 0]     (standard: the raw-weight derivatives are
                               sqrt(din) resp. 1/beta times the NTK ones)
   for slots at inputs x and x'.  doc/exact-onelayer.md derives this. */

#include <math.h>
#include <string.h>

#include "onelayer_impl.h"

/* Sum over the index assignments of one component, by backtracking. */
typedef struct
{
    const wc_ol_problem_struct * P;
    slong nidx;
    slong * ia;              /* local member positions of index k */
    slong * ib;
    wc_ol_summary_struct * out;
    slong nout;
    slong alloc;
    slong count;
    slong limit;
    int over;
}
match_state;

static void
record(match_state * S, ulong vmask, const fmpq_t w)
{
    slong i;

    for (i = 0; i < S->nout; i++)
        if (S->out[i].vmask == vmask)
        {
            fmpq_add(S->out[i].w, S->out[i].w, w);
            return;
        }
    if (S->nout == S->alloc)
    {
        S->alloc = FLINT_MAX(8, 2 * S->alloc);
        S->out = flint_realloc(S->out,
                               S->alloc * sizeof(wc_ol_summary_struct));
    }
    S->out[S->nout].vmask = vmask;
    fmpq_init(S->out[S->nout].w);
    fmpq_set(S->out[S->nout].w, w);
    S->nout++;
}

static void
match_rec(match_state * S, slong k, ulong vmask, const fmpq_t w,
          const slong * member_var)
{
    slong a, b;
    fmpq_t w2;

    if (S->over)
        return;
    if (k == S->nidx)
    {
        if (++S->count > S->limit)
        {
            S->over = 1;
            return;
        }
        record(S, vmask, w);
        return;
    }
    a = S->ia[k];
    b = S->ib[k];

    /* first-layer type */
    fmpq_init(w2);
    fmpq_mul(w2, w, fmpq_mat_entry(S->P->kw, member_var[a], member_var[b]));
    if (!fmpq_is_zero(w2))
        match_rec(S, k + 1, vmask, w2, member_var);
    fmpq_clear(w2);

    /* output-weight type: distinct tensors, neither with a V slot yet */
    if (a != b && !(vmask & (UWORD(1) << a)) && !(vmask & (UWORD(1) << b)))
        match_rec(S, k + 1, vmask | (UWORD(1) << a) | (UWORD(1) << b), w,
                  member_var);
}

double
_wc_ol_estimate(const wc_ol_problem_t P, int method)
{
    double leaves = 1.0, route;
    slong c;

    for (c = 0; c < P->ncomp; c++)
        leaves *= 1.0 + (double) P->nsum[c];
    leaves *= (double) P->nsigma;
    if (method == WC_ONELAYER_PARTITIONS)
        route = _wc_exact_bell(P->ncomp) * (double) FLINT_MAX(P->ncomp, 1);
    else
        route = pow(3.0, (double) P->ncomp) * (double) (P->ncomp + 1);
    return leaves + route * (double) P->nsigma;
}

/* All set partitions of {0..k-1} as block labels, with the Moebius
   weights (|s| - 1)! (-1)^(|s| - 1). */
static void
group_partitions(wc_ol_problem_t P)
{
    slong k = P->ngroups, n = 0, alloc = 16, i;
    slong * a = flint_calloc(k + 1, sizeof(slong));

    if (!P->connected)
    {
        P->nsigma = 1;
        P->sigma = flint_calloc(FLINT_MAX(k, 1), sizeof(slong));
        P->sigma_blocks = flint_malloc(sizeof(slong));
        P->sigma_blocks[0] = 1;
        P->mu = _fmpq_vec_init(1);
        fmpq_one(P->mu);
        flint_free(a);
        return;
    }

    P->sigma = flint_malloc(alloc * k * sizeof(slong));
    P->sigma_blocks = flint_malloc(alloc * sizeof(slong));
    _wc_exact_partition_first(a, k);
    do
    {
        if (n == alloc)
        {
            alloc *= 2;
            P->sigma = flint_realloc(P->sigma, alloc * k * sizeof(slong));
            P->sigma_blocks = flint_realloc(P->sigma_blocks,
                                            alloc * sizeof(slong));
        }
        for (i = 0; i < k; i++)
            P->sigma[n * k + i] = a[i];
        P->sigma_blocks[n] = _wc_exact_partition_blocks(a, k);
        n++;
    }
    while (_wc_exact_partition_next(a, k));
    P->nsigma = n;
    P->mu = _fmpq_vec_init(n);
    for (i = 0; i < n; i++)
        _wc_exact_moebius(P->mu + i, P->sigma_blocks[i]);
    flint_free(a);
}

wc_status
_wc_ol_problem_init(wc_ol_problem_t P, const wc_spec_t spec,
                    const wc_net_t net, slong prec, slong max_terms,
                    wc_error_t err)
{
    wc_cluster_graph_t g;
    fmpq * xs = NULL;          /* class vectors, nvars x din */
    fmpq * x;
    slong * slot_a, * slot_b, * pos;
    slong t, j, k, c, i, din = net->din;
    fmpq_t s, b2;
    fmpz_t dinz;
    wc_status status = WC_OK;

    memset(P, 0, sizeof(wc_ol_problem_struct));
    wc_gauss_act_init(P->act, net->act);
    wc_gauss_act_set_net(P->act, net);
    P->exact = wc_gauss_act_is_exact(P->act);
    P->prec = prec;
    P->std = (net->param == WC_PARAM_STANDARD);
    P->max_terms = max_terms;

    P->m = spec->nfactors;
    P->connected = spec->connected;
    P->ngroups = spec->connected ? spec->ngroups : 1;
    P->torder = flint_malloc(FLINT_MAX(P->m, 1) * sizeof(slong));
    P->tvar = flint_malloc(FLINT_MAX(P->m, 1) * sizeof(slong));
    P->tgroup = flint_malloc(FLINT_MAX(P->m, 1) * sizeof(slong));

    /* input classes: equal vectors give the same preactivation */
    fmpq_init(s);
    fmpq_init(b2);
    x = _fmpq_vec_init(din);
    xs = _fmpq_vec_init(din * FLINT_MAX(P->m, 1));
    P->nvars = 0;
    P->maxorder = 0;
    for (t = 0; t < P->m; t++)
    {
        const wc_factor_struct * f = spec->factors + t;

        P->torder[t] = f->order;
        P->tgroup[t] = spec->connected ? f->group : 0;
        P->maxorder = FLINT_MAX(P->maxorder, f->order);
        wc_net_get_input(x, net, f->input);
        for (k = 0; k < P->nvars; k++)
        {
            for (j = 0; j < din; j++)
                if (!fmpq_equal(xs + k * din + j, x + j))
                    break;
            if (j == din)
                break;
        }
        if (k == P->nvars)
        {
            for (j = 0; j < din; j++)
                fmpq_set(xs + k * din + j, x + j);
            P->nvars++;
        }
        P->tvar[t] = k;
    }

    fmpq_mat_init(P->ucov, FLINT_MAX(P->nvars, 1), FLINT_MAX(P->nvars, 1));
    fmpq_mat_init(P->kw, FLINT_MAX(P->nvars, 1), FLINT_MAX(P->nvars, 1));
    fmpq_mul(b2, net->bias, net->bias);
    fmpz_init_set_si(dinz, din);
    for (i = 0; i < P->nvars; i++)
        for (k = 0; k < P->nvars; k++)
        {
            fmpq_zero(s);
            for (j = 0; j < din; j++)
                fmpq_addmul(s, xs + i * din + j, xs + k * din + j);
            /* u = w.x/sqrt(din) + beta b in every parameterisation */
            fmpq_set(fmpq_mat_entry(P->ucov, i, k), s);
            fmpq_div_fmpz(fmpq_mat_entry(P->ucov, i, k),
                          fmpq_mat_entry(P->ucov, i, k), dinz);
            fmpq_add(fmpq_mat_entry(P->ucov, i, k),
                     fmpq_mat_entry(P->ucov, i, k), b2);
            if (P->std)
            {
                fmpq_set(fmpq_mat_entry(P->kw, i, k), s);
                if (!fmpq_is_zero(net->bias))
                    fmpq_add_si(fmpq_mat_entry(P->kw, i, k),
                                fmpq_mat_entry(P->kw, i, k), 1);
            }
            else
                fmpq_set(fmpq_mat_entry(P->kw, i, k),
                         fmpq_mat_entry(P->ucov, i, k));
        }
    fmpz_clear(dinz);
    _fmpq_vec_clear(x, din);
    _fmpq_vec_clear(xs, din * FLINT_MAX(P->m, 1));
    fmpq_clear(s);
    fmpq_clear(b2);

    /* clusters */
    wc_cluster_graph_init(g, spec);
    P->ncomp = g->ncomp;
    P->cfirst = flint_malloc((g->ncomp + 1) * sizeof(slong));
    P->cmember = flint_malloc(FLINT_MAX(P->m, 1) * sizeof(slong));
    for (c = 0; c <= g->ncomp; c++)
        P->cfirst[c] = g->first[c];
    for (t = 0; t < P->m; t++)
        P->cmember[t] = g->member[t];
    P->nsum = flint_calloc(FLINT_MAX(P->ncomp, 1), sizeof(slong));
    P->sum = flint_calloc(FLINT_MAX(P->ncomp, 1),
                          sizeof(wc_ol_summary_struct *));

    if (P->ncomp > WC_OL_MAX_COMPONENTS)
    {
        status = wc_error_set(err, WC_ERR_RANGE, -1,
            "the spec has %ld clusters; the one-hidden-layer engine "
            "handles at most %d", (long) P->ncomp, WC_OL_MAX_COMPONENTS);
        wc_cluster_graph_clear(g);
        return status;
    }

    /* the two slots of every index */
    slot_a = flint_malloc(FLINT_MAX(spec->nindices, 1) * sizeof(slong));
    slot_b = flint_malloc(FLINT_MAX(spec->nindices, 1) * sizeof(slong));
    pos = flint_malloc(FLINT_MAX(P->m, 1) * sizeof(slong));
    for (k = 0; k < spec->nindices; k++)
        slot_a[k] = slot_b[k] = -1;
    for (t = 0; t < P->m; t++)
        for (j = 0; j < spec->factors[t].order; j++)
        {
            k = spec->factors[t].index[j];
            if (slot_a[k] < 0)
                slot_a[k] = t;
            else
                slot_b[k] = t;
        }

    /* type assignments per cluster */
    for (c = 0; c < P->ncomp && status == WC_OK; c++)
    {
        slong nmem = P->cfirst[c + 1] - P->cfirst[c];
        slong * mvar = flint_malloc(nmem * sizeof(slong));
        match_state S;
        fmpq_t one;

        for (i = 0; i < nmem; i++)
        {
            pos[P->cmember[P->cfirst[c] + i]] = i;
            mvar[i] = P->tvar[P->cmember[P->cfirst[c] + i]];
        }
        S.P = P;
        S.nidx = 0;
        S.ia = flint_malloc(FLINT_MAX(spec->nindices, 1) * sizeof(slong));
        S.ib = flint_malloc(FLINT_MAX(spec->nindices, 1) * sizeof(slong));
        for (k = 0; k < spec->nindices; k++)
            if (g->comp[slot_a[k]] == c)
            {
                S.ia[S.nidx] = pos[slot_a[k]];
                S.ib[S.nidx] = pos[slot_b[k]];
                S.nidx++;
            }
        S.out = NULL;
        S.nout = S.alloc = 0;
        S.count = 0;
        S.limit = max_terms;
        S.over = 0;
        fmpq_init(one);
        fmpq_one(one);
        if (nmem > FLINT_BITS)
            S.over = 1;
        else
            match_rec(&S, 0, 0, one, mvar);
        fmpq_clear(one);

        if (S.over)
            status = wc_error_set(err, WC_ERR_RANGE, -1,
                nmem > FLINT_BITS
                ? "a cluster has more than %ld tensors"
                : "a cluster has more than %ld type assignments (the "
                  "work bound)", (long) (nmem > FLINT_BITS ? FLINT_BITS
                                                         : max_terms));

        /* drop patterns with an identically vanishing derivative and
           patterns of zero weight */
        P->sum[c] = flint_malloc(FLINT_MAX(S.nout, 1)
                                 * sizeof(wc_ol_summary_struct));
        P->nsum[c] = 0;
        for (k = 0; k < S.nout; k++)
        {
            int keep = !fmpq_is_zero(S.out[k].w);

            for (i = 0; i < nmem && keep; i++)
            {
                slong v = (S.out[k].vmask >> i) & 1;

                if (wc_gauss_act_deriv_is_zero(P->act,
                        P->torder[P->cmember[P->cfirst[c] + i]] - v))
                    keep = 0;
            }
            if (keep)
            {
                P->sum[c][P->nsum[c]].vmask = S.out[k].vmask;
                fmpq_init(P->sum[c][P->nsum[c]].w);
                fmpq_swap(P->sum[c][P->nsum[c]].w, S.out[k].w);
                P->nsum[c]++;
            }
            fmpq_clear(S.out[k].w);
        }
        P->assignments += S.count;
        flint_free(S.out);
        flint_free(S.ia);
        flint_free(S.ib);
        flint_free(mvar);
    }

    flint_free(slot_a);
    flint_free(slot_b);
    flint_free(pos);
    wc_cluster_graph_clear(g);
    if (status != WC_OK)
        return status;

    group_partitions(P);

    P->keylen = P->nvars * (P->maxorder + 1);
    P->cache_alloc = 64;
    P->cache_len = 0;
    P->cache = flint_calloc(P->cache_alloc, sizeof(wc_ol_gauss_entry));
    P->Q = flint_calloc((size_t) 1 << P->ncomp,
                        sizeof(wc_ol_npoly_struct *));
    return WC_OK;
}

void
_wc_ol_problem_clear(wc_ol_problem_t P)
{
    slong c, k, s;

    if (P->Q != NULL)
    {
        for (k = 0; k < (WORD(1) << P->ncomp); k++)
        {
            if (P->Q[k] == NULL)
                continue;
            for (s = 0; s < P->nsigma; s++)
                _wc_ol_np_clear(P->Q[k] + s);
            flint_free(P->Q[k]);
        }
        flint_free(P->Q);
    }
    if (P->cache != NULL)
    {
        for (k = 0; k < P->cache_alloc; k++)
        {
            if (!P->cache[k].used)
                continue;
            flint_free(P->cache[k].key);
            fmpq_clear(P->cache[k].q);
            arb_clear(P->cache[k].b);
        }
        flint_free(P->cache);
    }
    if (P->sum != NULL)
    {
        for (c = 0; c < P->ncomp; c++)
        {
            if (P->sum[c] == NULL)
                continue;
            for (k = 0; k < P->nsum[c]; k++)
                fmpq_clear(P->sum[c][k].w);
            flint_free(P->sum[c]);
        }
        flint_free(P->sum);
    }
    flint_free(P->nsum);
    flint_free(P->cfirst);
    flint_free(P->cmember);
    if (P->mu != NULL)
        _fmpq_vec_clear(P->mu, P->nsigma);
    flint_free(P->sigma);
    flint_free(P->sigma_blocks);
    if (P->torder != NULL)
    {
        fmpq_mat_clear(P->ucov);
        fmpq_mat_clear(P->kw);
    }
    flint_free(P->torder);
    flint_free(P->tvar);
    flint_free(P->tgroup);
    wc_gauss_act_clear(P->act);
}
