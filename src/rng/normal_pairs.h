/* Template for the vectorised normal generator, included by normal.c once
   per instruction set with these macros defined:
     PAIRS_NAME              the function's name
     PAIRS_TARGET            its target attribute (or nothing)
     PV_U, PV_D              vector types of PV_LANES 64-bit lanes
                             (uint64_t and double)
     PV_PV_SPLAT(x), PV_IOTA    initialisers: all lanes x; 0, 1, 2, ...
     PAIRS_MUL32(a, b)       lane-wise product of the low 32 bits of a
                             and b, as 64-bit lanes
     PAIRS_SQRT(a)           lane-wise correctly rounded square root
   The operations are those of log_scalar, sincos_scalar and
   wc_rng_box_muller in normal.c, in the same order, so that every path
   gives the same bits. */

PAIRS_TARGET WC_NO_FMA static void
PAIRS_NAME(double * out, const wc_rng_row_struct * r, uint32_t c0,
           slong nblocks)
{
    const PV_U m0 = PV_SPLAT(PHILOX_M0), m1 = PV_SPLAT(PHILOX_M1);
    const PV_U lo32 = PV_SPLAT(UINT64_C(0xFFFFFFFF));
    const PV_U one = PV_SPLAT(ONE_BITS), two52 = PV_SPLAT(TWO52_BITS);
    const PV_U mant_mask = PV_SPLAT(MANT);
    const PV_U sqrt2 = PV_SPLAT(SQRT2_MANT);
    const PV_U lanes = PV_IOTA;
    const PV_U x1_0 = PV_SPLAT((uint64_t) r->row);
    const PV_U x2_0 = PV_SPLAT((uint64_t) r->stream);
    const PV_U x3_0 = PV_SPLAT((uint64_t) r->sample);
    slong blk;

    for (blk = 0; blk < nblocks; blk++)
    {
        PV_U x0, x1 = x1_0, x2 = x2_0, x3 = x3_0, a, b, t, q, qi, swap;
        PV_U bits, ex, mant, sb, cb, s_out, c_out;
        uint32_t k0 = (uint32_t) r->seed, k1 = (uint32_t) (r->seed >> 32);
        PV_D m, e, f, s, w, rr, logm, u1, r2, rt, u, x, xx, ps, pc, z0, z1;
        int round, j;

        x0 = (lanes + (uint64_t) (uint32_t) (c0 + PV_LANES * (uint32_t) blk))
             & lo32;

        for (round = 0; round < 10; round++)
        {
            PV_U p0, p1;

            p0 = PAIRS_MUL32(x0, m0);
            p1 = PAIRS_MUL32(x2, m1);
            if (round > 0)
            {
                k0 += PHILOX_W0;
                k1 += PHILOX_W1;
            }
            x0 = (p1 >> 32) ^ x1 ^ (uint64_t) k0;
            x1 = p1 & lo32;
            x2 = (p0 >> 32) ^ x3 ^ (uint64_t) k1;
            x3 = p0 & lo32;
        }
        a = x0 | (x1 << 32);
        b = x2 | (x3 << 32);

        /* u1 and its logarithm. */
        u1 = 1.0 - ((PV_D) ((a >> 12) | one) - 1.0);
        bits = (PV_U) u1;
        ex = bits >> 52;
        mant = bits & mant_mask;
        /* 1 when mant >= sqrt2: the difference wraps below it. */
        t = ((mant - sqrt2) >> 63) ^ 1;
        m = (PV_D) (mant | ((1023 - t) << 52));
        /* ex + t - 1023 as an exact double: the integer ex + t + 1024 is
           small, so the 2^52 bias trick converts it exactly. */
        e = ((PV_D) ((ex + t + 1024) | two52) - 0x1p52) - 2047.0;
        f = m - 1.0;
        s = f / (2.0 + f);
        w = s * s;
        rr = w * (LC1 + w * (LC2 + w * (LC3 + w * (LC4 + w * (LC5
             + w * (LC6 + w * (LC7 + w * (LC8 + w * (LC9
             + w * LC10)))))))));
        logm = 2.0 * s + s * rr;
        r2 = -2.0 * (e * LN2_HI + (e * LN2_LO + logm));
        rt = PAIRS_SQRT(r2);

        /* sin and cos of 2 pi u2. */
        b = b >> 12;
        q = (b + (UINT64_C(1) << 49)) >> 50;
        u = (PV_D) (b | one) - 1.0;
        x = (u - 0.25 * ((PV_D) (q | two52) - 0x1p52)) * TWOPI;
        xx = x * x;
        ps = SC1 + xx * (SC2 + xx * (SC3 + xx * (SC4 + xx * (SC5
             + xx * (SC6 + xx * (SC7 + xx * SC8))))));
        pc = CC1 + xx * (CC2 + xx * (CC3 + xx * (CC4 + xx * (CC5
             + xx * (CC6 + xx * (CC7 + xx * (CC8 + xx * CC9)))))));
        sb = (PV_U) (x + x * (xx * ps));
        cb = (PV_U) (1.0 + xx * pc);
        qi = q & 3;
        swap = 0 - (qi & 1);
        s_out = (swap & cb) | (~swap & sb);
        c_out = (swap & sb) | (~swap & cb);
        s_out ^= (qi >> 1) << 63;
        c_out ^= (((qi + 1) >> 1) & 1) << 63;

        z0 = rt * (PV_D) c_out;
        z1 = rt * (PV_D) s_out;
        for (j = 0; j < PV_LANES; j++)
        {
            out[2 * PV_LANES * blk + 2 * j] = z0[j];
            out[2 * PV_LANES * blk + 2 * j + 1] = z1[j];
        }
    }
}

#undef PAIRS_NAME
#undef PAIRS_TARGET
#undef PAIRS_MUL32
#undef PAIRS_SQRT
#undef PV_U
#undef PV_D
#undef PV_LANES
#undef PV_SPLAT
#undef PV_IOTA
