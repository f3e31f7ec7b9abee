/* The exact-engine entry point: options and the choice of engine. */

#include "weakcorr/exact.h"

void
wc_exact_options_init(wc_exact_options_t opt)
{
    opt->prec = 128;
    opt->max_terms = WC_EXACT_DEFAULT_MAX_TERMS;
    opt->max_memory = WC_EXACT_DEFAULT_MAX_MEMORY;
}

/* Is the activation a polynomial equal to s(z) = z? */
static int
poly_is_identity(const wc_net_t net)
{
    slong i;

    if (net->act != WC_ACT_POLY)
        return 0;
    for (i = 0; i < net->poly_len; i++)
        if (!(i == 1 ? fmpq_is_one(net->poly + i)
                     : fmpq_is_zero(net->poly + i)))
            return 0;
    return net->poly_len >= 2;
}

wc_exact_engine
wc_exact_choose(const wc_net_t net)
{
    if (net->act == WC_ACT_LINEAR || poly_is_identity(net))
        return WC_EXACT_ENGINE_LINEAR;
    if (net->hidden == 1)
        return WC_EXACT_ENGINE_ONELAYER;
    if (net->act == WC_ACT_POLY)
        return WC_EXACT_ENGINE_DEEPPOLY;
    return WC_EXACT_ENGINE_NONE;
}

const char *
wc_exact_engine_name(wc_exact_engine engine)
{
    switch (engine)
    {
        case WC_EXACT_ENGINE_LINEAR: return "linear";
        case WC_EXACT_ENGINE_ONELAYER: return "onelayer";
        case WC_EXACT_ENGINE_DEEPPOLY: return "deeppoly";
        default: return "none";
    }
}

wc_status
wc_exact_compute(wc_series_t res, const wc_spec_t spec, const wc_net_t net,
                 const wc_exact_options_t opt, wc_error_t err)
{
    wc_status status;
    wc_net_t lin;

    switch (wc_exact_choose(net))
    {
        case WC_EXACT_ENGINE_LINEAR:
            /* Deep linear networks: the transfer over layers (also at one
               hidden layer, where the one-layer engine would agree).
               poly(0,1) is the same network: the linear engine is the
               faster of the two engines that take it. */
            if (net->act == WC_ACT_LINEAR)
                return wc_exact_linear(res, spec, net, opt, NULL, err);
            wc_net_init(lin);
            wc_net_set(lin, net);
            lin->act = WC_ACT_LINEAR;
            status = wc_exact_linear(res, spec, lin, opt, NULL, err);
            wc_net_clear(lin);
            return status;

        case WC_EXACT_ENGINE_ONELAYER:
            /* One hidden layer, any activation: neuron partitions. */
            return wc_exact_onelayer(res, spec, net, opt, NULL, err);

        case WC_EXACT_ENGINE_DEEPPOLY:
            /* Deep polynomial networks: conditional expectations layer by
               layer. */
            return wc_exact_deeppoly(res, spec, net, opt, NULL, err);

        default:
            return wc_error_set(err, WC_ERR_UNSUPPORTED, -1,
                "no exact engine for act=%s with hidden=%ld: the exact "
                "engines cover deep linear networks (act=linear, any "
                "depth), deep polynomial networks (act=poly(...), any "
                "depth) and one hidden layer with any activation",
                wc_act_name(net->act), (long) net->hidden);
    }
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
