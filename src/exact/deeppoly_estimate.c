/* The work estimate of the deep polynomial engine (doc/exact-deeppoly.md,
   "Work estimate").

   The work of a layer step depends on the state it receives, and the
   state at distance j below the output is the same for every depth
   H > j (only the last step, at level 1, is special: its covariance is a
   number).  So the engine prices a deep request by running it as pilots
   at depths 1, 2, ..., k < H, each deeper one only while it is predicted
   to cost at most a hundredth of the bound, and extrapolating the ratio
   r(j) = W(j) / W(j - 1), which grows with depth as the state's degree
   and coefficients do: r(j + 1) = g r(j), with g = r(k) / r(k - 1)
   clamped to [1, 2] (g = 1 with two pilots only), and
       W(H) ~ W(k) r(k + 1) r(k + 2) ... r(H);
   a request of depth 1 or 2 from its exact output state: the
   downward closure D_H of that state and the number of terms of the
   moment recursion,
       pairs_H = sum_{e in D_H} prod_tau (e_tau + 1) - |D_H|,
   are counted exactly, a pair costs about the product of the lengths of
   a single-neuron moment and of a g_e (d R + 1 and (d R + 1)(R + 1) for
   a state of degree R and d = deg s; R + 1 at level 1), and the step at
   level 1 of a depth-2 network about 2 d^2 times the step above. */

#include <math.h>

#include "deeppoly_impl.h"

void
_wc_dp_counters_init(wc_dp_counters * cnt)
{
    cnt->operations = 0.0;
    cnt->bytes = 0.0;
    cnt->peak_bytes = 0.0;
    cnt->max_bytes = (double) WC_EXACT_DEFAULT_MAX_MEMORY;
    cnt->over_memory = 0;
    cnt->max_state = 0;
    cnt->max_closure = 0;
    cnt->moments = 0;
    cnt->pairs = 0;
    cnt->moebius_terms = 0;
}

/* Closure size, number of pairs and largest degree of a state. */
static void
state_size(double * closure, double * pairs, slong * degree,
           const fmpq_mpoly_t P, const wc_dp_ring_t R)
{
    const fmpq_mpoly_ctx_struct * ctx = R->ctx;
    slong len = fmpq_mpoly_length(P, ctx), i, j, nt = 0;
    slong * deg = flint_malloc(R->nvars * sizeof(slong));
    slong * tvar = flint_malloc(FLINT_MAX(R->ng, 1) * sizeof(slong));
    slong * e;
    ulong * exps = flint_malloc(R->nvars * sizeof(ulong));
    wc_dp_map_t D;

    fmpq_mpoly_degrees_si(deg, P, ctx);
    for (i = 0; i < R->ng; i++)
        if (deg[i] > 0)
            tvar[nt++] = i;
    e = flint_malloc(FLINT_MAX(nt, 1) * sizeof(slong));
    _wc_dp_map_init(D, nt);
    *degree = 0;
    for (i = 0; i < len; i++)
    {
        slong tot = 0;

        fmpq_mpoly_get_term_exp_ui(exps, P, i, ctx);
        for (j = 0; j < nt; j++)
        {
            e[j] = (slong) exps[tvar[j]];
            tot += e[j];
        }
        *degree = FLINT_MAX(*degree, tot);
        _wc_dp_map_find(D, e, 1);
    }
    for (i = 0; i < D->size; i++)
    {
        for (j = 0; j < nt; j++)
            e[j] = _wc_dp_map_key(D, i)[j];
        for (j = 0; j < nt; j++)
            if (e[j] > 0)
            {
                e[j]--;
                _wc_dp_map_find(D, e, 1);
                e[j]++;
            }
    }
    *closure = (double) D->size;
    *pairs = 0.0;
    for (i = 0; i < D->size; i++)
    {
        double p = 1.0;

        for (j = 0; j < nt; j++)
            p *= (double) (_wc_dp_map_key(D, i)[j] + 1);
        *pairs += p - 1.0;
    }
    _wc_dp_map_clear(D);
    flint_free(e);
    flint_free(exps);
    flint_free(tvar);
    flint_free(deg);
}

