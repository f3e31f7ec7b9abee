/* Laurent polynomials in the hidden widths n_1..n_H with rational
   coefficients: the form of E[SPEC] when the widths are distinct. */

#include <string.h>

#include "linear_impl.h"

void
wc_mseries_init(wc_mseries_t s, slong nvars)
{
    s->nvars = nvars;
    s->length = 0;
    s->alloc = 0;
    s->coeffs = NULL;
    s->exps = NULL;
}

void
wc_mseries_clear(wc_mseries_t s)
{
    if (s->coeffs != NULL)
        _fmpq_vec_clear(s->coeffs, s->alloc);
    flint_free(s->exps);
}

void
wc_mseries_swap(wc_mseries_t a, wc_mseries_t b)
{
    wc_mseries_struct t = *a;

    *a = *b;
    *b = t;
}

static void
fit_length(wc_mseries_t s, slong len)
{
    slong alloc, i;
    fmpq * c;

    if (len <= s->alloc)
        return;
    alloc = FLINT_MAX(len, 2 * s->alloc);
    c = _fmpq_vec_init(alloc);
    for (i = 0; i < s->length; i++)
        fmpq_swap(c + i, s->coeffs + i);
    if (s->coeffs != NULL)
        _fmpq_vec_clear(s->coeffs, s->alloc);
    s->coeffs = c;
    s->exps = flint_realloc(s->exps,
                            FLINT_MAX(1, alloc * s->nvars) * sizeof(slong));
    s->alloc = alloc;
}

/* Order of terms: larger total degree first; then, at the first width
   whose exponents differ, the larger absolute exponent first (so n1^-1
   precedes n2^-1 and n1 precedes n2), a positive one before its
   negative.  Negative when a precedes b. */
static int
cmp_exps(const slong * a, const slong * b, slong nvars)
{
    slong i, da = 0, db = 0;

    for (i = 0; i < nvars; i++)
    {
        da += a[i];
        db += b[i];
    }
    if (da != db)
        return da > db ? -1 : 1;
    for (i = 0; i < nvars; i++)
    {
        if (a[i] == b[i])
            continue;
        if (FLINT_ABS(a[i]) != FLINT_ABS(b[i]))
            return FLINT_ABS(a[i]) > FLINT_ABS(b[i]) ? -1 : 1;
        return a[i] > b[i] ? -1 : 1;
    }
    return 0;
}

void
_wc_mseries_push_term(wc_mseries_t s, const slong * exp, const fmpq_t c)
{
    slong i;

    if (fmpq_is_zero(c))
        return;
    fit_length(s, s->length + 1);
    fmpq_set(s->coeffs + s->length, c);
    for (i = 0; i < s->nvars; i++)
        s->exps[s->length * s->nvars + i] = exp[i];
    s->length++;
}

/* Stable merge sort of the term numbers perm[0..len) by exponents. */
static void
sort_terms(slong * perm, slong len, const slong * exps, slong nvars)
{
    slong * tmp = flint_malloc(len * sizeof(slong)), width, i;

    for (width = 1; width < len; width *= 2)
    {
        for (i = 0; i < len; i += 2 * width)
        {
            slong a = i, mid = FLINT_MIN(i + width, len);
            slong b = mid, end = FLINT_MIN(i + 2 * width, len), o = i;

            while (a < mid && b < end)
                tmp[o++] = (cmp_exps(exps + perm[b] * nvars,
                                     exps + perm[a] * nvars, nvars) < 0)
                           ? perm[b++] : perm[a++];
            while (a < mid)
                tmp[o++] = perm[a++];
            while (b < end)
                tmp[o++] = perm[b++];
        }
        memcpy(perm, tmp, len * sizeof(slong));
    }
    flint_free(tmp);
}

void
_wc_mseries_normalise(wc_mseries_t s)
{
    slong * perm, * exps, i, j, len = 0, nv = s->nvars;
    fmpq * c;

    if (s->length == 0)
        return;
    perm = flint_malloc(s->length * sizeof(slong));
    for (i = 0; i < s->length; i++)
        perm[i] = i;
    sort_terms(perm, s->length, s->exps, nv);

    c = _fmpq_vec_init(s->alloc);
    exps = flint_malloc(FLINT_MAX(1, s->alloc * nv) * sizeof(slong));
    for (i = 0; i < s->length; i = j)
    {
        const slong * e = s->exps + perm[i] * nv;

        fmpq_zero(c + len);
        for (j = i; j < s->length
             && cmp_exps(e, s->exps + perm[j] * nv, nv) == 0; j++)
            fmpq_add(c + len, c + len, s->coeffs + perm[j]);
        if (!fmpq_is_zero(c + len))
        {
            memcpy(exps + len * nv, e, nv * sizeof(slong));
            len++;
        }
    }
    _fmpq_vec_clear(s->coeffs, s->alloc);
    flint_free(s->exps);
    flint_free(perm);
    s->coeffs = c;
    s->exps = exps;
    s->length = len;
}

