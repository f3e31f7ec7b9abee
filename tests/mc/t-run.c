/* Runs: the width-n sample is the leading block of the width-2n sample;
   identical results for 1, 2 and 3 threads, for stored and regenerated
   weights, and for a width alone or in a sweep; checkpoints
   (interrupt, resume, a torn last line, a file of another run, an
   unwritable path); error statuses. */

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "testutil.h"
#include "weakcorr/mc.h"
#include "weakcorr/net.h"

typedef struct
{
    slong stop_after;
    volatile sig_atomic_t * flag;
    slong calls;
}
stopper;

static void
stop_progress(void * data, slong done, slong total, slong width)
{
    stopper * st = data;

    (void) total;
    (void) width;
    st->calls++;
    if (done >= st->stop_after)
        *st->flag = 1;
}

/* max_stored for the next runs (the default policy unless changed). */
static slong store_policy = WC_MC_STORE_AUTO;

static wc_status
run(wc_mc_result_t res, const char * spec, const char * nettext,
    slong * widths, slong nwidths, slong samples, slong threads,
    const char * ckpt, stopper * st, uint64_t seed, wc_stat_kind stat,
    wc_error_t err)
{
    wc_mc_quantity_t q;
    wc_net_t net;
    wc_mc_options_t opt;
    wc_status status;
    volatile sig_atomic_t flag = 0;

    wc_mc_quantity_init(q);
    wc_net_init(net);
    if (wc_mc_quantity_parse(q, spec, err) != WC_OK
        || wc_net_parse(net, nettext, err) != WC_OK)
        flint_abort();
    wc_mc_options_init(opt);
    opt->widths = widths;
    opt->nwidths = nwidths;
    opt->samples = samples;
    opt->seed = seed;
    opt->threads = threads;
    opt->nboot = 100;
    opt->checkpoint = ckpt;
    opt->stat = stat;
    opt->max_stored = store_policy;
    if (st != NULL)
    {
        st->flag = &flag;
        opt->progress = stop_progress;
        opt->progress_data = st;
        opt->cancel = &flag;
    }
    status = wc_mc_run(res, q, net, opt, err);
    wc_net_clear(net);
    wc_mc_quantity_clear(q);
    return status;
}

static int
same(const wc_mc_result_t a, const wc_mc_result_t b)
{
    return a->nwidths == b->nwidths && a->samples == b->samples
           && memcmp(a->x, b->x, a->nwidths * a->samples * sizeof(double))
              == 0
           && memcmp(a->rows, b->rows, a->nwidths
                     * sizeof(wc_stats_row_struct)) == 0
           && a->have_fit == b->have_fit
           && (!a->have_fit || (a->fit.slope == b->fit.slope
                                && a->fit.ci_lo == b->fit.ci_lo
                                && a->fit.ci_hi == b->fit.ci_hi));
}

