/* The bootstrap generator: splitmix64 streams keyed by (seed, stream). */

#include "stats_impl.h"

#define WC_SPLITMIX_GAMMA UINT64_C(0x9e3779b97f4a7c15)

/* The splitmix64 output function, a bijection of 64-bit words with good
   avalanche (every input bit changes each output bit with probability
   close to 1/2). */
static uint64_t
mix64(uint64_t z)
{
    z = (z ^ (z >> 30)) * UINT64_C(0xbf58476d1ce4e5b9);
    z = (z ^ (z >> 27)) * UINT64_C(0x94d049bb133111eb);
    return z ^ (z >> 31);
}

void
_wc_stats_rng_init(wc_stats_rng_struct * r, ulong seed, ulong stream)
{
    /* Hashing twice keeps nearby (seed, stream) pairs apart; the streams
       are then 2^64-periodic walks from unrelated starting points, and two
       walks of length L overlap with probability about 2 L / 2^64. */
    r->state = mix64(mix64((uint64_t) seed + WC_SPLITMIX_GAMMA)
                     ^ ((uint64_t) stream * UINT64_C(0xd1b54a32d192ed03)));
}

uint64_t
_wc_stats_rng_next(wc_stats_rng_struct * r)
{
    r->state += WC_SPLITMIX_GAMMA;
    return mix64(r->state);
}

void
_wc_stats_mul_64x64_portable(uint64_t * hi, uint64_t * lo, uint64_t a,
                             uint64_t b)
{
    uint64_t a0 = a & 0xffffffffu, a1 = a >> 32;
    uint64_t b0 = b & 0xffffffffu, b1 = b >> 32;
    uint64_t p00 = a0 * b0, p01 = a0 * b1, p10 = a1 * b0, p11 = a1 * b1;
    uint64_t mid = (p00 >> 32) + (p01 & 0xffffffffu) + (p10 & 0xffffffffu);

    *hi = p11 + (p01 >> 32) + (p10 >> 32) + (mid >> 32);
    *lo = (mid << 32) | (p00 & 0xffffffffu);
}

/* The full 128-bit product a * b; the same result with or without
   compiler support for 128-bit integers, so bootstrap intervals agree
   across platforms. */
static void
mul_64x64(uint64_t * hi, uint64_t * lo, uint64_t a, uint64_t b)
{
#if defined(__SIZEOF_INT128__)
    __extension__ unsigned __int128 p = (unsigned __int128) a * b;

    *hi = (uint64_t) (p >> 64);
    *lo = (uint64_t) p;
#else
    _wc_stats_mul_64x64_portable(hi, lo, a, b);
#endif
}

uint64_t
_wc_stats_rng_below(wc_stats_rng_struct * r, uint64_t n)
{
    /* Lemire's multiply-and-shift (2019): the high word of x * n is
       uniform on [0, n) once the draws whose low word falls below
       2^64 mod n are rejected; the division computing that threshold is
       only needed when the low word is small, which is rare. */
    uint64_t hi, lo, threshold;

    mul_64x64(&hi, &lo, _wc_stats_rng_next(r), n);
    if (lo < n)
    {
        threshold = (0 - n) % n;
        while (lo < threshold)
            mul_64x64(&hi, &lo, _wc_stats_rng_next(r), n);
    }
    return hi;
}
