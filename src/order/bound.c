/* The cluster-graph bound for expectations and joint cumulants.

   For E[prod T] the rule of Dyer & Gur-Ari (2019) counts one free sum over
   neurons per even cluster and one per pair of odd clusters:
   blocks = n_e + n_o/2 and s = blocks - m/2.

   A joint cumulant kappa(A_1, ..., A_k) keeps only the diagrams in which
   the neuron sums ("blocks", sets of clusters sharing a neuron value) join
   all k arguments.  Arguments that share a cluster are joined already;
   call the classes so formed parts.  Pairing two odd clusters from
   different parts joins those parts at no cost; every further join merges
   two blocks and costs one power of n.  With r_o parts holding odd
   clusters and z parts holding none, the odd pairs leave
   k_o = max(1, r_o - n_o/2) classes among the first (0 if r_o = 0), and
       blocks = n_e + n_o/2 - (z + k_o - 1).
   doc/order.md proves that this is the maximum over all admissible
   diagrams; wc_bound_cumulant_brute checks it by exhaustive search. */

#include "weakcorr/order.h"
#include "union_find.h"

void
wc_bound_init(wc_bound_t b)
{
    b->graph->m = 0;
    b->graph->ncomp = 0;
    b->graph->comp = b->graph->size = b->graph->first = NULL;
    b->graph->member = b->graph->edge = NULL;
    b->graph->nedges = b->graph->n_even = b->graph->n_odd = 0;
    fmpq_init(b->exponent);
    fmpq_init(b->blocks);
    b->zero = 0;
    b->ngroups = 1;
    b->nparts = 1;
    b->nparts_odd = 0;
    b->links_paid = 0;
}

void
wc_bound_clear(wc_bound_t b)
{
    wc_cluster_graph_clear(b->graph);
    fmpq_clear(b->exponent);
    fmpq_clear(b->blocks);
}

void
wc_bound_compute(wc_bound_t b, const wc_spec_t spec)
{
    wc_cluster_graph_struct * g = b->graph;
    slong i, c, z = 0, r_o = 0, k_o, K;
    fmpq_t t;

    wc_cluster_graph_clear(g);
    wc_cluster_graph_init(g, spec);

    b->zero = (g->m % 2 == 1) || fmpq_is_zero(spec->coeff);
    b->ngroups = spec->connected ? spec->ngroups : 1;
    b->nparts = 1;
    b->nparts_odd = g->n_odd > 0;
    b->links_paid = 0;

    /* blocks = n_e + n_o/2 */
    fmpq_set_si(b->blocks, g->n_odd, 2);
    fmpq_add_si(b->blocks, b->blocks, g->n_even);

    if (b->ngroups >= 2)
    {
        slong * parent = flint_malloc(b->ngroups * sizeof(slong));
        slong * odd = flint_calloc(b->ngroups, sizeof(slong));

        for (i = 0; i < b->ngroups; i++)
            parent[i] = i;

        /* Arguments sharing a cluster form one part. */
        for (c = 0; c < g->ncomp; c++)
        {
            slong g0 = spec->factors[g->member[g->first[c]]].group;

            for (i = g->first[c] + 1; i < g->first[c + 1]; i++)
            {
                slong gi = spec->factors[g->member[i]].group;

                _wc_union_find_join(parent, gi, g0);
            }
        }

        for (c = 0; c < g->ncomp; c++)
        {
            slong grp = spec->factors[g->member[g->first[c]]].group;

            if (g->size[c] % 2 == 1)
                odd[_wc_union_find_root(parent, grp)]++;
        }

        b->nparts = 0;
        for (i = 0; i < b->ngroups; i++)
            if (_wc_union_find_root(parent, i) == i)
            {
                b->nparts++;
                if (odd[i] > 0)
                    r_o++;
                else
                    z++;
            }

        /* The odd clusters, paired across parts, leave k_o classes. */
        k_o = (r_o == 0) ? 0 : FLINT_MAX(1, r_o - g->n_odd / 2);
        K = z + k_o;
        b->nparts_odd = r_o;
        b->links_paid = K - 1;
        fmpq_sub_si(b->blocks, b->blocks, K - 1);

        flint_free(parent);
        flint_free(odd);
    }

    fmpq_init(t);
    fmpq_set_si(t, g->m, 2);
    fmpq_sub(b->exponent, b->blocks, t);
    fmpq_clear(t);
}

void
wc_bound_get_order(wc_order_t res, const wc_bound_t b)
{
    if (b->zero)
        wc_order_zero(res);
    else
        wc_order_set_fmpq(res, b->exponent, 0);
}
