/* From a SPEC and a NET to the data of the deep linear transfer, with the
   cases that are zero without any computation. */

#include "linear_impl.h"

wc_status
_wc_lin_problem_init(wc_lin_problem_t pr, int * zero, const wc_spec_t spec,
                     const wc_net_t net, int multi, wc_error_t err)
{
    slong m = spec->nfactors, i, j, t;
    slong * first, label[WC_LIN_MAXM], which[WC_LIN_MAXM], nl;
    fmpq * x, * dots;
    int trace = 0;

    *zero = 0;
    if (net->act != WC_ACT_LINEAR)
        return wc_error_set(err, WC_ERR_UNSUPPORTED, -1,
            "the deep linear engine needs act=linear (NET has act=%s)",
            wc_act_name(net->act));
    if (spec->nfactors == 0)
        return wc_error_set(err, WC_ERR_PARSE, -1, "empty SPEC");

    /* f is affine in the parameters of each layer (weights and bias
       together), so a derivative twice in one layer vanishes: an index
       used twice on one tensor, or a tensor of order above the H + 1
       layers, gives zero.  V -> -V makes an odd number of tensors zero. */
    for (i = 0; i < m; i++)
    {
        const wc_factor_struct * f = spec->factors + i;

        for (j = 0; j < f->order; j++)
            for (t = j + 1; t < f->order; t++)
                trace |= (f->index[j] == f->index[t]);
        if (f->order > net->hidden + 1)
            trace = 1;
    }
    if (m % 2 == 1 || fmpq_is_zero(spec->coeff) || trace)
    {
        *zero = 1;
        return WC_OK;
    }

    if (m > WC_EXACT_LINEAR_MAX_TENSORS)
        return wc_error_set(err, WC_ERR_RANGE, -1,
            "SPEC has %ld tensors; the deep linear engine handles at most "
            "%d", (long) m, WC_EXACT_LINEAR_MAX_TENSORS);
    if (spec->nindices > WC_EXACT_LINEAR_MAX_INDICES)
        return wc_error_set(err, WC_ERR_RANGE, -1,
            "SPEC has %ld contracted indices; the deep linear engine "
            "handles at most %d", (long) spec->nindices,
            WC_EXACT_LINEAR_MAX_INDICES);

    pr->m = m;
    pr->k = spec->nindices;
    pr->H = net->hidden;
    pr->ngroups = spec->connected ? spec->ngroups : 1;
    pr->connected = spec->connected;
    fmpq_init(pr->coeff);
    fmpq_set(pr->coeff, spec->coeff);
    pr->bias = !fmpq_is_zero(net->bias);
    pr->param = net->param;
    pr->multi = multi;

    for (i = 0; i < WC_LIN_MAXM; i++)
    {
        pr->order[i] = 0;
        pr->tmask[i] = 0;
        pr->group[i] = 0;
        for (j = 0; j < WC_LIN_MAXM; j++)
            pr->pmask[i][j] = 0;
    }

    first = flint_malloc(FLINT_MAX(pr->k, 1) * sizeof(slong));
    for (j = 0; j < pr->k; j++)
        first[j] = -1;
    for (i = 0; i < m; i++)
    {
        const wc_factor_struct * f = spec->factors + i;

        pr->order[i] = f->order;
        pr->group[i] = spec->connected ? f->group : 0;
        for (j = 0; j < f->order; j++)
        {
            slong id = f->index[j];

            pr->tmask[i] |= (uint64_t) 1 << id;
            if (first[id] < 0)
                first[id] = i;
            else
            {
                pr->pmask[first[id]][i] |= (uint64_t) 1 << id;
                pr->pmask[i][first[id]] |= (uint64_t) 1 << id;
            }
        }
    }
    flint_free(first);

    fmpz_init_set_si(pr->din, net->din);
    fmpz_init(pr->p2);
    fmpz_init(pr->q2);
    fmpz_mul(pr->p2, fmpq_numref(net->bias), fmpq_numref(net->bias));
    fmpz_mul(pr->q2, fmpq_denref(net->bias), fmpq_denref(net->bias));

    /* Inner products of the inputs over din, the contribution of a pair
       of strands that reach the input level together; computed once per
       pair of distinct labels. */
    nl = 0;
    for (i = 0; i < m; i++)
    {
        for (j = 0; j < nl && label[j] != spec->factors[i].input; j++)
            ;
        if (j == nl)
            label[nl++] = spec->factors[i].input;
        which[i] = j;
    }
    x = _fmpq_vec_init(nl * net->din);
    for (j = 0; j < nl; j++)
        wc_net_get_input(x + j * net->din, net, label[j]);
    dots = _fmpq_vec_init(nl * nl);
    for (i = 0; i < nl; i++)
        for (j = i; j < nl; j++)
        {
            fmpq * d = dots + i * nl + j;

            for (t = 0; t < net->din; t++)
                fmpq_addmul(d, x + i * net->din + t, x + j * net->din + t);
            fmpq_div_fmpz(d, d, pr->din);
            fmpq_set(dots + j * nl + i, d);
        }
    for (i = 0; i < WC_LIN_MAXM * WC_LIN_MAXM; i++)
        fmpq_init(pr->xdot + i);
    for (i = 0; i < m; i++)
        for (j = 0; j < m; j++)
            fmpq_set(pr->xdot + i * WC_LIN_MAXM + j,
                     dots + which[i] * nl + which[j]);
    _fmpq_vec_clear(dots, nl * nl);
    _fmpq_vec_clear(x, nl * net->din);

    if (multi)
        fmpz_mpoly_ctx_init(pr->ctx, FLINT_MAX(pr->H, 1), ORD_LEX);

    return WC_OK;
}

void
_wc_lin_problem_clear(wc_lin_problem_t pr)
{
    slong i;

    fmpq_clear(pr->coeff);
    fmpz_clear(pr->din);
    fmpz_clear(pr->p2);
    fmpz_clear(pr->q2);
    for (i = 0; i < WC_LIN_MAXM * WC_LIN_MAXM; i++)
        fmpq_clear(pr->xdot + i);
    if (pr->multi)
        fmpz_mpoly_ctx_clear(pr->ctx);
}
