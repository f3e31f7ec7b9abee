/* Exhaustive search for the cumulant bound: every set partition of the
   clusters into blocks with an even number of odd clusters each, whose
   blocks join all arguments of the cumulant.  Written independently of
   the closed form in bound.c so that each checks the other. */

#include "weakcorr/order.h"

#define WC_BRUTE_MAX_CLUSTERS 12

typedef struct
{
    slong ncomp;
    slong ngroups;
    ulong groups_of[WC_BRUTE_MAX_CLUSTERS];   /* bit set of arguments */
    int odd[WC_BRUTE_MAX_CLUSTERS];
    slong block[WC_BRUTE_MAX_CLUSTERS];
    slong best;
}
wc_brute;

/* Do the blocks join every argument?  Arguments are joined when a block
   touches both; grow the set reachable from argument 0. */
static int
all_joined(const wc_brute * s, slong nblocks)
{
    ulong touch[WC_BRUTE_MAX_CLUSTERS] = {0};
    ulong reach = 1, full = (s->ngroups >= 64) ? ~UWORD(0)
                                 : (UWORD(1) << s->ngroups) - 1;
    slong c, k;
    int grew = 1;

    for (c = 0; c < s->ncomp; c++)
        touch[s->block[c]] |= s->groups_of[c];

    while (grew)
    {
        grew = 0;
        for (k = 0; k < nblocks; k++)
            if ((touch[k] & reach) && (touch[k] & ~reach))
            {
                reach |= touch[k];
                grew = 1;
            }
    }
    return reach == full;
}

static void
search(wc_brute * s, slong c, slong nblocks)
{
    slong k;

    if (c == s->ncomp)
    {
        slong odd_in[WC_BRUTE_MAX_CLUSTERS] = {0}, j;

        if (nblocks <= s->best)
            return;
        for (j = 0; j < s->ncomp; j++)
            odd_in[s->block[j]] += s->odd[j];
        for (k = 0; k < nblocks; k++)
            if (odd_in[k] % 2 != 0)
                return;
        if (all_joined(s, nblocks))
            s->best = nblocks;
        return;
    }

    /* Restricted growth: cluster c joins an existing block or opens the
       next one. */
    for (k = 0; k <= nblocks; k++)
    {
        s->block[c] = k;
        search(s, c + 1, nblocks + (k == nblocks));
    }
}

void
wc_bound_cumulant_brute(fmpq_t exponent, const wc_spec_t spec)
{
    wc_cluster_graph_t g;
    wc_brute s;
    slong c, i;

    wc_cluster_graph_init(g, spec);
    if (g->ncomp > WC_BRUTE_MAX_CLUSTERS || spec->ngroups > 60)
        flint_abort();

    s.ncomp = g->ncomp;
    s.ngroups = spec->connected ? spec->ngroups : 1;
    for (c = 0; c < g->ncomp; c++)
    {
        s.odd[c] = g->size[c] % 2;
        s.groups_of[c] = 0;
        for (i = g->first[c]; i < g->first[c + 1]; i++)
            s.groups_of[c] |= UWORD(1) << (spec->connected
                               ? spec->factors[g->member[i]].group : 0);
    }
    s.best = -1;
    search(&s, 0, 0);

    /* exponent = best - m/2 (best = -1 when m is odd: no admissible
       diagram, the correlation vanishes). */
    fmpq_set_si(exponent, 2 * s.best - g->m, 2);
    wc_cluster_graph_clear(g);
}
