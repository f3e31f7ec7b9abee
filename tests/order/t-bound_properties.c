/* Properties of the cluster-graph bound on random specs, each checked by
   editing the SPEC text and parsing it again:
     - an isolated tensor leaves s unchanged;
     - an edge between two odd clusters leaves s unchanged;
     - an edge between two even clusters, or an even and an odd one,
       lowers s by exactly one;
     - an edge inside a cluster leaves s unchanged;
   and s agrees with n_e + n_o/2 - m/2 counted by a depth-first search
   written in the test. */

#include "testutil.h"

static int
bound_of(fmpq_t s, wc_cluster_graph_t g_out, const wc_test_graph_t g,
         wc_test_t t)
{
    wc_spec_t spec;
    wc_bound_t b;
    wc_error_t err;
    char * text = wc_test_graph_text(g);
    int ok;

    wc_spec_init(spec);
    wc_bound_init(b);
    ok = wc_spec_parse(spec, text, err) == WC_OK;
    WC_CHECK(t, ok, "'%s' rejected: %s", text, ok ? "" : err->msg);
    if (ok)
    {
        wc_bound_compute(b, spec);
        fmpq_set(s, b->exponent);
        if (g_out != NULL)
        {
            wc_cluster_graph_clear(g_out);
            wc_cluster_graph_init(g_out, spec);
        }
    }
    wc_bound_clear(b);
    wc_spec_clear(spec);
    flint_free(text);
    return ok;
}

int
main(void)
{
    wc_test_t t;
    fmpq_t s0, s1, d;
    slong k, checked[4] = {0, 0, 0, 0};

    wc_test_init(t, "t-bound_properties");
    fmpq_init(s0);
    fmpq_init(s1);
    fmpq_init(d);

    for (k = 0; k < wc_test_trials(t, 4000); k++)
    {
        wc_test_graph_t g, h;
        wc_cluster_graph_t cg;
        slong i, j, p, ci, cj;

        wc_test_graph_init(g, 1);
        wc_test_graph_init(h, 1);
        wc_test_graph_randtest(g, t, 14, 16, 0);
        cg->comp = cg->size = cg->first = cg->member = cg->edge = NULL;

        if (!bound_of(s0, cg, g, t))
            goto next;

        /* An isolated tensor. */
        wc_test_graph_clear(h);
        wc_test_graph_init(h, g->m + 1);
        for (i = 0; i < g->npairs; i++)
            wc_test_graph_add_pair(h, g->a[i], g->b[i]);
        if (bound_of(s1, NULL, h, t))
            WC_CHECK(t, fmpq_equal(s0, s1), "isolated tensor changed s");

        /* A new index between random tensors i and j. */
        i = wc_test_randint(t, 0, g->m - 1);
        j = wc_test_randint(t, 0, g->m - 1);
        ci = cg->comp[i];
        cj = cg->comp[j];
        wc_test_graph_clear(h);
        wc_test_graph_init(h, g->m);
        for (p = 0; p < g->npairs; p++)
            wc_test_graph_add_pair(h, g->a[p], g->b[p]);
        wc_test_graph_add_pair(h, i, j);
        if (bound_of(s1, NULL, h, t))
        {
            fmpq_sub(d, s1, s0);
            if (ci == cj)
            {
                checked[0]++;
                WC_CHECK(t, fmpq_is_zero(d), "edge inside a cluster");
            }
            else if (cg->size[ci] % 2 == 1 && cg->size[cj] % 2 == 1)
            {
                checked[1]++;
                WC_CHECK(t, fmpq_is_zero(d), "edge between odd clusters");
            }
            else
            {
                checked[2 + (cg->size[ci] % 2 + cg->size[cj] % 2)]++;
                WC_CHECK(t, fmpz_equal_si(fmpq_numref(d), -1)
                         && fmpz_is_one(fmpq_denref(d)),
                         "edge between clusters of sizes %ld and %ld",
                         (long) cg->size[ci], (long) cg->size[cj]);
            }
        }

        /* s from the counts. */
        fmpq_set_si(d, cg->n_odd - cg->m, 2);
        fmpq_add_si(d, d, cg->n_even);
        WC_CHECK(t, fmpq_equal(d, s0), "s = n_e + n_o/2 - m/2");

        wc_cluster_graph_clear(cg);
next:
        wc_test_graph_clear(g);
        wc_test_graph_clear(h);
    }

    /* Each kind of edge must have been exercised. */
    WC_CHECK(t, checked[0] > 0 && checked[1] > 0 && checked[2] > 0
             && checked[3] > 0, "edge kinds seen: inside %ld, odd-odd %ld, "
             "even-even %ld, even-odd %ld", (long) checked[0],
             (long) checked[1], (long) checked[2], (long) checked[3]);

    fmpq_clear(s0);
    fmpq_clear(s1);
    fmpq_clear(d);
    return wc_test_finish(t);
}
