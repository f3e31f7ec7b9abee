/* Finite Laurent series in n with exact or ball coefficients. */

#include "weakcorr/series.h"

void
wc_series_init(wc_series_t s)
{
    s->exact = 1;
    s->prec = 0;
    s->lo = 0;
    s->len = 0;
    s->alloc = 0;
    s->q = NULL;
    s->b = NULL;
}

void
wc_series_clear(wc_series_t s)
{
    if (s->q != NULL)
        _fmpq_vec_clear(s->q, s->alloc);
    if (s->b != NULL)
        _arb_vec_clear(s->b, s->alloc);
}

void
wc_series_zero(wc_series_t s)
{
    wc_series_clear(s);
    wc_series_init(s);
}

void
wc_series_swap(wc_series_t a, wc_series_t b)
{
    wc_series_struct t = *a;

    *a = *b;
    *b = t;
}

int
wc_series_is_zero(const wc_series_t s)
{
    slong i;

    for (i = 0; i < s->len; i++)
        if (s->exact ? !fmpq_is_zero(s->q + i) : !arb_is_zero(s->b + i))
            return 0;
    return 1;
}

/* Room for the powers lo..hi, keeping the present coefficients. */
static void
wc_series_fit(wc_series_t s, slong lo, slong hi)
{
    slong new_lo, new_len, i, shift;

    if (s->len == 0)
    {
        new_lo = lo;
        new_len = hi - lo + 1;
    }
    else
    {
        new_lo = FLINT_MIN(lo, s->lo);
        new_len = FLINT_MAX(hi, s->lo + s->len - 1) - new_lo + 1;
    }
    if (s->len > 0 && new_lo == s->lo && new_len <= s->len)
        return;

    if (new_len > s->alloc)
    {
        slong alloc = FLINT_MAX(new_len, 2 * s->alloc);

        if (s->exact)
        {
            fmpq * q = _fmpq_vec_init(alloc);

            for (i = 0; i < s->len; i++)
                fmpq_swap(q + i, s->q + i);
            if (s->q != NULL)
                _fmpq_vec_clear(s->q, s->alloc);
            s->q = q;
        }
        else
        {
            arb_ptr b = _arb_vec_init(alloc);

            for (i = 0; i < s->len; i++)
                arb_swap(b + i, s->b + i);
            if (s->b != NULL)
                _arb_vec_clear(s->b, s->alloc);
            s->b = b;
        }
        s->alloc = alloc;
    }

    /* Move the coefficients up so that index 0 is power new_lo. */
    shift = (s->len == 0) ? 0 : s->lo - new_lo;
    for (i = s->len - 1; i >= 0 && shift > 0; i--)
    {
        if (s->exact)
            fmpq_swap(s->q + i + shift, s->q + i);
        else
            arb_swap(s->b + i + shift, s->b + i);
    }
    s->lo = new_lo;
    s->len = new_len;
}

void
wc_series_to_balls(wc_series_t s, slong prec)
{
    slong i;

    if (!s->exact)
        return;
    s->prec = prec;
    s->b = (s->alloc > 0) ? _arb_vec_init(s->alloc) : NULL;
    for (i = 0; i < s->len; i++)
        arb_set_fmpq(s->b + i, s->q + i, prec);
    if (s->q != NULL)
        _fmpq_vec_clear(s->q, s->alloc);
    s->q = NULL;
    s->exact = 0;
}

void
wc_series_set(wc_series_t res, const wc_series_t s)
{
    slong i;

    if (res == s)
        return;
    wc_series_zero(res);
    if (s->len == 0)
    {
        res->exact = s->exact;
        res->prec = s->prec;
        return;
    }
    res->exact = s->exact;
    res->prec = s->prec;
    wc_series_fit(res, s->lo, s->lo + s->len - 1);
    for (i = 0; i < s->len; i++)
    {
        if (s->exact)
            fmpq_set(res->q + i, s->q + i);
        else
            arb_set(res->b + i, s->b + i);
    }
}