int
main(void)
{
    wc_test_t t;
    wc_mc_result_t a, b;
    wc_error_t err;
    slong widths[3] = {4, 8, 16}, w8[1] = {8}, s, w;
    const char * net = "hidden=2,act=tanh,bias=1/2";
    char path[256];
    stopper st;
    FILE * f;
    uint64_t sd;

    wc_test_init(t, "t-run");
    sd = t->seed;
    wc_error_init(err);
    wc_mc_result_init(a);
    wc_mc_result_init(b);
    snprintf(path, sizeof(path), "%s/wc-t-run-%ld.ckpt",
             getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp", (long) getpid());
    remove(path);

    /* Threads. */
    WC_CHECK(t, run(a, "|C[1,1]|^2", net, widths, 3, 20, 1, NULL, NULL, sd,
                    WC_STAT_AUTO, err) == WC_OK, "%s", err->msg);
    WC_CHECK(t, run(b, "|C[1,1]|^2", net, widths, 3, 20, 2, NULL, NULL, sd,
                    WC_STAT_AUTO, err) == WC_OK, "%s", err->msg);
    WC_CHECK(t, same(a, b), "1 and 2 threads differ");
    WC_CHECK(t, run(b, "|C[1,1]|^2", net, widths, 3, 20, 3, NULL, NULL, sd,
                    WC_STAT_AUTO, err) == WC_OK, "%s", err->msg);
    WC_CHECK(t, same(a, b), "1 and 3 threads differ");
    WC_CHECK(t, a->have_fit && isfinite(a->fit.slope), "fit");

    /* Nested widths, end to end: sample s of f at width 4 (one hidden
       linear layer, f = sum_i V_i W_i / sqrt(n)) is the width-8 network
       of sample s with its last four output weights set to zero, rescaled
       by sqrt(8/4). */
    {
        slong w4[2] = {4, 8};
        wc_net_t lin;
        wc_mlp_t mlp;
        double x = 1, fb, scale;

        WC_CHECK(t, run(b, "f", "act=linear", w4, 2, 12, 2, NULL, NULL, sd + 2,
                        WC_STAT_AUTO, err) == WC_OK, "%s", err->msg);
        wc_net_init(lin);
        wc_net_parse(lin, "act=linear", err);
        wc_mlp_init(mlp, lin, 8, -1);
        for (s = 0; s < 12; s++)
        {
            wc_mlp_draw(mlp, sd + 2, (uint32_t) s);
            WC_CHECK(t, wc_mlp_forward(mlp, &x) == b->x[12 + s],
                     "width 8, sample %ld", (long) s);
            mlp->V[4] = mlp->V[5] = mlp->V[6] = mlp->V[7] = 0;
            fb = wc_mlp_forward(mlp, &x) * sqrt(2.0);
            /* the same four products, summed in another order and scaled
               by 1/2 or (1/sqrt 8) sqrt 2: at most 8 roundings of the
               sum of their absolute values */
            wc_mlp_materialise(mlp);
            scale = 0;
            for (w = 0; w < 4; w++)
                scale += fabs(mlp->V[w] * mlp->W[1][w]) / 2;
            WC_CHECK(t, fabs(fb - b->x[s]) <= 8 * 0x1p-53 * scale,
                     "sample %ld: width 4 gives %.17g, the leading block "
                     "of width 8 %.17g", (long) s, b->x[s], fb);
        }
        wc_mlp_clear(mlp);
        wc_net_clear(lin);
    }

    /* Stored and regenerated weights give the same bits. */
    store_policy = 0;
    WC_CHECK(t, run(b, "|C[1,1]|^2", net, widths, 3, 20, 2, NULL, NULL, sd,
                    WC_STAT_AUTO, err) == WC_OK, "%s", err->msg);
    WC_CHECK(t, same(a, b), "regenerated weights differ from stored ones");
    store_policy = -1;
    WC_CHECK(t, run(b, "|C[1,1]|^2", net, widths, 3, 20, 2, NULL, NULL, sd,
                    WC_STAT_AUTO, err) == WC_OK, "%s", err->msg);
    WC_CHECK(t, same(a, b), "stored weights differ");
    store_policy = WC_MC_STORE_AUTO;

    /* A width's values do not depend on the sweep around it. */
    WC_CHECK(t, run(b, "|C[1,1]|^2", net, w8, 1, 20, 2, NULL, NULL, sd,
                    WC_STAT_AUTO, err) == WC_OK, "%s", err->msg);
    WC_CHECK(t, memcmp(a->x + 20, b->x, 20 * sizeof(double)) == 0,
             "width 8 alone differs from width 8 in the sweep");
    WC_CHECK(t, !b->have_fit && strstr(b->fit_note, "two widths"),
             "one width: no fit (%s)", b->fit_note);

    /* Checkpoints: stop after 23 results, resume, compare. */
    st.stop_after = 23;
    st.calls = 0;
    WC_CHECK(t, run(b, "|C[1,1]|^2", net, widths, 3, 20, 2, path, &st, sd,
                    WC_STAT_AUTO, err) == WC_ERR_INTERRUPTED,
             "interrupt: %s", err->msg);
    WC_CHECK(t, b->computed >= 23 && b->computed < 60,
             "kept %ld results", (long) b->computed);
    WC_CHECK(t, run(b, "|C[1,1]|^2", net, widths, 3, 20, 2, path, NULL, sd,
                    WC_STAT_AUTO, err) == WC_OK, "resume: %s", err->msg);
    WC_CHECK(t, b->resumed >= 23 && b->resumed + b->computed == 60,
             "resumed %ld, computed %ld", (long) b->resumed,
             (long) b->computed);
    WC_CHECK(t, same(a, b), "the resumed run differs");

    /* Everything is in the file now: nothing is recomputed, and a torn
       last line (an interrupted write) is dropped. */
    f = fopen(path, "a");
    fputs("16 19 0.12345", f);
    fclose(f);
    WC_CHECK(t, run(b, "|C[1,1]|^2", net, widths, 3, 20, 1, path, NULL, sd,
                    WC_STAT_AUTO, err) == WC_OK, "torn: %s", err->msg);
    WC_CHECK(t, b->resumed == 60 && b->computed == 0 && same(a, b),
             "torn line: resumed %ld", (long) b->resumed);

    /* More samples: the first 20 per width come from the file. */
    WC_CHECK(t, run(b, "|C[1,1]|^2", net, widths, 3, 25, 2, path, NULL, sd,
                    WC_STAT_AUTO, err) == WC_OK, "extend: %s", err->msg);
    WC_CHECK(t, b->resumed == 60 && b->computed == 15,
             "extended: resumed %ld, computed %ld", (long) b->resumed,
             (long) b->computed);
    for (s = 0; s < 3; s++)
        WC_CHECK(t, memcmp(a->x + 20 * s, b->x + 25 * s,
                           20 * sizeof(double)) == 0, "extended width %ld",
                 (long) s);

    /* Another run's file. */
    WC_CHECK(t, run(b, "|C[1,1]|^2", net, widths, 3, 20, 1, path, NULL,
                    sd + 1, WC_STAT_AUTO, err) == WC_ERR_PARSE
             && strstr(err->msg, "different run"), "another seed: %s",
             err->msg);
    WC_CHECK(t, run(b, "ntk", net, widths, 3, 20, 1, path, NULL, sd,
                    WC_STAT_AUTO, err) == WC_ERR_PARSE, "ntk: %s", err->msg);
    remove(path);

    /* Interrupted without a checkpoint; an unwritable checkpoint. */
    st.stop_after = 3;
    WC_CHECK(t, run(b, "ntk", net, widths, 3, 20, 1, NULL, &st, sd,
                    WC_STAT_AUTO, err) == WC_ERR_INTERRUPTED, "interrupt");
    WC_CHECK(t, run(b, "ntk", net, widths, 3, 20, 1,
                    "/nonexistent-dir/x.ckpt", NULL, sd, WC_STAT_AUTO, err)
             == WC_ERR_IO, "unwritable: %s", err->msg);

    /* A malformed line in the middle. */
    f = fopen(path, "w");
    fputs("# weakcorr mc checkpoint 1\n", f);
    fclose(f);
    WC_CHECK(t, run(b, "ntk", net, widths, 3, 20, 1, path, NULL, sd,
                    WC_STAT_AUTO, err) == WC_ERR_PARSE, "short header: %s",
             err->msg);
    remove(path);

    /* Unsupported requests. */
    WC_CHECK(t, run(b, "var(ntk)", net, widths, 3, 20, 1, NULL, NULL, sd,
                    WC_STAT_Q90, err) == WC_ERR_UNSUPPORTED
             && strstr(err->msg, "mean"), "cumulant q90: %s", err->msg);
    WC_CHECK(t, run(b, "cum(f_a, f_a)", net, widths, 3, 20, 1, NULL, NULL,
                    5, WC_STAT_AUTO, err) == WC_ERR_UNSUPPORTED,
             "shared index: %s", err->msg);
    WC_CHECK(t, run(b, "C[0,9]", net, widths, 3, 20, 1, NULL, NULL, sd,
                    WC_STAT_AUTO, err) == WC_ERR_UNSUPPORTED, "C[0,9]: %s",
             err->msg);
    WC_CHECK(t, run(b, "|C[2,7]|_op", net, widths, 3, 20, 1, NULL, NULL, sd,
                    WC_STAT_AUTO, err) == WC_ERR_UNSUPPORTED,
             "|C[2,7]|_op: %s", err->msg);
    WC_CHECK(t, run(b, "var(f)", net, widths, 3, 2, 1, NULL, NULL, sd,
                    WC_STAT_AUTO, err) == WC_ERR_RANGE, "var with 2 samples");
    WC_CHECK(t, run(b, "f f", net, widths, 3, 5, 1, NULL, NULL, sd,
                    WC_STAT_AUTO, err) == WC_OK && !b->have_fit
             && strstr(b->fit_note, "8 samples"), "5 samples: no fit");

    wc_mc_result_clear(a);
    wc_mc_result_clear(b);
    return wc_test_finish(t);
}
