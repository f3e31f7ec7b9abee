/* series: finite Laurent series sum_k c_k n^k in the width n, the form in
   which the exact engines return E[SPEC].

   Coefficients are either all exact rationals (fmpq) or all Arb balls
   guaranteed to contain the true coefficient.  The powers present are
   lo, lo + 1, ..., lo + len - 1; zero coefficients at either end are
   trimmed by wc_series_normalise (for balls, only exact zeros). */

#ifndef WC_SERIES_H
#define WC_SERIES_H

#include "common.h"
#include "arb_include.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct
{
    int exact;      /* 1: coefficients in q; 0: balls in b */
    slong prec;     /* working precision of the balls */
    slong lo;
    slong len;
    slong alloc;
    fmpq * q;
    arb_ptr b;
}
wc_series_struct;

typedef wc_series_struct wc_series_t[1];

/* Initialises the zero series, exact. */
void wc_series_init(wc_series_t s);
void wc_series_clear(wc_series_t s);
void wc_series_zero(wc_series_t s);
void wc_series_set(wc_series_t res, const wc_series_t s);
void wc_series_swap(wc_series_t a, wc_series_t b);

int wc_series_is_zero(const wc_series_t s);

/* Turns an exact series into balls (exact balls, radius zero, rounded to
   prec bits where a rational is not a dyadic number).  No-op on balls. */
void wc_series_to_balls(wc_series_t s, slong prec);

/* s += c n^power.  Adding a ball to an exact series turns it into
   balls at precision prec; a rational added to balls is rounded at the
   series' precision. */
void wc_series_add_term_fmpq(wc_series_t s, slong power, const fmpq_t c);
void wc_series_add_term_arb(wc_series_t s, slong power, const arb_t c,
                            slong prec);

/* The coefficient of n^power (zero outside lo..lo+len-1).  get_fmpq
   requires an exact series. */
void wc_series_get_coeff_fmpq(fmpq_t c, const wc_series_t s, slong power);
void wc_series_get_coeff_arb(arb_t c, const wc_series_t s, slong power,
                             slong prec);

/* res = a + b, res = a * b, res = c * s; exact when both are exact.
   Aliasing allowed. */
void wc_series_add(wc_series_t res, const wc_series_t a,
                   const wc_series_t b, slong prec);
void wc_series_mul(wc_series_t res, const wc_series_t a,
                   const wc_series_t b, slong prec);
void wc_series_scalar_mul_fmpq(wc_series_t res, const wc_series_t s,
                               const fmpq_t c, slong prec);

/* s * n^k. */
void wc_series_shift(wc_series_t res, const wc_series_t s, slong k);

/* Trims zero coefficients at both ends (exactly zero balls only). */
void wc_series_normalise(wc_series_t s);

/* The leading power: the largest k whose coefficient is nonzero.
   Returns 1 and sets *k when it is certain; returns 0 when the series is
   exactly zero; returns -1 when balls at the top contain zero so that the
   leading power cannot be decided at this precision (then *k is the
   largest power whose ball excludes zero, or the lowest power present
   minus one if none does). */
int wc_series_leading_power(slong * k, const wc_series_t s);

/* The value at a positive integer width n: exact into an fmpq, or a ball
   (an exact series gives an exact ball when representable). */
void wc_series_evaluate_fmpq(fmpq_t v, const wc_series_t s, ulong n);
void wc_series_evaluate_arb(arb_t v, const wc_series_t s, ulong n,
                            slong prec);

/* Human form, highest power first: "2 - 4 n^-1" for exact series and
   "[2.000 +/- 1e-30] + ..." for balls with digits significant digits. */
void wc_series_print_buf(wc_buf_t buf, const wc_series_t s, slong digits);

/* A ball as "[mid +/- rad]" with digits significant digits. */
void wc_arb_print_buf(wc_buf_t buf, const arb_t x, slong digits);

int wc_series_equal(const wc_series_t a, const wc_series_t b);

/* Do the balls of a contain the exact coefficients of b? */
int wc_series_contains(const wc_series_t a, const wc_series_t b);

/* Do the balls of a and b overlap coefficient by coefficient? */
int wc_series_overlaps(const wc_series_t a, const wc_series_t b);

#ifdef __cplusplus
}
#endif

#endif
