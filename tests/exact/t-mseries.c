/* wc_mseries: term order, cancellation, printing, evaluation and the
   univariate restriction, against direct evaluation at integer widths. */

#include <string.h>

#include "testutil.h"

static void
random_mseries(wc_mseries_t s, wc_test_t t, slong nvars)
{
    slong k, terms = wc_test_randint(t, 0, 6), e[4], j;
    fmpq_t c;

    fmpq_init(c);
    wc_mseries_clear(s);
    wc_mseries_init(s, nvars);
    for (k = 0; k < terms; k++)
    {
        for (j = 0; j < nvars; j++)
            e[j] = wc_test_randint(t, -3, 2);
        fmpq_randtest(c, t->state, 10);
        wc_mseries_add_term(s, e, c);
    }
    fmpq_clear(c);
}

int
main(void)
{
    wc_test_t t;
    wc_mseries_t a, b;
    wc_series_t u;
    wc_buf_t buf;
    fmpq_t c, x, y;
    slong e[4], k, j;
    ulong w[4];

    wc_test_init(t, "t-mseries");
    wc_mseries_init(a, 3);
    wc_mseries_init(b, 3);
    wc_series_init(u);
    wc_buf_init(buf);
    fmpq_init(c);
    fmpq_init(x);
    fmpq_init(y);

    /* 3 (1 + 2/n1)(1 + 2/n2) built in a scrambled order */
    wc_mseries_clear(a);
    wc_mseries_init(a, 2);
    e[0] = -1; e[1] = -1; fmpq_set_si(c, 12, 1);
    wc_mseries_add_term(a, e, c);
    e[0] = 0; e[1] = -1; fmpq_set_si(c, 6, 1);
    wc_mseries_add_term(a, e, c);
    e[0] = 0; e[1] = 0; fmpq_set_si(c, 3, 1);
    wc_mseries_add_term(a, e, c);
    e[0] = -1; e[1] = 0; fmpq_set_si(c, 6, 1);
    wc_mseries_add_term(a, e, c);
    wc_mseries_print_buf(buf, a);
    WC_CHECK(t, strcmp(buf->str, "3 + 6 n1^-1 + 6 n2^-1 + 12 n1^-1 n2^-1")
             == 0, "printed '%s'", buf->str);
    wc_mseries_get_series(u, a);
    wc_buf_reset(buf);
    wc_series_print_buf(buf, u, 10);
    WC_CHECK(t, strcmp(buf->str, "3 + 12 n^-1 + 12 n^-2") == 0,
             "univariate '%s'", buf->str);

    /* cancellation removes the term; signs and unit coefficients print */
    e[0] = -1; e[1] = -1; fmpq_set_si(c, -12, 1);
    wc_mseries_add_term(a, e, c);
    e[0] = 1; e[1] = 0; fmpq_set_si(c, -1, 1);
    wc_mseries_add_term(a, e, c);
    e[0] = 0; e[1] = 1; fmpq_set_si(c, 1, 2);
    wc_mseries_add_term(a, e, c);
    wc_buf_reset(buf);
    wc_mseries_print_buf(buf, a);
    WC_CHECK(t, strcmp(buf->str, "-n1 + 1/2 n2 + 3 + 6 n1^-1 + 6 n2^-1")
             == 0, "printed '%s'", buf->str);
    WC_CHECK(t, a->length == 5, "length %ld", (long) a->length);
    wc_mseries_clear(a);
    wc_mseries_init(a, 2);
    wc_buf_reset(buf);
    wc_mseries_print_buf(buf, a);
    WC_CHECK(t, strcmp(buf->str, "0") == 0, "zero prints as 0");

    /* sums agree with values, in any order of insertion */
    for (k = 0; k < wc_test_trials(t, 300); k++)
    {
        slong nv = wc_test_randint(t, 1, 3);

        random_mseries(a, t, nv);
        random_mseries(b, t, nv);
        for (j = 0; j < nv; j++)
            w[j] = (ulong) wc_test_randint(t, 1, 9);
        wc_mseries_evaluate_fmpq(x, a, w);
        wc_mseries_evaluate_fmpq(y, b, w);
        fmpq_add(x, x, y);
        for (j = 0; j < b->length; j++)
            wc_mseries_add_term(a, b->exps + j * nv, b->coeffs + j);
        wc_mseries_evaluate_fmpq(y, a, w);
        WC_CHECK(t, fmpq_equal(x, y), "sum and evaluation");
        for (j = 0; j + 1 < a->length; j++)
            WC_CHECK(t, !fmpq_is_zero(a->coeffs + j), "no zero terms");

        /* the univariate restriction at n equals the value there */
        for (j = 0; j < nv; j++)
            w[j] = 5;
        wc_mseries_evaluate_fmpq(x, a, w);
        wc_mseries_get_series(u, a);
        wc_series_evaluate_fmpq(y, u, 5);
        WC_CHECK(t, fmpq_equal(x, y), "univariate restriction");

        /* rebuilding b term by term in reverse gives an equal object */
        wc_mseries_clear(a);
        wc_mseries_init(a, nv);
        for (j = b->length - 1; j >= 0; j--)
            wc_mseries_add_term(a, b->exps + j * nv, b->coeffs + j);
        WC_CHECK(t, wc_mseries_equal(a, b), "order independent");
    }

    fmpq_clear(c);
    fmpq_clear(x);
    fmpq_clear(y);
    wc_buf_clear(buf);
    wc_series_clear(u);
    wc_mseries_clear(a);
    wc_mseries_clear(b);
    return wc_test_finish(t);
}
