/* Two correlated variables by Mehler's formula.

   With u_v = sqrt(q_v) z_v, corr(z_1, z_2) = rho, F(z) the product of the
   factors at u_1 as a function of z_1 and G likewise,
       E[F(z_1) G(z_2)] = sum_k rho^k / k! a_k b_k,
       a_k = E[F(z) He_k(z)],  b_k = E[G(z) He_k(z)]
   (He_k the probabilists' Hermite polynomials, E[He_j(z_1) He_k(z_2)] =
   k! rho^k [j = k]).  By Cauchy-Schwarz and Parseval the terms after K
   are bounded by
       |rho|^(K+1) sqrt(E[F^2] - sum_(k<=K) a_k^2/k!)
                   sqrt(E[G^2] - sum_(k<=K) b_k^2/k!),
   computed from the same integrals.  The a_k and E[F^2] come from one
   vector-valued Gauss-Legendre integration over [-R, R]: on each piece
   [c - r, c + r], with |f| <= M on the Bernstein ellipse c + r E_s,
   n nodes err by at most r (64/15) M s^(-2n) / (s^2 - 1) (Trefethen 2008,
   Theorem 4.5); M is bounded on a complex ball enclosing the ellipse,
   with |He_k(z)| <= E[(|z| + |Y|)^k] <= (|z| + (E|Y|^k)^(1/k))^k
   (He_k(z) = E[(z + iY)^k], Y normal; Minkowski's inequality).
   The truncation |x| > R is bounded with the strip bounds and Cramer's
   inequality |He_k(x)| <= 1.0865 sqrt(k!) e^(x^2/4).  doc/gauss.md,
   "Two variables: Mehler's formula", has the proofs.  Cost: O(K) per node
   instead of a nested integral; used when K stays moderate (|rho| not
   close to 1). */

#include <math.h>

#include "gauss_impl.h"

#define WC_MEHLER_MAX_TERMS 1000
#define WC_MEHLER_MAX_NODES 192
#define WC_MEHLER_S 3.0            /* Bernstein ellipse parameter s */

typedef struct
{
    const wc_gauss_act_struct * act;
    const slong * deriv;      /* the factors of this variable */
    slong nf;
    slong len;                /* Taylor length */
    arb_t sq;                 /* sqrt(q) */
    arb_t inv_sqrt_2pi;
    slong K;
    int parity;               /* of F: 1, -1, or 0 */
    mag_struct * tol;         /* per k, and tol[K+1] for E[F^2] */
    mag_struct * absmom;      /* (E|Y|^j)^(1/j), rounded up */
    arb_ptr a;                /* K + 1 moments */
    arb_t N;                  /* E[F^2] */
    mag_struct * err;         /* accumulated errors, K + 2 */
    /* Gauss-Legendre rules by degree */
    arb_ptr * nodes;
    arb_ptr * weights;
    slong prec;
}
hermite_ctx;

/* z = x c, rounded up (c >= 0). */
static void
mag_mul_dbl(mag_t z, const mag_t x, double c)
{
    mag_t t;

    mag_init(t);
    mag_set_d(t, c);
    mag_mul(z, x, t);
    mag_clear(t);
}

/* F(x) (a ball or a wide complex ball) as an acb. */
static void
eval_F(acb_t res, hermite_ctx * H, const acb_t x, slong prec)
{
    acb_ptr ser = _acb_vec_init(FLINT_MAX(H->len, 1));
    acb_t z, t;
    arb_t f;
    slong i;

    acb_init(z);
    acb_init(t);
    arb_init(f);
    acb_mul_arb(z, x, H->sq, prec);
    wc_gauss_act_taylor(ser, H->act, z, H->len, prec);
    acb_one(res);
    for (i = 0; i < H->nf; i++)
    {
        arb_fac_ui(f, (ulong) H->deriv[i], prec);
        acb_mul_arb(t, ser + H->deriv[i], f, prec);
        acb_mul(res, res, t, prec);
    }
    _acb_vec_clear(ser, FLINT_MAX(H->len, 1));
    acb_clear(z);
    acb_clear(t);
    arb_clear(f);
}

