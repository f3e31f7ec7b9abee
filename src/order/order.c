/* The algebra of probabilistic width orders; doc/order.md states the rules
   and their proofs. */

#include "weakcorr/order.h"

void
wc_order_init(wc_order_t x)
{
    fmpq_init(x->exp);
    x->flags = 0;
}

void
wc_order_clear(wc_order_t x)
{
    fmpq_clear(x->exp);
}

void
wc_order_set(wc_order_t res, const wc_order_t x)
{
    fmpq_set(res->exp, x->exp);
    res->flags = x->flags;
}

void
wc_order_set_fmpq(wc_order_t res, const fmpq_t e, int tight)
{
    fmpq_set(res->exp, e);
    res->flags = tight ? WC_ORDER_TIGHT : 0;
}

void
wc_order_set_si(wc_order_t res, slong p, ulong q, int tight)
{
    fmpq_set_si(res->exp, p, q);
    res->flags = tight ? WC_ORDER_TIGHT : 0;
}

void
wc_order_zero(wc_order_t res)
{
    fmpq_zero(res->exp);
    res->flags = WC_ORDER_ZERO;
}

int
wc_order_is_zero(const wc_order_t x)
{
    return (x->flags & WC_ORDER_ZERO) != 0;
}

int
wc_order_is_tight(const wc_order_t x)
{
    return (x->flags & WC_ORDER_TIGHT) != 0;
}

void
wc_order_mul(wc_order_t res, const wc_order_t x, const wc_order_t y)
{
    if (wc_order_is_zero(x) || wc_order_is_zero(y))
    {
        wc_order_zero(res);
        return;
    }
    fmpq_add(res->exp, x->exp, y->exp);
    res->flags = 0;
}

void
wc_order_mul_n_pow(wc_order_t res, const wc_order_t x, const fmpq_t e)
{
    if (wc_order_is_zero(x))
    {
        wc_order_zero(res);
        return;
    }
    fmpq_add(res->exp, x->exp, e);
    res->flags = x->flags;
}

void
wc_order_pow_ui(wc_order_t res, const wc_order_t x, ulong k)
{
    if (k == 0)
    {
        /* X^0 = 1 exactly, of definite order n^0. */
        fmpq_zero(res->exp);
        res->flags = WC_ORDER_TIGHT;
        return;
    }
    if (wc_order_is_zero(x))
    {
        wc_order_zero(res);
        return;
    }
    fmpq_mul_ui(res->exp, x->exp, k);
    res->flags = x->flags;
}

void
wc_order_add(wc_order_t res, const wc_order_t x, const wc_order_t y)
{
    int c;

    if (wc_order_is_zero(x))
    {
        wc_order_set(res, y);
        return;
    }
    if (wc_order_is_zero(y))
    {
        wc_order_set(res, x);
        return;
    }

    c = fmpq_cmp(x->exp, y->exp);
    if (c > 0)
        wc_order_set(res, x);
    else if (c < 0)
        wc_order_set(res, y);
    else
    {
        /* Equal orders may cancel: only the bound survives. */
        fmpq_set(res->exp, x->exp);
        res->flags = 0;
    }
}

void
wc_order_from_moment(wc_order_t res, const wc_order_t moment, ulong k)
{
    fmpz_t t;

    if (wc_order_is_zero(moment))
    {
        wc_order_zero(res);
        return;
    }

    /* P(|X| > g) <= E|X|^k / g^k = O(n^e / g^k) -> 0 when g / n^(e/k)
       -> infinity. */
    fmpz_init_set_ui(t, k);
    fmpq_div_fmpz(res->exp, moment->exp, t);
    fmpz_clear(t);
    res->flags = 0;
}

int
wc_order_cmp(const wc_order_t x, const wc_order_t y)
{
    int zx = wc_order_is_zero(x), zy = wc_order_is_zero(y);

    if (zx || zy)
        return zx - zy == 0 ? 0 : (zx ? -1 : 1);
    return fmpq_cmp(x->exp, y->exp);
}

char *
wc_order_get_str(const wc_order_t x)
{
    wc_buf_t buf;
    const char * o = wc_order_is_tight(x) ? "Theta" : "O";

    wc_buf_init(buf);
    if (wc_order_is_zero(x))
        wc_buf_puts(buf, "0");
    else if (fmpq_is_zero(x->exp))
        wc_buf_printf(buf, "%s(1)", o);
    else if (fmpq_is_one(x->exp))
        wc_buf_printf(buf, "%s(n)", o);
    else if (fmpz_is_one(fmpq_denref(x->exp)))
    {
        wc_buf_printf(buf, "%s(n^", o);
        wc_buf_put_fmpq(buf, x->exp);
        wc_buf_putc(buf, ')');
    }
    else
    {
        wc_buf_printf(buf, "%s(n^(", o);
        wc_buf_put_fmpq(buf, x->exp);
        wc_buf_puts(buf, "))");
    }
    return wc_buf_detach(buf);
}
