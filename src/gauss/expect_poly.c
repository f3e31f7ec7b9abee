/* Gaussian expectations of products of polynomials, exactly.

   Exact route: with cov = L D L^T, u = L w for independent w_i ~ N(0, D_i);
   the product prod_j P_j(u_j) is expanded as a polynomial in w and
   E[w^a] = prod_i D_i^(a_i/2) (a_i - 1)!! (zero for odd a_i).

   Ball route (covariance given as balls): Gaussian integration by parts
   (Isserlis' theorem in recursive form),
       E[u_j u^b] = sum_i Sigma_ji b_i E[u^(b - e_i)],
   tabulated over all exponent vectors up to the degrees present.  No
   rounding happens beyond Arb's ball arithmetic. */

#include <flint/fmpq_mpoly.h>
#include <flint/fmpq_poly.h>

#include "gauss_impl.h"

/* P = s^(k) as a rational polynomial. */
static void
act_deriv_poly(fmpq_poly_t P, const wc_gauss_act_t act, slong k)
{
    slong i;

    fmpq_poly_zero(P);
    if (act->kind == WC_ACT_LINEAR)
        fmpq_poly_set_coeff_si(P, 1, 1);
    else
        for (i = 0; i < act->poly_len; i++)
            fmpq_poly_set_coeff_fmpq(P, i, act->poly + i);
    for (i = 0; i < k; i++)
        fmpq_poly_derivative(P, P);
}

/* P_j = prod over factors at variable j of s^(k_t). */
static fmpq_poly_struct *
factor_polys(const wc_gauss_act_t act, const slong * var,
             const slong * deriv, slong len, slong d)
{
    fmpq_poly_struct * P = flint_malloc(FLINT_MAX(d, 1)
                                        * sizeof(fmpq_poly_struct));
    fmpq_poly_t Q;
    slong j, t;

    fmpq_poly_init(Q);
    for (j = 0; j < d; j++)
    {
        fmpq_poly_init(P + j);
        fmpq_poly_one(P + j);
    }
    for (t = 0; t < len; t++)
    {
        act_deriv_poly(Q, act, deriv[t]);
        fmpq_poly_mul(P + var[t], P + var[t], Q);
    }
    fmpq_poly_clear(Q);
    return P;
}

static void
factor_polys_clear(fmpq_poly_struct * P, slong d)
{
    slong j;

    for (j = 0; j < d; j++)
        fmpq_poly_clear(P + j);
    flint_free(P);
}

void
_wc_gauss_expect_poly_fmpq(fmpq_t res, const wc_gauss_act_t act,
                           const slong * var, const slong * deriv, slong len,
                           const fmpq_mat_t L, const fmpq * D, slong d)
{
    fmpq_poly_struct * P = factor_polys(act, var, deriv, len, d);
    fmpq_mpoly_ctx_t ctx;
    fmpq_mpoly_t prod, lin, acc, g;
    fmpq_t c, m;
    fmpz_t df;
    ulong * exp;
    slong i, j, k, nvars = FLINT_MAX(d, 1);

    fmpq_mpoly_ctx_init(ctx, nvars, ORD_LEX);
    fmpq_mpoly_init(prod, ctx);
    fmpq_mpoly_init(lin, ctx);
    fmpq_mpoly_init(acc, ctx);
    fmpq_mpoly_init(g, ctx);
    fmpq_init(c);
    fmpq_init(m);
    fmpz_init(df);
    exp = flint_malloc(nvars * sizeof(ulong));

    fmpq_mpoly_one(prod, ctx);
    for (j = 0; j < d; j++)
    {
        slong deg = fmpq_poly_degree(P + j);

        if (deg <= 0)
        {
            if (deg < 0)
                fmpq_mpoly_zero(prod, ctx);
            else
            {
                fmpq_poly_get_coeff_fmpq(c, P + j, 0);
                fmpq_mpoly_scalar_mul_fmpq(prod, prod, c, ctx);
            }
            continue;
        }

        /* lin = u_j = sum_i L_ji w_i */
        fmpq_mpoly_zero(lin, ctx);
        for (i = 0; i <= j; i++)
        {
            if (fmpq_is_zero(fmpq_mat_entry(L, j, i)) || fmpq_is_zero(D + i))
                continue;
            fmpq_mpoly_gen(g, i, ctx);
            fmpq_mpoly_scalar_mul_fmpq(g, g, fmpq_mat_entry(L, j, i), ctx);
            fmpq_mpoly_add(lin, lin, g, ctx);
        }

        /* acc = P_j(lin) by Horner's rule */
        fmpq_mpoly_zero(acc, ctx);
        for (k = deg; k >= 0; k--)
        {
            fmpq_mpoly_mul(acc, acc, lin, ctx);
            fmpq_poly_get_coeff_fmpq(c, P + j, k);
            fmpq_mpoly_add_fmpq(acc, acc, c, ctx);
        }
        fmpq_mpoly_mul(prod, prod, acc, ctx);
    }

    fmpq_zero(res);
    for (k = 0; k < fmpq_mpoly_length(prod, ctx); k++)
    {
        int zero = 0;

        fmpq_mpoly_get_term_coeff_fmpq(c, prod, k, ctx);
        fmpq_mpoly_get_term_exp_ui(exp, prod, k, ctx);
        for (i = 0; i < nvars && !zero; i++)
        {
            if (exp[i] == 0)
                continue;
            if (exp[i] % 2 == 1 || i >= d || fmpq_is_zero(D + i))
            {
                zero = 1;
                break;
            }
            /* D_i^(a/2) (a - 1)!! */
            fmpq_pow_si(m, D + i, (slong) (exp[i] / 2));
            fmpz_one(df);
            {
                ulong f;

                for (f = exp[i] - 1; f > 1; f -= 2)
                    fmpz_mul_ui(df, df, f);
            }
            fmpq_mul_fmpz(m, m, df);
            fmpq_mul(c, c, m);
        }
        if (!zero)
            fmpq_add(res, res, c);
    }

    flint_free(exp);
    fmpz_clear(df);
    fmpq_clear(c);
    fmpq_clear(m);
    fmpq_mpoly_clear(prod, ctx);
    fmpq_mpoly_clear(lin, ctx);
    fmpq_mpoly_clear(acc, ctx);
    fmpq_mpoly_clear(g, ctx);
    fmpq_mpoly_ctx_clear(ctx);
    factor_polys_clear(P, d);
}