/* Gauss-Legendre nodes and weights on [-1, 1] for degree n, cached. */
static void
gl_rule(arb_ptr * x, arb_ptr * w, hermite_ctx * H, slong n)
{
    slong k;

    if (H->nodes[n] == NULL)
    {
        H->nodes[n] = _arb_vec_init(n);
        H->weights[n] = _arb_vec_init(n);
        for (k = 0; k < n; k++)
            arb_hypgeom_legendre_p_ui_root(H->nodes[n] + k,
                                           H->weights[n] + k, n, k, H->prec);
    }
    *x = H->nodes[n];
    *w = H->weights[n];
}

/* One piece [c - r, c + r]; doubled when only half the line is done. */
static void
piece(hermite_ctx * H, const arb_t c, const arb_t r, int depth, int twice)
{
    slong K = H->K, k, j, n, prec = H->prec;
    acb_t B, v, phi;
    mag_t PB, zeta, hb, m, t;
    arb_ptr x, w;
    arb_t y, fy, ph, he0, he1, he2, wt;
    double s = WC_MEHLER_S, lgs = log(WC_MEHLER_S), worst = 0.0;
    mag_struct * HB = _mag_vec_init(K + 2);

    acb_init(B);
    acb_init(v);
    acb_init(phi);
    mag_init(PB);
    mag_init(zeta);
    mag_init(hb);
    mag_init(m);
    mag_init(t);
    arb_init(y);
    arb_init(fy);
    arb_init(ph);
    arb_init(he0);
    arb_init(he1);
    arb_init(he2);
    arb_init(wt);

    /* the ball enclosing the ellipse c + r E_s */
    arb_set(acb_realref(B), c);
    arb_get_mag(t, r);
    mag_mul_dbl(m, t, 0.5 * (s + 1.0 / s));
    arb_add_error_mag(acb_realref(B), m);
    mag_mul_dbl(m, t, 0.5 * (s - 1.0 / s));
    arb_zero(acb_imagref(B));
    arb_add_error_mag(acb_imagref(B), m);

    /* sup |F phi| on it, and the Hermite bounds at zeta = sup |z| */
    eval_F(v, H, B, prec);
    acb_sqr(phi, B, prec);
    acb_mul_2exp_si(phi, phi, -1);
    acb_neg(phi, phi);
    acb_exp(phi, phi, prec);
    {
        arb_t tp;

        arb_init(tp);
        arb_const_pi(tp, prec);
        arb_mul_2exp_si(tp, tp, 1);
        arb_rsqrt(tp, tp, prec);
        acb_mul_arb(phi, phi, tp, prec);
        arb_clear(tp);
    }
    acb_get_mag(PB, v);
    acb_get_mag(m, phi);
    mag_mul(PB, PB, m);
    acb_get_mag(zeta, B);
    for (k = 0; k <= K; k++)
    {
        /* E[(zeta + |Y|)^k] <= (zeta + (E|Y|^k)^(1/k))^k (Minkowski) */
        mag_add(hb, zeta, H->absmom + k);
        mag_pow_ui(hb, hb, (ulong) k);
        mag_mul(HB + k, hb, PB);
    }
    /* E[F^2]: |F|^2 |phi| <= |F phi| |F| */
    acb_get_mag(m, v);
    mag_mul(HB + K + 1, PB, m);

    /* the degree: r (64/15) M s^(-2n) / (s^2 - 1) <= tol for every
       component (in logarithms, floating point; the bound added below is
       the rigorous one) */
    arb_get_mag(t, r);
    for (k = 0; k <= K + 1; k++)
    {
        double lm, lt;

        if (mag_is_zero(HB + k))
            continue;
        if (!mag_is_finite(HB + k))
        {
            worst = HUGE_VAL;
            break;
        }
        lm = mag_get_d_log2_approx(HB + k) + mag_get_d_log2_approx(t)
             + log2(64.0 / 15.0 / (s * s - 1.0));
        lt = mag_get_d_log2_approx(H->tol + k);
        worst = FLINT_MAX(worst, (lm - lt) / (2.0 * lgs / log(2.0)));
    }
    /* (an infinite bound, from a ball too wide for the activation's
       formula, also asks for a split) */
    n = (worst > 1e6) ? WORD(1000000) : (slong) ceil(worst) + 1;

    if (n > WC_MEHLER_MAX_NODES && depth < 12)
    {
        /* split in halves */
        arb_t c2, r2;

        arb_init(c2);
        arb_init(r2);
        arb_mul_2exp_si(r2, r, -1);
        arb_sub(c2, c, r2, prec);
        piece(H, c2, r2, depth + 1, twice);
        arb_add(c2, c, r2, prec);
        piece(H, c2, r2, depth + 1, twice);
        arb_clear(c2);
        arb_clear(r2);
        goto cleanup;
    }
    n = FLINT_MAX(n, 2);
    n = FLINT_MIN(n, 4 * WC_MEHLER_MAX_NODES);

    gl_rule(&x, &w, H, n);
    for (j = 0; j < n; j++)
    {
        /* y = c + r x_j, weight r w_j phi(y) (doubled if twice) */
        arb_mul(y, r, x + j, prec);
        arb_add(y, y, c, prec);
        acb_set_arb(B, y);
        eval_F(v, H, B, prec);
        arb_set(fy, acb_realref(v));
        arb_sqr(ph, y, prec);
        arb_mul_2exp_si(ph, ph, -1);
        arb_neg(ph, ph);
        arb_exp(ph, ph, prec);
        arb_mul(wt, w + j, r, prec);
        arb_mul(wt, wt, ph, prec);
        arb_mul(wt, wt, H->inv_sqrt_2pi, prec);
        if (twice)
            arb_mul_2exp_si(wt, wt, 1);
        arb_mul(wt, wt, fy, prec);

        arb_addmul(H->N, wt, fy, prec);
        arb_one(he0);
        arb_set(he1, y);
        for (k = 0; k <= K; k++)
        {
            const arb_struct * hk = (k == 0) ? he0 : he1;

            if (H->parity == 0 || (k % 2 == 0) == (H->parity == 1))
                arb_addmul(H->a + k, wt, hk, prec);
            if (k >= 1)
            {
                /* He_(k+1) = y He_k - k He_(k-1) */
                arb_mul(he2, y, he1, prec);
                arb_submul_si(he2, he0, k, prec);
                arb_swap(he0, he1);
                arb_swap(he1, he2);
            }
        }
    }
    /* errors */
    for (k = 0; k <= K + 1; k++)
    {
        mag_set_d(m, 64.0 / 15.0 / (s * s - 1.0));
        mag_mul(m, m, HB + k);
        arb_get_mag(t, r);
        mag_mul(m, m, t);
        mag_set_d_lower(t, s);
        mag_pow_ui_lower(t, t, (ulong) (2 * n));
        mag_div(m, m, t);
        if (twice)
            mag_mul_2exp_si(m, m, 1);
        mag_add(H->err + k, H->err + k, m);
    }

cleanup:
    _mag_vec_clear(HB, K + 2);
    acb_clear(B);
    acb_clear(v);
    acb_clear(phi);
    mag_clear(PB);
    mag_clear(zeta);
    mag_clear(hb);
    mag_clear(m);
    mag_clear(t);
    arb_clear(y);
    arb_clear(fy);
    arb_clear(ph);
    arb_clear(he0);
    arb_clear(he1);
    arb_clear(he2);
    arb_clear(wt);
}

