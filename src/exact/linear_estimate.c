/* Work estimates for the deep linear transfer, and the size of the naive
   enumeration it replaces (doc/exact.md, "Work estimate"). */

#include <math.h>
#include <string.h>

#include "linear_impl.h"

/* The number of index sets A that can be the placed indices after j of
   the H + 1 layers (from the top): every tensor has at most j of its
   indices placed and at most H + 1 - j left.  Exact by enumeration up to
   22 indices, 2^k beyond. */
static void
count_index_sets(double * count, const wc_lin_problem_t pr)
{
    slong j, t, L = pr->H + 1;
    uint64_t A, nsets;

    for (j = 0; j <= L; j++)
        count[j] = 0.0;

    if (pr->k > 22)
    {
        for (j = 0; j <= L; j++)
            count[j] = ldexp(1.0, (int) pr->k);
        return;
    }

    nsets = (uint64_t) 1 << pr->k;
    for (A = 0; A < nsets; A++)
    {
        slong most = 0, rest = 0;

        for (t = 0; t < pr->m; t++)
        {
            slong placed = WC_LIN_POPCOUNT64(pr->tmask[t] & A);

            most = FLINT_MAX(most, placed);
            rest = FLINT_MAX(rest, pr->order[t] - placed);
        }
        for (j = most; j <= L; j++)
            if (rest <= L - j)
                count[j] += 1.0;
    }
}

/* Sums over the perfect matchings of every subset L of the tensors of
   the product over pairs of w(s, t), by recursion on the smallest
   tensor of L.  Here w(s, t) = kinds * (wick + indices joining s, t) with
   wick = 1 when s, t may form a Wick pair (same block); count_only
   replaces w by 1 when it is nonzero (the number of viable matchings). */
static void
matching_sums(double * h, const wc_lin_problem_t pr, const slong * block,
              double kinds, int count_only)
{
    uint32_t L, full = (uint32_t) ((1UL << pr->m) - 1);

    h[0] = 1.0;
    for (L = 1; L <= full; L++)
    {
        slong t = WC_LIN_CTZ32(L);
        uint32_t rest = L & ~((uint32_t) 1 << t), r;
        double sum = 0.0;

        if (WC_LIN_POPCOUNT64(L) % 2 == 1)
        {
            h[L] = 0.0;
            continue;
        }
        for (r = rest; r != 0; r &= r - 1)
        {
            slong u = WC_LIN_CTZ32(r);
            double w = (block[t] == block[u])
                       + WC_LIN_POPCOUNT64(pr->pmask[t][u]);

            if (count_only)
                w = (w > 0);
            else
                w *= kinds;
            sum += w * h[rest & ~((uint32_t) 1 << u)];
        }
        h[L] = sum;
    }
}

double
_wc_lin_estimate_transfer(const wc_lin_problem_t pr, const slong * block)
{
    uint32_t L, full = (uint32_t) ((1UL << pr->m) - 1);
    double * count, * P, * hv, * hb, total, gram = 0.0, expand = 0.0;
    double monomials = 1.0, r;
    slong l;

    count = flint_malloc((pr->H + 2) * sizeof(double));
    P = flint_malloc(((size_t) full + 1) * sizeof(double));
    hv = flint_malloc(((size_t) full + 1) * sizeof(double));
    hb = flint_malloc(((size_t) full + 1) * sizeof(double));
    count_index_sets(count, pr);
    matching_sums(P, pr, block, 1.0, 1);
    matching_sums(hv, pr, block, 1.0, 0);
    matching_sums(hb, pr, block, pr->bias ? 2.0 : 1.0, 0);

    /* Per group of states: the level step costs at most P(L)^2 weight
       operations (viable matchings in and out), the layer step one per
       choice of pair kinds (hb).  Without biases the support is always
       every tensor. */
    if (pr->bias)
    {
        for (L = 0; L <= full; L++)
        {
            gram += P[L] * P[L];
            expand += hb[L];
        }
    }
    else
    {
        gram = P[full] * P[full];
        expand = hb[full];
    }

    /* Multivariate weights are polynomials in the widths met so far,
       each of degree below m/2 + 1 in every width (twice that with the
       fan-in factors of the standard parameterisation): at level l at
       most r^(H - l + 1) terms per weight. */
    r = (double) FLINT_MAX(pr->m / 2, 1)
        * (pr->param == WC_PARAM_STANDARD ? 2 : 1);

    total = hv[full];   /* the V layer */
    for (l = pr->H; l >= 1; l--)
    {
        if (pr->multi)
            monomials = FLINT_MIN(monomials * r, 1e300);
        total += count[pr->H + 1 - l] * (gram + expand) * monomials;
    }

    flint_free(count);
    flint_free(P);
    flint_free(hv);
    flint_free(hb);
    return total;
}

