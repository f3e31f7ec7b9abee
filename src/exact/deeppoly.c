/* E[SPEC] for deep networks with polynomial activations: the work bound,
   the moment-cumulant (Moebius) sum over partitions of the cumulant's
   arguments with one transfer per partition (each block of the partition
   an independent copy of the network), and the conversion of the final
   polynomial in w = 1/n and nu = n into a Laurent polynomial in the
   widths (doc/exact-deeppoly.md). */

#include <math.h>

#include "deeppoly_impl.h"

/* Adds the final polynomial P (in the width variables of R only) of one
   transfer, times mu, to the result: w_l^a nu_l^b is n_l^(b - a), and
   mean field divides by n_H^(m/2). */
static void
add_result(wc_series_t res, wc_mseries_t mres, const fmpq_mpoly_t P,
           const wc_dp_ring_t R, const fmpq_t mu, wc_dp_run_t run)
{
    const wc_dp_problem_struct * pr = run->pr;
    slong len = fmpq_mpoly_length(P, R->ctx), k, l, H = pr->H;
    slong half = pr->m / 2;
    ulong * exps = flint_malloc(R->nvars * sizeof(ulong));
    slong * nexp = flint_malloc(H * sizeof(slong));
    fmpq_t c;

    fmpq_init(c);
    for (k = 0; k < len; k++)
    {
        fmpq_mpoly_get_term_exp_ui(exps, P, k, R->ctx);
        fmpq_mpoly_get_term_coeff_fmpq(c, P, k, R->ctx);
        fmpq_mul(c, c, mu);
        for (l = 0; l < R->ng; l++)
            if (exps[l] != 0)
                flint_abort();   /* level 0 has no Gram entries left */
        if (pr->multi)
        {
            for (l = 1; l <= H; l++)
                nexp[l - 1] = (slong) exps[_wc_dp_nuvar(R, run, l)]
                              - (slong) exps[_wc_dp_wvar(R, run, l)];
            if (pr->param == WC_PARAM_MF)
                nexp[H - 1] -= half;
            wc_mseries_add_term(mres, nexp, c);
        }
        else
        {
            slong p = (slong) exps[_wc_dp_nuvar(R, run, 1)]
                      - (slong) exps[_wc_dp_wvar(R, run, 1)];

            if (pr->param == WC_PARAM_MF)
                p -= half;
            wc_series_add_term_fmpq(res, p, c);
        }
    }
    fmpq_clear(c);
    flint_free(exps);
    flint_free(nexp);
}

int
_wc_dp_compute(wc_series_t res, wc_mseries_t mres, const wc_dp_problem_t pr,
               wc_dp_counters * cnt, double max_terms)
{
    slong * part, * tcopy, i, l, terms = 0;
    fmpq_t mu;
    int ok = 1;

    if (pr->multi)
    {
        wc_mseries_clear(mres);
        wc_mseries_init(mres, pr->H);
    }
    else
        wc_series_zero(res);

    fmpq_init(mu);
    part = flint_calloc(pr->ngroups, sizeof(slong));
    tcopy = flint_malloc(pr->m * sizeof(slong));
    do
    {
        wc_dp_run_t run;
        wc_dp_ring_t R;
        fmpq_mpoly_t P;
        for (i = 0; i < pr->m; i++)
            tcopy[i] = part[pr->tgroup[i]];

        _wc_exact_moebius(mu, _wc_exact_partition_blocks(part,
                                                         pr->ngroups));
        fmpq_mul(mu, mu, pr->coeff);

        _wc_dp_run_init(run, pr, tcopy, cnt, max_terms);
        _wc_dp_output_step(P, R, run);
        for (l = pr->H; l >= 1 && !run->over; l--)
            _wc_dp_layer_step(P, R, run, l);
        ok = !run->over;
        if (ok)
            add_result(res, mres, P, R, mu, run);
        fmpq_mpoly_clear(P, R->ctx);
        _wc_dp_ring_clear(R);
        _wc_dp_run_clear(run);
        terms++;
    }
    while (ok && pr->connected && _wc_exact_partition_next(part, pr->ngroups));
    cnt->moebius_terms = terms;

    flint_free(part);
    flint_free(tcopy);
    fmpq_clear(mu);
    if (!pr->multi && ok)
        wc_series_normalise(res);
    return ok;
}

