#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "weakcorr/common.h"

void
wc_buf_init(wc_buf_t buf)
{
    buf->alloc = 64;
    buf->str = flint_malloc(buf->alloc);
    buf->str[0] = '\0';
    buf->len = 0;
}

void
wc_buf_clear(wc_buf_t buf)
{
    flint_free(buf->str);
    buf->str = NULL;
    buf->len = buf->alloc = 0;
}

void
wc_buf_reset(wc_buf_t buf)
{
    buf->len = 0;
    buf->str[0] = '\0';
}

static void
wc_buf_reserve(wc_buf_t buf, size_t extra)
{
    size_t need = buf->len + extra + 1;

    if (need <= buf->alloc)
        return;
    while (buf->alloc < need)
        buf->alloc *= 2;
    buf->str = flint_realloc(buf->str, buf->alloc);
}

void
wc_buf_putc(wc_buf_t buf, char c)
{
    wc_buf_reserve(buf, 1);
    buf->str[buf->len++] = c;
    buf->str[buf->len] = '\0';
}

void
wc_buf_puts(wc_buf_t buf, const char * s)
{
    size_t n = strlen(s);

    wc_buf_reserve(buf, n);
    memcpy(buf->str + buf->len, s, n + 1);
    buf->len += n;
}

void
wc_buf_printf(wc_buf_t buf, const char * fmt, ...)
{
    va_list ap;
    int n;

    va_start(ap, fmt);
    n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n <= 0)
        return;

    wc_buf_reserve(buf, (size_t) n);
    va_start(ap, fmt);
    vsnprintf(buf->str + buf->len, (size_t) n + 1, fmt, ap);
    va_end(ap);
    buf->len += (size_t) n;
}

void
wc_buf_put_fmpq(wc_buf_t buf, const fmpq_t x)
{
    char * s = fmpq_get_str(NULL, 10, x);

    wc_buf_puts(buf, s);
    flint_free(s);
}

char *
wc_buf_detach(wc_buf_t buf)
{
    char * s = buf->str;

    buf->str = NULL;
    buf->len = buf->alloc = 0;
    return s;
}

void
wc_free(void * p)
{
    flint_free(p);
}

char *
wc_strdup(const char * s)
{
    return (s == NULL) ? NULL : wc_strndup(s, strlen(s));
}

char *
wc_strndup(const char * s, size_t n)
{
    char * t = flint_malloc(n + 1);

    memcpy(t, s, n);
    t[n] = '\0';
    return t;
}
