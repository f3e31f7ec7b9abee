/* Small tools of the deep linear engine: a hash map from key pairs to
   slot numbers, and set partitions as restricted growth strings. */

#include <math.h>

#include "linear_impl.h"

static uint64_t
mix(uint64_t a, uint64_t b)
{
    uint64_t z = a * 0x9e3779b97f4a7c15ULL ^ (b + 0x632be59bd9b4e019ULL);

    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

void
_wc_lin_map_init(wc_lin_map_t h)
{
    h->size = 0;
    h->cap = 0;
    h->key = NULL;
    h->slot = NULL;
}

void
_wc_lin_map_clear(wc_lin_map_t h)
{
    flint_free(h->key);
    flint_free(h->slot);
    _wc_lin_map_init(h);
}

static void
map_grow(wc_lin_map_t h)
{
    slong cap = FLINT_MAX(64, 2 * h->cap), i;
    uint64_t * key = flint_malloc(2 * cap * sizeof(uint64_t));
    slong * slot = flint_malloc(cap * sizeof(slong));

    for (i = 0; i < cap; i++)
        slot[i] = -1;
    for (i = 0; i < h->cap; i++)
    {
        slong j;

        if (h->slot[i] < 0)
            continue;
        j = (slong) (mix(h->key[2 * i], h->key[2 * i + 1]) & (cap - 1));
        while (slot[j] >= 0)
            j = (j + 1) & (cap - 1);
        key[2 * j] = h->key[2 * i];
        key[2 * j + 1] = h->key[2 * i + 1];
        slot[j] = h->slot[i];
    }
    flint_free(h->key);
    flint_free(h->slot);
    h->key = key;
    h->slot = slot;
    h->cap = cap;
}

slong
_wc_lin_map_find(wc_lin_map_t h, uint64_t a, uint64_t b, int create)
{
    slong j;

    /* keep the load below one half */
    if (create && 2 * (h->size + 1) > h->cap)
        map_grow(h);
    if (h->cap == 0)
        return -1;

    j = (slong) (mix(a, b) & (h->cap - 1));
    while (h->slot[j] >= 0)
    {
        if (h->key[2 * j] == a && h->key[2 * j + 1] == b)
            return h->slot[j];
        j = (j + 1) & (h->cap - 1);
    }
    if (!create)
        return -1;
    h->key[2 * j] = a;
    h->key[2 * j + 1] = b;
    h->slot[j] = h->size++;
    return h->slot[j];
}

