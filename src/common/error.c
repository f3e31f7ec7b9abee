#include <stdarg.h>
#include <stdio.h>

#include "weakcorr/common.h"

void
wc_error_init(wc_error_t err)
{
    err->status = WC_OK;
    err->pos = -1;
    err->msg[0] = '\0';
}

wc_status
wc_error_set(wc_error_t err, wc_status status, slong pos,
             const char * fmt, ...)
{
    va_list ap;

    if (err == NULL)
        return status;

    err->status = status;
    err->pos = pos;
    va_start(ap, fmt);
    vsnprintf(err->msg, sizeof(err->msg), fmt, ap);
    va_end(ap);

    return status;
}
