/* Every failure of the gauss expectation functions: bad factors, a
   covariance that is not positive semidefinite (exact and balls), a
   nearly singular ball covariance, exact values asked of a transcendental
   activation, ranks beyond the closed forms and the integration route,
   and the integration route asked of relu. */

#include <string.h>

#include <flint/fmpq_mat.h>

#include "testutil.h"

int
main(void)
{
    wc_test_t t;
    wc_gauss_act_t tanh_act, relu, lin, sin_act, erf_act;
    fmpq_mat_t S2, S3, S1;
    arb_mat_t A2;
    arb_t r;
    fmpq_t q;
    wc_error_t err;
    slong v01[3] = {0, 1, 2}, d00[3] = {0, 0, 0}, d11[3] = {1, 1, 1};
    slong bad[1] = {5};
    slong neg[1] = {-1};
    wc_status st;

    wc_test_init(t, "t-expect_errors");
    wc_gauss_act_init(tanh_act, WC_ACT_TANH);
    wc_gauss_act_init(relu, WC_ACT_RELU);
    wc_gauss_act_init(lin, WC_ACT_LINEAR);
    wc_gauss_act_init(sin_act, WC_ACT_SIN);
    wc_gauss_act_init(erf_act, WC_ACT_ERF);
    fmpq_mat_init(S1, 1, 1);
    fmpq_mat_init(S2, 2, 2);
    fmpq_mat_init(S3, 3, 3);
    arb_mat_init(A2, 2, 2);
    arb_init(r);
    fmpq_init(q);

    fmpq_one(fmpq_mat_entry(S1, 0, 0));

    /* a variable out of range, a negative order */
    wc_error_init(err);
    st = wc_gauss_expect(r, tanh_act, bad, d00, 1, S1, 64, err);
    WC_CHECK(t, st == WC_ERR_RANGE && strstr(err->msg, "variable") != NULL,
             "variable out of range: %d %s", st, err->msg);
    wc_error_init(err);
    st = wc_gauss_expect_fmpq(q, lin, v01, neg, 1, S1, err);
    WC_CHECK(t, st == WC_ERR_RANGE && strstr(err->msg, "negative") != NULL,
             "negative order: %d %s", st, err->msg);

    /* not positive semidefinite: c^2 > q1 q2 */
    fmpq_set_si(fmpq_mat_entry(S2, 0, 0), 1, 1);
    fmpq_set_si(fmpq_mat_entry(S2, 1, 1), 1, 1);
    fmpq_set_si(fmpq_mat_entry(S2, 0, 1), 2, 1);
    fmpq_set_si(fmpq_mat_entry(S2, 1, 0), 2, 1);
    wc_error_init(err);
    st = wc_gauss_expect_fmpq(q, lin, v01, d00, 2, S2, err);
    WC_CHECK(t, st == WC_ERR_RANGE
             && strstr(err->msg, "positive semidefinite") != NULL,
             "indefinite (exact): %d %s", st, err->msg);
    wc_error_init(err);
    st = wc_gauss_expect(r, tanh_act, v01, d00, 2, S2, 64, err);
    WC_CHECK(t, st == WC_ERR_RANGE, "indefinite (tanh): %d %s", st,
             err->msg);
    /* a zero variance with a nonzero covariance */
    fmpq_zero(fmpq_mat_entry(S2, 0, 0));
    wc_error_init(err);
    st = wc_gauss_expect(r, erf_act, v01, d00, 2, S2, 64, err);
    WC_CHECK(t, st == WC_ERR_RANGE, "zero pivot, nonzero column: %d %s", st,
             err->msg);

    /* balls: indefinite, and too close to singular to decide */
    arb_one(arb_mat_entry(A2, 0, 0));
    arb_one(arb_mat_entry(A2, 1, 1));
    arb_set_si(arb_mat_entry(A2, 0, 1), 3);
    arb_set_si(arb_mat_entry(A2, 1, 0), 3);
    wc_error_init(err);
    st = wc_gauss_expect_arb_cov(r, erf_act, v01, d00, 2, A2, 64, err);
    WC_CHECK(t, st == WC_ERR_RANGE, "indefinite balls: %d %s", st, err->msg);
    arb_one(arb_mat_entry(A2, 0, 1));
    mag_set_ui_2exp_si(arb_radref(arb_mat_entry(A2, 0, 1)), 1, -10);
    arb_set(arb_mat_entry(A2, 1, 0), arb_mat_entry(A2, 0, 1));
    wc_error_init(err);
    st = wc_gauss_expect_arb_cov(r, erf_act, v01, d00, 2, A2, 64, err);
    WC_CHECK(t, st == WC_ERR_RANGE && strstr(err->msg, "precision") != NULL,
             "undecidable rank: %d %s", st, err->msg);

    /* exact values of a transcendental activation */
    wc_error_init(err);
    st = wc_gauss_expect_fmpq(q, tanh_act, v01, d00, 1, S1, err);
    WC_CHECK(t, st == WC_ERR_UNSUPPORTED, "exact tanh: %d %s", st, err->msg);

    /* rank 3: relu (closed forms cover rank <= 1 or two variables) and
       the integration route (at most WC_GAUSS_MAX_RANK levels) */
    fmpq_one(fmpq_mat_entry(S3, 0, 0));
    fmpq_one(fmpq_mat_entry(S3, 1, 1));
    fmpq_one(fmpq_mat_entry(S3, 2, 2));
    fmpq_set_si(fmpq_mat_entry(S3, 0, 1), 1, 3);
    fmpq_set_si(fmpq_mat_entry(S3, 1, 0), 1, 3);
    wc_error_init(err);
    st = wc_gauss_expect(r, relu, v01, d00, 3, S3, 64, err);
    WC_CHECK(t, st == WC_ERR_UNSUPPORTED && strstr(err->msg, "relu") != NULL,
             "relu rank 3: %d %s", st, err->msg);
    wc_error_init(err);
    st = wc_gauss_expect(r, tanh_act, v01, d11, 3, S3, 64, err);
    WC_CHECK(t, st == WC_ERR_UNSUPPORTED && strstr(err->msg, "rank") != NULL,
             "tanh rank 3: %d %s", st, err->msg);
    /* sin has an exact formula at any rank */
    wc_error_init(err);
    st = wc_gauss_expect(r, sin_act, v01, d00, 3, S3, 64, err);
    WC_CHECK(t, st == WC_OK, "sin rank 3: %d %s", st, err->msg);

    /* the integration route is for analytic activations only */
    arb_mat_one(A2);
    wc_error_init(err);
    st = wc_gauss_expect_quad(r, relu, v01, d00, 2, A2, 64, err);
    WC_CHECK(t, st == WC_ERR_UNSUPPORTED, "quad relu: %d %s", st, err->msg);

    wc_gauss_act_clear(tanh_act);
    wc_gauss_act_clear(relu);
    wc_gauss_act_clear(lin);
    wc_gauss_act_clear(sin_act);
    wc_gauss_act_clear(erf_act);
    fmpq_mat_clear(S1);
    fmpq_mat_clear(S2);
    fmpq_mat_clear(S3);
    arb_mat_clear(A2);
    arb_clear(r);
    fmpq_clear(q);
    return wc_test_finish(t);
}
