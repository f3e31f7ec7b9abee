/* Philox4x32 against the known-answer vectors published with Random123
   (Salmon, Moraes, Dror and Shaw 2011; file tests/kat_vectors of the
   Random123 distribution): counter, key and output for 7 and 10 rounds.
   Also checks that wc_rng_normal and wc_rng_uniform read the documented
   counter layout. */

#include <math.h>
#include <string.h>

#include "testutil.h"
#include "weakcorr/rng.h"

typedef struct
{
    int rounds;
    uint32_t ctr[4];
    uint32_t key[2];
    uint32_t out[4];
}
kat_case;

static const kat_case kat[] =
{
    {7, {0, 0, 0, 0}, {0, 0},
     {0x5f6fb709, 0x0d893f64, 0x4f121f81, 0x4f730a48}},
    {7, {0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff},
     {0xffffffff, 0xffffffff},
     {0x5207ddc2, 0x45165e59, 0x4d8ee751, 0x8c52f662}},
    {7, {0x243f6a88, 0x85a308d3, 0x13198a2e, 0x03707344},
     {0xa4093822, 0x299f31d0},
     {0x4dfccaba, 0x190a87f0, 0xc47362ba, 0xb6b5242a}},
    {10, {0, 0, 0, 0}, {0, 0},
     {0x6627e8d5, 0xe169c58d, 0xbc57ac4c, 0x9b00dbd8}},
    {10, {0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff},
     {0xffffffff, 0xffffffff},
     {0x408f276d, 0x41c83b0e, 0xa20bc7c6, 0x6d5451fd}},
    {10, {0x243f6a88, 0x85a308d3, 0x13198a2e, 0x03707344},
     {0xa4093822, 0x299f31d0},
     {0xd16cfe09, 0x94fdcceb, 0x5001e420, 0x24126ea1}},
};

int
main(void)
{
    wc_test_t t;
    size_t i;

    wc_test_init(t, "t-philox");

    for (i = 0; i < sizeof(kat) / sizeof(kat[0]); i++)
    {
        uint32_t out[4], alias[4];

        wc_philox4x32(out, kat[i].ctr, kat[i].key, kat[i].rounds);
        WC_CHECK(t, memcmp(out, kat[i].out, sizeof(out)) == 0,
                 "philox4x32-%d case %d: got %08x %08x %08x %08x",
                 kat[i].rounds, (int) i, out[0], out[1], out[2], out[3]);
        memcpy(alias, kat[i].ctr, sizeof(alias));
        wc_philox4x32(alias, alias, kat[i].key, kat[i].rounds);
        WC_CHECK(t, memcmp(alias, kat[i].out, sizeof(out)) == 0,
                 "philox4x32-%d case %d with out aliasing ctr",
                 kat[i].rounds, (int) i);
    }

    /* The counter layout: (column pair, row, stream, sample) under the
       key (seed mod 2^32, seed / 2^32). */
    {
        wc_rng_row_struct r;
        uint32_t ctr[4], key[2], out[4];
        uint64_t a, b;
        double z0, z1;

        r.seed = UINT64_C(0x299f31d0a4093822);
        r.sample = 0x03707344;
        r.stream = 0x13198a2e;
        r.row = 0x85a308d3;
        ctr[0] = 0x243f6a88;
        ctr[1] = r.row;
        ctr[2] = r.stream;
        ctr[3] = r.sample;
        key[0] = 0xa4093822;
        key[1] = 0x299f31d0;
        wc_philox4x32(out, ctr, key, 10);
        a = out[0] | ((uint64_t) out[1] << 32);
        b = out[2] | ((uint64_t) out[3] << 32);
        wc_rng_box_muller(&z0, &z1, a, b);
        WC_CHECK(t, wc_rng_normal(&r, 2 * (uint64_t) 0x243f6a88) == z0
                 && wc_rng_normal(&r, 2 * (uint64_t) 0x243f6a88 + 1) == z1,
                 "normal counter layout");
        WC_CHECK(t, wc_rng_uniform(&r, 0x243f6a88)
                 == 1.0 - (double) (a >> 12) * 0x1p-52,
                 "uniform counter layout");
        WC_CHECK(t, wc_rng_stream(WC_RNG_WEIGHT, 3) == 0x01000003,
                 "stream word");
    }

    return wc_test_finish(t);
}