/* The sum of the estimates of all Moebius terms; with more than 10^4
   partitions, the unrestricted estimate times their number. */
double
_wc_lin_estimate(const wc_lin_problem_t pr)
{
    slong block[WC_LIN_MAXM], * part, i;
    double total = 0.0, bell = _wc_exact_bell(pr->ngroups);

    if (!pr->connected || bell > 1e4)
    {
        for (i = 0; i < pr->m; i++)
            block[i] = 0;
        return _wc_lin_estimate_transfer(pr, block)
               * (pr->connected ? bell : 1.0);
    }

    part = flint_malloc(pr->ngroups * sizeof(slong));
    _wc_exact_partition_first(part, pr->ngroups);
    do
    {
        for (i = 0; i < pr->m; i++)
            block[i] = part[pr->group[i]];
        total += _wc_lin_estimate_transfer(pr, block);
    }
    while (_wc_exact_partition_next(part, pr->ngroups));
    flint_free(part);
    return total;
}

double
wc_exact_linear_estimate(const wc_spec_t spec, const wc_net_t net,
                         int symbolic)
{
    wc_lin_problem_t pr;
    wc_status status;
    int zero;
    double est;

    status = _wc_lin_problem_init(pr, &zero, spec, net, symbolic, NULL);
    if (status != WC_OK)
        return HUGE_VAL;
    if (zero)
        return 0.0;
    est = _wc_lin_estimate(pr);
    _wc_lin_problem_clear(pr);
    return est;
}

/* ---- the naive enumeration, counted ---- */

/* States of the count: (A, ended) with ended the tensors whose strand
   started at a bias above the current layer. */
typedef struct
{
    const wc_lin_problem_struct * pr;
    const slong * block;
    slong layer;
    wc_lin_map_t * map;
    fmpz ** val;
    slong * alloc;
    const fmpz * from;
    uint64_t A;
    uint32_t ended;
    slong work;
}
naive_ctx;

/* (c - 1)!! for even c >= 0, 0 for odd c. */
static void
double_factorial_odd(fmpz_t r, slong c)
{
    slong i;

    fmpz_set_ui(r, c % 2 == 0 ? 1 : 0);
    for (i = c - 1; i > 1; i -= 2)
        fmpz_mul_ui(r, r, i);
}

/* The Wick pairings of the tensors in U, within blocks. */
static void
pairings(fmpz_t r, uint32_t U, const naive_ctx * c)
{
    slong cnt[WC_LIN_MAXM], t;
    fmpz_t d;

    fmpz_init(d);
    for (t = 0; t < c->pr->m; t++)
        cnt[t] = 0;
    for (t = 0; t < c->pr->m; t++)
        if (U & ((uint32_t) 1 << t))
            cnt[c->block[t]]++;
    fmpz_one(r);
    for (t = 0; t < c->pr->m; t++)
    {
        double_factorial_odd(d, cnt[t]);
        fmpz_mul(r, r, d);
    }
    fmpz_clear(d);
}

static void
naive_add(naive_ctx * c, uint64_t A, uint32_t ended, const fmpz_t v)
{
    slong i = _wc_lin_map_find(*c->map, A, ended, 1);

    if (i >= *c->alloc)
    {
        slong a = FLINT_MAX(2 * *c->alloc, i + 16), j;

        *c->val = flint_realloc(*c->val, a * sizeof(fmpz));
        for (j = *c->alloc; j < a; j++)
            fmpz_init(*c->val + j);
        *c->alloc = a;
    }
    fmpz_add(*c->val + i, *c->val + i, v);
}

/* Chooses, index by index, whether an index free at this layer is placed
   here as a weight (W) or a bias (B) cut; then which other finished
   strands end here. */
