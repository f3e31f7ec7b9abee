/* Philox4x32 (Salmon, Moraes, Dror and Shaw, "Parallel random numbers: as
   easy as 1, 2, 3", SC 2011, section 3.3): a Feistel-like network of
   32 x 32 -> 64-bit products, with the Weyl key schedule of the paper. */

#include "weakcorr/rng.h"

#define PHILOX_M0 UINT32_C(0xD2511F53)
#define PHILOX_M1 UINT32_C(0xCD9E8D57)
#define PHILOX_W0 UINT32_C(0x9E3779B9)
#define PHILOX_W1 UINT32_C(0xBB67AE85)

void
wc_philox4x32(uint32_t out[4], const uint32_t ctr[4], const uint32_t key[2],
              int rounds)
{
    uint32_t x0 = ctr[0], x1 = ctr[1], x2 = ctr[2], x3 = ctr[3];
    uint32_t k0 = key[0], k1 = key[1];
    int r;

    for (r = 0; r < rounds; r++)
    {
        uint64_t p0 = (uint64_t) PHILOX_M0 * x0;
        uint64_t p1 = (uint64_t) PHILOX_M1 * x2;

        /* The key is bumped between rounds, not before the first. */
        if (r > 0)
        {
            k0 += PHILOX_W0;
            k1 += PHILOX_W1;
        }
        x0 = (uint32_t) (p1 >> 32) ^ x1 ^ k0;
        x1 = (uint32_t) p1;
        x2 = (uint32_t) (p0 >> 32) ^ x3 ^ k1;
        x3 = (uint32_t) p0;
    }

    out[0] = x0;
    out[1] = x1;
    out[2] = x2;
    out[3] = x3;
}

uint32_t
wc_rng_stream(uint32_t kind, uint32_t index)
{
    return (kind << 24) | (index & WC_RNG_MAX_INDEX);
}
