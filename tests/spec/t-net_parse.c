/* wc_net_parse: defaults, every key, canonical forms and round trips, and
   every malformed NET with its position and reason. */

#include <string.h>

#include "testutil.h"

static const char * const canonical[][2] =
{
    {"hidden=1", "hidden=1,act=tanh,param=ntk,din=1,bias=0"},
    {"act=relu, hidden = 3", "hidden=3,act=relu,param=ntk,din=1,bias=0"},
    {"hidden=3,act=tanh,param=ntk,din=1,bias=0",
     "hidden=3,act=tanh,param=ntk,din=1,bias=0"},
    {"param=standard,bias=0.1", "hidden=1,act=tanh,param=standard,din=1,"
                                "bias=1/10"},
    {"param=mf", "hidden=1,act=tanh,param=mf,din=1,bias=0"},
    {"act=poly(0,1,0,1/3,0,0)", "hidden=1,act=poly(0,1,0,1/3),param=ntk,"
                                "din=1,bias=0"},
    {"act=poly( 1 )", "hidden=1,act=poly(1),param=ntk,din=1,bias=0"},
    {"din=3,x1=(1,2,-1/2),x=2",
     "hidden=1,act=tanh,param=ntk,din=3,bias=0,x=2,x1=(1,2,-1/2)"},
    {"x2=0.5,din=2,x1=(1,1)",
     "hidden=1,act=tanh,param=ntk,din=2,bias=0,x1=1,x2=1/2"},
    {"act=linear", "hidden=1,act=linear,param=ntk,din=1,bias=0"},
    {"act=erf", "hidden=1,act=erf,param=ntk,din=1,bias=0"},
    {"act=sigmoid", "hidden=1,act=sigmoid,param=ntk,din=1,bias=0"},
    {"act=gelu", "hidden=1,act=gelu,param=ntk,din=1,bias=0"},
    {"act=sin", "hidden=1,act=sin,param=ntk,din=1,bias=0"},
    {"act=softplus", "hidden=1,act=softplus,param=ntk,din=1,bias=0"},
    {"hidden=64", "hidden=64,act=tanh,param=ntk,din=1,bias=0"},
};

typedef struct
{
    const char * text;
    slong column;
    wc_status status;
    const char * reason;
}
error_case;

static const error_case errors[] =
{
    {"", 1, WC_ERR_PARSE, "empty NET"},
    {"hiden=3", 1, WC_ERR_PARSE, "unknown key 'hiden'"},
    {"hidden=3,hidden=2", 10, WC_ERR_PARSE, "key 'hidden' given twice"},
    {"x1=1,x1=2", 6, WC_ERR_PARSE, "input 'x1' given twice"},
    {"act=tanhh", 5, WC_ERR_PARSE, "unknown activation 'tanhh'"},
    {"act=", 5, WC_ERR_PARSE, "an activation name"},
    {"act=poly", 9, WC_ERR_PARSE, "'(' and coefficients after poly"},
    {"act=poly(0,0)", 5, WC_ERR_PARSE, "identically zero"},
    {"act=poly(1,2", 9, WC_ERR_PARSE, "unclosed '('"},
    {"act=poly(1;2)", 11, WC_ERR_PARSE, "',' or ')'"},
    {"act=poly(1,x)", 12, WC_ERR_PARSE, "expected a number"},
    {"param=muP", 7, WC_ERR_PARSE, "unknown parameterisation 'muP'"},
    {"hidden=0", 8, WC_ERR_PARSE, "hidden must be at least 1"},
    {"hidden=65", 8, WC_ERR_PARSE, "hidden is too large"},
    {"hidden=99999999999999999999", 8, WC_ERR_PARSE, "too large"},
    {"hidden=2.5", 8, WC_ERR_PARSE, "positive integer"},
    {"hidden=-1", 8, WC_ERR_PARSE, "positive integer"},
    {"din=0", 5, WC_ERR_PARSE, "din must be at least 1"},
    {"din=2000000", 5, WC_ERR_PARSE, "din is too large"},
    {"bias=1/0", 8, WC_ERR_PARSE, "zero denominator"},
    {"bias=abc", 6, WC_ERR_PARSE, "expected a number"},
    {"hidden 3", 8, WC_ERR_PARSE, "expected '=' after 'hidden'"},
    {"hidden=3;act=relu", 9, WC_ERR_PARSE, "',' before the next key"},
    {"hidden=3,", 10, WC_ERR_PARSE, "a key"},
    {",hidden=3", 1, WC_ERR_PARSE, "a key"},
    {"x1=(1,2)", 4, WC_ERR_PARSE, "2 entries but din=1 (the default)"},
    {"din=3,x=(1,2)", 9, WC_ERR_PARSE, "2 entries but din=3"},
    {"x123456=1", 1, WC_ERR_PARSE, "input label number is too large"},
    {"xa=1", 1, WC_ERR_PARSE, "unknown key 'xa'"},
    {"act=relu\x7f", 9, WC_ERR_PARSE, "unexpected byte 0x7f"},
};

