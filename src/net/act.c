/* Derivatives of the activations up to order WC_ACT_MAX_DERIV.

   tanh: tanh^(k)(z) = sech^2(z) Q_k(tanh z) for k >= 1, with Q_1 = 1 and
   Q_(k+1)(t) = -2t Q_k(t) + (1 - t^2) Q_k'(t); sech^2 is computed from
   e^(-2|z|) so that it keeps its relative accuracy in the tails.
   sigmoid(z) = (1 + tanh(z/2)) / 2, so sigmoid^(k)(z) = 2^-(k+1)
   tanh^(k)(z/2); softplus' = sigmoid.
   erf^(k+1)(z) = 2/sqrt(pi) (-1)^k H_k(z) e^(-z^2), H the physicists'
   Hermite polynomials; gelu(z) = z Phi(z) has gelu^(k)(z) =
   (-1)^(k-1) phi(z) (He_k(z) - He_(k-2)(z)) for k >= 2, He the
   probabilists' Hermite polynomials.

   Error: every formula is a polynomial of degree at most k+1 evaluated by
   Horner's rule times an envelope computed to a few ulps, so the absolute
   error is at most (4k + 16) 2^-53 times the envelope times the sum of the
   absolute values of the polynomial's terms (Higham, Accuracy and
   Stability of Numerical Algorithms, 2002, eq. 5.3); doc/net.md lists the
   envelopes. */

#include <math.h>

#include "weakcorr/net.h"

#define NQ (WC_ACT_MAX_DERIV + 1)

/* Q_k for k = 1..WC_ACT_MAX_DERIV, coefficient of t^j at tanh_q[k][j]
   (degree k - 1). */
static const double tanh_q[NQ][NQ] =
{
    {0},
    {1},
    {0, -2},
    {-2, 0, 6},
    {0, 16, 0, -24},
    {16, 0, -120, 0, 120},
    {0, -272, 0, 960, 0, -720},
    {-272, 0, 3696, 0, -8400, 0, 5040},
    {0, 7936, 0, -48384, 0, 80640, 0, -40320},
    {7936, 0, -168960, 0, 645120, 0, -846720, 0, 362880},
    {0, -353792, 0, 3256320, 0, -8951040, 0, 9676800, 0, -3628800},
};

/* tanh z = -em / (2 + em) with em = expm1(-2|z|) (no cancellation near
   0) and sech^2 z = 4e / (1 + e)^2 with e = exp(-2|z|) (no cancellation
   in the tails): both to a few ulps. */
static void
tanh_sech2(double * t, double * s2, double z)
{
    double em = expm1(-2.0 * fabs(z)), e = exp(-2.0 * fabs(z));
    double r = 1.0 / (1.0 + e);

    *t = (z >= 0 ? -em : em) / (2.0 + em);
    *s2 = 4.0 * e * r * r;
}

/* exp(-c z^2) for c = 1 or 1/2 with the rounding of z^2 compensated:
   z^2 = hi + lo exactly (fma), and exp(-c hi) (1 - c lo) is within a few
   ulps, where exp(-c z z) would lose z^2 ulps in the tails. */
static double
gauss_factor(double z, double c)
{
    double hi = z * z, lo = fma(z, z, -hi);

    return exp(-c * hi) * (1.0 - c * lo);
}

static double
horner(const double * c, slong len, double t)
{
    double v = 0;
    slong j;

    for (j = len - 1; j >= 0; j--)
        v = v * t + c[j];
    return v;
}

/* d[k] = tanh^(k)(z) for k = 0..kmax, each times scale^k (the chain
   rule for tanh(z/2) and similar). */
static void
tanh_derivs(double * d, slong kmax, double z, double scale)
{
    double t, s2, sk = scale;
    slong k;

    tanh_sech2(&t, &s2, z);
    d[0] = t;
    for (k = 1; k <= kmax; k++)
    {
        d[k] = sk * s2 * horner(tanh_q[k], k, t);
        sk *= scale;
    }
}

