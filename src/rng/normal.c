/* Normal deviates: Philox4x32-10 words through the Box-Muller transform,
   with a polynomial logarithm and sine/cosine written out here so that
   the scalar and the vectorised paths perform the same IEEE operations in
   the same order and agree bit for bit (doc/rng.md, "Accuracy").

   Counter (k, row, stream, sample), key (seed mod 2^32, seed / 2^32):
   words a = out0 + 2^32 out1 and b = out2 + 2^32 out3 give
       u1 = 1 - floor(a / 2^12) 2^-52   in [2^-52, 1]   (never 0),
       u2 = floor(b / 2^12) 2^-52       in [0, 1),
   and columns 2k, 2k+1 are sqrt(-2 log u1) (cos, sin)(2 pi u2). */

#include <math.h>
#include <string.h>

#include "weakcorr/rng.h"

#if defined(__GNUC__) && defined(__x86_64__)
#define WC_RNG_X86 1
#include <immintrin.h>
#else
#define WC_RNG_X86 0
#endif

/* No fused multiply-add anywhere in this file: fusing would make the
   vectorised paths round differently from the scalar one. */
#if defined(__GNUC__) && !defined(__clang__)
#define WC_NO_FMA __attribute__((optimize("fp-contract=off")))
#else
#define WC_NO_FMA
#endif
#if defined(__clang__)
#pragma STDC FP_CONTRACT OFF
#endif

#define PHILOX_M0 UINT64_C(0xD2511F53)
#define PHILOX_M1 UINT64_C(0xCD9E8D57)
#define PHILOX_W0 UINT32_C(0x9E3779B9)
#define PHILOX_W1 UINT32_C(0xBB67AE85)

#define MANT UINT64_C(0x000FFFFFFFFFFFFF)
#define ONE_BITS UINT64_C(0x3FF0000000000000)
#define TWO52_BITS UINT64_C(0x4330000000000000)
#define SQRT2_MANT UINT64_C(0x6A09E667F3BCD)
#define LN2_HI 0x1.62e42fee00000p-1
#define LN2_LO 0x1.a39ef35793c76p-33
#define TWOPI 0x1.921fb54442d18p+2

/* log(m) = 2 atanh(s) = 2 (s + s^3/3 + s^5/5 + ...), s = (m-1)/(m+1),
   |s| <= 3 - 2 sqrt 2 < 0.1716: the terms after s^21 are below 2^-60
   relative to the sum. */
#define LC1 (2.0 / 3.0)
#define LC2 (2.0 / 5.0)
#define LC3 (2.0 / 7.0)
#define LC4 (2.0 / 9.0)
#define LC5 (2.0 / 11.0)
#define LC6 (2.0 / 13.0)
#define LC7 (2.0 / 15.0)
#define LC8 (2.0 / 17.0)
#define LC9 (2.0 / 19.0)
#define LC10 (2.0 / 21.0)

/* Taylor coefficients of sin and cos on |x| <= pi/4; the first omitted
   terms are below 2^-62 relative. */
#define SC1 (-1.0 / 6.0)
#define SC2 (1.0 / 120.0)
#define SC3 (-1.0 / 5040.0)
#define SC4 (1.0 / 362880.0)
#define SC5 (-1.0 / 39916800.0)
#define SC6 (1.0 / 6227020800.0)
#define SC7 (-1.0 / 1307674368000.0)
#define SC8 (1.0 / 355687428096000.0)
#define CC1 (-1.0 / 2.0)
#define CC2 (1.0 / 24.0)
#define CC3 (-1.0 / 720.0)
#define CC4 (1.0 / 40320.0)
#define CC5 (-1.0 / 3628800.0)
#define CC6 (1.0 / 479001600.0)
#define CC7 (-1.0 / 87178291200.0)
#define CC8 (1.0 / 20922789888000.0)
#define CC9 (-1.0 / 6402373705728000.0)

static double
from_bits(uint64_t b)
{
    double d;

    memcpy(&d, &b, sizeof(d));
    return d;
}

static uint64_t
to_bits(double d)
{
    uint64_t b;

    memcpy(&b, &d, sizeof(b));
    return b;
}

/* ------------------------------------------------------------------ */
/* Scalar path. */

WC_NO_FMA static double
log_scalar(double u)
{
    uint64_t bits = to_bits(u);
    uint64_t ex = bits >> 52, mant = bits & MANT;
    uint64_t t = (mant >= SQRT2_MANT);
    double m = from_bits(mant | ((UINT64_C(1023) - t) << 52));
    double e = (double) ((int64_t) (ex + t) - 1023);
    double f = m - 1.0;
    double s = f / (2.0 + f);
    double w = s * s;
    double r = w * (LC1 + w * (LC2 + w * (LC3 + w * (LC4 + w * (LC5
               + w * (LC6 + w * (LC7 + w * (LC8 + w * (LC9
               + w * LC10)))))))));
    double logm = 2.0 * s + s * r;

    return e * LN2_HI + (e * LN2_LO + logm);
}

