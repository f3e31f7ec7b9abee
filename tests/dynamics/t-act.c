/* Activation values, derivatives and Taylor-mode jets against certified
   Taylor coefficients from Arb (wc_gauss_act_taylor, an independent
   route: power-series arithmetic on the closed forms) composed with the
   inner jet by acb_poly_compose_series.  For h(t) = s(z(t)) and
   p(t) = s'(z(t)) every coefficient must lie within the ball's radius
   plus 2^-40 M, M = sum_m |c_m| (sum_j |z_j|)^m the majorant of the
   composition: the recurrences perform O(k^2) operations on terms the
   majorant bounds, which for k <= 10 is far below 2^-40 M.  relu and
   linear are checked by hand. */

#include "dyntest.h"
#include "weakcorr/gauss.h"

#define MAXD 10

/* Does [x - tol, x + tol] meet the certified ball? */
static int
close_to(const acb_t ball, double x, double tol)
{
    arb_t xb;
    int ok;

    arb_init(xb);
    arb_set_d(xb, x);
    mag_set_d(arb_radref(xb), tol);
    ok = arb_overlaps(xb, acb_realref(ball))
         && arb_contains_zero(acb_imagref(ball));
    arb_clear(xb);
    return ok;
}

int
main(void)
{
    wc_test_t t;
    slong trial, k, m;
    int a;
    const double poly[4] = {0.25, 1.0, -1.0 / 3.0, 0.2};

    wc_test_init(t, "t-act");

    for (a = WC_ACT_TANH; a <= WC_ACT_POLY; a++)
        for (trial = 0; trial < wc_test_trials(t, 40); trial++)
        {
            slong d = 1 + n_randint(t->state, MAXD);
            double z[MAXD + 1], h[MAXD + 1], p[MAXD + 1], v, dv, M, sz;
            wc_gauss_act_t act;
            acb_ptr c;
            acb_poly_t S, Sp, E, R;
            acb_t z0, coef;

            z[0] = 3.0 * dyntest_unif(t);
            for (k = 1; k <= d; k++)
                z[k] = dyntest_unif(t) / (double) k;
            _wc_dyn_act_jet(h, p, z, d, (wc_act_kind) a, poly, 4);
            _wc_dyn_act(&v, &dv, z, 1, (wc_act_kind) a, poly, 4);

            wc_gauss_act_init(act, (wc_act_kind) a);
            if (a == WC_ACT_POLY)
            {
                fmpq * c4 = _fmpq_vec_init(4);

                fmpq_set_si(c4 + 0, 1, 4);
                fmpq_set_si(c4 + 1, 1, 1);
                fmpq_set_si(c4 + 2, -1, 3);
                fmpq_set_si(c4 + 3, 1, 5);
                wc_gauss_act_set_poly(act, c4, 4);
                _fmpq_vec_clear(c4, 4);
            }
            c = _acb_vec_init(d + 2);
            acb_init(z0);
            acb_init(coef);
            acb_set_d(z0, z[0]);
            wc_gauss_act_taylor(c, act, z0, d + 2, 128);

            acb_poly_init(S);
            acb_poly_init(Sp);
            acb_poly_init(E);
            acb_poly_init(R);
            for (m = 0; m <= d; m++)
            {
                acb_poly_set_coeff_acb(S, m, c + m);
                acb_mul_si(coef, c + m + 1, m + 1, 128);
                acb_poly_set_coeff_acb(Sp, m, coef);
            }
            for (k = 1; k <= d; k++)
            {
                acb_set_d(coef, z[k]);
                acb_poly_set_coeff_acb(E, k, coef);
            }

            sz = 0;
            for (k = 1; k <= d; k++)
                sz += fabs(z[k]);
            M = 0;
            for (m = d + 1; m >= 0; m--)
            {
                double cm = fabs(arf_get_d(arb_midref(acb_realref(c + m)),
                                           ARF_RND_NEAR));

                M = M * FLINT_MAX(sz, 1.0) + cm * (m + 1);
            }
            M = FLINT_MAX(M, 1.0);

            acb_poly_compose_series(R, S, E, d + 1, 128);
            for (k = 0; k <= d; k++)
            {
                acb_poly_get_coeff_acb(coef, R, k);
                WC_CHECK(t, close_to(coef, h[k], ldexp(M, -40)),
                         "%s: h_%ld = %.17g, z0 = %.17g", wc_act_name(a),
                         (long) k, h[k], z[0]);
            }
            acb_poly_compose_series(R, Sp, E, d + 1, 128);
            for (k = 0; k <= d; k++)
            {
                acb_poly_get_coeff_acb(coef, R, k);
                WC_CHECK(t, close_to(coef, p[k], ldexp(M, -40)),
                         "%s: p_%ld = %.17g, z0 = %.17g", wc_act_name(a),
                         (long) k, p[k], z[0]);
            }

            /* The training path agrees with the jet's constant terms and
               with the certified s and s'. */
            WC_CHECK(t, fabs(v - h[0]) <= 4e-16 * FLINT_MAX(1.0, fabs(v))
                     && fabs(dv - p[0]) <= 4e-16 * FLINT_MAX(1.0, fabs(dv)),
                     "%s: value %.17g %.17g, derivative %.17g %.17g",
                     wc_act_name(a), v, h[0], dv, p[0]);
            acb_mul_si(coef, c + 1, 1, 128);
            WC_CHECK(t, close_to(c + 0, v, 1e-15 * FLINT_MAX(1.0, fabs(v)))
                     && close_to(coef, dv,
                                 1e-15 * FLINT_MAX(1.0, fabs(dv))),
                     "%s: s, s' at %.17g", wc_act_name(a), z[0]);

            acb_poly_clear(S);
            acb_poly_clear(Sp);
            acb_poly_clear(E);
            acb_poly_clear(R);
            acb_clear(z0);
            acb_clear(coef);
            _acb_vec_clear(c, d + 2);
            wc_gauss_act_clear(act);
        }

    /* relu and linear, by hand: relu' is the step with relu'(0) = 0 and
       the higher derivatives vanish. */
    {
        double z[4] = {0.5, -2.0, 3.0, 0.25}, h[4], p[4], v, dv;

        _wc_dyn_act_jet(h, p, z, 3, WC_ACT_RELU, NULL, 0);
        WC_CHECK(t, h[0] == 0.5 && h[1] == -2.0 && h[2] == 3.0
                 && h[3] == 0.25 && p[0] == 1.0 && p[1] == 0.0
                 && p[2] == 0.0 && p[3] == 0.0, "relu jet, z0 > 0");
        z[0] = -0.5;
        _wc_dyn_act_jet(h, p, z, 3, WC_ACT_RELU, NULL, 0);
        WC_CHECK(t, h[0] == 0.0 && h[1] == 0.0 && h[3] == 0.0
                 && p[0] == 0.0, "relu jet, z0 < 0");
        z[0] = 0.0;
        _wc_dyn_act_jet(h, p, z, 3, WC_ACT_RELU, NULL, 0);
        _wc_dyn_act(&v, &dv, z, 1, WC_ACT_RELU, NULL, 0);
        WC_CHECK(t, h[1] == 0.0 && p[0] == 0.0 && v == 0.0 && dv == 0.0,
                 "relu'(0) = 0");
        _wc_dyn_act_jet(h, p, z, 3, WC_ACT_LINEAR, NULL, 0);
        WC_CHECK(t, h[1] == -2.0 && h[2] == 3.0 && p[0] == 1.0
                 && p[1] == 0.0, "linear jet");
    }

    return wc_test_finish(t);
}
