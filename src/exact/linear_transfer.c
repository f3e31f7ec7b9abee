/* The transfer over layers for deep linear networks (doc/exact.md,
   "The transfer").

   Every tensor is a strand running from the output down through the
   layers.  At layer l (V is layer H + 1) each strand still alive either
   carries a Gaussian factor of that layer or is cut there by one of its
   contracted indices; Wick's theorem and the cuts pair the strands of
   the layer.  A weight pair (Wick or cut) identifies the two row lines
   and the two column lines, a bias pair only the row lines and ends both
   strands.  The state below a layer is the matching M of the column
   lines (the weight pairs) and the set A of contracted indices already
   placed; the sum over the line values of level l gives
   n_l^(cycles of M_above u M_below).  States are kept in groups of equal
   (support of M, A), each a vector over the perfect matchings of the
   support, so that the cycle counts are a fixed table per support. */

#include <stdlib.h>
#include <string.h>

#include "linear_impl.h"

typedef union
{
    fmpz_poly_struct u;
    fmpz_mpoly_struct v;
}
lin_weight;

/* The perfect matchings of a set of tensors, as keys: nibble t of a key
   is the partner of t, or t itself for tensors outside the set. */
typedef struct
{
    slong count;
    slong npairs;
    uint64_t * key;          /* ascending */
    unsigned char * pair;    /* count * npairs * 2 tensor numbers */
    unsigned char * cyc;     /* count * count cycle counts, or NULL */
}
lin_support;

typedef struct
{
    uint32_t support;
    uint64_t A;
    lin_weight * w;
}
lin_group;

typedef struct
{
    slong n;
    slong alloc;
    lin_group * g;
    wc_lin_map_t map;
}
lin_table;

typedef struct
{
    const wc_lin_problem_struct * pr;
    const slong * block;
    lin_support ** sup;
    fmpz * p2pow;
    fmpz * q2pow;
    fmpz * dinpow;
    fmpz_t coef;
    fmpz_mpoly_t tmp;
    fmpz_mpoly_t mono;
    ulong * exps;
    wc_lin_counters * cnt;
}
lin_ctx;

/* Cycle tables are cached up to this many matchings per support. */
#define LIN_CYC_TABLE_MAX 2048

#define NIBBLE(key, t) ((slong) (((key) >> (4 * (t))) & 15))

static int
popcount32(uint32_t x)
{
    return WC_LIN_POPCOUNT64(x);
}

static int
popcount64(uint64_t x)
{
    return WC_LIN_POPCOUNT64(x);
}

/* ---- weights ---- */

static void
w_init(lin_weight * w, const lin_ctx * c)
{
    if (c->pr->multi)
        fmpz_mpoly_init(&w->v, c->pr->ctx);
    else
        fmpz_poly_init(&w->u);
}

static void
w_clear(lin_weight * w, const lin_ctx * c)
{
    if (c->pr->multi)
        fmpz_mpoly_clear(&w->v, c->pr->ctx);
    else
        fmpz_poly_clear(&w->u);
}

static int
w_is_zero(const lin_weight * w, const lin_ctx * c)
{
    return c->pr->multi ? (w->v.length == 0) : (w->u.length == 0);
}

static void
w_one(lin_weight * w, const lin_ctx * c)
{
    if (c->pr->multi)
        fmpz_mpoly_one(&w->v, c->pr->ctx);
    else
        fmpz_poly_one(&w->u);
}

/* dst += coef * n_var^e * src, with coef NULL for 1 and var in 1..H
   (ignored when e == 0). */
