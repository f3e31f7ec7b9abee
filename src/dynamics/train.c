/* One training run: a network of one width and seed trained by
   (stochastic) gradient descent beside its linearisation, measured at the
   reported steps. */

#include "dyn_impl.h"

static const char * const reason_names[] =
{
    "none", "non-finite output", "loss growth", "unstable learning rate"
};

const char *
wc_dyn_reason_name(wc_dyn_reason r)
{
    return (r >= 0 && r <= WC_DYN_REASON_UNSTABLE) ? reason_names[r]
                                                   : "unknown";
}

static const char * const quantity_names[WC_DYN_NQUANTITIES] =
{
    "deviation", "kernel_drift", "movement", "loss_net", "loss_lin"
};

const char *
wc_dyn_quantity_name(wc_dyn_quantity q)
{
    return (q >= 0 && q < WC_DYN_NQUANTITIES) ? quantity_names[q]
                                              : "unknown";
}

double
wc_dyn_opts_lr(const wc_dyn_opts_t opts, slong width)
{
    return opts->lr * pow((double) width, opts->lr_exponent)
           / (opts->output_scale * opts->output_scale);
}

static double
mean_loss(const double * f, const double * y, slong len, wc_dyn_loss loss)
{
    double s = 0.0;
    slong i;

    for (i = 0; i < len; i++)
        s += wc_dyn_loss_value(loss, f[i], y[i]);
    return s / (double) len;
}

/* The measurements at a reported step; returns 0 if an output is not
   finite. */
static int
measure(double * val, slong t, slong nsteps, wc_dyn_eval_t ev,
        const wc_dyn_mlp_t mlp, const wc_dyn_mlp_t mlp0, const double * K0,
        double * K, const double * flin, const double * f0,
        const wc_dyn_task_t task, wc_dyn_loss loss)
{
    slong N = task->ntrain + task->ntest, i;
    double dev = 0.0, drift;

    wc_dyn_forward(ev, mlp, task->x, N);
    if (f0 != NULL)
        for (i = 0; i < N; i++)
            ev->f[i] -= f0[i];
    if (!_wc_dyn_all_finite(ev->f, N))
        return 0;
    wc_dyn_backward(ev, mlp);
    wc_dyn_kernel(K, ev, mlp);
    for (i = task->ntrain; i < N; i++)
        dev = FLINT_MAX(dev, fabs(ev->f[i] - flin[i]));
    for (i = 0; i < N * N; i++)
        K[i] -= K0[i];
    drift = sqrt(_wc_dyn_sumsq(K, N * N)) / (double) N;

    val[WC_DYN_DEVIATION * nsteps + t] = dev;
    val[WC_DYN_KERNEL_DRIFT * nsteps + t] = drift;
    val[WC_DYN_MOVEMENT * nsteps + t] = wc_dyn_mlp_dist(mlp, mlp0);
    val[WC_DYN_LOSS_NET * nsteps + t] =
        mean_loss(ev->f, task->y, task->ntrain, loss);
    val[WC_DYN_LOSS_LIN * nsteps + t] =
        mean_loss(flin, task->y, task->ntrain, loss);
    for (i = 0; i < WC_DYN_NQUANTITIES; i++)
        if (!isfinite(val[i * nsteps + t]))
            return 0;
    return 1;
}

/* Power iterations for the stability check: 1000, fewer for large
   training sets so that the check costs at most about 10^9 flops (any
   iterate is a lower bound on lambda_max, so stopping early only makes
   the check miss an unstable rate, which the growth test then catches). */
static slong
lambda_iterations(slong m)
{
    double it = 1e9 / ((double) m * (double) m);

    return (slong) FLINT_MAX(20.0, FLINT_MIN(1000.0, it));
}

static void
set_nan(wc_dyn_sample_struct * s, slong nsteps)
{
    slong i;

    for (i = 0; i < WC_DYN_NQUANTITIES * nsteps; i++)
        s->value[i] = NAN;
}

