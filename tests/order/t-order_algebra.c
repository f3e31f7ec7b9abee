/* The algebra of orders: products, sums, powers, moments, comparison and
   printing, against the rules of doc/order.md. */

#include <string.h>

#include "testutil.h"

static void
check_str(wc_test_t t, const wc_order_t x, const char * expected)
{
    char * s = wc_order_get_str(x);

    WC_CHECK(t, strcmp(s, expected) == 0, "printed '%s', expected '%s'", s,
             expected);
    wc_free(s);
}

int
main(void)
{
    wc_test_t t;
    wc_order_t x, y, z, w;
    fmpq_t e;
    slong k;

    wc_test_init(t, "t-order_algebra");
    wc_order_init(x);
    wc_order_init(y);
    wc_order_init(z);
    wc_order_init(w);
    fmpq_init(e);

    wc_order_set_si(x, -1, 2, 1);
    check_str(t, x, "Theta(n^(-1/2))");
    wc_order_set_si(x, -1, 1, 0);
    check_str(t, x, "O(n^-1)");
    wc_order_set_si(x, 0, 1, 0);
    check_str(t, x, "O(1)");
    wc_order_set_si(x, 1, 1, 1);
    check_str(t, x, "Theta(n)");
    wc_order_set_si(x, 3, 2, 0);
    check_str(t, x, "O(n^(3/2))");
    wc_order_zero(x);
    check_str(t, x, "0");

    /* Products and contractions add exponents and are never tight. */
    wc_order_set_si(x, -1, 2, 1);
    wc_order_set_si(y, -1, 1, 1);
    wc_order_mul(z, x, y);
    check_str(t, z, "O(n^(-3/2))");
    wc_order_zero(w);
    wc_order_mul(z, x, w);
    WC_CHECK(t, wc_order_is_zero(z), "x * 0 = 0");

    /* Deterministic factors keep tightness. */
    fmpq_set_si(e, 1, 1);
    wc_order_mul_n_pow(z, x, e);
    check_str(t, z, "Theta(n^(1/2))");

    /* Sums: the larger term wins; tight only if strictly larger. */
    wc_order_add(z, x, y);
    check_str(t, z, "Theta(n^(-1/2))");
    wc_order_set_si(y, -1, 2, 1);
    wc_order_add(z, x, y);
    check_str(t, z, "O(n^(-1/2))");
    wc_order_set_si(y, 0, 1, 0);
    wc_order_add(z, x, y);
    check_str(t, z, "O(1)");
    wc_order_zero(w);
    wc_order_add(z, w, x);
    check_str(t, z, "Theta(n^(-1/2))");

    /* Powers keep tightness; the zeroth power is 1. */
    wc_order_pow_ui(z, x, 3);
    check_str(t, z, "Theta(n^(-3/2))");
    wc_order_pow_ui(z, x, 0);
    check_str(t, z, "Theta(1)");

    /* Markov: E[X^2] = O(n^-1) gives X = O(n^-1/2). */
    wc_order_set_si(y, -1, 1, 1);
    wc_order_from_moment(z, y, 2);
    check_str(t, z, "O(n^(-1/2))");
    wc_order_from_moment(z, w, 2);
    WC_CHECK(t, wc_order_is_zero(z), "moment of zero");

    /* Comparison is the containment of classes. */
    wc_order_set_si(x, -1, 1, 0);
    wc_order_set_si(y, -1, 2, 1);
    WC_CHECK(t, wc_order_cmp(x, y) < 0 && wc_order_cmp(y, x) > 0
             && wc_order_cmp(x, x) == 0, "cmp of exponents");
    WC_CHECK(t, wc_order_cmp(w, x) < 0 && wc_order_cmp(x, w) > 0
             && wc_order_cmp(w, w) == 0, "zero precedes everything");

    /* Random checks of the laws: mul is commutative and additive in the
       exponent; add is the maximum; cmp is consistent with add. */
    for (k = 0; k < wc_test_trials(t, 1000); k++)
    {
        wc_order_set_si(x, wc_test_randint(t, -20, 20),
                        wc_test_randint(t, 1, 6), n_randint(t->state, 2));
        wc_order_set_si(y, wc_test_randint(t, -20, 20),
                        wc_test_randint(t, 1, 6), n_randint(t->state, 2));
        if (n_randint(t->state, 10) == 0)
            wc_order_zero(y);

        wc_order_mul(z, x, y);
        wc_order_mul(w, y, x);
        WC_CHECK(t, wc_order_cmp(z, w) == 0, "mul commutes");
        if (!wc_order_is_zero(y))
        {
            fmpq_add(e, x->exp, y->exp);
            WC_CHECK(t, fmpq_equal(e, z->exp), "mul adds exponents");
        }

        wc_order_add(z, x, y);
        WC_CHECK(t, wc_order_cmp(z, x) >= 0 && wc_order_cmp(z, y) >= 0
                 && (wc_order_cmp(z, x) == 0 || wc_order_cmp(z, y) == 0),
                 "add is the maximum");
    }

    fmpq_clear(e);
    wc_order_clear(x);
    wc_order_clear(y);
    wc_order_clear(z);
    wc_order_clear(w);
    return wc_test_finish(t);
}
