/* Internal interface of the gauss module: the pieces that the public
   expectation functions combine.  The proofs of the bounds are in
   doc/gauss.md. */

#ifndef WC_GAUSS_IMPL_H
#define WC_GAUSS_IMPL_H

#include "weakcorr/gauss.h"

/* Half-width of the strip |Im z| <= h0 on which the growth bounds of
   _wc_gauss_act_strip_bound hold: pi/8 rounded down. */
#define WC_GAUSS_STRIP_H0 0.39

/* Half-width of the strip in which wc_gauss_act_taylor evaluates. */
#define WC_GAUSS_EVAL_STRIP 1.5

/* For |Im z| <= h0 and 0 <= k:  |s^(k)(z)| <= A (1 + |Re z|)^e, with e in
   {0, 1}.  Defined for the analytic kinds (tanh, erf, sigmoid, gelu,
   sin, softplus). */
void _wc_gauss_act_strip_bound(mag_t A, slong * e, const wc_gauss_act_t act,
                               slong k);

/* LDL^T of a symmetric positive semidefinite matrix: cov = L D L^T with
   L unit lower triangular and D >= 0 diagonal; where a pivot is zero the
   column of L below it is zero.  Returns WC_ERR_RANGE if cov is not
   positive semidefinite. */
wc_status _wc_gauss_ldl_fmpq(fmpq_mat_t L, fmpq * D, const fmpq_mat_t cov,
                             wc_error_t err);

/* The same in ball arithmetic.  zero[i] is set when pivot i is exactly
   zero; a pivot ball that contains zero without being zero gives
   WC_ERR_RANGE (more precision is needed), a negative one too. */
wc_status _wc_gauss_ldl_arb(arb_mat_t L, arb_ptr D, int * zero,
                            const arb_mat_t cov, slong prec,
                            wc_error_t err);

/* Exact expectation for linear and polynomial activations from an LDL^T
   factorisation (u = L w with independent w_i ~ N(0, D_i)). */
void _wc_gauss_expect_poly_fmpq(fmpq_t res, const wc_gauss_act_t act,
                                const slong * var, const slong * deriv,
                                slong len, const fmpq_mat_t L,
                                const fmpq * D, slong d);

/* The same for a covariance of balls, by Gaussian integration by parts
   over exponent vectors (a second, independent algorithm). */
void _wc_gauss_expect_poly_arb(arb_t res, const wc_gauss_act_t act,
                               const slong * var, const slong * deriv,
                               slong len, const arb_mat_t cov, slong prec);

/* sin: exact characteristic-function formula, any covariance. */
wc_status _wc_gauss_expect_sin(arb_t res, const slong * var,
                               const slong * deriv, slong len,
                               const arb_mat_t cov, slong prec,
                               wc_error_t err);

/* relu: closed forms for rank at most two (from L, D; from cov when
   d = 2).  Returns WC_ERR_UNSUPPORTED for larger ranks. */
wc_status _wc_gauss_expect_relu(arb_t res, const slong * var,
                                const slong * deriv, slong len,
                                const arb_mat_t cov, const arb_mat_t L,
                                arb_srcptr D, const int * zero, slong d,
                                slong prec, wc_error_t err);

/* Two variables of full rank by Mehler's formula (a series of products
   of one-dimensional Hermite moments).  Sets *done = 0 and leaves res
   alone when it does not apply (the correlation too close to +-1 for a
   moderate number of terms, or a variance not decidably positive). */
wc_status _wc_gauss_expect_mehler(arb_t res, int * done,
                                  const wc_gauss_act_t act,
                                  const slong * var, const slong * deriv,
                                  slong len, const arb_mat_t cov,
                                  slong prec, wc_error_t err);

/* Nested certified integration over the nonzero pivots of L D L^T. */
wc_status _wc_gauss_expect_quad(arb_t res, const wc_gauss_act_t act,
                                const slong * var, const slong * deriv,
                                slong len, const arb_mat_t L, arb_srcptr D,
                                const int * zero, slong d, slong prec,
                                wc_error_t err);

/* E[|w|^j] for w ~ N(0, D): D^(j/2) 2^(j/2) Gamma((j+1)/2) / sqrt(pi). */
void _wc_gauss_abs_moment(arb_t res, const arb_t D, slong j, slong prec);

#endif
