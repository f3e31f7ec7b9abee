/* From a SPEC and a NET to the data of the deep polynomial engine: the
   slots of the tensors and their partners, the input classes with their
   inner products, the activation's derivatives; and the cases that are
   zero without computation. */

#include "deeppoly_impl.h"

wc_status
_wc_dp_problem_init(wc_dp_problem_t pr, int * zero, const wc_spec_t spec,
                    const wc_net_t net, int multi, wc_error_t err)
{
    slong m = spec->nfactors, t, j, k, c, din = net->din, slot;
    slong * first;
    fmpq * xs, * x;
    fmpq_poly_t s;
    fmpz_t dz;
    wc_status status;

    *zero = 0;
    if (net->act != WC_ACT_POLY && net->act != WC_ACT_LINEAR)
        return wc_error_set(err, WC_ERR_UNSUPPORTED, -1,
            "the deep polynomial engine needs act=poly(...) or act=linear "
            "(NET has act=%s)", wc_act_name(net->act));
    if ((status = wc_spec_check(spec, err)) != WC_OK)
        return status;

    /* s as a polynomial; s = 0 makes f and every derivative vanish */
    fmpq_poly_init(s);
    if (net->act == WC_ACT_LINEAR)
        fmpq_poly_set_coeff_si(s, 1, 1);
    else
        for (j = 0; j < net->poly_len; j++)
            fmpq_poly_set_coeff_fmpq(s, j, net->poly + j);

    /* V -> -V makes an odd number of tensors zero */
    if (m % 2 == 1 || fmpq_is_zero(spec->coeff) || fmpq_poly_is_zero(s))
    {
        fmpq_poly_clear(s);
        *zero = 1;
        return WC_OK;
    }

    if (2 * spec->nindices > WC_DP_MAX_SLOTS)
    {
        fmpq_poly_clear(s);
        return wc_error_set(err, WC_ERR_RANGE, -1,
            "SPEC has %ld contracted indices; the deep polynomial engine "
            "handles at most %d", (long) spec->nindices,
            WC_DP_MAX_SLOTS / 2);
    }
    if (m > WC_EXACT_DEEPPOLY_MAX_TENSORS)
    {
        fmpq_poly_clear(s);
        return wc_error_set(err, WC_ERR_RANGE, -1,
            "SPEC has %ld tensors; the deep polynomial engine handles at "
            "most %d", (long) m, WC_EXACT_DEEPPOLY_MAX_TENSORS);
    }
    for (t = 0; t < m; t++)
        if (spec->factors[t].order > WC_EXACT_DEEPPOLY_MAX_ORDER)
        {
            fmpq_poly_clear(s);
            return wc_error_set(err, WC_ERR_RANGE, -1,
                "SPEC has a tensor of order %ld; the deep polynomial engine "
                "handles orders up to %d",
                (long) spec->factors[t].order,
                WC_EXACT_DEEPPOLY_MAX_ORDER);
        }

    pr->m = m;
    pr->nslots = 2 * spec->nindices;
    pr->H = net->hidden;
    pr->ngroups = spec->connected ? spec->ngroups : 1;
    pr->connected = spec->connected;
    fmpq_init(pr->coeff);
    fmpq_set(pr->coeff, spec->coeff);
    pr->din = din;
    pr->param = net->param;
    pr->multi = multi;

    pr->tclass = flint_malloc(m * sizeof(slong));
    pr->tgroup = flint_malloc(m * sizeof(slong));
    pr->tslots = flint_malloc(m * sizeof(uint64_t));
    pr->slot_tensor = flint_malloc(FLINT_MAX(pr->nslots, 1)
                                   * sizeof(slong));
    pr->partner = flint_malloc(FLINT_MAX(pr->nslots, 1) * sizeof(slong));

    /* slots in order of the tensors' index lists; the two slots of an
       index are partners */
    first = flint_malloc(FLINT_MAX(spec->nindices, 1) * sizeof(slong));
    for (k = 0; k < spec->nindices; k++)
        first[k] = -1;
    slot = 0;
    for (t = 0; t < m; t++)
    {
        const wc_factor_struct * f = spec->factors + t;

        pr->tgroup[t] = spec->connected ? f->group : 0;
        pr->tslots[t] = 0;
        for (j = 0; j < f->order; j++)
        {
            k = f->index[j];
            pr->tslots[t] |= (uint64_t) 1 << slot;
            pr->slot_tensor[slot] = t;
            if (first[k] < 0)
                first[k] = slot;
            else
            {
                pr->partner[slot] = first[k];
                pr->partner[first[k]] = slot;
            }
            slot++;
        }
    }
    flint_free(first);

    /* input classes: equal vectors are one class */
    xs = _fmpq_vec_init(m * din);
    x = _fmpq_vec_init(din);
    pr->nclass = 0;
    for (t = 0; t < m; t++)
    {
        wc_net_get_input(x, net, spec->factors[t].input);
        for (c = 0; c < pr->nclass; c++)
        {
            for (j = 0; j < din; j++)
                if (!fmpq_equal(xs + c * din + j, x + j))
                    break;
            if (j == din)
                break;
        }
        if (c == pr->nclass)
        {
            for (j = 0; j < din; j++)
                fmpq_set(xs + c * din + j, x + j);
            pr->nclass++;
        }
        pr->tclass[t] = c;
    }
    pr->xdot = _fmpq_vec_init(pr->nclass * pr->nclass);
    fmpz_init_set_si(dz, din);
    for (c = 0; c < pr->nclass; c++)
        for (k = 0; k < pr->nclass; k++)
        {
            fmpq * d = pr->xdot + c * pr->nclass + k;

            for (j = 0; j < din; j++)
                fmpq_addmul(d, xs + c * din + j, xs + k * din + j);
            fmpq_div_fmpz(d, d, dz);
        }
    fmpz_clear(dz);
    _fmpq_vec_clear(x, din);
    _fmpq_vec_clear(xs, m * din);

    pr->deg = fmpq_poly_degree(s);
    pr->sder = flint_malloc((pr->deg + 1) * sizeof(fmpq_poly_struct));
    for (j = 0; j <= pr->deg; j++)
    {
        fmpq_poly_init(pr->sder + j);
        if (j == 0)
            fmpq_poly_set(pr->sder, s);
        else
            fmpq_poly_derivative(pr->sder + j, pr->sder + j - 1);
    }
    fmpq_poly_clear(s);

    pr->bias = !fmpq_is_zero(net->bias);
    fmpq_init(pr->bias2);
    fmpq_init(pr->xi_bias2);
    fmpq_mul(pr->bias2, net->bias, net->bias);
    /* NTK and mean field differentiate in b, whose coefficient beta makes
       a bias index weigh beta^2; the standard parameterisation
       differentiates in the raw bias beta b, weight 1. */
    if (net->param == WC_PARAM_STANDARD)
        fmpq_set_si(pr->xi_bias2, pr->bias ? 1 : 0, 1);
    else
        fmpq_set(pr->xi_bias2, pr->bias2);
    return WC_OK;
}

void
_wc_dp_problem_clear(wc_dp_problem_t pr)
{
    slong j;

    fmpq_clear(pr->coeff);
    fmpq_clear(pr->bias2);
    fmpq_clear(pr->xi_bias2);
    flint_free(pr->tclass);
    flint_free(pr->tgroup);
    flint_free(pr->tslots);
    flint_free(pr->slot_tensor);
    flint_free(pr->partner);
    _fmpq_vec_clear(pr->xdot, pr->nclass * pr->nclass);
    for (j = 0; j <= pr->deg; j++)
        fmpq_poly_clear(pr->sder + j);
    flint_free(pr->sder);
}
