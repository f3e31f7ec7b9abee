/* Brute-force E[SPEC] for deep linear networks at explicit tiny widths,
   straight from the definitions: the network as an explicit polynomial
   in its Gaussian parameters, derivative tensors as derivatives of that
   polynomial, every contracted index summed over every parameter, and
   expectations from the Gaussian moments E[g^(2k)] = (2k-1)!!.  It
   shares no code with the transfer of src/exact/linear*.c.  Cost grows
   like P^k times the product of the tensors' term counts (P parameters,
   k contracted indices), so only tiny networks are feasible. */

#ifndef WC_TEST_LINEAR_BRUTE_H
#define WC_TEST_LINEAR_BRUTE_H

#include "weakcorr.h"

/* E[spec] (the joint cumulant for connected specs, by the moment-cumulant
   formula over partitions of its arguments) for the deep linear network
   net with hidden widths widths[0..H-1].  Returns 0 on success, -1 when
   the work exceeds max_work elementary steps (v is then meaningless),
   -2 if an irrational contribution survived (a bug). */
int wc_brute_linear(fmpq_t v, const wc_spec_t spec, const wc_net_t net,
                    const slong * widths, double max_work);

/* Coefficients c_0..c_{npts-1} of the polynomial p of degree < npts with
   p(i + 1) = val[i] (Newton's divided differences over Q). */
void wc_interpolate_fmpq(fmpq * c, const fmpq * val, slong npts);

#endif
