/* The exact-engine entry point: options and the choice of engine. */

#include "weakcorr/exact.h"

void
wc_exact_options_init(wc_exact_options_t opt)
{
    opt->prec = 128;
    opt->max_terms = WC_EXACT_DEFAULT_MAX_TERMS;
}

wc_status
wc_exact_compute(wc_series_t res, const wc_spec_t spec, const wc_net_t net,
                 const wc_exact_options_t opt, wc_error_t err)
{
    /* Deep linear networks: the transfer over layers (also at one hidden
       layer, where the one-layer engine would agree). */
    if (net->act == WC_ACT_LINEAR)
        return wc_exact_linear(res, spec, net, opt, NULL, err);

    /* One hidden layer, any activation: neuron partitions. */
    if (net->hidden == 1)
        return wc_exact_onelayer(res, spec, net, opt, NULL, err);

    return wc_error_set(err, WC_ERR_UNSUPPORTED, -1,
        "no exact engine for act=%s with hidden=%ld: the exact engines "
        "cover deep linear networks (act=linear, any depth) and one "
        "hidden layer with any activation",
        wc_act_name(net->act), (long) net->hidden);
}

void
wc_exact_bound_param(fmpq_t res, const fmpq_t s, const wc_spec_t spec,
                     wc_param_kind param)
{
    fmpq_t shift;

    fmpq_init(shift);
    if (param == WC_PARAM_MF)
        fmpq_set_si(shift, -spec->nfactors, 2);
    else if (param == WC_PARAM_STANDARD)
        fmpq_set_si(shift, spec->nindices, 1);
    fmpq_add(res, s, shift);
    fmpq_clear(shift);
}