static void
w_addmul(lin_weight * dst, const lin_weight * src, const fmpz_t coef,
         slong var, ulong e, lin_ctx * c)
{
    c->cnt->operations++;

    if (c->pr->multi)
    {
        const fmpz_mpoly_ctx_struct * ctx = c->pr->ctx;

        if (e == 0 && coef == NULL)
        {
            fmpz_mpoly_add(&dst->v, &dst->v, &src->v, ctx);
            return;
        }
        fmpz_mpoly_zero(c->mono, ctx);
        if (e != 0)
            c->exps[var - 1] = e;
        if (coef == NULL)
            fmpz_mpoly_set_coeff_ui_ui(c->mono, 1, c->exps, ctx);
        else
            fmpz_mpoly_set_coeff_fmpz_ui(c->mono, coef, c->exps, ctx);
        if (e != 0)
            c->exps[var - 1] = 0;
        fmpz_mpoly_mul(c->tmp, &src->v, c->mono, ctx);
        fmpz_mpoly_add(&dst->v, &dst->v, c->tmp, ctx);
    }
    else
    {
        fmpz_poly_struct * d = &dst->u;
        const fmpz_poly_struct * s = &src->u;
        slong len = s->length + (slong) e;

        if (s->length == 0)
            return;
        /* Coefficients beyond the length of an fmpz_poly are zero, so
           growing the length needs no clearing. */
        fmpz_poly_fit_length(d, len);
        if (d->length < len)
            _fmpz_poly_set_length(d, len);
        if (coef == NULL)
            _fmpz_vec_add(d->coeffs + e, d->coeffs + e, s->coeffs,
                          s->length);
        else
            _fmpz_vec_scalar_addmul_fmpz(d->coeffs + e, s->coeffs,
                                         s->length, coef);
        _fmpz_poly_normalise(d);
    }
}

/* ---- supports ---- */

static void
gen_matchings(uint64_t ** list, slong * len, slong * alloc, uint64_t key,
              uint32_t rest)
{
    uint32_t r;
    slong t, u;

    if (rest == 0)
    {
        if (*len == *alloc)
        {
            *alloc = FLINT_MAX(16, 2 * *alloc);
            *list = flint_realloc(*list, *alloc * sizeof(uint64_t));
        }
        (*list)[(*len)++] = key;
        return;
    }
    t = WC_LIN_CTZ32(rest);
    rest &= ~((uint32_t) 1 << t);
    for (r = rest; r != 0; r &= r - 1)
    {
        uint64_t k2 = key;

        u = WC_LIN_CTZ32(r);
        k2 &= ~((uint64_t) 15 << (4 * t));
        k2 &= ~((uint64_t) 15 << (4 * u));
        k2 |= (uint64_t) u << (4 * t);
        k2 |= (uint64_t) t << (4 * u);
        gen_matchings(list, len, alloc, k2, rest & ~((uint32_t) 1 << u));
    }
}

static int
cmp_u64(const void * a, const void * b)
{
    uint64_t x = *(const uint64_t *) a, y = *(const uint64_t *) b;

    return (x > y) - (x < y);
}

static uint64_t
identity_key(slong m)
{
    uint64_t key = 0;
    slong t;

    for (t = 0; t < m; t++)
        key |= (uint64_t) t << (4 * t);
    return key;
}

/* Number of cycles of the union of two perfect matchings of L. */
static int
count_cycles(uint64_t a, uint64_t b, uint32_t L)
{
    uint32_t seen = 0, rest;
    int cycles = 0;

    for (rest = L; rest != 0; rest &= rest - 1)
    {
        slong t = WC_LIN_CTZ32(rest), u;

        if (seen & ((uint32_t) 1 << t))
            continue;
        cycles++;
        u = t;
        do
        {
            slong v = NIBBLE(a, u);

            seen |= ((uint32_t) 1 << u) | ((uint32_t) 1 << v);
            u = NIBBLE(b, v);
        }
        while (u != t);
    }
    return cycles;
}

