/* The normal distribution function and its inverse against MPFR at 128
   bits.  Reference quantiles are found by Newton's method on
   erfc(-x/sqrt 2)/2 - p in MPFR and accepted only when the residual is
   below 2^-100 p, far below the double rounding being measured.  The
   accuracy asserted is the bound of doc/stats.md: relative error at most
   1.25 d + 2u, where d bounds the relative errors of the libm erf and
   erfc at the points evaluated (measured here against MPFR) and
   u = 2^-53; for subnormal p a further 2^-1074 / (p x^2). */

#include <float.h>
#include <mpfr.h>

#include "testutil.h"
#include "sim.h"

#define U (DBL_EPSILON / 2)
#define PREC 128

/* Relative error of libm's erfc (which = 1) or erf at z, against MPFR. */
static double
libm_error(double z, int which)
{
    mpfr_t a;
    double v = which ? erfc(z) : erf(z), e;

    mpfr_init2(a, PREC);
    mpfr_set_d(a, z, MPFR_RNDN);
    if (which)
        mpfr_erfc(a, a, MPFR_RNDN);
    else
        mpfr_erf(a, a, MPFR_RNDN);
    if (mpfr_zero_p(a))
        e = (v == 0.0) ? 0.0 : 1.0;
    else
    {
        mpfr_sub_d(a, a, v, MPFR_RNDN);
        mpfr_div_d(a, a, which ? erfc(z) : erf(z), MPFR_RNDN);
        e = fabs(mpfr_get_d(a, MPFR_RNDN));
    }
    mpfr_clear(a);
    return e;
}

/* Phi(x) - p in MPFR; also returns phi(x) in dphi. */
static void
residual(mpfr_t f, mpfr_t dphi, const mpfr_t x, double p)
{
    mpfr_t t;

    mpfr_init2(t, PREC);
    mpfr_sqrt_ui(t, 2, MPFR_RNDN);
    mpfr_div(f, x, t, MPFR_RNDN);
    mpfr_neg(f, f, MPFR_RNDN);
    mpfr_erfc(f, f, MPFR_RNDN);
    mpfr_div_2ui(f, f, 1, MPFR_RNDN);
    mpfr_sub_d(f, f, p, MPFR_RNDN);

    mpfr_sqr(dphi, x, MPFR_RNDN);
    mpfr_div_2ui(dphi, dphi, 1, MPFR_RNDN);
    mpfr_neg(dphi, dphi, MPFR_RNDN);
    mpfr_exp(dphi, dphi, MPFR_RNDN);
    mpfr_const_pi(t, MPFR_RNDN);
    mpfr_mul_2ui(t, t, 1, MPFR_RNDN);
    mpfr_sqrt(t, t, MPFR_RNDN);
    mpfr_div(dphi, dphi, t, MPFR_RNDN);
    mpfr_clear(t);
}

/* The quantile of p to PREC bits, by Newton from x0; 0 on failure. */
static int
reference_quantile(mpfr_t x, double p, double x0)
{
    mpfr_t f, d;
    int i, ok;

    mpfr_inits2(PREC, f, d, (mpfr_ptr) 0);
    mpfr_set_d(x, x0, MPFR_RNDN);
    /* Newton converges quadratically (error e becomes about |x| e^2 / 2):
       from a start good to 1e-7 (the worst case, subnormal p), three
       steps reach the working precision; a worse start fails the
       residual test below. */
    for (i = 0; i < 3; i++)
    {
        residual(f, d, x, p);
        mpfr_div(f, f, d, MPFR_RNDN);
        mpfr_sub(x, x, f, MPFR_RNDN);
    }
    residual(f, d, x, p);
    mpfr_abs(f, f, MPFR_RNDN);
    mpfr_div_d(f, f, p, MPFR_RNDN);
    ok = mpfr_cmp_d(f, ldexp(1.0, -100)) < 0;
    mpfr_clears(f, d, (mpfr_ptr) 0);
    return ok;
}

static double max_err_quantile = 0.0;

static void
check_quantile(wc_test_t t, double p)
{
    double x = wc_stats_normal_quantile(p), d, bound, err;
    double r = (p < 0.5) ? p : 1.0 - p;
    mpfr_t ref;

    mpfr_init2(ref, PREC);
    if (!isfinite(x) || !reference_quantile(ref, p, x))
    {
        WC_CHECK(t, 0, "quantile(%.17g) = %.17g: no reference", p, x);
        mpfr_clear(ref);
        return;
    }

    /* The libm errors at the arguments the quantile evaluated. */
    if (p >= 0.25 && p <= 0.75)
        d = FLINT_MAX(libm_error(x * 0.70710678118654752440, 0), U);
    else
        d = FLINT_MAX(libm_error(fabs(x) * 0.70710678118654752440, 1), U);
    d = FLINT_MAX(d, 2 * U);
    bound = 1.25 * d + 2 * U;
    if (r < DBL_MIN)
        bound += ldexp(1.0, -1074) / (r * x * x);

    mpfr_sub_d(ref, ref, x, MPFR_RNDN);
    mpfr_div_d(ref, ref, x == 0.0 ? 1.0 : x, MPFR_RNDN);
    err = fabs(mpfr_get_d(ref, MPFR_RNDN));
    if (r >= DBL_MIN && err / U > max_err_quantile)
        max_err_quantile = err / U;
    WC_CHECK(t, err <= bound,
             "quantile(%.17g) = %.17g: relative error %.3g u, bound %.3g u",
             p, x, err / U, bound / U);
    mpfr_clear(ref);
}

