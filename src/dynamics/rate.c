/* The empirical weak-correlation rate: |C^{0,d}| (d = 1, 2, 3) and
   |C^{1,d}| (d = 1, 2) per sample, from the Monte Carlo engine (mc.h) or
   from the jets of cdd.c, their slopes against log n, and the largest
   m(n) = n^k the slopes allow. */

#include <stdio.h>

#include "dyn_impl.h"
#include "weakcorr/mc.h"

const wc_dyn_term_struct wc_dyn_rate_term[WC_DYN_RATE_TERMS] =
{
    {0, 1}, {0, 2}, {0, 3}, {1, 1}, {1, 2}
};

void
wc_dyn_rate_init(wc_dyn_rate_t rate)
{
    slong j;

    rate->widths = NULL;
    rate->nwidths = 0;
    rate->samples = 0;
    rate->lr = 0.0;
    rate->value = NULL;
    rate->row = NULL;
    for (j = 0; j < WC_DYN_RATE_TERMS; j++)
    {
        rate->fit_status[j] = WC_ERR_RANGE;
        rate->zero[j] = 0;
        rate->fit_note[j][0] = '\0';
    }
    rate->k_fixed = rate->k_fixed_lo = rate->k_fixed_hi = NAN;
    rate->k_exp = rate->k_exp_lo = rate->k_exp_hi = NAN;
    rate->interrupted = 0;
}

void
wc_dyn_rate_clear(wc_dyn_rate_t rate)
{
    flint_free(rate->widths);
    flint_free(rate->value);
    flint_free(rate->row);
    wc_dyn_rate_init(rate);
}

/* ------------------------------------------------------------------ */
/* The jets engine. */

typedef struct
{
    wc_dyn_rate_struct * rate;
    const wc_net_struct * net;
    const wc_dyn_task_struct * task;
    uint64_t seed;
    slong * order;
}
rate_data_struct;

static void
rate_job(void * data, slong j, const wc_dyn_hooks_struct * hooks)
{
    rate_data_struct * rd = data;
    wc_dyn_rate_struct * rate = rd->rate;
    slong idx = rd->order[j], S = rate->samples, nw = rate->nwidths;
    slong w = idx / S, k = idx % S, i;
    const double * x_grad = rd->task->x;
    const double * x_main = rd->task->x + rd->task->ntrain * rd->task->din;
    double c0[4], c1[4];
    wc_dyn_mlp_t mlp;

    if (hooks->cancel != NULL && *hooks->cancel)
        return;
    wc_dyn_mlp_init(mlp, rd->net, rate->widths[w], 1.0);
    wc_dyn_mlp_draw(mlp, rd->seed, (uint32_t) k);
    wc_dyn_cdd(c0, c1, mlp, x_main, x_grad, 3, rate->lr);
    wc_dyn_mlp_clear(mlp);

    for (i = 0; i < WC_DYN_RATE_TERMS; i++)
    {
        const wc_dyn_term_struct * tm = wc_dyn_rate_term + i;

        rate->value[(i * nw + w) * S + k] = (tm->D == 0) ? fabs(c0[tm->d])
                                                         : c1[tm->d];
    }
}

static void
rate_jets(wc_dyn_rate_t rate, const wc_net_t net, const wc_dyn_task_t task,
          const wc_dyn_opts_t opts, const wc_dyn_hooks_struct * hooks)
{
    slong nw = rate->nwidths, S = rate->samples, njobs = nw * S, j, w, k;
    double * cost;
    rate_data_struct rd;

    rd.rate = rate;
    rd.net = net;
    rd.task = task;
    rd.seed = opts->seed;
    rd.order = flint_malloc(njobs * sizeof(slong));
    cost = flint_malloc(njobs * sizeof(double));
    j = 0;
    for (w = nw - 1; w >= 0; w--)
        for (k = 0; k < S; k++)
        {
            double n = (double) opts->widths[w];

            rd.order[j] = w * S + k;
            cost[j] = (double) net->hidden * n * n;
            j++;
        }
    _wc_dyn_pool_run(njobs, cost, opts->threads, rate_job, &rd, hooks);
    flint_free(cost);
    flint_free(rd.order);
}

/* ------------------------------------------------------------------ */
/* The Monte Carlo engine: one wc_mc_run per term on a copy of NET whose
   inputs x1 and x2 are the task's first test and training inputs. */

/* x as an exact rational (every finite double is one). */
static void
fmpq_set_double(fmpq_t res, double x)
{
    fmpz_t num, den;
    int e;
    double m = frexp(x, &e);

    fmpz_init(num);
    fmpz_init(den);
    fmpz_set_d(num, ldexp(m, 53));
    fmpz_one(den);
    if (e >= 53)
        fmpz_mul_2exp(num, num, (ulong) (e - 53));
    else
        fmpz_mul_2exp(den, den, (ulong) (53 - e));
    fmpq_set_fmpz_frac(res, num, den);
    fmpz_clear(num);
    fmpz_clear(den);
}

