/* gauss: certified Gaussian expectations of activation functions.

   For an activation s and a product of its derivatives at jointly
   Gaussian arguments,
       E[ prod_t s^(k_t)(u_{v_t}) ],   u ~ N(0, Sigma),
   the functions below return the exact rational (linear and polynomial
   activations) or an Arb ball guaranteed to contain the true value (every
   other activation), together with the infinite-width NNGP and NTK
   kernels of deep networks built from such expectations.  doc/gauss.md
   states the formulas, their error bounds and their proofs.

   Derivatives of relu are taken almost everywhere: relu' is the step
   function with relu'(0) = 0, and relu^(k) = 0 for k >= 2. */

#ifndef WC_GAUSS_H
#define WC_GAUSS_H

#include "common.h"
#include "spec.h"
#include "arb_include.h"
#include <flint/fmpq_mat.h>

#ifdef __cplusplus
extern "C" {
#endif

/* ------------------------------------------------------------------ */
/* Activations. */

typedef struct
{
    wc_act_kind kind;
    slong poly_len;      /* WC_ACT_POLY: s(x) = sum_i poly[i] x^i */
    fmpq * poly;
}
wc_gauss_act_struct;

typedef wc_gauss_act_struct wc_gauss_act_t[1];

/* For WC_ACT_POLY the polynomial is zero until set. */
void wc_gauss_act_init(wc_gauss_act_t act, wc_act_kind kind);
void wc_gauss_act_clear(wc_gauss_act_t act);

/* Makes act the polynomial sum_{i < len} c[i] x^i (kind WC_ACT_POLY). */
void wc_gauss_act_set_poly(wc_gauss_act_t act, const fmpq * c, slong len);

/* The activation of a NET. */
void wc_gauss_act_set_net(wc_gauss_act_t act, const wc_net_t net);

/* Linear and polynomial activations have exact rational expectations. */
int wc_gauss_act_is_exact(const wc_gauss_act_t act);

/* Is s^(k) identically zero (almost everywhere, for relu)? */
int wc_gauss_act_deriv_is_zero(const wc_gauss_act_t act, slong k);

/* The parity of s^(k): 1 if even, -1 if odd, 0 if neither (or not
   known); identically zero derivatives report 1. */
int wc_gauss_act_parity(const wc_gauss_act_t act, slong k);

/* Taylor coefficients res[j] = s^(j)(z) / j!, j < len, at a complex
   ball z, for every activation except relu.  The result contains the
   true coefficients for every point of z in the strip |Im z| < 3/2, where
   each supported activation is holomorphic (the poles of tanh nearest to
   the real line are at +-i pi/2, those of sigmoid and the branch points
   of softplus at +-i pi); outside that strip res is indeterminate. */
void wc_gauss_act_taylor(acb_ptr res, const wc_gauss_act_t act,
                         const acb_t z, slong len, slong prec);

/* ------------------------------------------------------------------ */
/* Expectations.  A product is given by len factors: factor t is
   s^(deriv[t]) evaluated at u_{var[t]}, with 0 <= var[t] < d and Sigma
   the d x d covariance matrix (symmetric positive semidefinite; a
   singular Sigma, such as two identical inputs, is allowed).  len = 0
   gives 1. */

/* Exact value for linear and polynomial activations (Isserlis' theorem
   after a rational LDL^T factorisation of Sigma).  Returns
   WC_ERR_UNSUPPORTED for other activations, WC_ERR_RANGE when Sigma is
   not positive semidefinite. */
wc_status wc_gauss_expect_fmpq(fmpq_t res, const wc_gauss_act_t act,
                               const slong * var, const slong * deriv,
                               slong len, const fmpq_mat_t cov,
                               wc_error_t err);

/* A ball containing the value, for every activation, with a rational
   covariance matrix.  The radius is about 2^-prec (relative to the size
   of the integrand) and shrinks as prec grows.  Methods: exact rationals
   for linear and polynomial activations; closed forms for sin (any
   number of variables) and relu (Sigma of rank at most two); certified
   nested integration for the others (rank of Sigma at most
   WC_GAUSS_MAX_RANK).  Returns WC_ERR_UNSUPPORTED (with the reason)
   beyond these, WC_ERR_RANGE for a covariance that is not positive
   semidefinite. */
wc_status wc_gauss_expect(arb_t res, const wc_gauss_act_t act,
                          const slong * var, const slong * deriv,
                          slong len, const fmpq_mat_t cov, slong prec,
                          wc_error_t err);

/* The same with a covariance matrix of balls (the deep kernels need
   it).  Degeneracies must be decidable from the balls: a pivot of the
   LDL^T factorisation is either exactly zero or a ball excluding zero,
   otherwise WC_ERR_RANGE asks for more precision.  Polynomial
   activations are evaluated by the same Isserlis formula in ball
   arithmetic. */
wc_status wc_gauss_expect_arb_cov(arb_t res, const wc_gauss_act_t act,
                                  const slong * var, const slong * deriv,
                                  slong len, const arb_mat_t cov,
                                  slong prec, wc_error_t err);

/* The certified nested integration alone, for the analytic activations
   (tanh, erf, sigmoid, gelu, sin, softplus) even where a closed form
   exists: a second route for tests.  Rank of Sigma at most
   WC_GAUSS_MAX_RANK: an r-fold integral costs about N^r evaluations with
   N of a few hundred at 64 bits (a rank-three integral takes seconds at
   16 bits), so larger ranks are refused with WC_ERR_UNSUPPORTED. */
#define WC_GAUSS_MAX_RANK 2

wc_status wc_gauss_expect_quad(arb_t res, const wc_gauss_act_t act,
                               const slong * var, const slong * deriv,
                               slong len, const arb_mat_t cov, slong prec,
                               wc_error_t err);

/* ------------------------------------------------------------------ */
/* Infinite-width kernels of a NET with H hidden layers, at the inputs
   x_0 .. x_{p-1} (p vectors of length din, row after row in x):
       K^1(x, x')     = x.x' / din + beta^2
       K^{l+1}(x, x') = E[s(u) s(u')] + beta^2,    (u, u') ~ N(0, K^l)
       Theta^1        = K^1
       Theta^{l+1}    = K^{l+1} + Theta^l E[s'(u) s'(u')]
   and the output layer (no bias): K = E[s(u) s(u')] and
   Theta = K + Theta^H E[s'(u) s'(u')], with (u, u') ~ N(0, K^H).  These
   are the NTK-parameterisation limits; param=standard (whose NTK grows
   with the width) and param=mf (whose kernels vanish) are refused with
   WC_ERR_UNSUPPORTED.  nngp and ntk are p x p (initialised by the
   caller); balls at prec bits, exact balls for linear and polynomial
   activations.  WC_ERR_RANGE when a covariance of a deeper layer is too
   close to singular to decide at this precision. */
wc_status wc_gauss_kernel(arb_mat_t nngp, arb_mat_t ntk, const wc_net_t net,
                          const fmpq * x, slong p, slong prec,
                          wc_error_t err);

/* The exact kernels for linear and polynomial activations. */
wc_status wc_gauss_kernel_fmpq(fmpq_mat_t nngp, fmpq_mat_t ntk,
                               const wc_net_t net, const fmpq * x, slong p,
                               wc_error_t err);

#ifdef __cplusplus
}
#endif

#endif
