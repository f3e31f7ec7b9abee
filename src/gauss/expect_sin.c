/* sin: an exact formula for any covariance.

   sin^(k)(x) = sin(x + k pi/2) = (c e^(ix) - conj(c) e^(-ix)) / (2i) with
   c = i^k.  Grouping the factors by variable, prod_t sin^(k_t)(u_(v_t)) =
   sum_a prod_j W_j[a_j] e^(i a.u), where W_j is the Laurent polynomial
   prod_{t at j} (c_t X - conj(c_t) / X) / (2i) (Gaussian-integer
   coefficients over a power of two: exact in ball arithmetic).  With
   E[e^(i a.u)] = exp(-a^T Sigma a / 2),
       E = sum_a prod_j W_j[a_j] exp(-a^T Sigma a / 2),
   a finite sum whose only rounding is in the exponentials. */

#include "gauss_impl.h"

#define WC_SIN_MAX_TERMS (WORD(1) << 24)

wc_status
_wc_gauss_expect_sin(arb_t res, const slong * var, const slong * deriv,
                     slong len, const arb_mat_t cov, slong prec,
                     wc_error_t err)
{
    slong d = arb_mat_nrows(cov), j, t, i, total;
    slong * m = flint_calloc(FLINT_MAX(d, 1), sizeof(slong));
    slong * a = flint_calloc(FLINT_MAX(d, 1), sizeof(slong));
    acb_ptr * W = flint_malloc(FLINT_MAX(d, 1) * sizeof(acb_ptr));
    acb_t c, term, sum;
    arb_t q, x;
    wc_status status = WC_OK;

    for (t = 0; t < len; t++)
        m[var[t]]++;
    total = 1;
    for (j = 0; j < d; j++)
    {
        if (total > WC_SIN_MAX_TERMS / (2 * m[j] + 1))
        {
            total = -1;
            break;
        }
        total *= 2 * m[j] + 1;
    }
    if (total < 0)
    {
        flint_free(m);
        flint_free(a);
        flint_free(W);
        return wc_error_set(err, WC_ERR_UNSUPPORTED, -1,
            "sin: the product has too many factors for the exact formula "
            "(more than 2^24 terms)");
    }

    acb_init(c);
    acb_init(term);
    acb_init(sum);
    arb_init(q);
    arb_init(x);

    /* W_j as coefficient vectors, index a + m_j for a in [-m_j, m_j] */
    for (j = 0; j < d; j++)
    {
        slong deg = 0;

        W[j] = _acb_vec_init(2 * m[j] + 1);
        acb_one(W[j] + m[j]);
        for (t = 0; t < len; t++)
        {
            acb_ptr old;

            if (var[t] != j)
                continue;
            old = _acb_vec_init(2 * m[j] + 1);
            _acb_vec_set(old, W[j], 2 * m[j] + 1);
            _acb_vec_zero(W[j], 2 * m[j] + 1);
            /* c = i^k / (2i) = i^(k-1) / 2 multiplies X; the X^-1 term
               has -conj(i^k) / (2i) = conj(c) */
            switch (((deriv[t] - 1) % 4 + 4) % 4)
            {
                case 0: acb_one(c); break;
                case 1: acb_onei(c); break;
                case 2: acb_set_si(c, -1); break;
                default: acb_onei(c); acb_neg(c, c); break;
            }
            acb_mul_2exp_si(c, c, -1);
            for (i = m[j] - deg; i <= m[j] + deg; i++)
            {
                if (acb_is_zero(old + i))
                    continue;
                acb_addmul(W[j] + i + 1, old + i, c, prec);
                acb_conj(term, c);
                acb_addmul(W[j] + i - 1, old + i, term, prec);
            }
            deg++;
            _acb_vec_clear(old, 2 * m[j] + 1);
        }
    }

    /* sum over a, odometer style */
    acb_zero(sum);
    for (j = 0; j < d; j++)
        a[j] = -m[j];
    for (;;)
    {
        acb_one(term);
        for (j = 0; j < d && !acb_is_zero(term); j++)
            acb_mul(term, term, W[j] + a[j] + m[j], prec);
        if (!acb_is_zero(term))
        {
            /* q = a^T Sigma a */
            arb_zero(q);
            for (i = 0; i < d; i++)
                for (j = 0; j < d; j++)
                {
                    if (a[i] == 0 || a[j] == 0)
                        continue;
                    arb_mul_si(x, arb_mat_entry(cov, i, j), a[i] * a[j],
                               prec);
                    arb_add(q, q, x, prec);
                }
            arb_mul_2exp_si(q, q, -1);
            arb_neg(q, q);
            arb_exp(q, q, prec);
            acb_mul_arb(term, term, q, prec);
            acb_add(sum, sum, term, prec);
        }
        for (j = 0; j < d; j++)
        {
            if (a[j] < m[j])
            {
                a[j]++;
                break;
            }
            a[j] = -m[j];
        }
        if (j == d)
            break;
    }
    /* the terms at a and -a are conjugate: the sum is real */
    arb_set(res, acb_realref(sum));

    for (j = 0; j < d; j++)
        _acb_vec_clear(W[j], 2 * m[j] + 1);
    acb_clear(c);
    acb_clear(term);
    acb_clear(sum);
    arb_clear(q);
    arb_clear(x);
    flint_free(m);
    flint_free(a);
    flint_free(W);
    return status;
}
