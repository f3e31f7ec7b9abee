/* weakcorr linearize --net NET: trains finite-width networks beside their
   linearisation and turns the deviation into width exponents, with the
   learning-rate and output-scale studies and the weak-correlation rate
   (Shem-Ur & Oz 2024). */

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"

static const char help[] =
"usage: weakcorr linearize [--net NET] [--widths W] [--seeds K] [--seed S]\n"
"                          [--steps S|LIST] [--lr ETA] [--batch B]\n"
"                          [--loss squared|logistic] [--data FILE.csv]\n"
"                          [--train N] [--test N] [--lr-exponents LIST]\n"
"                          [--output-scale LIST] [--center]\n"
"                          [--rate-samples N]\n"
"                          [--rate-engine mc|jets] [--threads T] [--json]\n"
"                          [--quiet] [--output FILE]\n"
"\n"
"Trains each network of the width sweep by gradient descent beside its\n"
"linearisation, the model that moves with the tangent kernel Theta_0 at\n"
"initialisation:\n"
"  f_lin(s+1)(x) = f_lin(s)(x) - eta/B sum_i Theta_0(x, x_i)\n"
"                                    loss'(f_lin(s)(x_i), y_i),\n"
"and measures at the reported steps, per width and seed:\n"
"  deviation  max over test inputs of |f(theta(s))(x) - f_lin(s)(x)|\n"
"  drift      ||Theta_s - Theta_0||_F / N over the N training and test\n"
"             inputs (the root-mean-square entry of the change)\n"
"  movement   |theta(s) - theta_0|, Euclidean, in the coordinates where\n"
"             every parameter is N(0,1) at initialisation\n"
"  losses     mean training loss of the network and of the linear model\n"
"then fits each against log n (95% bootstrap interval over seeds; seed k\n"
"at width n is the leading block of seed k at width 2n).  The theory\n"
"(weakly correlated at rate m(n): deviation O(r/m) after a fixed number\n"
"of steps, r the learning-rate scaling) is checked against the rate\n"
"measured from the derivative correlations C[0,2], C[0,3], |C[1,1]|,\n"
"|C[1,2]| at initialisation.\n"
"\n"
"  --net NET          the network (default hidden=1,act=tanh,param=ntk,\n"
"                     din=1,bias=0); param=standard trains the raw\n"
"                     weights (its kernel grows like n: use small --lr\n"
"                     or --lr-exponents -1)\n"
"  --widths W         a list 64,128,256 or a doubling range 64..1024\n"
"                     (default 64..1024)\n"
"  --seeds K          networks per width (default 8; slopes need 8)\n"
"  --seed S           generator seed for networks, task and batches,\n"
"                     0 to 2^64-1 (default 0)\n"
"  --steps S|LIST     a count S (train S steps, report at 1, 2, 4, ...\n"
"                     and S) or a list of steps to report (default 100)\n"
"  --lr ETA           learning rate eta_0 (default 0.5)\n"
"  --batch B          SGD minibatch size; 0 or absent: full batch\n"
"  --loss L           squared (default) or logistic (targets -1, 1)\n"
"  --data FILE.csv    rows x_1,...,x_din,y (din from NET; a non-numeric\n"
"                     first line is a header, '#' starts a comment); the\n"
"                     last --test rows (default a quarter) are the test\n"
"                     set.  Without it: the synthetic teacher task,\n"
"                     inputs on the sphere |x| = sqrt(din) (din = 1:\n"
"                     uniform on [-sqrt 3, sqrt 3]) and targets from a\n"
"                     fixed random network of 16 tanh units\n"
"  --train N          training points of the synthetic task (default 32)\n"
"  --test N           test points (default 32; with --data a quarter)\n"
"  --lr-exponents L   alpha values: eta = eta_0 n^alpha (default 0)\n"
"  --output-scale L   a values: f -> a f with eta -> eta/a^2 (lazy\n"
"                     training; default 1)\n"
"  --center           train the centred model a (f(theta) - f(theta_0)),\n"
"                     which starts at 0 (Chizat, Oyallon and Bach 2019);\n"
"                     without it the initial output a f(theta_0) enters\n"
"                     the residual\n"
"  --rate-samples N   networks per width for the weak-correlation rate\n"
"                     (default 32; 0 skips the rate)\n"
"  --rate-engine E    mc (default: the Monte Carlo engine) or jets (this\n"
"                     module's own Taylor-mode jets)\n"
"  --threads T        worker threads (default: the processors online);\n"
"                     the results do not depend on it\n"
"  --json             one JSON object: net, task, options, rows (width,\n"
"                     deviation, se, ...) and slope, slope_ci of the\n"
"                     first configuration at the last step, then every\n"
"                     configuration, step and run, the rate and verdicts\n"
"  --quiet            no progress bar on standard error\n"
"  --output FILE      write the result to FILE (atomically) instead of\n"
"                     standard output\n"
"\n"
"A run whose loss grows beyond 10^4 times its largest initial\n"
"per-example loss, produces NaN or infinity, or (full batch, squared\n"
"loss) has eta lambda_max(Theta_0)/B >= 2 is reported as diverged and\n"
"left out of every average and fit.  With several --lr-exponents and\n"
"--output-scale values every combination is run.\n"
"\n"
"Exit status: 0 on success, 1 for malformed input (with the position),\n"
"2 for a well-formed request that cannot be answered (memory, file\n"
"access), 130 when interrupted (Ctrl-C): the runs that finished are\n"
"reported.\n"
"\n"
"examples:\n"
"  weakcorr linearize --net hidden=2,act=tanh,din=8 --widths 64..1024\n"
"  weakcorr linearize --net act=relu,din=4 --batch 1 --steps 1,10,100\n"
"  weakcorr linearize --net act=linear,din=4 --lr 0.05 --lr-exponents 0,0.5\n"
"  weakcorr linearize --net din=3 --data points.csv --loss logistic\n";

