/* The deep linear engine against results derived by hand; doc/exact.md
   ("Hand-derived cases") gives each derivation.  Notation: q0 = |x|^2/din,
   K0 = x.y/din, beta the bias scale. */

#include <string.h>

#include "testutil.h"

static wc_exact_options_t opt;
static wc_error_t err;

/* E[SPEC] for the texts, univariate. */
static wc_status
compute(wc_series_t s, const char * spec_text, const char * net_text)
{
    wc_spec_t spec;
    wc_net_t net;
    wc_status st;

    wc_spec_init(spec);
    wc_net_init(net);
    st = wc_spec_parse(spec, spec_text, err);
    if (st == WC_OK)
        st = wc_net_parse(net, net_text, err);
    if (st == WC_OK)
        st = wc_exact_linear(s, spec, net, opt, NULL, err);
    wc_net_clear(net);
    wc_spec_clear(spec);
    return st;
}

static wc_status
compute_widths(wc_mseries_t s, const char * spec_text, const char * net_text)
{
    wc_spec_t spec;
    wc_net_t net;
    wc_status st;

    wc_spec_init(spec);
    wc_net_init(net);
    st = wc_spec_parse(spec, spec_text, err);
    if (st == WC_OK)
        st = wc_net_parse(net, net_text, err);
    if (st == WC_OK)
        st = wc_exact_linear_widths(s, spec, net, opt, NULL, err);
    wc_net_clear(net);
    wc_spec_clear(spec);
    return st;
}

/* Does the series print as expected? */
static void
check_series(wc_test_t t, const char * spec_text, const char * net_text,
             const char * expected)
{
    wc_series_t s;
    wc_buf_t buf;
    wc_status st;

    wc_series_init(s);
    wc_buf_init(buf);
    st = compute(s, spec_text, net_text);
    if (st == WC_OK)
        wc_series_print_buf(buf, s, 10);
    WC_CHECK(t, st == WC_OK && strcmp(buf->str, expected) == 0,
             "E[%s] at %s: got '%s' (status %d: %s), expected '%s'",
             spec_text, net_text, buf->str, (int) st,
             st ? err->msg : "", expected);
    wc_buf_clear(buf);
    wc_series_clear(s);
}

/* Does the multivariate result print as expected? */
static void
check_widths(wc_test_t t, const char * spec_text, const char * net_text,
             const char * expected)
{
    wc_mseries_t s;
    wc_buf_t buf;
    wc_status st;

    wc_mseries_init(s, 1);
    wc_buf_init(buf);
    st = compute_widths(s, spec_text, net_text);
    if (st == WC_OK)
        wc_mseries_print_buf(buf, s);
    WC_CHECK(t, st == WC_OK && strcmp(buf->str, expected) == 0,
             "E[%s] at %s in n1..nH: got '%s', expected '%s'", spec_text,
             net_text, buf->str, expected);
    wc_buf_clear(buf);
    wc_mseries_clear(s);
}

/* Is the univariate result the constant c? */
static void
check_constant(wc_test_t t, const char * spec_text, const char * net_text,
               const fmpq_t c)
{
    wc_series_t s, e;

    wc_series_init(s);
    wc_series_init(e);
    wc_series_add_term_fmpq(e, 0, c);
    WC_CHECK(t, compute(s, spec_text, net_text) == WC_OK
             && wc_series_equal(s, e), "E[%s] at %s is not the constant "
             "derived by hand", spec_text, net_text);
    wc_series_clear(s);
    wc_series_clear(e);
}

/* Widths for the grid checks: point idx of {1,2}^H, then a few larger
   ones.  Both sides are affine in every 1/n_l (exponents in [-1, 0] for
   four tensors), so agreement on {1,2}^H proves equality. */
static void
grid_widths(ulong * w, slong H, slong idx)
{
    slong l;

    for (l = 0; l < H; l++)
        w[l] = (idx < (1L << H)) ? 1 + ((idx >> l) & 1) : 3 + 2 * l + idx;
}

