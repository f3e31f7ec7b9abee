/* Internal to the exact engines: the set partitions of the Moebius sums
   over cumulant groups, shared by src/exact/linear*.c, onelayer*.c and
   deeppoly*.c. */

#ifndef WC_EXACT_PARTITION_H
#define WC_EXACT_PARTITION_H

#include <flint/fmpq.h>

/* The Bell number B_g (the number of set partitions of g elements) as a
   double: exact while it stays below 2^53, an estimate beyond, HUGE_VAL
   for g > 62.  The engines only compare it with work bounds. */
double _wc_exact_bell(slong g);

/* Set partitions of 0..g-1 as restricted growth strings: a[0] = 0 and
   a[i] <= 1 + max(a[0..i-1]), a[i] the block of element i.  first sets
   the one-block partition; next steps to the following one in
   lexicographic order and returns 0 after the last (each element in its
   own block). */
void _wc_exact_partition_first(slong * a, slong g);
int _wc_exact_partition_next(slong * a, slong g);

/* The number of blocks of a. */
slong _wc_exact_partition_blocks(const slong * a, slong g);

/* mu = (-1)^(b-1) (b-1)!, the Moebius function mu(pi, 1) of the partition
   lattice for a partition pi with b >= 1 blocks: the weight of pi in the
   joint cumulant as a sum of products of moments. */
void _wc_exact_moebius(fmpq_t mu, slong b);

#endif