typedef struct
{
    wc_cli_progress_struct bar;
    slong stage;
    slong nstages;
    const char * what;
}
progress_state;

static void
progress(void * data, double fraction)
{
    progress_state * p = data;

    wc_cli_progress_draw(&p->bar, fraction, "%s %ld/%ld", p->what,
                         (long) p->stage + 1, (long) p->nstages);
}

/* ------------------------------------------------------------------ */
/* What the command computes. */

typedef struct
{
    double alpha;
    double scale;
    wc_dyn_result_t res;
    int ran;
}
config_struct;

typedef struct
{
    const char * net_text;
    const char * data;
    wc_net_t net;
    wc_dyn_task_t task;
    wc_dyn_opts_t opts;
    double * alphas;
    slong nalphas;
    double * scales;
    slong nscales;
    config_struct * conf;
    slong nconf;
    slong rate_samples;
    wc_dyn_rate_engine engine;
    wc_dyn_rate_t rate;
    int have_rate;
    wc_status rate_status;
    char rate_msg[256];
    int interrupted;
}
job_struct;

static const char * const qname[WC_DYN_NQUANTITIES] =
{
    "deviation", "kernel drift", "movement", "loss (net)", "loss (lin)"
};

static const char *
verdict_text(wc_verdict v)
{
    switch (v)
    {
        case WC_VERDICT_TIGHT:
            return "consistent: the intervals meet";
        case WC_VERDICT_NOT_TIGHT:
            return "faster than predicted (the bound holds, not tight)";
        case WC_VERDICT_VIOLATED:
            return "the deviation decays slower than predicted at these "
                   "widths";
        default:
            return "inconclusive (a fit is missing)";
    }
}

static void
put_interval(wc_buf_t out, const wc_stats_fit_struct * f, wc_status st)
{
    if (st == WC_OK)
        wc_buf_printf(out, "%7.3f [%7.3f, %7.3f]", f->slope, f->ci_lo,
                      f->ci_hi);
    else
        wc_buf_printf(out, "%-25s", "    no fit");
}

/* A mean, or "--" when no run contributed. */
static void
put_value(wc_buf_t out, const wc_stats_row_struct * row, int width)
{
    if (row->samples == 0)
        wc_buf_printf(out, " %*s", width, "--");
    else
        wc_buf_printf(out, " %*.3e", width, row->mean);
}

static void
put_task(wc_buf_t out, const job_struct * J)
{
    if (J->data != NULL)
        wc_buf_printf(out, "%-11s %s: %ld training + %ld test rows\n",
                      "data", J->data, (long) J->task->ntrain,
                      (long) J->task->ntest);
    else
        wc_buf_printf(out, "%-11s synthetic teacher (%d tanh units), %ld "
                      "training + %ld test points, |x| = sqrt(din)%s\n",
                      "task", WC_DYN_TEACHER_UNITS, (long) J->task->ntrain,
                      (long) J->task->ntest,
                      J->task->din == 1 ? " (din 1: uniform on "
                                          "[-sqrt 3, sqrt 3])" : "");
}

static void
text_config(wc_buf_t out, const job_struct * J, const config_struct * c,
            slong index)
{
    const wc_dyn_result_struct * r = c->res;
    const wc_dyn_opts_struct * o = r->opts;
    slong nw = o->nwidths, ns = o->nsteps, t = ns - 1, w, k, q;
    int any;

    wc_buf_printf(out, "\nconfiguration %ld of %ld: alpha = %g, output "
                  "scale a = %g, eta = %g n^%g / a^2\n", (long) index + 1,
                  (long) J->nconf, c->alpha, c->scale, o->lr, c->alpha);
    wc_buf_printf(out, "step %ld, mean over the runs that did not diverge "
                  "(+- standard error):\n", (long) o->steps[t]);
    wc_buf_printf(out, "%7s %6s  %-21s %10s %9s %10s %10s\n", "width",
                  "runs", "deviation +- se", "drift", "movement",
                  "loss(net)", "loss(lin)");
    for (w = 0; w < nw; w++)
    {
        const wc_stats_row_struct * row[WC_DYN_NQUANTITIES];
        char runs[32];

        for (q = 0; q < WC_DYN_NQUANTITIES; q++)
            row[q] = r->row + (q * ns + t) * nw + w;
        snprintf(runs, sizeof(runs), "%ld/%ld", (long) row[0]->samples,
                 (long) o->seeds);
        if (row[0]->samples == 0)
            wc_buf_printf(out, "%7ld %6s  %-21s %10s %9s %10s %10s\n",
                          (long) o->widths[w], runs, "    --", "--", "--",
                          "--", "--");
        else
            wc_buf_printf(out, "%7ld %6s  %9.3e +- %8.2e %10.3e %9.4f "
                          "%10.3e %10.3e\n", (long) o->widths[w], runs,
                          row[0]->mean, row[0]->se, row[1]->mean,
                          row[2]->mean, row[3]->mean, row[4]->mean);
    }

    any = 0;
    for (w = 0; w < nw; w++)
        for (k = 0; k < o->seeds; k++)
        {
            const wc_dyn_sample_struct * s = r->sample + w * o->seeds + k;

            if (s->status == WC_DYN_OK)
                continue;
            if (!any)
                wc_buf_printf(out, "excluded runs:\n");
            any = 1;
            if (s->status == WC_DYN_NOT_RUN)
                wc_buf_printf(out, "  width %ld seed %ld: not run "
                              "(interrupted)\n", (long) o->widths[w],
                              (long) k);
            else if (s->reason == WC_DYN_REASON_UNSTABLE)
                wc_buf_printf(out, "  width %ld seed %ld: diverged, "
                              "learning rate above the stable range "
                              "(eta lambda_max/B = %.3g >= 2)\n",
                              (long) o->widths[w], (long) k,
                              s->lr * s->lambda_max);
            else
                wc_buf_printf(out, "  width %ld seed %ld: diverged at "
                              "step %ld (%s)\n", (long) o->widths[w],
                              (long) k, (long) s->diverge_step,
                              wc_dyn_reason_name(s->reason));
        }

    wc_buf_printf(out, "slopes in log n at step %ld (fit of the mean; 95%% "
                  "bootstrap interval over seeds):\n", (long) o->steps[t]);
    for (q = 0; q < WC_DYN_NQUANTITIES; q++)
    {
        slong f = q * ns + t;

        wc_buf_printf(out, "  %-13s", qname[q]);
        put_interval(out, r->fit + f, r->fit_status[f]);
        if (r->fit_status[f] != WC_OK && r->fit_msg[f] != NULL)
            wc_buf_printf(out, "  (%s)", r->fit_msg[f]);
        wc_buf_putc(out, '\n');
    }

    if (ns > 1)
    {
        wc_buf_printf(out, "deviation by step (mean over seeds), its slope "
                      "in log n, and the linear model's\ntraining loss at "
                      "the largest width:\n%6s", "step");
        for (w = 0; w < nw; w++)
        {
            char head[32];

            snprintf(head, sizeof(head), "n=%ld", (long) o->widths[w]);
            wc_buf_printf(out, " %9s", head);
        }
        wc_buf_printf(out, "  %-25s %10s\n", "slope [95% interval]",
                      "loss(lin)");
        for (t = 0; t < ns; t++)
        {
            slong f = WC_DYN_DEVIATION * ns + t;

            wc_buf_printf(out, "%6ld", (long) o->steps[t]);
            for (w = 0; w < nw; w++)
                put_value(out, r->row + f * nw + w, 9);
            wc_buf_printf(out, "  ");
            put_interval(out, r->fit + f, r->fit_status[f]);
            put_value(out, r->row + (WC_DYN_LOSS_LIN * ns + t) * nw + nw - 1,
                      10);
            wc_buf_putc(out, '\n');
        }
    }
}

