/* Brute-force E[SPEC] for deep linear networks at explicit widths; see
   linear_brute.h.  Nothing here knows about strands, cuts, matchings or
   cycles: f is expanded into monomials of named parameters, derivatives
   delete parameters from monomials, and expectations multiply Gaussian
   moments parameter by parameter. */

#include <string.h>

#include "linear_brute.h"

typedef struct
{
    /* parameters */
    slong nparams;
    fmpq * dfac;          /* per index placed on the parameter */
    /* f, expanded, per distinct input label */
    slong nlabels;
    slong label[64];
    slong width;          /* parameters per monomial slot array (H + 1) */
    slong nmono[64];
    slong * mp[64];       /* nmono * width parameter ids, -1 padded */
    fmpq * mc[64];        /* coefficients */
    fmpz * mr[64];        /* radicands: the monomial is c / sqrt(r) */
    /* the spec */
    slong m;
    slong k;
    slong * tlab;         /* label slot of each tensor */
    slong * tgroup;
    slong ngroups;
    slong * slot_tensor;  /* 2k: the two tensors of each index */
    slong * assign;       /* k: parameter of each index */
    /* partitions of the groups, with Moebius coefficients */
    slong nparts;
    slong * part;         /* nparts * ngroups block numbers */
    fmpq * mu;
    /* product enumeration */
    slong ** qual;        /* per tensor: qualifying monomial numbers */
    slong * nqual;
    slong ** rest;        /* per tensor and qualifying monomial: the
                             parameters left after differentiation,
                             width entries, -1 padded */
    unsigned char * later;  /* (m + 1) * nparams: does a tensor >= t
                               have the parameter in some choice? */
    slong * cnt;          /* ngroups * nparams counts */
    slong * tot;          /* nparams total counts */
    slong * touched;
    unsigned char * intouched;
    slong ntouched;
    fmpq_t total;
    fmpq_t dprod;
    double work;
    double max_work;
    int irrational;
}
brute;

/* ---- the network as a polynomial ---- */

static void
push_mono(brute * b, slong li, const slong * p, slong np, const fmpq_t c,
          const fmpz_t r)
{
    slong i, n = b->nmono[li];

    if (fmpq_is_zero(c))
        return;
    b->mp[li] = flint_realloc(b->mp[li], (n + 1) * b->width * sizeof(slong));
    b->mc[li] = flint_realloc(b->mc[li], (n + 1) * sizeof(fmpq));
    b->mr[li] = flint_realloc(b->mr[li], (n + 1) * sizeof(fmpz));
    for (i = 0; i < b->width; i++)
        b->mp[li][n * b->width + i] = (i < np) ? p[i] : -1;
    fmpq_init(b->mc[li] + n);
    fmpq_set(b->mc[li] + n, c);
    fmpz_init(b->mr[li] + n);
    fmpz_set(b->mr[li] + n, r);
    b->nmono[li] = n + 1;
}

/* Extends a path upwards from row index i of level l (whose value feeds
   layer l + 1) to the output, appending the parameters it crosses. */
static void
paths_up(brute * b, slong li, slong * p, slong np, slong l, slong i,
         const slong * n, const slong * offW, slong offV, slong H,
         const fmpq_t c, const fmpz_t r)
{
    slong i2;

    if (l == H)
    {
        p[np] = offV + i;
        push_mono(b, li, p, np + 1, c, r);
        return;
    }
    for (i2 = 0; i2 < n[l + 1]; i2++)
    {
        p[np] = offW[l + 1] + i2 * n[l] + i;
        paths_up(b, li, p, np + 1, l + 1, i2, n, offW, offV, H, c, r);
    }
}

