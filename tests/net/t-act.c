/* Activation derivatives against Arb's Taylor series (128-bit balls):
   s^(k)(z) = k! [t^k] s(z + t), for k <= WC_ACT_MAX_DERIV on a grid of z
   reaching into the tails.

   The tolerance is the error bound of src/net/act.c, doubled:
   2 (4k + 16) 2^-53 times the envelope, where the envelope is the sum of
   the absolute values of the terms of the formula (recomputed here from
   the recurrences, independently of the tables in act.c): for tanh
   sech^2(z) sum_j |q_kj| |tanh z|^j, for erf 2/sqrt(pi) e^(-z^2) times
   the Hermite recurrence run on absolute values, and so on. */

#include <math.h>

#include "testutil.h"
#include "weakcorr/net.h"
#include "weakcorr/arb_include.h"
#if WC_HAVE_FLINT3
#include <flint/arb_poly.h>
#else
#include <arb_poly.h>
#endif

#define K WC_ACT_MAX_DERIV
#define U 0x1p-53
#define PREC 128

/* Exact s(z + t) mod t^(K+1) as an arb_poly. */
static void
series(arb_poly_t s, wc_act_kind act, double z, const double * poly,
       slong plen)
{
    arb_poly_t x, a, b;
    arb_t c;
    slong len = K + 1, j;

    arb_poly_init(x);
    arb_poly_init(a);
    arb_poly_init(b);
    arb_init(c);
    arb_poly_set_coeff_si(x, 1, 1);
    arb_set_d(c, z);
    arb_poly_set_coeff_arb(x, 0, c);

    switch (act)
    {
        case WC_ACT_TANH:
            /* 1 - 2 / (1 + e^(2x)) */
            arb_poly_scalar_mul_2exp_si(a, x, 1);
            arb_poly_exp_series(a, a, len, PREC);
            arb_poly_add_si(a, a, 1, PREC);
            arb_poly_inv_series(b, a, len, PREC);
            arb_poly_scalar_mul_2exp_si(b, b, 1);
            arb_poly_neg(b, b);
            arb_poly_add_si(s, b, 1, PREC);
            break;
        case WC_ACT_SIGMOID:
            arb_poly_neg(a, x);
            arb_poly_exp_series(a, a, len, PREC);
            arb_poly_add_si(a, a, 1, PREC);
            arb_poly_inv_series(s, a, len, PREC);
            break;
        case WC_ACT_SOFTPLUS:
            arb_poly_exp_series(a, x, len, PREC);
            arb_poly_add_si(a, a, 1, PREC);
            arb_poly_log_series(s, a, len, PREC);
            break;
        case WC_ACT_ERF:
            arb_hypgeom_erf_series(s, x, len, PREC);
            break;
        case WC_ACT_GELU:
            /* x (1 + erf(x / sqrt 2)) / 2 */
            arb_sqrt_ui(c, 2, PREC);
            arb_inv(c, c, PREC);
            arb_poly_scalar_mul(a, x, c, PREC);
            arb_hypgeom_erf_series(a, a, len, PREC);
            arb_poly_add_si(a, a, 1, PREC);
            arb_poly_mullow(b, a, x, len, PREC);
            arb_poly_scalar_mul_2exp_si(s, b, -1);
            break;
        case WC_ACT_SIN:
            arb_poly_sin_series(s, x, len, PREC);
            break;
        case WC_ACT_POLY:
            arb_poly_zero(s);
            for (j = plen - 1; j >= 0; j--)
            {
                arb_poly_mullow(s, s, x, len, PREC);
                arb_set_d(c, poly[j]);
                arb_poly_set_coeff_arb(a, 0, c);
                arb_poly_truncate(a, 1);
                arb_poly_add(s, s, a, PREC);
            }
            break;
        default:
            flint_abort();
    }
    arb_poly_clear(x);
    arb_poly_clear(a);
    arb_poly_clear(b);
    arb_clear(c);
}

/* |Q_k|(|t|): the tanh polynomials by Q_(k+1) = -2t Q_k + (1 - t^2) Q_k',
   evaluated with absolute coefficients. */
static double
tanh_env(slong k, double t)
{
    double q[K + 2][K + 2] = {{0}};
    double v = 0, tp = 1;
    slong i, j;

    q[1][0] = 1;
    for (i = 1; i < k; i++)
        for (j = 0; j <= i; j++)
        {
            /* -2t q_j t^j -> t^(j+1); (1 - t^2) j q_j t^(j-1) */
            q[i + 1][j + 1] += -2 * q[i][j];
            if (j >= 1)
            {
                q[i + 1][j - 1] += j * q[i][j];
                q[i + 1][j + 1] -= j * q[i][j];
            }
        }
    for (j = 0; j <= k; j++, tp *= fabs(t))
        v += fabs(q[k][j]) * tp;
    return v;
}

