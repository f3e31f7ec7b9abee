/* The normal transform against MPFR, and the vectorised row generator
   against the scalar one.

   Error bounds (doc/rng.md derives them; u = 2^-53):
     log of u1 in [2^-52, 1]:      relative error <= 5u;
     sin and cos of 2 pi u2:       relative error <= 5u;
     Box-Muller deviate:           relative error <= 9u
   against the exact transform of the same discrete uniforms, computed
   here with MPFR at 200 bits.  The row generator must agree with the
   single-entry function bit for bit (same operations on every path), and
   a row of length n must be the prefix of the row of length 2n. */

#include <math.h>
#include <string.h>
#include <mpfr.h>

#include "testutil.h"
#include "weakcorr/rng.h"

#define U 0x1p-53

static double
rel_err(double x, const mpfr_t exact)
{
    mpfr_t d;
    double r;

    mpfr_init2(d, 200);
    mpfr_sub_d(d, exact, x, MPFR_RNDN);
    mpfr_div(d, d, exact, MPFR_RNDN);
    r = fabs(mpfr_get_d(d, MPFR_RNDN));
    mpfr_clear(d);
    return r;
}

static uint64_t
rand64(wc_test_t t)
{
    return ((uint64_t) n_randlimb(t->state) << 32)
           ^ (uint64_t) n_randlimb(t->state);
}

