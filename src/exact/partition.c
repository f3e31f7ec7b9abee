/* Set partitions for the Moebius sums of the exact engines. */

#include <math.h>

#include <flint/fmpz.h>

#include "partition.h"

double
_wc_exact_bell(slong g)
{
    /* The Bell triangle: each row starts with the last entry of the row
       above, and each entry adds its left neighbour to the entry above
       that neighbour; row g - 1 ends with B_g. */
    double row[64], next[64];
    slong i, j;

    if (g <= 0)
        return 1.0;
    if (g > 62)
        return HUGE_VAL;
    row[0] = 1.0;
    for (i = 1; i < g; i++)
    {
        next[0] = row[i - 1];
        for (j = 1; j <= i; j++)
            next[j] = next[j - 1] + row[j - 1];
        for (j = 0; j <= i; j++)
            row[j] = next[j];
    }
    return row[g - 1];
}

void
_wc_exact_partition_first(slong * a, slong g)
{
    slong i;

    for (i = 0; i < g; i++)
        a[i] = 0;
}

int
_wc_exact_partition_next(slong * a, slong g)
{
    slong i, j, mx;

    /* the last position that can still grow, then the rest reset */
    for (i = g - 1; i >= 1; i--)
    {
        mx = 0;
        for (j = 0; j < i; j++)
            mx = FLINT_MAX(mx, a[j]);
        if (a[i] <= mx)
        {
            a[i]++;
            for (j = i + 1; j < g; j++)
                a[j] = 0;
            return 1;
        }
    }
    return 0;
}

slong
_wc_exact_partition_blocks(const slong * a, slong g)
{
    slong i, mx = -1;

    for (i = 0; i < g; i++)
        mx = FLINT_MAX(mx, a[i]);
    return mx + 1;
}

void
_wc_exact_moebius(fmpq_t mu, slong b)
{
    fmpz_fac_ui(fmpq_numref(mu), (ulong) (b - 1));
    fmpz_one(fmpq_denref(mu));
    if (b % 2 == 0)
        fmpq_neg(mu, mu);
}