WC_NO_FMA static void
sincos_scalar(double * sn, double * cs, uint64_t kb)
{
    uint64_t q = (kb + (UINT64_C(1) << 49)) >> 50;
    double u = from_bits(kb | ONE_BITS) - 1.0;
    double x = (u - 0.25 * (double) q) * TWOPI;
    double x2 = x * x;
    double ps = SC1 + x2 * (SC2 + x2 * (SC3 + x2 * (SC4 + x2 * (SC5
                + x2 * (SC6 + x2 * (SC7 + x2 * SC8))))));
    double pc = CC1 + x2 * (CC2 + x2 * (CC3 + x2 * (CC4 + x2 * (CC5
                + x2 * (CC6 + x2 * (CC7 + x2 * (CC8 + x2 * CC9)))))));
    uint64_t sb = to_bits(x + x * (x2 * ps));
    uint64_t cb = to_bits(1.0 + x2 * pc);
    uint64_t qi = q & 3, swap = UINT64_C(0) - (qi & 1);
    uint64_t s_out = (swap & cb) | (~swap & sb);
    uint64_t c_out = (swap & sb) | (~swap & cb);

    s_out ^= (qi >> 1) << 63;
    c_out ^= (((qi + 1) >> 1) & 1) << 63;
    *sn = from_bits(s_out);
    *cs = from_bits(c_out);
}

double
wc_rng_log(double u)
{
    return log_scalar(u);
}

void
wc_rng_sincos_2pi(double * s, double * c, double u)
{
    sincos_scalar(s, c, (uint64_t) (u * 0x1p52));
}

WC_NO_FMA void
wc_rng_box_muller(double * z0, double * z1, uint64_t a, uint64_t b)
{
    double u1 = 1.0 - (from_bits((a >> 12) | ONE_BITS) - 1.0);
    double r = sqrt(-2.0 * log_scalar(u1));
    double sn, cs;

    sincos_scalar(&sn, &cs, b >> 12);
    *z0 = r * cs;
    *z1 = r * sn;
}

static void
philox_words(uint64_t * a, uint64_t * b, const wc_rng_row_struct * r,
             uint32_t c0)
{
    uint32_t ctr[4], key[2], out[4];

    ctr[0] = c0;
    ctr[1] = r->row;
    ctr[2] = r->stream;
    ctr[3] = r->sample;
    key[0] = (uint32_t) r->seed;
    key[1] = (uint32_t) (r->seed >> 32);
    wc_philox4x32(out, ctr, key, 10);
    *a = out[0] | ((uint64_t) out[1] << 32);
    *b = out[2] | ((uint64_t) out[3] << 32);
}

double
wc_rng_normal(const wc_rng_row_struct * r, uint64_t col)
{
    uint64_t a, b;
    double z0, z1;

    philox_words(&a, &b, r, (uint32_t) (col >> 1));
    wc_rng_box_muller(&z0, &z1, a, b);
    return (col & 1) ? z1 : z0;
}

double
wc_rng_uniform(const wc_rng_row_struct * r, uint64_t col)
{
    uint64_t a, b;

    philox_words(&a, &b, r, (uint32_t) col);
    return 1.0 - (from_bits((a >> 12) | ONE_BITS) - 1.0);
}

/* ------------------------------------------------------------------ */
/* Vectorised path: eight counters at a time, the same operations lane by
   lane (GCC/Clang vector extensions), compiled once per instruction set
   from the template normal_pairs.h and chosen at run time. */

#if defined(__GNUC__)

typedef uint64_t v8u __attribute__((vector_size(64)));
typedef double v8d __attribute__((vector_size(64)));
typedef uint64_t v4u __attribute__((vector_size(32)));
typedef double v4d __attribute__((vector_size(32)));
typedef uint64_t v2u __attribute__((vector_size(16)));
typedef double v2d __attribute__((vector_size(16)));

/* Each path generates the column pairs c0 .. c0 + lanes * nblocks - 1;
   lanes is 8, 4 or 2. */
typedef void (*pairs_fn)(double *, const wc_rng_row_struct *, uint32_t,
                         slong);

#if WC_RNG_X86

/* AVX-512: one instruction each for the 32 x 32 -> 64-bit products and
   the square roots. */
#define PAIRS_NAME pairs_avx512
#define PAIRS_TARGET __attribute__((target("avx512f,avx512dq")))
#define PV_U v8u
#define PV_D v8d
#define PV_LANES 8
#define PV_SPLAT(x) {x, x, x, x, x, x, x, x}
#define PV_IOTA {0, 1, 2, 3, 4, 5, 6, 7}
#define PAIRS_MUL32(a, b) \
    ((v8u) _mm512_mul_epu32((__m512i) (a), (__m512i) (b)))
#define PAIRS_SQRT(a) ((v8d) _mm512_sqrt_pd((__m512d) (a)))
#include "normal_pairs.h"

#define PAIRS_NAME pairs_avx2
#define PAIRS_TARGET __attribute__((target("avx2")))
#define PV_U v4u
#define PV_D v4d
#define PV_LANES 4
#define PV_SPLAT(x) {x, x, x, x}
#define PV_IOTA {0, 1, 2, 3}
#define PAIRS_MUL32(a, b) \
    ((v4u) _mm256_mul_epu32((__m256i) (a), (__m256i) (b)))
