/* E[SPEC] for deep linear networks: the work bound, the moment-cumulant
   (Moebius) sum over partitions of the cumulant's arguments, one transfer
   per partition, and the scalings that turn the transfer's integer
   polynomials into the Laurent polynomial in the widths. */

#include <math.h>

#include "linear_impl.h"

static wc_status
lin_run(wc_series_t res, wc_mseries_t mres, const wc_spec_t spec,
        const wc_net_t net, const wc_exact_options_t opt,
        wc_exact_linear_info_t info, wc_error_t err, int multi)
{
    wc_lin_problem_t pr;
    wc_lin_counters cnt;
    wc_status status;
    slong * part, block[WC_LIN_MAXM], i, half, H = net->hidden;
    fmpq_t mu, scale, c;
    fmpq_poly_t acc, total;
    fmpz_mpoly_t num;
    fmpz_t den, qm;
    int zero;
    double est;

    if (info != NULL)
    {
        info->estimate = 0.0;
        info->operations = 0;
        info->states = 0;
        info->moebius_terms = 0;
    }

    status = _wc_lin_problem_init(pr, &zero, spec, net, multi, err);
    if (status != WC_OK)
        return status;
    if (zero)
    {
        if (multi)
        {
            wc_mseries_clear(mres);
            wc_mseries_init(mres, H);
        }
        else
            wc_series_zero(res);
        return WC_OK;
    }

    est = _wc_lin_estimate(pr);
    if (info != NULL)
        info->estimate = est;
    if (!(est <= (double) opt->max_terms))
    {
        _wc_lin_problem_clear(pr);
        return wc_error_set(err, WC_ERR_RANGE, -1,
            "the deep linear transfer would take about %.3g weight "
            "operations, more than the bound of %ld (raise it with "
            "--max-terms)", est, (long) opt->max_terms);
    }

    half = pr->m / 2;
    cnt.operations = 0;
    cnt.states = 0;
    fmpq_init(mu);
    fmpq_init(scale);
    fmpq_init(c);
    fmpq_poly_init(acc);
    fmpq_poly_init(total);
    fmpz_init(den);
    fmpz_init(qm);
    if (multi)
    {
        fmpz_mpoly_init(num, pr->ctx);
        wc_mseries_clear(mres);
        wc_mseries_init(mres, H);
    }

    /* q^m: every strand carried a factor q = denominator of beta. */
    fmpz_pow_ui(qm, pr->q2, half);

    part = flint_malloc(pr->ngroups * sizeof(slong));
    _wc_exact_partition_first(part, pr->ngroups);
    do
    {
        for (i = 0; i < pr->m; i++)
            block[i] = part[pr->group[i]];
        _wc_exact_moebius(mu, _wc_exact_partition_blocks(part,
                                                          pr->ngroups));
        fmpq_mul(scale, mu, pr->coeff);
        fmpq_div_fmpz(scale, scale, qm);

        _wc_lin_transfer(acc, num, den, pr, block, &cnt);
        if (info != NULL)
            info->moebius_terms++;

        if (multi)
        {
            slong * exps = flint_malloc(FLINT_MAX(H, 1) * sizeof(slong));
            slong t, v;

            fmpq_div_fmpz(scale, scale, den);
            for (t = 0; t < num->length; t++)
            {
                fmpz_mpoly_get_term_exp_si(exps, num, t, pr->ctx);
                for (v = 0; v < H; v++)
                    exps[v] -= half;
                if (pr->param == WC_PARAM_MF)
                    exps[H - 1] -= half;
                fmpq_mul_fmpz(c, scale, num->coeffs + t);
                _wc_mseries_push_term(mres, exps, c);
            }
            flint_free(exps);
        }
        else
        {
            fmpq_poly_scalar_mul_fmpq(acc, acc, scale);
            fmpq_poly_add(total, total, acc);
        }
    }
    while (pr->connected && _wc_exact_partition_next(part, pr->ngroups));
    flint_free(part);

    if (multi)
        _wc_mseries_normalise(mres);
    else
    {
        /* total(n) n^(-H m/2), and n^(-m/2) more for the mean-field
           output scaling f = V . z^H / n_H. */
        slong shift = H * half + (pr->param == WC_PARAM_MF ? half : 0);

        wc_series_zero(res);
        for (i = 0; i < fmpq_poly_length(total); i++)
        {
            fmpq_poly_get_coeff_fmpq(c, total, i);
            wc_series_add_term_fmpq(res, i - shift, c);
        }
        wc_series_normalise(res);
    }

    if (info != NULL)
    {
        info->operations = cnt.operations;
        info->states = cnt.states;
    }

    if (multi)
        fmpz_mpoly_clear(num, pr->ctx);
    fmpq_clear(mu);
    fmpq_clear(scale);
    fmpq_clear(c);
    fmpq_poly_clear(acc);
    fmpq_poly_clear(total);
    fmpz_clear(den);
    fmpz_clear(qm);
    _wc_lin_problem_clear(pr);
    return WC_OK;
}

wc_status
wc_exact_linear(wc_series_t res, const wc_spec_t spec, const wc_net_t net,
                const wc_exact_options_t opt, wc_exact_linear_info_t info,
                wc_error_t err)
{
    return lin_run(res, NULL, spec, net, opt, info, err, 0);
}

wc_status
wc_exact_linear_widths(wc_mseries_t res, const wc_spec_t spec,
                       const wc_net_t net, const wc_exact_options_t opt,
                       wc_exact_linear_info_t info, wc_error_t err)
{
    return lin_run(NULL, res, spec, net, opt, info, err, 1);
}