/* T(R) = 2^(p+1) Gamma((p+1)/2, R^2/4) / sqrt(2 pi): with the factor
   A kappa sqrt(k!) (1 + sqrt q)^p it bounds int_(|x|>R) |F He_k| phi. */
static void
tail_hermite(mag_t res, const arb_t R, slong p, slong prec)
{
    arb_t a, z, g;

    arb_init(a);
    arb_init(z);
    arb_init(g);
    arb_set_si(a, p + 1);
    arb_mul_2exp_si(a, a, -1);
    arb_sqr(z, R, prec);
    arb_mul_2exp_si(z, z, -2);
    arb_hypgeom_gamma_upper(g, a, z, 0, prec);
    arb_mul_2exp_si(g, g, p + 1);
    arb_const_pi(a, prec);
    arb_mul_2exp_si(a, a, 1);
    arb_rsqrt(a, a, prec);
    arb_mul(g, g, a, prec);
    arb_get_mag(res, g);
    arb_clear(a);
    arb_clear(z);
    arb_clear(g);
}

/* 2^p Gamma(p + 1/2, R^2/2) / sqrt(pi): with A^2 (1 + sqrt q)^(2p) it
   bounds int_(|x|>R) F^2 phi. */
static void
tail_square(mag_t res, const arb_t R, slong p, slong prec)
{
    arb_t a, z, g;

    arb_init(a);
    arb_init(z);
    arb_init(g);
    arb_set_si(a, 2 * p + 1);
    arb_mul_2exp_si(a, a, -1);
    arb_sqr(z, R, prec);
    arb_mul_2exp_si(z, z, -1);
    arb_hypgeom_gamma_upper(g, a, z, 0, prec);
    arb_mul_2exp_si(g, g, p);
    arb_const_sqrt_pi(a, prec);
    arb_div(g, g, a, prec);
    arb_get_mag(res, g);
    arb_clear(a);
    arb_clear(z);
    arb_clear(g);
}

