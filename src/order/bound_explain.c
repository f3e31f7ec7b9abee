#include "weakcorr/order.h"

static void
put_cluster(wc_buf_t buf, const wc_cluster_graph_t g, slong c)
{
    slong i;

    wc_buf_putc(buf, '{');
    for (i = g->first[c]; i < g->first[c + 1]; i++)
        wc_buf_printf(buf, i > g->first[c] ? ",%ld" : "%ld",
                      (long) g->member[i]);
    wc_buf_putc(buf, '}');
}

char *
wc_bound_explain(const wc_bound_t b, const wc_spec_t spec)
{
    const wc_cluster_graph_struct * g = b->graph;
    wc_buf_t buf;
    slong c;
    fmpq_t half_odd;

    wc_buf_init(buf);
    fmpq_init(half_odd);
    fmpq_set_si(half_odd, g->n_odd, 2);

    wc_buf_printf(buf, "%ld tensor%s; shared indices join them into %ld "
                  "cluster%s: ", (long) g->m, g->m == 1 ? "" : "s",
                  (long) g->ncomp, g->ncomp == 1 ? "" : "s");
    for (c = 0; c < g->ncomp; c++)
    {
        if (c > 0)
            wc_buf_puts(buf, c + 1 == g->ncomp ? " and " : ", ");
        put_cluster(buf, g, c);
    }
    wc_buf_printf(buf, ", so n_e = %ld even and n_o = %ld odd.",
                  (long) g->n_even, (long) g->n_odd);

    if (b->ngroups < 2)
    {
        wc_buf_printf(buf, " The cluster-graph rule gives s = n_e + n_o/2 "
                      "- m/2 = %ld + ", (long) g->n_even);
        wc_buf_put_fmpq(buf, half_odd);
        wc_buf_puts(buf, " - ");
        {
            fmpq_t h;

            fmpq_init(h);
            fmpq_set_si(h, g->m, 2);
            wc_buf_put_fmpq(buf, h);
            fmpq_clear(h);
        }
        wc_buf_puts(buf, " = ");
        wc_buf_put_fmpq(buf, b->exponent);
        wc_buf_puts(buf, ".");
    }
    else
    {
        wc_buf_printf(buf, " A joint cumulant of %ld arguments keeps only "
            "the diagrams whose neuron sums join all of them; clusters "
            "shared between arguments leave %ld part%s", (long) b->ngroups,
            (long) b->nparts, b->nparts == 1 ? "" : "s");
        if (b->nparts > 1 && b->nparts_odd > 1)
            wc_buf_printf(buf, ". Pairing odd clusters across the %ld parts "
                "that hold them joins parts at no cost",
                (long) b->nparts_odd);
        if (b->links_paid == 0)
            wc_buf_puts(buf, ", and no further join is needed");
        else if (b->links_paid == 1)
            wc_buf_puts(buf, ", and the one remaining join costs one power "
                             "of n");
        else
            wc_buf_printf(buf, ", and the remaining %ld joins cost one power "
                          "of n each", (long) b->links_paid);
        wc_buf_printf(buf, ". So s = n_e + n_o/2 - %ld - m/2 = ",
                      (long) b->links_paid);
        wc_buf_put_fmpq(buf, b->exponent);
        wc_buf_puts(buf, ".");
    }

    if (fmpq_is_zero(spec->coeff))
        wc_buf_puts(buf, " The coefficient is 0, so it vanishes.");
    else if (b->zero)
        wc_buf_printf(buf, " But m = %ld is odd, so it is exactly zero: "
            "every term changes sign under V -> -V, which leaves the "
            "distribution of the weights unchanged.", (long) g->m);
    else
    {
        wc_buf_puts(buf, " Hence it is O(n^");
        wc_buf_put_fmpq(buf, b->exponent);
        wc_buf_puts(buf, ").");
    }

    fmpq_clear(half_odd);
    return wc_buf_detach(buf);
}
