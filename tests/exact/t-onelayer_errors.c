/* Every failure of the one-hidden-layer engine: a deep network, the work
   bound (with the estimate in the message), an unknown method, too low a
   precision, a malformed spec structure, single-neuron expectations
   outside the gauss module (relu and tanh at three independent inputs),
   and the subsets route beyond its cluster limit.  Also the counters. */

#include <string.h>

#include "testutil.h"

static wc_test_struct * T;

static wc_status
run(wc_series_t r, const char * spec_text, const char * net_text,
    slong prec, slong max_terms, int method, wc_error_t err)
{
    wc_spec_t spec;
    wc_net_t net;
    wc_exact_options_t opt;
    wc_status st;

    wc_spec_init(spec);
    wc_net_init(net);
    wc_error_init(err);
    opt->prec = prec;
    opt->max_terms = max_terms;
    if (wc_spec_parse(spec, spec_text, err) != WC_OK
        || wc_net_parse(net, net_text, err) != WC_OK)
        WC_CHECK(T, 0, "parse '%s' / '%s': %s", spec_text, net_text,
                 err->msg);
    wc_error_init(err);
    st = wc_exact_onelayer_method(r, spec, net, opt, method, NULL, err);
    wc_spec_clear(spec);
    wc_net_clear(net);
    return st;
}

int
main(void)
{
    wc_test_t t;
    wc_series_t r;
    wc_error_t err;
    wc_status st;
    wc_spec_t spec;
    wc_net_t net;
    wc_exact_options_t opt;
    wc_exact_onelayer_info_t info;
    slong idx[2] = {0, 1};

    wc_test_init(t, "t-onelayer_errors");
    T = t;
    wc_series_init(r);

    st = run(r, "ntk", "hidden=2,act=tanh", 64, 1000, 0, err);
    WC_CHECK(t, st == WC_ERR_UNSUPPORTED && strstr(err->msg, "hidden=1"),
             "deep network: %d %s", st, err->msg);

    /* twelve separate clusters: Bell(12) partitions, 3^12 subsets */
    st = run(r, "f f f f f f f f f f f f", "act=linear", 64, 1000, 0, err);
    WC_CHECK(t, st == WC_ERR_RANGE && strstr(err->msg, "work bound")
             && strstr(err->msg, "terms"), "work bound: %d %s", st,
             err->msg);
    /* the same is fine with a larger bound: E[f^12] = 11!! (1 + ...) */
    st = run(r, "f f f f f f f f f f f f", "act=linear", 64,
             WC_EXACT_DEFAULT_MAX_TERMS, 0, err);
    WC_CHECK(t, st == WC_OK && r->exact, "f^12: %d %s", st, err->msg);

    st = run(r, "ntk", "act=tanh", 64, 1000, 7, err);
    WC_CHECK(t, st == WC_ERR_RANGE && strstr(err->msg, "method"),
             "unknown method: %d %s", st, err->msg);

    st = run(r, "ntk", "act=tanh", 1, 1000, 0, err);
    WC_CHECK(t, st == WC_ERR_RANGE && strstr(err->msg, "precision"),
             "precision: %d %s", st, err->msg);

    /* three linearly independent inputs in one neuron block */
    st = run(r, "f_a(x0) f_a(x1) f_b(x2) f_b(x2)",
             "act=relu,din=3,x0=(1,0,0),x1=(0,1,0),x2=(0,0,1)", 64, 100000,
             0, err);
    WC_CHECK(t, st == WC_ERR_UNSUPPORTED && strstr(err->msg, "relu"),
             "relu, three inputs: %d %s", st, err->msg);
    st = run(r, "f_a(x0) f_a(x1) f_b(x2) f_b(x2)",
             "act=tanh,din=3,x0=(1,0,0),x1=(0,1,0),x2=(0,0,1)", 64, 100000,
             0, err);
    WC_CHECK(t, st == WC_ERR_UNSUPPORTED && strstr(err->msg, "rank"),
             "tanh, three inputs: %d %s", st, err->msg);

    /* the subsets route stores 2^C tables */
    st = run(r, "f f f f f f f f f f f f f f f f f f", "act=linear", 64,
             WORD(1) << 40, WC_ONELAYER_SUBSETS, err);
    WC_CHECK(t, st == WC_ERR_RANGE && strstr(err->msg, "subsets"),
             "subsets limit: %d %s", st, err->msg);

    /* a malformed structure: index 1 used once */
    wc_spec_init(spec);
    wc_net_init(net);
    wc_spec_append_factor(spec, idx, 2, WC_INPUT_DEFAULT, 0);
    wc_spec_append_factor(spec, idx, 1, WC_INPUT_DEFAULT, 3);
    spec->nindices = 2;
    opt->prec = 64;
    opt->max_terms = 1000;
    wc_error_init(err);
    st = wc_exact_onelayer(r, spec, net, opt, NULL, err);
    WC_CHECK(t, st == WC_ERR_PARSE, "malformed spec: %d %s", st, err->msg);
    wc_spec_clear(spec);

    /* counters */
    wc_spec_init(spec);
    wc_spec_parse(spec, "var(ntk)", err);
    wc_net_parse(net, "act=tanh", err);
    st = wc_exact_onelayer(r, spec, net, opt, info, err);
    WC_CHECK(t, st == WC_OK && info->components == 2
             && info->method == WC_ONELAYER_PARTITIONS
             && info->partitions == 2 && info->gauss_calls > 0
             && info->estimate > 0, "counters: %ld %d %ld %ld",
             (long) info->components, info->method,
             (long) info->partitions, (long) info->gauss_calls);
    wc_spec_clear(spec);
    wc_net_clear(net);

    wc_series_clear(r);
    return wc_test_finish(t);
}
