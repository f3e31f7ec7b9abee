/* Certified nested integration for the analytic activations.

   With cov = L D L^T and w_i ~ N(0, D_i) independent over the r nonzero
   pivots ("levels" 0..r-1), every factor is s^(k_t)(z_t) with
   z_t = sum_i L_(v_t, i) w_i, and belongs to the deepest level its
   argument depends on.  The expectation is the nested integral
       E = int phi_0(w_0) F_0(w_0) H_1(w_0) dw_0,
       H_l(w_0..w_(l-1)) = int phi_l(w_l) F_l(w_0..w_l) H_(l+1)(...) dw_l,
   F_l the product of the factors of level l, phi_l the N(0, D_l)
   density.  Each integral is computed by Arb's acb_calc_integrate
   (Petras' adaptive Gauss-Legendre with error bounds from the integrand
   on Bernstein ellipses; the integrand is holomorphic in the strip
   |Im z| < 3/2) on [-R_l, R_l], and the truncation error is added as a
   rigorous bound:
       |tail_l| <= AB_l prod_(i<l) (1 + |Re w_i|)^(P_l) EI_(l+1)
                   2^P (2 D_l)^(P/2) Gamma((P+1)/2, R_l^2 / (2 D_l)) / sqrt pi
   with P = P_l the total growth exponent of the factors of levels >= l,
   AB_l the product of their strip bounds A_t (1 + Lambda_t)^(e_t), and
   EI_(l+1) = prod_(i>l) E[(1 + |w_i|)^(P_i)] (doc/gauss.md, "Nested
   integration", proves the bound).  Inner integrals are evaluated at
   complex outer arguments only while every inner argument stays in the
   strip |Im z| <= h0 where the growth bounds hold; on wide balls (the
   ellipse bounds of the outer integration) the inner integral is replaced
   by its bound |H_l| <= AB_l prod_(i<l) (1 + |Re w_i|)^(P_l) EI_l. */

#include <math.h>

#include "gauss_impl.h"

typedef struct
{
    const wc_gauss_act_struct * act;
    slong r;                 /* levels */
    slong nv;                /* distinct variables in use */
    slong * vlevel;          /* level of variable v, -1 if constant */
    slong * vlen;            /* Taylor length needed at v */
    arb_ptr coef;            /* nv x r: coefficient of w_l in u_v */
    slong nf;
    const slong * fvar;      /* factor t at variable fvar[t] */
    const slong * fderiv;
    arb_ptr D;               /* r variances */
    arb_ptr half_inv_D;      /* 1 / (2 D_l) */
    arb_ptr norm;            /* 1 / sqrt(2 pi D_l) */
    arb_ptr R;               /* truncation radii in use (exact) */
    mag_struct * ltol;       /* absolute tolerances in use per level */
    mag_struct * AB;         /* AB_l, l = 0..r */
    slong * P;               /* P_l, l = 0..r */
    mag_struct * EI;         /* EI_l, l = 0..r */
    acb_ptr w;               /* current arguments w_0..w_(r-1) */
    acb_ptr series;          /* scratch, one Taylor vector per level */
    slong maxlen;
    slong goal;              /* relative goal of the outermost level */
    mag_t tol;               /* its absolute tolerance */
    acb_calc_integrate_opt_t opt;
    int even;                /* the integrand is even in (w_0..w_(r-1)):
                                integrate w_0 over [0, R] and double */
}
quad_ctx;

typedef struct
{
    quad_ctx * ctx;
    slong level;
}
quad_param;

static int quad_integrand(acb_ptr out, const acb_t inp, void * param,
                          slong order, slong prec);

/* sup |Re x| and sup |Im x| over a complex ball, as mags. */
static void
acb_abs_re_im(mag_t re, mag_t im, const acb_t x)
{
    arb_get_mag(re, acb_realref(x));
    arb_get_mag(im, acb_imagref(x));
}

