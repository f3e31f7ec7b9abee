/* LDL^T factorisation of a covariance matrix without pivoting, exact or
   in ball arithmetic.  For a positive semidefinite matrix a zero pivot
   forces the rest of its column of the Schur complement to vanish (a 2 x 2
   principal minor would be negative otherwise), so that column of L is
   set to zero and u_j = sum_i L_ji w_i with independent w_i ~ N(0, D_i)
   reproduces the covariance.  A nonzero leftover in such a column, or a
   negative pivot, proves that the matrix is not positive semidefinite. */

#include "gauss_impl.h"

wc_status
_wc_gauss_ldl_fmpq(fmpq_mat_t L, fmpq * D, const fmpq_mat_t cov,
                   wc_error_t err)
{
    slong d = fmpq_mat_nrows(cov), i, j, k;
    fmpq_t t, u;
    wc_status status = WC_OK;

    fmpq_init(t);
    fmpq_init(u);
    fmpq_mat_zero(L);

    for (i = 0; i < d && status == WC_OK; i++)
    {
        fmpq_set(D + i, fmpq_mat_entry(cov, i, i));
        for (k = 0; k < i; k++)
        {
            fmpq_mul(t, fmpq_mat_entry(L, i, k), fmpq_mat_entry(L, i, k));
            fmpq_mul(t, t, D + k);
            fmpq_sub(D + i, D + i, t);
        }
        if (fmpq_sgn(D + i) < 0)
        {
            status = wc_error_set(err, WC_ERR_RANGE, -1,
                "covariance matrix is not positive semidefinite");
            break;
        }
        fmpq_one(fmpq_mat_entry(L, i, i));

        for (j = i + 1; j < d; j++)
        {
            /* t = cov_ji - sum_{k<i} L_jk L_ik D_k */
            fmpq_set(t, fmpq_mat_entry(cov, j, i));
            for (k = 0; k < i; k++)
            {
                fmpq_mul(u, fmpq_mat_entry(L, j, k),
                         fmpq_mat_entry(L, i, k));
                fmpq_mul(u, u, D + k);
                fmpq_sub(t, t, u);
            }
            if (fmpq_is_zero(D + i))
            {
                if (!fmpq_is_zero(t))
                {
                    status = wc_error_set(err, WC_ERR_RANGE, -1,
                        "covariance matrix is not positive semidefinite");
                    break;
                }
                fmpq_zero(fmpq_mat_entry(L, j, i));
            }
            else
                fmpq_div(fmpq_mat_entry(L, j, i), t, D + i);
        }
    }

    fmpq_clear(t);
    fmpq_clear(u);
    return status;
}

wc_status
_wc_gauss_ldl_arb(arb_mat_t L, arb_ptr D, int * zero, const arb_mat_t cov,
                  slong prec, wc_error_t err)
{
    slong d = arb_mat_nrows(cov), i, j, k;
    arb_t t, u;
    wc_status status = WC_OK;

    arb_init(t);
    arb_init(u);
    arb_mat_zero(L);

    for (i = 0; i < d && status == WC_OK; i++)
    {
        arb_set(D + i, arb_mat_entry(cov, i, i));
        for (k = 0; k < i; k++)
        {
            if (zero[k])
                continue;
            arb_mul(t, arb_mat_entry(L, i, k), arb_mat_entry(L, i, k), prec);
            arb_mul(t, t, D + k, prec);
            arb_sub(D + i, D + i, t, prec);
        }
        zero[i] = arb_is_zero(D + i);
        if (!zero[i] && !arb_is_positive(D + i))
        {
            status = wc_error_set(err, WC_ERR_RANGE, -1,
                arb_is_negative(D + i)
                ? "covariance matrix is not positive semidefinite"
                : "covariance matrix is too close to singular to decide "
                  "its rank at this precision");
            break;
        }
        arb_one(arb_mat_entry(L, i, i));

        for (j = i + 1; j < d; j++)
        {
            if (zero[i])
            {
                /* A zero pivot from exact input leaves an exactly zero
                   column when the input is positive semidefinite. */
                arb_set(t, arb_mat_entry(cov, j, i));
                for (k = 0; k < i; k++)
                {
                    if (zero[k])
                        continue;
                    arb_mul(u, arb_mat_entry(L, j, k),
                            arb_mat_entry(L, i, k), prec);
                    arb_mul(u, u, D + k, prec);
                    arb_sub(t, t, u, prec);
                }
                if (!arb_contains_zero(t))
                {
                    status = wc_error_set(err, WC_ERR_RANGE, -1,
                        "covariance matrix is not positive semidefinite");
                    break;
                }
                arb_zero(arb_mat_entry(L, j, i));
                continue;
            }
            arb_set(t, arb_mat_entry(cov, j, i));
            for (k = 0; k < i; k++)
            {
                if (zero[k])
                    continue;
                arb_mul(u, arb_mat_entry(L, j, k), arb_mat_entry(L, i, k),
                        prec);
                arb_mul(u, u, D + k, prec);
                arb_sub(t, t, u, prec);
            }
            arb_div(arb_mat_entry(L, j, i), t, D + i, prec);
        }
    }

    arb_clear(t);
    arb_clear(u);
    return status;
}
