/* Gaussian moments of one neuron's preactivation coefficients with a
   covariance whose entries are polynomials (in the Gram entries of the
   level below), by Gaussian integration by parts (Isserlis' theorem in
   recursive form):
       E[z_j z^b] = sum_i Sigma_ji b_i E[z^(b - e_i)],
   peeling the lowest-numbered variable first.  The derivative vectors
   come first in the numbering and occur at most once in a product, so
   they are paired off before the forward ones.  Everything is exact. */

#include <string.h>

#include "deeppoly_impl.h"

void
_wc_dp_moments_init(wc_dp_moments_t M, wc_dp_run_t run,
                    const wc_dp_ring_t R, const fmpq_mpoly_struct * S)
{
    M->run = run;
    M->R = R;
    M->S = S;
    _wc_dp_map_init(M->map, run->nvec);
    M->alloc = 0;
    M->val = NULL;
    M->bytes = 0.0;
    M->scratch = flint_malloc(FLINT_MAX(run->nvec, 1) * sizeof(slong));
}

void
_wc_dp_moments_clear(wc_dp_moments_t M)
{
    slong i;

    for (i = 0; i < M->map->size; i++)
        fmpq_mpoly_clear(M->val + i, M->R->ctx);
    _wc_dp_hold(M->run, -M->bytes);
    flint_free(M->val);
    flint_free(M->scratch);
    _wc_dp_map_clear(M->map);
}

/* The number of the memoised moment of key (nvec exponents), computing
   it on first use.  key is not modified. */
static slong
moment(wc_dp_moments_t M, const slong * key)
{
    wc_dp_run_struct * run = M->run;
    slong N = run->nvec, i, j, total = 0, idx;
    slong * b;
    fmpq_mpoly_t acc, t;

    idx = _wc_dp_map_find(M->map, key, 0);
    if (idx >= 0)
        return idx;

    /* every entry counts; beyond the bound the entries are left zero
       (the result is discarded) */
    run->cnt->operations += 1.0;
    if (run->cnt->operations > run->max_terms)
        run->over = 1;

    for (i = 0; i < N; i++)
        total += key[i];

    b = flint_malloc(N * sizeof(slong));
    memcpy(b, key, N * sizeof(slong));
    fmpq_mpoly_init(acc, M->R->ctx);
    fmpq_mpoly_init(t, M->R->ctx);
    if (total == 0)
        fmpq_mpoly_one(acc, M->R->ctx);
    else if (total % 2 == 0 && !run->over)
    {
        for (j = 0; b[j] == 0; j++)
            ;
        b[j]--;
        for (i = 0; i < N; i++)
        {
            const fmpq_mpoly_struct * s = M->S + j * N + i;
            slong sub;

            if (b[i] == 0 || fmpq_mpoly_is_zero(s, M->R->ctx))
                continue;
            b[i]--;
            sub = moment(M, b);
            b[i]++;
            if (fmpq_mpoly_is_zero(M->val + sub, M->R->ctx))
                continue;
            _wc_dp_mul(t, s, M->val + sub, M->R->ctx, run);
            if (b[i] != 1)
                fmpq_mpoly_scalar_mul_si(t, t, b[i], M->R->ctx);
            fmpq_mpoly_add(acc, acc, t, M->R->ctx);
        }
    }

    idx = _wc_dp_map_find(M->map, key, 1);
    if (idx >= M->alloc)
    {
        M->alloc = FLINT_MAX(2 * M->alloc, idx + 16);
        M->val = flint_realloc(M->val,
                               M->alloc * sizeof(fmpq_mpoly_struct));
    }
    fmpq_mpoly_init(M->val + idx, M->R->ctx);
    fmpq_mpoly_swap(M->val + idx, acc, M->R->ctx);
    {
        double bytes = _wc_dp_poly_bytes(M->val + idx, M->R->ctx)
                       + (double) (N + 2) * sizeof(slong);

        M->bytes += bytes;
        _wc_dp_hold(run, bytes);
    }
    fmpq_mpoly_clear(acc, M->R->ctx);
    fmpq_mpoly_clear(t, M->R->ctx);
    flint_free(b);
    return idx;
}

void
_wc_dp_expect(fmpq_mpoly_t res, wc_dp_moments_t M, const fmpq_mpoly_t Z)
{
    wc_dp_run_struct * run = M->run;
    slong len = fmpq_mpoly_length(Z, run->zctx), i, k, n = 0;
    fmpq_mpoly_struct * parts = flint_malloc(FLINT_MAX(len, 1)
                                             * sizeof(fmpq_mpoly_struct));
    fmpq_t c;
    double held = 0.0;

    fmpq_init(c);
    for (i = 0; i < len && !run->over; i++)
    {
        slong total = 0;

        fmpq_mpoly_get_term_exp_si(M->scratch, Z, i, run->zctx);
        for (k = 0; k < run->nvec; k++)
            total += M->scratch[k];
        if (total % 2 == 1)
            continue;
        k = moment(M, M->scratch);
        if (fmpq_mpoly_is_zero(M->val + k, M->R->ctx))
            continue;
        fmpq_mpoly_get_term_coeff_fmpq(c, Z, i, run->zctx);
        fmpq_mpoly_init(parts + n, M->R->ctx);
        fmpq_mpoly_scalar_mul_fmpq(parts + n, M->val + k, c, M->R->ctx);
        run->cnt->operations += fmpq_mpoly_length(M->val + k, M->R->ctx);
        held += _wc_dp_poly_bytes(parts + n, M->R->ctx);
        _wc_dp_hold(run, _wc_dp_poly_bytes(parts + n, M->R->ctx));
        n++;
    }
    _wc_dp_sum(res, parts, n, M->R->ctx);
    _wc_dp_hold(run, -held);
    for (i = 0; i < n; i++)
        fmpq_mpoly_clear(parts + i, M->R->ctx);
    flint_free(parts);
    fmpq_clear(c);
}