/* (1 + x)^p for a mag x. */
static void
mag_one_plus_pow(mag_t res, const mag_t x, slong p)
{
    mag_t t;

    mag_init(t);
    mag_one(t);
    mag_add(t, t, x);
    mag_pow_ui(res, t, (ulong) p);
    mag_clear(t);
}

/* Do the arguments of the factors of levels >= l stay in the strip
   |Im z| <= h0, given the current w_0..w_(l-1)?  Also returns in B the
   factor prod_(i<l) (1 + sup |Re w_i|)^(P_l). */
static int
inner_strip_ok(mag_t B, quad_ctx * ctx, slong l)
{
    slong v, i;
    mag_t im, re, s, t, h0;
    int ok = 1;

    mag_init(im);
    mag_init(re);
    mag_init(s);
    mag_init(t);
    mag_init(h0);
    mag_set_d_lower(h0, WC_GAUSS_STRIP_H0);
    mag_one(B);

    for (v = 0; v < ctx->nv && ok; v++)
    {
        if (ctx->vlevel[v] < l)
            continue;
        mag_zero(s);
        for (i = 0; i < l; i++)
        {
            acb_abs_re_im(re, im, ctx->w + i);
            arb_get_mag(t, ctx->coef + v * ctx->r + i);
            mag_mul(t, t, im);
            mag_add(s, s, t);
        }
        if (mag_cmp(s, h0) > 0)
            ok = 0;
    }
    for (i = 0; i < l && ok; i++)
    {
        acb_abs_re_im(re, im, ctx->w + i);
        mag_one_plus_pow(t, re, ctx->P[l]);
        mag_mul(B, B, t);
    }

    mag_clear(im);
    mag_clear(re);
    mag_clear(s);
    mag_clear(t);
    mag_clear(h0);
    return ok;
}

static void tail_bound(mag_t res, const arf_t R, const arb_t D, slong P,
                       slong prec);

/* The integral over level l (given w_0..w_(l-1)) including its tail, to
   an absolute tolerance tol.  outer = prod_(i<l) (1 + |Re w_i|)^(P_l).
   The truncation radius solves (approximately, in floating point) for a
   tail bound of tol / 2; the bound then added is the rigorous one. */
static void
quad_level(acb_t res, quad_ctx * ctx, slong l, const mag_t outer,
           const mag_t tol, slong prec)
{
    quad_param par;
    acb_t a, b;
    mag_t bf, tl, half;
    double g, x, Dd, P = (double) ctx->P[l];
    int k;

    par.ctx = ctx;
    par.level = l;
    acb_init(a);
    acb_init(b);
    mag_init(bf);
    mag_init(tl);
    mag_init(half);

    /* the integrand is at most bf (1 + |y|)^P phi_l(y) on the real line */
    mag_mul(bf, ctx->AB + l, outer);
    mag_mul(bf, bf, ctx->EI + l + 1);
    mag_mul_2exp_si(half, tol, -1);
    if (!mag_is_finite(bf) || mag_is_zero(half))
    {
        acb_indeterminate(res);
        goto cleanup;
    }

    /* log T(x) ~ P log 2 + (P/2) log(2D) + ((P-1)/2) log x - x
       - log(pi)/2 with x = R^2 / (2D); solve log T(x) = log(tol/2/bf) */
    Dd = arf_get_d(arb_midref(ctx->D + l), ARF_RND_UP);
    g = (mag_get_d_log2_approx(half) - mag_get_d_log2_approx(bf))
        * 0.6931471805599453;
    x = FLINT_MAX(1.0, -g);
    for (k = 0; k < 8; k++)
        x = FLINT_MAX(1.0, P * 0.6931471805599453 + 0.5 * P * log(2.0 * Dd)
                      + 0.5 * (P - 1.0) * log(x) - 0.5723649429247001 - g);
    arb_set_d(ctx->R + l, FLINT_MAX(1.0, 1.01 * sqrt(2.0 * Dd * x)));
    for (k = 0; k < 64; k++)
    {
        tail_bound(tl, arb_midref(ctx->R + l), ctx->D + l, ctx->P[l], prec);
        mag_mul(tl, tl, bf);
        if (mag_cmp(tl, half) <= 0)
            break;
        /* the estimate fell short: grow R by 1/16 (exactly) */
        arf_mul_ui(arb_midref(ctx->R + l), arb_midref(ctx->R + l), 17,
                   ARF_PREC_EXACT, ARF_RND_DOWN);
        arf_mul_2exp_si(arb_midref(ctx->R + l), arb_midref(ctx->R + l), -4);
    }
    mag_set(ctx->ltol + l, tol);

    acb_zero(b);
    arb_set(acb_realref(b), ctx->R + l);
    if (ctx->even && l == 0)
        acb_zero(a);
    else
        acb_neg(a, b);
    /* the outermost level has a relative goal; inner levels are driven
       by their absolute tolerance alone */
    acb_calc_integrate(res, quad_integrand, &par, a, b,
                       l == 0 ? ctx->goal : prec, half, ctx->opt, prec);
    if (ctx->even && l == 0)
        acb_mul_2exp_si(res, res, 1);
    acb_add_error_mag(res, tl);

cleanup:
    acb_clear(a);
    acb_clear(b);
    mag_clear(bf);
    mag_clear(tl);
    mag_clear(half);
}

