/* Infinite-width kernels against recursions written out here
   independently: linear and x^2 exactly (Isserlis), relu by the
   arc-cosine formulas, erf by Williams' formulas; one hidden layer
   against the finite-width engine (whose E[f f] and E[Theta] do not
   depend on n); balls across two precisions; exactly proportional inputs;
   the refusals. */

#include <flint/fmpq_mat.h>

#include "testutil.h"

static wc_test_struct * T;

/* inputs of a NET as rows */
static fmpq *
net_inputs(slong * p, const wc_net_t net)
{
    fmpq * x;
    slong k;

    *p = net->ninputs;
    x = _fmpq_vec_init(*p * net->din);
    for (k = 0; k < *p; k++)
        wc_net_get_input(x + k * net->din, net, net->input_label[k]);
    return x;
}

/* one layer of the reference recursions on 2 x 2 blocks:
   S = E[s(u_a) s(u_b)], D = E[s'(u_a) s'(u_b)] for relu (arc-cosine)
   and erf (Williams) */
static void
ref_layer(arb_t S, arb_t D, wc_act_kind kind, const arb_t kaa,
          const arb_t kbb, const arb_t kab, slong prec)
{
    arb_t x, y, th, pi;

    arb_init(x);
    arb_init(y);
    arb_init(th);
    arb_init(pi);
    arb_const_pi(pi, prec);
    if (kind == WC_ACT_RELU)
    {
        /* cos th = kab / sqrt(kaa kbb);
           S = sqrt(kaa kbb) (sin th + (pi - th) cos th) / (2 pi),
           D = (pi - th) / (2 pi) */
        arb_mul(x, kaa, kbb, prec);
        arb_sqrt(x, x, prec);
        arb_div(y, kab, x, prec);
        if (arb_contains_si(y, 1) || arb_contains_si(y, -1))
            arb_set_round(y, y, prec);
        arb_acos(th, y, prec);
        arb_sin(S, th, prec);
        arb_sub(D, pi, th, prec);
        arb_addmul(S, D, y, prec);
        arb_mul(S, S, x, prec);
        arb_div(S, S, pi, prec);
        arb_mul_2exp_si(S, S, -1);
        arb_div(D, D, pi, prec);
        arb_mul_2exp_si(D, D, -1);
    }
    else
    {
        /* S = (2/pi) asin(2 kab / sqrt((1 + 2 kaa)(1 + 2 kbb))),
           D = (4/pi) / sqrt((1 + 2 kaa)(1 + 2 kbb) - 4 kab^2) */
        arb_mul_2exp_si(x, kaa, 1);
        arb_add_ui(x, x, 1, prec);
        arb_mul_2exp_si(y, kbb, 1);
        arb_add_ui(y, y, 1, prec);
        arb_mul(x, x, y, prec);
        arb_sqr(y, kab, prec);
        arb_mul_2exp_si(y, y, 2);
        arb_sub(y, x, y, prec);
        arb_rsqrt(D, y, prec);
        arb_div(D, D, pi, prec);
        arb_mul_2exp_si(D, D, 2);
        arb_rsqrt(x, x, prec);
        arb_mul(x, x, kab, prec);
        arb_mul_2exp_si(x, x, 1);
        arb_asin(S, x, prec);
        arb_div(S, S, pi, prec);
        arb_mul_2exp_si(S, S, 1);
    }
    arb_clear(x);
    arb_clear(y);
    arb_clear(th);
    arb_clear(pi);
}