static void
build_network(brute * b, const wc_net_t net, const slong * widths)
{
    slong H = net->hidden, l, i, j, li, s;
    slong * n = flint_malloc((H + 1) * sizeof(slong));
    slong * offW = flint_malloc((H + 2) * sizeof(slong));
    slong * offB = flint_malloc((H + 2) * sizeof(slong));
    slong offV, P = 0;
    slong * p = flint_malloc((H + 2) * sizeof(slong));
    int bias = !fmpq_is_zero(net->bias);
    fmpq * x = _fmpq_vec_init(net->din);
    fmpq_t c;
    fmpz_t r;

    n[0] = net->din;
    for (l = 1; l <= H; l++)
        n[l] = widths[l - 1];
    for (l = 1; l <= H; l++)
    {
        offW[l] = P;
        P += n[l] * n[l - 1];
        offB[l] = P;
        if (bias)
            P += n[l];
    }
    offV = P;
    P += n[H];
    b->nparams = P;

    /* What one placed index multiplies by: NTK and mean-field
       differentiate in the N(0,1) parameters themselves; the standard
       parameterisation in W = w / sqrt(fan-in) and in beta b, i.e.
       sqrt(fan-in) resp. 1/beta per slot, squared over the two slots. */
    b->dfac = _fmpq_vec_init(P);
    for (l = 1; l <= H; l++)
    {
        for (i = 0; i < n[l] * n[l - 1]; i++)
        {
            fmpq_one(b->dfac + offW[l] + i);
            if (net->param == WC_PARAM_STANDARD)
                fmpq_set_si(b->dfac + offW[l] + i, n[l - 1], 1);
        }
        for (i = 0; bias && i < n[l]; i++)
        {
            fmpq_one(b->dfac + offB[l] + i);
            if (net->param == WC_PARAM_STANDARD)
            {
                fmpq_mul(b->dfac + offB[l] + i, net->bias, net->bias);
                fmpq_inv(b->dfac + offB[l] + i, b->dfac + offB[l] + i);
            }
        }
    }
    for (i = 0; i < n[H]; i++)
    {
        fmpq_one(b->dfac + offV + i);
        if (net->param == WC_PARAM_STANDARD)
            fmpq_set_si(b->dfac + offV + i, n[H], 1);
    }

    /* f = sum over start levels s of the paths from there to the output:
       s = 0 starts at x_j / sqrt(din) and crosses the weights of every
       layer; s >= 1 starts at beta b^s.  Each level l >= 1 that a path
       leaves divides by sqrt(n_l), the mean-field output once more by
       sqrt(n_H). */
    fmpq_init(c);
    fmpz_init(r);
    b->width = H + 1;
    for (li = 0; li < b->nlabels; li++)
    {
        b->nmono[li] = 0;
        b->mp[li] = NULL;
        b->mc[li] = NULL;
        b->mr[li] = NULL;
        wc_net_get_input(x, net, b->label[li]);
        for (s = 0; s <= H; s++)
        {
            if (s > 0 && !bias)
                break;
            fmpz_one(r);
            for (l = FLINT_MAX(s, 1); l <= H; l++)
                fmpz_mul_si(r, r, n[l]);
            if (s == 0)
                fmpz_mul_si(r, r, net->din);
            if (net->param == WC_PARAM_MF)
                fmpz_mul_si(r, r, n[H]);
            if (s == 0)
            {
                for (j = 0; j < net->din; j++)
                    for (i = 0; i < n[1]; i++)
                    {
                        fmpq_set(c, x + j);
                        p[0] = offW[1] + i * n[0] + j;
                        paths_up(b, li, p, 1, 1, i, n, offW, offV, H, c, r);
                    }
            }
            else
            {
                for (i = 0; i < n[s]; i++)
                {
                    fmpq_set(c, net->bias);
                    p[0] = offB[s] + i;
                    paths_up(b, li, p, 1, s, i, n, offW, offV, H, c, r);
                }
            }
        }
    }

    fmpq_clear(c);
    fmpz_clear(r);
    _fmpq_vec_clear(x, net->din);
    flint_free(n);
    flint_free(offW);
    flint_free(offB);
    flint_free(p);
}

/* ---- derivatives and expectations ---- */

static int
mono_has(const brute * b, slong li, slong j, slong param)
{
    slong i;

    for (i = 0; i < b->width; i++)
        if (b->mp[li][j * b->width + i] == param)
            return 1;
    return 0;
}

/* Does monomial j contain each parameter placed on tensor t so far, and
   no parameter twice (a monomial holds each parameter at most once)? */
static int
mono_qualifies(const brute * b, slong t, slong li, slong j, slong upto)
{
    slong mu, s, seen[256], nseen = 0, q;

    for (mu = 0; mu < upto; mu++)
        for (s = 0; s < 2; s++)
        {
            if (b->slot_tensor[2 * mu + s] != t)
                continue;
            for (q = 0; q < nseen; q++)
                if (seen[q] == b->assign[mu])
                    return 0;
            if (nseen < 256)
                seen[nseen++] = b->assign[mu];
            if (!mono_has(b, li, j, b->assign[mu]))
                return 0;
        }
    return 1;
}

static int
tensor_alive(brute * b, slong t, slong upto)
{
    slong li = b->tlab[t], j;

    for (j = 0; j < b->nmono[li]; j++)
    {
        b->work += 1;
        if (mono_qualifies(b, t, li, j, upto))
            return 1;
    }
    return 0;
}