/* Ball route: E[prod_j P_j(u_j)] with u ~ N(0, cov), cov given as
   balls. */
void
_wc_gauss_expect_poly_arb(arb_t res, const wc_gauss_act_t act,
                          const slong * var, const slong * deriv, slong len,
                          const arb_mat_t cov, slong prec)
{
    slong d = arb_mat_nrows(cov);
    fmpq_poly_struct * P = factor_polys(act, var, deriv, len, d);
    slong * N = flint_malloc(FLINT_MAX(d, 1) * sizeof(slong));
    slong * stride = flint_malloc((d + 1) * sizeof(slong));
    slong * a = flint_calloc(FLINT_MAX(d, 1), sizeof(slong));
    slong size, idx, i, j;
    arb_ptr M;
    arb_t t, c;

    arb_init(t);
    arb_init(c);
    stride[0] = 1;
    for (j = 0; j < d; j++)
    {
        N[j] = FLINT_MAX(fmpq_poly_degree(P + j), 0);
        stride[j + 1] = stride[j] * (N[j] + 1);
    }
    size = stride[d];
    M = _arb_vec_init(size);

    /* M[a] = E[prod_j u_j^a_j], a in mixed radix; a - e_j - e_i has a
       smaller index, so one pass in increasing order suffices. */
    arb_one(M + 0);
    for (idx = 1; idx < size; idx++)
    {
        slong rem = idx, first = -1, tot = 0;

        for (j = 0; j < d; j++)
        {
            a[j] = rem % (N[j] + 1);
            rem /= N[j] + 1;
            tot += a[j];
            if (first < 0 && a[j] > 0)
                first = j;
        }
        if (tot % 2 == 1)
            continue;
        /* E[u_f u^b], b = a - e_f */
        a[first]--;
        for (i = 0; i < d; i++)
        {
            if (a[i] == 0)
                continue;
            arb_mul_si(t, arb_mat_entry(cov, first, i), a[i], prec);
            arb_addmul(M + idx, t,
                       M + idx - stride[first] - stride[i], prec);
        }
        a[first]++;
    }

    /* sum over the monomials of prod_j P_j */
    arb_zero(res);
    for (idx = 0; idx < size; idx++)
    {
        slong rem = idx;
        int nz = 1;

        if (arb_is_zero(M + idx))
            continue;
        arb_set(t, M + idx);
        for (j = 0; j < d && nz; j++)
        {
            fmpq_t q;

            fmpq_init(q);
            fmpq_poly_get_coeff_fmpq(q, P + j, rem % (N[j] + 1));
            rem /= N[j] + 1;
            if (fmpq_is_zero(q))
                nz = 0;
            else
            {
                arb_set_fmpq(c, q, prec);
                arb_mul(t, t, c, prec);
            }
            fmpq_clear(q);
        }
        if (nz)
            arb_add(res, res, t, prec);
    }
    for (j = 0; j < d; j++)
        if (fmpq_poly_is_zero(P + j))
            arb_zero(res);

    _arb_vec_clear(M, size);
    arb_clear(t);
    arb_clear(c);
    flint_free(N);
    flint_free(stride);
    flint_free(a);
    factor_polys_clear(P, d);
}