int
main(void)
{
    wc_test_t t;
    wc_net_t a, b;
    wc_error_t err;
    slong k;
    char * s;
    fmpq * x;

    wc_test_init(t, "t-net_parse");
    wc_net_init(a);
    wc_net_init(b);

    /* The defaults print as documented. */
    s = wc_net_get_str(a);
    WC_CHECK(t, strcmp(s, "hidden=1,act=tanh,param=ntk,din=1,bias=0") == 0,
             "defaults: %s", s);
    wc_free(s);

    for (k = 0; k < (slong) (sizeof(canonical) / sizeof(canonical[0])); k++)
    {
        wc_error_init(err);
        if (wc_net_parse(a, canonical[k][0], err) != WC_OK)
        {
            WC_CHECK(t, 0, "'%s' rejected: %s", canonical[k][0], err->msg);
            continue;
        }
        s = wc_net_get_str(a);
        WC_CHECK(t, strcmp(s, canonical[k][1]) == 0,
                 "'%s' prints as '%s', expected '%s'", canonical[k][0], s,
                 canonical[k][1]);
        WC_CHECK(t, wc_net_parse(b, s, err) == WC_OK && wc_net_equal(a, b),
                 "'%s' parses back", s);
        wc_net_set(b, a);
        WC_CHECK(t, wc_net_equal(a, b), "wc_net_set of '%s'", s);
        wc_free(s);
    }

    /* Inputs: given ones, scalars filling a vector, and the default. */
    WC_CHECK(t, wc_net_parse(a, "din=3,x1=(1,2,3),x=1/2", err) == WC_OK,
             "inputs");
    x = _fmpq_vec_init(3);
    wc_net_get_input(x, a, 1);
    WC_CHECK(t, fmpz_equal_si(fmpq_numref(x + 2), 3), "x1[2] = 3");
    wc_net_get_input(x, a, WC_INPUT_DEFAULT);
    WC_CHECK(t, fmpz_equal_si(fmpq_denref(x + 1), 2), "x[1] = 1/2");
    wc_net_get_input(x, a, 7);
    WC_CHECK(t, fmpq_is_one(x) && fmpq_is_one(x + 2), "x7 defaults to ones");
    _fmpq_vec_clear(x, 3);

    for (k = 0; k < (slong) (sizeof(errors) / sizeof(errors[0])); k++)
    {
        const error_case * c = errors + k;
        wc_status status;

        wc_error_init(err);
        wc_net_parse(b, "hidden=7", NULL);
        wc_net_set(a, b);
        status = wc_net_parse(a, c->text, err);
        WC_CHECK(t, status == c->status, "'%s': status %d, expected %d (%s)",
                 c->text, status, c->status, err->msg);
        WC_CHECK(t, err->pos + 1 == c->column,
                 "'%s': column %ld, expected %ld (%s)", c->text,
                 (long) err->pos + 1, (long) c->column, err->msg);
        WC_CHECK(t, strstr(err->msg, c->reason) != NULL,
                 "'%s': message '%s' lacks '%s'", c->text, err->msg,
                 c->reason);
        WC_CHECK(t, wc_net_equal(a, b), "'%s' left the NET unchanged",
                 c->text);
    }

    wc_net_clear(a);
    wc_net_clear(b);
    return wc_test_finish(t);
}