static int
is_placed_on(const brute * b, slong t, slong param)
{
    slong mu, s;

    for (mu = 0; mu < b->k; mu++)
        for (s = 0; s < 2; s++)
            if (b->slot_tensor[2 * mu + s] == t && b->assign[mu] == param)
                return 1;
    return 0;
}

/* One product of chosen monomials: the moment-cumulant sum of the
   products of per-block Gaussian moments.  The counts are at most the
   number of factors of the product (m (H + 1) <= 32 here), so the
   moments, products of (c - 1)!! over parameters whose counts sum to
   that, fit in 64 bits. */
static void
product_leaf(brute * b, const fmpq_t coef, const fmpz_t rad)
{
    fmpq_t e, term;
    fmpz_t root, rem;
    slong pi, q, g;

    fmpq_init(e);
    fmpq_init(term);
    fmpz_init(root);
    fmpz_init(rem);

    for (pi = 0; pi < b->nparts; pi++)
    {
        const slong * part = b->part + pi * b->ngroups;
        ulong mom = 1;
        slong blk;

        for (blk = 0; blk < b->ngroups && mom != 0; blk++)
            for (q = 0; q < b->ntouched && mom != 0; q++)
            {
                slong c = 0, i;

                for (g = 0; g < b->ngroups; g++)
                    if (part[g] == blk)
                        c += b->cnt[g * b->nparams + b->touched[q]];
                if (c % 2 == 1)
                    mom = 0;
                for (i = c - 1; i > 1; i -= 2)
                    mom *= (ulong) i;
            }
        if (mom == 0)
            continue;
        fmpq_mul_ui(term, b->mu + pi, mom);
        fmpq_add(e, e, term);
    }

    if (!fmpq_is_zero(e))
    {
        fmpz_sqrtrem(root, rem, rad);
        if (!fmpz_is_zero(rem))
            b->irrational = 1;
        fmpq_mul(term, e, coef);
        fmpq_div_fmpz(term, term, root);
        fmpq_mul(term, term, b->dprod);
        fmpq_add(b->total, b->total, term);
    }

    fmpq_clear(e);
    fmpq_clear(term);
    fmpz_clear(root);
    fmpz_clear(rem);
}

/* Chooses a monomial of tensor t onwards.  A parameter of odd total
   count that no later tensor can supply makes every Gaussian moment
   vanish (per block counts cannot all be even then), so such branches
   are cut. */
static void
product_rec(brute * b, slong t, const fmpq_t coef, const fmpz_t rad)
{
    slong a, li, i, q;
    fmpq_t c2;
    fmpz_t r2;

    if (b->work > b->max_work)
        return;
    b->work += 1;
    for (q = 0; q < b->ntouched; q++)
    {
        slong p = b->touched[q];

        if (b->tot[p] % 2 == 1 && !b->later[t * b->nparams + p])
            return;
    }
    if (t == b->m)
    {
        product_leaf(b, coef, rad);
        return;
    }

    li = b->tlab[t];
    fmpq_init(c2);
    fmpz_init(r2);
    for (a = 0; a < b->nqual[t]; a++)
    {
        slong j = b->qual[t][a], saved = b->ntouched;
        slong g = b->tgroup[t];
        const slong * rest = b->rest[t] + a * b->width;

        fmpq_mul(c2, coef, b->mc[li] + j);
        fmpz_mul(r2, rad, b->mr[li] + j);
        for (i = 0; i < b->width && rest[i] >= 0; i++)
        {
            slong p = rest[i];

            b->cnt[g * b->nparams + p]++;
            b->tot[p]++;
            if (!b->intouched[p])
            {
                b->intouched[p] = 1;
                b->touched[b->ntouched++] = p;
            }
        }
        product_rec(b, t + 1, c2, r2);
        for (i = 0; i < b->width && rest[i] >= 0; i++)
        {
            b->cnt[g * b->nparams + rest[i]]--;
            b->tot[rest[i]]--;
        }
        for (q = saved; q < b->ntouched; q++)
            b->intouched[b->touched[q]] = 0;
        b->ntouched = saved;
    }
    fmpq_clear(c2);
    fmpz_clear(r2);
}

/* Places index mu on every parameter in turn; prunes as soon as one of
   its two tensors has no monomial left to differentiate. */
