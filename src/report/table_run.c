/* Measuring a table plan: each row a claim (bound, exact, Monte Carlo,
   verdict), and the linearisation row a training study. */

#include <math.h>
#include <string.h>

#include "weakcorr/table.h"
#include "weakcorr/claim.h"
#include "weakcorr/dynamics.h"
#include "weakcorr/order.h"

/* Rows of the linearisation study: training and test points of the
   teacher task. */
#define WC_TABLE_DYN_POINTS 16

void
wc_table_run_options_init(wc_table_run_options_t opt)
{
    memset(opt, 0, sizeof(wc_table_run_options_struct));
    opt->seed = 1;
    opt->threads = 1;
    opt->samples = 0;
    opt->prec = 64;
    opt->max_terms = WC_EXACT_DEFAULT_MAX_TERMS;
}

typedef struct
{
    const wc_table_run_options_struct * opt;
    slong row;
    slong nrows;
    const char * name;
}
progress_relay;

static void
mc_progress(void * data, slong done, slong total, slong width)
{
    progress_relay * p = data;

    (void) width;
    if (p->opt->progress != NULL)
        p->opt->progress(p->opt->progress_data, p->row, p->nrows,
                         (double) done / FLINT_MAX(total, 1), p->name);
}

static void
dyn_progress(void * data, double fraction)
{
    progress_relay * p = data;

    if (p->opt->progress != NULL)
        p->opt->progress(p->opt->progress_data, p->row, p->nrows, fraction,
                         p->name);
}

/* The exact leading term of a claim into a row. */
static void
fill_exact(wc_table_row_struct * row, const wc_claim_t c)
{
    wc_buf_t model;

    if (!c->have_exact || c->lead_status < 0)
        return;
    wc_buf_init(model);
    if (c->exact_of_square)
        wc_buf_puts(model, "of E[|C|^2], ");
    wc_buf_puts(model, c->exact_model != NULL ? c->exact_model
                                              : "same network");
    if (c->lead_status == 0)
        wc_table_row_set_exact_zero(row, model->str);
    else if (c->series->exact)
    {
        fmpq_t q;

        fmpq_init(q);
        wc_series_get_coeff_fmpq(q, c->series, c->lead);
        wc_table_row_set_exact_fmpq(row, c->lead, q, model->str);
        fmpq_clear(q);
    }
    else
    {
        arb_t b;

        arb_init(b);
        wc_series_get_coeff_arb(b, c->series, c->lead, c->series->prec);
        wc_table_row_set_exact_arb(row, c->lead, b, model->str);
        arb_clear(b);
    }
    wc_buf_clear(model);
}

