/* Brute-force E[SPEC] for deep networks with polynomial (or linear)
   activations at explicit tiny widths, sharing no code with the engine of
   src/exact/deeppoly*.c.  Every neuron and every parameter is explicit:
   the parameters are drawn with their variances (W with 1/fan-in, so no
   square roots appear), each contracted index k is replaced by a
   Gaussian direction xi^k with one explicit variable per parameter
   (sum_mu d_mu A d_mu B = E_xi[(xi . grad A)(xi . grad B)]), and a
   tensor is m_t! times the coefficient of prod_k eps_k^(m_t,k) in f at
   theta + sum_k eps_k xi^k (m_t,k: how often tensor t carries index k).
   The expectation is taken layer by layer from the output down,
   neuron by neuron: the activations of the layer below stay symbols, the
   neuron's activation coefficients are substituted by their explicit
   polynomials in its parameters and the symbols below, and its
   parameters are integrated out by their Gaussian moments.  Cumulants by
   the moment-cumulant formula, one independent copy of the parameters
   per block (the directions xi are shared). */

#ifndef WC_TEST_DEEPPOLY_BRUTE_H
#define WC_TEST_DEEPPOLY_BRUTE_H

#include "weakcorr.h"

/* v = E[spec] (the joint cumulant for connected specs) for net with
   hidden widths widths[0..H-1].  Returns 0, or -1 when more than
   max_terms polynomial terms would be handled (v is then 0). */
int deeppoly_brute_eval(fmpq_t v, const wc_spec_t spec, const wc_net_t net,
                        const slong * widths, double max_terms);

#endif