static void
info_reset(wc_exact_deeppoly_info_t info)
{
    if (info == NULL)
        return;
    info->estimate = 0.0;
    info->operations = 0.0;
    info->states = 0;
    info->closure = 0;
    info->moments = 0;
    info->pairs = 0;
    info->moebius_terms = 0;
    info->peak_bytes = 0.0;
}

static wc_status
dp_run(wc_series_t res, wc_mseries_t mres, const wc_spec_t spec,
       const wc_net_t net, const wc_exact_options_t opt,
       wc_exact_deeppoly_info_t info, wc_error_t err, int multi)
{
    wc_dp_problem_t pr;
    wc_dp_counters cnt;
    wc_status status = WC_OK;
    slong H = net->hidden;
    int zero;
    double est;

    info_reset(info);
    if (multi)
    {
        wc_mseries_clear(mres);
        wc_mseries_init(mres, H);
    }
    else
        wc_series_zero(res);

    status = _wc_dp_problem_init(pr, &zero, spec, net, multi, err);
    if (status != WC_OK || zero)
        return status;

    est = _wc_dp_estimate(pr, (double) opt->max_terms);
    if (info != NULL)
        info->estimate = est;
    if (!(est <= (double) opt->max_terms))
    {
        _wc_dp_problem_clear(pr);
        if (est == HUGE_VAL)
            return wc_error_set(err, WC_ERR_RANGE, -1,
                "the deep polynomial transfer would take more than %ld "
                "operations: the same SPEC on 1 or 2 hidden layers exceeds "
                "that already (raise it with --max-terms)",
                (long) opt->max_terms);
        return wc_error_set(err, WC_ERR_RANGE, -1,
            "the deep polynomial transfer would take about %.3g "
            "operations, more than the bound of %ld (raise it with "
            "--max-terms)", est, (long) opt->max_terms);
    }

    _wc_dp_counters_init(&cnt);
    cnt.max_bytes = opt->max_memory;
    if (!_wc_dp_compute(res, mres, pr, &cnt, (double) opt->max_terms))
    {
        if (cnt.over_memory)
            status = wc_error_set(err, WC_ERR_RANGE, -1,
                "the deep polynomial transfer would hold more than %.3g "
                "GiB of polynomials at once, the memory bound (raise it "
                "with --max-memory)", opt->max_memory / 1073741824.0);
        else
            status = wc_error_set(err, WC_ERR_RANGE, -1,
                "the deep polynomial transfer exceeded the work bound of "
                "%ld operations (estimated %.3g beforehand; raise it with "
                "--max-terms)", (long) opt->max_terms, est);
    }

    if (info != NULL)
    {
        info->operations = cnt.operations;
        info->states = cnt.max_state;
        info->closure = cnt.max_closure;
        info->moments = cnt.moments;
        info->pairs = cnt.pairs;
        info->moebius_terms = cnt.moebius_terms;
        info->peak_bytes = cnt.peak_bytes;
    }
    if (status != WC_OK)
    {
        if (multi)
        {
            wc_mseries_clear(mres);
            wc_mseries_init(mres, H);
        }
        else
            wc_series_zero(res);
    }
    _wc_dp_problem_clear(pr);
    return status;
}

wc_status
wc_exact_deeppoly(wc_series_t res, const wc_spec_t spec, const wc_net_t net,
                  const wc_exact_options_t opt,
                  wc_exact_deeppoly_info_t info, wc_error_t err)
{
    return dp_run(res, NULL, spec, net, opt, info, err, 0);
}

wc_status
wc_exact_deeppoly_widths(wc_mseries_t res, const wc_spec_t spec,
                         const wc_net_t net, const wc_exact_options_t opt,
                         wc_exact_deeppoly_info_t info, wc_error_t err)
{
    return dp_run(NULL, res, spec, net, opt, info, err, 1);
}

double
wc_exact_deeppoly_estimate(const wc_spec_t spec, const wc_net_t net,
                           int symbolic)
{
    wc_dp_problem_t pr;
    int zero;
    double est;

    if (_wc_dp_problem_init(pr, &zero, spec, net, symbolic, NULL) != WC_OK)
        return HUGE_VAL;
    if (zero)
        return 0.0;
    est = _wc_dp_estimate(pr, (double) WC_EXACT_DEFAULT_MAX_TERMS);
    _wc_dp_problem_clear(pr);
    return est;
}
