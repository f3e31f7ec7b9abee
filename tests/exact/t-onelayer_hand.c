/* One hidden layer: values derived by hand in doc/exact-onelayer.md
   ("Hand-derived cases"), exact for linear activations and as balls
   that must contain the closed forms for sin and relu. */

#include <string.h>

#include "testutil.h"

static wc_test_struct * T;

static void
run(wc_series_t res, const char * spec_text, const char * net_text,
    slong prec)
{
    wc_spec_t spec;
    wc_net_t net;
    wc_exact_options_t opt;
    wc_error_t err;
    wc_status st;

    wc_spec_init(spec);
    wc_net_init(net);
    wc_error_init(err);
    opt->prec = prec;
    opt->max_terms = WC_EXACT_DEFAULT_MAX_TERMS;
    if (wc_spec_parse(spec, spec_text, err) != WC_OK
        || wc_net_parse(net, net_text, err) != WC_OK)
        WC_CHECK(T, 0, "parse '%s' / '%s': %s", spec_text, net_text,
                 err->msg);
    st = wc_exact_onelayer(res, spec, net, opt, NULL, err);
    WC_CHECK(T, st == WC_OK, "%s with %s: %s", spec_text, net_text,
             err->msg);
    wc_spec_clear(spec);
    wc_net_clear(net);
}

/* exact: the printed series must read want */
static void
check_exact(const char * spec_text, const char * net_text, const char * want)
{
    wc_series_t r;
    wc_buf_t buf;

    wc_series_init(r);
    wc_buf_init(buf);
    run(r, spec_text, net_text, 64);
    wc_series_print_buf(buf, r, 10);
    WC_CHECK(T, r->exact && strcmp(buf->str, want) == 0,
             "%s with %s: got %s, want %s", spec_text, net_text, buf->str,
             want);
    wc_buf_clear(buf);
    wc_series_clear(r);
}

/* balls: the only power is k, and its ball contains ref */
static void
check_ball(const char * spec_text, const char * net_text, slong k,
           const arb_t ref)
{
    wc_series_t r;
    arb_t c;
    slong lead;

    wc_series_init(r);
    arb_init(c);
    run(r, spec_text, net_text, 128);
    wc_series_get_coeff_arb(c, r, k, 128);
    WC_CHECK(T, r->len == 1 && r->lo == k && arb_overlaps(c, ref)
             && arb_rel_accuracy_bits(c) > 100
             && wc_series_leading_power(&lead, r) == 1 && lead == k,
             "%s with %s: coefficient of n^%ld is %s, closed form %s",
             spec_text, net_text, (long) k, arb_get_str(c, 30, 0),
             arb_get_str(ref, 30, 0));
    arb_clear(c);
    wc_series_clear(r);
}

