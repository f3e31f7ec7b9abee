/* Names of the statistics, fit models and verdicts, as the command line
   prints and parses them. */

#include <string.h>

#include "weakcorr/stats.h"

static const char * const stat_names[WC_STAT_COUNT] =
{
    "auto", "mean", "rms", "abs", "median", "q90", "q99"
};

const char *
wc_stat_name(wc_stat_kind stat)
{
    if ((int) stat < 0 || stat >= WC_STAT_COUNT)
        return "unknown";
    return stat_names[stat];
}

wc_status
wc_stat_parse(wc_stat_kind * stat, const char * text, wc_error_t err)
{
    int k;

    if (text == NULL)
        return wc_error_set(err, WC_ERR_PARSE, 0, "missing statistic");
    for (k = 0; k < WC_STAT_COUNT; k++)
        if (strcmp(text, stat_names[k]) == 0)
        {
            *stat = (wc_stat_kind) k;
            return WC_OK;
        }
    return wc_error_set(err, WC_ERR_PARSE, 0,
                        "unknown statistic '%.64s%s' (expected auto, mean, "
                        "rms, abs, median, q90 or q99)",
                        text, strlen(text) > 64 ? "..." : "");
}

static const char * const model_names[WC_STATS_MODEL_COUNT] =
{
    "power", "corrected"
};

const char *
wc_stats_model_name(wc_stats_model model)
{
    if ((int) model < 0 || model >= WC_STATS_MODEL_COUNT)
        return "unknown";
    return model_names[model];
}

wc_status
wc_stats_model_parse(wc_stats_model * model, const char * text,
                     wc_error_t err)
{
    int k;

    if (text == NULL)
        return wc_error_set(err, WC_ERR_PARSE, 0, "missing model");
    for (k = 0; k < WC_STATS_MODEL_COUNT; k++)
        if (strcmp(text, model_names[k]) == 0)
        {
            *model = (wc_stats_model) k;
            return WC_OK;
        }
    return wc_error_set(err, WC_ERR_PARSE, 0,
                        "unknown model '%.64s%s' (expected power or "
                        "corrected)", text, strlen(text) > 64 ? "..." : "");
}

const char *
wc_verdict_name(wc_verdict v)
{
    switch (v)
    {
        case WC_VERDICT_TIGHT:
            return "tight";
        case WC_VERDICT_NOT_TIGHT:
            return "not tight";
        case WC_VERDICT_VIOLATED:
            return "violated";
        case WC_VERDICT_ZERO:
            return "zero";
        case WC_VERDICT_INCONCLUSIVE:
            return "inconclusive";
        default:
            return "unknown";
    }
}
