/* Losses and the linearised model's step. */

#include "dyn_impl.h"

static const char * const loss_names[WC_DYN_LOSS_COUNT] =
{
    "squared", "logistic"
};

const char *
wc_dyn_loss_name(wc_dyn_loss loss)
{
    return (loss >= 0 && loss < WC_DYN_LOSS_COUNT) ? loss_names[loss]
                                                   : "unknown";
}

wc_status
wc_dyn_loss_parse(wc_dyn_loss * loss, const char * text, wc_error_t err)
{
    if (strcmp(text, "squared") == 0 || strcmp(text, "mse") == 0)
        *loss = WC_DYN_LOSS_SQUARED;
    else if (strcmp(text, "logistic") == 0)
        *loss = WC_DYN_LOSS_LOGISTIC;
    else
        return wc_error_set(err, WC_ERR_PARSE, 0, "unknown loss '%s' "
                            "(squared or logistic)", text);
    return WC_OK;
}

double
wc_dyn_loss_value(wc_dyn_loss loss, double f, double y)
{
    if (loss == WC_DYN_LOSS_SQUARED)
        return 0.5 * (f - y) * (f - y);
    else
    {
        /* log(1 + exp(-m)), m = y f, without overflow: for m < 0 it is
           -m + log1p(exp(m)). */
        double m = y * f;

        return (m >= 0) ? log1p(exp(-m)) : -m + log1p(exp(m));
    }
}

double
wc_dyn_loss_deriv(wc_dyn_loss loss, double f, double y)
{
    if (loss == WC_DYN_LOSS_SQUARED)
        return f - y;
    else
    {
        /* d/df log(1 + exp(-y f)) = -y sigmoid(-y f). */
        double m = y * f;
        double s = (m >= 0) ? exp(-m) / (1.0 + exp(-m))
                            : 1.0 / (1.0 + exp(m));

        return -y * s;
    }
}

void
wc_dyn_linear_step(double * flin, const double * K, slong N,
                   const slong * batch, slong B, const double * y,
                   double eta, wc_dyn_loss loss)
{
    double * g = flint_malloc(B * sizeof(double));
    slong i, x;

    /* All loss derivatives first: the step uses f_lin(s) throughout. */
    for (i = 0; i < B; i++)
        g[i] = eta / (double) B
               * wc_dyn_loss_deriv(loss, flin[batch[i]], y[batch[i]]);
    for (x = 0; x < N; x++)
    {
        double s = 0.0;

        for (i = 0; i < B; i++)
            s += K[x * N + batch[i]] * g[i];
        flin[x] -= s;
    }
    flint_free(g);
}

double
wc_dyn_lambda_max(const double * A, slong lda, slong m, double tol,
                  slong maxiter)
{
    double * v, * w, lambda = 0.0, prev = -1.0;
    slong it, i, j;

    if (m <= 0)
        return 0.0;
    v = flint_malloc(2 * m * sizeof(double));
    w = v + m;
    for (i = 0; i < m; i++)
        v[i] = 1.0 / sqrt((double) m);

    /* The Rayleigh quotient v.Av / v.v of any v is at most lambda_max,
       so every iterate is a lower bound (up to rounding). */
    for (it = 0; it < maxiter; it++)
    {
        double vv = 0.0, vw = 0.0, ww = 0.0;

        for (i = 0; i < m; i++)
        {
            double s = 0.0;

            for (j = 0; j < m; j++)
                s += A[i * lda + j] * v[j];
            w[i] = s;
        }
        for (i = 0; i < m; i++)
        {
            vv += v[i] * v[i];
            vw += v[i] * w[i];
            ww += w[i] * w[i];
        }
        lambda = (vv > 0) ? vw / vv : 0.0;
        if (ww == 0.0 || !isfinite(ww))
            break;
        for (i = 0; i < m; i++)
            v[i] = w[i] / sqrt(ww);
        if (fabs(lambda - prev) <= tol * fabs(lambda))
            break;
        prev = lambda;
    }
    flint_free(v);
    return lambda;
}

void
_wc_dyn_batch(slong * batch, slong B, slong step, slong ntrain,
              uint64_t seed, uint32_t sample, slong * perm,
              slong * perm_epoch)
{
    slong i;

    for (i = 0; i < B; i++)
    {
        slong pos = step * B + i, e = pos / ntrain;

        if (e != *perm_epoch)
        {
            wc_rng_row_struct r;
            slong j, k;

            /* Fisher-Yates: position j swaps with a uniform position in
               0..j (the bias of floor(u (j + 1)) is below 2^-50 for the
               sizes allowed). */
            r.seed = seed;
            r.sample = sample;
            r.stream = wc_rng_stream(WC_RNG_USER + 1, 0);
            r.row = (uint32_t) e;
            for (j = 0; j < ntrain; j++)
                perm[j] = j;
            for (j = ntrain - 1; j >= 1; j--)
            {
                slong t;

                k = (slong) (wc_rng_uniform(&r, (uint64_t) j)
                             * (double) (j + 1));
                if (k > j)
                    k = j;
                t = perm[j];
                perm[j] = perm[k];
                perm[k] = t;
            }
            *perm_epoch = e;
        }
        batch[i] = perm[pos - e * ntrain];
    }
}