static void
naive_rec(naive_ctx * c, slong id, uint64_t SW, uint64_t SB, uint32_t used)
{
    const wc_lin_problem_struct * pr = c->pr;
    slong t;

    if (c->work > 10000000)
        return;
    c->work++;

    if (id == pr->k)
    {
        uint64_t A2 = c->A | SW | SB;
        uint32_t alive = (uint32_t) ((1UL << pr->m) - 1) & ~c->ended;
        uint32_t Bt = 0, Wt = 0, optional = 0, E, sub;
        slong left = c->layer - 1;
        fmpz_t a, b;

        for (t = 0; t < pr->m; t++)
        {
            uint32_t bit = (uint32_t) 1 << t;

            if (!(alive & bit))
                continue;
            if (pr->tmask[t] & SB)
                Bt |= bit;
            else if (pr->tmask[t] & SW)
                Wt |= bit;
            else if ((pr->tmask[t] & ~A2) == 0 && pr->bias
                     && c->layer <= pr->H)
                optional |= bit;
        }
        /* a bias cut ends both strands here, with all indices placed */
        for (t = 0; t < pr->m; t++)
            if ((Bt & ((uint32_t) 1 << t)) && (pr->tmask[t] & ~A2) != 0)
                return;

        fmpz_init(a);
        fmpz_init(b);
        sub = optional;
        for (;;)
        {
            int ok = 1;

            E = Bt | sub;
            for (t = 0; t < pr->m && ok; t++)
                if ((alive & ~E & ((uint32_t) 1 << t))
                    && WC_LIN_POPCOUNT64(pr->tmask[t] & ~A2) > left)
                    ok = 0;
            if (ok)
            {
                pairings(a, alive & ~E & ~Wt, c);
                pairings(b, E & ~Bt, c);
                fmpz_mul(a, a, b);
                fmpz_mul(a, a, c->from);
                if (!fmpz_is_zero(a))
                    naive_add(c, A2, c->ended | E, a);
            }
            if (sub == 0)
                break;
            sub = (sub - 1) & optional;
        }
        fmpz_clear(a);
        fmpz_clear(b);
        return;
    }

    naive_rec(c, id + 1, SW, SB, used);
    if (!(c->A & ((uint64_t) 1 << id)))
    {
        uint32_t tu = 0;

        for (t = 0; t < pr->m; t++)
            if (pr->tmask[t] & ((uint64_t) 1 << id))
                tu |= (uint32_t) 1 << t;
        if ((tu & used) || (tu & c->ended))
            return;
        naive_rec(c, id + 1, SW | ((uint64_t) 1 << id), SB, used | tu);
        if (pr->bias && c->layer <= pr->H)
            naive_rec(c, id + 1, SW, SB | ((uint64_t) 1 << id), used | tu);
    }
}

int
wc_exact_linear_naive_count(fmpz_t count, const wc_spec_t spec,
                            const wc_net_t net)
{
    wc_lin_problem_t pr;
    wc_lin_map_t map[2];
    fmpz * val[2];
    slong alloc[2], * part, block[WC_LIN_MAXM], i, l, cur;
    int zero, ok = 1;
    uint64_t all;

    fmpz_zero(count);
    if (_wc_lin_problem_init(pr, &zero, spec, net, 0, NULL) != WC_OK)
        return 0;
    if (zero)
        return 1;

    all = (pr->k == 64) ? ~(uint64_t) 0 : (((uint64_t) 1 << pr->k) - 1);
    part = flint_malloc(pr->ngroups * sizeof(slong));
    _wc_exact_partition_first(part, pr->ngroups);
    do
    {
        naive_ctx c;

        for (i = 0; i < pr->m; i++)
            block[i] = part[pr->group[i]];
        for (i = 0; i < 2; i++)
        {
            _wc_lin_map_init(map[i]);
            val[i] = NULL;
            alloc[i] = 0;
        }
        cur = 0;
        {
            fmpz_t one;

            c.pr = pr;
            c.block = block;
            c.map = &map[0];
            c.val = &val[0];
            c.alloc = &alloc[0];
            fmpz_init_set_ui(one, 1);
            naive_add(&c, 0, 0, one);
            fmpz_clear(one);
        }

        c.work = 0;
        for (l = pr->H + 1; l >= 1 && ok; l--)
        {
            wc_lin_map_struct * from = map[cur];
            slong a, j;

            c.layer = l;
            c.map = &map[1 - cur];
            c.val = &val[1 - cur];
            c.alloc = &alloc[1 - cur];
            for (j = 0; j < from->cap; j++)
            {
                if (from->slot[j] < 0)
                    continue;
                a = from->slot[j];
                if (fmpz_is_zero(val[cur] + a))
                    continue;
                c.A = from->key[2 * j];
                c.ended = (uint32_t) from->key[2 * j + 1];
                c.from = val[cur] + a;
                naive_rec(&c, 0, 0, 0, 0);
            }
            if (c.work > 10000000)
                ok = 0;
            _wc_lin_map_clear(map[cur]);
            for (j = 0; j < alloc[cur]; j++)
                fmpz_clear(val[cur] + j);
            flint_free(val[cur]);
            val[cur] = NULL;
            alloc[cur] = 0;
            cur = 1 - cur;
        }

        /* The strands still alive reach the input: no pairing there. */
        if (ok)
        {
            wc_lin_map_struct * from = map[cur];
            slong j;

            for (j = 0; j < from->cap; j++)
                if (from->slot[j] >= 0 && from->key[2 * j] == all)
                    fmpz_add(count, count, val[cur] + from->slot[j]);
        }
        _wc_lin_map_clear(map[cur]);
        for (i = 0; i < alloc[cur]; i++)
            fmpz_clear(val[cur] + i);
        flint_free(val[cur]);
    }
    while (ok && pr->connected
           && _wc_exact_partition_next(part, pr->ngroups));

    flint_free(part);
    _wc_lin_problem_clear(pr);
    if (!ok)
        fmpz_zero(count);
    return ok;
}