void
wc_act_derivs(double * d, slong kmax, double z, wc_act_kind act,
              const double * poly, slong poly_len)
{
    slong k, j;

    for (k = 0; k <= kmax; k++)
        d[k] = 0;

    switch (act)
    {
        case WC_ACT_LINEAR:
            d[0] = z;
            if (kmax >= 1)
                d[1] = 1;
            break;

        case WC_ACT_RELU:
            d[0] = z > 0 ? z : 0;
            if (kmax >= 1)
                d[1] = z > 0 ? 1 : 0;
            break;

        case WC_ACT_TANH:
            tanh_derivs(d, kmax, z, 1.0);
            break;

        case WC_ACT_SIGMOID:
            /* sigmoid(z) = 1/2 + tanh(z/2)/2 */
            tanh_derivs(d, kmax, 0.5 * z, 0.5);
            d[0] = (z >= 0) ? 1.0 / (1.0 + exp(-z))
                            : exp(z) / (1.0 + exp(z));
            for (k = 1; k <= kmax; k++)
                d[k] *= 0.5;
            break;

        case WC_ACT_SOFTPLUS:
        {
            double e[WC_ACT_MAX_DERIV + 1];

            if (kmax >= 1)
            {
                wc_act_derivs(e, kmax - 1, z, WC_ACT_SIGMOID, NULL, 0);
                for (k = 1; k <= kmax; k++)
                    d[k] = e[k - 1];
            }
            d[0] = (z > 0 ? z : 0) + log1p(exp(-fabs(z)));
            break;
        }

        case WC_ACT_ERF:
        {
            /* H_k by H_(k+1) = 2z H_k - 2k H_(k-1). */
            double g = 1.1283791670955126 * gauss_factor(z, 1.0);
            double h0 = 1, h1 = 2 * z, h2;

            d[0] = erf(z);
            for (k = 1; k <= kmax; k++)
            {
                /* d[k] = (-1)^(k-1) H_(k-1) g */
                d[k] = ((k - 1) % 2 ? -1.0 : 1.0) * h0 * g;
                h2 = 2 * z * h1 - 2 * (double) k * h0;
                h0 = h1;
                h1 = h2;
            }
            break;
        }

        case WC_ACT_GELU:
        {
            /* phi(z) and He_k by He_(k+1) = z He_k - k He_(k-1). */
            double phi = 0.3989422804014327 * gauss_factor(z, 0.5);
            double he[WC_ACT_MAX_DERIV + 2];

            he[0] = 1;
            he[1] = z;
            for (k = 1; k <= kmax; k++)
                he[k + 1] = z * he[k] - (double) k * he[k - 1];
            d[0] = z * 0.5 * erfc(-z * 0.7071067811865476);
            if (kmax >= 1)
                d[1] = 0.5 * erfc(-z * 0.7071067811865476) + z * phi;
            for (k = 2; k <= kmax; k++)
                d[k] = ((k - 1) % 2 ? -1.0 : 1.0) * phi
                       * (he[k] - he[k - 2]);
            break;
        }

        case WC_ACT_SIN:
        {
            double s = sin(z), c = cos(z);

            for (k = 0; k <= kmax; k++)
                d[k] = (k % 4 == 0) ? s : (k % 4 == 1) ? c
                       : (k % 4 == 2) ? -s : -c;
            break;
        }

        case WC_ACT_POLY:
            /* s^(k)(z) = sum_j c_j j!/(j-k)! z^(j-k), by Horner in z. */
            for (k = 0; k <= kmax; k++)
            {
                double v = 0;

                for (j = poly_len - 1; j >= k; j--)
                {
                    double f = poly[j];
                    slong i;

                    for (i = j - k + 1; i <= j; i++)
                        f *= (double) i;
                    v = v * z + f;
                }
                d[k] = v;
            }
            break;

        default:
            break;
    }
}
