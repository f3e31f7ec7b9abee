/* Union-find on 0..n-1 with path halving, shared by the order module. */

#ifndef WC_ORDER_UNION_FIND_H
#define WC_ORDER_UNION_FIND_H

#include <flint/flint.h>

static inline slong
_wc_union_find_root(slong * parent, slong i)
{
    while (parent[i] != i)
    {
        parent[i] = parent[parent[i]];
        i = parent[i];
    }
    return i;
}

static inline void
_wc_union_find_join(slong * parent, slong i, slong j)
{
    parent[_wc_union_find_root(parent, i)] = _wc_union_find_root(parent, j);
}

#endif
