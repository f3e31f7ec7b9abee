/* Width lists and mc quantities: accepted forms, canonical text, and
   every error with its position. */

#include <string.h>

#include "testutil.h"
#include "weakcorr/mc.h"

typedef struct
{
    const char * text;
    wc_status status;
    slong pos;
    const char * msg;      /* a fragment of the message, or the canonical
                              form on success */
}
qcase;

static const qcase quantities[] =
{
    {"ntk", WC_OK, -1, "f_a f_a"},
    {"|C[1,2]|^2", WC_OK, -1, "1/4 f_abc f_b f_c f_ade f_d f_e"},
    {"|C[1,2]|", WC_OK, -1, "|C[1,2]|"},
    {"  |C[0,3]|  ", WC_OK, -1, "|C[0,3]|"},
    {"|C[2,1]|_op", WC_OK, -1, "|C[2,1]|_op"},
    {"|C[1,1]|(x1)", WC_OK, -1, "|C[1,1]|(x1)"},
    {"|C[1,1]|(x1, x)", WC_OK, -1, "|C[1,1]|(x1,x)"},
    {"|C[0,1]|(x,x)", WC_OK, -1, "|C[0,1]|"},
    {"|C[2,1]|", WC_ERR_UNSUPPORTED, 0, "|C[2,1]|^2"},
    {"|C[3,0]|", WC_ERR_UNSUPPORTED, 0, "Frobenius"},
    {"|C[1,1]|_op", WC_ERR_PARSE, 0, "_op is the spectral norm"},
    {"|C[0,0]|", WC_ERR_PARSE, 0, "C[0,0]"},
    {"|C[1,x]|", WC_ERR_PARSE, 5, "d in |C[D,d]|"},
    {"|C[1 1]|", WC_ERR_PARSE, 4, "','"},
    {"|C[1,1)", WC_ERR_PARSE, 6, "']'"},
    {"|C[1,1] ", WC_ERR_PARSE, 7, "'|'"},
    {"|C[1,1]|_fro", WC_ERR_PARSE, 8, "unknown norm"},
    {"|C[1,1]| f", WC_ERR_PARSE, 9, "the end"},
    {"|C[1,1]|(y)", WC_ERR_PARSE, 9, "input label"},
    {"|C[1,1]|(x1", WC_ERR_PARSE, 11, "')'"},
    {"|C[1,1]|(xa)", WC_ERR_PARSE, 9, "x followed by digits"},
    {"|C[999,1]|", WC_ERR_PARSE, 3, "too large"},
    {"f_a", WC_ERR_PARSE, 2, "index"},
};

typedef struct
{
    const char * text;
    wc_status status;
    slong pos;
    const char * msg;
    slong n;
    slong first, last;
}
wcase;

static const wcase widths[] =
{
    {"64", WC_OK, -1, NULL, 1, 64, 64},
    {"64,128,256", WC_OK, -1, NULL, 3, 64, 256},
    {"3,5,1000", WC_OK, -1, NULL, 3, 3, 1000},
    {"64..4096", WC_OK, -1, NULL, 7, 64, 4096},
    {"3..3", WC_OK, -1, NULL, 1, 3, 3},
    {"", WC_ERR_PARSE, 0, "expected a width", 0, 0, 0},
    {"0", WC_ERR_PARSE, 0, "at least 1", 0, 0, 0},
    {"64,", WC_ERR_PARSE, 3, "expected a width", 0, 0, 0},
    {"64,32", WC_ERR_PARSE, 3, "increase", 0, 0, 0},
    {"64,64", WC_ERR_PARSE, 3, "increase", 0, 0, 0},
    {"64..100", WC_ERR_PARSE, 4, "power of 2", 0, 0, 0},
    {"64..32", WC_ERR_PARSE, 4, "below its start", 0, 0, 0},
    {"64..", WC_ERR_PARSE, 4, "expected a width", 0, 0, 0},
    {"64;128", WC_ERR_PARSE, 2, "unexpected character ';'", 0, 0, 0},
    {"64..128x", WC_ERR_PARSE, 7, "after the range", 0, 0, 0},
    {"99999999999", WC_ERR_PARSE, 0, "too large", 0, 0, 0},
    {"1..1099511627776", WC_ERR_PARSE, 3, "too large", 0, 0, 0},
    {"a", WC_ERR_PARSE, 0, "unexpected character 'a'", 0, 0, 0},
};

int
main(void)
{
    wc_test_t t;
    size_t i;

    wc_test_init(t, "t-parse");

    for (i = 0; i < sizeof(quantities) / sizeof(quantities[0]); i++)
    {
        const qcase * c = quantities + i;
        wc_mc_quantity_t q;
        wc_error_t err;
        wc_status st;

        wc_mc_quantity_init(q);
        wc_error_init(err);
        st = wc_mc_quantity_parse(q, c->text, err);
        WC_CHECK(t, st == c->status, "'%s': status %d, expected %d (%s)",
                 c->text, (int) st, (int) c->status, err->msg);
        if (st == WC_OK && c->status == WC_OK)
        {
            char * s = wc_mc_quantity_get_str(q);

            WC_CHECK(t, strcmp(s, c->msg) == 0, "'%s': canonical '%s', "
                     "expected '%s'", c->text, s, c->msg);
            wc_free(s);
        }
        else if (st == c->status)
            WC_CHECK(t, err->pos == c->pos && strstr(err->msg, c->msg),
                     "'%s': position %ld, message '%s'", c->text,
                     (long) err->pos, err->msg);
        wc_mc_quantity_clear(q);
    }

    for (i = 0; i < sizeof(widths) / sizeof(widths[0]); i++)
    {
        const wcase * c = widths + i;
        wc_error_t err;
        slong * w = NULL, n = 0;
        wc_status st;

        wc_error_init(err);
        st = wc_mc_widths_parse(&w, &n, c->text, err);
        WC_CHECK(t, st == c->status, "widths '%s': status %d (%s)",
                 c->text, (int) st, err->msg);
        if (st == WC_OK && c->status == WC_OK)
            WC_CHECK(t, n == c->n && w[0] == c->first
                     && w[n - 1] == c->last, "widths '%s': %ld widths",
                     c->text, (long) n);
        else if (st == c->status)
            WC_CHECK(t, err->pos == c->pos && strstr(err->msg, c->msg),
                     "widths '%s': position %ld, message '%s'", c->text,
                     (long) err->pos, err->msg);
        flint_free(w);
    }

    return wc_test_finish(t);
}