static const char *
term_name(slong i)
{
    static const char * const names[WC_DYN_RATE_TERMS] =
    {
        "C[0,1]", "C[0,2]", "C[0,3]", "|C[1,1]|", "|C[1,2]|"
    };

    return names[i];
}

static void
text_rate(wc_buf_t out, const job_struct * J)
{
    const wc_dyn_rate_struct * R = J->rate;
    slong i, w, nw = R->nwidths;

    wc_buf_printf(out, "\nweak-correlation rate from the derivative "
                  "correlations at initialisation\n(%s, %ld networks "
                  "per width, eta = %g, x = the first test input,\n"
                  "x' = the first training input; mean of |C| per width "
                  "and its slope in log n):\n",
                  J->engine == WC_DYN_RATE_MC ? "Monte Carlo engine"
                                              : "Taylor-mode jets",
                  (long) R->samples, R->lr);
    wc_buf_printf(out, "%-9s", "term");
    for (w = 0; w < nw; w++)
    {
        char head[32];

        snprintf(head, sizeof(head), "n=%ld", (long) R->widths[w]);
        wc_buf_printf(out, " %9s", head);
    }
    wc_buf_printf(out, "  slope [95%% interval]\n");
    for (i = 0; i < WC_DYN_RATE_TERMS; i++)
    {
        wc_buf_printf(out, "%-9s", term_name(i));
        for (w = 0; w < nw; w++)
            put_value(out, R->row + i * nw + w, 9);
        wc_buf_printf(out, "  ");
        if (R->zero[i])
            wc_buf_printf(out, "exactly 0 (no constraint)");
        else
            put_interval(out, R->fit + i, R->fit_status[i]);
        if (i == 0)
            wc_buf_printf(out, "  (eta Theta)");
        wc_buf_putc(out, '\n');
    }
    for (i = 0; i < WC_DYN_RATE_TERMS; i++)
        if (!R->zero[i] && R->fit_status[i] != WC_OK)
        {
            wc_buf_printf(out, "no fit: %s\n", R->fit_note[i]);
            break;
        }
    wc_buf_printf(out, "m(n) = n^k, fixed sense (C[0,d] = O(1/m), d >= 2; "
                  "|C[D,d]| = O(m^-1/2), D, d >= 1):\n");
    if (isnan(R->k_fixed))
        wc_buf_printf(out, "  k: not available (a slope is missing)\n");
    else
        wc_buf_printf(out, "  k = %.3f, 95%% range [%.3f, %.3f]\n",
                      R->k_fixed, R->k_fixed_lo, R->k_fixed_hi);
    wc_buf_printf(out, "exponential sense (|C[D,d]| = O(m^(-d/2))):\n");
    if (isnan(R->k_exp))
        wc_buf_printf(out, "  k: not available (a slope is missing)\n");
    else
        wc_buf_printf(out, "  k = %.3f, 95%% range [%.3f, %.3f]\n",
                      R->k_exp, R->k_exp_lo, R->k_exp_hi);
}

