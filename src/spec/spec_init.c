#include <string.h>

#include "weakcorr/spec.h"

void
wc_spec_init(wc_spec_t spec)
{
    fmpq_init(spec->coeff);
    fmpq_one(spec->coeff);
    spec->nfactors = 0;
    spec->alloc = 0;
    spec->factors = NULL;
    spec->nindices = 0;
    spec->ngroups = 1;
    spec->connected = 0;
}

void
wc_spec_clear(wc_spec_t spec)
{
    slong i;

    for (i = 0; i < spec->nfactors; i++)
        flint_free(spec->factors[i].index);
    flint_free(spec->factors);
    fmpq_clear(spec->coeff);
}

void
wc_spec_set(wc_spec_t res, const wc_spec_t spec)
{
    slong i;

    if (res == spec)
        return;

    for (i = 0; i < res->nfactors; i++)
        flint_free(res->factors[i].index);
    res->nfactors = 0;
    res->nindices = spec->nindices;
    res->ngroups = spec->ngroups;
    res->connected = spec->connected;
    fmpq_set(res->coeff, spec->coeff);

    for (i = 0; i < spec->nfactors; i++)
    {
        const wc_factor_struct * t = spec->factors + i;

        wc_spec_append_factor(res, t->index, t->order, t->input, t->pos);
        res->factors[i].group = t->group;
    }
}

void
wc_spec_swap(wc_spec_t a, wc_spec_t b)
{
    wc_spec_struct t = *a;

    *a = *b;
    *b = t;
}

slong
wc_spec_new_index(wc_spec_t spec)
{
    return spec->nindices++;
}

void
wc_spec_new_group(wc_spec_t spec)
{
    if (spec->nfactors > 0)
        spec->ngroups++;
}

void
wc_spec_append_factor(wc_spec_t spec, const slong * index, slong order,
                      slong input, slong pos)
{
    wc_factor_struct * t;

    if (spec->nfactors == spec->alloc)
    {
        spec->alloc = FLINT_MAX(8, 2 * spec->alloc);
        spec->factors = flint_realloc(spec->factors,
                                      spec->alloc * sizeof(wc_factor_struct));
    }

    t = spec->factors + spec->nfactors++;
    t->order = order;
    t->index = flint_malloc(FLINT_MAX(order, 1) * sizeof(slong));
    if (order > 0)
        memcpy(t->index, index, order * sizeof(slong));
    t->input = input;
    t->group = spec->ngroups - 1;
    t->pos = pos;
}

void
wc_spec_canonicalise(wc_spec_t spec)
{
    slong * map, i, j, next = 0;

    map = flint_malloc(FLINT_MAX(spec->nindices, 1) * sizeof(slong));
    for (i = 0; i < spec->nindices; i++)
        map[i] = -1;

    for (i = 0; i < spec->nfactors; i++)
    {
        wc_factor_struct * t = spec->factors + i;

        for (j = 0; j < t->order; j++)
        {
            if (map[t->index[j]] < 0)
                map[t->index[j]] = next++;
            t->index[j] = map[t->index[j]];
        }
    }

    spec->nindices = next;
    flint_free(map);
}

int
wc_spec_equal(const wc_spec_t a, const wc_spec_t b)
{
    slong i, j;

    if (!fmpq_equal(a->coeff, b->coeff) || a->nfactors != b->nfactors
        || a->nindices != b->nindices || a->ngroups != b->ngroups
        || a->connected != b->connected)
        return 0;

    for (i = 0; i < a->nfactors; i++)
    {
        const wc_factor_struct * s = a->factors + i;
        const wc_factor_struct * t = b->factors + i;

        if (s->order != t->order || s->input != t->input
            || s->group != t->group)
            return 0;
        for (j = 0; j < s->order; j++)
            if (s->index[j] != t->index[j])
                return 0;
    }

    return 1;
}

wc_status
wc_spec_check(const wc_spec_t spec, wc_error_t err)
{
    slong * count, * where, i, j;
    wc_status status = WC_OK;

    if (spec->nfactors == 0)
        return wc_error_set(err, WC_ERR_PARSE, 0, "empty SPEC");

    count = flint_calloc(FLINT_MAX(spec->nindices, 1), sizeof(slong));
    where = flint_malloc(FLINT_MAX(spec->nindices, 1) * sizeof(slong));

    for (i = 0; i < spec->nfactors && status == WC_OK; i++)
    {
        const wc_factor_struct * t = spec->factors + i;

        for (j = 0; j < t->order; j++)
        {
            slong k = t->index[j];

            if (k < 0 || k >= spec->nindices)
            {
                status = wc_error_set(err, WC_ERR_PARSE, t->pos,
                    "tensor %ld has index id %ld outside 0..%ld",
                    (long) i, (long) k, (long) spec->nindices - 1);
                break;
            }
            if (++count[k] > 2)
            {
                status = wc_error_set(err, WC_ERR_PARSE, t->pos,
                    "index id %ld appears more than twice", (long) k);
                break;
            }
            where[k] = t->pos;
        }
    }

    for (i = 0; i < spec->nindices && status == WC_OK; i++)
        if (count[i] == 1)
            status = wc_error_set(err, WC_ERR_PARSE, where[i],
                "index id %ld appears only once", (long) i);

    flint_free(count);
    flint_free(where);
    return status;
}