void
wc_mseries_add_term(wc_mseries_t s, const slong * exp, const fmpq_t c)
{
    slong lo = 0, hi = s->length, i;

    if (fmpq_is_zero(c))
        return;
    while (lo < hi)
    {
        slong mid = (lo + hi) / 2;
        int r = cmp_exps(s->exps + mid * s->nvars, exp, s->nvars);

        if (r == 0)
        {
            fmpq_add(s->coeffs + mid, s->coeffs + mid, c);
            if (fmpq_is_zero(s->coeffs + mid))
            {
                for (i = mid; i + 1 < s->length; i++)
                {
                    fmpq_swap(s->coeffs + i, s->coeffs + i + 1);
                    memcpy(s->exps + i * s->nvars,
                           s->exps + (i + 1) * s->nvars,
                           s->nvars * sizeof(slong));
                }
                s->length--;
            }
            return;
        }
        if (r < 0)
            lo = mid + 1;
        else
            hi = mid;
    }

    fit_length(s, s->length + 1);
    for (i = s->length; i > lo; i--)
    {
        fmpq_swap(s->coeffs + i, s->coeffs + i - 1);
        memcpy(s->exps + i * s->nvars, s->exps + (i - 1) * s->nvars,
               s->nvars * sizeof(slong));
    }
    fmpq_set(s->coeffs + lo, c);
    memcpy(s->exps + lo * s->nvars, exp, s->nvars * sizeof(slong));
    s->length++;
}

int
wc_mseries_equal(const wc_mseries_t a, const wc_mseries_t b)
{
    slong i;

    if (a->nvars != b->nvars || a->length != b->length)
        return 0;
    for (i = 0; i < a->length; i++)
        if (!fmpq_equal(a->coeffs + i, b->coeffs + i)
            || cmp_exps(a->exps + i * a->nvars, b->exps + i * b->nvars,
                        a->nvars) != 0)
            return 0;
    return 1;
}

void
wc_mseries_evaluate_fmpq(fmpq_t v, const wc_mseries_t s,
                         const ulong * widths)
{
    fmpq_t t;
    fmpz_t p;
    slong i, j;

    fmpq_init(t);
    fmpz_init(p);
    fmpq_zero(v);
    for (i = 0; i < s->length; i++)
    {
        fmpq_set(t, s->coeffs + i);
        for (j = 0; j < s->nvars; j++)
        {
            slong e = s->exps[i * s->nvars + j];

            fmpz_set_ui(p, widths[j]);
            fmpz_pow_ui(p, p, FLINT_ABS(e));
            if (e >= 0)
                fmpq_mul_fmpz(t, t, p);
            else
                fmpq_div_fmpz(t, t, p);
        }
        fmpq_add(v, v, t);
    }
    fmpz_clear(p);
    fmpq_clear(t);
}

void
wc_mseries_get_series(wc_series_t res, const wc_mseries_t s)
{
    slong i, j;

    wc_series_zero(res);
    for (i = 0; i < s->length; i++)
    {
        slong d = 0;

        for (j = 0; j < s->nvars; j++)
            d += s->exps[i * s->nvars + j];
        wc_series_add_term_fmpq(res, d, s->coeffs + i);
    }
    wc_series_normalise(res);
}

void
wc_mseries_print_buf(wc_buf_t buf, const wc_mseries_t s)
{
    fmpq_t c;
    slong i, j;

    if (s->length == 0)
    {
        wc_buf_puts(buf, "0");
        return;
    }
    fmpq_init(c);
    for (i = 0; i < s->length; i++)
    {
        const slong * e = s->exps + i * s->nvars;
        int constant = 1, first_factor = 1;

        for (j = 0; j < s->nvars; j++)
            constant &= (e[j] == 0);
        fmpq_set(c, s->coeffs + i);
        if (i > 0)
        {
            wc_buf_puts(buf, fmpq_sgn(c) < 0 ? " - " : " + ");
            fmpq_abs(c, c);
        }
        if (constant || !fmpq_is_one(c))
        {
            if (!constant && fmpz_equal_si(fmpq_numref(c), -1)
                && fmpz_is_one(fmpq_denref(c)))
                wc_buf_putc(buf, '-');
            else
            {
                wc_buf_put_fmpq(buf, c);
                first_factor = constant;
            }
        }
        for (j = 0; j < s->nvars; j++)
        {
            if (e[j] == 0)
                continue;
            if (!first_factor)
                wc_buf_putc(buf, ' ');
            first_factor = 0;
            if (e[j] == 1)
                wc_buf_printf(buf, "n%ld", (long) j + 1);
            else
                wc_buf_printf(buf, "n%ld^%ld", (long) j + 1, (long) e[j]);
        }
    }
    fmpq_clear(c);
}
