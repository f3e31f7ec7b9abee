/* Taylor coefficients of an activation at a complex ball, by power-series
   arithmetic on x = z + eps.  Every operation is Arb's, so the result
   contains the true coefficients for every point of z; the strip check
   keeps z inside the region where the closed formula is holomorphic
   (principal logarithm of 1 + e^x with Re(1 + e^x) >= 1, no pole of
   1/(1 + e^(2x))). */

#include "gauss_impl.h"

static void
set_indeterminate(acb_ptr res, slong len)
{
    slong j;

    for (j = 0; j < len; j++)
        acb_indeterminate(res + j);
}

static int
in_eval_strip(const acb_t z)
{
    arf_t b;
    int ok;

    arf_init(b);
    arb_get_abs_ubound_arf(b, acb_imagref(z), 30);
    ok = arf_is_finite(b) && arf_cmp_d(b, WC_GAUSS_EVAL_STRIP) < 0
         && arb_is_finite(acb_realref(z));
    arf_clear(b);
    return ok;
}

/* res = 1 / (1 + exp(c * x)) as a series in eps, x = z + eps. */
static void
inv_one_plus_exp(acb_poly_t res, const acb_t z, slong c, slong len,
                 slong prec)
{
    acb_poly_t x;

    acb_poly_init(x);
    acb_poly_set_coeff_acb(x, 0, z);
    acb_poly_set_coeff_si(x, 1, 1);
    if (c != 1)
    {
        acb_t cc;

        acb_init(cc);
        acb_set_si(cc, c);
        acb_poly_scalar_mul(x, x, cc, prec);
        acb_clear(cc);
    }
    acb_poly_exp_series(res, x, len, prec);
    acb_poly_add_si(res, res, 1, prec);
    acb_poly_inv_series(res, res, len, prec);
    acb_poly_clear(x);
}

void
wc_gauss_act_taylor(acb_ptr res, const wc_gauss_act_t act, const acb_t z,
                    slong len, slong prec)
{
    acb_poly_t s, x;
    slong j;

    if (len <= 0)
        return;
    if (act->kind == WC_ACT_RELU || !in_eval_strip(z))
    {
        set_indeterminate(res, len);
        return;
    }

    acb_poly_init(s);
    acb_poly_init(x);
    acb_poly_set_coeff_acb(x, 0, z);
    acb_poly_set_coeff_si(x, 1, 1);

    switch (act->kind)
    {
        case WC_ACT_LINEAR:
            acb_poly_set(s, x);
            break;

        case WC_ACT_POLY:
        {
            acb_poly_t p;
            acb_t c;

            acb_poly_init(p);
            acb_init(c);
            for (j = 0; j < act->poly_len; j++)
            {
                acb_set_fmpq(c, act->poly + j, prec);
                acb_poly_set_coeff_acb(p, j, c);
            }
            acb_poly_taylor_shift(s, p, z, prec);
            acb_poly_clear(p);
            acb_clear(c);
            break;
        }

        case WC_ACT_TANH:
            /* tanh x = 1 - 2 / (1 + e^(2x)) */
            inv_one_plus_exp(s, z, 2, len, prec);
            acb_poly_scalar_mul_2exp_si(s, s, 1);
            acb_poly_neg(s, s);
            acb_poly_add_si(s, s, 1, prec);
            break;

        case WC_ACT_SIGMOID:
            inv_one_plus_exp(s, z, -1, len, prec);
            break;

        case WC_ACT_ERF:
            acb_hypgeom_erf_series(s, x, len, prec);
            break;

        case WC_ACT_GELU:
        {
            /* x Phi(x), Phi(x) = (1 + erf(x / sqrt 2)) / 2 */
            acb_poly_t y;
            acb_t r;

            acb_poly_init(y);
            acb_init(r);
            arb_rsqrt_ui(acb_realref(r), 2, prec);
            acb_poly_scalar_mul(y, x, r, prec);
            acb_hypgeom_erf_series(s, y, len, prec);
            acb_poly_add_si(s, s, 1, prec);
            acb_poly_scalar_mul_2exp_si(s, s, -1);
            acb_poly_mullow(s, s, x, len, prec);
            acb_poly_clear(y);
            acb_clear(r);
            break;
        }

        case WC_ACT_SIN:
        {
            /* sin^(j)(z) / j! cycles through s, c, -s, -c over j! */
            acb_t sn, cs, t;
            arb_t f;

            acb_init(sn);
            acb_init(cs);
            acb_init(t);
            arb_init(f);
            acb_sin_cos(sn, cs, z, prec);
            for (j = 0; j < len; j++)
            {
                acb_set(t, (j % 2 == 0) ? sn : cs);
                if (j % 4 >= 2)
                    acb_neg(t, t);
                arb_fac_ui(f, (ulong) j, prec);
                acb_div_arb(t, t, f, prec);
                acb_poly_set_coeff_acb(s, j, t);
            }
            acb_clear(sn);
            acb_clear(cs);
            acb_clear(t);
            arb_clear(f);
            break;
        }

        case WC_ACT_SOFTPLUS:
            acb_poly_exp_series(s, x, len, prec);
            acb_poly_add_si(s, s, 1, prec);
            acb_poly_log_series(s, s, len, prec);
            break;

        default:
            acb_poly_zero(s);
            set_indeterminate(res, len);
            acb_poly_clear(s);
            acb_poly_clear(x);
            return;
    }

    for (j = 0; j < len; j++)
        acb_poly_get_coeff_acb(res + j, s, j);

    acb_poly_clear(s);
    acb_poly_clear(x);
}
