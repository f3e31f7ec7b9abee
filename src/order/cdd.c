/* Orders of the derivative correlations C^{D,d} (Shem-Ur & Oz 2024),
   derived from the cluster-graph bound on the correlation functions they
   define rather than from a table. */

#include "weakcorr/order.h"

void
wc_order_cdd(wc_order_t res, slong D, slong d)
{
    wc_spec_t spec;
    wc_bound_t b;
    wc_order_t moment;

    wc_spec_init(spec);
    wc_bound_init(b);
    wc_order_init(moment);

    wc_spec_set_cdd_norm2(spec, D, d);
    wc_bound_compute(b, spec);
    wc_bound_get_order(moment, b);
    wc_order_from_moment(res, moment, 2);

    wc_order_clear(moment);
    wc_bound_clear(b);
    wc_spec_clear(spec);
}

void
wc_order_cdd_mean(wc_order_t res, slong d)
{
    wc_spec_t spec;
    wc_bound_t b;

    wc_spec_init(spec);
    wc_bound_init(b);

    wc_spec_set_cdd_mean(spec, d);
    wc_bound_compute(b, spec);
    wc_bound_get_order(res, b);

    wc_bound_clear(b);
    wc_spec_clear(spec);
}
