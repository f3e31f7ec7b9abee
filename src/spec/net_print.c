#include "weakcorr/spec.h"

static void
print_vector(wc_buf_t buf, const fmpq * v, slong len)
{
    slong i;
    int constant = 1;

    for (i = 1; i < len; i++)
        constant = constant && fmpq_equal(v + i, v);

    if (constant)
    {
        wc_buf_put_fmpq(buf, v);
        return;
    }

    wc_buf_putc(buf, '(');
    for (i = 0; i < len; i++)
    {
        if (i > 0)
            wc_buf_putc(buf, ',');
        wc_buf_put_fmpq(buf, v + i);
    }
    wc_buf_putc(buf, ')');
}

void
wc_net_print_buf(wc_buf_t buf, const wc_net_t net)
{
    slong k;

    wc_buf_printf(buf, "hidden=%ld,act=", (long) net->hidden);
    if (net->act == WC_ACT_POLY)
    {
        wc_buf_puts(buf, "poly");
        wc_buf_putc(buf, '(');
        for (k = 0; k < net->poly_len; k++)
        {
            if (k > 0)
                wc_buf_putc(buf, ',');
            wc_buf_put_fmpq(buf, net->poly + k);
        }
        wc_buf_putc(buf, ')');
    }
    else
        wc_buf_puts(buf, wc_act_name(net->act));
    wc_buf_printf(buf, ",param=%s,din=%ld,bias=",
                  wc_param_name(net->param), (long) net->din);
    wc_buf_put_fmpq(buf, net->bias);

    for (k = 0; k < net->ninputs; k++)
    {
        if (net->input_label[k] == WC_INPUT_DEFAULT)
            wc_buf_puts(buf, ",x=");
        else
            wc_buf_printf(buf, ",x%ld=", (long) net->input_label[k]);
        print_vector(buf, net->input + k * net->din, net->din);
    }
}

char *
wc_net_get_str(const wc_net_t net)
{
    wc_buf_t buf;

    wc_buf_init(buf);
    wc_net_print_buf(buf, net);
    return wc_buf_detach(buf);
}