/* the full reference recursion for relu or erf (hidden layers H) */
static void
ref_kernels(arb_mat_t K, arb_mat_t Th, const wc_net_t net, const fmpq * x,
            slong p, slong prec)
{
    arb_mat_t S, D;
    arb_t b2, t;
    slong a, b, l, j;

    arb_mat_init(S, p, p);
    arb_mat_init(D, p, p);
    arb_init(b2);
    arb_init(t);
    arb_set_fmpq(b2, net->bias, prec);
    arb_sqr(b2, b2, prec);
    for (a = 0; a < p; a++)
        for (b = 0; b < p; b++)
        {
            arb_zero(arb_mat_entry(K, a, b));
            for (j = 0; j < net->din; j++)
            {
                arb_set_fmpq(t, x + a * net->din + j, prec);
                arb_mul_fmpz(t, t, fmpq_numref(x + b * net->din + j), prec);
                arb_div_fmpz(t, t, fmpq_denref(x + b * net->din + j), prec);
                arb_add(arb_mat_entry(K, a, b), arb_mat_entry(K, a, b), t,
                        prec);
            }
            arb_div_si(arb_mat_entry(K, a, b), arb_mat_entry(K, a, b),
                       net->din, prec);
            arb_add(arb_mat_entry(K, a, b), arb_mat_entry(K, a, b), b2,
                    prec);
        }
    arb_mat_set(Th, K);
    for (l = 1; l <= net->hidden; l++)
    {
        for (a = 0; a < p; a++)
            for (b = 0; b < p; b++)
                ref_layer(arb_mat_entry(S, a, b), arb_mat_entry(D, a, b),
                          net->act, arb_mat_entry(K, a, a),
                          arb_mat_entry(K, b, b), arb_mat_entry(K, a, b),
                          prec);
        for (a = 0; a < p; a++)
            for (b = 0; b < p; b++)
            {
                arb_set(arb_mat_entry(K, a, b), arb_mat_entry(S, a, b));
                if (l < net->hidden)
                    arb_add(arb_mat_entry(K, a, b), arb_mat_entry(K, a, b),
                            b2, prec);
                arb_mul(t, arb_mat_entry(Th, a, b), arb_mat_entry(D, a, b),
                        prec);
                arb_add(arb_mat_entry(Th, a, b), arb_mat_entry(K, a, b), t,
                        prec);
            }
    }
    arb_mat_clear(S);
    arb_mat_clear(D);
    arb_clear(b2);
    arb_clear(t);
}

static void
compare_ref(const char * net_text, slong prec)
{
    wc_net_t net;
    wc_error_t err;
    arb_mat_t K, Th, RK, RT;
    fmpq * x;
    slong p, a, b;
    wc_status st;

    wc_net_init(net);
    wc_error_init(err);
    wc_net_parse(net, net_text, err);
    x = net_inputs(&p, net);
    arb_mat_init(K, p, p);
    arb_mat_init(Th, p, p);
    arb_mat_init(RK, p, p);
    arb_mat_init(RT, p, p);
    st = wc_gauss_kernel(K, Th, net, x, p, prec, err);
    WC_CHECK(T, st == WC_OK, "%s: %s", net_text, err->msg);
    ref_kernels(RK, RT, net, x, p, 2 * prec);
    for (a = 0; a < p; a++)
        for (b = 0; b < p; b++)
        {
            WC_CHECK(T, arb_overlaps(arb_mat_entry(K, a, b),
                                     arb_mat_entry(RK, a, b))
                     && arb_rel_accuracy_bits(arb_mat_entry(K, a, b))
                        > prec - 24, "%s: K(%ld, %ld) = %s, reference %s",
                     net_text, (long) a, (long) b,
                     arb_get_str(arb_mat_entry(K, a, b), 20, 0),
                     arb_get_str(arb_mat_entry(RK, a, b), 20, 0));
            WC_CHECK(T, arb_overlaps(arb_mat_entry(Th, a, b),
                                     arb_mat_entry(RT, a, b))
                     && arb_rel_accuracy_bits(arb_mat_entry(Th, a, b))
                        > prec - 24, "%s: Theta(%ld, %ld) = %s, reference %s",
                     net_text, (long) a, (long) b,
                     arb_get_str(arb_mat_entry(Th, a, b), 20, 0),
                     arb_get_str(arb_mat_entry(RT, a, b), 20, 0));
        }
    arb_mat_clear(K);
    arb_mat_clear(Th);
    arb_mat_clear(RK);
    arb_mat_clear(RT);
    _fmpq_vec_clear(x, p * net->din);
    wc_net_clear(net);
}

