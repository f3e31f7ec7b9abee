/* The typical size of a correlation function's integrand: for the random
   variable X summed in a SPEC (one sample's value), X = O(n^(s2/2)) with
   s2 the cluster-graph exponent of E[X X'], X' a copy of X on fresh
   indices (Markov's inequality on the second moment). */

#include "weakcorr/order.h"

void
wc_spec_square(wc_spec_t res, const wc_spec_t spec)
{
    wc_spec_t t;
    slong i, j, shift = spec->nindices;
    slong * index = flint_malloc(WC_SPEC_MAX_ORDER * sizeof(slong));

    wc_spec_init(t);
    wc_spec_set(t, spec);
    for (i = 0; i < spec->nfactors; i++)
    {
        const wc_factor_struct * f = spec->factors + i;

        for (j = 0; j < f->order; j++)
            index[j] = f->index[j] + shift;
        wc_spec_append_factor(t, index, f->order, f->input, f->pos);
    }
    t->nindices = 2 * shift;
    t->ngroups = 1;
    t->connected = 0;
    fmpq_mul(t->coeff, spec->coeff, spec->coeff);
    for (i = 0; i < t->nfactors; i++)
        t->factors[i].group = 0;
    wc_spec_canonicalise(t);
    wc_spec_swap(res, t);
    wc_spec_clear(t);
    flint_free(index);
}

int
wc_order_typical(wc_order_t res, const wc_spec_t spec)
{
    wc_spec_t sq;
    wc_bound_t b;
    wc_order_t moment;

    if (spec->connected)
        return 0;

    wc_spec_init(sq);
    wc_bound_init(b);
    wc_order_init(moment);

    wc_spec_square(sq, spec);
    wc_bound_compute(b, sq);
    wc_bound_get_order(moment, b);
    wc_order_from_moment(res, moment, 2);

    wc_order_clear(moment);
    wc_bound_clear(b);
    wc_spec_clear(sq);
    return 1;
}
