/* A slow, separate implementation of the network's derivative tensors for
   tests: the network written out entry by entry over a flat parameter
   vector, differentiated with hyper-dual numbers (k independent
   infinitesimals, eps_i^2 = 0), so that the coefficient of
   eps_1...eps_k is the mixed partial derivative itself.  Alongside every
   value it carries the sum of the absolute values of the terms that
   formed it, the scale against which rounding errors are measured. */

#ifndef WC_TEST_NAIVE_H
#define WC_TEST_NAIVE_H

#include "testutil.h"
#include "weakcorr/net.h"

#define NAIVE_MAX_K 5

/* Full derivative tensors of order 0..kmax at one input: t[k] has P^k
   entries (row-major over the k indices), a[k] the matching absolute
   scales.  Parameters are ordered W^1 (row-major), b^1, ..., W^H, b^H,
   V, as wc_pvec_get_entry. */
typedef struct
{
    slong P;
    slong kmax;
    double * t[NAIVE_MAX_K + 1];
    double * a[NAIVE_MAX_K + 1];
}
naive_tensors_struct;

typedef naive_tensors_struct naive_tensors_t[1];

void naive_tensors_init(naive_tensors_t T, wc_mlp_t mlp,
                        const double * x, slong kmax);
void naive_tensors_clear(naive_tensors_t T);

/* The metric entry of parameter mu (see wc_mlp_metric). */
double naive_metric(const wc_mlp_t mlp, slong mu);

/* E-free contraction of a spec on one sample: the coefficient times the
   sum over all index values of the product of tensor entries, each index
   weighted by the metric; *scale receives the same sum over absolute
   scales.  With groups, values[g] receives group g's product (without
   coefficient) and scale[g] its scale.  inputs: the din-vectors of the
   labels, looked up by label through net. */
void naive_spec_values(double * values, double * scale,
                       const wc_spec_t spec, const wc_net_t net,
                       wc_mlp_t mlp);

/* D^k f[v_1, ..., v_k] with explicit vectors (P entries each) from the
   tensors, and its scale. */
double naive_contract_vectors(double * scale, const naive_tensors_t T,
                              slong k, const double * const * v);

/* Random structured vector for tests: rank terms, optionally a dense
   block, random bias and output blocks. */
void naive_random_pvec(wc_pvec_t v, wc_test_t t, slong rank, int dense);

/* The flat entries of a structured vector. */
void naive_pvec_flat(double * out, const wc_pvec_t v, slong P);

/* A random small NET: hidden in [1, max_hidden], random activation and
   parameterisation, din in [1, 2], bias 0 or 1/2, a second input x1. */
void naive_random_net(wc_net_t net, wc_test_t t, slong max_hidden);

#endif
