/* The corrected fit in wc_claim_decide (src/report/claim.c): which fit
   decides the verdict and what the claim records, on Monte Carlo results
   assembled from synthetic samples; and the claim's false-violation rate
   on data whose mean carries a 1/n correction.

   Synthetic samples X = n^-1 (1 + b/n) (1 + 0.3 e) stand for the norm
   |C[1,2]| of a one-hidden-layer tanh network, whose bound is n^-1 (the
   claim's bound comes from the order module as in weakcorr check).

   Statistical assertions (two, at level 1e-6 each, by the composite
   binomial test of sim.h; false failures below 2e-6): with b = -8 over
   widths 64..1024, N = 100, the claim says "violated" in at most 4% of
   250 experiments (measured 2.0-2.2% in t-fit_correction's runs of the
   same model), and the power law's own verdict says "violated" in at
   least 50% (measured 100%).  The rest is deterministic. */

#include <string.h>

#include "testutil.h"
#include "sim.h"
#include "weakcorr/claim.h"

/* A Monte Carlo result for the samples of sim: widths, per-sample values,
   summaries and the power-law fit of the MEAN, as wc_mc_run leaves
   them. */
static void
make_result(wc_mc_result_t res, const slong * widths, slong W, slong N,
            double b, sim_rng * r)
{
    slong w, s;

    wc_mc_result_clear(res);
    res->nwidths = W;
    res->samples = N;
    res->nvalues = 1;
    res->widths = flint_malloc(W * sizeof(slong));
    res->x = flint_malloc(W * N * sizeof(double));
    res->rows = flint_malloc(W * sizeof(wc_stats_row_struct));
    memcpy(res->widths, widths, W * sizeof(slong));
    for (s = 0; s < N; s++)
    {
        double z = sim_normal(r);

        for (w = 0; w < W; w++)
        {
            double e = sqrt(0.8) * z + sqrt(0.2) * sim_normal(r);
            double n = (double) widths[w];

            res->x[w * N + s] = (1.0 + b / n) / n * (1.0 + 0.3 * e);
        }
    }
    for (w = 0; w < W; w++)
        wc_stats_summarise(res->rows + w, res->x + w * N, N, widths[w]);
    res->stat = WC_STAT_AUTO;
    res->have_fit = (wc_stats_fit(&res->fit, res->x, widths, W, N,
                                  WC_STAT_AUTO, 200, 5, NULL) == WC_OK);
}

static int
fits_equal(const wc_stats_fit_struct * a, const wc_stats_fit_struct * b)
{
    return a->stat == b->stat && a->model == b->model
           && a->slope == b->slope && a->ci_lo == b->ci_lo
           && a->ci_hi == b->ci_hi && a->correction == b->correction
           && a->se == b->se && a->nboot == b->nboot;
}

static void
check_decisions(wc_test_t t, const wc_mc_quantity_t q, const wc_net_t net,
                sim_rng * r)
{
    static const slong ws[5] = { 64, 128, 256, 512, 1024 };
    wc_mc_result_t res;
    wc_stats_fit_struct ref;
    wc_claim_t c;
    wc_stats_model m;
    wc_verdict v;

    wc_mc_result_init(res);
    wc_claim_init(c);
    wc_claim_bound(c, q, net);
    WC_CHECK(t, c->have_bound && fmpq_get_d(c->bound) == -1.0,
             "the bound of |C[1,2]| is n^-1");

    /* Five widths: the corrected fit decides. */
    make_result(res, ws, 5, 100, -8.0, r);
    wc_claim_decide(c, q, res, 64);
    wc_stats_fit_model(&ref, res->x, ws, 5, 100, res->fit.stat,
                       WC_STATS_MODEL_CORRECTED, res->fit.nboot,
                       WC_CLAIM_BOOT_SEED, NULL);
    v = wc_stats_verdict_corrected(&m, &res->fit, &ref, -1.0, 0.5);
    WC_CHECK(t, res->have_fit && c->have_corrected
             && c->corrected.model == WC_STATS_MODEL_CORRECTED
             && fits_equal(&c->corrected, &ref)
             && c->corrected.nboot == 200 && c->have_predicted
             && c->predicted == -1.0 && c->verdict_from_fit
             && c->verdict_model == WC_STATS_MODEL_CORRECTED
             && c->verdict == v
             && c->power_verdict == wc_stats_verdict_resolved(&res->fit,
                                                              -1.0, 0.5)
             && strstr(c->verdict_text, "1/n correction") != NULL,
             "five widths: the corrected fit decides (%s, %s)",
             wc_verdict_name(c->verdict), c->verdict_text);

    /* Three widths: the power law decides, as before. */
    make_result(res, ws, 3, 100, -8.0, r);
    wc_claim_decide(c, q, res, 64);
    WC_CHECK(t, !c->have_corrected
             && strstr(c->corrected_note, "at least 4 widths") != NULL
             && c->verdict_from_fit
             && c->verdict_model == WC_STATS_MODEL_POWER
             && c->verdict == wc_stats_verdict_resolved(&res->fit, -1.0, 0.5)
             && c->verdict == c->power_verdict
             && strstr(c->verdict_text, "1/n") == NULL,
             "three widths: the power law decides (%s)", c->corrected_note);

    /* No per-sample values: the power law decides. */
    make_result(res, ws, 5, 100, -8.0, r);
    flint_free(res->x);
    res->x = NULL;
    wc_claim_decide(c, q, res, 64);
    WC_CHECK(t, !c->have_corrected
             && strstr(c->corrected_note, "per-sample") != NULL
             && c->verdict_model == WC_STATS_MODEL_POWER
             && c->verdict == c->power_verdict,
             "no per-sample values: %s", c->corrected_note);

    /* A corrected fit that fails (widths too close together): the power
       law decides, and the note says why. */
    {
        static const slong close[4] = { 100000, 100001, 100002, 100003 };

        make_result(res, close, 4, 100, 0.0, r);
        wc_claim_decide(c, q, res, 64);
        WC_CHECK(t, res->have_fit && !c->have_corrected
                 && strstr(c->corrected_note, "too close") != NULL
                 && c->verdict_model == WC_STATS_MODEL_POWER
                 && c->verdict == c->power_verdict,
                 "a failed corrected fit: %s", c->corrected_note);
    }

    /* No fit at all. */
    make_result(res, ws, 5, 100, -8.0, r);
    res->have_fit = 0;
    snprintf(res->fit_note, sizeof(res->fit_note), "no fit");
    wc_claim_decide(c, q, res, 64);
    WC_CHECK(t, !c->have_corrected && !c->verdict_from_fit
             && c->verdict == WC_VERDICT_INCONCLUSIVE
             && c->power_verdict == WC_VERDICT_INCONCLUSIVE,
             "no fit: %s", c->verdict_text);

    wc_claim_clear(c);
    wc_mc_result_clear(res);
}