int
main(void)
{
    wc_test_t t;
    mpfr_t x, y, pi2, c, s;
    slong iter, trials;
    double worst_log = 0, worst_trig = 0, worst_z = 0;

    wc_test_init(t, "t-transform");
    mpfr_inits2(200, x, y, pi2, c, s, (mpfr_ptr) 0);
    mpfr_const_pi(pi2, MPFR_RNDN);
    mpfr_mul_2ui(pi2, pi2, 1, MPFR_RNDN);

    trials = wc_test_trials(t, 20000);
    for (iter = 0; iter < trials; iter++)
    {
        uint64_t a = rand64(t), b = rand64(t);
        double u1, u2, lg, sn, cs, z0, z1, e;

        /* Near 1, near 0 and at the ends as well as uniformly. */
        if (iter % 8 == 1)
            a = (a >> 40) << 12;
        else if (iter % 8 == 2)
            a = ~((a >> 40) << 12);
        else if (iter == 3)
            a = 0;
        else if (iter == 4)
            a = ~UINT64_C(0);
        if (iter % 16 == 5)
            b = (b >> 60) << 60;   /* multiples of 1/16: exact zeros */

        u1 = 1.0 - (double) (a >> 12) * 0x1p-52;
        u2 = (double) (b >> 12) * 0x1p-52;

        lg = wc_rng_log(u1);
        mpfr_set_d(x, u1, MPFR_RNDN);
        mpfr_log(y, x, MPFR_RNDN);
        if (u1 == 1.0)
            WC_CHECK(t, lg == 0.0, "log(1) = %g", lg);
        else
        {
            e = rel_err(lg, y);
            worst_log = FLINT_MAX(worst_log, e);
            WC_CHECK(t, e <= 5 * U, "log(%.17g): error %g u", u1, e / U);
        }

        wc_rng_sincos_2pi(&sn, &cs, u2);
        mpfr_mul_d(x, pi2, u2, MPFR_RNDN);
        mpfr_sin_cos(s, c, x, MPFR_RNDN);
        if (fmod(4 * u2, 1.0) == 0.0)
        {
            /* Quarter turns are exact: 0 or +-1 (MPFR's values differ
               from those by its 200-bit rounding of pi only). */
            WC_CHECK(t, fabs(sn - mpfr_get_d(s, MPFR_RNDN)) < 1e-50
                     && fabs(cs - mpfr_get_d(c, MPFR_RNDN)) < 1e-50
                     && (sn == 0 || fabs(sn) == 1)
                     && (cs == 0 || fabs(cs) == 1),
                     "sincos at quarter turn %g: %g %g", u2, sn, cs);
        }
        else
        {
            e = FLINT_MAX(rel_err(sn, s), rel_err(cs, c));
            worst_trig = FLINT_MAX(worst_trig, e);
            WC_CHECK(t, e <= 5 * U, "sincos(2 pi %.17g): error %g u", u2,
                     e / U);
        }

        wc_rng_box_muller(&z0, &z1, a, b);
        if (u1 != 1.0 && fmod(4 * u2, 1.0) != 0.0)
        {
            /* exact R = sqrt(-2 log u1) */
            mpfr_set_d(x, u1, MPFR_RNDN);
            mpfr_log(y, x, MPFR_RNDN);
            mpfr_mul_si(y, y, -2, MPFR_RNDN);
            mpfr_sqrt(y, y, MPFR_RNDN);
            mpfr_mul(c, c, y, MPFR_RNDN);
            mpfr_mul(s, s, y, MPFR_RNDN);
            e = FLINT_MAX(rel_err(z0, c), rel_err(z1, s));
            worst_z = FLINT_MAX(worst_z, e);
            WC_CHECK(t, e <= 9 * U, "Box-Muller(%llx, %llx): error %g u",
                     (unsigned long long) a, (unsigned long long) b, e / U);
        }
    }
    printf("worst relative errors in units of 2^-53: log %.2f, "
           "sincos %.2f, Box-Muller %.2f\n", worst_log / U, worst_trig / U,
           worst_z / U);

    /* Row generator against single entries, bit for bit, with odd and
       even starts and every length up to 70; then the nested property. */
    trials = wc_test_trials(t, 300);
    for (iter = 0; iter < trials; iter++)
    {
        wc_rng_row_struct r;
        double row[200], big[400];
        slong len = (iter < 71) ? iter : wc_test_randint(t, 0, 199), j;
        uint64_t col = (iter % 3 == 0) ? 0 : (uint64_t) wc_test_randint(t,
                       0, 1000000);
        int ok = 1;

        if (iter % 7 == 6)
            col = UINT64_C(0x1FFFFFFF0) - (uint64_t) (iter % 5);
        r.seed = rand64(t);
        r.sample = (uint32_t) n_randlimb(t->state);
        r.stream = wc_rng_stream(WC_RNG_WEIGHT, (uint32_t) iter);
        r.row = (uint32_t) n_randlimb(t->state);

        wc_rng_normal_row(row, &r, col, len);
        for (j = 0; j < len; j++)
            if (memcmp(row + j, &(double){wc_rng_normal(&r, col + j)},
                       sizeof(double)) != 0)
                ok = 0;
        WC_CHECK(t, ok, "row from column %llu, length %ld differs from "
                 "single entries", (unsigned long long) col, (long) len);

        wc_rng_normal_row(big, &r, col, 2 * len);
        WC_CHECK(t, memcmp(big, row, len * sizeof(double)) == 0,
                 "row of length %ld is not the prefix of length %ld",
                 (long) len, (long) (2 * len));

        wc_rng_sign_row(row, &r, col, len);
        for (j = 0; j < len; j++)
            if (row[j] != wc_rng_sign(&r, col + j))
                ok = 0;
        WC_CHECK(t, ok, "sign row from column %llu, length %ld",
                 (unsigned long long) col, (long) len);
    }

    /* Every code path this processor has, against the scalar one. */
    {
        wc_rng_row_struct r;
        double ref[2 * 203], got[2 * 203];
        int path, npaths = 0;

        r.seed = rand64(t);
        r.sample = 3;
        r.stream = wc_rng_stream(WC_RNG_BIAS, 1);
        r.row = 0;
        _wc_rng_normal_pairs_path(ref, &r, 0xFFFFFFC0u, 203, 0);
        for (path = 1; path <= 3; path++)
            if (_wc_rng_normal_pairs_path(got, &r, 0xFFFFFFC0u, 203, path))
            {
                npaths++;
                WC_CHECK(t, memcmp(got, ref, sizeof(ref)) == 0,
                         "vector path %d differs from the scalar path",
                         path);
            }
        printf("vector paths compared with the scalar one: %d\n", npaths);
    }

    mpfr_clears(x, y, pi2, c, s, (mpfr_ptr) 0);
    mpfr_free_cache();
    return wc_test_finish(t);
}