static void
text_studies(wc_buf_t out, const job_struct * J)
{
    slong i, j, t;

    if (J->nconf > 1 || J->have_rate)
    {
        wc_buf_printf(out, "\ndeviation's slope in log n at the last step "
                      "by configuration%s:\n", J->have_rate
                      ? ",\nagainst the equivalence theorem: deviation = "
                        "O(r/m), r = n^alpha, slope alpha - k" : "");
        wc_buf_printf(out, "%7s %7s  %-25s", "alpha", "a",
                      "measured [95% interval]");
        if (J->have_rate)
            wc_buf_printf(out, "  %-25s  %s", "predicted alpha - k",
                          "verdict");
        wc_buf_putc(out, '\n');
    }
    for (i = 0; i < J->nconf && (J->nconf > 1 || J->have_rate); i++)
    {
        const config_struct * c = J->conf + i;
        const wc_dyn_result_struct * r = c->res;
        slong f;

        if (!c->ran)
            continue;
        t = r->opts->nsteps - 1;
        f = WC_DYN_DEVIATION * r->opts->nsteps + t;
        wc_buf_printf(out, "%7g %7g  ", c->alpha, c->scale);
        put_interval(out, r->fit + f, r->fit_status[f]);
        if (J->have_rate)
        {
            wc_verdict v = (r->fit_status[f] == WC_OK)
                ? wc_dyn_rate_verdict(J->rate, r->fit + f, c->alpha)
                : WC_VERDICT_INCONCLUSIVE;

            if (isnan(J->rate->k_fixed))
                wc_buf_printf(out, "  %-25s  %s", "    --", verdict_text(v));
            else
                wc_buf_printf(out, "  %7.3f [%7.3f, %7.3f]  %s",
                              c->alpha - J->rate->k_fixed,
                              c->alpha - J->rate->k_fixed_hi,
                              c->alpha - J->rate->k_fixed_lo,
                              verdict_text(v));
        }
        wc_buf_putc(out, '\n');
    }

    /* Output scale: the deviation against a at the largest width, for
       each alpha; C^{D,d} scales as a^(1-D-d), which predicts a^-1. */
    if (J->nscales > 1)
        for (i = 0; i < J->nalphas; i++)
        {
            double sx = 0, sy = 0, sxx = 0, sxy = 0;
            slong n = 0, nw = 0, width = 0;

            wc_buf_printf(out, "\noutput scale (f -> a f, eta -> eta/a^2), "
                          "alpha = %g, deviation at the last step:\n",
                          J->alphas[i]);
            for (j = 0; j < J->nscales; j++)
            {
                const config_struct * c = J->conf + i * J->nscales + j;
                const wc_dyn_result_struct * r = c->res;
                const wc_stats_row_struct * row;

                if (!c->ran)
                    continue;
                nw = r->opts->nwidths;
                t = r->opts->nsteps - 1;
                width = r->opts->widths[nw - 1];
                row = r->row + (WC_DYN_DEVIATION * r->opts->nsteps + t) * nw
                      + nw - 1;
                wc_buf_printf(out, "  a = %-8g at n = %ld: %9.3e +- %8.2e\n",
                              c->scale, (long) width, row->mean, row->se);
                if (row->samples > 0 && row->mean > 0)
                {
                    double x = log(c->scale), y = log(row->mean);

                    sx += x;
                    sy += y;
                    sxx += x * x;
                    sxy += x * y;
                    n++;
                }
            }
            if (n >= 2 && n * sxx - sx * sx > 0)
                wc_buf_printf(out, "  exponent in a at n = %ld (least "
                              "squares on the means): %.3f; %s\n",
                              (long) width,
                              (n * sxy - sx * sy) / (n * sxx - sx * sx),
                              J->opts->center
                              ? "lazy training predicts -1"
                              : "not centred: the initial output a f_0 "
                                "enters the residual (see --center)");
        }
}

static void
text_report(wc_buf_t out, const job_struct * J)
{
    const wc_dyn_opts_struct * o = J->opts;
    char * s = wc_net_get_str(J->net);
    slong i;

    wc_buf_printf(out, "Training beside the linearisation (the tangent "
                  "kernel at initialisation)\n");
    wc_buf_printf(out, "%-11s %s\n", "NET", s);
    wc_free(s);
    put_task(out, J);
    wc_buf_printf(out, "%-11s %s, %s loss, %ld steps%s\n", "training",
                  o->batch == 0 || o->batch >= J->task->ntrain
                  ? "full-batch gradient descent" : "SGD",
                  wc_dyn_loss_name(o->loss), (long) o->steps[o->nsteps - 1],
                  o->center ? ", centred model a (f - f(theta_0))" : "");
    if (o->batch > 0 && o->batch < J->task->ntrain)
        wc_buf_printf(out, "%-11s minibatches of %ld, each epoch a fresh "
                      "random permutation\n", "", (long) o->batch);
    wc_buf_printf(out, "%-11s %ld per width, seed %llu (common random "
                  "numbers across widths)\n", "seeds", (long) o->seeds,
                  (unsigned long long) o->seed);

    for (i = 0; i < J->nconf; i++)
        if (J->conf[i].ran)
            text_config(out, J, J->conf + i, i);
    if (J->have_rate)
        text_rate(out, J);
    else if (J->rate_samples > 0)
        wc_buf_printf(out, "\nweak-correlation rate: not available (%s)\n",
                      J->rate_msg);
    text_studies(out, J);
    if (J->interrupted)
        wc_buf_printf(out, "\ninterrupted: the runs above are those that "
                      "finished\n");
}

/* ------------------------------------------------------------------ */
/* JSON. */

static void
json_fit(wc_json_t j, const wc_stats_fit_struct * f, wc_status st)
{
    wc_json_key(j, "slope");
    if (st == WC_OK)
        wc_json_double(j, f->slope);
    else
        wc_json_null(j);
    wc_json_key(j, "slope_se");
    if (st == WC_OK)
        wc_json_double(j, f->se);
    else
        wc_json_null(j);
    wc_json_key(j, "slope_ci");
    wc_json_interval(j, st == WC_OK, f->ci_lo, f->ci_hi);
}

static void
json_rows(wc_json_t j, const wc_dyn_result_struct * r, slong t)
{
    const wc_dyn_opts_struct * o = r->opts;
    slong nw = o->nwidths, ns = o->nsteps, w, q;

    wc_json_key(j, "rows");
    wc_json_begin_array(j);
    for (w = 0; w < nw; w++)
    {
        const wc_stats_row_struct * dev = r->row + (WC_DYN_DEVIATION * ns
                                                     + t) * nw + w;

        wc_json_begin_object(j);
        wc_json_key(j, "width");
        wc_json_int(j, o->widths[w]);
        wc_json_key(j, "runs");
        wc_json_int(j, dev->samples);
        wc_json_key(j, "deviation");
        wc_json_double(j, dev->mean);
        wc_json_key(j, "se");
        wc_json_double(j, dev->se);
        for (q = 1; q < WC_DYN_NQUANTITIES; q++)
        {
            const wc_stats_row_struct * row = r->row + (q * ns + t) * nw + w;
            char key[64];

            wc_json_key(j, wc_dyn_quantity_name(q));
            wc_json_double(j, row->mean);
            snprintf(key, sizeof(key), "%s_se", wc_dyn_quantity_name(q));
            wc_json_key(j, key);
            wc_json_double(j, row->se);
        }
        wc_json_end_object(j);
    }
    wc_json_end_array(j);
}