int
main(void)
{
    wc_test_t t;
    wc_net_t net;
    wc_error_t err;
    fmpq_mat_t QK, QT;
    arb_mat_t K, Th, K2, Th2;
    fmpq * x;
    fmpq_t e, c;
    slong p, a, b;
    wc_status st;

    wc_test_init(t, "t-kernel");
    T = t;
    wc_net_init(net);
    fmpq_init(e);
    fmpq_init(c);

    /* linear, H = 3, beta = 1/2: K^(l+1) = K^l + 1/4 inside, no bias at
       the output; Theta^(l+1) = K^(l+1) + Theta^l */
    wc_error_init(err);
    wc_net_parse(net, "hidden=3,act=linear,bias=1/2,x0=1,x1=2", err);
    x = net_inputs(&p, net);
    fmpq_mat_init(QK, p, p);
    fmpq_mat_init(QT, p, p);
    st = wc_gauss_kernel_fmpq(QK, QT, net, x, p, err);
    WC_CHECK(t, st == WC_OK, "linear: %s", err->msg);
    for (a = 0; a < 2; a++)
        for (b = 0; b < 2; b++)
        {
            /* K^1 = x_a x_b + 1/4, K_out = K^3 = K^1 + 1/2;
               Theta_out = K^1 + K^2 + K^3 + K_out = 4 x_a x_b + 9/4 */
            fmpq_mul(c, x + a, x + b);
            fmpq_set_si(e, 3, 4);
            fmpq_add(e, e, c);
            WC_CHECK(t, fmpq_equal(e, fmpq_mat_entry(QK, a, b)),
                     "linear K(%ld, %ld)", (long) a, (long) b);
            fmpq_mul_si(e, c, 4);
            fmpq_set_si(c, 9, 4);
            fmpq_add(e, e, c);
            WC_CHECK(t, fmpq_equal(e, fmpq_mat_entry(QT, a, b)),
                     "linear Theta(%ld, %ld)", (long) a, (long) b);
        }
    fmpq_mat_clear(QK);
    fmpq_mat_clear(QT);
    _fmpq_vec_clear(x, p);

    /* s = x^2, H = 2, no bias, x0 = 1, x1 = -2: K^1 = x x',
       K^2_ab = E[u_a^2 u_b^2] = K_aa K_bb + 2 K_ab^2 (the output, no
       bias), E[s'(u_a) s'(u_b)] = 4 K_ab */
    wc_net_clear(net);
    wc_net_init(net);
    wc_net_parse(net, "hidden=2,act=poly(0,0,1),x0=1,x1=-2", err);
    x = net_inputs(&p, net);
    fmpq_mat_init(QK, p, p);
    fmpq_mat_init(QT, p, p);
    st = wc_gauss_kernel_fmpq(QK, QT, net, x, p, err);
    WC_CHECK(t, st == WC_OK, "x^2: %s", err->msg);
    {
        fmpq_t k1[4], k2[4], t1[4], t2[4], t3[4];
        slong i;

        for (i = 0; i < 4; i++)
        {
            fmpq_init(k1[i]);
            fmpq_init(k2[i]);
            fmpq_init(t1[i]);
            fmpq_init(t2[i]);
            fmpq_init(t3[i]);
        }
        for (a = 0; a < 2; a++)
            for (b = 0; b < 2; b++)
                fmpq_mul(k1[2 * a + b], x + a, x + b);
        /* layer 2 and output */
        for (a = 0; a < 2; a++)
            for (b = 0; b < 2; b++)
            {
                i = 2 * a + b;
                fmpq_mul(k2[i], k1[3 * a], k1[3 * b]);
                fmpq_mul(c, k1[i], k1[i]);
                fmpq_mul_si(c, c, 2);
                fmpq_add(k2[i], k2[i], c);
                /* Theta^2 = K^2 + K^1 4 K^1_ab */
                fmpq_mul(t2[i], k1[i], k1[i]);
                fmpq_mul_si(t2[i], t2[i], 4);
                fmpq_add(t2[i], t2[i], k2[i]);
            }
        for (a = 0; a < 2; a++)
            for (b = 0; b < 2; b++)
            {
                i = 2 * a + b;
                /* output K = K^3_ab = K2_aa K2_bb + 2 K2_ab^2 */
                fmpq_mul(t1[i], k2[3 * a], k2[3 * b]);
                fmpq_mul(c, k2[i], k2[i]);
                fmpq_mul_si(c, c, 2);
                fmpq_add(t1[i], t1[i], c);
                WC_CHECK(t, fmpq_equal(t1[i], fmpq_mat_entry(QK, a, b)),
                         "x^2 K(%ld, %ld)", (long) a, (long) b);
                fmpq_mul(t3[i], t2[i], k2[i]);
                fmpq_mul_si(t3[i], t3[i], 4);
                fmpq_add(t3[i], t3[i], t1[i]);
                WC_CHECK(t, fmpq_equal(t3[i], fmpq_mat_entry(QT, a, b)),
                         "x^2 Theta(%ld, %ld)", (long) a, (long) b);
            }
        for (i = 0; i < 4; i++)
        {
            fmpq_clear(k1[i]);
            fmpq_clear(k2[i]);
            fmpq_clear(t1[i]);
            fmpq_clear(t2[i]);
            fmpq_clear(t3[i]);
        }
    }
    fmpq_mat_clear(QK);
    fmpq_mat_clear(QT);
    _fmpq_vec_clear(x, p);

    /* relu and erf against their closed-form recursions */
    compare_ref("hidden=3,act=relu,bias=1/2,x0=1,x1=-1/2,x2=2", 96);
    compare_ref("hidden=2,act=relu,din=2,x0=(1,0),x1=(1,1)", 96);
    compare_ref("hidden=2,act=erf,bias=1/3,x0=1,x1=-1/2", 64);
    compare_ref("hidden=3,act=erf,x0=1,x1=-1", 64);

    /* one hidden layer: E[f(x0) f(x1)] and E[Theta(x0, x1)] of the
       finite-width engine are independent of n */
    {
        wc_spec_t spec;
        wc_series_t r;
        wc_exact_options_t opt;
        arb_t v;

        wc_spec_init(spec);
        wc_series_init(r);
        arb_init(v);
        opt->prec = 64;
        opt->max_terms = 1000000;
        wc_net_clear(net);
        wc_net_init(net);
        wc_net_parse(net, "hidden=1,act=tanh,bias=1/2,x0=1,x1=-1/2", err);
        x = net_inputs(&p, net);
        arb_mat_init(K, p, p);
        arb_mat_init(Th, p, p);
        st = wc_gauss_kernel(K, Th, net, x, p, 64, err);
        WC_CHECK(t, st == WC_OK, "tanh H = 1: %s", err->msg);
        wc_spec_parse(spec, "f(x0) f(x1)", err);
        wc_exact_onelayer(r, spec, net, opt, NULL, err);
        wc_series_get_coeff_arb(v, r, 0, 64);
        WC_CHECK(t, r->len == 1 && arb_overlaps(v, arb_mat_entry(K, 0, 1)),
                 "NNGP against E[f(x0) f(x1)]");
        wc_spec_parse(spec, "f_a(x0) f_a(x1)", err);
        wc_exact_onelayer(r, spec, net, opt, NULL, err);
        wc_series_get_coeff_arb(v, r, 0, 64);
        WC_CHECK(t, r->len == 1 && arb_overlaps(v, arb_mat_entry(Th, 0, 1)),
                 "NTK against E[f_a(x0) f_a(x1)]");
        arb_mat_clear(K);
        arb_mat_clear(Th);
        _fmpq_vec_clear(x, p);
        arb_clear(v);
        wc_series_clear(r);
        wc_spec_clear(spec);
    }

    /* tanh, two layers: balls at 64 and 128 bits */
    wc_net_clear(net);
    wc_net_init(net);
    wc_net_parse(net, "hidden=2,act=tanh,bias=1/2,x0=1,x1=-1/2", err);
    x = net_inputs(&p, net);
    arb_mat_init(K, p, p);
    arb_mat_init(Th, p, p);
    arb_mat_init(K2, p, p);
    arb_mat_init(Th2, p, p);
    WC_CHECK(t, wc_gauss_kernel(K, Th, net, x, p, 64, err) == WC_OK
             && wc_gauss_kernel(K2, Th2, net, x, p, 128, err) == WC_OK,
             "tanh H = 2: %s", err->msg);
    for (a = 0; a < p; a++)
        for (b = 0; b < p; b++)
            WC_CHECK(t, arb_overlaps(arb_mat_entry(K, a, b),
                                     arb_mat_entry(K2, a, b))
                     && arb_overlaps(arb_mat_entry(Th, a, b),
                                     arb_mat_entry(Th2, a, b))
                     && mag_cmp(arb_radref(arb_mat_entry(K2, a, b)),
                                arb_radref(arb_mat_entry(K, a, b))) < 0
                     && arb_rel_accuracy_bits(arb_mat_entry(Th2, a, b))
                        > 100, "tanh kernels across precisions");
    arb_mat_clear(K);
    arb_mat_clear(Th);
    arb_mat_clear(K2);
    arb_mat_clear(Th2);
    _fmpq_vec_clear(x, p);

    /* exactly proportional inputs survive: x1 = -x0 for erf (odd),
       x1 = 2 x0 for relu */
    wc_net_clear(net);
    wc_net_init(net);
    wc_net_parse(net, "hidden=3,act=relu,x0=1,x1=2", err);
    x = net_inputs(&p, net);
    arb_mat_init(K, p, p);
    arb_mat_init(Th, p, p);
    st = wc_gauss_kernel(K, Th, net, x, p, 64, err);
    WC_CHECK(t, st == WC_OK, "relu x1 = 2 x0: %s", err->msg);
    {
        arb_t v;

        arb_init(v);
        arb_mul_2exp_si(v, arb_mat_entry(K, 0, 0), 1);
        WC_CHECK(t, arb_overlaps(v, arb_mat_entry(K, 0, 1)),
                 "relu: K(x0, 2 x0) = 2 K(x0, x0)");
        arb_clear(v);
    }
    arb_mat_clear(K);
    arb_mat_clear(Th);
    _fmpq_vec_clear(x, p);

    /* refusals */
    wc_net_clear(net);
    wc_net_init(net);
    wc_net_parse(net, "hidden=2,act=tanh,param=standard,x0=1", err);
    x = net_inputs(&p, net);
    arb_mat_init(K, p, p);
    arb_mat_init(Th, p, p);
    wc_error_init(err);
    st = wc_gauss_kernel(K, Th, net, x, p, 64, err);
    WC_CHECK(t, st == WC_ERR_UNSUPPORTED, "param=standard: %d %s", st,
             err->msg);
    fmpq_mat_init(QK, p, p);
    fmpq_mat_init(QT, p, p);
    net->param = WC_PARAM_NTK;
    wc_error_init(err);
    st = wc_gauss_kernel_fmpq(QK, QT, net, x, p, err);
    WC_CHECK(t, st == WC_ERR_UNSUPPORTED, "exact tanh: %d %s", st,
             err->msg);
    fmpq_mat_clear(QK);
    fmpq_mat_clear(QT);
    arb_mat_clear(K);
    arb_mat_clear(Th);
    _fmpq_vec_clear(x, p);

    fmpq_clear(e);
    fmpq_clear(c);
    wc_net_clear(net);
    return wc_test_finish(t);
}