/* a_k = E[F(z) He_k(z)] (k <= K) and N = E[F(z)^2] for the factors at
   one variable of variance q, each a ball. */
static void
hermite_moments(arb_ptr a, arb_t N, const wc_gauss_act_t act,
                const slong * deriv, slong nf, const arb_t q, slong K,
                const mag_t rho_up, slong goal, slong prec)
{
    hermite_ctx H[1];
    slong k, i, e, p = 0, pieces, halfexp;
    mag_t A, At, T, m, base;
    arb_t R, c, r, one_sq;
    double lgtarget, x;

    H->act = act;
    H->deriv = deriv;
    H->nf = nf;
    H->len = 1;
    H->K = K;
    H->prec = prec;
    H->parity = 1;
    arb_init(H->sq);
    arb_sqrt(H->sq, q, prec);
    arb_init(H->inv_sqrt_2pi);
    arb_const_pi(H->inv_sqrt_2pi, prec);
    arb_mul_2exp_si(H->inv_sqrt_2pi, H->inv_sqrt_2pi, 1);
    arb_rsqrt(H->inv_sqrt_2pi, H->inv_sqrt_2pi, prec);
    H->a = a;
    arb_init(H->N);
    H->tol = _mag_vec_init(K + 2);
    H->err = _mag_vec_init(K + 2);
    H->absmom = _mag_vec_init(K + 1);
    H->nodes = flint_calloc(4 * WC_MEHLER_MAX_NODES + 1, sizeof(arb_ptr));
    H->weights = flint_calloc(4 * WC_MEHLER_MAX_NODES + 1,
                              sizeof(arb_ptr));
    mag_init(A);
    mag_init(At);
    mag_init(T);
    mag_init(m);
    mag_init(base);
    arb_init(R);
    arb_init(c);
    arb_init(r);
    arb_init(one_sq);

    /* growth bound |F(x)| <= A (1 + sqrt(q) |x|)^p on the real line */
    mag_one(A);
    for (i = 0; i < nf; i++)
    {
        H->len = FLINT_MAX(H->len, deriv[i] + 1);
        H->parity *= wc_gauss_act_parity(act, deriv[i]);
        _wc_gauss_act_strip_bound(At, &e, act, deriv[i]);
        mag_mul(A, A, At);
        p += e;
    }
    for (k = 0; k <= K; k++)
    {
        /* absmom[k] >= (E|Y|^k)^(1/k) */
        arb_t t, one;

        arb_init(t);
        arb_init(one);
        arb_one(one);
        _wc_gauss_abs_moment(t, one, k, prec);
        arb_get_mag(H->absmom + k, t);
        if (k >= 1)
            mag_root(H->absmom + k, H->absmom + k, (ulong) k);
        arb_clear(t);
        arb_clear(one);
        arb_zero(a + k);
    }
    arb_zero(H->N);

    /* truncation radius: A kappa (1 + sqrt q)^p T(R) <= 2^-goal / 4 */
    arb_add_ui(one_sq, H->sq, 1, prec);
    arb_get_mag(base, one_sq);
    mag_pow_ui(base, base, (ulong) p);
    mag_mul(base, base, A);
    mag_mul_dbl(base, base, 1.0865);
    lgtarget = -(double) goal - 2.0 - mag_get_d_log2_approx(base);
    x = FLINT_MAX(4.0, -lgtarget * 0.6931471805599453);
    for (i = 0; i < 6; i++)
        x = FLINT_MAX(4.0, -lgtarget * 0.6931471805599453
                      + (p + 1) * 0.6931471805599453
                      + 0.5 * (p - 1.0) * log(x));
    arb_set_d(R, ceil(2.0 * sqrt(x)) + 1.0);
    for (i = 0; i < 64; i++)
    {
        tail_hermite(T, R, p, prec);
        mag_mul(m, T, base);
        if (mag_cmp_2exp_si(m, -goal - 2) <= 0)
            break;
        arb_add_ui(R, R, 1, prec);
    }

    /* pieces of half-width r = 2^-halfexp with r sqrt(q) <= 1/2, so
       that the arguments sqrt(q) z on the ellipses stay within
       |Im| <= r sqrt(q) (s - 1/s)/2 <= 2/3 */
    {
        double sqd = arf_get_d(arb_midref(H->sq), ARF_RND_UP)
                     + mag_get_d(arb_radref(H->sq));

        halfexp = 1;
        while (ldexp(sqd, -halfexp) > 0.5)
            halfexp++;
    }
    arb_one(r);
    arb_mul_2exp_si(r, r, -halfexp);
    pieces = (slong) ceil(arf_get_d(arb_midref(R), ARF_RND_UP)
                          * ldexp(1.0, halfexp - 1)) * (H->parity ? 1 : 2);
    arb_set_si(R, pieces / (H->parity ? 1 : 2));
    arb_mul_2exp_si(R, R, 1 - halfexp);

    /* tolerances per piece: 2^-goal sqrt(k!) / max(|rho|^k, 2^-goal) */
    for (k = 0; k <= K + 1; k++)
    {
        mag_one(H->tol + k);
        mag_mul_2exp_si(H->tol + k, H->tol + k, -goal);
        if (k <= K)
        {
            arb_t f;

            arb_init(f);
            arb_fac_ui(f, (ulong) k, prec);
            arb_sqrt(f, f, prec);
            arb_get_mag_lower(m, f);
            mag_mul(H->tol + k, H->tol + k, m);
            mag_pow_ui(m, rho_up, (ulong) k);
            if (mag_cmp_2exp_si(m, -goal) > 0)
                mag_div(H->tol + k, H->tol + k, m);
            else
                mag_mul_2exp_si(H->tol + k, H->tol + k, goal);
            arb_clear(f);
        }
        mag_div_ui(H->tol + k, H->tol + k, (ulong) pieces);
    }

    for (i = 0; i < pieces; i++)
    {
        /* centres: (2i + 1) r from 0 (parity known) or from -R */
        arb_mul_si(c, r, 2 * i + 1, prec);
        if (!H->parity)
            arb_sub(c, c, R, prec);
        piece(H, c, r, 0, H->parity != 0);
    }

    /* quadrature errors and truncation */
    for (k = 0; k <= K; k++)
    {
        if (H->parity != 0 && (k % 2 == 0) != (H->parity == 1))
            continue;
        {
            arb_t f;

            arb_init(f);
            arb_fac_ui(f, (ulong) k, prec);
            arb_sqrt(f, f, prec);
            arb_get_mag(m, f);
            arb_clear(f);
        }
        mag_mul(m, m, base);
        mag_mul(m, m, T);
        mag_add(m, m, H->err + k);
        arb_add_error_mag(a + k, m);
    }
    tail_square(T, R, p, prec);
    mag_mul(m, A, A);
    mag_mul(T, T, m);
    arb_get_mag(m, one_sq);
    mag_pow_ui(m, m, (ulong) (2 * p));
    mag_mul(T, T, m);
    mag_add(T, T, H->err + K + 1);
    arb_add_error_mag(H->N, T);
    arb_set(N, H->N);

    for (i = 0; i <= 4 * WC_MEHLER_MAX_NODES; i++)
        if (H->nodes[i] != NULL)
        {
            _arb_vec_clear(H->nodes[i], i);
            _arb_vec_clear(H->weights[i], i);
        }
    flint_free(H->nodes);
    flint_free(H->weights);
    _mag_vec_clear(H->tol, K + 2);
    _mag_vec_clear(H->err, K + 2);
    _mag_vec_clear(H->absmom, K + 1);
    arb_clear(H->sq);
    arb_clear(H->inv_sqrt_2pi);
    arb_clear(H->N);
    mag_clear(A);
    mag_clear(At);
    mag_clear(T);
    mag_clear(m);
    mag_clear(base);
    arb_clear(R);
    arb_clear(c);
    arb_clear(r);
    arb_clear(one_sq);
}

