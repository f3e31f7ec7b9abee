/* The cluster graph: components, sizes, members, edges, against hand
   examples and against a depth-first search written here. */

#include <string.h>

#include "testutil.h"

static void
check_graph(wc_test_t t, const char * text, slong ncomp, slong n_even,
            slong n_odd, slong nedges, const char * comps)
{
    wc_spec_t spec;
    wc_cluster_graph_t g;
    wc_error_t err;
    char got[512], * p = got;
    slong c, i;

    wc_spec_init(spec);
    if (wc_spec_parse(spec, text, err) != WC_OK)
    {
        WC_CHECK(t, 0, "'%s' rejected: %s", text, err->msg);
        wc_spec_clear(spec);
        return;
    }
    wc_cluster_graph_init(g, spec);
    for (c = 0; c < g->ncomp; c++)
    {
        p += sprintf(p, c ? " {" : "{");
        for (i = g->first[c]; i < g->first[c + 1]; i++)
            p += sprintf(p, i > g->first[c] ? ",%ld" : "%ld",
                         (long) g->member[i]);
        p += sprintf(p, "}");
    }
    WC_CHECK(t, g->ncomp == ncomp && g->n_even == n_even
             && g->n_odd == n_odd && g->nedges == nedges
             && strcmp(got, comps) == 0,
             "'%s': %ld clusters %s, %ld even, %ld odd, %ld edges", text,
             (long) g->ncomp, got, (long) g->n_even, (long) g->n_odd,
             (long) g->nedges);
    wc_cluster_graph_clear(g);
    wc_spec_clear(spec);
}

/* Components by depth-first search over an adjacency matrix. */
static slong
dfs_components(slong * label, const wc_test_graph_t g)
{
    slong m = g->m, n = 0, i, j, k, top;
    char * adj = flint_calloc(m * m, 1);
    slong * stack = flint_malloc(m * sizeof(slong));

    for (k = 0; k < g->npairs; k++)
        adj[g->a[k] * m + g->b[k]] = adj[g->b[k] * m + g->a[k]] = 1;
    for (i = 0; i < m; i++)
        label[i] = -1;
    for (i = 0; i < m; i++)
    {
        if (label[i] >= 0)
            continue;
        label[i] = n;
        top = 0;
        stack[top++] = i;
        while (top > 0)
        {
            slong v = stack[--top];

            for (j = 0; j < m; j++)
                if (adj[v * m + j] && label[j] < 0)
                {
                    label[j] = n;
                    stack[top++] = j;
                }
        }
        n++;
    }
    flint_free(adj);
    flint_free(stack);
    return n;
}

int
main(void)
{
    wc_test_t t;
    slong k;

    wc_test_init(t, "t-cluster_graph");

    check_graph(t, "f", 1, 0, 1, 0, "{0}");
    check_graph(t, "f f", 2, 0, 2, 0, "{0} {1}");
    check_graph(t, "f_a f_a", 1, 1, 0, 1, "{0,1}");
    check_graph(t, "f_ab f_ab", 1, 1, 0, 1, "{0,1}");
    check_graph(t, "f_aa f", 2, 0, 2, 0, "{0} {1}");
    check_graph(t, "f_a f_b f_ab f", 2, 0, 2, 2, "{0,1,2} {3}");
    check_graph(t, "f f_a f f_a", 3, 1, 2, 1, "{0} {1,3} {2}");
    check_graph(t, "f_ab f_bc f_ca", 1, 0, 1, 3, "{0,1,2}");
    check_graph(t, "f_ab f_bc f_cd f_da", 1, 1, 0, 4, "{0,1,2,3}");
    check_graph(t, "f_a f_ab f_bc f_c", 1, 1, 0, 3, "{0,1,2,3}");
    check_graph(t, "f_a f_b f_c f_abc", 1, 1, 0, 3, "{0,1,2,3}");
    check_graph(t, "cum(f_a f_a, f_b f_b)", 2, 2, 0, 2, "{0,1} {2,3}");

    /* Random graphs: the same partition as a depth-first search. */
    for (k = 0; k < wc_test_trials(t, 2000); k++)
    {
        wc_test_graph_t tg;
        wc_spec_t spec;
        wc_cluster_graph_t g;
        wc_error_t err;
        slong * label, n, i, j, sizes_ok = 1;
        char * text;

        wc_test_graph_init(tg, 1);
        wc_test_graph_randtest(tg, t, 16, 24, 0);
        text = wc_test_graph_text(tg);
        wc_spec_init(spec);
        if (wc_spec_parse(spec, text, err) != WC_OK)
        {
            WC_CHECK(t, 0, "'%s' rejected", text);
            goto next;
        }
        wc_cluster_graph_init(g, spec);
        label = flint_malloc(tg->m * sizeof(slong));
        n = dfs_components(label, tg);

        WC_CHECK(t, n == g->ncomp, "'%s': %ld components, dfs %ld", text,
                 (long) g->ncomp, (long) n);
        for (i = 0; i < tg->m; i++)
            for (j = 0; j < tg->m; j++)
                WC_CHECK(t, (label[i] == label[j])
                            == (g->comp[i] == g->comp[j]),
                         "'%s': tensors %ld and %ld", text, (long) i,
                         (long) j);
        for (i = 0; i < g->ncomp; i++)
        {
            slong cnt = 0;

            for (j = 0; j < tg->m; j++)
                cnt += (g->comp[j] == i);
            sizes_ok = sizes_ok && cnt == g->size[i];
            /* Members listed ascending, numbered by smallest member. */
            for (j = g->first[i] + 1; j < g->first[i + 1]; j++)
                sizes_ok = sizes_ok && g->member[j - 1] < g->member[j];
            if (i > 0)
                sizes_ok = sizes_ok
                           && g->member[g->first[i - 1]]
                              < g->member[g->first[i]];
        }
        WC_CHECK(t, sizes_ok && g->n_even + g->n_odd == g->ncomp,
                 "'%s': sizes and member lists", text);

        flint_free(label);
        wc_cluster_graph_clear(g);
next:
        wc_spec_clear(spec);
        flint_free(text);
        wc_test_graph_clear(tg);
    }

    return wc_test_finish(t);
}