static double
envelope(wc_act_kind act, slong k, double z, const double * poly,
         slong plen)
{
    double t = tanh(z), s2 = 1 / (cosh(z) * cosh(z)), h0, h1, h2;
    slong j, i;

    switch (act)
    {
        case WC_ACT_TANH:
            return k == 0 ? fabs(t) : s2 * tanh_env(k, t);
        case WC_ACT_SIGMOID:
            return k == 0 ? 1 : ldexp(envelope(WC_ACT_TANH, k, z / 2, NULL,
                                               0), -(int) k - 1);
        case WC_ACT_SOFTPLUS:
            return k == 0 ? fabs(z) + 1
                          : envelope(WC_ACT_SIGMOID, k - 1, z, NULL, 0);
        case WC_ACT_ERF:
            if (k == 0)
                return 1;
            h0 = 1;
            h1 = 2 * fabs(z);
            for (j = 1; j < k; j++)
            {
                h2 = 2 * fabs(z) * h1 + 2 * j * h0;
                h0 = h1;
                h1 = h2;
            }
            return 1.1283791670955126 * exp(-z * z) * h0;
        case WC_ACT_GELU:
        {
            double he[K + 2], phi = 0.3989422804014327 * exp(-z * z / 2);

            if (k <= 1)
                return fabs(z) + 1;
            he[0] = 1;
            he[1] = fabs(z);
            for (j = 1; j <= k; j++)
                he[j + 1] = fabs(z) * he[j] + j * he[j - 1];
            return phi * (he[k] + he[k - 2]);
        }
        case WC_ACT_SIN:
            return 1;
        case WC_ACT_POLY:
        {
            double v = 0;

            for (j = k; j < plen; j++)
            {
                double c = fabs(poly[j]);

                for (i = j - k + 1; i <= j; i++)
                    c *= i;
                v += c * pow(fabs(z), (double) (j - k));
            }
            return v;
        }
        default:
            return 0;
    }
}

int
main(void)
{
    static const wc_act_kind smooth[] =
    {
        WC_ACT_TANH, WC_ACT_SIGMOID, WC_ACT_SOFTPLUS, WC_ACT_ERF,
        WC_ACT_GELU, WC_ACT_SIN, WC_ACT_POLY
    };
    const double poly[] = {0.2, 1, -0.5, 1.0 / 3, 0, 0.125, -1.0 / 7};
    wc_test_t t;
    arb_poly_t s;
    arb_t c, fac;
    double d[K + 1];
    size_t a;
    slong iz, k, ntrials;

    wc_test_init(t, "t-act");
    arb_poly_init(s);
    arb_init(c);
    arb_init(fac);

    ntrials = wc_test_trials(t, 120);
    for (a = 0; a < sizeof(smooth) / sizeof(smooth[0]); a++)
        for (iz = 0; iz < ntrials; iz++)
        {
            /* A grid from -30 to 30, denser near 0, plus random points. */
            double z = (iz < 61)
                       ? (iz - 30) * (0.05 + 0.03 * abs((int) iz - 30))
                       : ((double) n_randint(t->state, 1 << 20) / (1 << 20)
                          - 0.5) * 16;

            series(s, smooth[a], z, poly, 7);
            wc_act_derivs(d, K, z, smooth[a], poly, 7);
            arb_one(fac);
            for (k = 0; k <= K; k++)
            {
                double env = envelope(smooth[a], k, z, poly, 7);
                double tol = 2 * (4 * k + 16) * U * env;
                double exact;

                if (k > 0)
                    arb_mul_ui(fac, fac, k, PREC);
                arb_poly_get_coeff_arb(c, s, k);
                arb_mul(c, c, fac, PREC);
                exact = arf_get_d(arb_midref(c), ARF_RND_NEAR);
                /* the ball's radius and the rounding of its midpoint */
                tol += mag_get_d(arb_radref(c)) + U * fabs(exact);
                WC_CHECK(t, fabs(d[k] - exact) <= tol + 1e-300,
                         "%s^(%ld)(%.17g) = %.17g, exact %.17g, tol %g",
                         wc_act_name(smooth[a]), (long) k, z, d[k], exact,
                         tol);
            }
        }

    /* relu and linear: exact, with s'(0) = 0 for relu. */
    wc_act_derivs(d, K, 0.0, WC_ACT_RELU, NULL, 0);
    WC_CHECK(t, d[0] == 0 && d[1] == 0 && d[2] == 0, "relu at 0");
    wc_act_derivs(d, K, 1.5, WC_ACT_RELU, NULL, 0);
    WC_CHECK(t, d[0] == 1.5 && d[1] == 1 && d[2] == 0 && d[K] == 0,
             "relu at 1.5");
    wc_act_derivs(d, K, -1.5, WC_ACT_RELU, NULL, 0);
    WC_CHECK(t, d[0] == 0 && d[1] == 0, "relu at -1.5");
    wc_act_derivs(d, K, -2.5, WC_ACT_LINEAR, NULL, 0);
    WC_CHECK(t, d[0] == -2.5 && d[1] == 1 && d[2] == 0, "linear");

    /* Far tails stay finite. */
    for (a = 0; a < sizeof(smooth) / sizeof(smooth[0]) - 1; a++)
    {
        slong j;
        int ok = 1;

        wc_act_derivs(d, K, 800.0, smooth[a], NULL, 0);
        for (j = 0; j <= K; j++)
            ok &= isfinite(d[j]);
        wc_act_derivs(d, K, -800.0, smooth[a], NULL, 0);
        for (j = 0; j <= K; j++)
            ok &= isfinite(d[j]);
        WC_CHECK(t, ok, "%s finite at +-800", wc_act_name(smooth[a]));
    }

    arb_poly_clear(s);
    arb_clear(c);
    arb_clear(fac);
    return wc_test_finish(t);
}
