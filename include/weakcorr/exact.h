/* exact: E[SPEC] at finite width as an exact finite series in n.

   Engines:
     - deep linear networks, any depth, by a transfer over layers of the
       Wick pairings (src/exact/linear*.c);
     - one hidden layer with any supported activation, by a sum over set
       partitions of the neuron indices of single-neuron Gaussian
       expectations (src/exact/onelayer*.c, with the gauss module);
   and wc_exact_compute chooses among them.  doc/exact.md describes the
   algorithms and their accuracy. */

#ifndef WC_EXACT_H
#define WC_EXACT_H

#include "common.h"
#include "spec.h"
#include "series.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Work bound: requests whose estimated number of elementary terms
   exceeds max_terms are refused at once with WC_ERR_RANGE and the
   estimate in the message. */
#define WC_EXACT_DEFAULT_MAX_TERMS 100000000

typedef struct
{
    slong prec;        /* bits for ball coefficients (non-polynomial act) */
    slong max_terms;   /* work bound, see above */
}
wc_exact_options_struct;

typedef wc_exact_options_struct wc_exact_options_t[1];

void wc_exact_options_init(wc_exact_options_t opt);

/* res = E[spec] (the cumulant for connected specs), as a series in the
   common hidden width n, for the network net.  Exact rationals when the
   activation is linear or polynomial; balls containing the true
   coefficients otherwise.  Returns WC_ERR_UNSUPPORTED (with the reason)
   for networks no engine covers, WC_ERR_RANGE beyond the work bound. */
wc_status wc_exact_compute(wc_series_t res, const wc_spec_t spec,
                           const wc_net_t net,
                           const wc_exact_options_t opt, wc_error_t err);

#ifdef __cplusplus
}
#endif

#endif
