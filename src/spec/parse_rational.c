#include <ctype.h>
#include <string.h>

#include "weakcorr/spec.h"

/* Decimal exponents beyond this are refused: 10^100000 is no width-scaling
   input anyone means, and it would cost megabytes to hold exactly. */
#define WC_MAX_DECIMAL_EXPONENT 1000
#define WC_MAX_DIGITS 1000

static slong
wc_count_digits(const char * s)
{
    slong n = 0;

    while (isdigit((unsigned char) s[n]))
        n++;
    return n;
}

wc_status
wc_parse_rational(fmpq_t x, slong * len, const char * text, wc_error_t err)
{
    const char * s = text;
    slong i = 0, nint, nfrac = 0, e = 0;
    int neg = 0;
    fmpz_t num, den, t;
    char * digits;
    wc_status status = WC_OK;

    if (s[i] == '+' || s[i] == '-')
        neg = (s[i++] == '-');

    nint = wc_count_digits(s + i);
    if (nint == 0 && !(s[i] == '.' && isdigit((unsigned char) s[i + 1])))
        return wc_error_set(err, WC_ERR_PARSE, i, "expected a number");

    /* Integer and fractional digits, gathered into one digit string. */
    digits = flint_malloc(strlen(s) + 1);
    memcpy(digits, s + i, nint);
    i += nint;
    if (s[i] == '.')
    {
        i++;
        nfrac = wc_count_digits(s + i);
        memcpy(digits + nint, s + i, nfrac);
        i += nfrac;
    }
    digits[nint + nfrac] = '\0';

    if (nint + nfrac > WC_MAX_DIGITS)
    {
        flint_free(digits);
        return wc_error_set(err, WC_ERR_PARSE, 0,
                            "number has more than %d digits",
                            WC_MAX_DIGITS);
    }

    fmpz_init(num);
    fmpz_init(den);
    fmpz_init(t);
    fmpz_set_str(num, digits, 10);
    fmpz_one(den);

    if ((s[i] == 'e' || s[i] == 'E')
        && (isdigit((unsigned char) s[i + 1])
            || ((s[i + 1] == '+' || s[i + 1] == '-')
                && isdigit((unsigned char) s[i + 2]))))
    {
        slong j = i + 1, ne;
        int eneg = 0;

        if (s[j] == '+' || s[j] == '-')
            eneg = (s[j++] == '-');
        ne = wc_count_digits(s + j);
        if (ne > 4 || (e = strtol(s + j, NULL, 10)) > WC_MAX_DECIMAL_EXPONENT)
        {
            status = wc_error_set(err, WC_ERR_PARSE, i,
                "decimal exponent beyond %d", WC_MAX_DECIMAL_EXPONENT);
            goto cleanup;
        }
        if (eneg)
            e = -e;
        i = j + ne;
    }

    e -= nfrac;
    if (s[i] == '/')
    {
        slong nden;

        if (nfrac > 0 || e != 0)
        {
            status = wc_error_set(err, WC_ERR_PARSE, i,
                "a fraction p/q takes integers p and q");
            goto cleanup;
        }
        nden = wc_count_digits(s + i + 1);
        if (nden == 0)
        {
            status = wc_error_set(err, WC_ERR_PARSE, i + 1,
                                  "expected a denominator after '/'");
            goto cleanup;
        }
        if (nden > WC_MAX_DIGITS)
        {
            status = wc_error_set(err, WC_ERR_PARSE, i + 1,
                "denominator has more than %d digits", WC_MAX_DIGITS);
            goto cleanup;
        }
        memcpy(digits, s + i + 1, nden);
        digits[nden] = '\0';
        fmpz_set_str(den, digits, 10);
        if (fmpz_is_zero(den))
        {
            status = wc_error_set(err, WC_ERR_PARSE, i + 1,
                                  "zero denominator");
            goto cleanup;
        }
        i += 1 + nden;
    }

    if (e > 0)
    {
        fmpz_set_ui(t, 10);
        fmpz_pow_ui(t, t, e);
        fmpz_mul(num, num, t);
    }
    else if (e < 0)
    {
        fmpz_set_ui(t, 10);
        fmpz_pow_ui(t, t, -e);
        fmpz_mul(den, den, t);
    }
    if (neg)
        fmpz_neg(num, num);
    fmpq_set_fmpz_frac(x, num, den);
    *len = i;

cleanup:
    flint_free(digits);
    fmpz_clear(num);
    fmpz_clear(den);
    fmpz_clear(t);
    return status;
}
