/* The public expectation functions: argument checks, exact zeros,
   restriction to the variables in use, the LDL^T factorisation, and the
   choice of method. */

#include "gauss_impl.h"

/* Checks the factors; returns WC_OK, or an error for a variable out of
   range or a negative derivative order. */
static wc_status
check_factors(const slong * var, const slong * deriv, slong len, slong d,
              wc_error_t err)
{
    slong t;

    for (t = 0; t < len; t++)
    {
        if (var[t] < 0 || var[t] >= d)
            return wc_error_set(err, WC_ERR_RANGE, -1,
                "factor %ld refers to variable %ld of a %ld x %ld "
                "covariance matrix", (long) t, (long) var[t], (long) d,
                (long) d);
        if (deriv[t] < 0)
            return wc_error_set(err, WC_ERR_RANGE, -1,
                "factor %ld has negative derivative order", (long) t);
    }
    return WC_OK;
}

/* Is the expectation zero for structural reasons: a derivative that
   vanishes identically, or an odd integrand (u -> -u leaves the centred
   Gaussian law unchanged)? */
static int
structural_zero(const wc_gauss_act_t act, const slong * deriv, slong len)
{
    slong t;
    int par = 1;

    for (t = 0; t < len; t++)
    {
        if (wc_gauss_act_deriv_is_zero(act, deriv[t]))
            return 1;
        par *= wc_gauss_act_parity(act, deriv[t]);
    }
    return par == -1;
}

/* Renumbers the variables in use as 0..*dd-1 (order kept); map[j] is the
   new number of old variable j, or -1. */
static slong *
compress_vars(slong * newvar, slong * dd, const slong * var, slong len,
              slong d)
{
    slong * map = flint_malloc(FLINT_MAX(d, 1) * sizeof(slong));
    slong j, t, k = 0;

    for (j = 0; j < d; j++)
        map[j] = -1;
    for (t = 0; t < len; t++)
        map[var[t]] = 0;
    for (j = 0; j < d; j++)
        if (map[j] == 0)
            map[j] = k++;
    for (t = 0; t < len; t++)
        newvar[t] = map[var[t]];
    *dd = k;
    return map;
}

wc_status
wc_gauss_expect_fmpq(fmpq_t res, const wc_gauss_act_t act, const slong * var,
                     const slong * deriv, slong len, const fmpq_mat_t cov,
                     wc_error_t err)
{
    slong d = fmpq_mat_nrows(cov), dd, i, j;
    slong * nv, * map;
    fmpq_mat_t sub, L;
    fmpq * D;
    wc_status status;

    if (!wc_gauss_act_is_exact(act))
        return wc_error_set(err, WC_ERR_UNSUPPORTED, -1,
            "%s: Gaussian expectations are not rational; use balls",
            wc_act_name(act->kind));
    if ((status = check_factors(var, deriv, len, d, err)) != WC_OK)
        return status;
    if (structural_zero(act, deriv, len))
    {
        fmpq_zero(res);
        return WC_OK;
    }

    nv = flint_malloc(FLINT_MAX(len, 1) * sizeof(slong));
    map = compress_vars(nv, &dd, var, len, d);
    fmpq_mat_init(sub, dd, dd);
    fmpq_mat_init(L, dd, dd);
    D = _fmpq_vec_init(FLINT_MAX(dd, 1));
    for (i = 0; i < d; i++)
        for (j = 0; j < d; j++)
            if (map[i] >= 0 && map[j] >= 0)
                fmpq_set(fmpq_mat_entry(sub, map[i], map[j]),
                         fmpq_mat_entry(cov, i, j));

    status = _wc_gauss_ldl_fmpq(L, D, sub, err);
    if (status == WC_OK)
        _wc_gauss_expect_poly_fmpq(res, act, nv, deriv, len, L, D, dd);

    _fmpq_vec_clear(D, FLINT_MAX(dd, 1));
    fmpq_mat_clear(sub);
    fmpq_mat_clear(L);
    flint_free(nv);
    flint_free(map);
    return status;
}

/* Do two of the variables point in exactly opposite directions
   (u_k = -c u_j with c > 0, from the exact factorisation)?  Then no
   point has both positive and a product of relu factors vanishes. */