static lin_support *
get_support(lin_ctx * c, uint32_t L)
{
    lin_support * s;
    slong i, j, p, alloc = 0;

    if (c->sup[L] != NULL)
        return c->sup[L];

    s = flint_malloc(sizeof(lin_support));
    s->key = NULL;
    s->count = 0;
    gen_matchings(&s->key, &s->count, &alloc, identity_key(c->pr->m), L);
    qsort(s->key, s->count, sizeof(uint64_t), cmp_u64);
    s->npairs = popcount32(L) / 2;
    s->pair = flint_malloc(FLINT_MAX(1, s->count * s->npairs * 2));
    for (i = 0; i < s->count; i++)
    {
        uint32_t rest;

        p = 0;
        for (rest = L; rest != 0; rest &= rest - 1)
        {
            slong t = WC_LIN_CTZ32(rest), u = NIBBLE(s->key[i], t);

            if (u > t)
            {
                s->pair[2 * (i * s->npairs + p)] = (unsigned char) t;
                s->pair[2 * (i * s->npairs + p) + 1] = (unsigned char) u;
                p++;
            }
        }
    }
    s->cyc = NULL;
    if (s->count <= LIN_CYC_TABLE_MAX)
    {
        s->cyc = flint_malloc(s->count * s->count);
        for (i = 0; i < s->count; i++)
            for (j = 0; j < s->count; j++)
                s->cyc[i * s->count + j] =
                    (unsigned char) count_cycles(s->key[i], s->key[j], L);
    }
    c->sup[L] = s;
    return s;
}

static slong
support_position(const lin_support * s, uint64_t key)
{
    slong lo = 0, hi = s->count - 1;

    while (lo <= hi)
    {
        slong mid = (lo + hi) / 2;

        if (s->key[mid] == key)
            return mid;
        if (s->key[mid] < key)
            lo = mid + 1;
        else
            hi = mid - 1;
    }
    flint_abort();   /* every key passed here is a matching of s */
    return -1;
}

/* ---- tables of groups ---- */

static void
table_init(lin_table * T)
{
    T->n = 0;
    T->alloc = 0;
    T->g = NULL;
    _wc_lin_map_init(T->map);
}

static void
table_clear(lin_table * T, lin_ctx * c)
{
    slong i, j;

    for (i = 0; i < T->n; i++)
    {
        slong P = c->sup[T->g[i].support]->count;

        for (j = 0; j < P; j++)
            w_clear(T->g[i].w + j, c);
        flint_free(T->g[i].w);
    }
    flint_free(T->g);
    _wc_lin_map_clear(T->map);
    table_init(T);
}

static lin_group *
table_group(lin_table * T, uint32_t L, uint64_t A, lin_ctx * c)
{
    slong i = _wc_lin_map_find(T->map, L, A, 1), j, P;
    lin_group * g;

    if (i < T->n)
        return T->g + i;
    if (T->n == T->alloc)
    {
        T->alloc = FLINT_MAX(16, 2 * T->alloc);
        T->g = flint_realloc(T->g, T->alloc * sizeof(lin_group));
    }
    g = T->g + T->n++;
    g->support = L;
    g->A = A;
    P = get_support(c, L)->count;
    g->w = flint_malloc(P * sizeof(lin_weight));
    for (j = 0; j < P; j++)
        w_init(g->w + j, c);
    return g;
}

static void
count_states(const lin_table * T, lin_ctx * c)
{
    slong i, j, live = 0;

    for (i = 0; i < T->n; i++)
    {
        slong P = c->sup[T->g[i].support]->count;

        for (j = 0; j < P; j++)
            live += !w_is_zero(T->g[i].w + j, c);
    }
    if (live > c->cnt->states)
        c->cnt->states = live;
}

/* ---- the level step: n_l^(cycles - |L|/2), shifted by m/2 ---- */

static void
gram_step(lin_table * T, slong level, lin_ctx * c)
{
    slong gi, i, j, half = c->pr->m / 2;

    for (gi = 0; gi < T->n; gi++)
    {
        lin_group * g = T->g + gi;
        const lin_support * s = get_support(c, g->support);
        slong P = s->count, shift = half - popcount32(g->support) / 2;
        lin_weight * u = flint_malloc(P * sizeof(lin_weight));

        unsigned char * viable = flint_malloc(P);

        /* A matching of layer l survives the layer step only if each of
           its pairs can be a Wick pair (same block) or be cut by an index
           not yet placed; the others need no weight. */
        for (j = 0; j < P; j++)
        {
            const unsigned char * pair = s->pair + 2 * j * s->npairs;
            slong q;

            w_init(u + j, c);
            viable[j] = 1;
            for (q = 0; q < s->npairs && viable[j]; q++)
            {
                slong a = pair[2 * q], b = pair[2 * q + 1];

                if (c->block[a] != c->block[b]
                    && (c->pr->pmask[a][b] & ~g->A) == 0)
                    viable[j] = 0;
            }
        }

        for (i = 0; i < P; i++)
        {
            if (w_is_zero(g->w + i, c))
                continue;
            for (j = 0; j < P; j++)
            {
                slong cyc;

                if (!viable[j])
                    continue;
                cyc = (s->cyc != NULL) ? s->cyc[i * P + j]
                    : count_cycles(s->key[i], s->key[j], g->support);
                w_addmul(u + j, g->w + i, NULL, level, cyc + shift, c);
            }
        }
        flint_free(viable);

        for (j = 0; j < P; j++)
            w_clear(g->w + j, c);
        flint_free(g->w);
        g->w = u;
    }
}

