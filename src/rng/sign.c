/* Rademacher signs: 128 of them per Philox4x32-10 call. */

#include "weakcorr/rng.h"

static void
sign_block(uint32_t out[4], const wc_rng_row_struct * r, uint64_t block)
{
    uint32_t ctr[4], key[2];

    ctr[0] = (uint32_t) block;
    ctr[1] = r->row;
    ctr[2] = r->stream;
    ctr[3] = r->sample;
    key[0] = (uint32_t) r->seed;
    key[1] = (uint32_t) (r->seed >> 32);
    wc_philox4x32(out, ctr, key, 10);
}

double
wc_rng_sign(const wc_rng_row_struct * r, uint64_t col)
{
    uint32_t out[4];
    unsigned bit = (unsigned) (col & 127);

    sign_block(out, r, col >> 7);
    return ((out[bit >> 5] >> (bit & 31)) & 1) ? -1.0 : 1.0;
}

void
wc_rng_sign_row(double * out, const wc_rng_row_struct * r, uint64_t col,
                slong len)
{
    uint32_t words[4];
    uint64_t block = UINT64_MAX;
    slong j;

    for (j = 0; j < len; j++)
    {
        uint64_t c = col + (uint64_t) j;
        unsigned bit = (unsigned) (c & 127);

        if ((c >> 7) != block)
        {
            block = c >> 7;
            sign_block(words, r, block);
        }
        out[j] = ((words[bit >> 5] >> (bit & 31)) & 1) ? -1.0 : 1.0;
    }
}
