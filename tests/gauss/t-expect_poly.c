/* Exact Gaussian expectations of polynomial activations: hand-computed
   moments (Isserlis' theorem), the exact LDL route against the ball route
   (integration by parts over exponent vectors, a second algorithm) on
   random covariances and polynomials, singular covariances against the
   merged single variable, and the structural zeros. */

#include <flint/fmpq_mat.h>

#include "testutil.h"

static void
set_cov2(fmpq_mat_t S, slong q1n, slong q1d, slong q2n, slong q2d, slong cn,
         slong cd)
{
    fmpq_set_si(fmpq_mat_entry(S, 0, 0), q1n, q1d);
    fmpq_set_si(fmpq_mat_entry(S, 1, 1), q2n, q2d);
    fmpq_set_si(fmpq_mat_entry(S, 0, 1), cn, cd);
    fmpq_set_si(fmpq_mat_entry(S, 1, 0), cn, cd);
}

/* A random Gram matrix G = X X^T / 2 of d small integer vectors in
   dimension k (positive semidefinite, singular when k < d). */
static void
random_gram(fmpq_mat_t S, wc_test_t t, slong d, slong k)
{
    slong * X = flint_malloc(d * k * sizeof(slong));
    slong i, j, l;

    for (i = 0; i < d * k; i++)
        X[i] = wc_test_randint(t, -2, 2);
    for (i = 0; i < d; i++)
        for (j = 0; j < d; j++)
        {
            slong s = 0;

            for (l = 0; l < k; l++)
                s += X[i * k + l] * X[j * k + l];
            fmpq_set_si(fmpq_mat_entry(S, i, j), s, 2);
        }
    flint_free(X);
}

