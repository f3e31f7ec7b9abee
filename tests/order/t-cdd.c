/* Orders of C^{D,d}, against the closed forms derived by hand in
   doc/order.md:
     E[(C^{0,d})^2]: two clusters of size d+1, so s = 1 - d for odd d and
       s = -d for even d, and |C^{0,d}| = O(n^(s/2));
     E[|C^{D,d}|^2], D >= 1: one cluster of size 2d+2, s = -d, and
       |C^{D,d}| = O(n^(-d/2));
     E[C^{0,d}] = O(n^((1-d)/2)) for odd d and zero for even d. */

#include "testutil.h"

int
main(void)
{
    wc_test_t t;
    wc_order_t x;
    fmpq_t e;
    slong D, d;

    wc_test_init(t, "t-cdd");
    wc_order_init(x);
    fmpq_init(e);

    for (D = 0; D <= 6; D++)
        for (d = 0; d <= 12; d++)
        {
            if (D + d == 0)
                continue;
            wc_order_cdd(x, D, d);
            if (D == 0)
                fmpq_set_si(e, (d % 2 == 1) ? 1 - d : -d, 2);
            else
                fmpq_set_si(e, -d, 2);
            WC_CHECK(t, !wc_order_is_zero(x) && fmpq_equal(x->exp, e)
                     && !wc_order_is_tight(x),
                     "|C^{%ld,%ld}| = O(n^%s)", (long) D, (long) d,
                     fmpq_get_str(NULL, 10, x->exp));
        }

    for (d = 0; d <= 12; d++)
    {
        wc_order_cdd_mean(x, d);
        if (d % 2 == 0)
            WC_CHECK(t, wc_order_is_zero(x), "E[C^{0,%ld}] = 0", (long) d);
        else
        {
            fmpq_set_si(e, 1 - d, 2);
            WC_CHECK(t, !wc_order_is_zero(x) && fmpq_equal(x->exp, e),
                     "E[C^{0,%ld}]", (long) d);
        }
    }

    /* The NTK is O(1) and the first correction dTheta/dt ~ C^{0,2} is
       O(1/n): the statements the weak-correlation rate is built on. */
    wc_order_cdd(x, 0, 1);
    WC_CHECK(t, fmpq_is_zero(x->exp), "Theta = O(1)");
    wc_order_cdd(x, 0, 2);
    WC_CHECK(t, fmpz_equal_si(fmpq_numref(x->exp), -1)
             && fmpz_is_one(fmpq_denref(x->exp)), "C^{0,2} = O(1/n)");

    /* The typical size of one sample of C[0,d] is the order of
       |C^{0,d}|. */
    {
        wc_spec_t spec, sq;
        wc_error_t err;
        wc_order_t y;

        wc_spec_init(spec);
        wc_spec_init(sq);
        wc_order_init(y);
        for (d = 1; d <= 8; d++)
        {
            char text[32];

            snprintf(text, sizeof(text), "C[0,%ld]", (long) d);
            wc_spec_parse(spec, text, err);
            WC_CHECK(t, wc_order_typical(x, spec), "typical of %s", text);
            wc_order_cdd(y, 0, d);
            WC_CHECK(t, fmpq_equal(x->exp, y->exp), "typical %s", text);
        }

        /* X X' of a spec with a label and a coefficient. */
        wc_spec_parse(spec, "2 f_a(x1) f_a f", err);
        wc_spec_square(sq, spec);
        wc_spec_parse(spec, "4 f_a(x1) f_a f f_b(x1) f_b f", err);
        WC_CHECK(t, wc_spec_equal(sq, spec), "wc_spec_square");

        /* Connected specs have no per-sample value. */
        wc_spec_parse(spec, "var(ntk)", err);
        WC_CHECK(t, !wc_order_typical(x, spec), "no typical cumulant");

        wc_order_clear(y);
        wc_spec_clear(spec);
        wc_spec_clear(sq);
    }

    /* The rates the bounds guarantee: fixed m = n (the paper's FCNN
       result: C^{0,2}, C^{0,3} = O(1/n), C^{1,1} = O(n^-1/2)); in the
       exponential sense C^{0,3} = O(n^-1) allows only m = n^(2/3). */
    {
        fmpq_t kf, ke;

        fmpq_init(kf);
        fmpq_init(ke);
        for (d = 3; d <= 8; d++)
        {
            wc_order_weak_rate(kf, ke, d);
            WC_CHECK(t, fmpz_is_one(fmpq_numref(kf))
                     && fmpz_is_one(fmpq_denref(kf)), "k_fixed = 1 (%ld)",
                     (long) d);
            fmpq_set_si(e, 2, 3);
            WC_CHECK(t, fmpq_equal(ke, e), "k_exp at dmax %ld", (long) d);
        }
        fmpq_clear(kf);
        fmpq_clear(ke);
    }

    fmpq_clear(e);
    wc_order_clear(x);
    return wc_test_finish(t);
}