int
main(void)
{
    wc_test_t t;
    wc_series_t s;
    wc_mseries_t ms;
    fmpq_t c, v, w1, w2, q0, beta2;
    slong H, idx, l;
    char net[256];
    ulong widths[8];

    wc_test_init(t, "t-linear_hand");
    wc_exact_options_init(opt);
    wc_error_init(err);
    wc_series_init(s);
    wc_mseries_init(ms, 1);
    fmpq_init(c);
    fmpq_init(v);
    fmpq_init(w1);
    fmpq_init(w2);
    fmpq_init(q0);
    fmpq_init(beta2);

    /* One hidden layer, din = 1, x = 1: Theta = (|U|^2 + |V|^2)/n with
       |U|^2, |V|^2 independent chi^2_n: E = 2, Var = (2n + 2n)/n^2. */
    check_series(t, "ntk", "hidden=1,act=linear", "2");
    check_series(t, "var(ntk)", "hidden=1,act=linear", "4 n^-1");
    check_series(t, "ntk^2", "hidden=1,act=linear", "4 + 4 n^-1");
    check_series(t, "cum(ntk, ntk)", "hidden=1,act=linear", "4 n^-1");

    /* Dyer & Gur-Ari's correlator at H = 1: sum_ab f_a f_b f_ab
       = 2 (|x|^2/(din n)) f, so E[f_a f_b f_ab f] = 2 q0^2 / n. */
    check_series(t, "f_a f_b f_ab f", "hidden=1,act=linear", "2 n^-1");
    check_series(t, "f_a f_b f_ab f", "hidden=1,act=linear,din=2,x=(1,3)",
                 "50 n^-1");
    /* C[0,2] = (1/2) f_ab f_a f_b, so E[C[0,2] f] is half of it */
    check_series(t, "C[0,2] f", "hidden=1,act=linear", "n^-1");

    /* E[f(x) f(y)] = K0 + H beta^2 for every depth and width. */
    for (H = 1; H <= 8; H++)
    {
        sprintf(net, "hidden=%ld,act=linear", (long) H);
        check_series(t, "f f", net, "1");
        sprintf(net, "hidden=%ld,act=linear,din=3,x1=(1,2,-1),x2=(1/2,0,4),"
                "bias=1/3", (long) H);
        fmpq_set_si(c, -7, 6);           /* K0 = (-7/2)/3 */
        fmpq_set_si(v, H, 9);
        fmpq_add(c, c, v);
        check_constant(t, "f(x1) f(x2)", net, c);
    }

    /* E[Theta(x, y)] = (H + 1) K0 + beta^2 (H (H + 1)/2 + H): the
       backward vectors of a linear network do not depend on the input,
       E|delta_l|^2 = 1, and E[z^l(x).z^l(y)]/n_l = K0 + l beta^2. */
    for (H = 1; H <= 6; H++)
    {
        sprintf(net, "hidden=%ld,act=linear,din=2,x1=(1,2),x2=(3,-1),"
                "bias=2/3", (long) H);
        fmpq_set_si(c, 1 * 3 + 2 * (-1), 2);     /* K0 = 1/2 */
        fmpq_mul_si(c, c, H + 1);
        fmpq_set_si(v, 4 * (H * (H + 1) / 2 + H), 9);
        fmpq_add(c, c, v);
        check_constant(t, "f_a(x1) f_a(x2)", net, c);
    }

    /* Standard parameterisation: the layer-l part of Theta is multiplied
       by its fan-in (din, n_1, ..., n_H), the bias part by 1/beta^2:
       E = K0 din + sum_{l=1}^{H} n (K0 + l beta^2) + H. */
    check_series(t, "ntk", "hidden=3,act=linear,param=standard", "3 n + 1");
    check_series(t, "ntk", "hidden=2,act=linear,param=standard,bias=1,din=2",
                 "5 n + 4");
    /* Mean-field: f = V . z^H / n_H = (NTK f) / sqrt(n_H), so every
       correlator of m tensors gets n^(-m/2). */
    check_series(t, "ntk", "hidden=3,act=linear,param=mf", "4 n^-1");
    check_series(t, "f f f f", "hidden=1,act=linear,param=mf",
                 "3 n^-2 + 6 n^-3");

    /* E[f^4] = 3 E[q_H^2] with q_l = |z^l|^2/n_l; given z^(l-1) the
       entries of z^l are i.i.d. N(0, q_(l-1) + beta^2), so
       E[q_l] = E[q_(l-1)] + beta^2 and
       E[q_l^2] = (1 + 2/n_l) E[(q_(l-1) + beta^2)^2].
       Multivariate check on the grid (exponents in [-1, 0] per width). */
    for (H = 1; H <= 4; H++)
    {
        int b;

        for (b = 0; b < 2; b++)
        {
            slong npts = (1L << H) + 3;

            sprintf(net, "hidden=%ld,act=linear,din=2,x=(1,-2),bias=%s",
                    (long) H, b ? "1/2" : "0");
            fmpq_set_si(q0, 5, 2);
            fmpq_set_si(beta2, b ? 1 : 0, 4);
            WC_CHECK(t, compute_widths(ms, "f^4", net) == WC_OK,
                     "E[f^4] at %s: %s", net, err->msg);
            for (idx = 0; idx < npts; idx++)
            {
                grid_widths(widths, H, idx);
                fmpq_set(w1, q0);             /* E[q] */
                fmpq_mul(w2, q0, q0);         /* E[q^2] */
                for (l = 0; l < H; l++)
                {
                    fmpq_t a;

                    fmpq_init(a);
                    /* E[(q + b2)^2] = E[q^2] + 2 b2 E[q] + b2^2 */
                    fmpq_mul(a, beta2, w1);
                    fmpq_mul_si(a, a, 2);
                    fmpq_add(w2, w2, a);
                    fmpq_mul(a, beta2, beta2);
                    fmpq_add(w2, w2, a);
                    fmpq_set_si(a, widths[l] + 2, widths[l]);
                    fmpq_mul(w2, w2, a);
                    fmpq_add(w1, w1, beta2);
                    fmpq_clear(a);
                }
                fmpq_mul_si(c, w2, 3);
                wc_mseries_evaluate_fmpq(v, ms, widths);
                WC_CHECK(t, fmpq_equal(c, v), "E[f^4] at %s, point %ld",
                         net, (long) idx);
            }
        }
    }

    /* Two inputs: given the layer below, the rows of Z_l are i.i.d.
       N(0, K_(l-1)), so the Gram matrix K_l is Wishart with
       E[K_ab K_cd] = K_ab K_cd + (K_ac K_bd + K_ad K_bc)/n_l.  With
       A = E[K_xx K_yy], B = E[K_xy^2]:  A' = A + 2B/n, B' = B + (A + B)/n,
       and E[f(x)^2 f(y)^2] = A + 2B at the top. */
    for (H = 1; H <= 4; H++)
    {
        slong npts = (1L << H) + 3;

        /* K_xx = 5/2, K_yy = 5, K_xy = 1/2 */
        sprintf(net, "hidden=%ld,act=linear,din=2,x1=(1,2),x2=(3,-1)",
                (long) H);
        WC_CHECK(t, compute_widths(ms, "f(x1) f(x1) f(x2) f(x2)", net)
                 == WC_OK, "two-input fourth moment at %s: %s", net,
                 err->msg);
        for (idx = 0; idx < npts; idx++)
        {
            grid_widths(widths, H, idx);
            fmpq_set_si(w1, 25, 2);            /* A */
            fmpq_set_si(w2, 1, 4);             /* B */
            for (l = 0; l < H; l++)
            {
                fmpq_add(c, w1, w2);
                fmpq_set_si(v, 1, widths[l]);
                fmpq_mul(c, c, v);             /* (A + B)/n */
                fmpq_mul_si(v, v, 2);
                fmpq_mul(v, v, w2);            /* 2B/n */
                fmpq_add(w1, w1, v);
                fmpq_add(w2, w2, c);
            }
            fmpq_mul_si(c, w2, 2);
            fmpq_add(c, c, w1);
            wc_mseries_evaluate_fmpq(v, ms, widths);
            WC_CHECK(t, fmpq_equal(c, v), "two-input fourth moment at %s, "
                     "point %ld", net, (long) idx);
        }
    }

    /* H = 2, din = 1, x = 1, widths a = n1, b = n2, f = v.A u/sqrt(ab):
       Theta = (|Au|^2 + |v|^2 |u|^2 + |A^T v|^2)/(ab) and by chi-square
       and Wishart moments Var[Theta] = 10/a + 10/b + 16/(ab);
       sum f_a f_b f_ab = 2 (|u|^2 + |v|^2) f/(ab)
       + 2 u^T A^T A A^T v/(ab)^(3/2), so with E tr((A^T A)^2)
       = ab(a + b + 1), E[f_a f_b f_ab f] = 4/a + 4/b + 10/(ab). */
    check_widths(t, "var(ntk)", "hidden=2,act=linear",
                 "10 n1^-1 + 10 n2^-1 + 16 n1^-1 n2^-1");
    check_widths(t, "f_a f_b f_ab f", "hidden=2,act=linear",
                 "4 n1^-1 + 4 n2^-1 + 10 n1^-1 n2^-1");
    check_series(t, "f_a f_b f_ab f", "hidden=2,act=linear",
                 "8 n^-1 + 10 n^-2");

    /* Cumulants: cum(f, f, f, f) = E[f^4] - 3 E[f^2]^2 = 3 (prod (1 +
       2/n_l) - 1) q0^2 for every depth; var(f) = E[f^2]. */
    check_series(t, "cum(f, f, f, f)", "hidden=1,act=linear", "6 n^-1");
    check_series(t, "cum(f, f, f, f)", "hidden=2,act=linear",
                 "12 n^-1 + 12 n^-2");
    check_series(t, "var(f)", "hidden=3,act=linear,din=2,x=(1,1/2)",
                 "5/8");
    check_series(t, "cum(f f)", "hidden=2,act=linear", "1");

    /* Exactly zero: an odd number of tensors (V -> -V), a parameter
       differentiated twice (f is affine in each layer), more derivatives
       than layers, a zero coefficient, a zero input. */
    check_series(t, "f f f", "hidden=2,act=linear", "0");
    check_series(t, "f_a f_a f", "hidden=2,act=linear", "0");
    check_series(t, "f_aa f", "hidden=2,act=linear", "0");
    check_series(t, "f_abc f_abc", "hidden=1,act=linear", "0");
    check_series(t, "0 f f", "hidden=1,act=linear", "0");
    check_series(t, "f f", "hidden=2,act=linear,din=2,x=(0,0)", "0");
    /* ...but f_abc f_abc with H = 2: three layers, one cut each */
    check_series(t, "f_abc f_abc", "hidden=2,act=linear", "6");

    wc_series_clear(s);
    wc_mseries_clear(ms);
    fmpq_clear(c);
    fmpq_clear(v);
    fmpq_clear(w1);
    fmpq_clear(w2);
    fmpq_clear(q0);
    fmpq_clear(beta2);
    return wc_test_finish(t);
}