static void
check_cdf(wc_test_t t, double x)
{
    double v = wc_stats_normal_cdf(x), z = -x * 0.70710678118654752440;
    double d, err, bound;
    mpfr_t a, f, dphi;

    mpfr_inits2(PREC, a, f, dphi, (mpfr_ptr) 0);
    mpfr_set_d(a, x, MPFR_RNDN);
    residual(f, dphi, a, 0.0);      /* f = Phi(x) */
    mpfr_sub_d(a, f, v, MPFR_RNDN);
    mpfr_div(a, a, f, MPFR_RNDN);
    err = fabs(mpfr_get_d(a, MPFR_RNDN));

    /* erfc's own error, the rounding of -x/sqrt 2 (a relative change u in
       z changes erfc(z) by about 2 z^2 u relatively, and the constant
       1/sqrt 2 is itself rounded), and the halving, which is exact. */
    d = FLINT_MAX(libm_error(z, 1), U);
    bound = d + (4 * z * z + 2) * U;
    if (v < DBL_MIN)
        bound += ldexp(1.0, -1074) / mpfr_get_d(f, MPFR_RNDN);
    WC_CHECK(t, err <= bound, "cdf(%.17g) = %.17g: relative error %.3g u,"
             " bound %.3g u", x, v, err / U, bound / U);
    mpfr_clears(a, f, dphi, (mpfr_ptr) 0);
}

int
main(void)
{
    wc_test_t t;
    sim_rng r;
    slong i, trials;
    double p, prev;

    wc_test_init(t, "t-normal");
    sim_seed(&r, t->seed, 3);

    /* Special arguments. */
    WC_CHECK(t, wc_stats_normal_quantile(0.0) == -INFINITY
             && wc_stats_normal_quantile(-0.0) == -INFINITY
             && wc_stats_normal_quantile(1.0) == INFINITY
             && isnan(wc_stats_normal_quantile(-1e-300))
             && isnan(wc_stats_normal_quantile(1.0000000000000002))
             && isnan(wc_stats_normal_quantile(NAN))
             && wc_stats_normal_quantile(0.5) == 0.0,
             "special arguments");
    WC_CHECK(t, wc_stats_normal_cdf(-INFINITY) == 0.0
             && wc_stats_normal_cdf(INFINITY) == 1.0
             && wc_stats_normal_cdf(0.0) == 0.5
             && isnan(wc_stats_normal_cdf(NAN)), "cdf special arguments");

    /* A value every statistician knows: Phi^-1(0.975) = 1.95996398454005
       42 (DLMF 26.2, Table; Abramowitz & Stegun 26.2.23 gives 1.959964). */
    WC_CHECK(t, fabs(wc_stats_normal_quantile(0.975) - 1.959963984540054)
             < 1e-15, "quantile(0.975) = %.17g",
             wc_stats_normal_quantile(0.975));

    /* A logarithmic grid through both tails and every region boundary,
       and random points. */
    for (i = -1074; i <= -1; i++)
    {
        p = exp2((double) i + 0.5 * sim_uniform(&r));
        check_quantile(t, p);
        if (1.0 - p < 1.0)
            check_quantile(t, 1.0 - p);
    }
    for (p = 0.001; p < 1.0; p += 0.001)
        check_quantile(t, p);
    check_quantile(t, 0.02425);
    check_quantile(t, nextafter(0.02425, 0.0));
    check_quantile(t, 0.25);
    check_quantile(t, nextafter(0.25, 0.0));
    check_quantile(t, 0.75);
    check_quantile(t, nextafter(0.75, 1.0));
    check_quantile(t, 0.5 + 1e-15);
    check_quantile(t, 0.5 - 1e-300);
    check_quantile(t, nextafter(1.0, 0.0));
    check_quantile(t, 5e-324);
    check_quantile(t, 1e-320);
    check_quantile(t, DBL_MIN);
    trials = wc_test_trials(t, 600);
    for (i = 0; i < trials; i++)
    {
        p = sim_uniform(&r);
        if (i % 2)
            p = pow(p, 40.0);
        check_quantile(t, p);
    }

    /* Monotone on a fine grid, and exactly antisymmetric. */
    prev = -INFINITY;
    for (p = 1e-6; p < 1.0; p += 1e-4)
    {
        double x = wc_stats_normal_quantile(p);

        WC_CHECK(t, x >= prev, "not monotone at %.17g", p);
        prev = x;
    }
    for (i = 0; i < 1000; i++)
    {
        p = 0.5 + 0.5 * sim_uniform(&r);
        WC_CHECK(t, wc_stats_normal_quantile(p)
                 == -wc_stats_normal_quantile(1.0 - p),
                 "antisymmetry at %.17g", p);
    }

    for (i = 0; i < 500; i++)
        check_cdf(t, -38.5 + 47.0 * sim_uniform(&r));
    for (i = -380; i <= 85; i++)
        check_cdf(t, i / 10.0);

    printf("t-normal: largest relative error of the quantile (normal p): "
           "%.3g u\n", max_err_quantile);
    return wc_test_finish(t);
}
