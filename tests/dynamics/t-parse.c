/* Option text: steps and number lists, with every error's position and
   reason. */

#include "dyntest.h"

typedef struct
{
    const char * text;
    slong pos;
    const char * msg;
}
bad_case;

int
main(void)
{
    wc_test_t t;
    wc_error_t err;
    slong * v, n, i;
    double * d;

    wc_test_init(t, "t-parse");
    wc_error_init(err);

    WC_CHECK(t, wc_dyn_parse_steps(&v, &n, "100", err) == WC_OK && n == 8
             && v[0] == 1 && v[6] == 64 && v[7] == 100, "step count");
    flint_free(v);
    WC_CHECK(t, wc_dyn_parse_steps(&v, &n, "64", err) == WC_OK && n == 7
             && v[6] == 64, "step count, a power of two");
    flint_free(v);
    WC_CHECK(t, wc_dyn_parse_steps(&v, &n, "1", err) == WC_OK && n == 1
             && v[0] == 1, "one step");
    flint_free(v);
    WC_CHECK(t, wc_dyn_parse_steps(&v, &n, "50,5,500", err) == WC_OK
             && n == 3 && v[0] == 5 && v[2] == 500, "step list");
    flint_free(v);
    {
        const bad_case bad[] = {
            {"0", 0, "step must be at least 1"},
            {"1..8", 0, "not a range"},
            {"1,,2", 2, "expected a step"},
            {"-3", 0, "expected a step, found '-'"},
            {"99999999999", 0, "step is too large"},
        };

        for (i = 0; i < (slong) (sizeof(bad) / sizeof(bad[0])); i++)
        {
            wc_status st = wc_dyn_parse_steps(&v, &n, bad[i].text, err);

            WC_CHECK(t, st == WC_ERR_PARSE && err->pos == bad[i].pos
                     && strstr(err->msg, bad[i].msg) != NULL,
                     "steps '%s': status %d pos %ld '%s'", bad[i].text,
                     (int) st, (long) err->pos, err->msg);
        }
    }

    WC_CHECK(t, wc_dyn_parse_doubles(&d, &n, "0,0.25,-0.5", -1.0, 0, err)
             == WC_OK && n == 3 && d[1] == 0.25 && d[2] == -0.5, "doubles");
    flint_free(d);
    {
        const struct
        {
            const char * text;
            double lo;
            int strict;
            slong pos;
            const char * msg;
        }
        bad[] = {
            {"", 0, 0, 0, "expected a number"},
            {"1,x", 0, 0, 2, "expected a number"},
            {"1 2", 0, 0, 2, "expected ',' or the end, found '2'"},
            {"inf", 0, 0, 0, "not a finite number"},
            {"1e999", 0, 0, 0, "not a finite number"},
            {"0", 0, 1, 0, "must be above 0"},
            {"2,-1", 0, 0, 2, "must be at least 0"},
        };

        for (i = 0; i < (slong) (sizeof(bad) / sizeof(bad[0])); i++)
        {
            wc_status st = wc_dyn_parse_doubles(&d, &n, bad[i].text,
                                                bad[i].lo, bad[i].strict,
                                                err);

            WC_CHECK(t, st == WC_ERR_PARSE && err->pos == bad[i].pos
                     && strstr(err->msg, bad[i].msg) != NULL,
                     "doubles '%s': status %d pos %ld '%s'", bad[i].text,
                     (int) st, (long) err->pos, err->msg);
        }
    }

    {
        wc_dyn_loss loss;

        WC_CHECK(t, wc_dyn_loss_parse(&loss, "logistic", err) == WC_OK
                 && loss == WC_DYN_LOSS_LOGISTIC, "logistic");
        WC_CHECK(t, wc_dyn_loss_parse(&loss, "mse", err) == WC_OK
                 && loss == WC_DYN_LOSS_SQUARED, "mse");
        WC_CHECK(t, wc_dyn_loss_parse(&loss, "hinge", err) == WC_ERR_PARSE
                 && strstr(err->msg, "unknown loss 'hinge'") != NULL,
                 "unknown loss");
    }

    return wc_test_finish(t);
}
