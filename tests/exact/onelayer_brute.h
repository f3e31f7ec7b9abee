/* A brute-force evaluator of E[SPEC] for one-hidden-layer networks with
   polynomial (or linear) activations at a given width n, sharing no code
   with the engine: it writes f as an explicit polynomial in all
   n (din + 1 [+ 1]) parameters, differentiates it explicitly, sums the
   contracted indices over every parameter, and takes Gaussian moments of
   each monomial.  Exponential in everything; for tiny widths only. */

#ifndef WC_ONELAYER_BRUTE_H
#define WC_ONELAYER_BRUTE_H

#include "weakcorr.h"

/* res = E[spec] (the joint cumulant for connected specs) at width n. */
void onelayer_brute_eval(fmpq_t res, const wc_spec_t spec,
                         const wc_net_t net, slong n);

#endif
