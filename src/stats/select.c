/* Selection of an order statistic: quickselect with median-of-three
   pivots, falling back to sorting when partitioning makes poor progress. */

#include <stdlib.h>

#include "stats_impl.h"

static int
cmp_double(const void * a, const void * b)
{
    double x = *(const double *) a, y = *(const double *) b;

    return (x > y) - (x < y);
}

static void
swap(double * v, slong i, slong j)
{
    double t = v[i];

    v[i] = v[j];
    v[j] = t;
}

void
_wc_stats_select(double * v, slong n, slong k)
{
    slong lo = 0, hi = n - 1, budget = 8;
    slong m;

    /* About two rounds per halving of the range are expected; after
       2 log2(n) + 8 rounds sort what remains, so that the worst case is
       O(n log n) however the data are ordered. */
    for (m = n; m > 1; m >>= 1)
        budget += 2;

    while (hi > lo)
    {
        slong i, j, mid;
        double pivot;

        if (hi - lo < 16 || budget-- == 0)
        {
            qsort(v + lo, (size_t) (hi - lo + 1), sizeof(double),
                  cmp_double);
            return;
        }

        /* Median of three, which also leaves sentinels at both ends for
           the scans below. */
        mid = lo + (hi - lo) / 2;
        if (v[mid] < v[lo])
            swap(v, mid, lo);
        if (v[hi] < v[lo])
            swap(v, hi, lo);
        if (v[hi] < v[mid])
            swap(v, hi, mid);
        pivot = v[mid];

        /* Hoare partition: afterwards v[lo..j] <= pivot, v[i..hi] >=
           pivot, and everything strictly between j and i equals it. */
        i = lo;
        j = hi;
        while (i <= j)
        {
            while (v[i] < pivot)
                i++;
            while (v[j] > pivot)
                j--;
            if (i <= j)
            {
                swap(v, i, j);
                i++;
                j--;
            }
        }

        if (k <= j)
            hi = j;
        else if (k >= i)
            lo = i;
        else
            return;
    }
}
