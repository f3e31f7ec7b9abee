/* Quantiles of |X| in wc_stats_summarise against sorting: the nearest-rank
   values ceil(N/2), ceil(9N/10), ceil(99N/100) of the sorted |x|, compared
   exactly, on random and on adversarially ordered arrays. */

#include <stdlib.h>

#include "testutil.h"
#include "sim.h"

static int
cmp(const void * a, const void * b)
{
    double x = *(const double *) a, y = *(const double *) b;

    return (x > y) - (x < y);
}

static slong
rank(slong n, slong num, slong den)
{
    /* Smallest k with k/n >= num/den, found by counting up: a route
       independent of the library's integer formula. */
    slong k = 1;

    while (k * den < num * n)
        k++;
    return k;
}

static void
check(wc_test_t t, const double * x, slong n, const char * what)
{
    wc_stats_row_struct row;
    double * s = flint_malloc((n + 1) * sizeof(double));
    slong i, m = 0;

    for (i = 0; i < n; i++)
        if (isfinite(x[i]))
            s[m++] = fabs(x[i]);
    qsort(s, (size_t) m, sizeof(double), cmp);
    wc_stats_summarise(&row, x, n, 1);
    if (m == 0)
        WC_CHECK(t, isnan(row.median), "%s: empty", what);
    else
        WC_CHECK(t, row.median == s[rank(m, 1, 2) - 1]
                 && row.q90 == s[rank(m, 9, 10) - 1]
                 && row.q99 == s[rank(m, 99, 100) - 1],
                 "%s (N = %ld): %.17g %.17g %.17g, sorted %.17g %.17g %.17g",
                 what, (long) m, row.median, row.q90, row.q99,
                 s[rank(m, 1, 2) - 1], s[rank(m, 9, 10) - 1],
                 s[rank(m, 99, 100) - 1]);
    flint_free(s);
}

/* Orders that defeat naive pivot choices. */
static void
fill_pattern(double * x, slong n, int pattern, sim_rng * r)
{
    slong i;

    for (i = 0; i < n; i++)
    {
        switch (pattern)
        {
            case 0: x[i] = (double) i; break;                 /* sorted */
            case 1: x[i] = (double) (n - i); break;           /* reversed */
            case 2: x[i] = 1.0; break;                        /* constant */
            case 3: x[i] = (double) FLINT_MIN(i, n - i); break; /* pipe */
            case 4: x[i] = (double) (i % 17); break;          /* sawtooth */
            case 5: x[i] = (double) (sim_next(r) % 3); break; /* 3 values */
            case 6: x[i] = (i % 2 ? -1.0 : 1.0) * (double) i; break;
            default: x[i] = sim_normal(r); break;
        }
    }
    if (pattern == 7)
    {
        /* Interleaved low and high halves: 1, k+1, 2, k+2, ... */
        slong k = n / 2;

        for (i = 0; i < k; i++)
        {
            x[2 * i] = (double) (i + 1);
            x[2 * i + 1] = (double) (k + i + 1);
        }
        if (n % 2)
            x[n - 1] = (double) n;
    }
}

int
main(void)
{
    wc_test_t t;
    sim_rng r;
    slong trial, trials, n, i;
    double * x = flint_malloc(200001 * sizeof(double));
    char what[64];
    int p;

    wc_test_init(t, "t-quantile");
    sim_seed(&r, t->seed, 2);

    /* Every size from 1 to 300, random values with ties and non-finite
       entries. */
    for (n = 1; n <= 300; n++)
    {
        for (i = 0; i < n; i++)
        {
            uint64_t k = sim_next(&r);

            x[i] = (k % 4 == 0) ? (double) ((slong) (k >> 8) % 5 - 2)
                   : sim_normal(&r);
            if (k % 23 == 0)
                x[i] = NAN;
        }
        snprintf(what, sizeof(what), "random n = %ld", (long) n);
        check(t, x, n, what);
    }

    for (p = 0; p <= 8; p++)
        for (n = 1; n <= 200001; n = n * 7 + 3)
        {
            fill_pattern(x, n, p, &r);
            snprintf(what, sizeof(what), "pattern %d n = %ld", p, (long) n);
            check(t, x, n, what);
        }

    trials = wc_test_trials(t, 20);
    for (trial = 0; trial < trials; trial++)
    {
        n = 1 + (slong) (sim_next(&r) % 100000);
        for (i = 0; i < n; i++)
            x[i] = sim_normal(&r) * sim_normal(&r);
        snprintf(what, sizeof(what), "large trial %ld", (long) trial);
        check(t, x, n, what);
    }

    flint_free(x);
    return wc_test_finish(t);
}
