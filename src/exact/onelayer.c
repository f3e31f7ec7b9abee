/* The one-hidden-layer engine: f = n^(-1/2) sum_i V_i s(u_i) (NTK), with
   u_i = w_i.x / sqrt(din) + beta b_i.  Every derivative tensor lives on
   one neuron, so E[SPEC] = n^(-m/2) F(n) with F a polynomial from the
   neuron-partition sum (onelayer_sum.c).  The standard parameterisation
   puts n on every output-weight index (inside F); mean field divides f
   by a further sqrt(n), i.e. E by n^(m/2).  An odd number of tensors
   gives exactly zero (V -> -V). */

#include <math.h>

#include "onelayer_impl.h"

static void
info_reset(wc_exact_onelayer_info_t info)
{
    if (info == NULL)
        return;
    info->estimate = 0.0;
    info->components = 0;
    info->assignments = 0;
    info->partitions = 0;
    info->gauss_calls = 0;
    info->method = 0;
}

wc_status
wc_exact_onelayer_method(wc_series_t res, const wc_spec_t spec,
                         const wc_net_t net, const wc_exact_options_t opt,
                         int method, wc_exact_onelayer_info_t info,
                         wc_error_t err)
{
    wc_ol_problem_t P;
    wc_ol_npoly_t F;
    slong shift, k, wp;
    double est_p, est_s, est;
    wc_status status;

    info_reset(info);
    if (net->hidden != 1)
        return wc_error_set(err, WC_ERR_UNSUPPORTED, -1,
            "the one-hidden-layer engine needs hidden=1 (NET has %ld "
            "hidden layers)", (long) net->hidden);
    if ((status = wc_spec_check(spec, err)) != WC_OK)
        return status;
    if (method < WC_ONELAYER_AUTO || method > WC_ONELAYER_SUBSETS)
        return wc_error_set(err, WC_ERR_RANGE, -1,
            "unknown one-hidden-layer method %d", method);
    if (opt->prec < 2 && net->act != WC_ACT_LINEAR
        && net->act != WC_ACT_POLY)
        return wc_error_set(err, WC_ERR_RANGE, -1,
            "precision of %ld bits is too low", (long) opt->prec);

    /* exact zeros: zero coefficient, or an odd number of tensors */
    wc_series_zero(res);
    if (fmpq_is_zero(spec->coeff) || spec->nfactors % 2 == 1)
        return WC_OK;
    if (spec->nfactors == 0)
    {
        wc_series_add_term_fmpq(res, 0, spec->coeff);
        return WC_OK;
    }

    /* guard bits: one per doubling of the number of terms summed, and
       some for the Moebius cancellations of cumulants */
    wp = opt->prec + 32;
    status = _wc_ol_problem_init(P, spec, net, wp, opt->max_terms, err);
    if (status != WC_OK)
    {
        _wc_ol_problem_clear(P);
        return status;
    }
    if (info != NULL)
    {
        info->components = P->ncomp;
        info->assignments = P->assignments;
    }

    /* a cluster with no admissible type assignment makes every term 0 */
    for (k = 0; k < P->ncomp; k++)
        if (P->nsum[k] == 0)
        {
            _wc_ol_problem_clear(P);
            return WC_OK;
        }

    est_p = _wc_ol_estimate(P, WC_ONELAYER_PARTITIONS);
    est_s = (P->ncomp <= WC_OL_MAX_COMPONENTS_SUBSETS)
            ? _wc_ol_estimate(P, WC_ONELAYER_SUBSETS) : HUGE_VAL;
    if (method == WC_ONELAYER_AUTO)
    {
        /* cumulants prefer the partitions route: it never forms the
           disconnected terms that cancel, so balls stay tight */
        if (P->connected && P->ngroups > 1)
            method = (est_p <= (double) opt->max_terms)
                     ? WC_ONELAYER_PARTITIONS : WC_ONELAYER_SUBSETS;
        else
            method = (est_p <= est_s) ? WC_ONELAYER_PARTITIONS
                                      : WC_ONELAYER_SUBSETS;
    }
    est = (method == WC_ONELAYER_PARTITIONS) ? est_p : est_s;
    if (info != NULL)
    {
        info->estimate = est;
        info->method = method;
    }
    if (method == WC_ONELAYER_SUBSETS
        && P->ncomp > WC_OL_MAX_COMPONENTS_SUBSETS)
    {
        status = wc_error_set(err, WC_ERR_RANGE, -1,
            "the subsets route stores 2^C tables and takes at most %d "
            "clusters (the spec has %ld)", WC_OL_MAX_COMPONENTS_SUBSETS,
            (long) P->ncomp);
        _wc_ol_problem_clear(P);
        return status;
    }
    if (est > (double) opt->max_terms)
    {
        status = wc_error_set(err, WC_ERR_RANGE, -1,
            "one hidden layer: about %.3g terms (%ld clusters, %s route) "
            "exceed the work bound of %ld", est, (long) P->ncomp,
            method == WC_ONELAYER_PARTITIONS ? "partitions" : "subsets",
            (long) opt->max_terms);
        _wc_ol_problem_clear(P);
        return status;
    }

    _wc_ol_np_init(F);
    if (method == WC_ONELAYER_PARTITIONS)
        status = _wc_ol_sum_partitions(F, P, err);
    else
        status = _wc_ol_sum_subsets(F, P, err);
    if (info != NULL)
    {
        info->partitions = P->partitions;
        info->gauss_calls = P->gauss_calls;
    }

    if (status == WC_OK)
    {
        /* E = coeff n^shift F(n) */
        shift = (net->param == WC_PARAM_MF) ? -spec->nfactors
                                            : -spec->nfactors / 2;
        if (P->exact)
        {
            fmpq_t c;

            fmpq_init(c);
            for (k = 0; k <= fmpq_poly_degree(F->q); k++)
            {
                fmpq_poly_get_coeff_fmpq(c, F->q, k);
                fmpz_mul(fmpq_numref(c), fmpq_numref(c),
                         fmpq_numref(spec->coeff));
                fmpz_mul(fmpq_denref(c), fmpq_denref(c),
                         fmpq_denref(spec->coeff));
                fmpq_canonicalise(c);
                wc_series_add_term_fmpq(res, k + shift, c);
            }
            fmpq_clear(c);
        }
        else
        {
            arb_t c;

            arb_init(c);
            for (k = 0; k < arb_poly_length(F->b); k++)
            {
                arb_poly_get_coeff_arb(c, F->b, k);
                if (arb_is_zero(c))
                    continue;
                arb_mul_fmpz(c, c, fmpq_numref(spec->coeff), wp);
                arb_div_fmpz(c, c, fmpq_denref(spec->coeff), wp);
                wc_series_add_term_arb(res, k + shift, c, opt->prec);
            }
            arb_clear(c);
        }
        wc_series_normalise(res);
    }
    else
        wc_series_zero(res);

    _wc_ol_np_clear(F);
    _wc_ol_problem_clear(P);
    return status;
}

wc_status
wc_exact_onelayer(wc_series_t res, const wc_spec_t spec, const wc_net_t net,
                  const wc_exact_options_t opt,
                  wc_exact_onelayer_info_t info, wc_error_t err)
{
    return wc_exact_onelayer_method(res, spec, net, opt, WC_ONELAYER_AUTO,
                                    info, err);
}
