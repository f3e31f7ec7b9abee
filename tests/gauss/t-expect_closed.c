/* Balls against closed forms derived by hand (doc/gauss.md, "Reference
   values"), computed here independently with Arb's elementary functions:
     erf      E[erf'(u)] = 2 / sqrt(pi (1 + 2q))
              E[erf(u)^2] = (2/pi) asin(2q / (1 + 2q))
              E[erf(u1) erf(u2)] = (2/pi) asin(2c / sqrt((1+2q1)(1+2q2)))
              E[erf'(u1) erf'(u2)] = (4/pi) / sqrt((1+2q1)(1+2q2) - 4c^2)
     sin      E[sin(u)^2] = (1 - e^(-2q))/2,  E[cos u] = e^(-q/2)
              E[sin u1 sin u2] = e^(-(q1+q2)/2) sinh c, also by the
              integration route
     relu     E[relu^2] = q/2, E[relu] = sqrt(q / (2 pi)), E[step] = 1/2,
              arc-cosine: E[relu(u1) relu(u2)]
                = sqrt(q1 q2) (sin t + (pi - t) cos t) / (2 pi),
              E[step(u1) step(u2)] = (pi - t) / (2 pi), cos t = rho,
              E[relu(u1) step(u2)] = sqrt(q1) (1 + rho) / (2 sqrt(2 pi))
     gelu     E[gelu(u)] = q / sqrt(2 pi (1 + q)),
              E[gelu''(u)] = (2 + q) / (sqrt(2 pi) (1 + q)^(3/2))
     sigmoid  E[sigmoid(u)] = 1/2, E[softplus'(u)] = 1/2
   and identities between different integrands:
     tanh' = 1 - tanh^2, tanh(x) = 2 sigmoid(2x) - 1, softplus'' =
     sigmoid'.  Two variables go through Mehler's series, or the nested
   integral when the correlation is close to 1; the two routes are also
   compared with each other. */

#include <flint/fmpq_mat.h>

#include "testutil.h"

#define PREC 96

static wc_test_struct * T;

static void
expect(arb_t res, wc_act_kind kind, const slong * var, const slong * der,
       slong len, const fmpq_mat_t S, slong prec)
{
    wc_gauss_act_t act;
    wc_error_t err;
    wc_status st;

    wc_gauss_act_init(act, kind);
    wc_error_init(err);
    st = wc_gauss_expect(res, act, var, der, len, S, prec, err);
    WC_CHECK(T, st == WC_OK, "%s: %s", wc_act_name(kind), err->msg);
    wc_gauss_act_clear(act);
}

static void
expect_quad(arb_t res, wc_act_kind kind, const slong * var,
            const slong * der, slong len, const fmpq_mat_t S, slong prec)
{
    wc_gauss_act_t act;
    wc_error_t err;
    arb_mat_t A;
    slong i, j, d = fmpq_mat_nrows(S);

    wc_gauss_act_init(act, kind);
    wc_error_init(err);
    arb_mat_init(A, d, d);
    for (i = 0; i < d; i++)
        for (j = 0; j < d; j++)
            arb_set_fmpq(arb_mat_entry(A, i, j), fmpq_mat_entry(S, i, j),
                         prec + 20);
    WC_CHECK(T, wc_gauss_expect_quad(res, act, var, der, len, A, prec, err)
                == WC_OK, "quad %s: %s", wc_act_name(kind), err->msg);
    arb_mat_clear(A);
    wc_gauss_act_clear(act);
}

/* the ball must contain the reference value and be reasonably tight */
static void
check_contains(const arb_t got, const arb_t ref, const char * what)
{
    WC_CHECK(T, arb_overlaps(got, ref) && arb_is_finite(got)
             && arb_rel_accuracy_bits(got) > PREC - 40,
             "%s: got %s, reference %s", what, arb_get_str(got, 30, 0),
             arb_get_str(ref, 30, 0));
}

static void
set_q(arb_t x, const fmpq_mat_t S, slong i, slong j)
{
    arb_set_fmpq(x, fmpq_mat_entry(S, i, j), 2 * PREC);
}

