/* wc_parse_rational: exact conversion of integers, fractions and decimals,
   the length it consumes, and its errors. */

#include <string.h>

#include "testutil.h"

typedef struct
{
    const char * text;
    const char * value;   /* expected, as p/q; NULL for an error */
    slong len;            /* expected length read, or error offset */
    wc_status status;
}
rational_case;

static const rational_case cases[] =
{
    {"3", "3", 1, WC_OK},
    {"-17", "-17", 3, WC_OK},
    {"+2", "2", 2, WC_OK},
    {"1/3", "1/3", 3, WC_OK},
    {"-6/4", "-3/2", 4, WC_OK},
    {"0.25", "1/4", 4, WC_OK},
    {".5", "1/2", 2, WC_OK},
    {"2.", "2", 2, WC_OK},
    {"1e3", "1000", 3, WC_OK},
    {"1.5e-3", "3/2000", 6, WC_OK},
    {"-2.5E+2", "-250", 7, WC_OK},
    {"0.1", "1/10", 3, WC_OK},
    {"1/2x", "1/2", 3, WC_OK},
    {"4e", "4", 1, WC_OK},
    {"7,", "7", 1, WC_OK},
    {"00012", "12", 5, WC_OK},
    {"", NULL, 0, WC_ERR_PARSE},
    {"abc", NULL, 0, WC_ERR_PARSE},
    {"-", NULL, 1, WC_ERR_PARSE},
    {".", NULL, 0, WC_ERR_PARSE},
    {"1/0", NULL, 2, WC_ERR_PARSE},
    {"1/", NULL, 2, WC_ERR_PARSE},
    {"1.5/2", NULL, 3, WC_ERR_PARSE},
    {"1e5/2", NULL, 3, WC_ERR_PARSE},
    {"1e99999", NULL, 1, WC_ERR_PARSE},
    {"1e1001", NULL, 1, WC_ERR_PARSE},
};

int
main(void)
{
    wc_test_t t;
    fmpq_t x, y;
    wc_error_t err;
    slong k, len;
    char * big;

    wc_test_init(t, "t-parse_rational");
    fmpq_init(x);
    fmpq_init(y);

    for (k = 0; k < (slong) (sizeof(cases) / sizeof(cases[0])); k++)
    {
        const rational_case * c = cases + k;
        wc_status status;

        wc_error_init(err);
        len = -1;
        status = wc_parse_rational(x, &len, c->text, err);
        WC_CHECK(t, status == c->status, "'%s': status %d, expected %d",
                 c->text, status, c->status);
        if (c->value != NULL && status == WC_OK)
        {
            fmpq_set_str(y, c->value, 10);
            WC_CHECK(t, fmpq_equal(x, y) && len == c->len,
                     "'%s': read %ld characters", c->text, (long) len);
        }
        if (c->value == NULL)
            WC_CHECK(t, err->pos == c->len && strlen(err->msg) > 0,
                     "'%s': error at %ld (%s), expected at %ld", c->text,
                     (long) err->pos, err->msg, (long) c->len);
    }

    /* Round trip of random rationals through FLINT's own printing. */
    for (k = 0; k < wc_test_trials(t, 2000); k++)
    {
        char * s;

        fmpq_randtest(x, t->state, 200);
        s = fmpq_get_str(NULL, 10, x);
        WC_CHECK(t, wc_parse_rational(y, &len, s, err) == WC_OK
                 && fmpq_equal(x, y) && len == (slong) strlen(s),
                 "round trip of %s", s);
        flint_free(s);
    }

    /* Decimal a.b e c equals (ab) 10^(c - |b|), computed independently. */
    for (k = 0; k < wc_test_trials(t, 2000); k++)
    {
        slong a = wc_test_randint(t, 0, 99999), b = wc_test_randint(t, 0, 999);
        slong c = wc_test_randint(t, -40, 40), e;
        char s[64];
        fmpz_t num, p;

        snprintf(s, sizeof(s), "%ld.%03lde%ld", (long) a, (long) b, (long) c);
        fmpz_init_set_si(num, a * 1000 + b);
        fmpz_init_set_ui(p, 10);
        e = c - 3;
        fmpz_pow_ui(p, p, FLINT_ABS(e));
        if (e >= 0)
        {
            fmpz_mul(num, num, p);
            fmpz_one(p);
        }
        fmpq_set_fmpz_frac(y, num, p);
        WC_CHECK(t, wc_parse_rational(x, &len, s, err) == WC_OK
                 && fmpq_equal(x, y), "decimal %s", s);
        fmpz_clear(num);
        fmpz_clear(p);
    }

    /* Too many digits is a range error, not an enormous allocation. */
    big = flint_malloc(5000);
    memset(big, '7', 4999);
    big[4999] = '\0';
    WC_CHECK(t, wc_parse_rational(x, &len, big, err) == WC_ERR_PARSE,
             "4999 digits refused");
    flint_free(big);

    fmpq_clear(x);
    fmpq_clear(y);
    return wc_test_finish(t);
}
