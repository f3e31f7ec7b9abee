/* Table plans: the presets, table files, and every malformed table file
   with its line, column and reason. */

#include <string.h>

#include "testutil.h"

typedef struct
{
    const char * text;
    const char * message;   /* a substring of the error message */
}
plan_error_case;

static const plan_error_case errors[] =
{
    {"", "has no rows"},
    {"# only a comment\n\n", "has no rows"},
    {"f_a\n", "line 1, column 3: SPEC: index 'a' appears only once"},
    {"ntk\nVar ; var(f_a)\n", "line 2, column 13: SPEC: index 'a' appears"},
    {"name ; \n", "line 1, column 7: row: missing QUANTITY"},
    {"ntk ; ntk ; act=tanhh\n", "line 1, column 17: NET: unknown "
     "activation 'tanhh'"},
    {"a ; ntk ; ; 64..100\n", "line 1, column 17: widths"},
    {"a ; ntk ; ; ; 0\n", "line 1, column 15: samples: expected a positive"},
    {"a ; ntk ; ; ; 12x\n", "line 1, column 17: samples"},
    {"a ; ntk ; ; ; ; mode\n", "line 1, column 17: stat"},
    {"a ; ntk ; ; ; ; mean ; extra\n", "line 1, column 22: row: more than "
     "six fields"},
    {"net = hidden=0\nntk\n", "line 1, column 14: NET: hidden must be"},
    {"widths = 8..12\nntk\n", "line 1, column 13: widths"},
    {"samples = many\nntk\n", "line 1, column 11: samples"},
    {"ntk\ndeviation(steps=0)\n", "line 2, column 17: steps"},
    {"deviation(lr=-1)\n", "line 1, column 14: lr: expected a positive"},
    {"deviation(rate=1)\n", "line 1, column 11: deviation: unknown "
     "parameter"},
    {"deviation[2]\n", "line 1, column 10: deviation: expected"},
    {"ntk\n|C[3,1]|\n", "line 2"},
    {"ntk \x01\n", "line 1, column 5: row: unexpected control character"},
};

int
main(void)
{
    wc_test_t t;
    wc_table_plan_t plan;
    wc_error_t err;
    slong k;

    wc_test_init(t, "t-table_plan");
    wc_table_plan_init(plan);

    /* The presets. */
    WC_CHECK(t, wc_table_plan_preset(plan, "paper", 0, err) == WC_OK
             && plan->nitems == 16 && plan->nwidths == 5
             && plan->widths[0] == 64 && plan->widths[4] == 1024
             && plan->items[15].deviation
             && strcmp(plan->items[4].quantity, "|C[0,5]|") == 0
             && plan->items[4].stat == WC_STAT_RMS, "preset paper");
    wc_table_plan_clear(plan);
    wc_table_plan_init(plan);
    WC_CHECK(t, wc_table_plan_preset(plan, "paper", 1, err) == WC_OK
             && plan->widths[0] == 32 && plan->nitems == 16,
             "preset paper, quick");
    wc_table_plan_clear(plan);
    wc_table_plan_init(plan);
    WC_CHECK(t, wc_table_plan_preset(plan, "dyer", 0, err) == WC_OK
             && plan->nitems == 15 && plan->nwidths == 7
             && plan->widths[6] == 8192
             && strcmp(plan->items[5].net, "hidden=3,act=relu") == 0,
             "preset dyer");
    WC_CHECK(t, wc_table_plan_preset(plan, "mine", 0, err) == WC_ERR_PARSE
             && strstr(err->msg, "unknown preset 'mine'") != NULL,
             "unknown preset");
    wc_table_plan_clear(plan);

    /* A table file using every feature. */
    wc_table_plan_init(plan);
    {
        const char * text =
            "# a study\n"
            "title = My study   \n"
            "net = act=relu, hidden=3\n"
            "widths = 16,32,64\n"
            "samples = 50\n"
            "seeds = 9\n"
            "\n"
            "ntk\n"
            "Variance ; var(ntk) ; ; ; 200   # more samples\n"
            "norm ; |C[1,1]|(x1) ; act=tanh ; 8..32 ; 30 ; q90\n"
            "lin ; deviation(steps=5, lr=0.25)\n"
            "deviation\n";

        if (wc_table_plan_parse(plan, text, err) != WC_OK)
        {
            WC_CHECK(t, 0, "table file parses: %s", err->msg);
            return wc_test_finish(t);
        }
        WC_CHECK(t, strcmp(plan->title, "My study") == 0
                 && strcmp(plan->net, "hidden=3,act=relu,param=ntk,din=1,"
                           "bias=0") == 0 && plan->nwidths == 3
                 && plan->samples == 50 && plan->seeds == 9
                 && plan->nitems == 5, "directives");
        WC_CHECK(t, strcmp(plan->items[0].name, "ntk") == 0
                 && strcmp(plan->items[0].quantity, "f_a f_a") == 0
                 && plan->items[0].line == 8, "a bare quantity");
        WC_CHECK(t, strcmp(plan->items[1].name, "Variance") == 0
                 && plan->items[1].samples == 200
                 && plan->items[1].net == NULL, "defaults kept");
        WC_CHECK(t, plan->items[2].stat == WC_STAT_Q90
                 && plan->items[2].nwidths == 3
                 && plan->items[2].widths[2] == 32
                 && strcmp(plan->items[2].net, "hidden=1,act=tanh,param=ntk,"
                           "din=1,bias=0") == 0, "every field");
        WC_CHECK(t, plan->items[3].deviation && plan->items[3].steps == 5
                 && plan->items[3].lr == 0.25
                 && plan->items[4].deviation && plan->items[4].steps == 10,
                 "deviation rows");
    }

    /* Errors, each with its line and column; the plan is left alone. */
    for (k = 0; k < (slong) (sizeof(errors) / sizeof(errors[0])); k++)
    {
        wc_error_init(err);
        WC_CHECK(t, wc_table_plan_parse(plan, errors[k].text, err)
                    == WC_ERR_PARSE
                 && strstr(err->msg, errors[k].message) != NULL
                 && strchr(err->msg, '\n') == NULL,
                 "case %ld: '%s' (expected '%s')", (long) k, err->msg,
                 errors[k].message);
        WC_CHECK(t, plan->nitems == 5, "case %ld left the plan alone",
                 (long) k);
    }

    wc_table_plan_clear(plan);
    return wc_test_finish(t);
}