/* ---- the layer step: Wick pairs and cuts of layer l ---- */

typedef struct
{
    lin_ctx * c;
    lin_table * out;
    slong layer;
    const lin_group * g;
    const lin_support * s;
    slong j;                       /* the matching within s */
    const unsigned char * pair;
    slong npairs;
    int allow_bias;
}
lin_expand;

static void
expand_emit(lin_expand * e, uint64_t A, uint64_t key, uint32_t L2,
            slong wcuts, slong p2, slong q2)
{
    lin_ctx * c = e->c;
    const wc_lin_problem_struct * pr = c->pr;
    lin_group * g2 = table_group(e->out, L2, A, c);
    const lin_support * s2 = get_support(c, L2);
    slong pos = (L2 == e->g->support) ? e->j : support_position(s2, key);
    const fmpz * coef = NULL;
    slong var = 0;
    ulong ex = 0;

    fmpz_one(c->coef);
    if (p2 > 0)
        fmpz_mul(c->coef, c->coef, c->p2pow + p2);
    if (q2 > 0)
        fmpz_mul(c->coef, c->coef, c->q2pow + q2);
    if (pr->param == WC_PARAM_STANDARD && wcuts > 0)
    {
        /* A weight of layer l has fan-in n_(l-1) (din for l = 1); the
           derivative in the raw weight is sqrt(fan-in) times the NTK one
           on each of the two slots of the index. */
        if (e->layer == 1)
            fmpz_mul(c->coef, c->coef, c->dinpow + wcuts);
        else
        {
            var = e->layer - 1;
            ex = wcuts;
        }
    }
    if (!fmpz_is_one(c->coef))
        coef = c->coef;

    w_addmul(g2->w + pos, e->g->w + e->j, coef, var, ex, c);
}

/* Chooses the kind of pair i onwards.  A tensor is cut at most once per
   layer, and the pair is the only place its tensors meet this layer, so
   whether they can still be completed is known as soon as pair i is
   chosen: a strand that ends here (bias) must have every index placed, a
   strand that goes on must have at most layer - 1 of them left. */