void
wc_series_add_term_fmpq(wc_series_t s, slong power, const fmpq_t c)
{
    if (fmpq_is_zero(c))
        return;
    wc_series_fit(s, power, power);
    if (s->exact)
        fmpq_add(s->q + power - s->lo, s->q + power - s->lo, c);
    else
    {
        arb_t t;

        arb_init(t);
        arb_set_fmpq(t, c, s->prec);
        arb_add(s->b + power - s->lo, s->b + power - s->lo, t, s->prec);
        arb_clear(t);
    }
}

void
wc_series_add_term_arb(wc_series_t s, slong power, const arb_t c,
                       slong prec)
{
    if (s->exact)
        wc_series_to_balls(s, prec);
    wc_series_fit(s, power, power);
    arb_add(s->b + power - s->lo, s->b + power - s->lo, c, prec);
}

void
wc_series_get_coeff_fmpq(fmpq_t c, const wc_series_t s, slong power)
{
    if (!s->exact)
        flint_abort();
    if (power < s->lo || power >= s->lo + s->len)
        fmpq_zero(c);
    else
        fmpq_set(c, s->q + power - s->lo);
}

void
wc_series_get_coeff_arb(arb_t c, const wc_series_t s, slong power,
                        slong prec)
{
    if (power < s->lo || power >= s->lo + s->len)
        arb_zero(c);
    else if (s->exact)
        arb_set_fmpq(c, s->q + power - s->lo, prec);
    else
        arb_set(c, s->b + power - s->lo);
}

void
wc_series_add(wc_series_t res, const wc_series_t a, const wc_series_t b,
              slong prec)
{
    wc_series_t t;
    slong i;

    wc_series_init(t);
    wc_series_set(t, a);
    if (!b->exact)
        wc_series_to_balls(t, prec);
    for (i = 0; i < b->len; i++)
    {
        if (b->exact)
            wc_series_add_term_fmpq(t, b->lo + i, b->q + i);
        else
            wc_series_add_term_arb(t, b->lo + i, b->b + i, prec);
    }
    wc_series_swap(res, t);
    wc_series_clear(t);
}

void
wc_series_mul(wc_series_t res, const wc_series_t a, const wc_series_t b,
              slong prec)
{
    wc_series_t t;
    slong i, j;

    wc_series_init(t);
    if (!(a->exact && b->exact))
        wc_series_to_balls(t, prec);

    if (t->exact)
    {
        fmpq_t c;

        fmpq_init(c);
        for (i = 0; i < a->len; i++)
            for (j = 0; j < b->len; j++)
            {
                fmpq_mul(c, a->q + i, b->q + j);
                wc_series_add_term_fmpq(t, a->lo + b->lo + i + j, c);
            }
        fmpq_clear(c);
    }
    else
    {
        arb_t x, y, c;

        arb_init(x);
        arb_init(y);
        arb_init(c);
        for (i = 0; i < a->len; i++)
            for (j = 0; j < b->len; j++)
            {
                wc_series_get_coeff_arb(x, a, a->lo + i, prec);
                wc_series_get_coeff_arb(y, b, b->lo + j, prec);
                arb_mul(c, x, y, prec);
                wc_series_add_term_arb(t, a->lo + b->lo + i + j, c, prec);
            }
        arb_clear(x);
        arb_clear(y);
        arb_clear(c);
    }

    wc_series_normalise(t);
    wc_series_swap(res, t);
    wc_series_clear(t);
}

void
wc_series_scalar_mul_fmpq(wc_series_t res, const wc_series_t s,
                          const fmpq_t c, slong prec)
{
    slong i;

    wc_series_set(res, s);
    for (i = 0; i < res->len; i++)
    {
        if (res->exact)
            fmpq_mul(res->q + i, res->q + i, c);
        else
        {
            arb_mul_fmpz(res->b + i, res->b + i, fmpq_numref(c), prec);
            arb_div_fmpz(res->b + i, res->b + i, fmpq_denref(c), prec);
        }
    }
    wc_series_normalise(res);
}