wc_status
wc_dyn_train(wc_dyn_sample_struct * s, const wc_net_t net,
             const wc_dyn_task_t task, const wc_dyn_opts_t opts,
             slong width, slong seed_index,
             const wc_dyn_hooks_struct * hooks)
{
    slong ntrain = task->ntrain, N = ntrain + task->ntest, din = task->din;
    slong nsteps = opts->nsteps, S = opts->steps[nsteps - 1];
    slong B, t, step, i, perm_epoch = -1;
    int full;
    double eta, Lref = 0.0, factor = opts->diverge_factor;
    double * K0, * K, * flin, * f0 = NULL, * c, * xb, * yb;
    slong * batch, * perm;
    wc_dyn_mlp_t mlp, mlp0;
    wc_dyn_eval_t ev, evb;
    wc_status st = WC_OK;

    full = (opts->batch <= 0 || opts->batch >= ntrain);
    B = full ? ntrain : opts->batch;
    eta = wc_dyn_opts_lr(opts, width);

    s->status = WC_DYN_OK;
    s->reason = WC_DYN_REASON_NONE;
    s->diverge_step = -1;
    s->lr = eta;
    s->lambda_max = NAN;
    s->seconds = 0.0;
    set_nan(s, nsteps);

    wc_dyn_mlp_init(mlp, net, width, opts->output_scale);
    wc_dyn_mlp_init(mlp0, net, width, opts->output_scale);
    wc_dyn_mlp_draw(mlp, opts->seed, (uint32_t) seed_index);
    wc_dyn_mlp_set(mlp0, mlp);
    wc_dyn_eval_init(ev, mlp);
    wc_dyn_eval_init(evb, mlp);
    K0 = flint_malloc(2 * N * N * sizeof(double));
    K = K0 + N * N;
    flin = flint_malloc(N * sizeof(double));
    c = flint_malloc(B * sizeof(double));
    xb = flint_malloc(B * din * sizeof(double));
    yb = flint_malloc(B * sizeof(double));
    batch = flint_malloc(B * sizeof(slong));
    perm = flint_malloc(ntrain * sizeof(slong));

    /* Theta_0 and f_0 on every training and test input. */
    wc_dyn_forward(ev, mlp, task->x, N);
    wc_dyn_backward(ev, mlp);
    wc_dyn_kernel(K0, ev, mlp);
    memcpy(flin, ev->f, N * sizeof(double));
    if (opts->center)
    {
        /* The centred model a (f(theta) - f(theta_0)) starts at 0 on
           every input; its kernel is that of f. */
        f0 = flint_malloc(N * sizeof(double));
        memcpy(f0, flin, N * sizeof(double));
        for (i = 0; i < N; i++)
            flin[i] = 0.0;
    }
    for (i = 0; i < ntrain; i++)
        Lref = FLINT_MAX(Lref, wc_dyn_loss_value(opts->loss, flin[i],
                                                 task->y[i]));
    if (!_wc_dyn_all_finite(flin, N) || !_wc_dyn_all_finite(K0, N * N))
    {
        s->status = WC_DYN_DIVERGED;
        s->reason = WC_DYN_REASON_NONFINITE;
        s->diverge_step = 0;
        goto cleanup;
    }
    if (Lref == 0.0)
        Lref = 1.0;

    /* The full-batch linear step multiplies the training residual by
       I - eta Theta_tt / ntrain, which expands along the top eigenvector
       once eta lambda_max / ntrain >= 2.  The power-iteration value is a
       lower bound, so the test never flags a stable rate. */
    s->lambda_max = wc_dyn_lambda_max(K0, N, ntrain, 1e-10,
                                      lambda_iterations(ntrain))
                    / (double) ntrain;
    if (full && opts->loss == WC_DYN_LOSS_SQUARED
        && eta * s->lambda_max >= 2.0)
    {
        s->status = WC_DYN_DIVERGED;
        s->reason = WC_DYN_REASON_UNSTABLE;
        s->diverge_step = 0;
        goto cleanup;
    }

    t = 0;
    for (step = 0; step < S; step++)
    {
        const double * xs = task->x, * ys = task->y;
        double Lb = 0.0, Ll;

        if (hooks != NULL && hooks->cancel != NULL && *hooks->cancel)
        {
            s->status = WC_DYN_NOT_RUN;
            set_nan(s, nsteps);
            st = WC_ERR_INTERRUPTED;
            goto cleanup;
        }

        if (full)
            for (i = 0; i < B; i++)
                batch[i] = i;
        else
        {
            _wc_dyn_batch(batch, B, step, ntrain, opts->seed,
                          (uint32_t) seed_index, perm, &perm_epoch);
            for (i = 0; i < B; i++)
            {
                memcpy(xb + i * din, task->x + batch[i] * din,
                       din * sizeof(double));
                yb[i] = task->y[batch[i]];
            }
            xs = xb;
            ys = yb;
        }

        /* The network: theta(step + 1) = theta(step) - eta/B G
           sum_i loss'_i grad f(x_i). */
        wc_dyn_forward(evb, mlp, xs, B);
        if (f0 != NULL)
            for (i = 0; i < B; i++)
                evb->f[i] -= f0[full ? i : batch[i]];
        for (i = 0; i < B; i++)
        {
            Lb += wc_dyn_loss_value(opts->loss, evb->f[i], ys[i]);
            c[i] = eta / (double) B
                   * wc_dyn_loss_deriv(opts->loss, evb->f[i], ys[i]);
        }
        Lb /= (double) B;
        s->diverge_step = step;
        if (!isfinite(Lb) || !_wc_dyn_all_finite(c, B))
        {
            s->reason = WC_DYN_REASON_NONFINITE;
            break;
        }
        if (Lb > factor * Lref)
        {
            s->reason = WC_DYN_REASON_GROWTH;
            break;
        }
        wc_dyn_backward(evb, mlp);
        wc_dyn_update(mlp, evb, c);

        /* The linear model, on the same batch. */
        wc_dyn_linear_step(flin, K0, N, batch, B, task->y, eta, opts->loss);
        s->diverge_step = step + 1;
        if (!_wc_dyn_all_finite(flin, N))
        {
            s->reason = WC_DYN_REASON_NONFINITE;
            break;
        }
        Ll = mean_loss(flin, task->y, ntrain, opts->loss);
        if (Ll > factor * Lref)
        {
            s->reason = WC_DYN_REASON_GROWTH;
            break;
        }

        if (step + 1 == opts->steps[t])
        {
            if (!measure(s->value, t, nsteps, ev, mlp, mlp0, K0, K, flin,
                         f0, task, opts->loss))
            {
                s->reason = WC_DYN_REASON_NONFINITE;
                break;
            }
            t++;
        }

        if (hooks != NULL && hooks->progress != NULL)
            hooks->progress(hooks->data, (double) (step + 1) / (double) S);
    }

    if (s->reason != WC_DYN_REASON_NONE)
    {
        s->status = WC_DYN_DIVERGED;
        set_nan(s, nsteps);
    }
    else
        s->diverge_step = -1;

cleanup:
    flint_free(perm);
    flint_free(batch);
    flint_free(yb);
    flint_free(xb);
    flint_free(c);
    flint_free(flin);
    flint_free(f0);
    flint_free(K0);
    wc_dyn_eval_clear(evb);
    wc_dyn_eval_clear(ev);
    wc_dyn_mlp_clear(mlp0);
    wc_dyn_mlp_clear(mlp);
    return st;
}