int
main(void)
{
    wc_test_t t;
    wc_gauss_act_t act, lin;
    fmpq_mat_t S1, S2, S;
    arb_mat_t A;
    fmpq_t r, e, c;
    arb_t b;
    wc_error_t err;
    fmpq coefs[4];
    slong var[8], der[8], trial, i, j;

    wc_test_init(t, "t-expect_poly");
    wc_gauss_act_init(act, WC_ACT_POLY);
    wc_gauss_act_init(lin, WC_ACT_LINEAR);
    fmpq_mat_init(S1, 1, 1);
    fmpq_mat_init(S2, 2, 2);
    fmpq_init(r);
    fmpq_init(e);
    fmpq_init(c);
    arb_init(b);
    wc_error_init(err);

    /* linear: E[u^4] = 3 q^2, E[u^6] = 15 q^3 with q = 3/2 */
    fmpq_set_si(fmpq_mat_entry(S1, 0, 0), 3, 2);
    for (i = 0; i < 6; i++)
    {
        var[i] = 0;
        der[i] = 0;
    }
    wc_gauss_expect_fmpq(r, lin, var, der, 4, S1, err);
    fmpq_set_si(e, 27, 4);
    WC_CHECK(t, fmpq_equal(r, e), "E[u^4] = 3 q^2");
    wc_gauss_expect_fmpq(r, lin, var, der, 6, S1, err);
    fmpq_set_si(e, 405, 8);
    WC_CHECK(t, fmpq_equal(r, e), "E[u^6] = 15 q^3");
    wc_gauss_expect_fmpq(r, lin, var, der, 3, S1, err);
    WC_CHECK(t, fmpq_is_zero(r), "odd moment zero");
    der[0] = 1;
    wc_gauss_expect_fmpq(r, lin, var, der, 1, S1, err);
    WC_CHECK(t, fmpq_is_one(r), "E[s'] = 1 for linear");
    der[0] = 2;
    wc_gauss_expect_fmpq(r, lin, var, der, 2, S1, err);
    WC_CHECK(t, fmpq_is_zero(r), "s'' = 0 for linear");

    /* two variables: E[u1^2 u2^2] = q1 q2 + 2 c^2 */
    set_cov2(S2, 1, 1, 3, 2, 1, 3);
    var[0] = var[1] = 0;
    var[2] = var[3] = 1;
    der[0] = der[1] = der[2] = der[3] = 0;
    wc_gauss_expect_fmpq(r, lin, var, der, 4, S2, err);
    fmpq_set_si(e, 3, 2);
    fmpq_set_si(c, 2, 9);
    fmpq_add(e, e, c);
    WC_CHECK(t, fmpq_equal(r, e), "E[u1^2 u2^2]");

    /* s = x^3 - x: E[s'(u1) s'(u2)] = 9 E[u1^2 u2^2] - 3 q1 - 3 q2 + 1 */
    for (i = 0; i < 4; i++)
        fmpq_init(coefs + i);
    fmpq_set_si(coefs + 1, -1, 1);
    fmpq_set_si(coefs + 3, 1, 1);
    wc_gauss_act_set_poly(act, coefs, 4);
    var[0] = 0;
    var[1] = 1;
    der[0] = der[1] = 1;
    wc_gauss_expect_fmpq(r, act, var, der, 2, S2, err);
    fmpq_set_si(c, 31, 18);                /* q1 q2 + 2 c^2 */
    fmpq_mul_si(e, c, 9);
    fmpq_sub_si(e, e, 3);
    fmpq_set_si(c, 9, 2);
    fmpq_sub(e, e, c);
    fmpq_add_si(e, e, 1);
    WC_CHECK(t, fmpq_equal(r, e), "E[s'(u1) s'(u2)] for x^3 - x");

    /* four distinct variables: E[u1 u2 u3 u4] = c12 c34 + c13 c24 +
       c14 c23 on a Gram matrix */
    fmpq_mat_init(S, 4, 4);
    random_gram(S, t, 4, 4);
    for (i = 0; i < 4; i++)
    {
        var[i] = i;
        der[i] = 0;
    }
    wc_gauss_expect_fmpq(r, lin, var, der, 4, S, err);
    fmpq_mul(e, fmpq_mat_entry(S, 0, 1), fmpq_mat_entry(S, 2, 3));
    fmpq_mul(c, fmpq_mat_entry(S, 0, 2), fmpq_mat_entry(S, 1, 3));
    fmpq_add(e, e, c);
    fmpq_mul(c, fmpq_mat_entry(S, 0, 3), fmpq_mat_entry(S, 1, 2));
    fmpq_add(e, e, c);
    WC_CHECK(t, fmpq_equal(r, e), "Isserlis for four variables");
    fmpq_mat_clear(S);

    /* random polynomials and covariances (some singular): the exact
       route against the ball route, which must contain it */
    for (trial = 0; trial < wc_test_trials(t, 200); trial++)
    {
        slong d = wc_test_randint(t, 1, 3), len = wc_test_randint(t, 0, 5);
        slong deg = wc_test_randint(t, 0, 3);

        fmpq_mat_init(S, d, d);
        random_gram(S, t, d, wc_test_randint(t, 1, 3));
        for (i = 0; i <= deg; i++)
            fmpq_set_si(coefs + i, wc_test_randint(t, -3, 3),
                        wc_test_randint(t, 1, 3));
        wc_gauss_act_set_poly(act, coefs, deg + 1);
        for (i = 0; i < len; i++)
        {
            var[i] = wc_test_randint(t, 0, d - 1);
            der[i] = wc_test_randint(t, 0, 2);
        }
        WC_CHECK(t, wc_gauss_expect_fmpq(r, act, var, der, len, S, err)
                    == WC_OK, "exact route failed: %s", err->msg);
        arb_mat_init(A, d, d);
        for (i = 0; i < d; i++)
            for (j = 0; j < d; j++)
                arb_set_fmpq(arb_mat_entry(A, i, j), fmpq_mat_entry(S, i, j),
                             128);
        WC_CHECK(t, wc_gauss_expect_arb_cov(b, act, var, der, len, A, 128,
                                            err) == WC_OK,
                 "ball route failed: %s", err->msg);
        WC_CHECK(t, arb_contains_fmpq(b, r), "ball route misses the exact "
                 "value (trial %ld)", (long) trial);
        /* rational covariance, ball result: exact value as a ball */
        wc_gauss_expect(b, act, var, der, len, S, 64, err);
        WC_CHECK(t, arb_contains_fmpq(b, r), "wc_gauss_expect (poly)");
        arb_mat_clear(A);
        fmpq_mat_clear(S);
    }

    /* identical inputs: a singular 2 x 2 covariance equals one variable */
    set_cov2(S2, 2, 1, 2, 1, 2, 1);
    fmpq_set_si(fmpq_mat_entry(S1, 0, 0), 2, 1);
    var[0] = 0;
    var[1] = 1;
    var[2] = 1;
    der[0] = 0;
    der[1] = 1;
    der[2] = 0;
    wc_gauss_expect_fmpq(r, act, var, der, 3, S2, err);
    var[1] = var[2] = 0;
    wc_gauss_expect_fmpq(e, act, var, der, 3, S1, err);
    WC_CHECK(t, fmpq_equal(r, e), "singular covariance");

    for (i = 0; i < 4; i++)
        fmpq_clear(coefs + i);
    wc_gauss_act_clear(act);
    wc_gauss_act_clear(lin);
    fmpq_mat_clear(S1);
    fmpq_mat_clear(S2);
    fmpq_clear(r);
    fmpq_clear(e);
    fmpq_clear(c);
    arb_clear(b);
    return wc_test_finish(t);
}