static void
expand_rec(lin_expand * e, slong i, uint64_t A, uint64_t key, uint32_t L2,
           slong wcuts, slong p2, slong q2)
{
    const wc_lin_problem_struct * pr = e->c->pr;
    slong s, t, left = e->layer - 1;
    uint64_t avail, r, ks, kt;
    int same;

    if (i == e->npairs)
    {
        expand_emit(e, A, key, L2, wcuts, p2, q2);
        return;
    }

    s = e->pair[2 * i];
    t = e->pair[2 * i + 1];
    avail = pr->pmask[s][t] & ~A;
    same = (e->c->block[s] == e->c->block[t]);

    /* the key with the pair removed (both tensors point to themselves) */
    ks = key & ~((uint64_t) 15 << (4 * s)) & ~((uint64_t) 15 << (4 * t));
    kt = ks | ((uint64_t) s << (4 * s)) | ((uint64_t) t << (4 * t));

    /* weight pair: Wick, or cut by one of the free indices joining s, t */
    if (same && popcount64(pr->tmask[s] & ~A) <= left
        && popcount64(pr->tmask[t] & ~A) <= left)
        expand_rec(e, i + 1, A, key, L2, wcuts, p2, q2);
    for (r = avail; r != 0; r &= r - 1)
    {
        uint64_t A2 = A | (r & -r);

        if (popcount64(pr->tmask[s] & ~A2) <= left
            && popcount64(pr->tmask[t] & ~A2) <= left)
            expand_rec(e, i + 1, A2, key, L2, wcuts + 1, p2, q2);
    }

    if (!e->allow_bias)
        return;

    /* bias pair: both strands start here */
    L2 &= ~(((uint32_t) 1 << s) | ((uint32_t) 1 << t));
    if (same && (pr->tmask[s] & ~A) == 0 && (pr->tmask[t] & ~A) == 0)
        expand_rec(e, i + 1, A, kt, L2, wcuts, p2 + 1, q2);
    for (r = avail; r != 0; r &= r - 1)
    {
        uint64_t A2 = A | (r & -r);

        if ((pr->tmask[s] & ~A2) == 0 && (pr->tmask[t] & ~A2) == 0)
        {
            /* NTK: beta^2 from the two strands.  Standard: the raw bias
               is beta b, so the two derivatives bring 1/beta^2. */
            if (pr->param == WC_PARAM_STANDARD)
                expand_rec(e, i + 1, A2, kt, L2, wcuts, p2, q2 + 1);
            else
                expand_rec(e, i + 1, A2, kt, L2, wcuts, p2 + 1, q2);
        }
    }
}

static void
expand_step(lin_table * out, lin_table * in, slong layer, lin_ctx * c)
{
    lin_expand e;
    slong gi, j;

    e.c = c;
    e.out = out;
    e.layer = layer;
    e.allow_bias = c->pr->bias && layer <= c->pr->H;

    for (gi = 0; gi < in->n; gi++)
    {
        e.g = in->g + gi;
        e.s = get_support(c, e.g->support);
        e.npairs = e.s->npairs;
        for (j = 0; j < e.s->count; j++)
        {
            if (w_is_zero(e.g->w + j, c))
                continue;
            e.j = j;
            e.pair = e.s->pair + 2 * j * e.s->npairs;
            expand_rec(&e, 0, e.g->A, e.s->key[j], e.g->support, 0, 0, 0);
        }
    }
}

/* ---- the input level ---- */

static void
bottom_step(fmpq_poly_t acc, fmpz_mpoly_t num, fmpz_t den,
            const lin_table * T, lin_ctx * c)
{
    const wc_lin_problem_struct * pr = c->pr;
    uint64_t all = (pr->k == 64) ? ~(uint64_t) 0
                                 : (((uint64_t) 1 << pr->k) - 1);
    fmpq_t r;
    fmpq_poly_t t;
    fmpz_mpoly_t tm;
    fmpz_t g;
    slong gi, j, p;

    fmpq_init(r);
    fmpq_poly_init(t);
    fmpz_init(g);
    if (pr->multi)
        fmpz_mpoly_init(tm, pr->ctx);

    for (gi = 0; gi < T->n; gi++)
    {
        const lin_group * gr = T->g + gi;
        const lin_support * s = c->sup[gr->support];

        if (gr->A != all)
            continue;
        for (j = 0; j < s->count; j++)
        {
            const unsigned char * pair = s->pair + 2 * j * s->npairs;

            if (w_is_zero(gr->w + j, c))
                continue;
            fmpq_one(r);
            for (p = 0; p < s->npairs; p++)
            {
                fmpq_mul(r, r, pr->xdot + pair[2 * p] * WC_LIN_MAXM
                                          + pair[2 * p + 1]);
                fmpq_mul_fmpz(r, r, pr->q2);
            }
            if (fmpq_is_zero(r))
                continue;
            if (pr->multi)
            {
                /* num/den += (a/b) w:  num = b num + a den w, den = b den */
                fmpz_mpoly_scalar_mul_fmpz(num, num, fmpq_denref(r),
                                           pr->ctx);
                fmpz_mul(g, den, fmpq_numref(r));
                fmpz_mpoly_scalar_mul_fmpz(tm, &gr->w[j].v, g, pr->ctx);
                fmpz_mpoly_add(num, num, tm, pr->ctx);
                fmpz_mul(den, den, fmpq_denref(r));
            }
            else
            {
                fmpq_poly_set_fmpz_poly(t, &gr->w[j].u);
                fmpq_poly_scalar_mul_fmpq(t, t, r);
                fmpq_poly_add(acc, acc, t);
            }
        }
    }

    if (pr->multi)
    {
        _fmpz_vec_content(g, num->coeffs, num->length);
        fmpz_gcd(g, g, den);
        if (!fmpz_is_zero(g) && !fmpz_is_one(g))
        {
            fmpz_mpoly_scalar_divexact_fmpz(num, num, g, pr->ctx);
            fmpz_divexact(den, den, g);
        }
        fmpz_mpoly_clear(tm, pr->ctx);
    }
    fmpz_clear(g);
    fmpq_poly_clear(t);
    fmpq_clear(r);
}