static void
json_config(wc_json_t j, const job_struct * J, const config_struct * c)
{
    const wc_dyn_result_struct * r = c->res;
    const wc_dyn_opts_struct * o = r->opts;
    slong ns = o->nsteps, t, q, w, k, f;

    wc_json_begin_object(j);
    wc_json_key(j, "lr_exponent");
    wc_json_double(j, c->alpha);
    wc_json_key(j, "output_scale");
    wc_json_double(j, c->scale);
    wc_json_key(j, "lr");
    wc_json_double(j, o->lr);
    f = WC_DYN_DEVIATION * ns + ns - 1;
    json_fit(j, r->fit + f, r->fit_status[f]);
    if (J->have_rate)
    {
        wc_verdict v = (r->fit_status[f] == WC_OK)
            ? wc_dyn_rate_verdict(J->rate, r->fit + f, c->alpha)
            : WC_VERDICT_INCONCLUSIVE;

        wc_json_key(j, "predicted_slope");
        wc_json_double(j, c->alpha - J->rate->k_fixed);
        wc_json_key(j, "predicted_ci");
        wc_json_begin_array(j);
        wc_json_double(j, c->alpha - J->rate->k_fixed_hi);
        wc_json_double(j, c->alpha - J->rate->k_fixed_lo);
        wc_json_end_array(j);
        wc_json_key(j, "verdict");
        wc_json_string(j, wc_verdict_name(v));
    }
    wc_json_key(j, "steps");
    wc_json_begin_array(j);
    for (t = 0; t < ns; t++)
    {
        wc_json_begin_object(j);
        wc_json_key(j, "step");
        wc_json_int(j, o->steps[t]);
        json_rows(j, r, t);
        wc_json_key(j, "fits");
        wc_json_begin_object(j);
        for (q = 0; q < WC_DYN_NQUANTITIES; q++)
        {
            wc_json_key(j, wc_dyn_quantity_name(q));
            wc_json_begin_object(j);
            json_fit(j, r->fit + q * ns + t, r->fit_status[q * ns + t]);
            wc_json_end_object(j);
        }
        wc_json_end_object(j);
        wc_json_end_object(j);
    }
    wc_json_end_array(j);

    wc_json_key(j, "runs");
    wc_json_begin_array(j);
    for (w = 0; w < o->nwidths; w++)
        for (k = 0; k < o->seeds; k++)
        {
            const wc_dyn_sample_struct * s = r->sample + w * o->seeds + k;

            wc_json_begin_object(j);
            wc_json_key(j, "width");
            wc_json_int(j, o->widths[w]);
            wc_json_key(j, "seed");
            wc_json_int(j, k);
            wc_json_key(j, "status");
            wc_json_string(j, s->status == WC_DYN_OK ? "ok"
                           : s->status == WC_DYN_DIVERGED ? "diverged"
                           : "not run");
            wc_json_key(j, "reason");
            if (s->status == WC_DYN_DIVERGED)
                wc_json_string(j, wc_dyn_reason_name(s->reason));
            else
                wc_json_null(j);
            wc_json_key(j, "diverge_step");
            if (s->status == WC_DYN_DIVERGED)
                wc_json_int(j, s->diverge_step);
            else
                wc_json_null(j);
            wc_json_key(j, "lr");
            wc_json_double(j, s->lr);
            wc_json_key(j, "lambda_max");
            wc_json_double(j, s->lambda_max);
            wc_json_key(j, "deviation");
            wc_json_begin_array(j);
            for (t = 0; t < ns; t++)
                wc_json_double(j, s->value[WC_DYN_DEVIATION * ns + t]);
            wc_json_end_array(j);
            wc_json_end_object(j);
        }
    wc_json_end_array(j);
    wc_json_end_object(j);
}

static void
json_rate(wc_json_t j, const job_struct * J)
{
    const wc_dyn_rate_struct * R = J->rate;
    slong i, w;

    wc_json_begin_object(j);
    wc_json_key(j, "engine");
    wc_json_string(j, J->engine == WC_DYN_RATE_MC ? "mc" : "jets");
    wc_json_key(j, "samples");
    wc_json_int(j, R->samples);
    wc_json_key(j, "lr");
    wc_json_double(j, R->lr);
    wc_json_key(j, "terms");
    wc_json_begin_array(j);
    for (i = 0; i < WC_DYN_RATE_TERMS; i++)
    {
        wc_json_begin_object(j);
        wc_json_key(j, "D");
        wc_json_int(j, wc_dyn_rate_term[i].D);
        wc_json_key(j, "d");
        wc_json_int(j, wc_dyn_rate_term[i].d);
        wc_json_key(j, "zero");
        wc_json_bool(j, R->zero[i]);
        wc_json_key(j, "rows");
        wc_json_begin_array(j);
        for (w = 0; w < R->nwidths; w++)
        {
            wc_json_begin_object(j);
            wc_json_key(j, "width");
            wc_json_int(j, R->widths[w]);
            wc_json_key(j, "mean_abs");
            wc_json_double(j, R->row[i * R->nwidths + w].mean);
            wc_json_key(j, "se");
            wc_json_double(j, R->row[i * R->nwidths + w].se);
            wc_json_end_object(j);
        }
        wc_json_end_array(j);
        json_fit(j, R->fit + i, R->zero[i] ? WC_ERR_RANGE
                                           : R->fit_status[i]);
        wc_json_end_object(j);
    }
    wc_json_end_array(j);
    wc_json_key(j, "k_fixed");
    wc_json_double(j, R->k_fixed);
    wc_json_key(j, "k_fixed_ci");
    wc_json_begin_array(j);
    wc_json_double(j, R->k_fixed_lo);
    wc_json_double(j, R->k_fixed_hi);
    wc_json_end_array(j);
    wc_json_key(j, "k_exp");
    wc_json_double(j, R->k_exp);
    wc_json_key(j, "k_exp_ci");
    wc_json_begin_array(j);
    wc_json_double(j, R->k_exp_lo);
    wc_json_double(j, R->k_exp_hi);
    wc_json_end_array(j);
    wc_json_end_object(j);
}