static int
quad_integrand(acb_ptr out, const acb_t inp, void * param, slong order,
               slong prec)
{
    quad_param * par = param;
    quad_ctx * ctx = par->ctx;
    slong l = par->level, v, t, i;
    acb_ptr ser = ctx->series + l * ctx->maxlen;
    acb_t z, prod, x;
    arb_t f;

    acb_set(ctx->w + l, inp);
    acb_init(z);
    acb_init(prod);
    acb_init(x);
    arb_init(f);
    acb_one(prod);

    /* F_l: the factors whose deepest level is l */
    for (v = 0; v < ctx->nv; v++)
    {
        if (ctx->vlevel[v] != l)
            continue;
        acb_zero(z);
        for (i = 0; i <= l; i++)
        {
            acb_mul_arb(x, ctx->w + i, ctx->coef + v * ctx->r + i, prec);
            acb_add(z, z, x, prec);
        }
        wc_gauss_act_taylor(ser, ctx->act, z, ctx->vlen[v], prec);
        for (t = 0; t < ctx->nf; t++)
        {
            if (ctx->fvar[t] != v)
                continue;
            arb_fac_ui(f, (ulong) ctx->fderiv[t], prec);
            acb_mul_arb(x, ser + ctx->fderiv[t], f, prec);
            acb_mul(prod, prod, x, prec);
        }
    }

    /* phi_l(w_l) */
    acb_sqr(x, inp, prec);
    acb_mul_arb(x, x, ctx->half_inv_D + l, prec);
    acb_neg(x, x);
    acb_exp(x, x, prec);
    acb_mul_arb(x, x, ctx->norm + l, prec);
    acb_mul(prod, prod, x, prec);

    if (l + 1 < ctx->r && acb_is_finite(prod))
    {
        mag_t outer, rad;
        int wide;

        mag_init(outer);
        mag_init(rad);
        if (!inner_strip_ok(outer, ctx, l + 1))
            acb_indeterminate(prod);
        else
        {
            mag_hypot(rad, arb_radref(acb_realref(inp)),
                      arb_radref(acb_imagref(inp)));
            wide = (order >= 1) || mag_cmp_2exp_si(rad, -prec / 2) > 0;
            if (wide)
            {
                /* |H_(l+1)| <= AB_(l+1) outer EI_(l+1) */
                mag_mul(rad, ctx->AB + l + 1, outer);
                mag_mul(rad, rad, ctx->EI + l + 1);
                acb_zero(x);
                acb_add_error_mag(x, rad);
            }
            else
            {
                /* the error of H at this node enters the level-l
                   integral multiplied by |F_l phi_l|; over [-R_l, R_l]
                   that keeps the accumulated error below tol_l / 16 */
                mag_t itol;

                mag_init(itol);
                arb_get_mag(itol, ctx->R + l);
                mag_mul_2exp_si(itol, itol, 1);
                acb_get_mag(rad, prod);
                mag_mul(rad, rad, itol);
                if (mag_is_zero(rad))
                    mag_one(rad);
                mag_div(itol, ctx->ltol + l, rad);
                quad_level(x, ctx, l + 1, outer, itol, prec);
                mag_clear(itol);
            }
            acb_mul(prod, prod, x, prec);
        }
        mag_clear(outer);
        mag_clear(rad);
    }

    acb_swap(out, prod);
    acb_clear(z);
    acb_clear(prod);
    acb_clear(x);
    arb_clear(f);
    return 0;
}

