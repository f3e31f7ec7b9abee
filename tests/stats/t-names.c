/* Names of statistics, fit models and verdicts: round trips and the
   parse errors. */

#include <string.h>

#include "testutil.h"

int
main(void)
{
    wc_test_t t;
    wc_error_t err;
    wc_stat_kind k, got;
    static const char * const names[] =
        { "auto", "mean", "rms", "abs", "median", "q90", "q99" };
    static const char * const bad[] =
        { "", "Mean", "mean ", "q95", "rms2", "average", "q9" };
    static const char * const verdicts[] =
        { "tight", "not tight", "violated", "zero", "inconclusive" };
    char longname[300];
    slong i;

    wc_test_init(t, "t-names");

    for (k = WC_STAT_AUTO; k < WC_STAT_COUNT; k++)
    {
        WC_CHECK(t, strcmp(wc_stat_name(k), names[k]) == 0,
                 "name of %d is '%s'", (int) k, wc_stat_name(k));
        wc_error_init(err);
        got = WC_STAT_COUNT;
        WC_CHECK(t, wc_stat_parse(&got, names[k], err) == WC_OK
                 && got == k, "parse '%s' gave %d", names[k], (int) got);
    }
    WC_CHECK(t, strcmp(wc_stat_name(WC_STAT_COUNT), "unknown") == 0,
             "name of an out-of-range statistic");

    for (i = 0; i < (slong) (sizeof(bad) / sizeof(bad[0])); i++)
    {
        wc_error_init(err);
        got = WC_STAT_Q99;
        WC_CHECK(t, wc_stat_parse(&got, bad[i], err) == WC_ERR_PARSE
                 && err->status == WC_ERR_PARSE && got == WC_STAT_Q99
                 && strstr(err->msg, "unknown statistic") != NULL
                 && strchr(err->msg, '\n') == NULL,
                 "'%s' not rejected properly: %s", bad[i], err->msg);
    }
    wc_error_init(err);
    WC_CHECK(t, wc_stat_parse(&got, NULL, err) == WC_ERR_PARSE,
             "NULL text accepted");

    /* A long name is cut in the message, which still fits its buffer. */
    memset(longname, 'x', sizeof(longname) - 1);
    longname[sizeof(longname) - 1] = '\0';
    wc_error_init(err);
    WC_CHECK(t, wc_stat_parse(&got, longname, err) == WC_ERR_PARSE
             && strstr(err->msg, "...") != NULL
             && strlen(err->msg) < sizeof(err->msg),
             "long name: %s", err->msg);

    {
        static const char * const models[2] = { "power", "corrected" };
        static const char * const bad_models[4] =
            { "", "Power", "corrected ", "power-law" };
        wc_stats_model m, mgot;

        for (m = WC_STATS_MODEL_POWER; m < WC_STATS_MODEL_COUNT; m++)
        {
            WC_CHECK(t, strcmp(wc_stats_model_name(m), models[m]) == 0,
                     "model %d is '%s'", (int) m, wc_stats_model_name(m));
            mgot = WC_STATS_MODEL_COUNT;
            WC_CHECK(t, wc_stats_model_parse(&mgot, models[m], err) == WC_OK
                     && mgot == m, "parse model '%s'", models[m]);
        }
        WC_CHECK(t, strcmp(wc_stats_model_name(WC_STATS_MODEL_COUNT),
                           "unknown") == 0
                 && strcmp(wc_stats_model_name((wc_stats_model) -1),
                           "unknown") == 0, "out-of-range model");
        for (i = 0; i < 4; i++)
        {
            wc_error_init(err);
            mgot = WC_STATS_MODEL_CORRECTED;
            WC_CHECK(t, wc_stats_model_parse(&mgot, bad_models[i], err)
                     == WC_ERR_PARSE && err->pos == 0
                     && mgot == WC_STATS_MODEL_CORRECTED
                     && strstr(err->msg, "unknown model") != NULL,
                     "model '%s' not rejected properly: %s", bad_models[i],
                     err->msg);
        }
        WC_CHECK(t, wc_stats_model_parse(&mgot, NULL, err) == WC_ERR_PARSE,
                 "NULL model text accepted");
        wc_error_init(err);
        WC_CHECK(t, wc_stats_model_parse(&mgot, longname, err)
                 == WC_ERR_PARSE && strstr(err->msg, "...") != NULL,
                 "long model name: %s", err->msg);
    }

    for (i = 0; i < 5; i++)
        WC_CHECK(t, strcmp(wc_verdict_name((wc_verdict) i), verdicts[i])
                 == 0, "verdict %ld is '%s'", (long) i,
                 wc_verdict_name((wc_verdict) i));
    WC_CHECK(t, strcmp(wc_verdict_name((wc_verdict) 5), "unknown") == 0,
             "out-of-range verdict");

    return wc_test_finish(t);
}
