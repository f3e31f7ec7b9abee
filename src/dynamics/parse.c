/* Option text: step lists and counts, lists of numbers; errors carry the
   byte position. */

#include <ctype.h>
#include <errno.h>
#include <stdlib.h>

#include "dyn_impl.h"

static int
cmp_slong(const void * a, const void * b)
{
    slong x = *(const slong *) a, y = *(const slong *) b;

    return (x > y) - (x < y);
}

/* Sorts v and removes repeats; returns the new length. */
static slong
sort_unique(slong * v, slong len)
{
    slong i, k = 0;

    qsort(v, len, sizeof(slong), cmp_slong);
    for (i = 0; i < len; i++)
        if (k == 0 || v[i] != v[k - 1])
            v[k++] = v[i];
    return k;
}

/* Reads a decimal integer in [1, max] at text + *pos; advances *pos. */
static wc_status
read_int(slong * v, const char * text, slong * pos, slong max,
         const char * what, wc_error_t err)
{
    slong p = *pos, start;
    ulong x = 0;

    while (text[p] == ' ')
        p++;
    start = p;
    if (!isdigit((unsigned char) text[p]))
    {
        if (text[p] == '\0')
            return wc_error_set(err, WC_ERR_PARSE, p, "expected a %s", what);
        return wc_error_set(err, WC_ERR_PARSE, p, "expected a %s, found "
                            "'%c'", what, text[p]);
    }
    while (isdigit((unsigned char) text[p]))
    {
        if (x > (ulong) max)
            break;
        x = 10 * x + (ulong) (text[p] - '0');
        p++;
    }
    if (isdigit((unsigned char) text[p]) || x > (ulong) max)
        return wc_error_set(err, WC_ERR_PARSE, start, "%s is too large "
                            "(at most %ld)", what, (long) max);
    if (x < 1)
        return wc_error_set(err, WC_ERR_PARSE, start, "%s must be at least "
                            "1", what);
    while (text[p] == ' ')
        p++;
    *v = (slong) x;
    *pos = p;
    return WC_OK;
}

/* A comma list of integers in [1, max], or (range != 0) "a..b". */
static wc_status
parse_int_list(slong ** out, slong * len, int * is_range, const char * text,
               slong max, const char * what, wc_error_t err)
{
    slong p = 0, n = 0, alloc = 8, v;
    slong * list = flint_malloc(alloc * sizeof(slong));
    wc_status st;

    *is_range = 0;
    for (;;)
    {
        st = read_int(&v, text, &p, max, what, err);
        if (st != WC_OK)
            break;
        if (n == alloc)
        {
            alloc *= 2;
            list = flint_realloc(list, alloc * sizeof(slong));
        }
        list[n++] = v;
        if (text[p] == ',')
        {
            p++;
            continue;
        }
        if (text[p] == '.' && text[p + 1] == '.' && n == 1)
        {
            slong b;

            p += 2;
            st = read_int(&b, text, &p, max, what, err);
            if (st != WC_OK)
                break;
            if (text[p] != '\0')
            {
                st = wc_error_set(err, WC_ERR_PARSE, p, "unexpected '%c' "
                                  "after the range", text[p]);
                break;
            }
            list[1] = b;
            n = 2;
            *is_range = 1;
            break;
        }
        if (text[p] != '\0')
            st = wc_error_set(err, WC_ERR_PARSE, p, "expected ',' or the "
                              "end, found '%c'", text[p]);
        break;
    }
    if (st != WC_OK)
    {
        flint_free(list);
        return st;
    }
    *out = list;
    *len = n;
    return WC_OK;
}

wc_status
wc_dyn_parse_steps(slong ** steps, slong * nsteps, const char * text,
                   wc_error_t err)
{
    slong * list, n, S, k;
    int range;
    wc_status st;

    st = parse_int_list(&list, &n, &range, text, WC_DYN_MAX_STEPS, "step",
                        err);
    if (st != WC_OK)
        return st;
    if (range)
    {
        flint_free(list);
        return wc_error_set(err, WC_ERR_PARSE, 0, "steps are a count or a "
                            "comma list, not a range");
    }
    if (n == 1)
    {
        S = list[0];
        n = 0;
        for (k = 1; k < S; k *= 2)
            n++;
        list = flint_realloc(list, (n + 1) * sizeof(slong));
        for (k = 0; k < n; k++)
            list[k] = WORD(1) << k;
        list[n++] = S;
    }
    *nsteps = sort_unique(list, n);
    *steps = list;
    return WC_OK;
}

wc_status
wc_dyn_parse_doubles(double ** v, slong * len, const char * text,
                     double lo, int strict, wc_error_t err)
{
    slong n = 0, alloc = 4, p = 0;
    double * list = flint_malloc(alloc * sizeof(double));

    for (;;)
    {
        char * end;
        double x;

        while (text[p] == ' ')
            p++;
        errno = 0;
        x = strtod(text + p, &end);
        if (end == text + p || isspace((unsigned char) text[p]))
        {
            flint_free(list);
            return wc_error_set(err, WC_ERR_PARSE, p, "expected a number");
        }
        if (!isfinite(x) || (errno == ERANGE && fabs(x) > 1.0))
        {
            flint_free(list);
            return wc_error_set(err, WC_ERR_PARSE, p, "not a finite number");
        }
        if (strict ? !(x > lo) : !(x >= lo))
        {
            flint_free(list);
            return wc_error_set(err, WC_ERR_PARSE, p, "must be %s %g",
                                strict ? "above" : "at least", lo);
        }
        if (n == alloc)
        {
            alloc *= 2;
            list = flint_realloc(list, alloc * sizeof(double));
        }
        list[n++] = x;
        p = end - text;
        while (text[p] == ' ')
            p++;
        if (text[p] == ',')
        {
            p++;
            continue;
        }
        if (text[p] != '\0')
        {
            flint_free(list);
            return wc_error_set(err, WC_ERR_PARSE, p, "expected ',' or the "
                                "end, found '%c'", text[p]);
        }
        break;
    }
    *v = list;
    *len = n;
    return WC_OK;
}