typedef struct
{
    const wc_dyn_hooks_struct * hooks;
    slong term;
}
mc_progress_struct;

static void
mc_progress(void * data, slong done, slong total, slong width)
{
    mc_progress_struct * mp = data;

    if (mp->hooks != NULL && mp->hooks->progress != NULL && total > 0)
        mp->hooks->progress(mp->hooks->data,
                            ((double) mp->term + (double) done
                             / (double) total) / WC_DYN_RATE_TERMS);
}

static wc_status
rate_mc(wc_dyn_rate_t rate, const wc_net_t net, const wc_dyn_task_t task,
        const wc_dyn_opts_t opts, const wc_dyn_hooks_struct * hooks,
        wc_error_t err)
{
    slong nw = rate->nwidths, S = rate->samples, din = task->din, i, j;
    wc_net_t tnet;
    wc_mc_options_t mo;
    wc_status st = WC_OK;
    mc_progress_struct mp;

    wc_net_init(tnet);
    wc_net_set(tnet, net);
    if (tnet->input != NULL)
        _fmpq_vec_clear(tnet->input, tnet->ninputs * tnet->din);
    flint_free(tnet->input_label);
    tnet->ninputs = 2;
    tnet->input_label = flint_malloc(2 * sizeof(slong));
    tnet->input_label[0] = 1;
    tnet->input_label[1] = 2;
    tnet->input = _fmpq_vec_init(2 * din);
    for (j = 0; j < din; j++)
    {
        fmpq_set_double(tnet->input + j, task->x[task->ntrain * din + j]);
        fmpq_set_double(tnet->input + din + j, task->x[j]);
    }

    wc_mc_options_init(mo);
    mo->widths = opts->widths;
    mo->nwidths = nw;
    mo->samples = S;
    mo->seed = opts->seed;
    mo->threads = FLINT_MAX(1, opts->threads);
    mo->stat = WC_STAT_MEAN;
    mo->progress = mc_progress;
    mo->progress_data = &mp;
    mo->cancel = (hooks != NULL) ? hooks->cancel : NULL;
    mp.hooks = hooks;

    for (i = 0; i < WC_DYN_RATE_TERMS && st == WC_OK; i++)
    {
        const wc_dyn_term_struct * tm = wc_dyn_rate_term + i;
        wc_mc_quantity_t q;
        wc_mc_result_t mr;
        char text[64];
        /* mc works at learning rate 1; C^{D,d} carries eta^(D/2 + d). */
        double scale = pow(opts->lr, 0.5 * (double) tm->D + (double) tm->d);

        mp.term = i;
        wc_mc_quantity_init(q);
        wc_mc_result_init(mr);
        snprintf(text, sizeof(text), "|C[%ld,%ld]|(x1,x2)", (long) tm->D,
                 (long) tm->d);
        st = wc_mc_quantity_parse(q, text, err);
        if (st == WC_OK)
            st = wc_mc_run(mr, q, tnet, mo, err);
        if (st == WC_OK || st == WC_ERR_INTERRUPTED)
            for (j = 0; j < nw * S; j++)
                rate->value[i * nw * S + j] =
                    (mr->x != NULL && mr->values != NULL)
                    ? scale * mr->x[j] : NAN;
        wc_mc_result_clear(mr);
        wc_mc_quantity_clear(q);
    }

    wc_net_clear(tnet);
    return st;
}

/* ------------------------------------------------------------------ */

/* The bound on k from a slope e of |C^{D,d}|: fixed sense 1/m for
   D = 0 and 1/sqrt(m) for D >= 1; exponential sense m^(-d/2).  Both
   decrease in e. */
static double
k_bound(slong D, slong d, double e, int exponential)
{
    if (exponential)
        return -2.0 * e / (double) d;
    return (D == 0) ? -e : -2.0 * e;
}