int
main(void)
{
    wc_test_t t;
    fmpq_mat_t S1, S2;
    arb_t got, ref, q, q1, q2, c, x, y, pi;
    slong var[4] = {0, 0, 0, 0}, der[4] = {0, 0, 0, 0};
    slong v01[2] = {0, 1}, d00[2] = {0, 0}, d11[2] = {1, 1};
    slong d01[2] = {0, 1};
    slong wp = 2 * PREC, k;

    wc_test_init(t, "t-expect_closed");
    T = t;
    fmpq_mat_init(S1, 1, 1);
    fmpq_mat_init(S2, 2, 2);
    arb_init(got);
    arb_init(ref);
    arb_init(q);
    arb_init(q1);
    arb_init(q2);
    arb_init(c);
    arb_init(x);
    arb_init(y);
    arb_init(pi);
    arb_const_pi(pi, wp);

    for (k = 0; k < 3; k++)
    {
        /* q = 1/3, 1, 5/2 */
        static const slong qn[3] = {1, 1, 5}, qd[3] = {3, 1, 2};

        fmpq_set_si(fmpq_mat_entry(S1, 0, 0), qn[k], qd[k]);
        set_q(q, S1, 0, 0);

        /* erf' */
        der[0] = 1;
        expect(got, WC_ACT_ERF, var, der, 1, S1, PREC);
        arb_mul_2exp_si(x, q, 1);
        arb_add_ui(x, x, 1, wp);
        arb_mul(x, x, pi, wp);
        arb_rsqrt(ref, x, wp);
        arb_mul_2exp_si(ref, ref, 1);
        check_contains(got, ref, "E[erf'(u)]");

        /* erf^2 */
        der[0] = der[1] = 0;
        expect(got, WC_ACT_ERF, var, der, 2, S1, PREC);
        arb_mul_2exp_si(x, q, 1);
        arb_add_ui(y, x, 1, wp);
        arb_div(x, x, y, wp);
        arb_asin(ref, x, wp);
        arb_div(ref, ref, pi, wp);
        arb_mul_2exp_si(ref, ref, 1);
        check_contains(got, ref, "E[erf(u)^2]");

        /* sin^2 and cos */
        expect(got, WC_ACT_SIN, var, der, 2, S1, PREC);
        arb_mul_2exp_si(x, q, 1);
        arb_neg(x, x);
        arb_exp(x, x, wp);
        arb_sub_ui(ref, x, 1, wp);
        arb_neg(ref, ref);
        arb_mul_2exp_si(ref, ref, -1);
        check_contains(got, ref, "E[sin(u)^2]");
        expect_quad(got, WC_ACT_SIN, var, der, 2, S1, PREC);
        check_contains(got, ref, "E[sin(u)^2] by integration");
        der[0] = 1;
        expect(got, WC_ACT_SIN, var, der, 1, S1, PREC);
        arb_mul_2exp_si(x, q, -1);
        arb_neg(x, x);
        arb_exp(ref, x, wp);
        check_contains(got, ref, "E[cos u]");

        /* relu moments */
        der[0] = der[1] = 0;
        expect(got, WC_ACT_RELU, var, der, 2, S1, PREC);
        arb_mul_2exp_si(ref, q, -1);
        check_contains(got, ref, "E[relu^2]");
        expect(got, WC_ACT_RELU, var, der, 1, S1, PREC);
        arb_div(x, q, pi, wp);
        arb_mul_2exp_si(x, x, -1);
        arb_sqrt(ref, x, wp);
        check_contains(got, ref, "E[relu]");
        der[0] = 1;
        expect(got, WC_ACT_RELU, var, der, 1, S1, PREC);
        arb_set_d(ref, 0.5);
        check_contains(got, ref, "E[step]");

        /* gelu and gelu'' */
        der[0] = 0;
        expect(got, WC_ACT_GELU, var, der, 1, S1, PREC);
        arb_add_ui(x, q, 1, wp);
        arb_mul(x, x, pi, wp);
        arb_mul_2exp_si(x, x, 1);
        arb_rsqrt(x, x, wp);
        arb_mul(ref, x, q, wp);
        check_contains(got, ref, "E[gelu(u)]");
        der[0] = 2;
        expect(got, WC_ACT_GELU, var, der, 1, S1, PREC);
        arb_add_ui(x, q, 1, wp);
        arb_pow_ui(y, x, 3, wp);
        arb_sqrt(y, y, wp);
        arb_mul_2exp_si(x, pi, 1);
        arb_sqrt(x, x, wp);
        arb_mul(y, y, x, wp);
        arb_add_ui(ref, q, 2, wp);
        arb_div(ref, ref, y, wp);
        check_contains(got, ref, "E[gelu''(u)]");

        /* sigmoid and softplus' */
        der[0] = 0;
        expect(got, WC_ACT_SIGMOID, var, der, 1, S1, PREC);
        arb_set_d(ref, 0.5);
        check_contains(got, ref, "E[sigmoid(u)]");
        der[0] = 1;
        expect(got, WC_ACT_SOFTPLUS, var, der, 1, S1, PREC);
        check_contains(got, ref, "E[softplus'(u)]");

        /* softplus'' = sigmoid' */
        der[0] = 2;
        expect(got, WC_ACT_SOFTPLUS, var, der, 1, S1, PREC);
        der[0] = 1;
        expect(ref, WC_ACT_SIGMOID, var, der, 1, S1, PREC);
        check_contains(got, ref, "E[softplus''] = E[sigmoid']");

        /* tanh' = 1 - tanh^2 */
        der[0] = 1;
        expect(got, WC_ACT_TANH, var, der, 1, S1, PREC);
        der[0] = der[1] = 0;
        expect(ref, WC_ACT_TANH, var, der, 2, S1, PREC);
        arb_sub_ui(ref, ref, 1, wp);
        arb_neg(ref, ref);
        check_contains(got, ref, "E[tanh'] = 1 - E[tanh^2]");

        /* E[tanh(u)^2] = 4 E[sigmoid(v)^2] - 1 with v = 2u */
        expect(got, WC_ACT_TANH, var, der, 2, S1, PREC);
        {
            fmpq_mat_t S4;

            fmpq_mat_init(S4, 1, 1);
            fmpq_mul_si(fmpq_mat_entry(S4, 0, 0), fmpq_mat_entry(S1, 0, 0),
                        4);
            expect(ref, WC_ACT_SIGMOID, var, der, 2, S4, PREC);
            fmpq_mat_clear(S4);
        }
        arb_mul_2exp_si(ref, ref, 2);
        arb_sub_ui(ref, ref, 1, wp);
        check_contains(got, ref, "E[tanh^2] = 4 E[sigmoid(2u)^2] - 1");

        /* parity zeros are exact */
        der[0] = 0;
        expect(got, WC_ACT_TANH, var, der, 1, S1, PREC);
        WC_CHECK(t, arb_is_zero(got), "E[tanh(u)] is exactly 0");
        der[0] = 3;
        expect(got, WC_ACT_GELU, var, der, 1, S1, PREC);
        WC_CHECK(t, arb_is_zero(got), "E[gelu'''(u)] is exactly 0");
        der[0] = 2;
        expect(got, WC_ACT_RELU, var, der, 1, S1, PREC);
        WC_CHECK(t, arb_is_zero(got), "E[relu''(u)] is exactly 0");
    }

    /* two correlated variables: q1 = 1, q2 = 3/2, c = 1/2, then a
       negative correlation */
    for (k = 0; k < 2; k++)
    {
        fmpq_set_si(fmpq_mat_entry(S2, 0, 0), 1, 1);
        fmpq_set_si(fmpq_mat_entry(S2, 1, 1), 3, 2);
        fmpq_set_si(fmpq_mat_entry(S2, 0, 1), k == 0 ? 1 : -2, k == 0 ? 2
                                                                  : 3);
        fmpq_set(fmpq_mat_entry(S2, 1, 0), fmpq_mat_entry(S2, 0, 1));
        set_q(q1, S2, 0, 0);
        set_q(q2, S2, 1, 1);
        set_q(c, S2, 0, 1);

        /* Williams: erf erf (integration, two levels) */
        expect(got, WC_ACT_ERF, v01, d00, 2, S2, 48);
        arb_mul_2exp_si(x, q1, 1);
        arb_add_ui(x, x, 1, wp);
        arb_mul_2exp_si(y, q2, 1);
        arb_add_ui(y, y, 1, wp);
        arb_mul(x, x, y, wp);
        arb_rsqrt(x, x, wp);
        arb_mul(x, x, c, wp);
        arb_mul_2exp_si(x, x, 1);
        arb_asin(ref, x, wp);
        arb_div(ref, ref, pi, wp);
        arb_mul_2exp_si(ref, ref, 1);
        WC_CHECK(t, arb_overlaps(got, ref) && arb_rel_accuracy_bits(got) > 30,
                 "E[erf(u1) erf(u2)]: %s vs %s", arb_get_str(got, 20, 0),
                 arb_get_str(ref, 20, 0));

        /* erf' erf' */
        expect(got, WC_ACT_ERF, v01, d11, 2, S2, 48);
        arb_mul_2exp_si(x, q1, 1);
        arb_add_ui(x, x, 1, wp);
        arb_mul_2exp_si(y, q2, 1);
        arb_add_ui(y, y, 1, wp);
        arb_mul(x, x, y, wp);
        arb_sqr(y, c, wp);
        arb_mul_2exp_si(y, y, 2);
        arb_sub(x, x, y, wp);
        arb_rsqrt(x, x, wp);
        arb_div(ref, x, pi, wp);
        arb_mul_2exp_si(ref, ref, 2);
        WC_CHECK(t, arb_overlaps(got, ref) && arb_rel_accuracy_bits(got) > 30,
                 "E[erf'(u1) erf'(u2)]: %s vs %s", arb_get_str(got, 20, 0),
                 arb_get_str(ref, 20, 0));

        /* sin sin: closed form and integration route against the hand
           value */
        arb_add(x, q1, q2, wp);
        arb_mul_2exp_si(x, x, -1);
        arb_neg(x, x);
        arb_exp(x, x, wp);
        arb_sinh(y, c, wp);
        arb_mul(ref, x, y, wp);
        expect(got, WC_ACT_SIN, v01, d00, 2, S2, PREC);
        check_contains(got, ref, "E[sin u1 sin u2]");
        expect_quad(got, WC_ACT_SIN, v01, d00, 2, S2, 40);
        WC_CHECK(t, arb_overlaps(got, ref) && arb_rel_accuracy_bits(got) > 24,
                 "E[sin u1 sin u2] by integration: %s",
                 arb_get_str(got, 20, 0));

        /* arc-cosine kernels: rho = cos t */
        arb_mul(x, q1, q2, wp);
        arb_rsqrt(x, x, wp);
        arb_mul(x, x, c, wp);              /* rho */
        arb_acos(y, x, wp);                /* t */
        expect(got, WC_ACT_RELU, v01, d00, 2, S2, PREC);
        {
            arb_t s, u;

            arb_init(s);
            arb_init(u);
            arb_sin(s, y, wp);
            arb_sub(u, pi, y, wp);
            arb_mul(u, u, x, wp);
            arb_add(s, s, u, wp);
            arb_mul(u, q1, q2, wp);
            arb_sqrt(u, u, wp);
            arb_mul(s, s, u, wp);
            arb_div(s, s, pi, wp);
            arb_mul_2exp_si(ref, s, -1);
            check_contains(got, ref, "E[relu(u1) relu(u2)]");

            expect(got, WC_ACT_RELU, v01, d11, 2, S2, PREC);
            arb_sub(ref, pi, y, wp);
            arb_div(ref, ref, pi, wp);
            arb_mul_2exp_si(ref, ref, -1);
            check_contains(got, ref, "E[step(u1) step(u2)]");

            expect(got, WC_ACT_RELU, v01, d01, 2, S2, PREC);
            arb_add_ui(s, x, 1, wp);
            arb_sqrt(u, q1, wp);
            arb_mul(s, s, u, wp);
            arb_mul_2exp_si(u, pi, 1);
            arb_rsqrt(u, u, wp);
            arb_mul(s, s, u, wp);
            arb_mul_2exp_si(ref, s, -1);
            check_contains(got, ref, "E[relu(u1) step(u2)]");
            arb_clear(s);
            arb_clear(u);
        }
    }

    /* two variables, the two integration routes against each other
       (Mehler's series and the nested integral) for tanh and softplus,
       and Williams' formula at a correlation close to 1, where the
       series is refused and the nested integral is used */
    {
        slong dv[2] = {0, 1};

        fmpq_set_si(fmpq_mat_entry(S2, 0, 0), 1, 1);
        fmpq_set_si(fmpq_mat_entry(S2, 1, 1), 3, 2);
        fmpq_set_si(fmpq_mat_entry(S2, 0, 1), 1, 2);
        fmpq_set(fmpq_mat_entry(S2, 1, 0), fmpq_mat_entry(S2, 0, 1));
        expect(got, WC_ACT_TANH, v01, dv, 2, S2, 64);
        expect_quad(ref, WC_ACT_TANH, v01, dv, 2, S2, 32);
        WC_CHECK(t, arb_overlaps(got, ref) && arb_rel_accuracy_bits(got) > 50
                 && arb_rel_accuracy_bits(ref) > 20,
                 "tanh u1 tanh'(u2): series %s, nested %s",
                 arb_get_str(got, 20, 0), arb_get_str(ref, 20, 0));
        expect(got, WC_ACT_SOFTPLUS, v01, d00, 2, S2, 64);
        expect_quad(ref, WC_ACT_SOFTPLUS, v01, d00, 2, S2, 32);
        WC_CHECK(t, arb_overlaps(got, ref) && arb_rel_accuracy_bits(got) > 50
                 && arb_rel_accuracy_bits(ref) > 20,
                 "softplus softplus: series %s, nested %s",
                 arb_get_str(got, 20, 0), arb_get_str(ref, 20, 0));

        /* q1 = q2 = 1, c = 49/50 */
        fmpq_set_si(fmpq_mat_entry(S2, 1, 1), 1, 1);
        fmpq_set_si(fmpq_mat_entry(S2, 0, 1), 49, 50);
        fmpq_set(fmpq_mat_entry(S2, 1, 0), fmpq_mat_entry(S2, 0, 1));
        expect(got, WC_ACT_ERF, v01, d00, 2, S2, 24);
        arb_set_si(x, 49);
        arb_div_ui(x, x, 75, wp);        /* 2c / (1 + 2q) */
        arb_asin(ref, x, wp);
        arb_div(ref, ref, pi, wp);
        arb_mul_2exp_si(ref, ref, 1);
        WC_CHECK(t, arb_overlaps(got, ref) && arb_rel_accuracy_bits(got) > 16,
                 "E[erf erf] at rho = 0.98: %s vs %s",
                 arb_get_str(got, 20, 0), arb_get_str(ref, 20, 0));

        /* back to q1 = 1, q2 = 3/2, c = -2/3 for the tests below */
        fmpq_set_si(fmpq_mat_entry(S2, 1, 1), 3, 2);
        fmpq_set_si(fmpq_mat_entry(S2, 0, 1), -2, 3);
        fmpq_set(fmpq_mat_entry(S2, 1, 0), fmpq_mat_entry(S2, 0, 1));
    }

    /* relu at three variables of rank two (the wedge formula):
       directions at 0, 60 and 120 degrees meet in a 60 degree wedge,
       E[step step step] = 1/6; u3 = 2 u1 reduces to two variables (the
       recursion): E[relu(u1) relu(u2) relu(u3)] = 2 E[relu(u1)^2
       relu(u2)]; u3 = -u1 gives exactly zero */
    {
        fmpq_mat_t S3;
        slong v3[3] = {0, 1, 2}, v2[3] = {0, 0, 1}, dd[3] = {1, 1, 1};

        fmpq_mat_init(S3, 3, 3);
        fmpq_set_si(fmpq_mat_entry(S3, 0, 0), 1, 1);
        fmpq_set_si(fmpq_mat_entry(S3, 1, 1), 1, 1);
        fmpq_set_si(fmpq_mat_entry(S3, 2, 2), 1, 1);
        fmpq_set_si(fmpq_mat_entry(S3, 0, 1), 1, 2);
        fmpq_set_si(fmpq_mat_entry(S3, 1, 2), 1, 2);
        fmpq_set_si(fmpq_mat_entry(S3, 0, 2), -1, 2);
        fmpq_set(fmpq_mat_entry(S3, 1, 0), fmpq_mat_entry(S3, 0, 1));
        fmpq_set(fmpq_mat_entry(S3, 2, 1), fmpq_mat_entry(S3, 1, 2));
        fmpq_set(fmpq_mat_entry(S3, 2, 0), fmpq_mat_entry(S3, 0, 2));
        expect(got, WC_ACT_RELU, v3, dd, 3, S3, PREC);
        arb_set_ui(ref, 6);
        arb_inv(ref, ref, wp);
        check_contains(got, ref, "P(three half-planes) = 1/6");

        /* q1 = 1, q2 = 3/2, c = -2/3 (from the loop above) */
        fmpq_set_si(fmpq_mat_entry(S3, 0, 0), 1, 1);
        fmpq_set_si(fmpq_mat_entry(S3, 1, 1), 3, 2);
        fmpq_set_si(fmpq_mat_entry(S3, 2, 2), 4, 1);
        fmpq_set_si(fmpq_mat_entry(S3, 0, 1), -2, 3);
        fmpq_set_si(fmpq_mat_entry(S3, 1, 2), -4, 3);
        fmpq_set_si(fmpq_mat_entry(S3, 0, 2), 2, 1);
        fmpq_set(fmpq_mat_entry(S3, 1, 0), fmpq_mat_entry(S3, 0, 1));
        fmpq_set(fmpq_mat_entry(S3, 2, 1), fmpq_mat_entry(S3, 1, 2));
        fmpq_set(fmpq_mat_entry(S3, 2, 0), fmpq_mat_entry(S3, 0, 2));
        dd[0] = dd[1] = dd[2] = 0;
        expect(got, WC_ACT_RELU, v3, dd, 3, S3, PREC);
        expect(ref, WC_ACT_RELU, v2, dd, 3, S2, PREC);
        arb_mul_2exp_si(ref, ref, 1);
        check_contains(got, ref, "relu wedge against the recursion");

        /* u3 = -u1 */
        fmpq_set_si(fmpq_mat_entry(S3, 2, 2), 1, 1);
        fmpq_set_si(fmpq_mat_entry(S3, 1, 2), 2, 3);
        fmpq_set_si(fmpq_mat_entry(S3, 0, 2), -1, 1);
        fmpq_set(fmpq_mat_entry(S3, 2, 1), fmpq_mat_entry(S3, 1, 2));
        fmpq_set(fmpq_mat_entry(S3, 2, 0), fmpq_mat_entry(S3, 0, 2));
        expect(got, WC_ACT_RELU, v3, dd, 3, S3, PREC);
        WC_CHECK(t, arb_is_zero(got), "opposite directions: exactly 0");
        fmpq_mat_clear(S3);
    }

    fmpq_mat_clear(S1);
    fmpq_mat_clear(S2);
    arb_clear(got);
    arb_clear(ref);
    arb_clear(q);
    arb_clear(q1);
    arb_clear(q2);
    arb_clear(c);
    arb_clear(x);
    arb_clear(y);
    arb_clear(pi);
    return wc_test_finish(t);
}
