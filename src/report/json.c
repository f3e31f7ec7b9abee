#include <math.h>

#include "weakcorr/report.h"

void
wc_json_init(wc_json_t j, wc_buf_t buf)
{
    j->buf = buf;
    j->depth = 0;
    j->first[0] = 1;
    j->after_key = 0;
}

/* Separator before a value or key at the current level. */
static void
separate(wc_json_t j)
{
    if (j->after_key)
    {
        j->after_key = 0;
        return;
    }
    if (!j->first[j->depth])
        wc_buf_puts(j->buf, ", ");
    j->first[j->depth] = 0;
}

static void
open_level(wc_json_t j, char c)
{
    separate(j);
    wc_buf_putc(j->buf, c);
    if (j->depth + 1 >= WC_JSON_MAX_DEPTH)
        flint_abort();
    j->first[++j->depth] = 1;
}

void
wc_json_begin_object(wc_json_t j)
{
    open_level(j, '{');
}

void
wc_json_end_object(wc_json_t j)
{
    j->depth--;
    wc_buf_putc(j->buf, '}');
}

void
wc_json_begin_array(wc_json_t j)
{
    open_level(j, '[');
}

void
wc_json_end_array(wc_json_t j)
{
    j->depth--;
    wc_buf_putc(j->buf, ']');
}

static void
put_quoted(wc_buf_t buf, const char * s)
{
    wc_buf_putc(buf, '"');
    for (; *s != '\0'; s++)
    {
        unsigned char c = (unsigned char) *s;

        if (c == '"' || c == '\\')
        {
            wc_buf_putc(buf, '\\');
            wc_buf_putc(buf, (char) c);
        }
        else if (c == '\n')
            wc_buf_puts(buf, "\\n");
        else if (c == '\t')
            wc_buf_puts(buf, "\\t");
        else if (c < 0x20)
            wc_buf_printf(buf, "\\u%04x", c);
        else
            wc_buf_putc(buf, (char) c);
    }
    wc_buf_putc(buf, '"');
}

void
wc_json_key(wc_json_t j, const char * key)
{
    separate(j);
    put_quoted(j->buf, key);
    wc_buf_puts(j->buf, ": ");
    j->after_key = 1;
}

void
wc_json_string(wc_json_t j, const char * s)
{
    separate(j);
    put_quoted(j->buf, s);
}

void
wc_json_int(wc_json_t j, slong v)
{
    separate(j);
    wc_buf_printf(j->buf, "%ld", (long) v);
}

void
wc_json_bool(wc_json_t j, int v)
{
    separate(j);
    wc_buf_puts(j->buf, v ? "true" : "false");
}

void
wc_json_null(wc_json_t j)
{
    separate(j);
    wc_buf_puts(j->buf, "null");
}

void
wc_json_fmpq(wc_json_t j, const fmpq_t x)
{
    char * s = fmpq_get_str(NULL, 10, x);

    wc_json_string(j, s);
    flint_free(s);
}

void
wc_json_double(wc_json_t j, double v)
{
    separate(j);
    if (isfinite(v))
        wc_buf_printf(j->buf, "%.17g", v);
    else
        wc_buf_puts(j->buf, "null");
}

void
wc_json_interval(wc_json_t j, int have, double lo, double hi)
{
    if (!have)
    {
        wc_json_null(j);
        return;
    }
    wc_json_begin_array(j);
    wc_json_double(j, lo);
    wc_json_double(j, hi);
    wc_json_end_array(j);
}
