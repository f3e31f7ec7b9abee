/* relu: closed forms.  relu = u 1(u > 0) and relu' = 1(u > 0) (with
   relu'(0) = 0), so a product of relu factors is prod_j u_j^(a_j)
   1(u_j > 0), a_j the number of undifferentiated factors at variable j.

   Rank one (u_j = l_j w, w ~ N(0, D)): with A = sum a_j and the half
   moments M_A = E[z^A; z > 0] = 2^(A/2 - 1) Gamma((A+1)/2) / sqrt(pi),
       E = [all l_j > 0] prod l_j^(a_j) D^(A/2) M_A
         + [all l_j < 0] prod l_j^(a_j) (-1)^A D^(A/2) M_A.
   Two variables of full rank: m(a, b) = E[u1^a u2^b; u1 > 0, u2 > 0]
   obeys Gaussian integration by parts (doc/gauss.md derives it),
       m(a, b) = q1 ((a-1) m(a-2, b) + [a = 1] B1(b))
               + c (b m(a-1, b-1) + [b = 0] B2(a-1)),
   B1(b) = (2 pi q1)^(-1/2) v2^(b/2) M_b,  v2 = q2 - c^2/q1,
   B2(a) = (2 pi q2)^(-1/2) v1^(a/2) M_a,  v1 = q1 - c^2/q2,
   from m(0, 0) = 1/4 + asin(rho) / (2 pi) (Sheppard's formula), and the
   mirror image for a = 0.  Rank two with more variables: polar
   coordinates (relu_rank_two below).  Everything is exact up to Arb's
   rounding. */

#include "gauss_impl.h"

/* M_A = E[z^A; z > 0] for standard normal z. */
static void
half_moment(arb_t res, slong A, slong prec)
{
    arb_t t;

    arb_init(t);
    arb_set_si(res, A + 1);
    arb_mul_2exp_si(res, res, -1);
    arb_gamma(res, res, prec);
    arb_const_sqrt_pi(t, prec);
    arb_div(res, res, t, prec);
    arb_set_si(t, A);
    arb_mul_2exp_si(t, t, -1);
    arb_sub_ui(t, t, 1, prec);
    {
        arb_t two;

        arb_init(two);
        arb_set_ui(two, 2);
        arb_pow(t, two, t, prec);
        arb_clear(two);
    }
    arb_mul(res, res, t, prec);
    arb_clear(t);
}

/* Clamps a ball for a correlation to [-1, 1], where the truth lies. */
static void
clamp_unit(arb_t x, slong prec)
{
    arf_t lo, hi;

    arf_init(lo);
    arf_init(hi);
    arb_get_interval_arf(lo, hi, x, prec);
    if (arf_cmp_si(lo, -1) < 0)
        arf_set_si(lo, -1);
    if (arf_cmp_si(hi, 1) > 0)
        arf_set_si(hi, 1);
    if (arf_cmp(lo, hi) > 0)
        arf_set(lo, hi);
    arb_set_interval_arf(x, lo, hi, prec);
    arf_clear(lo);
    arf_clear(hi);
}

static wc_status
relu_rank_one(arb_t res, const slong * a, slong d, const arb_mat_t L,
              arb_srcptr D, slong piv, slong prec, wc_error_t err)
{
    slong j, A = 0;
    int all_pos = 1, all_neg = 1;
    arb_t t, p;

    for (j = 0; j < d; j++)
    {
        const arb_struct * l = arb_mat_entry(L, j, piv);

        A += a[j];
        if (arb_is_zero(l))
        {
            /* u_j = 0: the step factor vanishes (relu'(0) = 0) */
            arb_zero(res);
            return WC_OK;
        }
        if (!arb_is_positive(l))
            all_pos = 0;
        if (!arb_is_negative(l))
            all_neg = 0;
        if (!arb_is_positive(l) && !arb_is_negative(l))
            return wc_error_set(err, WC_ERR_RANGE, -1,
                "relu: the sign of a correlation cannot be decided at "
                "this precision");
    }

    arb_zero(res);
    if (!all_pos && !all_neg)
        return WC_OK;

    arb_init(t);
    arb_init(p);
    half_moment(t, A, prec);
    arb_sqrt(p, D + piv, prec);
    arb_pow_ui(p, p, (ulong) A, prec);
    arb_mul(t, t, p, prec);
    for (j = 0; j < d; j++)
    {
        arb_pow_ui(p, arb_mat_entry(L, j, piv), (ulong) a[j], prec);
        arb_mul(t, t, p, prec);
    }
    /* all l_j < 0: the region is w < 0, and E[w^A; w < 0] carries the
       sign (-1)^A */
    if (all_neg && A % 2 == 1)
        arb_neg(t, t);
    arb_set(res, t);
    arb_clear(t);
    arb_clear(p);
    return WC_OK;
}

