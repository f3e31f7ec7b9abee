/* Unbiased estimators of joint cumulants from joint samples.

   kappa(Y_1..Y_k) = sum over set partitions pi of {1..k} of
       (-1)^(|pi|-1) (|pi|-1)! prod_{B in pi} E[prod_{g in B} Y_g].
   Each product of expectations over r = |pi| blocks is estimated without
   bias by its U-statistic: the average over ordered r-tuples of distinct
   samples of prod_B F_B(s_B), F_B(s) = prod_{g in B} y[s, g].  The sum
   over distinct tuples is reduced to power sums S(A) = sum_s prod_{g in A}
   y[s, g] by Moebius inversion on the partition lattice:
       sum_{distinct} prod_i F_i(s_i)
         = sum_{sigma partition of {1..r}} prod_{C in sigma}
               (-1)^(|C|-1) (|C|-1)! S(union_{i in C} B_i).
   For one variable repeated this is Fisher's k-statistic.  Cumulants of
   order two or more do not change when a variable is shifted, so every
   variable is first centred at its sample mean (a constant shared by the
   leave-one-out estimates), which avoids cancellation between moments.
   Leave-one-out estimates subtract sample s from every power sum; the
   jackknife pseudo-values N kappa - (N-1) kappa_(-s) average to kappa
   because every term is a U-statistic. */

#include <math.h>
#include <string.h>

#include "weakcorr/mc.h"

typedef struct
{
    double coeff;
    slong r;                       /* U-statistic order (blocks of pi) */
    slong nmask;
    unsigned mask[WC_MC_MAX_CUMULANT];
}
wc_cum_term;

typedef struct
{
    slong n, alloc;
    wc_cum_term * t;
}
wc_cum_terms;

static double
mobius(slong size)
{
    double f = 1;
    slong i;

    for (i = 2; i < size; i++)
        f *= (double) i;
    return (size % 2 == 1) ? f : -f;
}

/* Calls visit(blocks, nblocks) for every set partition of {0..n-1},
   blocks as bit masks, via restricted growth strings. */
static void
partitions(slong n, void (*visit)(const unsigned *, slong, void *),
           void * data)
{
    slong a[WC_MC_MAX_CUMULANT + 1], maxv[WC_MC_MAX_CUMULANT + 1], i;

    for (i = 0; i < n; i++)
        a[i] = 0;
    for (;;)
    {
        unsigned blocks[WC_MC_MAX_CUMULANT] = {0};
        slong nb = 0;

        for (i = 0; i < n; i++)
            nb = FLINT_MAX(nb, a[i] + 1);
        for (i = 0; i < nb; i++)
            blocks[i] = 0;
        for (i = 0; i < n; i++)
            blocks[a[i]] |= 1u << i;
        visit(blocks, nb, data);

        /* next restricted growth string */
        maxv[0] = 0;
        for (i = 1; i < n; i++)
            maxv[i] = FLINT_MAX(maxv[i - 1], a[i - 1]);
        for (i = n - 1; i >= 1; i--)
            if (a[i] <= maxv[i])
                break;
        if (i < 1)
            return;
        a[i]++;
        for (i = i + 1; i < n; i++)
            a[i] = 0;
    }
}

typedef struct
{
    wc_cum_terms * terms;
    const unsigned * pi;
    slong r;
    double coeff;
}
wc_cum_inner;

static void
visit_sigma(const unsigned * sigma, slong ns, void * data)
{
    wc_cum_inner * in = data;
    wc_cum_term * t;
    slong c, i;

    if (in->terms->n == in->terms->alloc)
    {
        in->terms->alloc = FLINT_MAX(64, 2 * in->terms->alloc);
        in->terms->t = flint_realloc(in->terms->t,
                                     in->terms->alloc * sizeof(wc_cum_term));
    }
    t = in->terms->t + in->terms->n++;
    t->coeff = in->coeff;
    t->r = in->r;
    t->nmask = ns;
    for (c = 0; c < ns; c++)
    {
        unsigned m = 0;
        slong size = 0;

        /* sigma groups blocks of pi; the union of their variables */
        for (i = 0; i < in->r; i++)
            if (sigma[c] & (1u << i))
            {
                m |= in->pi[i];
                size++;
            }
        t->mask[c] = m;
        t->coeff *= mobius(size);
    }
}

static void
visit_pi(const unsigned * pi, slong r, void * data)
{
    wc_cum_inner in;

    in.terms = data;
    in.pi = pi;
    in.r = r;
    in.coeff = mobius(r);
    partitions(r, visit_sigma, &in);
}

/* N (N-1) ... (N-r+1) */
static double
falling(double N, slong r)
{
    double f = 1;
    slong i;

    for (i = 0; i < r; i++)
        f *= N - (double) i;
    return f;
}

static double
estimate(const wc_cum_terms * T, const double * S, double N)
{
    double k = 0;
    slong j, c;

    for (j = 0; j < T->n; j++)
    {
        const wc_cum_term * t = T->t + j;
        double p = t->coeff / falling(N, t->r);

        for (c = 0; c < t->nmask; c++)
            p *= S[t->mask[c]];
        k += p;
    }
    return k;
}

wc_status
wc_mc_cumulant(double * kappa, double * pseudo, const double * y, slong N,
               slong k, wc_error_t err)
{
    wc_cum_terms T;
    double * c, * S, * Sl, mean[WC_MC_MAX_CUMULANT];
    slong s, g, nm = WORD(1) << k;
    unsigned m;

    if (k < 1 || k > WC_MC_MAX_CUMULANT)
        return wc_error_set(err, WC_ERR_RANGE, -1,
            "cumulants of %ld arguments (at most %d)", (long) k,
            WC_MC_MAX_CUMULANT);
    if (N < k + 1)
        return wc_error_set(err, WC_ERR_RANGE, -1,
            "a cumulant of %ld arguments needs at least %ld samples",
            (long) k, (long) (k + 1));

    T.n = T.alloc = 0;
    T.t = NULL;
    partitions(k, visit_pi, &T);

    /* Centre every variable (not for k = 1, where the mean is the
       cumulant). */
    c = flint_malloc(N * k * sizeof(double));
    for (g = 0; g < k; g++)
    {
        double sum = 0;

        for (s = 0; s < N; s++)
            sum += y[s * k + g];
        mean[g] = (k >= 2) ? sum / (double) N : 0.0;
        for (s = 0; s < N; s++)
            c[s * k + g] = y[s * k + g] - mean[g];
    }

    /* Power sums over every subset of the variables. */
    S = flint_calloc(nm, sizeof(double));
    Sl = flint_malloc(nm * sizeof(double));
    for (s = 0; s < N; s++)
        for (m = 1; m < (unsigned) nm; m++)
        {
            double p = 1;

            for (g = 0; g < k; g++)
                if (m & (1u << g))
                    p *= c[s * k + g];
            S[m] += p;
        }

    *kappa = estimate(&T, S, (double) N);

    if (pseudo != NULL)
        for (s = 0; s < N; s++)
        {
            for (m = 1; m < (unsigned) nm; m++)
            {
                double p = 1;

                for (g = 0; g < k; g++)
                    if (m & (1u << g))
                        p *= c[s * k + g];
                Sl[m] = S[m] - p;
            }
            pseudo[s] = (double) N * *kappa - (double) (N - 1)
                        * estimate(&T, Sl, (double) (N - 1));
        }

    flint_free(T.t);
    flint_free(c);
    flint_free(S);
    flint_free(Sl);
    return WC_OK;
}