static int
relu_opposite(const fmpq_mat_t L, const fmpq * D, slong d)
{
    slong j, k, i;
    fmpq_t cross, dot, t;
    int found = 0;

    fmpq_init(cross);
    fmpq_init(dot);
    fmpq_init(t);
    for (j = 0; j < d && !found; j++)
        for (k = j + 1; k < d && !found; k++)
        {
            int parallel = 1, nonzero = 0;

            /* the coordinates sqrt(D_i) L_ji are proportional iff the
               vectors (L_ji)_i over nonzero pivots are */
            fmpq_zero(dot);
            for (i = 0; i < d; i++)
            {
                slong i2;

                if (fmpq_is_zero(D + i))
                    continue;
                fmpq_mul(t, fmpq_mat_entry(L, j, i), fmpq_mat_entry(L, k, i));
                fmpq_mul(t, t, D + i);
                fmpq_add(dot, dot, t);
                nonzero |= !fmpq_is_zero(fmpq_mat_entry(L, j, i));
                for (i2 = i + 1; i2 < d; i2++)
                {
                    if (fmpq_is_zero(D + i2))
                        continue;
                    fmpq_mul(cross, fmpq_mat_entry(L, j, i),
                             fmpq_mat_entry(L, k, i2));
                    fmpq_mul(t, fmpq_mat_entry(L, k, i),
                             fmpq_mat_entry(L, j, i2));
                    if (!fmpq_equal(cross, t))
                        parallel = 0;
                }
            }
            if (parallel && nonzero && fmpq_sgn(dot) < 0)
                found = 1;
        }
    fmpq_clear(cross);
    fmpq_clear(dot);
    fmpq_clear(t);
    return found;
}

/* The ball methods, given the restricted covariance both as balls (acov)
   and, when the input was rational, exactly (qcov, else NULL). */
static wc_status
expect_balls(arb_t res, const wc_gauss_act_t act, const slong * var,
             const slong * deriv, slong len, const fmpq_mat_t qcov,
             const arb_mat_t acov, slong prec, int force_quad,
             wc_error_t err)
{
    slong d = arb_mat_nrows(acov), wp = prec + 16, i, j;
    arb_mat_t L;
    arb_ptr D;
    int * zero = flint_calloc(FLINT_MAX(d, 1), sizeof(int));
    int opposite = 0;
    wc_status status = WC_OK;

    arb_mat_init(L, d, d);
    D = _arb_vec_init(FLINT_MAX(d, 1));

    /* the closed forms that work on the covariance itself */
    if (!force_quad && (act->kind == WC_ACT_LINEAR
                        || act->kind == WC_ACT_POLY))
    {
        _wc_gauss_expect_poly_arb(res, act, var, deriv, len, acov, wp);
        goto cleanup;
    }
    if (!force_quad && act->kind == WC_ACT_SIN)
    {
        status = _wc_gauss_expect_sin(res, var, deriv, len, acov, wp, err);
        goto cleanup;
    }

    if (qcov != NULL)
    {
        /* decide the rank exactly */
        fmpq_mat_t QL;
        fmpq * QD = _fmpq_vec_init(FLINT_MAX(d, 1));

        fmpq_mat_init(QL, d, d);
        status = _wc_gauss_ldl_fmpq(QL, QD, qcov, err);
        for (i = 0; i < d && status == WC_OK; i++)
        {
            arb_set_fmpq(D + i, QD + i, wp);
            zero[i] = fmpq_is_zero(QD + i);
            for (j = 0; j < d; j++)
                arb_set_fmpq(arb_mat_entry(L, i, j), fmpq_mat_entry(QL, i, j),
                             wp);
        }
        if (status == WC_OK && act->kind == WC_ACT_RELU
            && relu_opposite(QL, QD, d))
            opposite = 1;
        fmpq_mat_clear(QL);
        _fmpq_vec_clear(QD, FLINT_MAX(d, 1));
    }
    else
        status = _wc_gauss_ldl_arb(L, D, zero, acov, wp, err);

    if (status != WC_OK)
        goto cleanup;

    if (force_quad)
    {
        switch (act->kind)
        {
            case WC_ACT_TANH: case WC_ACT_ERF: case WC_ACT_SIGMOID:
            case WC_ACT_GELU: case WC_ACT_SIN: case WC_ACT_SOFTPLUS:
                status = _wc_gauss_expect_quad(res, act, var, deriv, len, L,
                                               D, zero, d, wp, err);
                break;
            default:
                status = wc_error_set(err, WC_ERR_UNSUPPORTED, -1,
                    "%s: the integration route covers the analytic "
                    "activations only", wc_act_name(act->kind));
        }
        goto cleanup;
    }

    if (act->kind == WC_ACT_RELU && opposite)
        arb_zero(res);
    else if (act->kind == WC_ACT_RELU)
        status = _wc_gauss_expect_relu(res, var, deriv, len, acov, L, D,
                                       zero, d, wp, err);
    else
    {
        int done = 0;

        /* two variables of full rank: Mehler's series when it converges
           fast, nested integration otherwise */
        if (d == 2 && !zero[0] && !zero[1])
            status = _wc_gauss_expect_mehler(res, &done, act, var, deriv,
                                             len, acov, wp, err);
        if (status == WC_OK && !done)
            status = _wc_gauss_expect_quad(res, act, var, deriv, len, L, D,
                                           zero, d, wp, err);
    }

cleanup:
    if (status == WC_OK)
        arb_set_round(res, res, prec);
    arb_mat_clear(L);
    _arb_vec_clear(D, FLINT_MAX(d, 1));
    flint_free(zero);
    return status;
}