static void
json_report(wc_buf_t out, const job_struct * J)
{
    const wc_dyn_opts_struct * o = J->opts;
    const config_struct * first = NULL;
    wc_json_t j;
    char * s, seed[32];
    slong i;

    for (i = 0; i < J->nconf && first == NULL; i++)
        if (J->conf[i].ran)
            first = J->conf + i;

    wc_json_init(j, out);
    wc_json_begin_object(j);
    wc_json_key(j, "command");
    wc_json_string(j, "linearize");
    s = wc_net_get_str(J->net);
    wc_json_key(j, "net");
    wc_json_string(j, s);
    wc_free(s);
    wc_json_key(j, "task");
    wc_json_begin_object(j);
    wc_json_key(j, "kind");
    wc_json_string(j, J->data != NULL ? "csv" : "teacher");
    if (J->data != NULL)
    {
        wc_json_key(j, "file");
        wc_json_string(j, J->data);
    }
    wc_json_key(j, "din");
    wc_json_int(j, J->task->din);
    wc_json_key(j, "train");
    wc_json_int(j, J->task->ntrain);
    wc_json_key(j, "test");
    wc_json_int(j, J->task->ntest);
    wc_json_end_object(j);
    wc_json_key(j, "loss");
    wc_json_string(j, wc_dyn_loss_name(o->loss));
    wc_json_key(j, "batch");
    wc_json_int(j, o->batch);
    wc_json_key(j, "center");
    wc_json_bool(j, o->center);
    wc_json_key(j, "seeds");
    wc_json_int(j, o->seeds);
    snprintf(seed, sizeof(seed), "%llu", (unsigned long long) o->seed);
    wc_json_key(j, "seed");
    wc_json_string(j, seed);
    wc_json_key(j, "lr");
    wc_json_double(j, o->lr);
    wc_json_key(j, "widths");
    wc_json_begin_array(j);
    for (i = 0; i < o->nwidths; i++)
        wc_json_int(j, o->widths[i]);
    wc_json_end_array(j);
    wc_json_key(j, "steps");
    wc_json_begin_array(j);
    for (i = 0; i < o->nsteps; i++)
        wc_json_int(j, o->steps[i]);
    wc_json_end_array(j);
    wc_json_key(j, "deviation_definition");
    wc_json_string(j, "max over test inputs of |f(theta(s))(x) - "
                   "f_lin(s)(x)|");
    wc_json_key(j, "kernel_drift_definition");
    wc_json_string(j, "||Theta_s - Theta_0||_F / N over the N training "
                   "and test inputs");
    wc_json_key(j, "movement_definition");
    wc_json_string(j, "|theta(s) - theta_0|, Euclidean, NTK coordinates");

    if (first != NULL)
    {
        slong t = first->res->opts->nsteps - 1;
        slong f = WC_DYN_DEVIATION * first->res->opts->nsteps + t;

        wc_json_key(j, "step");
        wc_json_int(j, first->res->opts->steps[t]);
        json_rows(j, first->res, t);
        json_fit(j, first->res->fit + f, first->res->fit_status[f]);
    }
    wc_json_key(j, "configurations");
    wc_json_begin_array(j);
    for (i = 0; i < J->nconf; i++)
        if (J->conf[i].ran)
            json_config(j, J, J->conf + i);
    wc_json_end_array(j);
    wc_json_key(j, "rate");
    if (J->have_rate)
        json_rate(j, J);
    else
        wc_json_null(j);
    wc_json_key(j, "interrupted");
    wc_json_bool(j, J->interrupted);
    wc_json_end_object(j);
    wc_buf_putc(out, '\n');
}

/* ------------------------------------------------------------------ */

static int
take_doubles(double ** v, slong * n, const char * value, double lo,
             int strict, const char * name)
{
    wc_error_t err;

    wc_error_init(err);
    flint_free(*v);
    *v = NULL;
    if (wc_dyn_parse_doubles(v, n, value, lo, strict, err) != WC_OK)
    {
        *v = NULL;
        return wc_cli_fail(name, err);
    }
    return WC_EXIT_OK;
}

