/* The weak-correlation rate m(n) = n^k that the derived orders of C^{D,d}
   guarantee (Shem-Ur & Oz 2024): in the fixed sense C^{0,d} = O(1/m) for
   d >= 2 and C^{D,d} = O(m^(-1/2)) for D, d >= 1; in the exponential sense
   C^{D,d} = O(m^(-d/2)) for every (D, d) with d >= 1 other than the NTK
   (0, 1).  Each constraint C = O(n^e) allows k <= -e (fixed, D = 0),
   k <= -2e (fixed, D >= 1) or k <= -2e/d (exponential); the rate is the
   smallest allowance over the terms examined.  From upper bounds on the
   orders, it is a lower bound on the true rate. */

#include "weakcorr/order.h"

static void
take_min(fmpq_t k, int * set, const fmpq_t allowance)
{
    if (!*set || fmpq_cmp(allowance, k) < 0)
        fmpq_set(k, allowance);
    *set = 1;
}

void
wc_order_weak_rate(fmpq_t k_fixed, fmpq_t k_exp, slong dmax)
{
    wc_order_t o;
    fmpq_t a;
    fmpz_t dd;
    slong D, d;
    int set_fixed = 0, set_exp = 0;

    wc_order_init(o);
    fmpq_init(a);
    fmpz_init(dd);
    for (D = 0; D <= dmax; D++)
        for (d = 1; D + d <= dmax; d++)
        {
            if (D == 0 && d == 1)
                continue;
            wc_order_cdd(o, D, d);

            /* fixed: -e for D = 0, -2e for D >= 1 */
            fmpq_neg(a, o->exp);
            if (D >= 1)
                fmpq_mul_2exp(a, a, 1);
            take_min(k_fixed, &set_fixed, a);

            /* exponential: -2e / d */
            fmpq_neg(a, o->exp);
            fmpq_mul_2exp(a, a, 1);
            fmpz_set_si(dd, d);
            fmpq_div_fmpz(a, a, dd);
            take_min(k_exp, &set_exp, a);
        }
    fmpz_clear(dd);
    fmpq_clear(a);
    wc_order_clear(o);
}
