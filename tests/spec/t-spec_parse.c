/* wc_spec_parse and wc_spec_get_str: shorthands against their index forms,
   canonical forms, and print/parse round trips of random specs. */

#include <string.h>

#include "testutil.h"

/* Pairs of texts that must parse to the same structure; the second is
   also the expected canonical form. */
static const char * const same[][2] =
{
    {"f", "f"},
    {"  f_a   f_a ", "f_a f_a"},
    {"ntk", "f_a f_a"},
    {"f_zz", "f_aa"},
    {"f_qp f_p f_q", "f_ab f_b f_a"},
    {"f_a f_b f_ab f", "f_a f_b f_ab f"},
    {"ntk(x1,x2)", "f_a(x1) f_a(x2)"},
    {"ntk(x3)", "f_a(x3) f_a(x3)"},
    {"f(x)", "f"},
    {"f(x07) f(x7)", "f(x7) f(x7)"},
    {"f^3", "f f f"},
    {"ntk^2", "f_a f_a f_b f_b"},
    {"C[0,0]", "f"},
    {"C[0,1]", "f_a f_a"},
    {"C[0,2]", "1/2 f_ab f_a f_b"},
    {"C[0,3]^2", "1/36 f_abc f_a f_b f_c f_def f_d f_e f_f"},
    {"C[0,2](x1, x2)", "1/2 f_ab(x1) f_a(x2) f_b(x2)"},
    {"|C[1,1]|^2", "f_ab f_b f_ac f_c"},
    {"|C[1,2]|^2", "1/4 f_abc f_b f_c f_ade f_d f_e"},
    {"|C[2,1]|^2", "1/4 f_abc f_c f_abd f_d"},
    {"|C[2,0]|^2", "1/4 f_ab f_ab"},
    {"C[1,1]_u C[1,1]_u", "f_ab f_b f_ac f_c"},
    {"C[2,1]_uv f_u f_v", "1/2 f_abc f_c f_a f_b"},
    {"var(ntk)", "cum(f_a f_a, f_b f_b)"},
    {"var(f)", "cum(f, f)"},
    {"cum(f, f, f, f)", "cum(f, f, f, f)"},
    {"cum(f_a,f_a)", "cum(f_a, f_a)"},
    {"cum( f_a f_b , f_ab f )", "cum(f_a f_b, f_ab f)"},
    {"var(C[0,2])", "1/4 cum(f_ab f_a f_b, f_cd f_c f_d)"},
    {"2 f f", "2 f f"},
    {"-1/2 f f", "-1/2 f f"},
    {"0.5 ntk", "1/2 f_a f_a"},
    {"3 C[0,2]", "3/2 f_ab f_a f_b"},
    {"2 var(f)", "2 cum(f, f)"},
    {"f_a1b2 f_a1 f_b2", "f_ab f_a f_b"},
    {"f_aA f_Aa", "f_ab f_ba"},
};

int
main(void)
{
    wc_test_t t;
    wc_spec_t s1, s2;
    wc_error_t err;
    slong k;
    char * str;

    wc_test_init(t, "t-spec_parse");
    wc_spec_init(s1);
    wc_spec_init(s2);
    wc_error_init(err);

    for (k = 0; k < (slong) (sizeof(same) / sizeof(same[0])); k++)
    {
        int ok1 = wc_spec_parse(s1, same[k][0], err) == WC_OK;
        int ok2 = wc_spec_parse(s2, same[k][1], err) == WC_OK;

        WC_CHECK(t, ok1 && ok2, "'%s' and '%s' parse (%s)", same[k][0],
                 same[k][1], err->msg);
        if (!(ok1 && ok2))
            continue;
        WC_CHECK(t, wc_spec_equal(s1, s2), "'%s' equals '%s'", same[k][0],
                 same[k][1]);
        str = wc_spec_get_str(s1);
        WC_CHECK(t, strcmp(str, same[k][1]) == 0,
                 "canonical form of '%s' is '%s', expected '%s'",
                 same[k][0], str, same[k][1]);
        wc_free(str);
    }

    /* Structure of one parse, checked field by field. */
    WC_CHECK(t, wc_spec_parse(s1, "cum(f_a f_b(x2), f_ab f)", err) == WC_OK
             && s1->nfactors == 4 && s1->nindices == 2 && s1->connected
             && s1->ngroups == 2 && s1->factors[1].input == 2
             && s1->factors[1].group == 0 && s1->factors[2].group == 1
             && s1->factors[2].order == 2 && s1->factors[2].index[0] == 0
             && s1->factors[2].index[1] == 1 && s1->factors[0].input == -1
             && s1->factors[2].pos == 17, "fields of a cumulant spec");

    /* A chain of 64 tensors needs index names beyond single letters. */
    {
        char text[2048], * p = text;

        p += sprintf(p, "f_i0");
        for (k = 1; k < 63; k++)
            p += sprintf(p, " f_i%ldi%ld", (long) (k - 1), (long) k);
        sprintf(p, " f_i62");
        WC_CHECK(t, wc_spec_parse(s1, text, err) == WC_OK
                 && s1->nfactors == 64 && s1->nindices == 63,
                 "64-tensor chain (%s)", err->msg);
        str = wc_spec_get_str(s1);
        WC_CHECK(t, wc_spec_parse(s2, str, err) == WC_OK
                 && wc_spec_equal(s1, s2), "64-tensor chain round trip");
        wc_free(str);
    }

    /* Random specs: canonical print, parse back, equal; and printing the
       reparsed one gives the same text. */
    for (k = 0; k < wc_test_trials(t, 3000); k++)
    {
        wc_test_graph_t g;
        char * text, * again;

        wc_test_graph_init(g, 1);
        wc_test_graph_randtest(g, t, 12, 20, n_randint(t->state, 2));
        text = wc_test_graph_text(g);

        if (wc_spec_parse(s1, text, err) != WC_OK)
        {
            WC_CHECK(t, 0, "random spec '%s' rejected: %s", text, err->msg);
        }
        else
        {
            WC_CHECK(t, s1->nfactors == g->m && s1->nindices == g->npairs,
                     "sizes of '%s'", text);
            str = wc_spec_get_str(s1);
            WC_CHECK(t, wc_spec_parse(s2, str, err) == WC_OK
                     && wc_spec_equal(s1, s2), "round trip '%s' -> '%s'",
                     text, str);
            again = wc_spec_get_str(s2);
            WC_CHECK(t, strcmp(str, again) == 0, "'%s' is canonical", str);
            wc_free(again);
            wc_free(str);
        }
        flint_free(text);
        wc_test_graph_clear(g);
    }

    /* wc_spec_set copies, and a failed parse leaves the target alone. */
    wc_spec_parse(s1, "C[0,3]^2", err);
    wc_spec_set(s2, s1);
    WC_CHECK(t, wc_spec_equal(s1, s2), "wc_spec_set");
    WC_CHECK(t, wc_spec_parse(s2, "f_a", err) == WC_ERR_PARSE
             && wc_spec_equal(s1, s2), "failed parse leaves spec unchanged");

    wc_spec_clear(s1);
    wc_spec_clear(s2);
    return wc_test_finish(t);
}