int
main(void)
{
    wc_test_t t;
    arb_t ref, x, pi;
    slong wp = 256;

    wc_test_init(t, "t-onelayer_hand");
    T = t;
    arb_init(ref);
    arb_init(x);
    arb_init(pi);
    arb_const_pi(pi, wp);

    /* linear, din = 1, x = 1: Theta = (|U|^2 + |V|^2)/n */
    check_exact("ntk", "act=linear", "2");
    check_exact("var(ntk)", "act=linear", "4 n^-1");
    check_exact("f f", "act=linear", "1");
    check_exact("f f f f", "act=linear", "3 + 6 n^-1");
    check_exact("cum(f, f, f, f)", "act=linear", "6 n^-1");
    check_exact("f_a f_b f_ab f", "act=linear", "2 n^-1");
    check_exact("f_a f_b f_c f_abc", "act=linear", "0");
    check_exact("f f f", "act=linear", "0");
    check_exact("cum(f_a, f_a)", "act=linear", "2");
    /* biases: q = K(x, x) = 1 + beta^2 = 2, E[Theta] = 2 q */
    check_exact("ntk", "act=linear,bias=1", "4");
    /* standard: E[Theta] = n q + K = n + 1; mean field: 2/n */
    check_exact("ntk", "act=linear,param=standard", "n + 1");
    check_exact("ntk", "act=linear,param=mf", "2 n^-1");
    check_exact("var(ntk)", "act=linear,param=mf", "4 n^-3");
    /* two inputs: E[f(x0) f(x1)] = x0 x1 */
    check_exact("f(x0) f(x1)", "act=linear,x0=1,x1=2", "2");
    check_exact("f(x0) f(x1)", "act=linear,din=2,x0=(1,0),x1=(0,1)", "0");

    /* sin, q = 1: E[Theta] = 1,
       Var[Theta] = (3 + 4 e^-2 + e^-8) / (4 n),
       E[f_a f_b f_ab f] = -(1 - e^-8) / (8 n) */
    arb_one(ref);
    check_ball("ntk", "act=sin", 0, ref);
    arb_set_si(x, -2);
    arb_exp(x, x, wp);
    arb_mul_2exp_si(ref, x, 2);
    arb_add_ui(ref, ref, 3, wp);
    arb_set_si(x, -8);
    arb_exp(x, x, wp);
    arb_add(ref, ref, x, wp);
    arb_mul_2exp_si(ref, ref, -2);
    check_ball("var(ntk)", "act=sin", -1, ref);
    arb_sub_ui(ref, x, 1, wp);
    arb_mul_2exp_si(ref, ref, -3);
    check_ball("f_a f_b f_ab f", "act=sin", -1, ref);
    /* standard: E[Theta] = n (1 - e^-2)/2 + (1 + e^-2)/2 */
    {
        wc_series_t r;
        arb_t c;

        wc_series_init(r);
        arb_init(c);
        run(r, "ntk", "act=sin,param=standard", 128);
        arb_set_si(x, -2);
        arb_exp(x, x, wp);
        arb_sub_ui(ref, x, 1, wp);
        arb_neg(ref, ref);
        arb_mul_2exp_si(ref, ref, -1);
        wc_series_get_coeff_arb(c, r, 1, 128);
        WC_CHECK(t, arb_overlaps(c, ref), "sin standard, n^1");
        arb_add_ui(ref, x, 1, wp);
        arb_mul_2exp_si(ref, ref, -1);
        wc_series_get_coeff_arb(c, r, 0, 128);
        WC_CHECK(t, arb_overlaps(c, ref) && r->len == 2,
                 "sin standard, n^0");
        arb_clear(c);
        wc_series_clear(r);
    }
    /* two inputs: E[sin u1 sin u2] = e^-(q1+q2)/2 sinh c with din = 1,
       x0 = 1, x1 = 2: q1 = 1, q2 = 4, c = 2 */
    arb_set_d(x, -2.5);
    arb_exp(x, x, wp);
    arb_set_ui(ref, 2);
    arb_sinh(ref, ref, wp);
    arb_mul(ref, ref, x, wp);
    check_ball("f(x0) f(x1)", "act=sin,x0=1,x1=2", 0, ref);

    /* relu, q = 1: E[Theta] = 1, Var[Theta] = 3/n,
       E[f^4] = 3/4 + (15/4)/n, E[f_a f_b f_ab f] = 1/n,
       cum(f_a, f_a) = 1 - 1/(2 pi) */
    arb_one(ref);
    check_ball("ntk", "act=relu", 0, ref);
    arb_set_ui(ref, 3);
    check_ball("var(ntk)", "act=relu", -1, ref);
    arb_set_ui(ref, 15);
    arb_mul_2exp_si(ref, ref, -2);
    check_ball("cum(f,f,f,f)", "act=relu", -1, ref);
    arb_one(ref);
    check_ball("f_a f_b f_ab f", "act=relu", -1, ref);
    arb_inv(ref, pi, wp);
    arb_mul_2exp_si(ref, ref, -1);
    arb_sub_ui(ref, ref, 1, wp);
    arb_neg(ref, ref);
    check_ball("cum(f_a, f_a)", "act=relu", 0, ref);
    /* orthogonal inputs, din = 2: E[f(x0) f(x1)] = 1 / (4 pi) */
    arb_inv(ref, pi, wp);
    arb_mul_2exp_si(ref, ref, -2);
    check_ball("f(x0) f(x1)", "act=relu,din=2,x0=(1,0),x1=(0,1)", 0, ref);
    /* the third derivative of relu vanishes: exactly zero */
    check_exact("f_a f_b f_c f_abc", "act=relu", "0");

    arb_clear(ref);
    arb_clear(x);
    arb_clear(pi);
    return wc_test_finish(t);
}
