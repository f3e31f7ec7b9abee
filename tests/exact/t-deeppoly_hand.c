/* The deep polynomial engine on cases derived by hand
   (doc/exact-deeppoly.md, "Hand-derived cases"), and its infinite-width
   limits against the kernel recursion of the gauss module. */

#include <string.h>

#include "testutil.h"

/* res = the engine's series for spec_text on net_text (NULL on failure,
   after recording the failure). */
static int
engine(wc_series_t res, wc_test_t t, const char * spec_text,
       const char * net_text)
{
    wc_spec_t spec;
    wc_net_t net;
    wc_exact_options_t opt;
    wc_error_t err;
    int ok;

    wc_spec_init(spec);
    wc_net_init(net);
    wc_exact_options_init(opt);
    wc_error_init(err);
    ok = wc_spec_parse(spec, spec_text, err) == WC_OK
         && wc_net_parse(net, net_text, err) == WC_OK
         && wc_exact_deeppoly(res, spec, net, opt, NULL, err) == WC_OK;
    WC_CHECK(t, ok, "%s | %s: %s", spec_text, net_text, err->msg);
    wc_net_clear(net);
    wc_spec_clear(spec);
    return ok;
}

/* Compares with the series given as "power:p/q" pairs. */
static void
expect(wc_test_t t, const char * spec_text, const char * net_text,
       slong npow, const slong * pow, const char * const * coeff)
{
    wc_series_t s, e;
    fmpq_t c;
    slong i;

    wc_series_init(s);
    wc_series_init(e);
    fmpq_init(c);
    for (i = 0; i < npow; i++)
    {
        fmpq_set_str(c, coeff[i], 10);
        wc_series_add_term_fmpq(e, pow[i], c);
    }
    wc_series_normalise(e);
    if (engine(s, t, spec_text, net_text))
    {
        wc_buf_t a, b;

        wc_buf_init(a);
        wc_buf_init(b);
        wc_series_print_buf(a, s, 10);
        wc_series_print_buf(b, e, 10);
        WC_CHECK(t, wc_series_equal(s, e), "%s | %s: %s, expected %s",
                 spec_text, net_text, a->str, b->str);
        wc_buf_clear(a);
        wc_buf_clear(b);
    }
    fmpq_clear(c);
    wc_series_clear(s);
    wc_series_clear(e);
}

/* E[(S/n)^4] for S a sum of n i.i.d. copies of Y with moments
   m1..m4, as a polynomial in 1/n: the set partitions of four factors by
   block sizes. */
static void
mean4(wc_series_t res, const fmpz * m)
{
    /* n m4 + 4 n(n-1) m3 m1 + 3 n(n-1) m2^2 + 6 n(n-1)(n-2) m2 m1^2
       + n(n-1)(n-2)(n-3) m1^4, over n^4 */
    fmpz_poly_t p, f, g;
    fmpz_t c;
    fmpq_t q;
    slong i, j;
    const slong blocks[5] = { 1, 2, 2, 3, 4 };
    slong mult[5] = { 1, 4, 3, 6, 1 };

    fmpz_poly_init(p);
    fmpz_poly_init(f);
    fmpz_poly_init(g);
    fmpz_init(c);
    fmpq_init(q);
    for (i = 0; i < 5; i++)
    {
        /* falling factorial n (n-1) ... (n - b + 1) */
        fmpz_poly_one(f);
        for (j = 0; j < blocks[i]; j++)
        {
            fmpz_poly_zero(g);
            fmpz_poly_set_coeff_si(g, 1, 1);
            fmpz_poly_set_coeff_si(g, 0, -j);
            fmpz_poly_mul(f, f, g);
        }
        switch (i)
        {
            case 0: fmpz_set(c, m + 3); break;
            case 1: fmpz_mul(c, m + 2, m + 0); break;
            case 2: fmpz_mul(c, m + 1, m + 1); break;
            case 3: fmpz_mul(c, m + 1, m + 0); fmpz_mul(c, c, m + 0); break;
            default: fmpz_pow_ui(c, m + 0, 4); break;
        }
        fmpz_mul_si(c, c, mult[i]);
        fmpz_poly_scalar_mul_fmpz(f, f, c);
        fmpz_poly_add(p, p, f);
    }
    wc_series_zero(res);
    for (i = 0; i <= fmpz_poly_degree(p); i++)
    {
        fmpz_poly_get_coeff_fmpz(c, p, i);
        fmpz_set(fmpq_numref(q), c);
        fmpz_one(fmpq_denref(q));
        wc_series_add_term_fmpq(res, i - 4, q);
    }
    wc_series_normalise(res);
    fmpz_poly_clear(p);
    fmpz_poly_clear(f);
    fmpz_poly_clear(g);
    fmpz_clear(c);
    fmpq_clear(q);
}