#define PAIRS_SQRT(a) ((v4d) _mm256_sqrt_pd((__m256d) (a)))
#include "normal_pairs.h"

/* SSE2, which every x86-64 processor has. */
#define PAIRS_NAME pairs_generic
#define PAIRS_TARGET
#define PV_U v2u
#define PV_D v2d
#define PV_LANES 2
#define PV_SPLAT(x) {x, x}
#define PV_IOTA {0, 1}
#define PAIRS_MUL32(a, b) ((v2u) _mm_mul_epu32((__m128i) (a), (__m128i) (b)))
#define PAIRS_SQRT(a) ((v2d) _mm_sqrt_pd((__m128d) (a)))
#include "normal_pairs.h"

#define PAIRS_LANES(fn) \
    ((fn) == pairs_avx512 ? 8 : (fn) == pairs_avx2 ? 4 : 2)

#else

/* Elsewhere: plain 64-bit products (exact: both factors are below
   2^32) and the C library's correctly rounded square root. */
static inline v4d
sqrt_v4d(v4d a)
{
    v4d r = {sqrt(a[0]), sqrt(a[1]), sqrt(a[2]), sqrt(a[3])};

    return r;
}

#define PAIRS_NAME pairs_generic
#define PAIRS_TARGET
#define PV_U v4u
#define PV_D v4d
#define PV_LANES 4
#define PV_SPLAT(x) {x, x, x, x}
#define PV_IOTA {0, 1, 2, 3}
#define PAIRS_MUL32(a, b) ((a) * (b))
#define PAIRS_SQRT(a) sqrt_v4d(a)
#include "normal_pairs.h"

#define PAIRS_LANES(fn) 4

#endif

static pairs_fn
choose_pairs(void)
{
#if WC_RNG_X86
    __builtin_cpu_init();
    if (__builtin_cpu_supports("avx512f")
        && __builtin_cpu_supports("avx512dq"))
        return pairs_avx512;
    if (__builtin_cpu_supports("avx2"))
        return pairs_avx2;
#endif
    return pairs_generic;
}

#endif

/* Normals of columns 2 c0 .. 2 (c0 + npairs) - 1 into out, by the given
   vectorised path (NULL: none). */
static void
normal_pairs_with(double * out, const wc_rng_row_struct * r, uint32_t c0,
                  slong npairs, void * path)
{
    slong i = 0;

#if defined(__GNUC__)
    pairs_fn fn = (pairs_fn) path;

    if (fn != NULL)
    {
        slong lanes = PAIRS_LANES(fn), nblocks = npairs / lanes;

        if (nblocks > 0)
            fn(out, r, c0, nblocks);
        i = lanes * nblocks;
    }
#endif
    for (; i < npairs; i++)
    {
        uint64_t a, b;

        philox_words(&a, &b, r, c0 + (uint32_t) i);
        wc_rng_box_muller(out + 2 * i, out + 2 * i + 1, a, b);
    }
}

static void
normal_pairs(double * out, const wc_rng_row_struct * r, uint32_t c0,
             slong npairs)
{
#if defined(__GNUC__)
    normal_pairs_with(out, r, c0, npairs, (void *) choose_pairs());
#else
    normal_pairs_with(out, r, c0, npairs, NULL);
#endif
}

int
_wc_rng_normal_pairs_path(double * out, const wc_rng_row_struct * r,
                          uint32_t c0, slong npairs, int path)
{
    void * fn = NULL;

#if defined(__GNUC__)
    if (path == 1)
        fn = (void *) pairs_generic;
#if WC_RNG_X86
    if (path == 2)
    {
        __builtin_cpu_init();
        if (!__builtin_cpu_supports("avx2"))
            return 0;
        fn = (void *) pairs_avx2;
    }
    if (path == 3)
    {
        __builtin_cpu_init();
        if (!__builtin_cpu_supports("avx512f")
            || !__builtin_cpu_supports("avx512dq"))
            return 0;
        fn = (void *) pairs_avx512;
    }
#endif
    if (path >= 1 && fn == NULL)
        return 0;
#else
    if (path >= 1)
        return 0;
#endif
    normal_pairs_with(out, r, c0, npairs, fn);
    return 1;
}

void
wc_rng_normal_row(double * out, const wc_rng_row_struct * r, uint64_t col,
                  slong len)
{
    double edge[2];

    if (len <= 0)
        return;

    /* An odd first column is the sine half of its pair. */
    if (col & 1)
    {
        normal_pairs(edge, r, (uint32_t) (col >> 1), 1);
        out[0] = edge[1];
        out++;
        col++;
        len--;
    }
    if (len >= 2)
    {
        normal_pairs(out, r, (uint32_t) (col >> 1), len / 2);
        out += 2 * (len / 2);
        col += 2 * (uint64_t) (len / 2);
        len -= 2 * (len / 2);
    }
    if (len == 1)
    {
        normal_pairs(edge, r, (uint32_t) (col >> 1), 1);
        out[0] = edge[0];
    }
}
