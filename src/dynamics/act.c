/* Activations in double precision: values with first derivatives for
   training, and Taylor-mode jets for the derivative correlations.

   Jets use the recurrences of automatic differentiation (Griewank and
   Walther 2008, chapter 13): if h(t) = s(z(t)) and h' = p z' with p a
   jet known to order k - 1, then
       h_k = (1/k) sum_{j=1}^{k} j z_j p_{k-j}.
   Each activation supplies p = s'(z(t)) through an equation of the same
   kind (tanh: p = 1 - h^2; sigmoid: p = h (1 - h); sin: p = cos, whose
   derivative is -sin; erf: p = (2/sqrt pi) e with e = exp(-z^2),
   e' = -2 z e z'; gelu: h = z Phi, p = Phi + z phi, phi' = -z phi z';
   softplus: p = sigmoid; poly: Horner's rule in jet arithmetic).  Every
   coefficient is a sum of O(k) products of earlier ones, so its error is
   a few ulp times the sum of the absolute values of those products. */

#include "dyn_impl.h"

#define INV_SQRT_PI 0.56418958354775628695    /* 1/sqrt(pi) */
#define INV_SQRT_2PI 0.39894228040143267794   /* 1/sqrt(2 pi) */
#define INV_SQRT_2 0.70710678118654752440

static double
sigmoid(double z)
{
    /* exp of a non-positive argument only: no overflow. */
    if (z >= 0)
        return 1.0 / (1.0 + exp(-z));
    else
    {
        double e = exp(z);

        return e / (1.0 + e);
    }
}

static double
softplus(double z)
{
    return (z > 0) ? z + log1p(exp(-z)) : log1p(exp(z));
}

/* Normal distribution function, by erfc (no cancellation in either
   tail). */
static double
normal_cdf(double z)
{
    return 0.5 * erfc(-z * INV_SQRT_2);
}

static double
poly_eval(const double * c, slong len, double z)
{
    double r = 0.0;
    slong i;

    for (i = len - 1; i >= 0; i--)
        r = r * z + c[i];
    return r;
}

static double
poly_deriv(const double * c, slong len, double z)
{
    double r = 0.0;
    slong i;

    for (i = len - 1; i >= 1; i--)
        r = r * z + (double) i * c[i];
    return r;
}

void
_wc_dyn_act(double * h, double * sp, const double * z, slong len,
            wc_act_kind act, const double * poly, slong poly_len)
{
    slong i;

    for (i = 0; i < len; i++)
    {
        double x = z[i], v, d;

        switch (act)
        {
            case WC_ACT_LINEAR:
                v = x;
                d = 1.0;
                break;
            case WC_ACT_RELU:
                v = (x > 0) ? x : 0.0;
                d = (x > 0) ? 1.0 : 0.0;
                break;
            case WC_ACT_TANH:
                v = tanh(x);
                d = 1.0 - v * v;
                break;
            case WC_ACT_ERF:
                v = erf(x);
                d = 2.0 * INV_SQRT_PI * exp(-x * x);
                break;
            case WC_ACT_SIGMOID:
                v = sigmoid(x);
                d = v * sigmoid(-x);
                break;
            case WC_ACT_GELU:
            {
                double phi = INV_SQRT_2PI * exp(-0.5 * x * x);
                double Phi = normal_cdf(x);

                v = x * Phi;
                d = Phi + x * phi;
                break;
            }
            case WC_ACT_SIN:
                v = sin(x);
                d = cos(x);
                break;
            case WC_ACT_SOFTPLUS:
                v = softplus(x);
                d = sigmoid(x);
                break;
            case WC_ACT_POLY:
                v = poly_eval(poly, poly_len, x);
                d = poly_deriv(poly, poly_len, x);
                break;
            default:
                flint_abort();
        }
        h[i] = v;
        if (sp != NULL)
            sp[i] = d;
    }
}

/* (1/k) sum_{j=1}^{k} j z_j p_{k-j}: the k-th coefficient of the
   integral of p z'. */
static double
integ(const double * z, const double * p, slong k)
{
    double s = 0.0;
    slong j;

    for (j = 1; j <= k; j++)
        s += (double) j * z[j] * p[k - j];
    return s / (double) k;
}

/* The k-th coefficient of the product of jets a and b. */
static double
cauchy(const double * a, const double * b, slong k)
{
    double s = 0.0;
    slong j;

    for (j = 0; j <= k; j++)
        s += a[j] * b[k - j];
    return s;
}