/* T(R, D, P) = 2^P (2D)^(P/2) Gamma((P+1)/2, R^2/(2D)) / sqrt(pi), an
   upper bound for int_{|y| > R} (1 + |y|)^P phi_D(y) dy when R >= 1. */
static void
tail_bound(mag_t res, const arf_t R, const arb_t D, slong P, slong prec)
{
    arb_t s, z, g, t;

    arb_init(s);
    arb_init(z);
    arb_init(g);
    arb_init(t);
    arb_set_si(s, P + 1);
    arb_mul_2exp_si(s, s, -1);
    arb_set_arf(z, R);
    arb_sqr(z, z, prec);
    arb_div(z, z, D, prec);
    arb_mul_2exp_si(z, z, -1);
    arb_hypgeom_gamma_upper(g, s, z, 0, prec);
    arb_mul_2exp_si(t, D, 1);
    arb_sqrt(t, t, prec);
    arb_pow_ui(t, t, (ulong) P, prec);
    arb_mul(g, g, t, prec);
    arb_mul_2exp_si(g, g, P);
    arb_const_sqrt_pi(t, prec);
    arb_div(g, g, t, prec);
    arb_get_mag(res, g);
    if (!mag_is_finite(res))
        mag_inf(res);
    arb_clear(s);
    arb_clear(z);
    arb_clear(g);
    arb_clear(t);
}

/* E[(1 + |w|)^P] = sum_j C(P, j) E|w|^j for w ~ N(0, D). */
static void
abs_poly_moment(mag_t res, const arb_t D, slong P, slong prec)
{
    arb_t s, t, c;
    slong j;

    arb_init(s);
    arb_init(t);
    arb_init(c);
    for (j = 0; j <= P; j++)
    {
        _wc_gauss_abs_moment(t, D, j, prec);
        arb_bin_uiui(c, (ulong) P, (ulong) j, prec);
        arb_addmul(s, t, c, prec);
    }
    arb_get_mag(res, s);
    arb_clear(s);
    arb_clear(t);
    arb_clear(c);
}

void
_wc_gauss_abs_moment(arb_t res, const arb_t D, slong j, slong prec)
{
    arb_t t;

    arb_init(t);
    arb_set_si(t, j + 1);
    arb_mul_2exp_si(t, t, -1);
    arb_gamma(res, t, prec);
    arb_const_sqrt_pi(t, prec);
    arb_div(res, res, t, prec);
    arb_mul_2exp_si(t, D, 1);
    arb_sqrt(t, t, prec);
    arb_pow_ui(t, t, (ulong) j, prec);
    arb_mul(res, res, t, prec);
    arb_clear(t);
}