static void
relu_two(arb_t res, slong a1, slong a2, const arb_mat_t cov, slong prec)
{
    const arb_struct * q1 = arb_mat_entry(cov, 0, 0);
    const arb_struct * q2 = arb_mat_entry(cov, 1, 1);
    const arb_struct * c = arb_mat_entry(cov, 0, 1);
    slong A = a1 + 1, Bn = a2 + 1, a, b, s = FLINT_MAX(a1, a2) + 1;
    arb_ptr m, B1, B2, M;
    arb_t rho, v1, v2, t, u, pi;

    m = _arb_vec_init(A * Bn);
    B1 = _arb_vec_init(s);
    B2 = _arb_vec_init(s);
    M = _arb_vec_init(s);
    arb_init(rho);
    arb_init(v1);
    arb_init(v2);
    arb_init(t);
    arb_init(u);
    arb_init(pi);
    arb_const_pi(pi, prec);

    /* rho, and the conditional variances (nonnegative: sqrtpos) */
    arb_mul(t, q1, q2, prec);
    arb_rsqrt(t, t, prec);
    arb_mul(rho, c, t, prec);
    clamp_unit(rho, prec);
    arb_sqr(t, c, prec);
    arb_div(v2, t, q1, prec);
    arb_sub(v2, q2, v2, prec);
    arb_div(v1, t, q2, prec);
    arb_sub(v1, q1, v1, prec);

    for (a = 0; a < s; a++)
    {
        half_moment(M + a, a, prec);
        /* B1(a) = (2 pi q1)^(-1/2) v2^(a/2) M_a */
        arb_mul(t, pi, q1, prec);
        arb_mul_2exp_si(t, t, 1);
        arb_rsqrt(t, t, prec);
        arb_sqrtpos(u, v2, prec);
        arb_pow_ui(u, u, (ulong) a, prec);
        arb_mul(B1 + a, t, u, prec);
        arb_mul(B1 + a, B1 + a, M + a, prec);
        arb_mul(t, pi, q2, prec);
        arb_mul_2exp_si(t, t, 1);
        arb_rsqrt(t, t, prec);
        arb_sqrtpos(u, v1, prec);
        arb_pow_ui(u, u, (ulong) a, prec);
        arb_mul(B2 + a, t, u, prec);
        arb_mul(B2 + a, B2 + a, M + a, prec);
    }

#define MM(i, j) (m + (i) * Bn + (j))
    /* m(0, 0) = 1/4 + asin(rho) / (2 pi) */
    arb_asin(t, rho, prec);
    arb_div(t, t, pi, prec);
    arb_mul_2exp_si(t, t, -1);
    arb_set_d(u, 0.25);
    arb_add(MM(0, 0), t, u, prec);

    /* increasing a + b: every term on the right has a smaller sum */
    for (s = 1; s <= a1 + a2; s++)
        for (a = FLINT_MAX(0, s - a2); a <= FLINT_MIN(s, a1); a++)
        {
            b = s - a;
            arb_zero(MM(a, b));
            if (a >= 1)
            {
                if (a >= 2)
                    arb_mul_si(t, MM(a - 2, b), a - 1, prec);
                else
                    arb_set(t, B1 + b);
                arb_mul(t, t, q1, prec);
                if (b >= 1)
                    arb_mul_si(u, MM(a - 1, b - 1), b, prec);
                else
                    arb_set(u, B2 + a - 1);
                arb_addmul(t, u, c, prec);
            }
            else
            {
                if (b >= 2)
                    arb_mul_si(t, MM(a, b - 2), b - 1, prec);
                else
                    arb_set(t, B2 + a);
                arb_mul(t, t, q2, prec);
                /* a = 0: the mixed term is the boundary B1(b - 1) */
                arb_addmul(t, B1 + b - 1, c, prec);
            }
            arb_set(MM(a, b), t);
        }
    arb_set(res, MM(a1, a2));
#undef MM

    _arb_vec_clear(m, A * Bn);
    _arb_vec_clear(B1, FLINT_MAX(a1, a2) + 1);
    _arb_vec_clear(B2, FLINT_MAX(a1, a2) + 1);
    _arb_vec_clear(M, FLINT_MAX(a1, a2) + 1);
    arb_clear(rho);
    arb_clear(v1);
    arb_clear(v2);
    arb_clear(t);
    arb_clear(u);
    arb_clear(pi);
}