static wc_status
run_quantity(wc_table_row_struct * row, const wc_table_item_struct * it,
             const wc_net_t net, const slong * widths, slong nwidths,
             slong samples, const wc_table_run_options_struct * opt,
             progress_relay * relay, wc_error_t err)
{
    wc_mc_quantity_t q;
    wc_mc_options_t mo;
    wc_mc_result_t res;
    wc_exact_options_t eo;
    wc_claim_t c;
    wc_status st;
    double * value, * error;
    slong w;

    wc_mc_quantity_init(q);
    wc_claim_init(c);
    wc_mc_result_init(res);
    wc_mc_options_init(mo);
    mo->widths = NULL;
    st = wc_mc_quantity_parse(q, it->quantity, err);
    if (st != WC_OK)
        goto cleanup;

    /* The bound and the exact series first: they cost little and stand
       even where the Monte Carlo engine cannot go. */
    wc_claim_bound(c, q, net);
    wc_exact_options_init(eo);
    eo->prec = opt->prec;
    eo->max_terms = opt->max_terms;
    wc_claim_exact(c, q, net, eo, 1);
    fill_exact(row, c);

    mo->widths = flint_malloc(nwidths * sizeof(slong));
    memcpy(mo->widths, widths, nwidths * sizeof(slong));
    mo->nwidths = nwidths;
    mo->samples = samples;
    mo->seed = opt->seed;
    mo->threads = opt->threads;
    mo->stat = it->stat;
    mo->progress = mc_progress;
    mo->progress_data = relay;
    mo->cancel = opt->cancel;
    st = wc_mc_run(res, q, net, mo, err);
    if (st == WC_ERR_UNSUPPORTED || st == WC_ERR_RANGE)
    {
        if (c->have_bound)
            wc_table_row_set_bound(row, c->bound, c->bound_zero,
                                   q->kind == WC_MC_SPEC ? "E[X]" : "|C|");
        wc_table_row_set_note(row, err->msg);
        st = WC_OK;
        goto cleanup;
    }
    if (st != WC_OK)
        goto cleanup;

    wc_claim_decide(c, q, res, opt->prec);

    /* The bound on what was fitted: E[X] for a mean, one sample's size
       otherwise. */
    if (c->have_bound && (c->bound_zero || !res->have_fit
                          || res->fit.stat == WC_STAT_MEAN))
        wc_table_row_set_bound(row, c->bound, c->bound_zero,
                               q->kind != WC_MC_SPEC ? "|C|"
                               : q->spec->connected ? "cumulant" : "E[X]");
    else if (c->have_typical)
        wc_table_row_set_bound(row, c->typical, 0, q->kind != WC_MC_SPEC
                               ? "|C|" : "|X|");

    if (res->have_fit)
    {
        value = flint_malloc(nwidths * sizeof(double));
        error = flint_malloc(nwidths * sizeof(double));
        for (w = 0; w < nwidths; w++)
        {
            /* the mean with its sign (the fit and the plot take its
               magnitude) */
            value[w] = (res->fit.stat == WC_STAT_MEAN) ? res->rows[w].mean
                       : wc_stats_row_get(res->rows + w, res->fit.stat);
            error[w] = (res->fit.stat == WC_STAT_MEAN) ? res->rows[w].se
                       : wc_claim_stat_error(res->x + w * res->samples,
                                             res->samples, res->fit.stat);
        }
        {
            slong * counts = flint_malloc(nwidths * sizeof(slong));

            for (w = 0; w < nwidths; w++)
                counts[w] = res->rows[w].samples;
            wc_table_row_set_mc(row, res->fit.stat, res->widths, counts,
                                value, error, nwidths, &res->fit);
            flint_free(counts);
        }
        flint_free(value);
        flint_free(error);
        if (res->fit.sign_change)
            wc_table_row_set_note(row, "the mean changes sign or is not "
                                  "resolved from zero: fitted through the "
                                  "RMS");
    }
    else
        wc_table_row_set_note(row, res->fit_note);
    if (c->have_corrected && c->verdict_from_fit
        && c->verdict_model == WC_STATS_MODEL_CORRECTED)
        wc_table_row_set_corrected(row, &c->corrected);
    wc_table_row_set_verdict(row, c->verdict);

cleanup:
    flint_free(mo->widths);
    wc_mc_result_clear(res);
    wc_claim_clear(c);
    wc_mc_quantity_clear(q);
    return st;
}

