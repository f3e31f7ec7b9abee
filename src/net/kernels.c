/* The inner loops of every pass over a weight matrix: one row against
   several Taylor coefficients at once (dot products forward, axpys
   backward), so that the row is read from memory once.

   Summation order is fixed independently of the instruction set: eight
   interleaved partial sums (lane j takes the terms with index = j mod 8),
   added pairwise at the end, then the tail.  With vector extensions each
   lane is one SIMD lane; the portable version does the same lane by lane;
   no multiply-add is fused.  So every build on every x86-64 processor
   gives the same bits.  The relative error of a dot product of length n
   is at most (n/8 + 3) 2^-53 times the sum of |row_j h_j| (Higham 2002,
   eq. 3.5, for the eight partial sums and the three pairwise levels). */

#include <string.h>

#include "weakcorr/net.h"

/* Clang contracts a * b + c by default; GCC is told per function below. */
#if defined(__clang__)
#pragma STDC FP_CONTRACT OFF
#endif

#if defined(__GNUC__) && !defined(__clang__) && defined(__x86_64__) \
    && defined(__linux__)
#define WC_KERNEL_ATTR \
    __attribute__((target_clones("arch=x86-64-v4", "avx2", "default"), \
                   optimize("fp-contract=off")))
#elif defined(__GNUC__) && !defined(__clang__)
#define WC_KERNEL_ATTR __attribute__((optimize("fp-contract=off")))
#else
#define WC_KERNEL_ATTR
#endif

#if defined(__GNUC__)

typedef double v8d __attribute__((vector_size(64)));

/* Macros rather than functions: a 64-byte vector passed by value would
   depend on the instruction set's calling convention. */
#define LOAD8(v, p) memcpy(&(v), (p), sizeof(v8d))
#define REDUCE8(a) \
    ((((a)[0] + (a)[1]) + ((a)[2] + (a)[3])) \
     + (((a)[4] + (a)[5]) + ((a)[6] + (a)[7])))

#define CBLOCK 4

WC_KERNEL_ATTR void
_wc_net_dots(double * out, const double * row, const double * h, slong ld,
             slong n, slong B)
{
    slong c0, c, j, n8 = n - n % 8;

    for (c0 = 0; c0 < B; c0 += CBLOCK)
    {
        slong nb = FLINT_MIN(CBLOCK, B - c0);
        v8d acc[CBLOCK];
        double tail[CBLOCK];

        for (c = 0; c < nb; c++)
        {
            acc[c] = (v8d) {0, 0, 0, 0, 0, 0, 0, 0};
            tail[c] = 0;
        }
        for (j = 0; j < n8; j += 8)
        {
            v8d r, x;

            LOAD8(r, row + j);
            for (c = 0; c < nb; c++)
            {
                LOAD8(x, h + (c0 + c) * ld + j);
                acc[c] += r * x;
            }
        }
        for (c = 0; c < nb; c++)
        {
            for (j = n8; j < n; j++)
                tail[c] += row[j] * h[(c0 + c) * ld + j];
            out[c0 + c] += REDUCE8(acc[c]) + tail[c];
        }
    }
}

WC_KERNEL_ATTR void
_wc_net_axpys(double * y, slong ld, const double * a, const double * row,
              slong n, slong B)
{
    slong c, j, n8 = n - n % 8;

    for (c = 0; c < B; c++)
    {
        double * yc = y + c * ld;
        double ac = a[c];
        v8d av = {ac, ac, ac, ac, ac, ac, ac, ac};

        if (ac == 0)
            continue;
        for (j = 0; j < n8; j += 8)
        {
            v8d v, r;

            LOAD8(v, yc + j);
            LOAD8(r, row + j);
            v += av * r;
            memcpy(yc + j, &v, sizeof(v));
        }
        for (j = n8; j < n; j++)
            yc[j] += ac * row[j];
    }
}

#else

/* The same arithmetic, lane by lane. */
void
_wc_net_dots(double * out, const double * row, const double * h, slong ld,
             slong n, slong B)
{
    slong c, j, k, n8 = n - n % 8;

    for (c = 0; c < B; c++)
    {
        double acc[8] = {0, 0, 0, 0, 0, 0, 0, 0}, tail = 0;
        const double * hc = h + c * ld;

        for (j = 0; j < n8; j += 8)
            for (k = 0; k < 8; k++)
                acc[k] += row[j + k] * hc[j + k];
        for (j = n8; j < n; j++)
            tail += row[j] * hc[j];
        out[c] += (((acc[0] + acc[1]) + (acc[2] + acc[3]))
                   + ((acc[4] + acc[5]) + (acc[6] + acc[7]))) + tail;
    }
}

void
_wc_net_axpys(double * y, slong ld, const double * a, const double * row,
              slong n, slong B)
{
    slong c, j;

    for (c = 0; c < B; c++)
        if (a[c] != 0)
            for (j = 0; j < n; j++)
                y[c * ld + j] += a[c] * row[j];
}

#endif