/* Rank two, any number of variables.  Whitened, z ~ N(0, I_2) and
   u_j = a_j z_1 + b_j z_2 = r rho_j cos(theta - phi_j) in polar
   coordinates, so that
       E = [2^(A/2) Gamma(A/2 + 1) / (2 pi)]
           int_W prod_j (rho_j cos(theta - phi_j))^(a_j) dtheta
   over the wedge W where every cos(theta - phi_j) > 0.  With
   delta_j = phi_j - phi_0 reduced to (-pi, pi], W is [max delta - pi/2,
   min delta + pi/2] (empty unless max delta - min delta < pi); the
   integrand is a trigonometric polynomial, integrated exactly term by
   term.  Endpoints enter through the antiderivative, which is continuous,
   so ball endpoints (and max(hi, lo) for a possibly empty wedge) give a
   rigorous enclosure. */
static wc_status
relu_rank_two(arb_t res, const slong * a, slong d, const arb_mat_t L,
              arb_srcptr D, slong p1, slong p2, slong prec, wc_error_t err)
{
    slong j, k, A = 0, deg;
    arb_ptr rho = _arb_vec_init(d), delta = _arb_vec_init(d);
    acb_ptr poly, next;
    arb_t s1, s2, lo, hi, t, pi, u, mpi;
    acb_t c, e1, e2, w;
    wc_status status = WC_OK;

    arb_init(mpi);
    arb_init(s1);
    arb_init(s2);
    arb_init(lo);
    arb_init(hi);
    arb_init(t);
    arb_init(u);
    arb_init(pi);
    acb_init(c);
    acb_init(e1);
    acb_init(e2);
    acb_init(w);
    arb_const_pi(pi, prec);
    arb_sqrt(s1, D + p1, prec);
    arb_sqrt(s2, D + p2, prec);

    for (j = 0; j < d; j++)
        A += a[j];
    poly = _acb_vec_init(2 * A + 1);
    next = _acb_vec_init(2 * A + 1);

    for (j = 0; j < d; j++)
    {
        arb_mul(t, arb_mat_entry(L, j, p1), s1, prec);
        arb_mul(u, arb_mat_entry(L, j, p2), s2, prec);
        if (arb_is_zero(t) && arb_is_zero(u))
        {
            /* u_j = 0: the step factor vanishes */
            arb_zero(res);
            goto cleanup;
        }
        arb_hypot(rho + j, t, u, prec);
        arb_atan2(delta + j, u, t, prec);
        if (!arb_is_finite(delta + j))
        {
            status = wc_error_set(err, WC_ERR_RANGE, -1,
                "relu: an angle cannot be decided at this precision");
            goto cleanup;
        }
    }

    /* delta_j = phi_j - phi_0 in (-pi, pi]; lo = max - pi/2,
       hi = min + pi/2 */
    arb_neg(mpi, pi);
    arb_zero(lo);
    arb_zero(hi);
    for (j = 1; j < d; j++)
    {
        arb_sub(t, delta + j, delta + 0, prec);
        if (arb_gt(t, pi))
            arb_submul_ui(t, pi, 2, prec);
        else if (arb_le(t, mpi))
            arb_addmul_ui(t, pi, 2, prec);
        else if (!(arb_lt(t, pi) && arb_gt(t, mpi)))
        {
            /* (nearly) opposite directions; exactly opposite ones are
               caught exactly by the caller */
            status = wc_error_set(err, WC_ERR_RANGE, -1,
                "relu: nearly opposite directions cannot be told apart at "
                "this precision");
            goto cleanup;
        }
        arb_max(lo, lo, t, prec);
        arb_min(hi, hi, t, prec);
    }
    arb_mul_2exp_si(u, pi, -1);
    arb_sub(lo, lo, u, prec);
    arb_add(hi, hi, u, prec);
    arb_max(hi, hi, lo, prec);

    /* the trigonometric polynomial prod_j (rho_j cos(theta - delta_j))
       ^a_j as coefficients of e^(i k theta), k = -A..A (index k + A) */
    acb_one(poly + A);
    deg = 0;
    for (j = 0; j < d; j++)
        for (k = 0; k < a[j]; k++)
        {
            slong i;

            /* multiply by (rho/2) (e^(-i delta) X + e^(i delta) / X) */
            arb_sin_cos(acb_imagref(e1), acb_realref(e1), delta + j, prec);
            acb_conj(e2, e1);
            acb_mul_arb(e1, e1, rho + j, prec);
            acb_mul_arb(e2, e2, rho + j, prec);
            acb_mul_2exp_si(e1, e1, -1);
            acb_mul_2exp_si(e2, e2, -1);
            _acb_vec_zero(next, 2 * A + 1);
            for (i = A - deg; i <= A + deg; i++)
            {
                acb_addmul(next + i + 1, poly + i, e2, prec);
                acb_addmul(next + i - 1, poly + i, e1, prec);
            }
            _acb_vec_swap(poly, next, 2 * A + 1);
            deg++;
        }

    /* integrate over [lo, hi] */
    acb_zero(w);
    for (k = -A; k <= A; k++)
    {
        if (acb_is_zero(poly + k + A))
            continue;
        if (k == 0)
        {
            arb_sub(t, hi, lo, prec);
            acb_mul_arb(c, poly + A, t, prec);
        }
        else
        {
            /* (e^(i k hi) - e^(i k lo)) / (i k) */
            arb_mul_si(t, hi, k, prec);
            arb_sin_cos(acb_imagref(e1), acb_realref(e1), t, prec);
            arb_mul_si(t, lo, k, prec);
            arb_sin_cos(acb_imagref(e2), acb_realref(e2), t, prec);
            acb_sub(c, e1, e2, prec);
            acb_div_onei(c, c);
            acb_div_si(c, c, k, prec);
            acb_mul(c, c, poly + k + A, prec);
        }
        acb_add(w, w, c, prec);
    }

    /* radial factor 2^(A/2) Gamma(A/2 + 1) / (2 pi) */
    arb_set_si(t, A);
    arb_mul_2exp_si(t, t, -1);
    arb_add_ui(t, t, 1, prec);
    arb_gamma(t, t, prec);
    arb_set_ui(u, 2);
    arb_sqrt(u, u, prec);
    arb_pow_ui(u, u, (ulong) A, prec);
    arb_mul(t, t, u, prec);
    arb_div(t, t, pi, prec);
    arb_mul_2exp_si(t, t, -1);
    arb_mul(res, acb_realref(w), t, prec);

cleanup:
    arb_clear(mpi);
    _arb_vec_clear(rho, d);
    _arb_vec_clear(delta, d);
    _acb_vec_clear(poly, 2 * A + 1);
    _acb_vec_clear(next, 2 * A + 1);
    arb_clear(s1);
    arb_clear(s2);
    arb_clear(lo);
    arb_clear(hi);
    arb_clear(t);
    arb_clear(u);
    arb_clear(pi);
    acb_clear(c);
    acb_clear(e1);
    acb_clear(e2);
    acb_clear(w);
    return status;
}