void
_wc_dyn_act_jet(double * h, double * p, const double * z, slong d,
                wc_act_kind act, const double * poly, slong poly_len)
{
    double e[WC_DYN_JET_MAX_ORDER + 1], q[WC_DYN_JET_MAX_ORDER + 1];
    slong k, i;

    switch (act)
    {
        case WC_ACT_LINEAR:
            for (k = 0; k <= d; k++)
            {
                h[k] = z[k];
                p[k] = (k == 0) ? 1.0 : 0.0;
            }
            break;

        case WC_ACT_RELU:
        {
            double st = (z[0] > 0) ? 1.0 : 0.0;

            for (k = 0; k <= d; k++)
            {
                h[k] = st * z[k];
                p[k] = (k == 0) ? st : 0.0;
            }
            break;
        }

        case WC_ACT_TANH:
            h[0] = tanh(z[0]);
            p[0] = 1.0 - h[0] * h[0];
            for (k = 1; k <= d; k++)
            {
                h[k] = integ(z, p, k);
                p[k] = -cauchy(h, h, k);
            }
            break;

        case WC_ACT_SIGMOID:
            h[0] = sigmoid(z[0]);
            p[0] = h[0] * sigmoid(-z[0]);
            for (k = 1; k <= d; k++)
            {
                h[k] = integ(z, p, k);
                p[k] = h[k] - cauchy(h, h, k);
            }
            break;

        case WC_ACT_SOFTPLUS:
            /* q = sigmoid(z(t)) = p, e = q (1 - q) its derivative
               factor. */
            h[0] = softplus(z[0]);
            q[0] = sigmoid(z[0]);
            e[0] = q[0] * sigmoid(-z[0]);
            for (k = 1; k <= d; k++)
            {
                h[k] = integ(z, q, k);
                q[k] = integ(z, e, k);
                e[k] = q[k] - cauchy(q, q, k);
            }
            for (k = 0; k <= d; k++)
                p[k] = q[k];
            break;

        case WC_ACT_SIN:
            /* p = cos(z(t)); (cos)' = -sin z'. */
            h[0] = sin(z[0]);
            p[0] = cos(z[0]);
            for (k = 1; k <= d; k++)
            {
                h[k] = integ(z, p, k);
                p[k] = -integ(z, h, k);
            }
            break;

        case WC_ACT_ERF:
            /* e = exp(-z^2), e' = -2 (z e) z'; q = z e. */
            e[0] = exp(-z[0] * z[0]);
            q[0] = z[0] * e[0];
            h[0] = erf(z[0]);
            for (k = 1; k <= d; k++)
            {
                h[k] = 2.0 * INV_SQRT_PI * integ(z, e, k);
                e[k] = -2.0 * integ(z, q, k);
                q[k] = cauchy(z, e, k);
            }
            for (k = 0; k <= d; k++)
                p[k] = 2.0 * INV_SQRT_PI * e[k];
            break;

        case WC_ACT_GELU:
        {
            /* e = phi(z(t)), q = Phi(z(t)); phi' = -(z phi) z',
               Phi' = phi z'.  h = z Phi, p = Phi + z phi. */
            double zp[WC_DYN_JET_MAX_ORDER + 1];

            e[0] = INV_SQRT_2PI * exp(-0.5 * z[0] * z[0]);
            q[0] = normal_cdf(z[0]);
            zp[0] = z[0] * e[0];
            for (k = 1; k <= d; k++)
            {
                e[k] = -integ(z, zp, k);
                q[k] = integ(z, e, k);
                zp[k] = cauchy(z, e, k);
            }
            for (k = 0; k <= d; k++)
            {
                h[k] = cauchy(z, q, k);
                p[k] = q[k] + zp[k];
            }
            break;
        }

        case WC_ACT_POLY:
            /* Horner's rule: h = (...(c_{L-1} z + c_{L-2}) z + ...) + c_0
               and the same for the derivative's coefficients. */
            for (k = 0; k <= d; k++)
                h[k] = p[k] = 0.0;
            for (i = poly_len - 1; i >= 0; i--)
            {
                for (k = d; k >= 0; k--)
                    h[k] = cauchy(h, z, k);
                h[0] += poly[i];
            }
            for (i = poly_len - 1; i >= 1; i--)
            {
                for (k = d; k >= 0; k--)
                    p[k] = cauchy(p, z, k);
                p[0] += (double) i * poly[i];
            }
            break;

        default:
            flint_abort();
    }
}
