/* The sum over neuron partitions.  Assigning a neuron label in 1..n to
   every cluster and grouping clusters with equal labels gives a set
   partition pi of the clusters; the labellings inducing pi number
   n (n-1) ... (n - |pi| + 1), and by independence of the neurons
       E = sum_pi ff(n, |pi|) sum_s mu(s) prod_{B in pi} Q_B(s),
   s running over the partitions of the cumulant groups (only the
   one-block partition, mu = 1, for a plain expectation).

   Partitions route: enumerate pi (restricted growth strings), skipping
   those whose blocks do not join all groups: there the groups split into
   two sets carried by disjoint, hence independent, neurons for every
   choice of types, so the joint cumulant vanishes term by term.

   Subsets route: for each s, P_s(S)[j] = sum over partitions of the
   cluster set S into j blocks of prod Q_B(s), by the recursion on the
   block holding the smallest cluster of S (3^C steps), then the
   moment-cumulant combination over s. */

#include "onelayer_impl.h"

/* ff(n, j) = n (n-1) ... (n-j+1) as a polynomial in n. */
static void
falling_factorial(wc_ol_npoly_t r, slong j, int exact, slong prec)
{
    fmpz_poly_t p, lin;
    slong i;

    fmpz_poly_init(p);
    fmpz_poly_init(lin);
    fmpz_poly_one(p);
    for (i = 0; i < j; i++)
    {
        fmpz_poly_zero(lin);
        fmpz_poly_set_coeff_si(lin, 1, 1);
        fmpz_poly_set_coeff_si(lin, 0, -i);
        fmpz_poly_mul(p, p, lin);
    }
    if (exact)
        fmpq_poly_set_fmpz_poly(r->q, p);
    else
        arb_poly_set_fmpz_poly(r->b, p, prec);
    fmpz_poly_clear(p);
    fmpz_poly_clear(lin);
}

/* F = sum_j A[j] ff(n, j) */
static void
combine_falling(wc_ol_npoly_t F, wc_ol_npoly_struct * A, slong C,
                int exact, slong prec)
{
    wc_ol_npoly_t f;
    slong j;

    _wc_ol_np_init(f);
    _wc_ol_np_zero(F);
    for (j = 0; j <= C; j++)
    {
        if (_wc_ol_np_is_zero(A + j, exact))
            continue;
        falling_factorial(f, j, exact, prec);
        _wc_ol_np_mul(f, f, A + j, exact, prec);
        _wc_ol_np_add(F, F, f, exact, prec);
    }
    _wc_ol_np_clear(f);
}

static slong
uf_find(slong * parent, slong i)
{
    while (parent[i] != i)
    {
        parent[i] = parent[parent[i]];
        i = parent[i];
    }
    return i;
}

wc_status
_wc_ol_sum_partitions(wc_ol_npoly_t F, wc_ol_problem_t P, wc_error_t err)
{
    slong C = P->ncomp, i, b, s, nb;
    slong * a = flint_calloc(C + 1, sizeof(slong));
    slong * mx = flint_calloc(C + 1, sizeof(slong));
    ulong * bm = flint_calloc(C + 1, sizeof(ulong));
    slong * parent = flint_malloc(P->ngroups * sizeof(slong));
    wc_ol_npoly_struct ** q = flint_malloc((C + 1)
                                           * sizeof(wc_ol_npoly_struct *));
    wc_ol_npoly_struct * A = flint_malloc((C + 1)
                                          * sizeof(wc_ol_npoly_struct));
    wc_ol_npoly_t term, prod;
    int check = P->connected && P->ngroups > 1;
    wc_status status = WC_OK;

    for (i = 0; i <= C; i++)
        _wc_ol_np_init(A + i);
    _wc_ol_np_init(term);
    _wc_ol_np_init(prod);

    if (C == 0)
    {
        _wc_ol_np_one(A + 0, P->exact);
        goto done;
    }

    for (;;)
    {
        int ok = 1;

        /* the blocks of the current partition */
        nb = 0;
        for (i = 0; i < C; i++)
            nb = FLINT_MAX(nb, a[i] + 1);
        for (b = 0; b < nb; b++)
            bm[b] = 0;
        for (i = 0; i < C; i++)
            bm[a[i]] |= UWORD(1) << i;

        if (check)
        {
            slong roots = 0;

            for (i = 0; i < P->ngroups; i++)
                parent[i] = i;
            for (i = 0; i < C; i++)
            {
                /* every tensor of cluster i joins its group to the group
                   of the first tensor of cluster i's block */
                slong first = P->cfirst[_wc_ol_lowbit(bm[a[i]])];
                slong g0 = P->tgroup[P->cmember[first]], j;

                for (j = P->cfirst[i]; j < P->cfirst[i + 1]; j++)
                    parent[uf_find(parent, P->tgroup[P->cmember[j]])]
                        = uf_find(parent, g0);
            }
            for (i = 0; i < P->ngroups; i++)
                roots += (uf_find(parent, i) == i);
            ok = (roots == 1);
        }

        if (ok)
        {
            for (b = 0; b < nb && status == WC_OK; b++)
                status = _wc_ol_block(q + b, P, bm[b], err);
            if (status != WC_OK)
                break;
            _wc_ol_np_zero(term);
            for (s = 0; s < P->nsigma; s++)
            {
                _wc_ol_np_set(prod, q[0] + s, P->exact);
                for (b = 1; b < nb && !_wc_ol_np_is_zero(prod, P->exact);
                     b++)
                    _wc_ol_np_mul(prod, prod, q[b] + s, P->exact, P->prec);
                if (_wc_ol_np_is_zero(prod, P->exact))
                    continue;
                _wc_ol_np_scalar_mul_fmpq(prod, prod, P->mu + s, P->exact,
                                          P->prec);
                _wc_ol_np_add(term, term, prod, P->exact, P->prec);
            }
            _wc_ol_np_add(A + nb, A + nb, term, P->exact, P->prec);
        }
        P->partitions++;

        /* next restricted growth string (mx[i] = max a[0..i-1]) */
        for (i = C - 1; i >= 1; i--)
            if (a[i] <= mx[i])
                break;
        if (i < 1)
            break;
        a[i]++;
        for (i = i + 1; i < C; i++)
        {
            mx[i] = FLINT_MAX(mx[i - 1], a[i - 1]);
            a[i] = 0;
        }
    }

done:
    if (status == WC_OK)
        combine_falling(F, A, C, P->exact, P->prec);
    for (i = 0; i <= C; i++)
        _wc_ol_np_clear(A + i);
    _wc_ol_np_clear(term);
    _wc_ol_np_clear(prod);
    flint_free(A);
    flint_free(q);
    flint_free(a);
    flint_free(mx);
    flint_free(bm);
    flint_free(parent);
    return status;
}