/* (2k - 1)!! */
static void
dfact(fmpz_t r, slong k)
{
    slong i;

    fmpz_one(r);
    for (i = 2 * k - 1; i > 1; i -= 2)
        fmpz_mul_ui(r, r, (ulong) i);
}

int
main(void)
{
    wc_test_t t;

    wc_test_init(t, "t-deeppoly_hand");

    /* 1. s = z^2, H = 2, x = 1: z^1 ~ N(0, 1), q = G^1 = mean of u^4,
          E q = 3, Var q = 96/n; E[f^2] = E[s(z)^2 | q] = 3 E[q^2] */
    {
        const slong p[] = { 0, -1 };
        const char * c[] = { "27", "288" };

        expect(t, "f f", "hidden=2,act=poly(0,0,1)", 2, p, c);
    }

    /* 2. s = z + z^2: E[a^2] = 4, Var a^2 = 198 - 16 = 182, and
          E[f^2] = E[q + 3 q^2] = 4 + 3 (16 + 182/n) */
    {
        const slong p[] = { 0, -1 };
        const char * c[] = { "52", "546" };

        expect(t, "f f", "hidden=2,act=poly(0,1,1)", 2, p, c);
    }

    /* 3. E[Theta] for s = z^2: V part E[f^2] = 27 + 288/n; W^2 part
          E[q (1/n) sum V^2 s'(z)^2] = 4 E[q^2] = 36 + 384/n; W^1 part
          4 ((2/n^2) sum s'(u)^2 s(u)^2 + q (1/n) sum s'(u)^2)
          = 48 + 672/n (doc) */
    {
        const slong p[] = { 0, -1 };
        const char * c[] = { "111", "1344" };

        expect(t, "ntk", "hidden=2,act=poly(0,0,1)", 2, p, c);
    }

    /* 4. standard: the V and W^2 parts times the fan-in n, the W^1 part
          times din = 1 */
    {
        const slong p[] = { 1, 0, -1 };
        const char * c[] = { "63", "720", "672" };

        expect(t, "ntk", "hidden=2,act=poly(0,0,1),param=standard", 3, p,
               c);
    }

    /* 5. bias beta = 1: z^1 ~ N(0, 2), E[a^2] = 12, Var a^2 = 1536, and
          E[f^2] = 3 E[(q + 1)^2] = 3 (169 + 1536/n) */
    {
        const slong p[] = { 0, -1 };
        const char * c[] = { "507", "4608" };

        expect(t, "f f", "hidden=2,act=poly(0,0,1),bias=1", 2, p, c);
    }

    /* 6. a constant activation s = 3: f = 3 sum_i V_i / sqrt(n) at every
          depth, E[f^2] = E[Theta] = 9 (only V moves f) */
    {
        const slong p[] = { 0 };
        const char * c[] = { "9" };

        expect(t, "f f", "hidden=3,act=poly(3)", 1, p, c);
        expect(t, "ntk", "hidden=3,act=poly(3)", 1, p, c);
    }

    /* 7. E[f^4] for s = z^2 at H = 2: E_V[f^4] = 3 G2^2, and given q the
          z^2_i are i.i.d. N(0, q): E[G2^2 | q] = (9 + 96/n) q^4; q is the
          mean of Y = u^4 with E Y^k = (4k - 1)!!; cum(f,f,f,f) =
          E[f^4] - 3 E[f^2]^2 */
    {
        wc_series_t s, e, q4, f2;
        fmpz * mom = _fmpz_vec_init(4);
        fmpq_t c;
        slong k;

        wc_series_init(s);
        wc_series_init(e);
        wc_series_init(q4);
        wc_series_init(f2);
        fmpq_init(c);
        for (k = 1; k <= 4; k++)
            dfact(mom + k - 1, 2 * k);
        mean4(q4, mom);
        wc_series_zero(e);
        fmpq_set_si(c, 27, 1);
        wc_series_add_term_fmpq(e, 0, c);
        fmpq_set_si(c, 288, 1);
        wc_series_add_term_fmpq(e, -1, c);
        wc_series_mul(e, e, q4, 0);
        if (engine(s, t, "f^4", "hidden=2,act=poly(0,0,1)"))
            WC_CHECK(t, wc_series_equal(s, e), "E[f^4], s = z^2");

        /* the cumulant */
        wc_series_zero(f2);
        fmpq_set_si(c, 27, 1);
        wc_series_add_term_fmpq(f2, 0, c);
        fmpq_set_si(c, 288, 1);
        wc_series_add_term_fmpq(f2, -1, c);
        wc_series_mul(f2, f2, f2, 0);
        fmpq_set_si(c, -3, 1);
        wc_series_scalar_mul_fmpq(f2, f2, c, 0);
        wc_series_add(e, e, f2, 0);
        wc_series_normalise(e);
        if (engine(s, t, "cum(f,f,f,f)", "hidden=2,act=poly(0,0,1)"))
            WC_CHECK(t, wc_series_equal(s, e), "cum(f,f,f,f), s = z^2");

        _fmpz_vec_clear(mom, 4);
        fmpq_clear(c);
        wc_series_clear(s);
        wc_series_clear(e);
        wc_series_clear(q4);
        wc_series_clear(f2);
    }

    /* 8. mean field: every tensor is the NTK one times n^(-1/2) */
    {
        wc_series_t a, b;

        wc_series_init(a);
        wc_series_init(b);
        if (engine(a, t, "var(ntk)", "hidden=2,act=poly(1,-1,1/2),bias=1")
            && engine(b, t, "var(ntk)",
                      "hidden=2,act=poly(1,-1,1/2),bias=1,param=mf"))
        {
            wc_series_shift(a, a, -2);
            WC_CHECK(t, wc_series_equal(a, b), "mean field is n^(-m/2) "
                     "times NTK");
        }
        wc_series_clear(a);
        wc_series_clear(b);
    }

    /* 9. zeros: an odd number of tensors; a trace on a network that is
          linear in every layer's parameters (poly(0,1)) */
    {
        wc_series_t s;

        wc_series_init(s);
        if (engine(s, t, "f_a f_a f", "hidden=2,act=poly(1,2,3)"))
            WC_CHECK(t, wc_series_is_zero(s), "odd number of tensors");
        if (engine(s, t, "f_aa f", "hidden=3,act=poly(0,1)"))
            WC_CHECK(t, wc_series_is_zero(s), "trace, linear network");
        if (engine(s, t, "f_abcde f_abcde", "hidden=3,act=poly(0,1)"))
            WC_CHECK(t, wc_series_is_zero(s), "order above H + 1, linear");
        wc_series_clear(s);
    }

    /* 10. infinite width: the n^0 coefficients of E[f(x) f(y)] and
           E[f_a(x) f_a(y)] are the NNGP and NTK kernels of the gauss
           module's recursion, for random activations, two inputs and
           biases */
    {
        slong trial;

        for (trial = 0; trial < wc_test_trials(t, 12); trial++)
        {
            char nt[256];
            slong H = wc_test_randint(t, 2, 3), k;
            wc_net_t net;
            wc_error_t err;
            fmpq_mat_t K, Th;
            fmpq * x;
            wc_series_t s;
            fmpq_t c;
            int len;

            len = snprintf(nt, sizeof(nt), "hidden=%ld,act=poly(%ld,%ld,%ld"
                           "),din=2,x1=(1,%ld),x2=(%ld,1/2),bias=%s",
                           (long) H, (long) wc_test_randint(t, -1, 1),
                           (long) wc_test_randint(t, -2, 2),
                           (long) wc_test_randint(t, 1, 2),
                           (long) wc_test_randint(t, -1, 1),
                           (long) wc_test_randint(t, -2, 2),
                           wc_test_randint(t, 0, 1) ? "1/2" : "0");
            (void) len;
            wc_net_init(net);
            wc_error_init(err);
            wc_series_init(s);
            fmpq_init(c);
            fmpq_mat_init(K, 2, 2);
            fmpq_mat_init(Th, 2, 2);
            x = _fmpq_vec_init(4);
            WC_CHECK(t, wc_net_parse(net, nt, err) == WC_OK, "%s", nt);
            wc_net_get_input(x, net, 1);
            wc_net_get_input(x + 2, net, 2);
            WC_CHECK(t, wc_gauss_kernel_fmpq(K, Th, net, x, 2, err)
                     == WC_OK, "kernel: %s", err->msg);
            if (engine(s, t, "f(x1) f(x2)", nt))
            {
                wc_series_get_coeff_fmpq(c, s, 0);
                WC_CHECK(t, fmpq_equal(c, fmpq_mat_entry(K, 0, 1)),
                         "NNGP limit: %s", nt);
                for (k = 1; k < 3; k++)
                {
                    wc_series_get_coeff_fmpq(c, s, k);
                    WC_CHECK(t, fmpq_is_zero(c), "positive power: %s", nt);
                }
            }
            if (engine(s, t, "f_a(x1) f_a(x2)", nt))
            {
                wc_series_get_coeff_fmpq(c, s, 0);
                WC_CHECK(t, fmpq_equal(c, fmpq_mat_entry(Th, 0, 1)),
                         "NTK limit: %s", nt);
            }
            _fmpq_vec_clear(x, 4);
            fmpq_mat_clear(K);
            fmpq_mat_clear(Th);
            fmpq_clear(c);
            wc_series_clear(s);
            wc_net_clear(net);
        }
    }

    return wc_test_finish(t);
}