wc_status
_wc_gauss_expect_mehler(arb_t res, int * done, const wc_gauss_act_t act,
                        const slong * var, const slong * deriv, slong len,
                        const arb_mat_t cov, slong prec, wc_error_t err)
{
    slong goal = prec + 8, K, k, t, n1 = 0, n2 = 0;
    slong * d1 = flint_malloc(FLINT_MAX(len, 1) * sizeof(slong));
    slong * d2 = flint_malloc(FLINT_MAX(len, 1) * sizeof(slong));
    arb_ptr a, b;
    arb_t rho, N1, N2, S, term, f, R1, R2, kf;
    mag_t rho_up, m, tail;
    double lr;

    *done = 0;
    if (arb_mat_nrows(cov) != 2
        || !arb_is_positive(arb_mat_entry(cov, 0, 0))
        || !arb_is_positive(arb_mat_entry(cov, 1, 1)))
    {
        flint_free(d1);
        flint_free(d2);
        return WC_OK;
    }
    for (t = 0; t < len; t++)
    {
        if (var[t] == 0)
            d1[n1++] = deriv[t];
        else
            d2[n2++] = deriv[t];
    }

    arb_init(rho);
    mag_init(rho_up);
    arb_mul(rho, arb_mat_entry(cov, 0, 0), arb_mat_entry(cov, 1, 1), prec);
    arb_rsqrt(rho, rho, prec);
    arb_mul(rho, rho, arb_mat_entry(cov, 0, 1), prec);
    arb_get_mag(rho_up, rho);

    /* K: |rho|^(K+1) below 2^-goal (the residual norms are O(1)) */
    if (arb_is_zero(rho))
        K = 0;
    else
    {
        lr = mag_get_d_log2_approx(rho_up);
        K = (lr >= -1e-3) ? WORD_MAX / 2
                          : (slong) ceil((double) goal / -lr) + 1;
    }
    /* the series' cost grows like K times the nodes; beyond the cap (and
       for |rho| within a few percent of 1) the nested integral is
       cheaper */
    if (K > FLINT_MAX(WC_MEHLER_MAX_TERMS, 4 * goal))
    {
        arb_clear(rho);
        mag_clear(rho_up);
        flint_free(d1);
        flint_free(d2);
        return WC_OK;
    }

    a = _arb_vec_init(K + 1);
    b = _arb_vec_init(K + 1);
    arb_init(N1);
    arb_init(N2);
    arb_init(S);
    arb_init(term);
    arb_init(f);
    arb_init(R1);
    arb_init(R2);
    arb_init(kf);
    mag_init(m);
    mag_init(tail);

    hermite_moments(a, N1, act, d1, n1, arb_mat_entry(cov, 0, 0), K, rho_up,
                    goal, prec);
    hermite_moments(b, N2, act, d2, n2, arb_mat_entry(cov, 1, 1), K, rho_up,
                    goal, prec);

    /* S = sum rho^k / k! a_k b_k; residuals N - sum a_k^2 / k! */
    arb_set(R1, N1);
    arb_set(R2, N2);
    arb_one(f);
    for (k = 0; k <= K; k++)
    {
        if (k > 0)
        {
            arb_mul(f, f, rho, prec);
            arb_div_ui(f, f, (ulong) k, prec);
        }
        arb_mul(term, a + k, b + k, prec);
        arb_addmul(S, term, f, prec);
        arb_fac_ui(kf, (ulong) k, prec);
        arb_sqr(term, a + k, prec);
        arb_div(term, term, kf, prec);
        arb_sub(R1, R1, term, prec);
        arb_sqr(term, b + k, prec);
        arb_div(term, term, kf, prec);
        arb_sub(R2, R2, term, prec);
    }

    /* tail <= |rho|^(K+1) sqrt(R1+) sqrt(R2+) */
    arb_get_ubound_arf(arb_midref(term), R1, prec);
    arb_get_ubound_arf(arb_midref(f), R2, prec);
    mag_zero(arb_radref(term));
    mag_zero(arb_radref(f));
    if (arb_is_negative(term))
        arb_zero(term);
    if (arb_is_negative(f))
        arb_zero(f);
    arb_mul(term, term, f, prec);
    arb_get_mag(m, term);
    mag_sqrt(m, m);
    mag_pow_ui(tail, rho_up, (ulong) (K + 1));
    mag_mul(tail, tail, m);
    arb_add_error_mag(S, tail);
    arb_set(res, S);
    *done = 1;

    _arb_vec_clear(a, K + 1);
    _arb_vec_clear(b, K + 1);
    arb_clear(N1);
    arb_clear(N2);
    arb_clear(S);
    arb_clear(term);
    arb_clear(f);
    arb_clear(R1);
    arb_clear(R2);
    arb_clear(kf);
    arb_clear(rho);
    mag_clear(rho_up);
    mag_clear(m);
    mag_clear(tail);
    flint_free(d1);
    flint_free(d2);
    (void) err;
    return WC_OK;
}