static void
assign_rec(brute * b, slong mu)
{
    slong p, t, j;

    if (b->work > b->max_work)
        return;
    if (mu == b->k)
    {
        fmpq_t one;
        fmpz_t r;

        fmpq_init(one);
        fmpq_one(one);
        for (j = 0; j < b->k; j++)
        {
            const fmpq * d = b->dfac + b->assign[j];

            fmpq_mul(one, one, d);
        }
        fmpq_swap(b->dprod, one);
        fmpq_clear(one);
        for (t = 0; t < b->m; t++)
        {
            slong li = b->tlab[t];

            b->nqual[t] = 0;
            for (j = 0; j < b->nmono[li]; j++)
                if (mono_qualifies(b, t, li, j, b->k))
                {
                    slong * rest = b->rest[t] + b->nqual[t] * b->width;
                    slong i, nr = 0;

                    for (i = 0; i < b->width; i++)
                    {
                        slong par = b->mp[li][j * b->width + i];

                        if (par >= 0 && !is_placed_on(b, t, par))
                            rest[nr++] = par;
                    }
                    while (nr < b->width)
                        rest[nr++] = -1;
                    b->qual[t][b->nqual[t]++] = j;
                }
            if (b->nqual[t] == 0)
                return;
        }
        memset(b->later, 0, (b->m + 1) * b->nparams);
        for (t = b->m - 1; t >= 0; t--)
        {
            slong a, i;

            memcpy(b->later + t * b->nparams, b->later + (t + 1) * b->nparams,
                   b->nparams);
            for (a = 0; a < b->nqual[t]; a++)
                for (i = 0; i < b->width; i++)
                {
                    slong par = b->rest[t][a * b->width + i];

                    if (par >= 0)
                        b->later[t * b->nparams + par] = 1;
                }
        }
        fmpq_init(one);
        fmpz_init(r);
        fmpq_one(one);
        fmpz_one(r);
        product_rec(b, 0, one, r);
        fmpq_clear(one);
        fmpz_clear(r);
        return;
    }

    for (p = 0; p < b->nparams; p++)
    {
        b->assign[mu] = p;
        if (tensor_alive(b, b->slot_tensor[2 * mu], mu + 1)
            && tensor_alive(b, b->slot_tensor[2 * mu + 1], mu + 1))
            assign_rec(b, mu + 1);
    }
}