static wc_status
run_deviation(wc_table_row_struct * row, const wc_table_item_struct * it,
              const wc_net_t net, const slong * widths, slong nwidths,
              slong seeds, const wc_table_run_options_struct * opt,
              progress_relay * relay, wc_error_t err)
{
    wc_dyn_task_t task;
    wc_dyn_opts_t dopt;
    wc_dyn_result_t res;
    wc_dyn_hooks_struct hooks;
    fmpq_t kf, ke;
    wc_status st;
    slong w;

    wc_dyn_task_init(task);
    wc_dyn_opts_init(dopt);
    wc_dyn_result_init(res);
    fmpq_init(kf);
    fmpq_init(ke);

    /* The theorem's prediction: the deviation is O(1/m) with m = n^k the
       fixed weak-correlation rate that the derived orders guarantee. */
    wc_order_weak_rate(kf, ke, 6);
    fmpq_neg(kf, kf);
    wc_table_row_set_bound(row, kf, 0, "max|f - f_lin|");

    st = wc_dyn_task_teacher(task, net->din, WC_TABLE_DYN_POINTS,
                             WC_TABLE_DYN_POINTS, WC_DYN_LOSS_SQUARED,
                             opt->seed, err);
    if (st != WC_OK)
        goto cleanup;

    flint_free(dopt->widths);
    dopt->widths = flint_malloc(nwidths * sizeof(slong));
    memcpy(dopt->widths, widths, nwidths * sizeof(slong));
    dopt->nwidths = nwidths;
    dopt->seeds = seeds;
    dopt->seed = opt->seed;
    dopt->nsteps = 1;
    dopt->steps[0] = it->steps;
    dopt->lr = it->lr;
    dopt->threads = opt->threads;

    hooks.progress = dyn_progress;
    hooks.data = relay;
    hooks.cancel = opt->cancel;
    st = wc_dyn_run(res, net, task, dopt, &hooks, err);
    if (st != WC_OK)
        goto cleanup;

    if (res->fit_status[WC_DYN_DEVIATION] == WC_OK)
    {
        const wc_stats_fit_struct * fit = res->fit + WC_DYN_DEVIATION;
        double * value = flint_malloc(nwidths * sizeof(double));
        double * error = flint_malloc(nwidths * sizeof(double));
        slong * counts = flint_malloc(nwidths * sizeof(slong));

        for (w = 0; w < nwidths; w++)
        {
            const wc_stats_row_struct * r = res->row + WC_DYN_DEVIATION
                                            * nwidths + w;

            value[w] = r->mean;
            error[w] = r->se;
            counts[w] = r->samples;
        }
        wc_table_row_set_mc(row, WC_STAT_MEAN, widths, counts, value, error,
                            nwidths, fit);
        wc_table_row_set_verdict(row, wc_stats_verdict_resolved(fit,
                                 fmpq_get_d(kf), 0.5));
        flint_free(value);
        flint_free(error);
        flint_free(counts);
    }
    else
        wc_table_row_set_note(row, res->fit_msg[WC_DYN_DEVIATION] != NULL
                              ? res->fit_msg[WC_DYN_DEVIATION]
                              : "no fit of the deviation");
    if (res->diverged > 0)
    {
        char note[128];

        snprintf(note, sizeof(note), "%ld training runs diverged and were "
                 "left out", (long) res->diverged);
        wc_table_row_set_note(row, note);
    }

cleanup:
    fmpq_clear(kf);
    fmpq_clear(ke);
    wc_dyn_result_clear(res);
    wc_dyn_opts_clear(dopt);
    wc_dyn_task_clear(task);
    return st;
}

wc_status
wc_table_run(wc_table_t table, const wc_table_plan_t plan,
             const wc_table_run_options_t opt, wc_error_t err)
{
    slong i;
    wc_status st = WC_OK;

    wc_table_clear(table);
    wc_table_init(table, plan->title, opt->seed);

    for (i = 0; i < plan->nitems && st == WC_OK; i++)
    {
        const wc_table_item_struct * it = plan->items + i;
        const slong * widths = it->widths != NULL ? it->widths
                                                  : plan->widths;
        slong nwidths = it->widths != NULL ? it->nwidths : plan->nwidths;
        slong samples = opt->samples > 0 ? opt->samples
                        : it->samples > 0 ? it->samples
                        : it->deviation ? plan->seeds : plan->samples;
        wc_table_row_struct * row;
        progress_relay relay;
        wc_net_t net;
        char * net_text;

        if (opt->cancel != NULL && *opt->cancel)
            return wc_error_set(err, WC_ERR_INTERRUPTED, -1, "interrupted "
                                "after %ld rows", (long) i);

        wc_net_init(net);
        st = wc_net_parse(net, it->net != NULL ? it->net : plan->net, err);
        if (st != WC_OK)
        {
            wc_net_clear(net);
            break;
        }
        net_text = wc_net_get_str(net);
        if (it->deviation)
        {
            char what[96];

            snprintf(what, sizeof(what), "f(theta(%ld)) - f_lin(%ld), "
                     "lr %g", (long) it->steps, (long) it->steps, it->lr);
            row = wc_table_add_row(table, it->name, what, net_text);
        }
        else
            row = wc_table_add_row(table, it->name, it->quantity, net_text);
        wc_free(net_text);

        relay.opt = opt;
        relay.row = i;
        relay.nrows = plan->nitems;
        relay.name = it->name;
        if (opt->progress != NULL)
            opt->progress(opt->progress_data, i, plan->nitems, 0.0,
                          it->name);

        if (it->deviation)
            st = run_deviation(row, it, net, widths, nwidths, samples, opt,
                               &relay, err);
        else
            st = run_quantity(row, it, net, widths, nwidths, samples, opt,
                              &relay, err);
        wc_net_clear(net);
    }
    return st;
}
