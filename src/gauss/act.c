/* Activations: construction, which derivatives vanish, their parities,
   and growth bounds on a strip around the real line. */

#include "gauss_impl.h"

void
wc_gauss_act_init(wc_gauss_act_t act, wc_act_kind kind)
{
    act->kind = kind;
    act->poly_len = 0;
    act->poly = NULL;
}

void
wc_gauss_act_clear(wc_gauss_act_t act)
{
    if (act->poly != NULL)
        _fmpq_vec_clear(act->poly, act->poly_len);
    act->poly = NULL;
    act->poly_len = 0;
}

void
wc_gauss_act_set_poly(wc_gauss_act_t act, const fmpq * c, slong len)
{
    slong i;

    wc_gauss_act_clear(act);
    act->kind = WC_ACT_POLY;
    while (len > 0 && fmpq_is_zero(c + len - 1))
        len--;
    act->poly_len = len;
    if (len > 0)
    {
        act->poly = _fmpq_vec_init(len);
        for (i = 0; i < len; i++)
            fmpq_set(act->poly + i, c + i);
    }
}

void
wc_gauss_act_set_net(wc_gauss_act_t act, const wc_net_t net)
{
    if (net->act == WC_ACT_POLY)
        wc_gauss_act_set_poly(act, net->poly, net->poly_len);
    else
    {
        wc_gauss_act_clear(act);
        act->kind = net->act;
    }
}

int
wc_gauss_act_is_exact(const wc_gauss_act_t act)
{
    return act->kind == WC_ACT_LINEAR || act->kind == WC_ACT_POLY;
}

int
wc_gauss_act_deriv_is_zero(const wc_gauss_act_t act, slong k)
{
    switch (act->kind)
    {
        case WC_ACT_LINEAR:
        case WC_ACT_RELU:
            return k >= 2;
        case WC_ACT_POLY:
            /* poly_len is trimmed: the degree is poly_len - 1. */
            return k >= act->poly_len;
        default:
            return 0;
    }
}

int
wc_gauss_act_parity(const wc_gauss_act_t act, slong k)
{
    slong i;
    int par = 0;

    if (wc_gauss_act_deriv_is_zero(act, k))
        return 1;

    switch (act->kind)
    {
        case WC_ACT_LINEAR:
            return k == 0 ? -1 : 1;
        case WC_ACT_TANH:
        case WC_ACT_ERF:
        case WC_ACT_SIN:
            /* odd functions: even derivatives odd, odd ones even */
            return (k % 2 == 0) ? -1 : 1;
        case WC_ACT_SIGMOID:
            /* sigmoid - 1/2 is odd */
            return k == 0 ? 0 : ((k % 2 == 0) ? -1 : 1);
        case WC_ACT_SOFTPLUS:
            /* softplus - x/2 is even, so softplus^(k) for k >= 2 is
               the k-th derivative of an even function */
            return k <= 1 ? 0 : ((k % 2 == 0) ? 1 : -1);
        case WC_ACT_GELU:
            /* gelu = x/2 + (x/2) erf(x/sqrt 2), the second part even */
            return k <= 1 ? 0 : ((k % 2 == 0) ? 1 : -1);
        case WC_ACT_POLY:
            /* the surviving monomials x^(i-k) must share a parity */
            for (i = k; i < act->poly_len; i++)
            {
                int p;

                if (fmpq_is_zero(act->poly + i))
                    continue;
                p = ((i - k) % 2 == 0) ? 1 : -1;
                if (par == 0)
                    par = p;
                else if (par != p)
                    return 0;
            }
            return par;
        default:
            return 0;
    }
}

/* c * k! * b^k, rounded up, with b = num / den. */
static void
bound_factorial_power(mag_t A, double c, slong k, slong num, slong den,
                      int b_is_over_pi)
{
    arb_t t, u;

    arb_init(t);
    arb_init(u);
    arb_set_d(t, c);
    arb_fac_ui(u, (ulong) k, 64);
    arb_mul(t, t, u, 64);
    arb_set_si(u, num);
    arb_div_si(u, u, den, 64);
    if (b_is_over_pi)
    {
        arb_t pi;

        arb_init(pi);
        arb_const_pi(pi, 64);
        arb_div(u, u, pi, 64);
        arb_clear(pi);
    }
    arb_pow_ui(u, u, (ulong) k, 64);
    arb_mul(t, t, u, 64);
    arb_get_mag(A, t);
    arb_clear(t);
    arb_clear(u);
}

/* The bounds, for |Im z| <= h0 = 0.39 < pi/8 (doc/gauss.md, "Growth
   bounds on the strip", proves each):
     tanh      |tanh| <= 1 on |Im| <= pi/4; Cauchy on disks of radius
               pi/8:  |tanh^(k)| <= k! (8/pi)^k
     sigmoid   = (1 + tanh(z/2))/2:  |s| <= 1, |s^(k)| <= k! (4/pi)^k / 2
     erf       |erf(x+iy)| <= 1 + (2/sqrt pi)|y| e^(y^2) <= 12 on
               |y| <= 1.39; Cauchy radius 1:  |erf^(k)| <= 12 k!
     sin       |sin^(k)(x+iy)| <= cosh(y) <= 2
     softplus  |s| <= |Re z| + log 2 + pi/2 <= 3 (1 + |Re z|);
               s' = sigmoid, s^(k) = sigmoid^(k-1)
     gelu      |z Phi^(k)(z) + k Phi^(k-1)(z)| <= 7 k! (1 + |Re z|) */
void
_wc_gauss_act_strip_bound(mag_t A, slong * e, const wc_gauss_act_t act,
                          slong k)
{
    *e = 0;
    switch (act->kind)
    {
        case WC_ACT_TANH:
            bound_factorial_power(A, 1.0, k, 8, 1, 1);
            break;
        case WC_ACT_SIGMOID:
            if (k == 0)
                mag_one(A);
            else
                bound_factorial_power(A, 0.5, k, 4, 1, 1);
            break;
        case WC_ACT_ERF:
            bound_factorial_power(A, 12.0, k, 1, 1, 0);
            break;
        case WC_ACT_SIN:
            mag_set_ui(A, 2);
            break;
        case WC_ACT_SOFTPLUS:
            if (k == 0)
            {
                mag_set_ui(A, 3);
                *e = 1;
            }
            else if (k == 1)
                mag_one(A);
            else
                bound_factorial_power(A, 0.5, k - 1, 4, 1, 1);
            break;
        case WC_ACT_GELU:
            bound_factorial_power(A, 7.0, k, 1, 1, 0);
            *e = 1;
            break;
        default:
            mag_inf(A);
            *e = 0;
            break;
    }
}
