#include <string.h>

#include "weakcorr/spec.h"

static const char * const wc_act_names[WC_ACT_COUNT] =
{
    "linear", "relu", "tanh", "erf", "sigmoid", "gelu", "sin", "softplus",
    "poly"
};

static const char * const wc_param_names[WC_PARAM_COUNT] =
{
    "ntk", "standard", "mf"
};

const char *
wc_act_name(wc_act_kind act)
{
    return (act >= 0 && act < WC_ACT_COUNT) ? wc_act_names[act] : "?";
}

const char *
wc_param_name(wc_param_kind param)
{
    return (param >= 0 && param < WC_PARAM_COUNT)
           ? wc_param_names[param] : "?";
}

void
wc_net_init(wc_net_t net)
{
    net->hidden = 1;
    net->act = WC_ACT_TANH;
    net->poly_len = 0;
    net->poly = NULL;
    net->param = WC_PARAM_NTK;
    net->din = 1;
    fmpq_init(net->bias);
    net->ninputs = 0;
    net->input_label = NULL;
    net->input = NULL;
}

void
wc_net_clear(wc_net_t net)
{
    if (net->poly != NULL)
        _fmpq_vec_clear(net->poly, net->poly_len);
    if (net->input != NULL)
        _fmpq_vec_clear(net->input, net->ninputs * net->din);
    flint_free(net->input_label);
    fmpq_clear(net->bias);
}

void
wc_net_set(wc_net_t res, const wc_net_t net)
{
    slong i;

    if (res == net)
        return;

    wc_net_clear(res);
    wc_net_init(res);
    res->hidden = net->hidden;
    res->act = net->act;
    res->param = net->param;
    res->din = net->din;
    fmpq_set(res->bias, net->bias);

    res->poly_len = net->poly_len;
    if (net->poly_len > 0)
    {
        res->poly = _fmpq_vec_init(net->poly_len);
        for (i = 0; i < net->poly_len; i++)
            fmpq_set(res->poly + i, net->poly + i);
    }

    res->ninputs = net->ninputs;
    if (net->ninputs > 0)
    {
        res->input_label = flint_malloc(net->ninputs * sizeof(slong));
        memcpy(res->input_label, net->input_label,
               net->ninputs * sizeof(slong));
        res->input = _fmpq_vec_init(net->ninputs * net->din);
        for (i = 0; i < net->ninputs * net->din; i++)
            fmpq_set(res->input + i, net->input + i);
    }
}

int
wc_net_equal(const wc_net_t a, const wc_net_t b)
{
    slong i;

    if (a->hidden != b->hidden || a->act != b->act
        || a->param != b->param || a->din != b->din
        || !fmpq_equal(a->bias, b->bias) || a->poly_len != b->poly_len
        || a->ninputs != b->ninputs)
        return 0;
    for (i = 0; i < a->poly_len; i++)
        if (!fmpq_equal(a->poly + i, b->poly + i))
            return 0;
    for (i = 0; i < a->ninputs; i++)
        if (a->input_label[i] != b->input_label[i])
            return 0;
    for (i = 0; i < a->ninputs * a->din; i++)
        if (!fmpq_equal(a->input + i, b->input + i))
            return 0;
    return 1;
}

void
wc_net_get_input(fmpq * x, const wc_net_t net, slong label)
{
    slong i, k;

    for (k = 0; k < net->ninputs; k++)
        if (net->input_label[k] == label)
            break;

    for (i = 0; i < net->din; i++)
    {
        if (k < net->ninputs)
            fmpq_set(x + i, net->input + k * net->din + i);
        else
            fmpq_one(x + i);
    }
}