static wc_status
expect_dispatch(arb_t res, const wc_gauss_act_t act, const slong * var,
                const slong * deriv, slong len, const fmpq_mat_t qcov,
                const arb_mat_t acov_in, slong prec, int force_quad,
                wc_error_t err)
{
    slong d = (qcov != NULL) ? fmpq_mat_nrows(qcov) : arb_mat_nrows(acov_in);
    slong dd, i, j;
    slong * nv, * map;
    fmpq_mat_t qsub;
    arb_mat_t asub;
    wc_status status;

    if ((status = check_factors(var, deriv, len, d, err)) != WC_OK)
        return status;
    if (structural_zero(act, deriv, len))
    {
        arb_zero(res);
        return WC_OK;
    }

    nv = flint_malloc(FLINT_MAX(len, 1) * sizeof(slong));
    map = compress_vars(nv, &dd, var, len, d);
    fmpq_mat_init(qsub, dd, dd);
    arb_mat_init(asub, dd, dd);
    for (i = 0; i < d; i++)
        for (j = 0; j < d; j++)
        {
            if (map[i] < 0 || map[j] < 0)
                continue;
            if (qcov != NULL)
            {
                fmpq_set(fmpq_mat_entry(qsub, map[i], map[j]),
                         fmpq_mat_entry(qcov, i, j));
                arb_set_fmpq(arb_mat_entry(asub, map[i], map[j]),
                             fmpq_mat_entry(qcov, i, j), prec + 32);
            }
            else
                arb_set(arb_mat_entry(asub, map[i], map[j]),
                        arb_mat_entry(acov_in, i, j));
        }

    if (qcov != NULL && wc_gauss_act_is_exact(act) && !force_quad)
    {
        fmpq_t q;

        fmpq_init(q);
        status = wc_gauss_expect_fmpq(q, act, nv, deriv, len, qsub, err);
        if (status == WC_OK)
            arb_set_fmpq(res, q, prec);
        fmpq_clear(q);
    }
    else
        status = expect_balls(res, act, nv, deriv, len,
                              qcov != NULL ? qsub : NULL, asub, prec,
                              force_quad, err);

    fmpq_mat_clear(qsub);
    arb_mat_clear(asub);
    flint_free(nv);
    flint_free(map);
    return status;
}

wc_status
wc_gauss_expect(arb_t res, const wc_gauss_act_t act, const slong * var,
                const slong * deriv, slong len, const fmpq_mat_t cov,
                slong prec, wc_error_t err)
{
    return expect_dispatch(res, act, var, deriv, len, cov, NULL, prec, 0,
                           err);
}

wc_status
wc_gauss_expect_arb_cov(arb_t res, const wc_gauss_act_t act,
                        const slong * var, const slong * deriv, slong len,
                        const arb_mat_t cov, slong prec, wc_error_t err)
{
    return expect_dispatch(res, act, var, deriv, len, NULL, cov, prec, 0,
                           err);
}

wc_status
wc_gauss_expect_quad(arb_t res, const wc_gauss_act_t act, const slong * var,
                     const slong * deriv, slong len, const arb_mat_t cov,
                     slong prec, wc_error_t err)
{
    return expect_dispatch(res, act, var, deriv, len, NULL, cov, prec, 1,
                           err);
}