int
wc_cmd_linearize(int argc, char ** argv)
{
    const char * widths_text = "64..1024", * steps_text = "100";
    const char * output = NULL, * value;
    unsigned long long u;
    slong ntrain = 32, ntest = -1, c, k;
    int json = 0, quiet = 0, r, exit_status = WC_EXIT_OK, train_given = 0;
    int i;
    job_struct J;
    wc_error_t err;
    wc_status st;
    progress_state ps;
    wc_dyn_hooks_struct hooks;
    struct sigaction old;
    wc_buf_t out;
    long ncpu;

    memset(&J, 0, sizeof(J));
    wc_net_init(J.net);
    wc_dyn_task_init(J.task);
    wc_dyn_opts_init(J.opts);
    wc_dyn_rate_init(J.rate);
    wc_buf_init(out);
    wc_error_init(err);
    J.rate_samples = 32;
    J.engine = WC_DYN_RATE_MC;
    J.alphas = flint_malloc(sizeof(double));
    J.alphas[0] = 0.0;
    J.nalphas = 1;
    J.scales = flint_malloc(sizeof(double));
    J.scales[0] = 1.0;
    J.nscales = 1;
    ncpu = sysconf(_SC_NPROCESSORS_ONLN);
    J.opts->threads = (ncpu >= 1 && ncpu <= 1024) ? ncpu : 1;

#define FAIL(status) do { exit_status = (status); goto cleanup; } while (0)
#define TAKE(name) \
    ((r = wc_cli_take_value(&value, argc, argv, &i, "linearize", name)) != 0)

    for (i = 1; i < argc; i++)
    {
        if (!wc_cli_is_option(argv[i]))
            FAIL(wc_cli_usage_error("linearize", "unexpected argument '%s' "
                                    "(the network is given by --net)",
                                    argv[i]));
        if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0)
        {
            fputs(help, stdout);
            FAIL(WC_EXIT_OK);
        }
        if (strcmp(argv[i], "--json") == 0)
        {
            json = 1;
            continue;
        }
        if (strcmp(argv[i], "--quiet") == 0)
        {
            quiet = 1;
            continue;
        }
        if (strcmp(argv[i], "--center") == 0)
        {
            J.opts->center = 1;
            continue;
        }
        if (TAKE("--net"))
        {
            if (r < 0)
                FAIL(WC_EXIT_INPUT);
            J.net_text = value;
        }
        else if (TAKE("--widths"))
        {
            if (r < 0)
                FAIL(WC_EXIT_INPUT);
            widths_text = value;
        }
        else if (TAKE("--steps"))
        {
            if (r < 0)
                FAIL(WC_EXIT_INPUT);
            steps_text = value;
        }
        else if (TAKE("--data"))
        {
            if (r < 0)
                FAIL(WC_EXIT_INPUT);
            if (value[0] == '\0')
                FAIL(wc_cli_usage_error("linearize", "--data needs a file "
                                        "name"));
            J.data = value;
        }
        else if (TAKE("--output"))
        {
            if (r < 0)
                FAIL(WC_EXIT_INPUT);
            if (value[0] == '\0')
                FAIL(wc_cli_usage_error("linearize", "--output needs a "
                                        "file name"));
            output = value;
        }
        else if (TAKE("--seeds"))
        {
            if (r < 0)
                FAIL(WC_EXIT_INPUT);
            if (!wc_cli_parse_uint(&u, value, UWORD(1) << 31) || u < 1)
                FAIL(wc_cli_usage_error("linearize", "--seeds takes a "
                     "positive integer up to 2^31, not '%s'", value));
            J.opts->seeds = (slong) u;
        }
        else if (TAKE("--seed"))
        {
            if (r < 0)
                FAIL(WC_EXIT_INPUT);
            if (!wc_cli_parse_uint(&u, value, UINT64_MAX))
                FAIL(wc_cli_usage_error("linearize", "--seed takes an "
                     "integer from 0 to 2^64-1, not '%s'", value));
            J.opts->seed = (uint64_t) u;
        }
        else if (TAKE("--threads"))
        {
            if (r < 0)
                FAIL(WC_EXIT_INPUT);
            if (!wc_cli_parse_uint(&u, value, 1024) || u < 1)
                FAIL(wc_cli_usage_error("linearize", "--threads takes an "
                     "integer from 1 to 1024, not '%s'", value));
            J.opts->threads = (slong) u;
        }
        else if (TAKE("--batch"))
        {
            if (r < 0)
                FAIL(WC_EXIT_INPUT);
            if (!wc_cli_parse_uint(&u, value, UWORD(1) << 40))
                FAIL(wc_cli_usage_error("linearize", "--batch takes a "
                     "nonnegative integer, not '%s'", value));
            J.opts->batch = (slong) u;
        }
        else if (TAKE("--train"))
        {
            if (r < 0)
                FAIL(WC_EXIT_INPUT);
            if (!wc_cli_parse_uint(&u, value, UWORD(1) << 24) || u < 1)
                FAIL(wc_cli_usage_error("linearize", "--train takes a "
                     "positive integer up to 2^24, not '%s'", value));
            ntrain = (slong) u;
            train_given = 1;
        }
        else if (TAKE("--test"))
        {
            if (r < 0)
                FAIL(WC_EXIT_INPUT);
            if (!wc_cli_parse_uint(&u, value, UWORD(1) << 24) || u < 1)
                FAIL(wc_cli_usage_error("linearize", "--test takes a "
                     "positive integer up to 2^24, not '%s'", value));
            ntest = (slong) u;
        }
        else if (TAKE("--rate-samples"))
        {
            if (r < 0)
                FAIL(WC_EXIT_INPUT);
            if (!wc_cli_parse_uint(&u, value, UWORD(1) << 31))
                FAIL(wc_cli_usage_error("linearize", "--rate-samples takes "
                     "a nonnegative integer, not '%s'", value));
            J.rate_samples = (slong) u;
        }
        else if (TAKE("--rate-engine"))
        {
            if (r < 0)
                FAIL(WC_EXIT_INPUT);
            if (strcmp(value, "mc") == 0)
                J.engine = WC_DYN_RATE_MC;
            else if (strcmp(value, "jets") == 0)
                J.engine = WC_DYN_RATE_JETS;
            else
                FAIL(wc_cli_usage_error("linearize", "--rate-engine is mc "
                     "or jets, not '%s'", value));
        }
        else if (TAKE("--loss"))
        {
            if (r < 0)
                FAIL(WC_EXIT_INPUT);
            if (wc_dyn_loss_parse(&J.opts->loss, value, err) != WC_OK)
                FAIL(wc_cli_usage_error("linearize", "--loss: %s",
                                        err->msg));
        }
        else if (TAKE("--lr"))
        {
            double * v = NULL;
            slong n;

            if (r < 0)
                FAIL(WC_EXIT_INPUT);
            if ((exit_status = take_doubles(&v, &n, value, 0.0, 1, "--lr")))
                FAIL(exit_status);
            if (n != 1)
            {
                flint_free(v);
                FAIL(wc_cli_usage_error("linearize", "--lr takes one "
                     "number (use --lr-exponents for a scaling study)"));
            }
            J.opts->lr = v[0];
            flint_free(v);
        }
        else if (TAKE("--lr-exponents"))
        {
            if (r < 0)
                FAIL(WC_EXIT_INPUT);
            if ((exit_status = take_doubles(&J.alphas, &J.nalphas, value,
                                            -INFINITY, 0, "--lr-exponents")))
                FAIL(exit_status);
        }
        else if (TAKE("--output-scale"))
        {
            if (r < 0)
                FAIL(WC_EXIT_INPUT);
            if ((exit_status = take_doubles(&J.scales, &J.nscales, value,
                                            0.0, 1, "--output-scale")))
                FAIL(exit_status);
        }
        else
            FAIL(wc_cli_usage_error("linearize", "unknown option '%s'",
                                    argv[i]));
    }