wc_status
_wc_gauss_expect_quad(arb_t res, const wc_gauss_act_t act, const slong * var,
                      const slong * deriv, slong len, const arb_mat_t L,
                      arb_srcptr D, const int * zero, slong d, slong prec,
                      wc_error_t err)
{
    quad_ctx ctx[1];
    slong * piv = flint_malloc(FLINT_MAX(d, 1) * sizeof(slong));
    slong r = 0, v, t, l, i, wp = prec + 16;
    acb_t I, c0;
    arb_t x;
    mag_t A, m;
    int parity = 1;
    wc_status status = WC_OK;

    for (i = 0; i < d; i++)
        if (!zero[i])
            piv[r++] = i;
    if (r > WC_GAUSS_MAX_RANK)
    {
        flint_free(piv);
        return wc_error_set(err, WC_ERR_UNSUPPORTED, -1,
            "%s: Gaussian vectors of rank %ld need a %ld-fold nested "
            "integral; at most %d levels are implemented",
            wc_act_name(act->kind), (long) r, (long) r, WC_GAUSS_MAX_RANK);
    }

    ctx->act = act;
    ctx->r = r;
    ctx->nv = d;
    ctx->nf = len;
    ctx->fvar = var;
    ctx->fderiv = deriv;
    ctx->vlevel = flint_malloc(FLINT_MAX(d, 1) * sizeof(slong));
    ctx->vlen = flint_calloc(FLINT_MAX(d, 1), sizeof(slong));
    ctx->coef = _arb_vec_init(FLINT_MAX(d * r, 1));
    ctx->D = _arb_vec_init(FLINT_MAX(r, 1));
    ctx->half_inv_D = _arb_vec_init(FLINT_MAX(r, 1));
    ctx->norm = _arb_vec_init(FLINT_MAX(r, 1));
    ctx->R = _arb_vec_init(FLINT_MAX(r, 1));
    ctx->ltol = _mag_vec_init(FLINT_MAX(r, 1));
    ctx->AB = _mag_vec_init(r + 2);
    ctx->P = flint_calloc(r + 2, sizeof(slong));
    ctx->EI = _mag_vec_init(r + 2);
    ctx->w = _acb_vec_init(FLINT_MAX(r, 1));
    ctx->goal = prec + 4;
    mag_init(ctx->tol);
    mag_set_ui_2exp_si(ctx->tol, 1, -(prec + 4));
    acb_calc_integrate_opt_init(ctx->opt);

    acb_init(I);
    acb_init(c0);
    arb_init(x);
    mag_init(A);
    mag_init(m);

    /* coefficients, the level of each variable, Taylor lengths */
    for (v = 0; v < d; v++)
    {
        ctx->vlevel[v] = -1;
        for (l = 0; l < r; l++)
        {
            arb_set(ctx->coef + v * r + l, arb_mat_entry(L, v, piv[l]));
            if (!arb_is_zero(ctx->coef + v * r + l))
                ctx->vlevel[v] = l;
        }
    }
    ctx->maxlen = 1;
    for (t = 0; t < len; t++)
    {
        ctx->vlen[var[t]] = FLINT_MAX(ctx->vlen[var[t]], deriv[t] + 1);
        ctx->maxlen = FLINT_MAX(ctx->maxlen, deriv[t] + 1);
        /* the parity of the integrand under w -> -w (factors of
           constant argument are not part of it) */
        if (ctx->vlevel[var[t]] >= 0)
            parity *= wc_gauss_act_parity(act, deriv[t]);
    }
    ctx->series = _acb_vec_init(ctx->maxlen * FLINT_MAX(r, 1));
    ctx->even = (parity == 1);

    /* factors of constant argument (u_v = 0 almost surely) */
    acb_one(c0);
    for (v = 0; v < d; v++)
    {
        if (ctx->vlevel[v] >= 0 || ctx->vlen[v] == 0)
            continue;
        acb_zero(I);
        wc_gauss_act_taylor(ctx->series, act, I, ctx->vlen[v], wp);
        for (t = 0; t < len; t++)
            if (var[t] == v)
            {
                arb_fac_ui(x, (ulong) deriv[t], wp);
                acb_mul_arb(I, ctx->series + deriv[t], x, wp);
                acb_mul(c0, c0, I, wp);
            }
    }

    if (r == 0)
    {
        arb_set(res, acb_realref(c0));
        goto cleanup;
    }

    /* per-level variances and bounds */
    for (l = 0; l < r; l++)
    {
        arb_set(ctx->D + l, D + piv[l]);
        arb_mul_2exp_si(ctx->half_inv_D + l, ctx->D + l, 1);
        arb_inv(ctx->half_inv_D + l, ctx->half_inv_D + l, wp);
        arb_const_pi(x, wp);
        arb_mul(x, x, ctx->D + l, wp);
        arb_mul_2exp_si(x, x, 1);
        arb_rsqrt(ctx->norm + l, x, wp);
        mag_one(ctx->AB + l);
    }
    mag_one(ctx->AB + r);
    for (t = 0; t < len; t++)
    {
        slong e, lv = ctx->vlevel[var[t]];

        if (lv < 0)
            continue;
        _wc_gauss_act_strip_bound(A, &e, act, deriv[t]);
        if (e > 0)
        {
            /* (1 + Lambda_t)^e, Lambda_t = sum_i |coef| */
            mag_one(m);
            for (i = 0; i < r; i++)
            {
                mag_t c;

                mag_init(c);
                arb_get_mag(c, ctx->coef + var[t] * r + i);
                mag_add(m, m, c);
                mag_clear(c);
            }
            mag_pow_ui(m, m, (ulong) e);
            mag_mul(A, A, m);
        }
        mag_mul(ctx->AB + lv, ctx->AB + lv, A);
        ctx->P[lv] += e;
    }
    /* cumulative from the inside: AB_l, P_l over levels >= l */
    for (l = r - 1; l >= 0; l--)
    {
        mag_mul(ctx->AB + l, ctx->AB + l, ctx->AB + l + 1);
        ctx->P[l] += ctx->P[l + 1];
    }
    mag_one(ctx->EI + r);
    for (l = r - 1; l >= 0; l--)
    {
        abs_poly_moment(m, ctx->D + l, ctx->P[l], wp);
        mag_mul(ctx->EI + l, ctx->EI + l + 1, m);
    }

    mag_one(m);
    quad_level(I, ctx, 0, m, ctx->tol, wp);
    acb_mul(I, I, c0, wp);
    arb_set(res, acb_realref(I));
    if (!arb_is_finite(res))
        status = wc_error_set(err, WC_ERR_RANGE, -1,
            "%s: the certified integration did not converge at %ld bits",
            wc_act_name(act->kind), (long) prec);

cleanup:
    flint_free(piv);
    flint_free(ctx->vlevel);
    flint_free(ctx->vlen);
    _arb_vec_clear(ctx->coef, FLINT_MAX(d * r, 1));
    _arb_vec_clear(ctx->D, FLINT_MAX(r, 1));
    _arb_vec_clear(ctx->half_inv_D, FLINT_MAX(r, 1));
    _arb_vec_clear(ctx->norm, FLINT_MAX(r, 1));
    _arb_vec_clear(ctx->R, FLINT_MAX(r, 1));
    _mag_vec_clear(ctx->ltol, FLINT_MAX(r, 1));
    _mag_vec_clear(ctx->AB, r + 2);
    flint_free(ctx->P);
    _mag_vec_clear(ctx->EI, r + 2);
    _acb_vec_clear(ctx->w, FLINT_MAX(r, 1));
    _acb_vec_clear(ctx->series, ctx->maxlen * FLINT_MAX(r, 1));
    mag_clear(ctx->tol);
    acb_clear(I);
    acb_clear(c0);
    arb_clear(x);
    mag_clear(A);
    mag_clear(m);
    return status;
}
