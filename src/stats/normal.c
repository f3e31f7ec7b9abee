/* The standard normal distribution function and its inverse.

   The inverse starts from P. J. Acklam's rational approximations (2003;
   relative error below 1.15e-9 on (0, 1)) and takes one Halley step on
   Phi(x) - p, which converges cubically: the step leaves an error of
   order (1e-9)^3 from the approximation, so what remains is the rounding
   in evaluating the residual.  Two forms of the residual keep it
   accurate relative to the answer:
     near the centre, |p - 1/2| <= 1/4: erf(x/sqrt 2)/2 - (p - 1/2), where
       p - 1/2 is exact (Sterbenz) and erf has small relative error for
       small x, so x is found to a few ulps even when it is tiny;
     in the tails: erfc(-x/sqrt 2)/2 - r with r = min(p, 1 - p), where
       1 - p is exact for p >= 1/2 and erfc of a positive argument has
       small relative error however small r is.
   With residual error e_r the step's error is e_r / phi(x); doc/stats.md
   turns this into the bound 3 ulps (plus the error of the libm erf and
   erfc) and the test checks it against MPFR. */

#include "stats_impl.h"

#define WC_SQRT1_2 0.70710678118654752440
#define WC_SQRT_2PI 2.50662827463100050242

/* Acklam's coefficients. */
static const double ack_a[6] =
{
    -3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02,
    1.383577518672690e+02, -3.066479806614716e+01, 2.506628277459239e+00
};
static const double ack_b[5] =
{
    -5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02,
    6.680131188771972e+01, -1.328068155288572e+01
};
static const double ack_c[6] =
{
    -7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00,
    -2.549732539343734e+00, 4.374664141464968e+00, 2.938163982698783e+00
};
static const double ack_d[4] =
{
    7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00,
    3.754408661907416e+00
};

#define WC_ACKLAM_PLOW 0.02425

/* Acklam's central approximation in q = p - 1/2, |q| <= 0.47575. */
static double
acklam_central(double q)
{
    double r = q * q;

    return (((((ack_a[0] * r + ack_a[1]) * r + ack_a[2]) * r + ack_a[3]) * r
             + ack_a[4]) * r + ack_a[5]) * q
           / (((((ack_b[0] * r + ack_b[1]) * r + ack_b[2]) * r + ack_b[3])
               * r + ack_b[4]) * r + 1.0);
}

/* Acklam's lower-tail approximation, 0 < p < 0.02425. */
static double
acklam_tail(double p)
{
    double q = sqrt(-2.0 * log(p));

    return (((((ack_c[0] * q + ack_c[1]) * q + ack_c[2]) * q + ack_c[3]) * q
             + ack_c[4]) * q + ack_c[5])
           / ((((ack_d[0] * q + ack_d[1]) * q + ack_d[2]) * q + ack_d[3]) * q
              + 1.0);
}

double
wc_stats_normal_cdf(double x)
{
    return 0.5 * erfc(-x * WC_SQRT1_2);
}

double
wc_stats_normal_quantile(double p)
{
    double x, r, e, u, h;

    if (!(p >= 0.0 && p <= 1.0))
        return NAN;
    if (p == 0.0)
        return -INFINITY;
    if (p == 1.0)
        return INFINITY;

    if (p >= 0.25 && p <= 0.75)
    {
        double q = p - 0.5;

        x = acklam_central(q);
        e = 0.5 * erf(x * WC_SQRT1_2) - q;
        u = e * WC_SQRT_2PI * exp(0.5 * x * x);
        return x - u / (1.0 + 0.5 * x * u);
    }

    r = (p < 0.5) ? p : 1.0 - p;
    x = (r < WC_ACKLAM_PLOW) ? acklam_tail(r) : acklam_central(r - 0.5);

    /* u = e / phi(x).  exp(x^2/2) overflows for r below about 1e-308, so
       it is applied as two factors exp(x^2/4), after the tiny e. */
    e = 0.5 * erfc(-x * WC_SQRT1_2) - r;
    h = exp(0.25 * x * x);
    u = ((e * WC_SQRT_2PI) * h) * h;
    x = x - u / (1.0 + 0.5 * x * u);

    return (p < 0.5) ? x : -x;
}