/* ---- the whole transfer ---- */

void
_wc_lin_transfer(fmpq_poly_t acc, fmpz_mpoly_t num, fmpz_t den,
                 const wc_lin_problem_t pr, const slong * block,
                 wc_lin_counters * cnt)
{
    lin_ctx c;
    lin_table T, U;
    lin_group * g;
    const lin_support * s;
    slong j, l, half = pr->m / 2;
    uint32_t full = (uint32_t) ((1UL << pr->m) - 1), L;

    c.pr = pr;
    c.block = block;
    c.cnt = cnt;
    c.sup = flint_calloc((size_t) 1 << pr->m, sizeof(lin_support *));
    c.p2pow = _fmpz_vec_init(half + 1);
    c.q2pow = _fmpz_vec_init(half + 1);
    c.dinpow = _fmpz_vec_init(half + 1);
    for (j = 0; j <= half; j++)
    {
        fmpz_pow_ui(c.p2pow + j, pr->p2, j);
        fmpz_pow_ui(c.q2pow + j, pr->q2, j);
        fmpz_pow_ui(c.dinpow + j, pr->din, j);
    }
    fmpz_init(c.coef);
    c.exps = flint_calloc(FLINT_MAX(pr->H, 1), sizeof(ulong));
    if (pr->multi)
    {
        fmpz_mpoly_init(c.tmp, pr->ctx);
        fmpz_mpoly_init(c.mono, pr->ctx);
    }

    if (pr->multi)
    {
        fmpz_mpoly_zero(num, pr->ctx);
        fmpz_one(den);
    }
    else
        fmpq_poly_zero(acc);

    table_init(&T);
    table_init(&U);

    /* The output line is one value (n_(H+1) = 1): every matching of the V
       layer starts with weight 1. */
    g = table_group(&T, full, 0, &c);
    s = get_support(&c, full);
    for (j = 0; j < s->count; j++)
        w_one(g->w + j, &c);

    expand_step(&U, &T, pr->H + 1, &c);
    table_clear(&T, &c);
    count_states(&U, &c);

    for (l = pr->H; l >= 1; l--)
    {
        lin_table V;

        gram_step(&U, l, &c);
        expand_step(&T, &U, l, &c);
        table_clear(&U, &c);
        count_states(&T, &c);
        V = T;
        T = U;
        U = V;
    }

    bottom_step(acc, num, den, &U, &c);

    table_clear(&U, &c);
    table_clear(&T, &c);
    for (L = 0; L <= full; L++)
    {
        if (c.sup[L] == NULL)
            continue;
        flint_free(c.sup[L]->key);
        flint_free(c.sup[L]->pair);
        flint_free(c.sup[L]->cyc);
        flint_free(c.sup[L]);
    }
    flint_free(c.sup);
    _fmpz_vec_clear(c.p2pow, half + 1);
    _fmpz_vec_clear(c.q2pow, half + 1);
    _fmpz_vec_clear(c.dinpow, half + 1);
    fmpz_clear(c.coef);
    flint_free(c.exps);
    if (pr->multi)
    {
        fmpz_mpoly_clear(c.tmp, pr->ctx);
        fmpz_mpoly_clear(c.mono, pr->ctx);
    }
}
