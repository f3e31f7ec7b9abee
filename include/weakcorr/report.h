/* report: machine-readable and typeset output.  Currently a JSON writer;
   tables and plots build on it. */

#ifndef WC_REPORT_H
#define WC_REPORT_H

#include "common.h"

#ifdef __cplusplus
extern "C" {
#endif

#define WC_JSON_MAX_DEPTH 32

/* Writes one JSON value to buf, compactly, on one line.  Keys and values
   alternate inside objects; the writer inserts the separators.  Nesting
   deeper than WC_JSON_MAX_DEPTH aborts (a caller bug). */
typedef struct
{
    wc_buf_struct * buf;
    slong depth;
    int first[WC_JSON_MAX_DEPTH];
    int after_key;
}
wc_json_struct;

typedef wc_json_struct wc_json_t[1];

void wc_json_init(wc_json_t j, wc_buf_t buf);
void wc_json_begin_object(wc_json_t j);
void wc_json_end_object(wc_json_t j);
void wc_json_begin_array(wc_json_t j);
void wc_json_end_array(wc_json_t j);
void wc_json_key(wc_json_t j, const char * key);
void wc_json_string(wc_json_t j, const char * s);
void wc_json_int(wc_json_t j, slong v);
void wc_json_bool(wc_json_t j, int v);
void wc_json_null(wc_json_t j);

/* An exact rational as the string "p/q" (or "p" when q = 1). */
void wc_json_fmpq(wc_json_t j, const fmpq_t x);

/* A double with 17 significant digits; NaN and infinities as null. */
void wc_json_double(wc_json_t j, double v);

/* An interval [lo, hi] as a two-element array when have is nonzero,
   null otherwise. */
void wc_json_interval(wc_json_t j, int have, double lo, double hi);

#ifdef __cplusplus
}
#endif

#endif