#undef TAKE

    if (J.net_text != NULL && wc_net_parse(J.net, J.net_text, err) != WC_OK)
        FAIL(wc_cli_fail("NET", err));
    flint_free(J.opts->widths);
    J.opts->widths = NULL;
    if (wc_mc_widths_parse(&J.opts->widths, &J.opts->nwidths, widths_text,
                           err) != WC_OK)
        FAIL(wc_cli_fail("--widths", err));
    flint_free(J.opts->steps);
    J.opts->steps = NULL;
    if (wc_dyn_parse_steps(&J.opts->steps, &J.opts->nsteps, steps_text, err)
        != WC_OK)
        FAIL(wc_cli_fail("--steps", err));

    if (J.data != NULL)
    {
        if (train_given)
            FAIL(wc_cli_usage_error("linearize", "--train applies to the "
                 "synthetic task; with --data every row not in the test "
                 "set trains"));
        if (wc_dyn_task_read_csv(J.task, J.data, J.net->din,
                                 ntest < 0 ? 0 : ntest, J.opts->loss, err)
            != WC_OK)
            FAIL(wc_cli_fail(J.data, err));
    }
    else if (wc_dyn_task_teacher(J.task, J.net->din, ntrain,
                                 ntest < 0 ? 32 : ntest, J.opts->loss,
                                 J.opts->seed, err) != WC_OK)
        FAIL(wc_cli_fail("task", err));
    if (J.opts->batch > J.task->ntrain)
        FAIL(wc_cli_usage_error("linearize", "--batch %ld exceeds the %ld "
             "training points", (long) J.opts->batch,
             (long) J.task->ntrain));

    /* Every (alpha, a) combination. */
    J.nconf = J.nalphas * J.nscales;
    J.conf = flint_calloc(J.nconf, sizeof(config_struct));
    for (c = 0; c < J.nalphas; c++)
        for (k = 0; k < J.nscales; k++)
        {
            config_struct * cf = J.conf + c * J.nscales + k;

            cf->alpha = J.alphas[c];
            cf->scale = J.scales[k];
            wc_dyn_result_init(cf->res);
        }

    wc_cli_progress_init(&ps.bar, quiet);
    ps.nstages = J.nconf + (J.rate_samples > 0);
    hooks.progress = progress;
    hooks.data = &ps;
    hooks.cancel = &wc_cli_interrupted;
    wc_cli_sigint_catch(&old);

    for (k = 0; k < J.nconf && !wc_cli_interrupted; k++)
    {
        config_struct * cf = J.conf + k;

        J.opts->lr_exponent = cf->alpha;
        J.opts->output_scale = cf->scale;
        ps.stage = k;
        ps.what = "training, configuration";
        st = wc_dyn_run(cf->res, J.net, J.task, J.opts, &hooks, err);
        if (st != WC_OK && st != WC_ERR_INTERRUPTED)
        {
            wc_cli_sigint_restore(&old);
            wc_cli_progress_end(&ps.bar);
            FAIL(wc_cli_fail("linearize", err));
        }
        cf->ran = 1;
        if (st == WC_ERR_INTERRUPTED)
            J.interrupted = 1;
    }
    if (J.rate_samples > 0 && !wc_cli_interrupted)
    {
        ps.stage = J.nconf;
        ps.what = "rate, stage";
        J.opts->lr_exponent = 0.0;
        J.opts->output_scale = 1.0;
        J.rate_status = wc_dyn_rate(J.rate, J.net, J.task, J.opts,
                                    J.rate_samples, J.engine, &hooks, err);
        J.have_rate = (J.rate_status == WC_OK);
        if (J.rate_status != WC_OK)
            snprintf(J.rate_msg, sizeof(J.rate_msg), "%s", err->msg);
    }
    else if (J.rate_samples > 0)
        snprintf(J.rate_msg, sizeof(J.rate_msg), "interrupted");
    if (wc_cli_interrupted)
        J.interrupted = 1;

    wc_cli_sigint_restore(&old);
    wc_cli_progress_end(&ps.bar);

    if (json)
        json_report(out, &J);
    else
        text_report(out, &J);

    if (output != NULL)
    {
        if (wc_mc_write_file_atomic(output, out->str, err) != WC_OK)
            FAIL(wc_cli_fail("--output", err));
    }
    else
        fputs(out->str, stdout);

    if (J.interrupted)
    {
        fprintf(stderr, "weakcorr linearize: interrupted; the runs that "
                "finished are reported\n");
        FAIL(130);
    }
    exit_status = WC_EXIT_OK;
#undef FAIL

cleanup:
    for (k = 0; k < J.nconf && J.conf != NULL; k++)
        wc_dyn_result_clear(J.conf[k].res);
    flint_free(J.conf);
    flint_free(J.alphas);
    flint_free(J.scales);
    wc_dyn_rate_clear(J.rate);
    wc_dyn_opts_clear(J.opts);
    wc_dyn_task_clear(J.task);
    wc_net_clear(J.net);
    wc_buf_clear(out);
    return exit_status;
}