int
wc_brute_linear(fmpq_t v, const wc_spec_t spec, const wc_net_t net,
                const slong * widths, double max_work)
{
    brute b;
    slong i, j, li, * a, g, maxmono;
    int status;

    memset(&b, 0, sizeof(b));
    b.m = spec->nfactors;
    b.k = spec->nindices;
    b.ngroups = spec->connected ? spec->ngroups : 1;
    b.max_work = max_work;

    /* distinct input labels */
    b.tlab = flint_malloc(FLINT_MAX(b.m, 1) * sizeof(slong));
    b.tgroup = flint_malloc(FLINT_MAX(b.m, 1) * sizeof(slong));
    for (i = 0; i < b.m; i++)
    {
        for (li = 0; li < b.nlabels; li++)
            if (b.label[li] == spec->factors[i].input)
                break;
        if (li == b.nlabels)
            b.label[b.nlabels++] = spec->factors[i].input;
        b.tlab[i] = li;
        b.tgroup[i] = spec->connected ? spec->factors[i].group : 0;
    }

    build_network(&b, net, widths);

    /* the two slots of every index */
    b.slot_tensor = flint_malloc(FLINT_MAX(2 * b.k, 1) * sizeof(slong));
    b.assign = flint_malloc(FLINT_MAX(b.k, 1) * sizeof(slong));
    for (j = 0; j < b.k; j++)
        b.slot_tensor[2 * j] = b.slot_tensor[2 * j + 1] = -1;
    for (i = 0; i < b.m; i++)
        for (j = 0; j < spec->factors[i].order; j++)
        {
            slong id = spec->factors[i].index[j];

            if (b.slot_tensor[2 * id] < 0)
                b.slot_tensor[2 * id] = i;
            else
                b.slot_tensor[2 * id + 1] = i;
        }

    /* every partition of the groups, with (-1)^(blocks-1) (blocks-1)! */
    a = flint_calloc(b.ngroups, sizeof(slong));
    b.nparts = 0;
    for (;;)
    {
        slong blocks = 0, pos;
        fmpz_t f;

        for (g = 0; g < b.ngroups; g++)
            blocks = FLINT_MAX(blocks, a[g] + 1);
        b.part = flint_realloc(b.part,
                               (b.nparts + 1) * b.ngroups * sizeof(slong));
        b.mu = flint_realloc(b.mu, (b.nparts + 1) * sizeof(fmpq));
        memcpy(b.part + b.nparts * b.ngroups, a, b.ngroups * sizeof(slong));
        fmpq_init(b.mu + b.nparts);
        fmpz_init(f);
        fmpz_fac_ui(f, blocks - 1);
        fmpq_set_fmpz(b.mu + b.nparts, f);
        if (blocks % 2 == 0)
            fmpq_neg(b.mu + b.nparts, b.mu + b.nparts);
        fmpz_clear(f);
        b.nparts++;

        /* next restricted growth string */
        for (pos = b.ngroups - 1; pos >= 1; pos--)
        {
            slong mx = 0;

            for (g = 0; g < pos; g++)
                mx = FLINT_MAX(mx, a[g]);
            if (a[pos] <= mx)
            {
                a[pos]++;
                for (g = pos + 1; g < b.ngroups; g++)
                    a[g] = 0;
                break;
            }
        }
        if (pos < 1)
            break;
    }
    flint_free(a);

    maxmono = 1;
    for (li = 0; li < b.nlabels; li++)
        maxmono = FLINT_MAX(maxmono, b.nmono[li]);
    b.qual = flint_malloc(FLINT_MAX(b.m, 1) * sizeof(slong *));
    b.rest = flint_malloc(FLINT_MAX(b.m, 1) * sizeof(slong *));
    b.nqual = flint_malloc(FLINT_MAX(b.m, 1) * sizeof(slong));
    for (i = 0; i < b.m; i++)
    {
        b.qual[i] = flint_malloc(maxmono * sizeof(slong));
        b.rest[i] = flint_malloc(maxmono * b.width * sizeof(slong));
    }
    b.later = flint_malloc((b.m + 1) * b.nparams);
    b.cnt = flint_calloc(b.ngroups * b.nparams, sizeof(slong));
    b.tot = flint_calloc(b.nparams, sizeof(slong));
    b.intouched = flint_calloc(b.nparams, 1);
    b.touched = flint_malloc((b.m * b.width + 1) * sizeof(slong));
    fmpq_init(b.total);
    fmpq_init(b.dprod);

    assign_rec(&b, 0);

    if (b.work > b.max_work)
        status = -1;
    else if (b.irrational)
        status = -2;
    else
    {
        fmpq_mul(v, b.total, spec->coeff);
        status = 0;
    }

    fmpq_clear(b.total);
    fmpq_clear(b.dprod);
    for (i = 0; i < b.m; i++)
    {
        flint_free(b.qual[i]);
        flint_free(b.rest[i]);
    }
    flint_free(b.qual);
    flint_free(b.rest);
    flint_free(b.nqual);
    flint_free(b.later);
    flint_free(b.cnt);
    flint_free(b.tot);
    flint_free(b.intouched);
    flint_free(b.touched);
    for (i = 0; i < b.nparts; i++)
        fmpq_clear(b.mu + i);
    flint_free(b.mu);
    flint_free(b.part);
    flint_free(b.slot_tensor);
    flint_free(b.assign);
    for (li = 0; li < b.nlabels; li++)
    {
        for (j = 0; j < b.nmono[li]; j++)
        {
            fmpq_clear(b.mc[li] + j);
            fmpz_clear(b.mr[li] + j);
        }
        flint_free(b.mp[li]);
        flint_free(b.mc[li]);
        flint_free(b.mr[li]);
    }
    _fmpq_vec_clear(b.dfac, b.nparams);
    flint_free(b.tlab);
    flint_free(b.tgroup);
    return status;
}

void
wc_interpolate_fmpq(fmpq * c, const fmpq * val, slong npts)
{
    fmpq * d = _fmpq_vec_init(npts);
    fmpq_t t;
    fmpz_t z;
    slong i, j;

    fmpq_init(t);
    fmpz_init(z);
    for (i = 0; i < npts; i++)
        fmpq_set(d + i, val + i);
    /* divided differences at the nodes 1, 2, ..., npts */
    for (j = 1; j < npts; j++)
        for (i = npts - 1; i >= j; i--)
        {
            fmpq_sub(d + i, d + i, d + i - 1);
            fmpz_set_si(z, j);
            fmpq_div_fmpz(d + i, d + i, z);
        }
    /* Newton form to monomial coefficients, Horner from the top:
       p = d0 + (x - 1)(d1 + (x - 2)(d2 + ...)) */
    for (i = 0; i < npts; i++)
        fmpq_zero(c + i);
    for (j = npts - 1; j >= 0; j--)
    {
        /* c = c * (x - (j + 1)) + d_j */
        for (i = npts - 1; i >= 1; i--)
        {
            fmpq_mul_si(t, c + i, -(j + 1));
            fmpq_add(c + i, c + i - 1, t);
        }
        fmpq_mul_si(c + 0, c + 0, -(j + 1));
        fmpq_add(c + 0, c + 0, d + j);
    }
    fmpq_clear(t);
    fmpz_clear(z);
    _fmpq_vec_clear(d, npts);
}
