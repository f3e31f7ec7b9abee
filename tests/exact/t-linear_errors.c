/* Every way the deep linear engine and the dispatcher refuse a request:
   other activations, the work bound (before any work is done), the size
   limits, an empty SPEC; and the counters the engine reports. */

#include <string.h>
#include <time.h>

#include "testutil.h"

static wc_status
run(wc_series_t s, const char * spec_text, const char * net_text,
    slong max_terms, wc_exact_linear_info_t info, wc_error_t err,
    int dispatcher)
{
    wc_spec_t spec;
    wc_net_t net;
    wc_exact_options_t opt;
    wc_status st;

    wc_spec_init(spec);
    wc_net_init(net);
    wc_exact_options_init(opt);
    if (max_terms > 0)
        opt->max_terms = max_terms;
    st = wc_spec_parse(spec, spec_text, err);
    if (st == WC_OK)
        st = wc_net_parse(net, net_text, err);
    if (st == WC_OK)
        st = dispatcher ? wc_exact_compute(s, spec, net, opt, err)
                        : wc_exact_linear(s, spec, net, opt, info, err);
    wc_net_clear(net);
    wc_spec_clear(spec);
    return st;
}

int
main(void)
{
    wc_test_t t;
    wc_series_t s;
    wc_mseries_t ms;
    wc_spec_t spec;
    wc_net_t net;
    wc_exact_options_t opt;
    wc_exact_linear_info_t info;
    wc_error_t err;
    wc_status st;
    fmpz_t count;
    clock_t t0;
    char text[512];
    slong i;

    wc_test_init(t, "t-linear_errors");
    wc_series_init(s);
    wc_mseries_init(ms, 1);
    wc_spec_init(spec);
    wc_net_init(net);
    wc_exact_options_init(opt);
    wc_error_init(err);
    fmpz_init(count);

    WC_CHECK(t, opt->max_terms == WC_EXACT_DEFAULT_MAX_TERMS,
             "default work bound");

    /* other activations */
    st = run(s, "ntk", "hidden=2,act=tanh", 0, info, err, 0);
    WC_CHECK(t, st == WC_ERR_UNSUPPORTED && strstr(err->msg, "act=linear")
             && strstr(err->msg, "act=tanh"), "tanh: %d %s", (int) st,
             err->msg);
    st = run(s, "ntk", "hidden=2,act=relu", 0, info, err, 1);
    WC_CHECK(t, st == WC_ERR_UNSUPPORTED
             && strstr(err->msg, "deep linear networks")
             && strstr(err->msg, "act=relu"), "dispatcher: %d %s", (int) st,
             err->msg);
    st = run(s, "ntk", "hidden=2,act=linear", 0, info, err, 1);
    WC_CHECK(t, st == WC_OK && !wc_series_is_zero(s), "dispatcher, linear");

    /* the work bound: refused at once, the estimate in the message */
    t0 = clock();
    st = run(s, "C[0,3]^2", "hidden=8,act=linear", 1000, info, err, 0);
    WC_CHECK(t, st == WC_ERR_RANGE && strstr(err->msg, "weight operations")
             && strstr(err->msg, "1000") && strstr(err->msg, "--max-terms"),
             "work bound: %d %s", (int) st, err->msg);
    WC_CHECK(t, (double) (clock() - t0) / CLOCKS_PER_SEC < 0.5,
             "the refusal is immediate");
    st = run(s, "C[0,3]^2", "hidden=8,act=linear", 0, info, err, 0);
    WC_CHECK(t, st == WC_OK && info->estimate > 1000
             && info->operations <= info->estimate && info->states > 0
             && info->moebius_terms == 1, "counters");
    st = run(s, "var(ntk)", "hidden=2,act=linear", 0, info, err, 0);
    WC_CHECK(t, st == WC_OK && info->moebius_terms == 2, "Moebius terms");
    st = run(s, "cum(f, f, f)", "hidden=2,act=linear", 0, info, err, 0);
    WC_CHECK(t, st == WC_OK && info->moebius_terms == 0
             && wc_series_is_zero(s), "odd: no transfer at all");
    st = run(s, "cum(f, f, f, f)", "hidden=2,act=linear", 0, info, err, 0);
    WC_CHECK(t, st == WC_OK && info->moebius_terms == 15, "B_4 = 15");

    /* the multivariate engine has its own, larger, estimate */
    wc_spec_parse(spec, "C[0,3]^2", err);
    wc_net_parse(net, "hidden=8,act=linear", err);
    opt->max_terms = 100000000;
    st = wc_exact_linear_widths(ms, spec, net, opt, info, err);
    WC_CHECK(t, st == WC_ERR_RANGE && strstr(err->msg, "weight operations"),
             "symbolic widths bound: %d %s", (int) st, err->msg);
    WC_CHECK(t, wc_exact_linear_estimate(spec, net, 1)
             > wc_exact_linear_estimate(spec, net, 0), "estimates");
    opt->max_terms = WC_EXACT_DEFAULT_MAX_TERMS;

    /* size limits */
    st = run(s, "f^18", "hidden=2,act=linear", 0, info, err, 0);
    WC_CHECK(t, st == WC_ERR_RANGE && strstr(err->msg, "18 tensors"),
             "too many tensors: %d %s", (int) st, err->msg);
    /* 16 tensors, 8 pairs joined by 9 indices each: 72 indices */
    {
        char * p = text;

        for (i = 0; i < 16; i++)
        {
            slong j;

            p += sprintf(p, i ? " f_" : "f_");
            for (j = 0; j < 9; j++)
                p += sprintf(p, "%c%ld", 'a' + (char) j, (long) (i / 2));
        }
    }
    st = run(s, text, "hidden=8,act=linear", 0, info, err, 0);
    WC_CHECK(t, st == WC_ERR_RANGE && strstr(err->msg, "72 contracted"),
             "too many indices: %d %s", (int) st, err->msg);
    /* ... unless the result is zero without computing: odd m, or a
       tensor of order above H + 1 */
    st = run(s, "f^17", "hidden=2,act=linear", 0, info, err, 0);
    WC_CHECK(t, st == WC_OK && wc_series_is_zero(s), "odd beyond limit");
    st = run(s, text, "hidden=7,act=linear", 0, info, err, 0);
    WC_CHECK(t, st == WC_OK && wc_series_is_zero(s), "order 9 > 8 layers");

    /* an empty SPEC built by hand */
    wc_spec_clear(spec);
    wc_spec_init(spec);
    st = wc_exact_linear(s, spec, net, opt, NULL, err);
    WC_CHECK(t, st == WC_ERR_PARSE, "empty spec: %d", (int) st);

    /* the naive enumeration, counted: f^4 visits 3^(H+1) pairings, ntk
       one per layer of its index, var(ntk) at H = 1 8 + 4 (both Moebius
       terms; doc/exact.md) */
    wc_net_parse(net, "hidden=3,act=linear", err);
    wc_spec_parse(spec, "f^4", err);
    WC_CHECK(t, wc_exact_linear_naive_count(count, spec, net)
             && fmpz_equal_si(count, 81), "naive f^4");
    wc_spec_parse(spec, "ntk", err);
    WC_CHECK(t, wc_exact_linear_naive_count(count, spec, net)
             && fmpz_equal_si(count, 4), "naive ntk");
    wc_net_parse(net, "hidden=1,act=linear", err);
    wc_spec_parse(spec, "var(ntk)", err);
    WC_CHECK(t, wc_exact_linear_naive_count(count, spec, net)
             && fmpz_equal_si(count, 12), "naive var(ntk)");
    /* with biases a strand may also start at any bias: at H = 2 the index
       at V leaves 3 ways for the rest, at layer 2 three, at layer 1 two */
    wc_net_parse(net, "hidden=2,act=linear,bias=1", err);
    wc_spec_parse(spec, "ntk", err);
    WC_CHECK(t, wc_exact_linear_naive_count(count, spec, net)
             && fmpz_equal_si(count, 8), "naive ntk with biases");
    wc_net_parse(net, "hidden=1,act=tanh", err);
    WC_CHECK(t, !wc_exact_linear_naive_count(count, spec, net)
             && fmpz_is_zero(count), "naive count outside the engine");

    fmpz_clear(count);
    wc_net_clear(net);
    wc_spec_clear(spec);
    wc_mseries_clear(ms);
    wc_series_clear(s);
    return wc_test_finish(t);
}