/* The model for one transfer of depth 1 or 2. */
static double
transfer_model(wc_dp_run_t run)
{
    const wc_dp_problem_struct * pr = run->pr;
    wc_dp_counters * saved = run->cnt, cnt;
    wc_dp_ring_t ring;
    fmpq_mpoly_t P;
    double closure, pairs, total, d, R;
    slong degree;

    _wc_dp_counters_init(&cnt);
    run->cnt = &cnt;
    _wc_dp_output_step(P, ring, run);
    state_size(&closure, &pairs, &degree, P, ring);
    fmpq_mpoly_clear(P, ring->ctx);
    _wc_dp_ring_clear(ring);
    run->cnt = saved;

    d = (double) FLINT_MAX(pr->deg, 1);
    R = (double) FLINT_MAX(degree, 1);
    total = cnt.operations;
    if (pr->H == 1)
        total += closure + 2.0 * pairs * (R + 1.0);
    else
    {
        double first = closure + 2.0 * pairs * (d * R + 1.0) * (R + 1.0);

        total += first * (1.0 + 2.0 * d * d);
    }
    return total;
}

static double
model_estimate(const wc_dp_problem_t pr)
{
    wc_dp_counters cnt;
    slong * part, * tcopy, i;
    double total = 0.0, bell = _wc_exact_bell(pr->ngroups);
    int one_only = pr->connected && bell > 50.0;

    part = flint_calloc(pr->ngroups, sizeof(slong));
    tcopy = flint_malloc(pr->m * sizeof(slong));
    _wc_dp_counters_init(&cnt);
    do
    {
        wc_dp_run_t run;

        /* beyond 50 Moebius terms, the last one (every group its own
           copy: the most forward vectors) stands for all of them */
        if (one_only)
            for (i = 0; i < pr->ngroups; i++)
                part[i] = i;
        for (i = 0; i < pr->m; i++)
            tcopy[i] = part[pr->tgroup[i]];
        _wc_dp_run_init(run, pr, tcopy, &cnt, HUGE_VAL);
        total += transfer_model(run) * (one_only ? bell : 1.0);
        _wc_dp_run_clear(run);
    }
    while (!one_only && pr->connected
           && _wc_exact_partition_next(part, pr->ngroups));

    flint_free(part);
    flint_free(tcopy);
    return total;
}

/* The work of the whole computation at depth h, or -1 beyond max_terms. */
static double
pilot(const wc_dp_problem_t pr, slong h, double max_terms)
{
    wc_dp_problem_struct p = *pr;
    wc_dp_counters cnt;
    wc_series_t s;
    wc_mseries_t ms;
    int ok;

    p.H = h;
    wc_series_init(s);
    wc_mseries_init(ms, h);
    _wc_dp_counters_init(&cnt);
    ok = _wc_dp_compute(s, ms, &p, &cnt, max_terms);
    wc_series_clear(s);
    wc_mseries_clear(ms);
    return ok ? cnt.operations : -1.0;
}

/* The ratio W(k) / W(k - 1) of two pilots, at least 1. */
static double
growth(double w_hi, double w_lo)
{
    return FLINT_MAX(1.0, w_hi / FLINT_MAX(w_lo, 1.0));
}

double
_wc_dp_estimate(const wc_dp_problem_t pr, double max_terms)
{
    double w[3], r, g, est;     /* w: pilots at depths k - 2, k - 1, k */
    slong k, j;

    if (pr->H <= 2)
        return model_estimate(pr);

    w[0] = -1.0;
    w[1] = pilot(pr, 1, max_terms);
    w[2] = (w[1] < 0.0) ? -1.0 : pilot(pr, 2, max_terms);
    if (w[2] < 0.0)
        return HUGE_VAL;

    /* Deeper pilots while the next one is predicted to cost at most a
       hundredth of the bound (each runs under a tenth of it). */
    for (k = 2; ; k++)
    {
        double next;

        r = growth(w[2], w[1]);
        g = (w[0] < 0.0) ? 1.0
            : FLINT_MIN(2.0, FLINT_MAX(1.0, r / growth(w[1], w[0])));
        if (k + 1 >= pr->H || w[2] * r * g > max_terms / 100.0)
            break;
        next = pilot(pr, k + 1, max_terms / 10.0);
        if (next < 0.0)
            break;
        w[0] = w[1];
        w[1] = w[2];
        w[2] = next;
    }

    est = w[2];
    for (j = k + 1; j <= pr->H; j++)
    {
        r *= g;
        est *= r;
        if (est > 1e300)
            return HUGE_VAL;
    }
    return est;
}
