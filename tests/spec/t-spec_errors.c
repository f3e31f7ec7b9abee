/* Every way a SPEC can be malformed, with the position and the reason the
   parser must give. */

#include <string.h>

#include "testutil.h"

typedef struct
{
    const char * text;
    slong column;          /* 1-based, as the command line prints it */
    wc_status status;
    const char * reason;   /* a substring of the message */
}
error_case;

static const error_case cases[] =
{
    {"", 1, WC_ERR_PARSE, "empty SPEC"},
    {"   ", 4, WC_ERR_PARSE, "empty SPEC"},
    {"f_a", 3, WC_ERR_PARSE, "index 'a' appears only once"},
    {"f_a f_b f_a", 7, WC_ERR_PARSE, "index 'b' appears only once"},
    {"f_a f_a f_a", 11, WC_ERR_PARSE, "index 'a' appears a third time"},
    {"f_aaa", 5, WC_ERR_PARSE, "third time"},
    {"g_a g_a", 1, WC_ERR_PARSE, "unknown factor 'g'"},
    {"f_a ntkk_a", 5, WC_ERR_PARSE, "unknown factor 'ntkk'"},
    {"f_a f_a $", 9, WC_ERR_PARSE, "unexpected character '$'"},
    {"f_a f_a;", 8, WC_ERR_PARSE, "unexpected character ';'"},
    {"f_a\x01 f_a", 4, WC_ERR_PARSE, "unexpected byte 0x01"},
    {"f_", 3, WC_ERR_PARSE, "index letters after '_'"},
    {"f_1", 3, WC_ERR_PARSE, "index letters after '_'"},
    {"f_a(x1)f_a", 8, WC_ERR_PARSE, "a space before the next factor"},
    {"f_a(y) f_a", 5, WC_ERR_PARSE, "an input label"},
    {"f_a(xa) f_a", 5, WC_ERR_PARSE, "x followed by digits"},
    {"f_a(x1 f_a", 8, WC_ERR_PARSE, "')' after the input label"},
    {"f(x1,x2)", 5, WC_ERR_PARSE, "')' after the input label"},
    {"f(x99999)", 4, WC_ERR_PARSE, "input label number is too large"},
    {"1/0 f f", 3, WC_ERR_PARSE, "zero denominator"},
    {"1.2.3 f f", 4, WC_ERR_PARSE, "a space after the coefficient"},
    {"2", 2, WC_ERR_PARSE, "a product after the coefficient"},
    {"2f", 2, WC_ERR_PARSE, "a space after the coefficient"},
    {"1e5000 f", 2, WC_ERR_PARSE, "decimal exponent"},
    {"C[0,2", 6, WC_ERR_PARSE, "']' closing C[D,d]"},
    {"C[a,2]", 3, WC_ERR_PARSE, "D in C[D,d]"},
    {"C[0 2]", 4, WC_ERR_PARSE, "',' in C[D,d]"},
    {"C[1,2]", 1, WC_ERR_PARSE, "has 1 free index"},
    {"C[2,1]_a f_a", 1, WC_ERR_PARSE, "has 2 free indices but 1 is given"},
    {"C[0,1]_a f_a", 1, WC_ERR_PARSE, "has 0 free indices but 1 is given"},
    {"C[0,100000]", 5, WC_ERR_PARSE, "d in C[D,d] is too large"},
    {"C[200,200]", 1, WC_ERR_PARSE, "differentiates f more than"},
    {"C[0,300]", 5, WC_ERR_PARSE, "too large"},
    {"|C[1,1]|^3", 10, WC_ERR_PARSE, "only the squared norm"},
    {"|C[1,1]", 8, WC_ERR_PARSE, "'|' closing"},
    {"|f|^2", 2, WC_ERR_PARSE, "C[D,d] inside"},
    {"f_a^2 f_a", 4, WC_ERR_PARSE, "a power of a factor with named indices"},
    {"f^0", 3, WC_ERR_PARSE, "at least 1"},
    {"f^x", 3, WC_ERR_PARSE, "expected power"},
    {"f^5000", 3, WC_ERR_PARSE, "power is too large"},
    {"f^1000 f^1000", 8, WC_ERR_PARSE, "more than 1024 tensors"},
    {"C[0,10]^100", 1, WC_ERR_PARSE, "more than 1024 tensors"},
    {"var(f, f)", 6, WC_ERR_PARSE, "var(...) takes one product"},
    {"var(f", 4, WC_ERR_PARSE, "unclosed '('"},
    {"var f", 5, WC_ERR_PARSE, "'(' after var"},
    {"cum()", 5, WC_ERR_PARSE, "a product of factors"},
    {"cum(f,, f)", 7, WC_ERR_PARSE, "a product of factors"},
    {"cum(f, f) f", 11, WC_ERR_PARSE, "the end after cum(...)"},
    {"f cum(f)", 3, WC_ERR_PARSE, "must enclose the whole SPEC"},
    {"cum(f_a, f_b)", 7, WC_ERR_PARSE, "index 'a' appears only once"},
    {"f_a f_a)", 8, WC_ERR_PARSE, "a factor or the end of SPEC"},
    {"f_a, f_a", 4, WC_ERR_PARSE, "a factor or the end of SPEC"},
    {"f_a12345678901234 f_a12345678901234", 3, WC_ERR_PARSE,
     "index name longer"},
};

int
main(void)
{
    wc_test_t t;
    wc_spec_t spec;
    wc_error_t err;
    slong k;
    char * big;

    wc_test_init(t, "t-spec_errors");
    wc_spec_init(spec);

    for (k = 0; k < (slong) (sizeof(cases) / sizeof(cases[0])); k++)
    {
        const error_case * c = cases + k;
        wc_status status;

        wc_error_init(err);
        status = wc_spec_parse(spec, c->text, err);
        WC_CHECK(t, status == c->status && err->status == c->status,
                 "'%s': status %d, expected %d (%s)", c->text, status,
                 c->status, err->msg);
        WC_CHECK(t, err->pos + 1 == c->column,
                 "'%s': column %ld, expected %ld (%s)", c->text,
                 (long) err->pos + 1, (long) c->column, err->msg);
        WC_CHECK(t, strstr(err->msg, c->reason) != NULL
                 && strchr(err->msg, '\n') == NULL,
                 "'%s': message '%s' lacks '%s'", c->text, err->msg,
                 c->reason);
        WC_CHECK(t, spec->nfactors == 0, "'%s' left the spec empty",
                 c->text);
    }

    /* More than 256 indices on one tensor. */
    big = flint_malloc(3000);
    {
        char * p = big;

        p += sprintf(p, "f_");
        for (k = 0; k < 257; k++)
            p += sprintf(p, "a%ld", (long) k);
        *p = '\0';
    }
    WC_CHECK(t, wc_spec_parse(spec, big, err) == WC_ERR_PARSE
             && strstr(err->msg, "more than 256 indices") != NULL,
             "257 indices on one tensor: %s", err->msg);

    /* Text longer than the limit is refused before it is read. */
    big = flint_realloc(big, WC_SPEC_MAX_TEXT + 10);
    memset(big, 'f', WC_SPEC_MAX_TEXT + 5);
    big[WC_SPEC_MAX_TEXT + 5] = '\0';
    WC_CHECK(t, wc_spec_parse(spec, big, err) == WC_ERR_PARSE
             && err->pos == 0, "over-long SPEC");
    flint_free(big);

    /* A NULL error report is allowed. */
    WC_CHECK(t, wc_spec_parse(spec, "f_a", NULL) == WC_ERR_PARSE,
             "NULL err");

    wc_spec_clear(spec);
    return wc_test_finish(t);
}