wc_status
_wc_gauss_expect_relu(arb_t res, const slong * var, const slong * deriv,
                      slong len, const arb_mat_t cov, const arb_mat_t L,
                      arb_srcptr D, const int * zero, slong d, slong prec,
                      wc_error_t err)
{
    slong * a = flint_calloc(FLINT_MAX(d, 1), sizeof(slong));
    slong j, t, rank = 0, piv = -1;
    wc_status status = WC_OK;

    for (t = 0; t < len; t++)
        if (deriv[t] == 0)
            a[var[t]]++;
    for (j = 0; j < d; j++)
        if (!zero[j])
        {
            rank++;
            piv = j;
        }

    if (d == 0)
        arb_one(res);
    else if (rank == 0)
        arb_zero(res);
    else if (rank == 1)
        status = relu_rank_one(res, a, d, L, D, piv, prec, err);
    else if (d == 2)
        relu_two(res, a[0], a[1], cov, prec);
    else if (rank == 2)
    {
        slong p1 = -1, p2 = -1;

        for (j = 0; j < d; j++)
            if (!zero[j])
            {
                if (p1 < 0)
                    p1 = j;
                else
                    p2 = j;
            }
        status = relu_rank_two(res, a, d, L, D, p1, p2, prec, err);
    }
    else
        status = wc_error_set(err, WC_ERR_UNSUPPORTED, -1,
            "relu: expectations over Gaussian vectors of rank %ld are "
            "not implemented (closed forms cover ranks one and two)",
            (long) rank);

    flint_free(a);
    return status;
}
