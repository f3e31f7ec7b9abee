#include "weakcorr/spec.h"

void
wc_spec_index_name_buf(wc_buf_t buf, slong k)
{
    static const char letters[] =
        "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";

    wc_buf_putc(buf, letters[k % 52]);
    if (k >= 52)
        wc_buf_printf(buf, "%ld", (long) (k / 52));
}

void
wc_spec_print_factor_buf(wc_buf_t buf, const wc_spec_t spec, slong i)
{
    const wc_factor_struct * t = spec->factors + i;
    slong j;

    wc_buf_putc(buf, 'f');
    if (t->order > 0)
        wc_buf_putc(buf, '_');
    for (j = 0; j < t->order; j++)
        wc_spec_index_name_buf(buf, t->index[j]);
    if (t->input != WC_INPUT_DEFAULT)
        wc_buf_printf(buf, "(x%ld)", (long) t->input);
}

void
wc_spec_print_buf(wc_buf_t buf, const wc_spec_t spec)
{
    slong i;

    if (!fmpq_is_one(spec->coeff))
    {
        wc_buf_put_fmpq(buf, spec->coeff);
        wc_buf_putc(buf, ' ');
    }
    if (spec->connected)
        wc_buf_puts(buf, "cum(");

    for (i = 0; i < spec->nfactors; i++)
    {
        const wc_factor_struct * t = spec->factors + i;

        if (i > 0)
            wc_buf_puts(buf, t->group != t[-1].group ? ", " : " ");
        wc_spec_print_factor_buf(buf, spec, i);
    }

    if (spec->connected)
        wc_buf_putc(buf, ')');
}

char *
wc_spec_get_str(const wc_spec_t spec)
{
    wc_buf_t buf;

    wc_buf_init(buf);
    wc_spec_print_buf(buf, spec);
    return wc_buf_detach(buf);
}
