/* wc_series: arithmetic against evaluation at integer widths, leading
   powers, printing, and balls against exact coefficients. */

#include <string.h>

#include "testutil.h"

static void
random_series(wc_series_t s, wc_test_t t)
{
    slong k, terms = wc_test_randint(t, 0, 5);
    fmpq_t c;

    fmpq_init(c);
    wc_series_zero(s);
    for (k = 0; k < terms; k++)
    {
        fmpq_randtest(c, t->state, 20);
        wc_series_add_term_fmpq(s, wc_test_randint(t, -6, 4), c);
    }
    wc_series_normalise(s);
    fmpq_clear(c);
}

int
main(void)
{
    wc_test_t t;
    wc_series_t a, b, c, d;
    fmpq_t x, y, z;
    arb_t v;
    wc_buf_t buf;
    slong k, n, lead;

    wc_test_init(t, "t-series");
    wc_series_init(a);
    wc_series_init(b);
    wc_series_init(c);
    wc_series_init(d);
    fmpq_init(x);
    fmpq_init(y);
    fmpq_init(z);
    arb_init(v);
    wc_buf_init(buf);

    /* 2 - 4 n^-1, the variance-of-NTK shape. */
    fmpq_set_si(x, 2, 1);
    wc_series_add_term_fmpq(a, 0, x);
    fmpq_set_si(x, -4, 1);
    wc_series_add_term_fmpq(a, -1, x);
    wc_series_print_buf(buf, a, 10);
    WC_CHECK(t, strcmp(buf->str, "2 - 4 n^-1") == 0, "printed '%s'",
             buf->str);
    WC_CHECK(t, wc_series_leading_power(&lead, a) == 1 && lead == 0,
             "leading power 0");
    wc_series_evaluate_fmpq(x, a, 4);
    WC_CHECK(t, fmpz_equal_si(fmpq_numref(x), 1)
             && fmpz_is_one(fmpq_denref(x)), "value at n = 4 is 1");

    wc_series_zero(b);
    fmpq_set_si(x, -1, 3);
    wc_series_add_term_fmpq(b, 2, x);
    fmpq_set_si(x, 1, 1);
    wc_series_add_term_fmpq(b, 1, x);
    wc_buf_reset(buf);
    wc_series_print_buf(buf, b, 10);
    WC_CHECK(t, strcmp(buf->str, "-1/3 n^2 + n") == 0, "printed '%s'",
             buf->str);
    wc_series_zero(c);
    wc_buf_reset(buf);
    wc_series_print_buf(buf, c, 10);
    WC_CHECK(t, strcmp(buf->str, "0") == 0
             && wc_series_leading_power(&lead, c) == 0, "zero series");

    /* Ring laws through evaluation at several widths. */
    for (k = 0; k < wc_test_trials(t, 500); k++)
    {
        random_series(a, t);
        random_series(b, t);
        wc_series_add(c, a, b, 64);
        wc_series_mul(d, a, b, 64);
        for (n = 1; n <= 5; n++)
        {
            wc_series_evaluate_fmpq(x, a, n);
            wc_series_evaluate_fmpq(y, b, n);
            wc_series_evaluate_fmpq(z, c, n);
            fmpq_add(x, x, y);
            WC_CHECK(t, fmpq_equal(x, z), "(a + b)(%ld)", (long) n);
            wc_series_evaluate_fmpq(x, a, n);
            wc_series_evaluate_fmpq(z, d, n);
            fmpq_mul(x, x, y);
            WC_CHECK(t, fmpq_equal(x, z), "(a b)(%ld)", (long) n);
        }

        /* Aliasing. */
        wc_series_set(c, a);
        wc_series_mul(c, c, b, 64);
        WC_CHECK(t, wc_series_equal(c, d), "aliased mul");

        /* Balls contain the exact values, and overlap themselves. */
        wc_series_set(c, d);
        wc_series_to_balls(c, 20);
        WC_CHECK(t, wc_series_contains(c, d) && wc_series_overlaps(c, c),
                 "balls contain exact coefficients");
        wc_series_evaluate_arb(v, c, 3, 20);
        wc_series_evaluate_fmpq(x, d, 3);
        WC_CHECK(t, arb_contains_fmpq(v, x), "ball evaluation");

        /* Leading power of a product is the sum of the leading powers. */
        if (!wc_series_is_zero(a) && !wc_series_is_zero(b))
        {
            slong la, lb, ld;

            wc_series_leading_power(&la, a);
            wc_series_leading_power(&lb, b);
            WC_CHECK(t, wc_series_leading_power(&ld, d) == 1
                     && ld == la + lb, "leading power of a product");
        }
    }

    /* A ball straddling zero at the top leaves the leading power open. */
    wc_series_zero(a);
    wc_series_to_balls(a, 64);
    arb_set_si(v, 3);
    wc_series_add_term_arb(a, -1, v, 64);
    arb_zero_pm_one(v);
    wc_series_add_term_arb(a, 0, v, 64);
    WC_CHECK(t, wc_series_leading_power(&lead, a) == -1 && lead == -1,
             "undecided leading power");

    wc_buf_clear(buf);
    arb_clear(v);
    fmpq_clear(x);
    fmpq_clear(y);
    fmpq_clear(z);
    wc_series_clear(a);
    wc_series_clear(b);
    wc_series_clear(c);
    wc_series_clear(d);
    return wc_test_finish(t);
}
