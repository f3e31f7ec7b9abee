/* Status codes, error reports, versions and a growable string: what every
   module of weakcorr shares. */

#ifndef WC_COMMON_H
#define WC_COMMON_H

#include <stddef.h>
#include <gmp.h>
#include <mpfr.h>
#include <flint/flint.h>
#include <flint/fmpz.h>
#include <flint/fmpq.h>

#include "weakcorr/wc_config.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Every fallible library function returns one of these.  The library never
   prints and never exits; the command line maps them to exit statuses
   (WC_ERR_PARSE to 1, the others to 2). */
typedef enum
{
    WC_OK = 0,
    WC_ERR_PARSE,         /* malformed SPEC, NET or option text */
    WC_ERR_RANGE,         /* well formed, but beyond a size or work bound */
    WC_ERR_UNSUPPORTED,   /* well formed, outside what an engine covers */
    WC_ERR_IO,            /* a file could not be read or written */
    WC_ERR_INTERRUPTED    /* stopped on request; partial results kept */
}
wc_status;

/* An error report: the status, the byte offset in the text that was
   parsed (or -1 where no position applies) and a one-line reason with no
   trailing newline. */
typedef struct
{
    wc_status status;
    slong pos;
    char msg[256];
}
wc_error_struct;

typedef wc_error_struct wc_error_t[1];

void wc_error_init(wc_error_t err);

/* Records status, pos and a printf-style reason in err (which may be NULL,
   in which case nothing is recorded) and returns status, so that a failing
   function can end with "return wc_error_set(...)". */
wc_status wc_error_set(wc_error_t err, wc_status status, slong pos,
                       const char * fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 4, 5)))
#endif
    ;

/* A growable NUL-terminated string, used for text the library hands back
   (derivations, canonical forms).  Allocation failure aborts through
   FLINT's allocator, like every other allocation in the library. */
typedef struct
{
    char * str;
    size_t len;
    size_t alloc;
}
wc_buf_struct;

typedef wc_buf_struct wc_buf_t[1];

void wc_buf_init(wc_buf_t buf);
void wc_buf_clear(wc_buf_t buf);
void wc_buf_reset(wc_buf_t buf);
void wc_buf_putc(wc_buf_t buf, char c);
void wc_buf_puts(wc_buf_t buf, const char * s);
void wc_buf_printf(wc_buf_t buf, const char * fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;
void wc_buf_put_fmpq(wc_buf_t buf, const fmpq_t x);

/* Hands the string over to the caller, who frees it with wc_free, and
   leaves buf empty. */
char * wc_buf_detach(wc_buf_t buf);

void wc_free(void * p);

/* A copy of s (NULL for NULL) allocated with FLINT's allocator, and of
   its first n characters; free with wc_free. */
char * wc_strdup(const char * s);
char * wc_strndup(const char * s, size_t n);

/* The version of weakcorr, and of the libraries it runs against (the
   versions of the shared libraries loaded, where they say so). */
const char * wc_version(void);
const char * wc_gmp_version(void);
const char * wc_mpfr_version(void);
const char * wc_flint_version(void);

/* The Arb version, or a phrase saying that Arb is part of FLINT. */
const char * wc_arb_version(void);

#ifdef __cplusplus
}
#endif

#endif