void
wc_series_shift(wc_series_t res, const wc_series_t s, slong k)
{
    wc_series_set(res, s);
    res->lo += k;
}

void
wc_series_normalise(wc_series_t s)
{
    slong start = 0, end = s->len, i;

#define WC_SERIES_ZERO_AT(i) \
    (s->exact ? fmpq_is_zero(s->q + (i)) : arb_is_zero(s->b + (i)))

    while (end > 0 && WC_SERIES_ZERO_AT(end - 1))
        end--;
    while (start < end && WC_SERIES_ZERO_AT(start))
        start++;
#undef WC_SERIES_ZERO_AT

    if (start == end)
    {
        for (i = 0; i < s->len; i++)
        {
            if (s->exact)
                fmpq_zero(s->q + i);
            else
                arb_zero(s->b + i);
        }
        s->len = 0;
        return;
    }
    for (i = start; i < end; i++)
    {
        if (s->exact)
            fmpq_swap(s->q + i - start, s->q + i);
        else
            arb_swap(s->b + i - start, s->b + i);
    }
    for (i = end - start; i < s->len; i++)
    {
        if (s->exact)
            fmpq_zero(s->q + i);
        else
            arb_zero(s->b + i);
    }
    s->lo += start;
    s->len = end - start;
}

int
wc_series_leading_power(slong * k, const wc_series_t s)
{
    slong i;

    for (i = s->len - 1; i >= 0; i--)
    {
        if (s->exact)
        {
            if (!fmpq_is_zero(s->q + i))
            {
                *k = s->lo + i;
                return 1;
            }
        }
        else if (!arb_contains_zero(s->b + i))
        {
            slong j;

            *k = s->lo + i;
            for (j = i + 1; j < s->len; j++)
                if (!arb_is_zero(s->b + j))
                    return -1;
            return 1;
        }
        else if (!arb_is_zero(s->b + i))
        {
            /* A ball around zero: undecided unless a lower power is
               certain, and even then the answer is not certain. */
            slong j;

            for (j = i - 1; j >= 0; j--)
                if (!arb_contains_zero(s->b + j))
                {
                    *k = s->lo + j;
                    return -1;
                }
            *k = s->lo - 1;
            return -1;
        }
    }
    return 0;
}

void
wc_series_evaluate_fmpq(fmpq_t v, const wc_series_t s, ulong n)
{
    fmpq_t t, p;
    fmpz_t nn;
    slong i;

    if (!s->exact)
        flint_abort();
    fmpq_init(t);
    fmpq_init(p);
    fmpz_init_set_ui(nn, n);
    fmpq_zero(v);
    for (i = 0; i < s->len; i++)
    {
        slong e = s->lo + i;

        fmpq_one(p);
        if (e >= 0)
            fmpz_pow_ui(fmpq_numref(p), nn, e);
        else
            fmpz_pow_ui(fmpq_denref(p), nn, -e);
        fmpq_mul(t, p, s->q + i);
        fmpq_add(v, v, t);
    }
    fmpz_clear(nn);
    fmpq_clear(t);
    fmpq_clear(p);
}

void
wc_series_evaluate_arb(arb_t v, const wc_series_t s, ulong n, slong prec)
{
    arb_t t, p;
    slong i;

    arb_init(t);
    arb_init(p);
    arb_zero(v);
    for (i = 0; i < s->len; i++)
    {
        slong e = s->lo + i;

        arb_set_ui(p, n);
        if (e >= 0)
            arb_pow_ui(p, p, e, prec);
        else
        {
            arb_pow_ui(p, p, -e, prec);
            arb_inv(p, p, prec);
        }
        wc_series_get_coeff_arb(t, s, e, prec);
        arb_mul(t, t, p, prec);
        arb_add(v, v, t, prec);
    }
    arb_clear(t);
    arb_clear(p);
}

