/* A hash map from fixed-length arrays of slong to consecutive numbers,
   for the vectors, exponent vectors and moment keys of the deep
   polynomial engine.  Open addressing, load kept below one half. */

#include <string.h>

#include "deeppoly_impl.h"

static ulong
key_hash(const slong * key, slong klen)
{
    ulong h = UWORD(0x9e3779b97f4a7c15);
    slong i;

    for (i = 0; i < klen; i++)
    {
        h ^= (ulong) key[i] + UWORD(0x632be59bd9b4e019) + (h << 6)
             + (h >> 2);
        h *= UWORD(0xbf58476d1ce4e5b9);
    }
    return h ^ (h >> 31);
}

void
_wc_dp_map_init(wc_dp_map_t h, slong klen)
{
    h->klen = klen;
    h->size = 0;
    h->alloc = 0;
    h->keys = NULL;
    h->cap = 0;
    h->table = NULL;
}

void
_wc_dp_map_clear(wc_dp_map_t h)
{
    flint_free(h->keys);
    flint_free(h->table);
    _wc_dp_map_init(h, h->klen);
}

static void
map_rehash(wc_dp_map_t h)
{
    slong cap = FLINT_MAX(64, 2 * h->cap), i;
    slong * table = flint_malloc(cap * sizeof(slong));

    for (i = 0; i < cap; i++)
        table[i] = -1;
    for (i = 0; i < h->size; i++)
    {
        ulong j = key_hash(h->keys + i * h->klen, h->klen) & (cap - 1);

        while (table[j] >= 0)
            j = (j + 1) & (cap - 1);
        table[j] = i;
    }
    flint_free(h->table);
    h->table = table;
    h->cap = cap;
}

slong
_wc_dp_map_find(wc_dp_map_t h, const slong * key, int create)
{
    ulong j;
    size_t bytes = h->klen * sizeof(slong);

    if (create && 2 * (h->size + 1) > h->cap)
        map_rehash(h);
    if (h->cap == 0)
        return -1;

    j = key_hash(key, h->klen) & (h->cap - 1);
    while (h->table[j] >= 0)
    {
        if (bytes == 0
            || memcmp(h->keys + h->table[j] * h->klen, key, bytes) == 0)
            return h->table[j];
        j = (j + 1) & (h->cap - 1);
    }
    if (!create)
        return -1;

    if (h->size == h->alloc)
    {
        h->alloc = FLINT_MAX(16, 2 * h->alloc);
        h->keys = flint_realloc(h->keys,
                                FLINT_MAX(1, h->alloc * h->klen)
                                * sizeof(slong));
    }
    if (bytes > 0)
        memcpy(h->keys + h->size * h->klen, key, bytes);
    h->table[j] = h->size;
    return h->size++;
}

/* ---- 64-bit hash values to numbers ---- */

void
_wc_dp_hmap_init(wc_dp_hmap_t h)
{
    h->size = 0;
    h->cap = 0;
    h->hash = NULL;
    h->val = NULL;
}

void
_wc_dp_hmap_clear(wc_dp_hmap_t h)
{
    flint_free(h->hash);
    flint_free(h->val);
    _wc_dp_hmap_init(h);
}

static ulong
mix64(ulong z)
{
    z = (z ^ (z >> 30)) * UWORD(0xbf58476d1ce4e5b9);
    z = (z ^ (z >> 27)) * UWORD(0x94d049bb133111eb);
    return z ^ (z >> 31);
}

int
_wc_dp_hmap_insert(wc_dp_hmap_t h, ulong hash, slong val)
{
    ulong j;

    if (2 * (h->size + 1) > h->cap)
    {
        slong cap = FLINT_MAX(64, 2 * h->cap), i;
        ulong * hh = flint_malloc(cap * sizeof(ulong));
        slong * vv = flint_malloc(cap * sizeof(slong));

        for (i = 0; i < cap; i++)
            vv[i] = -1;
        for (i = 0; i < h->cap; i++)
        {
            if (h->val[i] < 0)
                continue;
            j = mix64(h->hash[i]) & (cap - 1);
            while (vv[j] >= 0)
                j = (j + 1) & (cap - 1);
            hh[j] = h->hash[i];
            vv[j] = h->val[i];
        }
        flint_free(h->hash);
        flint_free(h->val);
        h->hash = hh;
        h->val = vv;
        h->cap = cap;
    }
    j = mix64(hash) & (h->cap - 1);
    while (h->val[j] >= 0)
    {
        if (h->hash[j] == hash)
            return 0;
        j = (j + 1) & (h->cap - 1);
    }
    h->hash[j] = hash;
    h->val[j] = val;
    h->size++;
    return 1;
}

slong
_wc_dp_hmap_get(const wc_dp_hmap_t h, ulong hash)
{
    ulong j;

    if (h->cap == 0)
        return -1;
    j = mix64(hash) & (h->cap - 1);
    while (h->val[j] >= 0)
    {
        if (h->hash[j] == hash)
            return h->val[j];
        j = (j + 1) & (h->cap - 1);
    }
    return -1;
}
