/* Timings of the one-hidden-layer engine and of the certified Gaussian
   expectations behind it, one run each, printed as a table. */

#include <stdio.h>
#include <time.h>

#include <flint/fmpq_mat.h>

#include "weakcorr.h"

static double
now(void)
{
    struct timespec ts;

    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double) ts.tv_sec + 1e-9 * (double) ts.tv_nsec;
}

static void
engine_case(const char * spec_text, const char * net_text, slong digits)
{
    wc_spec_t spec;
    wc_net_t net;
    wc_series_t r;
    wc_exact_options_t opt;
    wc_exact_onelayer_info_t info;
    wc_error_t err;
    wc_status st;
    double t0, t1;
    slong lead;
    int lc;

    wc_spec_init(spec);
    wc_net_init(net);
    wc_series_init(r);
    wc_error_init(err);
    opt->prec = (slong) (digits * 3.3219280948873623) + 8;
    opt->max_terms = WC_EXACT_DEFAULT_MAX_TERMS;
    wc_spec_parse(spec, spec_text, err);
    wc_net_parse(net, net_text, err);

    t0 = now();
    st = wc_exact_onelayer(r, spec, net, opt, info, err);
    t1 = now();
    lc = (st == WC_OK) ? wc_series_leading_power(&lead, r) : -2;
    printf("%-18s %-28s %6ld %9.3f %6ld %6ld %7ld  %s\n", spec_text,
           net_text, (long) digits, t1 - t0, (long) info->components,
           (long) info->partitions, (long) info->gauss_calls,
           st != WC_OK ? err->msg
           : lc == 1 ? (lead == 0 ? "n^0" : lead == -1 ? "n^-1"
                        : lead == -2 ? "n^-2" : lead == -3 ? "n^-3"
                        : "other")
           : lc == 0 ? "zero" : "undecided");

    wc_series_clear(r);
    wc_spec_clear(spec);
    wc_net_clear(net);
}

static void
gauss_case(wc_act_kind kind, slong nvar, slong digits, slong k)
{
    wc_gauss_act_t act;
    fmpq_mat_t S;
    arb_t r;
    wc_error_t err;
    slong var[2] = {0, nvar - 1}, der[2] = {k, k};
    double t0, t1;
    wc_status st;

    wc_gauss_act_init(act, kind);
    fmpq_mat_init(S, nvar, nvar);
    arb_init(r);
    wc_error_init(err);
    fmpq_one(fmpq_mat_entry(S, 0, 0));
    if (nvar == 2)
    {
        fmpq_set_si(fmpq_mat_entry(S, 1, 1), 3, 2);
        fmpq_set_si(fmpq_mat_entry(S, 0, 1), 1, 2);
        fmpq_set_si(fmpq_mat_entry(S, 1, 0), 1, 2);
    }
    t0 = now();
    st = wc_gauss_expect(r, act, var, der, 2, S,
                         (slong) (digits * 3.3219280948873623) + 8, err);
    t1 = now();
    printf("E[s^(%ld)(u1) s^(%ld)(u%ld)] %-9s %6ld %9.3f  %s\n", (long) k,
           (long) k, (long) nvar, wc_act_name(kind), (long) digits,
           t1 - t0, st == WC_OK ? arb_get_str(r, 12, 0) : err->msg);
    arb_clear(r);
    fmpq_mat_clear(S);
    wc_gauss_act_clear(act);
}

int
main(void)
{
    printf("one hidden layer, din = 1, x = 1 unless stated; time in "
           "seconds (one run)\n\n");
    printf("%-18s %-28s %6s %9s %6s %6s %7s  %s\n", "spec", "net", "digits",
           "time", "clust", "parts", "gauss", "leading");
    engine_case("ntk", "act=tanh", 30);
    engine_case("var(ntk)", "act=tanh", 30);
    engine_case("f_a f_b f_ab f", "act=tanh", 30);
    engine_case("C[0,3]^2", "act=tanh", 30);
    engine_case("C[0,3]^2", "act=tanh", 100);
    engine_case("|C[1,2]|^2", "act=tanh", 30);
    engine_case("|C[1,2]|^2", "act=tanh", 100);
    engine_case("var(C[0,2])", "act=tanh", 30);
    engine_case("C[0,3]^2", "act=erf", 100);
    engine_case("C[0,3]^2", "act=gelu", 30);
    engine_case("C[0,3]^2", "act=softplus", 30);
    engine_case("C[0,3]^2", "act=sin", 100);
    engine_case("C[0,3]^2", "act=relu", 100);
    engine_case("C[0,3]^2", "act=poly(0,1,0,-1/3)", 0);
    engine_case("cum(f,f,f,f,f,f)", "act=tanh", 30);
    engine_case("f f f f f f f f f f", "act=poly(1,1,1)", 0);
    engine_case("f_a(x1) f_a(x2) f_b(x1) f_b(x2)",
                "act=sin,x1=1,x2=-1/2,bias=1", 30);
    engine_case("f_a(x1) f_a(x2) f_b(x1) f_b(x2)",
                "act=relu,x1=1,x2=-1/2,bias=1", 30);
    engine_case("f_a(x1) f_a(x2)", "act=tanh,x1=1,x2=-1/2,bias=1", 10);
    engine_case("f_a(x1) f_a(x2)", "act=tanh,x1=1,x2=-1/2,bias=1", 30);
    engine_case("var(f(x1) f(x2))", "act=erf,x1=1,x2=-1/2,bias=1", 30);
    printf("\nsingle Gaussian expectations (u1 ~ N(0, 1); two variables "
           "with q2 = 3/2, c = 1/2)\n\n");
    gauss_case(WC_ACT_TANH, 1, 30, 1);
    gauss_case(WC_ACT_TANH, 1, 100, 1);
    gauss_case(WC_ACT_TANH, 1, 300, 1);
    gauss_case(WC_ACT_SOFTPLUS, 1, 100, 0);
    gauss_case(WC_ACT_TANH, 2, 10, 0);
    gauss_case(WC_ACT_TANH, 2, 20, 0);
    gauss_case(WC_ACT_ERF, 2, 20, 0);
    gauss_case(WC_ACT_RELU, 2, 100, 0);
    gauss_case(WC_ACT_SIN, 2, 100, 0);
    return 0;
}
