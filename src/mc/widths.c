/* Width lists: "64,128,256" or the doubling range "64..4096". */

#include <ctype.h>

#include "weakcorr/mc.h"

#define WC_MC_MAX_WIDTHS 64
#define WC_MC_MAX_WIDTH (WORD(1) << 24)

static wc_status
read_width(slong * v, const char * s, slong * i, wc_error_t err)
{
    slong start = *i, n = 0;

    if (!isdigit((unsigned char) s[*i]))
    {
        if (s[*i] == '\0')
            return wc_error_set(err, WC_ERR_PARSE, *i,
                                "unexpected end, expected a width");
        return wc_error_set(err, WC_ERR_PARSE, *i,
                            "unexpected character '%c', expected a width",
                            s[*i]);
    }
    while (isdigit((unsigned char) s[*i]))
    {
        if (n <= WC_MC_MAX_WIDTH)
            n = 10 * n + (s[*i] - '0');
        (*i)++;
    }
    if (n == 0)
        return wc_error_set(err, WC_ERR_PARSE, start,
                            "a width must be at least 1");
    if (n > WC_MC_MAX_WIDTH)
        return wc_error_set(err, WC_ERR_PARSE, start,
                            "width too large (at most %ld)",
                            (long) WC_MC_MAX_WIDTH);
    *v = n;
    return WC_OK;
}

wc_status
wc_mc_widths_parse(slong ** widths, slong * nwidths, const char * text,
                   wc_error_t err)
{
    slong w[WC_MC_MAX_WIDTHS], n = 0, i = 0, lo, hi;
    wc_status status;

    if ((status = read_width(&lo, text, &i, err)) != WC_OK)
        return status;

    if (text[i] == '.' && text[i + 1] == '.')
    {
        slong at;

        i += 2;
        at = i;
        if ((status = read_width(&hi, text, &i, err)) != WC_OK)
            return status;
        if (text[i] != '\0')
            return wc_error_set(err, WC_ERR_PARSE, i,
                                "unexpected character '%c' after the range",
                                text[i]);
        if (hi < lo)
            return wc_error_set(err, WC_ERR_PARSE, at,
                                "the range ends below its start");
        for (w[n++] = lo; w[n - 1] < hi; n++)
        {
            if (n == WC_MC_MAX_WIDTHS)
                return wc_error_set(err, WC_ERR_PARSE, 0,
                                    "more than %d widths", WC_MC_MAX_WIDTHS);
            w[n] = 2 * w[n - 1];
        }
        if (w[n - 1] != hi)
            return wc_error_set(err, WC_ERR_PARSE, at,
                "a range lo..hi doubles from lo and must end at hi: %ld is "
                "not %ld times a power of 2", (long) hi, (long) lo);
    }
    else
    {
        w[n++] = lo;
        while (text[i] == ',')
        {
            slong at = ++i;

            if (n == WC_MC_MAX_WIDTHS)
                return wc_error_set(err, WC_ERR_PARSE, at,
                                    "more than %d widths", WC_MC_MAX_WIDTHS);
            if ((status = read_width(w + n, text, &i, err)) != WC_OK)
                return status;
            if (w[n] <= w[n - 1])
                return wc_error_set(err, WC_ERR_PARSE, at,
                    "widths must increase (%ld after %ld)", (long) w[n],
                    (long) w[n - 1]);
            n++;
        }
        if (text[i] != '\0')
            return wc_error_set(err, WC_ERR_PARSE, i,
                "unexpected character '%c' (a list 64,128,256 or a range "
                "64..4096)", text[i]);
    }

    *widths = flint_malloc(n * sizeof(slong));
    for (i = 0; i < n; i++)
        (*widths)[i] = w[i];
    *nwidths = n;
    return WC_OK;
}
