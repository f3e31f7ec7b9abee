/* rng: a counter-based generator (Philox4x32-10, Salmon, Moraes, Dror and
   Shaw 2011) keyed so that every random number a Monte Carlo sample uses
   is a pure function of (seed, sample, stream, row, column).

   Consequences: the width-n network of a sample is the leading block of
   the width-2n network of the same sample (common random numbers across a
   width sweep), and results do not depend on the order in which entries
   are drawn, hence not on the number of threads.  doc/rng.md gives the
   counter layout, the normal transform and its accuracy. */

#ifndef WC_RNG_H
#define WC_RNG_H

#include <stdint.h>

#include "common.h"

#ifdef __cplusplus
extern "C" {
#endif

/* The Philox4x32 block function with the given number of rounds (10 is
   Philox4x32-10; 7 is the smallest count the authors found Crush-resistant
   and is offered for the published known-answer vectors).  out may alias
   ctr. */
void wc_philox4x32(uint32_t out[4], const uint32_t ctr[4],
                   const uint32_t key[2], int rounds);

/* Streams: which family of random numbers a counter belongs to.  The
   32-bit stream word is kind * 2^24 + index, where index is a layer
   (1..H) or a probe number. */
#define WC_RNG_WEIGHT 1     /* W^l, index l; row = neuron of layer l */
#define WC_RNG_BIAS 2       /* b^l, index l; row 0, column = neuron */
#define WC_RNG_OUTPUT 3     /* V, index 0; row 0, column = neuron */
#define WC_RNG_PROBE 4      /* Rademacher probe vectors */
#define WC_RNG_START 5      /* Lanczos start vectors */
#define WC_RNG_USER 16      /* first kind free for other uses */

#define WC_RNG_MAX_INDEX ((UWORD(1) << 24) - 1)

/* Where a row of random numbers lives: seed (the Philox key), sample,
   stream and row.  Columns are the position inside the row. */
typedef struct
{
    uint64_t seed;
    uint32_t sample;
    uint32_t stream;
    uint32_t row;
}
wc_rng_row_struct;

uint32_t wc_rng_stream(uint32_t kind, uint32_t index);

/* The N(0,1) deviate at column col of the row: pure function of
   (seed, sample, stream, row, col).  Columns 2k and 2k+1 come from one
   Philox call (counter (k, row, stream, sample), key seed) through the
   Box-Muller transform of doc/rng.md: the cosine branch gives column 2k,
   the sine branch column 2k+1. */
double wc_rng_normal(const wc_rng_row_struct * r, uint64_t col);

/* out[j] = wc_rng_normal(r, col + j) for 0 <= j < len, bit for bit, but
   vectorised (AVX-512 or AVX2 when the processor has them; the result is
   the same on every path because no operation is fused or reordered).
   out must not overlap anything else. */
void wc_rng_normal_row(double * out, const wc_rng_row_struct * r,
                       uint64_t col, slong len);

/* Uniform on (0, 1]: 1 - k 2^-52 with k the top 52 bits of the first
   64-bit word (out0 + 2^32 out1) of the Philox output for counter (col,
   row, stream, sample). */
double wc_rng_uniform(const wc_rng_row_struct * r, uint64_t col);

/* Rademacher signs (+1 or -1 with probability 1/2 each): column col takes
   bit (col mod 128) of the Philox output for counter (col / 128, row,
   stream, sample). */
double wc_rng_sign(const wc_rng_row_struct * r, uint64_t col);
void wc_rng_sign_row(double * out, const wc_rng_row_struct * r,
                     uint64_t col, slong len);

/* The transforms on their own, for tests: the Box-Muller pair from two
   64-bit words, and the polynomial logarithm and sine/cosine it uses
   (accuracy in doc/rng.md). */
void wc_rng_box_muller(double * z0, double * z1, uint64_t a, uint64_t b);
double wc_rng_log(double u);
void wc_rng_sincos_2pi(double * s, double * c, double u);

/* The normals of columns 2 c0 .. 2 (c0 + npairs) - 1 by one code path:
   0 scalar, 1 the portable vector path, 2 AVX2, 3 AVX-512.  Returns 0
   (and writes nothing) when this processor or build lacks the path.  For
   tests that every path gives the same bits. */
int _wc_rng_normal_pairs_path(double * out, const wc_rng_row_struct * r,
                              uint32_t c0, slong npairs, int path);

#ifdef __cplusplus
}
#endif

#endif
