#include "weakcorr/spec.h"

void
wc_spec_append_cdd(wc_spec_t spec, slong D, slong d, const slong * free,
                   slong x_main, slong x_grad, slong pos)
{
    slong * index = flint_malloc((D + d + 1) * sizeof(slong));
    slong k;
    fmpz_t t;

    for (k = 0; k < D; k++)
        index[k] = free[k];
    for (k = 0; k < d; k++)
        index[D + k] = wc_spec_new_index(spec);

    wc_spec_append_factor(spec, index, D + d, x_main, pos);
    for (k = 0; k < d; k++)
        wc_spec_append_factor(spec, index + D + k, 1, x_grad, pos);

    fmpz_init(t);
    fmpz_fac_ui(t, D);
    fmpq_div_fmpz(spec->coeff, spec->coeff, t);
    fmpz_fac_ui(t, d);
    fmpq_div_fmpz(spec->coeff, spec->coeff, t);
    fmpz_clear(t);
    flint_free(index);
}

static void
wc_spec_reset(wc_spec_t spec)
{
    wc_spec_t fresh;

    wc_spec_init(fresh);
    wc_spec_swap(spec, fresh);
    wc_spec_clear(fresh);
}

void
wc_spec_set_cdd_mean(wc_spec_t spec, slong d)
{
    wc_spec_reset(spec);
    wc_spec_append_cdd(spec, 0, d, NULL, WC_INPUT_DEFAULT,
                       WC_INPUT_DEFAULT, -1);
    wc_spec_canonicalise(spec);
}

void
wc_spec_set_cdd_norm2(wc_spec_t spec, slong D, slong d)
{
    slong * free = flint_malloc(FLINT_MAX(D, 1) * sizeof(slong));
    slong k;

    wc_spec_reset(spec);
    for (k = 0; k < D; k++)
        free[k] = wc_spec_new_index(spec);
    wc_spec_append_cdd(spec, D, d, free, WC_INPUT_DEFAULT, WC_INPUT_DEFAULT,
                       -1);
    wc_spec_append_cdd(spec, D, d, free, WC_INPUT_DEFAULT, WC_INPUT_DEFAULT,
                       -1);
    wc_spec_canonicalise(spec);
    flint_free(free);
}
