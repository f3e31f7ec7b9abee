/* Balls across precisions: for every activation and random products of
   derivatives (one variable, and two variables where the method is fast
   enough), the ball at the higher precision must be narrower and overlap
   the ball at the lower one, and its radius must be near 2^-prec. */

#include <flint/fmpq_mat.h>

#include "testutil.h"

int
main(void)
{
    wc_test_t t;
    fmpq_mat_t S;
    arb_t lo, hi;
    wc_error_t err;
    slong var[6], der[6], trial, k;
    static const wc_act_kind kinds[] =
    {
        WC_ACT_TANH, WC_ACT_ERF, WC_ACT_SIGMOID, WC_ACT_GELU, WC_ACT_SIN,
        WC_ACT_SOFTPLUS, WC_ACT_RELU, WC_ACT_LINEAR
    };

    wc_test_init(t, "t-expect_prec");
    arb_init(lo);
    arb_init(hi);
    wc_error_init(err);

    for (trial = 0; trial < wc_test_trials(t, 48); trial++)
    {
        wc_act_kind kind = kinds[trial % 8];
        wc_gauss_act_t act;
        slong len = wc_test_randint(t, 1, 4), d;
        slong p1 = 64, p2 = 160;
        /* two variables only where a closed form or a cheap integral
           applies */
        int two = (kind == WC_ACT_SIN || kind == WC_ACT_RELU
                   || kind == WC_ACT_LINEAR) ? 1 : (trial % 16 == 0);

        d = two ? 2 : 1;
        if (d == 2 && kind != WC_ACT_SIN && kind != WC_ACT_RELU
            && kind != WC_ACT_LINEAR)
        {
            p1 = 24;
            p2 = 40;
            len = 2;
        }
        fmpq_mat_init(S, d, d);
        fmpq_set_si(fmpq_mat_entry(S, 0, 0), wc_test_randint(t, 1, 8), 4);
        if (d == 2)
        {
            fmpq_set_si(fmpq_mat_entry(S, 1, 1), wc_test_randint(t, 2, 8),
                        4);
            fmpq_set_si(fmpq_mat_entry(S, 0, 1), wc_test_randint(t, -1, 1),
                        4);
            fmpq_set(fmpq_mat_entry(S, 1, 0), fmpq_mat_entry(S, 0, 1));
        }
        for (k = 0; k < len; k++)
        {
            var[k] = wc_test_randint(t, 0, d - 1);
            der[k] = wc_test_randint(t, 0, kind == WC_ACT_RELU ? 1 : 3);
        }
        wc_gauss_act_init(act, kind);
        WC_CHECK(t, wc_gauss_expect(lo, act, var, der, len, S, p1, err)
                    == WC_OK && wc_gauss_expect(hi, act, var, der, len, S,
                                                p2, err) == WC_OK,
                 "%s failed: %s", wc_act_name(kind), err->msg);
        WC_CHECK(t, arb_overlaps(lo, hi), "%s: balls at %ld and %ld bits "
                 "are disjoint", wc_act_name(kind), (long) p1, (long) p2);
        if (arb_is_exact(lo))
            WC_CHECK(t, arb_equal(lo, hi) || arb_contains(lo, hi),
                     "%s: exact at %ld bits but not at %ld",
                     wc_act_name(kind), (long) p1, (long) p2);
        else
        {
            /* rad <= 2^-(p - 24) (1 + |value|) */
            mag_t bound;

            mag_init(bound);
            arb_get_mag(bound, hi);
            mag_add_ui(bound, bound, 1);
            mag_mul_2exp_si(bound, bound, 24 - p2);
            WC_CHECK(t, mag_cmp(arb_radref(hi), arb_radref(lo)) < 0
                     && mag_cmp(arb_radref(hi), bound) <= 0,
                     "%s: %s at %ld bits, %s at %ld bits",
                     wc_act_name(kind), arb_get_str(lo, 10, 0), (long) p1,
                     arb_get_str(hi, 10, 0), (long) p2);
            mag_clear(bound);
        }
        wc_gauss_act_clear(act);
        fmpq_mat_clear(S);
    }

    arb_clear(lo);
    arb_clear(hi);
    return wc_test_finish(t);
}