/* The parity rule decides a SPEC with an odd number of tensors: no fit
   is involved. */
static void
check_zero_rule(wc_test_t t, const wc_net_t net, sim_rng * r)
{
    static const slong ws[5] = { 64, 128, 256, 512, 1024 };
    wc_mc_quantity_t q;
    wc_mc_result_t res;
    wc_error_t err;
    wc_claim_t c;
    slong i;

    wc_mc_quantity_init(q);
    wc_mc_result_init(res);
    wc_claim_init(c);
    WC_CHECK(t, wc_mc_quantity_parse(q, "f_ab f_a f_b", err) == WC_OK,
             "parse: %s", err->msg);
    wc_claim_bound(c, q, net);
    make_result(res, ws, 5, 100, 0.0, r);
    for (i = 0; i < 5 * 100; i++)
        res->x[i] -= 1.0 / (double) ws[i / 100];
    for (i = 0; i < 5; i++)
        wc_stats_summarise(res->rows + i, res->x + i * 100, 100, ws[i]);
    wc_claim_decide(c, q, res, 64);
    WC_CHECK(t, c->bound_zero && !c->verdict_from_fit && !c->have_corrected
             && c->verdict == wc_stats_verdict_zero(res->rows, 5, 0.05),
             "the zero rule: %s", c->verdict_text);
    wc_claim_clear(c);
    wc_mc_result_clear(res);
    wc_mc_quantity_clear(q);
}

static void
check_false_violations(wc_test_t t, const wc_mc_quantity_t q,
                       const wc_net_t net, sim_rng * r)
{
    static const slong ws[5] = { 64, 128, 256, 512, 1024 };
    const slong R = wc_test_trials(t, 250);
    wc_mc_result_t res;
    wc_claim_t c;
    slong rep, violated = 0, power_violated = 0, corrected = 0;

    wc_mc_result_init(res);
    for (rep = 0; rep < R; rep++)
    {
        wc_claim_init(c);
        wc_claim_bound(c, q, net);
        make_result(res, ws, 5, 100, -8.0, r);
        wc_claim_decide(c, q, res, 64);
        violated += (c->verdict == WC_VERDICT_VIOLATED);
        power_violated += (c->power_verdict == WC_VERDICT_VIOLATED);
        corrected += (c->verdict_model == WC_STATS_MODEL_CORRECTED);
        wc_claim_clear(c);
    }
    printf("claims over %ld experiments: %ld violated (the power law "
           "alone: %ld)\n", (long) R, (long) violated,
           (long) power_violated);
    WC_CHECK(t, corrected == R, "the corrected fit decided %ld of %ld",
             (long) corrected, (long) R);
    WC_CHECK(t, sim_binom_consistent(violated, R, 0.0, 0.04, 1e-6),
             "claims: %ld of %ld violated", (long) violated, (long) R);
    WC_CHECK(t, sim_binom_consistent(power_violated, R, 0.5, 1.0, 1e-6),
             "the power law: %ld of %ld violated", (long) power_violated,
             (long) R);
    wc_mc_result_clear(res);
}

int
main(void)
{
    wc_test_t t;
    wc_mc_quantity_t q;
    wc_net_t net;
    wc_error_t err;
    sim_rng r;

    wc_test_init(t, "t-claim_corrected");
    sim_seed(&r, t->seed, 9);
    wc_mc_quantity_init(q);
    wc_net_init(net);
    WC_CHECK(t, wc_mc_quantity_parse(q, "|C[1,2]|", err) == WC_OK
             && wc_net_parse(net, "hidden=1,act=tanh", err) == WC_OK,
             "parse: %s", err->msg);

    check_decisions(t, q, net, &r);
    check_zero_rule(t, net, &r);
    check_false_violations(t, q, net, &r);

    wc_net_clear(net);
    wc_mc_quantity_clear(q);
    return wc_test_finish(t);
}