wc_status
wc_dyn_rate(wc_dyn_rate_t rate, const wc_net_t net, const wc_dyn_task_t task,
            const wc_dyn_opts_t opts, slong samples,
            wc_dyn_rate_engine engine, const wc_dyn_hooks_struct * hooks,
            wc_error_t err)
{
    slong nw = opts->nwidths, njobs, i, j, w, e;
    wc_status st = WC_OK;

    if (nw < 1 || samples < 1)
        return wc_error_set(err, WC_ERR_RANGE, -1, "the rate needs widths "
                            "and samples");
    if (samples > (WORD(1) << 31))
        return wc_error_set(err, WC_ERR_RANGE, -1, "too many samples");
    if (task->din != net->din || task->ntrain < 1 || task->ntest < 1)
        return wc_error_set(err, WC_ERR_RANGE, -1, "the task does not fit "
                            "NET (din %ld against %ld) or has no points",
                            (long) task->din, (long) net->din);
    if (!(opts->lr > 0) || !isfinite(opts->lr))
        return wc_error_set(err, WC_ERR_RANGE, -1, "the learning rate must "
                            "be positive");

    wc_dyn_rate_clear(rate);
    rate->nwidths = nw;
    rate->widths = flint_malloc(nw * sizeof(slong));
    memcpy(rate->widths, opts->widths, nw * sizeof(slong));
    rate->samples = samples;
    rate->lr = opts->lr;
    njobs = nw * samples;
    rate->value = flint_malloc(WC_DYN_RATE_TERMS * njobs * sizeof(double));
    for (i = 0; i < WC_DYN_RATE_TERMS * njobs; i++)
        rate->value[i] = NAN;

    if (engine == WC_DYN_RATE_MC)
    {
        st = rate_mc(rate, net, task, opts, hooks, err);
        if (st != WC_OK && st != WC_ERR_INTERRUPTED)
            return st;
    }
    else
        rate_jets(rate, net, task, opts, hooks);

    for (j = 0; j < WC_DYN_RATE_TERMS * njobs; j++)
        if (isnan(rate->value[j]))
            rate->interrupted = 1;

    /* Mean |C| per width and its slope; a term that is zero at every
       sample (C^{0,3} of a network of degree 2 in theta) has no slope
       and puts no constraint on m. */
    rate->row = flint_malloc(WC_DYN_RATE_TERMS * nw
                             * sizeof(wc_stats_row_struct));
    for (i = 0; i < WC_DYN_RATE_TERMS; i++)
    {
        const double * x = rate->value + i * njobs;
        wc_error_t ferr;

        rate->zero[i] = 1;
        for (j = 0; j < njobs; j++)
            if (x[j] != 0.0)
                rate->zero[i] = 0;
        for (w = 0; w < nw; w++)
            wc_stats_summarise(rate->row + i * nw + w, x + w * samples,
                               samples, opts->widths[w]);
        wc_error_init(ferr);
        rate->fit_status[i] = wc_stats_fit(rate->fit + i, x, opts->widths,
                                           nw, samples, WC_STAT_MEAN, 0,
                                           opts->seed, ferr);
        if (rate->fit_status[i] != WC_OK)
            snprintf(rate->fit_note[i], sizeof(rate->fit_note[i]), "%s",
                     ferr->msg);
    }

    for (e = 0; e < 2; e++)
    {
        double kk = INFINITY, lo = INFINITY, hi = INFINITY;
        int any = 0, bad = 0;

        for (i = 0; i < WC_DYN_RATE_TERMS; i++)
        {
            const wc_dyn_term_struct * tm = wc_dyn_rate_term + i;
            const wc_stats_fit_struct * f = rate->fit + i;

            if ((tm->D == 0 && tm->d == 1) || rate->zero[i])
                continue;
            if (rate->fit_status[i] != WC_OK)
            {
                bad = 1;
                continue;
            }
            any = 1;
            kk = FLINT_MIN(kk, k_bound(tm->D, tm->d, f->slope, e));
            lo = FLINT_MIN(lo, k_bound(tm->D, tm->d, f->ci_hi, e));
            hi = FLINT_MIN(hi, k_bound(tm->D, tm->d, f->ci_lo, e));
        }
        if (!any || bad)
            kk = lo = hi = NAN;
        if (e == 0)
        {
            rate->k_fixed = kk;
            rate->k_fixed_lo = lo;
            rate->k_fixed_hi = hi;
        }
        else
        {
            rate->k_exp = kk;
            rate->k_exp_lo = lo;
            rate->k_exp_hi = hi;
        }
    }

    if (rate->interrupted)
        return wc_error_set(err, WC_ERR_INTERRUPTED, -1, "interrupted");
    return WC_OK;
}

wc_verdict
wc_dyn_rate_verdict(const wc_dyn_rate_t rate,
                    const wc_stats_fit_struct * deviation, double alpha)
{
    double lo = alpha - rate->k_fixed_hi, hi = alpha - rate->k_fixed_lo;

    if (!isfinite(lo) || !isfinite(hi) || !isfinite(deviation->ci_lo)
        || !isfinite(deviation->ci_hi))
        return WC_VERDICT_INCONCLUSIVE;
    if (deviation->ci_hi < lo)
        return WC_VERDICT_NOT_TIGHT;
    if (deviation->ci_lo > hi)
        return WC_VERDICT_VIOLATED;
    return WC_VERDICT_TIGHT;
}
