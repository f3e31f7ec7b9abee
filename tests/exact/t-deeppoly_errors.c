/* Every failure of the deep polynomial engine a user can reach: other
   activations, the size limits, the work bound (refused by the estimate,
   by the pilot runs, and stopped while running), a spec without tensors
   or whose indices are not each used twice; and the degenerate inputs
   that are answered (the zero activation, info filled or omitted,
   distinct widths). */

#include <math.h>
#include <string.h>

#include "testutil.h"

static wc_status
run(wc_series_t s, wc_error_t err, const char * spec_text,
    const char * net_text, slong max_terms)
{
    wc_spec_t spec;
    wc_net_t net;
    wc_exact_options_t opt;
    wc_status st;

    wc_spec_init(spec);
    wc_net_init(net);
    wc_exact_options_init(opt);
    opt->max_terms = max_terms;
    wc_error_init(err);
    st = wc_spec_parse(spec, spec_text, err);
    if (st == WC_OK)
        st = wc_net_parse(net, net_text, err);
    if (st == WC_OK)
        st = wc_exact_deeppoly(s, spec, net, opt, NULL, err);
    wc_net_clear(net);
    wc_spec_clear(spec);
    return st;
}

static void
expect_error(wc_test_t t, const char * spec_text, const char * net_text,
             slong max_terms, wc_status status, const char * needle)
{
    wc_series_t s;
    wc_error_t err;
    wc_status st;

    wc_series_init(s);
    st = run(s, err, spec_text, net_text, max_terms);
    WC_CHECK(t, st == status && strstr(err->msg, needle) != NULL,
             "%s | %s: status %d (expected %d), '%s' lacks '%s'", spec_text,
             net_text, (int) st, (int) status, err->msg, needle);
    WC_CHECK(t, wc_series_is_zero(s), "%s: result not cleared", spec_text);
    wc_series_clear(s);
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
    wc_exact_deeppoly_info_t info;
    wc_error_t err;
    wc_buf_t text;
    slong i, k;

    wc_test_init(t, "t-deeppoly_errors");
    wc_series_init(s);
    wc_spec_init(spec);
    wc_net_init(net);
    wc_exact_options_init(opt);
    wc_buf_init(text);

    /* activations outside the engine */
    expect_error(t, "ntk", "hidden=2,act=tanh", 100000000,
                 WC_ERR_UNSUPPORTED, "act=poly");
    expect_error(t, "ntk", "hidden=3,act=relu", 100000000,
                 WC_ERR_UNSUPPORTED, "act=relu");

    /* the dispatcher names what it covers */
    wc_net_parse(net, "hidden=2,act=sin", err);
    wc_spec_parse(spec, "ntk", err);
    wc_error_init(err);
    WC_CHECK(t, wc_exact_compute(s, spec, net, opt, err)
             == WC_ERR_UNSUPPORTED && strstr(err->msg, "act=poly") != NULL,
             "dispatcher: %s", err->msg);
    WC_CHECK(t, wc_exact_choose(net) == WC_EXACT_ENGINE_NONE,
             "engine for sin at depth 2");
    WC_CHECK(t, isinf(wc_exact_deeppoly_estimate(spec, net, 0)),
             "estimate outside the engine");

    /* size limits: tensors, order, slots */
    expect_error(t, "f^34", "hidden=2,act=poly(0,1,1)", 100000000,
                 WC_ERR_RANGE, "at most 32");
    expect_error(t, "f_abcdefghijklm f_abcdefghijklm",
                 "hidden=2,act=poly(0,1,1)", 100000000, WC_ERR_RANGE,
                 "orders up to 12");
    wc_buf_reset(text);
    for (i = 0; i < 6; i++)
    {
        /* six tensors of order 11: 33 indices, 66 slots */
        wc_buf_puts(text, i ? " f_" : "f_");
        for (k = 0; k < 11; k++)
        {
            slong id = (i / 2) * 11 + k;   /* tensors 2j, 2j+1 share */

            wc_buf_printf(text, "%c%ld", 'a' + (char) (id % 26),
                          (long) (id / 26 + 1));
        }
    }
    expect_error(t, text->str, "hidden=2,act=poly(0,1,1)", 100000000,
                 WC_ERR_RANGE, "contracted indices");

    /* the work bound: the estimate at depth 2, the pilots at depth 3,
       and a request whose estimate passes but whose work does not */
    expect_error(t, "C[0,2]^2", "hidden=2,act=poly(0,1,1)", 1000,
                 WC_ERR_RANGE, "would take about");
    expect_error(t, "C[0,3]^2", "hidden=3,act=poly(0,1,1)", 100000,
                 WC_ERR_RANGE, "on 1 or 2 hidden layers");
    expect_error(t, "f_a(x1) f_a(x2)", "hidden=4,act=poly(0,1,0,1),x1=2",
                 2000000, WC_ERR_RANGE, "exceeded the work bound");

    /* the memory bound: var(ntk) at depth 3 holds about 2 MB at its
       peak; with a bound of 100 kB it stops, with the default it is
       answered and the peak is reported */
    {
        wc_spec_t sp;
        wc_net_t nt;
        wc_series_t r;
        wc_exact_options_struct saved = *opt;
        wc_status st;

        wc_spec_init(sp);
        wc_net_init(nt);
        wc_series_init(r);
        wc_exact_options_init(opt);
        wc_error_init(err);
        WC_CHECK(t, wc_spec_parse(sp, "var(ntk)", err) == WC_OK
                    && wc_net_parse(nt, "hidden=3,act=poly(0,1,1)", err)
                       == WC_OK, "parse: %s", err->msg);
        st = wc_exact_deeppoly(r, sp, nt, opt, info, err);
        WC_CHECK(t, st == WC_OK && info->peak_bytes > 1e5
                    && info->peak_bytes < opt->max_memory,
                 "default memory bound: status %d, peak %g bytes", (int) st,
                 info->peak_bytes);
        opt->max_memory = 1e5;
        st = wc_exact_deeppoly(r, sp, nt, opt, info, err);
        WC_CHECK(t, st == WC_ERR_RANGE && strstr(err->msg, "memory bound")
                    && wc_series_is_zero(r),
                 "memory bound of 1e5 bytes: status %d, '%s'", (int) st,
                 err->msg);
        *opt = saved;
        wc_series_clear(r);
        wc_net_clear(nt);
        wc_spec_clear(sp);
    }

    /* a spec with an index used once: built by hand, the parser refuses
       it */
    {
        wc_spec_t bad;
        slong id;

        wc_spec_init(bad);
        id = wc_spec_new_index(bad);
        wc_spec_append_factor(bad, &id, 1, WC_INPUT_DEFAULT, -1);
        wc_spec_append_factor(bad, NULL, 0, WC_INPUT_DEFAULT, -1);
        wc_net_parse(net, "hidden=2,act=poly(1,1,1)", err);
        wc_error_init(err);
        WC_CHECK(t, wc_exact_deeppoly(s, bad, net, opt, NULL, err)
                 == WC_ERR_PARSE, "index used once: %s", err->msg);
        wc_spec_clear(bad);
    }

    /* no tensors: malformed, as for the other engines; answered: the zero
       activation (zero; the parser refuses it but a NET built in code may
       have it), info NULL or not, distinct widths */
    {
        wc_spec_t empty;
        fmpq_t c;

        wc_spec_init(empty);
        fmpq_init(c);
        fmpq_set_si(empty->coeff, 3, 7);
        wc_net_parse(net, "hidden=2,act=poly(1,1,1)", err);
        WC_CHECK(t, wc_exact_deeppoly(s, empty, net, opt, info, err)
                 == WC_ERR_PARSE && strstr(err->msg, "empty") != NULL,
                 "empty spec: %s", err->msg);

        fmpq_zero(net->poly + 0);
        fmpq_zero(net->poly + 1);
        fmpq_zero(net->poly + 2);
        wc_spec_parse(spec, "var(ntk)", err);
        WC_CHECK(t, wc_exact_deeppoly(s, spec, net, opt, info, err)
                 == WC_OK && wc_series_is_zero(s), "zero activation");
        WC_CHECK(t, wc_exact_deeppoly_estimate(spec, net, 0) == 0.0,
                 "estimate of a zero result");

        wc_net_parse(net, "hidden=3,act=poly(1,-1,1/2),bias=1", err);
        wc_spec_parse(spec, "f_a f_b f_ab f", err);
        WC_CHECK(t, wc_exact_deeppoly(s, spec, net, opt, info, err)
                 == WC_OK, "%s", err->msg);
        WC_CHECK(t, info->estimate > 0.0 && info->operations > 0.0
                 && info->moebius_terms == 1 && info->states > 0,
                 "info filled");
        WC_CHECK(t, wc_exact_deeppoly_estimate(spec, net, 0)
                 == info->estimate, "estimate reproducible");
        wc_mseries_init(ms, 1);
        WC_CHECK(t, wc_exact_deeppoly_widths(ms, spec, net, opt, NULL, err)
                 == WC_OK && ms->nvars == 3, "widths: %s", err->msg);
        wc_mseries_clear(ms);
        fmpq_clear(c);
        wc_spec_clear(empty);
    }

    wc_buf_clear(text);
    wc_net_clear(net);
    wc_spec_clear(spec);
    wc_series_clear(s);
    return wc_test_finish(t);
}