void
wc_arb_print_buf(wc_buf_t buf, const arb_t x, slong digits)
{
    char * s = arb_get_str(x, digits, 0);

    /* Arb prints "[m +/- r]" for inexact balls and "m" for exact ones;
       exact ones get an explicit zero radius so every ball reads as one. */
    if (s[0] == '[')
        wc_buf_puts(buf, s);
    else
        wc_buf_printf(buf, "[%s +/- 0]", s);
    flint_free(s);
}

void
wc_series_print_buf(wc_buf_t buf, const wc_series_t s, slong digits)
{
    slong i;
    int first = 1;

    for (i = s->len - 1; i >= 0; i--)
    {
        slong e = s->lo + i;

        if (s->exact)
        {
            fmpq_t c;

            if (fmpq_is_zero(s->q + i))
                continue;
            fmpq_init(c);
            fmpq_set(c, s->q + i);
            if (!first)
            {
                wc_buf_puts(buf, fmpq_sgn(c) < 0 ? " - " : " + ");
                fmpq_abs(c, c);
            }
            if (e == 0 || !fmpq_is_one(c))
            {
                int neg_one = first && fmpz_equal_si(fmpq_numref(c), -1)
                              && fmpz_is_one(fmpq_denref(c)) && e != 0;

                if (neg_one)
                    wc_buf_putc(buf, '-');
                else
                {
                    wc_buf_put_fmpq(buf, c);
                    if (e != 0)
                        wc_buf_putc(buf, ' ');
                }
            }
            fmpq_clear(c);
        }
        else
        {
            if (arb_is_zero(s->b + i))
                continue;
            if (!first)
                wc_buf_puts(buf, " + ");
            wc_arb_print_buf(buf, s->b + i, digits);
            if (e != 0)
                wc_buf_putc(buf, ' ');
        }
        if (e == 1)
            wc_buf_puts(buf, "n");
        else if (e != 0)
            wc_buf_printf(buf, "n^%ld", (long) e);
        first = 0;
    }
    if (first)
        wc_buf_puts(buf, s->exact ? "0" : "[0 +/- 0]");
}

int
wc_series_equal(const wc_series_t a, const wc_series_t b)
{
    slong lo, hi, k;
    fmpq_t x, y;
    int eq = 1;

    if (!(a->exact && b->exact))
        return 0;
    fmpq_init(x);
    fmpq_init(y);
    lo = FLINT_MIN(a->lo, b->lo);
    hi = FLINT_MAX(a->lo + a->len, b->lo + b->len);
    for (k = lo; k < hi && eq; k++)
    {
        wc_series_get_coeff_fmpq(x, a, k);
        wc_series_get_coeff_fmpq(y, b, k);
        eq = fmpq_equal(x, y);
    }
    fmpq_clear(x);
    fmpq_clear(y);
    return eq;
}

static int
wc_series_compare_balls(const wc_series_t a, const wc_series_t b,
                        int contains)
{
    slong lo, hi, k;
    arb_t x, y;
    int ok = 1;

    arb_init(x);
    arb_init(y);
    lo = FLINT_MIN(a->lo, b->lo);
    hi = FLINT_MAX(a->lo + a->len, b->lo + b->len);
    for (k = lo; k < hi && ok; k++)
    {
        wc_series_get_coeff_arb(x, a, k, 1024);
        if (contains)
        {
            fmpq_t c;

            fmpq_init(c);
            if (b->exact)
                wc_series_get_coeff_fmpq(c, b, k);
            ok = b->exact && arb_contains_fmpq(x, c);
            fmpq_clear(c);
        }
        else
        {
            wc_series_get_coeff_arb(y, b, k, 1024);
            ok = arb_overlaps(x, y);
        }
    }
    arb_clear(x);
    arb_clear(y);
    return ok;
}

int
wc_series_contains(const wc_series_t a, const wc_series_t b)
{
    return wc_series_compare_balls(a, b, 1);
}

int
wc_series_overlaps(const wc_series_t a, const wc_series_t b)
{
    return wc_series_compare_balls(a, b, 0);
}
