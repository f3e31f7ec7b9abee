/* Polynomials in the width n with exact or ball coefficients: the values
   of neuron blocks and partial sums of the one-hidden-layer engine. */

#include "onelayer_impl.h"

void
_wc_ol_np_init(wc_ol_npoly_t p)
{
    fmpq_poly_init(p->q);
    arb_poly_init(p->b);
}

void
_wc_ol_np_clear(wc_ol_npoly_t p)
{
    fmpq_poly_clear(p->q);
    arb_poly_clear(p->b);
}

void
_wc_ol_np_zero(wc_ol_npoly_t p)
{
    fmpq_poly_zero(p->q);
    arb_poly_zero(p->b);
}

void
_wc_ol_np_one(wc_ol_npoly_t p, int exact)
{
    if (exact)
        fmpq_poly_one(p->q);
    else
        arb_poly_one(p->b);
}

void
_wc_ol_np_set(wc_ol_npoly_t r, const wc_ol_npoly_t p, int exact)
{
    if (exact)
        fmpq_poly_set(r->q, p->q);
    else
        arb_poly_set(r->b, p->b);
}

int
_wc_ol_np_is_zero(const wc_ol_npoly_t p, int exact)
{
    if (exact)
        return fmpq_poly_is_zero(p->q);
    return arb_poly_length(p->b) == 0;
}

void
_wc_ol_np_add(wc_ol_npoly_t r, const wc_ol_npoly_t a, const wc_ol_npoly_t b,
              int exact, slong prec)
{
    if (exact)
        fmpq_poly_add(r->q, a->q, b->q);
    else
        arb_poly_add(r->b, a->b, b->b, prec);
}

void
_wc_ol_np_mul(wc_ol_npoly_t r, const wc_ol_npoly_t a, const wc_ol_npoly_t b,
              int exact, slong prec)
{
    if (exact)
        fmpq_poly_mul(r->q, a->q, b->q);
    else
        arb_poly_mul(r->b, a->b, b->b, prec);
}

void
_wc_ol_np_scalar_mul_fmpq(wc_ol_npoly_t r, const wc_ol_npoly_t a,
                          const fmpq_t c, int exact, slong prec)
{
    if (exact)
        fmpq_poly_scalar_mul_fmpq(r->q, a->q, c);
    else
    {
        arb_t t;

        arb_init(t);
        arb_set_fmpq(t, c, prec);
        arb_poly_scalar_mul(r->b, a->b, t, prec);
        arb_clear(t);
    }
}

void
_wc_ol_np_add_term(wc_ol_npoly_t r, slong k, const fmpq_t q, const arb_t b,
                   int exact, slong prec)
{
    if (exact)
    {
        fmpq_t c;

        fmpq_init(c);
        fmpq_poly_get_coeff_fmpq(c, r->q, k);
        fmpq_add(c, c, q);
        fmpq_poly_set_coeff_fmpq(r->q, k, c);
        fmpq_clear(c);
    }
    else
    {
        arb_t c;

        arb_init(c);
        arb_poly_get_coeff_arb(c, r->b, k);
        arb_add(c, c, b, prec);
        arb_poly_set_coeff_arb(r->b, k, c);
        arb_clear(c);
    }
}
