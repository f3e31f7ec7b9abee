#include <stdlib.h>

#include "weakcorr/order.h"
#include "union_find.h"

static int
cmp_edge(const void * a, const void * b)
{
    const slong * x = a, * y = b;

    if (x[0] != y[0])
        return (x[0] > y[0]) - (x[0] < y[0]);
    return (x[1] > y[1]) - (x[1] < y[1]);
}

void
wc_cluster_graph_init(wc_cluster_graph_t g, const wc_spec_t spec)
{
    slong m = spec->nfactors, i, j, k, c;
    slong * parent, * seen, * fill;

    g->m = m;
    g->comp = flint_malloc(FLINT_MAX(m, 1) * sizeof(slong));
    g->member = flint_malloc(FLINT_MAX(m, 1) * sizeof(slong));
    g->edge = flint_malloc(FLINT_MAX(2 * spec->nindices, 2) * sizeof(slong));
    parent = flint_malloc(FLINT_MAX(m, 1) * sizeof(slong));
    seen = flint_malloc(FLINT_MAX(spec->nindices, 1) * sizeof(slong));

    for (i = 0; i < m; i++)
        parent[i] = i;
    for (k = 0; k < spec->nindices; k++)
        seen[k] = -1;

    /* Each index joins the two tensors holding it. */
    g->nedges = 0;
    for (i = 0; i < m; i++)
    {
        const wc_factor_struct * t = spec->factors + i;

        for (j = 0; j < t->order; j++)
        {
            slong other = seen[t->index[j]];

            if (other < 0)
            {
                seen[t->index[j]] = i;
                continue;
            }
            if (other != i)
            {
                g->edge[2 * g->nedges] = other;
                g->edge[2 * g->nedges + 1] = i;
                g->nedges++;
                _wc_union_find_join(parent, other, i);
            }
        }
    }

    /* Duplicate edges (tensors sharing several indices) count once. */
    qsort(g->edge, g->nedges, 2 * sizeof(slong), cmp_edge);
    for (i = j = 0; i < g->nedges; i++)
        if (j == 0 || cmp_edge(g->edge + 2 * i, g->edge + 2 * (j - 1)) != 0)
        {
            g->edge[2 * j] = g->edge[2 * i];
            g->edge[2 * j + 1] = g->edge[2 * i + 1];
            j++;
        }
    g->nedges = j;

    /* Number components by their smallest tensor. */
    g->ncomp = 0;
    for (i = 0; i < m; i++)
        g->comp[i] = -1;
    for (i = 0; i < m; i++)
    {
        slong r = _wc_union_find_root(parent, i);

        if (g->comp[r] < 0)
            g->comp[r] = g->ncomp++;
        g->comp[i] = g->comp[r];
    }

    g->size = flint_calloc(FLINT_MAX(g->ncomp, 1), sizeof(slong));
    g->first = flint_malloc((g->ncomp + 1) * sizeof(slong));
    for (i = 0; i < m; i++)
        g->size[g->comp[i]]++;
    g->first[0] = 0;
    for (c = 0; c < g->ncomp; c++)
        g->first[c + 1] = g->first[c] + g->size[c];

    fill = flint_malloc((g->ncomp + 1) * sizeof(slong));
    for (c = 0; c <= g->ncomp; c++)
        fill[c] = g->first[c];
    for (i = 0; i < m; i++)
        g->member[fill[g->comp[i]]++] = i;

    g->n_even = g->n_odd = 0;
    for (c = 0; c < g->ncomp; c++)
    {
        if (g->size[c] % 2 == 0)
            g->n_even++;
        else
            g->n_odd++;
    }

    flint_free(fill);
    flint_free(parent);
    flint_free(seen);
}

void
wc_cluster_graph_clear(wc_cluster_graph_t g)
{
    flint_free(g->comp);
    flint_free(g->size);
    flint_free(g->first);
    flint_free(g->member);
    flint_free(g->edge);
}