wc_status
_wc_ol_sum_subsets(wc_ol_npoly_t F, wc_ol_problem_t P, wc_error_t err)
{
    slong C = P->ncomp, s, j;
    ulong full = (C == 0) ? 0 : (UWORD(1) << C) - 1, S, T, sub, low, rest;
    slong * off = flint_malloc((full + 2) * sizeof(slong));
    wc_ol_npoly_struct * tab, * A;
    wc_ol_npoly_struct * q;
    wc_ol_npoly_t Fs, t;
    slong total;
    wc_status status = WC_OK;

    /* P_s(S)[j] is stored for j <= popcount(S) at tab[off[S] + j] */
    off[0] = 0;
    for (S = 0; S <= full; S++)
        off[S + 1] = off[S] + 1 + _wc_ol_popcount(S);
    total = off[full + 1];
    tab = flint_malloc(total * sizeof(wc_ol_npoly_struct));
    for (j = 0; j < total; j++)
        _wc_ol_np_init(tab + j);
    A = flint_malloc((C + 1) * sizeof(wc_ol_npoly_struct));
    for (j = 0; j <= C; j++)
        _wc_ol_np_init(A + j);
    _wc_ol_np_init(Fs);
    _wc_ol_np_init(t);
    _wc_ol_np_zero(F);

    for (s = 0; s < P->nsigma && status == WC_OK; s++)
    {
        for (j = 0; j < total; j++)
            _wc_ol_np_zero(tab + j);
        _wc_ol_np_one(tab + 0, P->exact);

        for (S = 1; S <= full && status == WC_OK; S++)
        {
            low = S & (~S + 1);
            rest = S ^ low;
            sub = rest;
            for (;;)
            {
                ulong R;

                T = low | sub;
                R = S ^ T;
                status = _wc_ol_block(&q, P, T, err);
                if (status != WC_OK)
                    break;
                if (!_wc_ol_np_is_zero(q + s, P->exact))
                    for (j = 0; j <= _wc_ol_popcount(R); j++)
                    {
                        if (_wc_ol_np_is_zero(tab + off[R] + j, P->exact))
                            continue;
                        _wc_ol_np_mul(t, q + s, tab + off[R] + j, P->exact,
                                      P->prec);
                        _wc_ol_np_add(tab + off[S] + j + 1,
                                      tab + off[S] + j + 1, t, P->exact,
                                      P->prec);
                    }
                P->partitions++;
                if (sub == 0)
                    break;
                sub = (sub - 1) & rest;
            }
        }
        if (status != WC_OK)
            break;

        for (j = 0; j <= C; j++)
            _wc_ol_np_set(A + j, tab + off[full] + j, P->exact);
        combine_falling(Fs, A, C, P->exact, P->prec);
        _wc_ol_np_scalar_mul_fmpq(Fs, Fs, P->mu + s, P->exact, P->prec);
        _wc_ol_np_add(F, F, Fs, P->exact, P->prec);
    }

    for (j = 0; j < total; j++)
        _wc_ol_np_clear(tab + j);
    flint_free(tab);
    for (j = 0; j <= C; j++)
        _wc_ol_np_clear(A + j);
    flint_free(A);
    _wc_ol_np_clear(Fs);
    _wc_ol_np_clear(t);
    flint_free(off);
    return status;
}
