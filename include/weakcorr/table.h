/* table (report module): scaling tables and their plots.

   A table has one row per claim: the correlation function and network,
   the exponent the order module derives for the statistic that is
   measured, the exact leading term where an exact engine reaches, the
   Monte Carlo measurements per width with the fitted slope and its 95%
   interval, and the verdict.  It is written as aligned text, Markdown,
   CSV, LaTeX (booktabs) or JSON, and plotted as SVG.  Every number says
   what it is: exact, a ball, or an estimate with its error. */

#ifndef WC_TABLE_H
#define WC_TABLE_H

#include "common.h"
#include "series.h"
#include "stats.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef enum
{
    WC_TABLE_TEXT = 0,
    WC_TABLE_MARKDOWN,
    WC_TABLE_CSV,
    WC_TABLE_LATEX,
    WC_TABLE_JSON,
    WC_TABLE_FORMAT_COUNT
}
wc_table_format;

const char * wc_table_format_name(wc_table_format format);

/* "text", "markdown" (or "md"), "csv", "latex", "json". */
wc_status wc_table_format_parse(wc_table_format * format, const char * text,
                                wc_error_t err);

typedef struct
{
    char * name;        /* what the row claims about, e.g. "Var[Theta]" */
    char * spec;        /* canonical SPEC, or a description */
    char * net;         /* canonical NET */

    /* The derived order of the measured statistic: O(n^bound), or exactly
       zero.  bound_of says what it bounds ("E[X]", "|X|"). */
    int has_bound;
    fmpq_t bound;
    int bound_zero;
    char * bound_of;

    /* The exact leading term exact_coeff * n^exact_power of E[X]
       (exact_zero: E[X] = 0 exactly), for the network exact_model names
       (the row's network, or a model it is exact for). */
    int has_exact;
    int exact_zero;
    slong exact_power;
    int exact_is_ball;
    fmpq_t exact_coeff;
    arb_t exact_ball;
    char * exact_model;

    /* Monte Carlo: the statistic per width with its standard error, and
       the fit of log(statistic) on log(n). */
    int has_mc;
    wc_stat_kind stat;
    slong nwidths;
    slong * widths;
    slong * samples;
    double * value;
    double * error;
    wc_stats_fit_struct fit;

    int has_verdict;
    wc_verdict verdict;
    char * note;        /* a short remark, or NULL */
}
wc_table_row_struct;

typedef struct
{
    char * title;
    ulong seed;
    slong nrows;
    slong alloc;
    wc_table_row_struct * rows;
}
wc_table_struct;

typedef wc_table_struct wc_table_t[1];

void wc_table_init(wc_table_t table, const char * title, ulong seed);
void wc_table_clear(wc_table_t table);

/* Appends an empty row (nothing known yet) and returns it; the pointer is
   valid until the next call. */
wc_table_row_struct * wc_table_add_row(wc_table_t table, const char * name,
                                       const char * spec, const char * net);

void wc_table_row_set_bound(wc_table_row_struct * row, const fmpq_t e,
                            int zero, const char * of);
void wc_table_row_set_exact_fmpq(wc_table_row_struct * row, slong power,
                                 const fmpq_t c, const char * model);
void wc_table_row_set_exact_arb(wc_table_row_struct * row, slong power,
                                const arb_t c, const char * model);
void wc_table_row_set_exact_zero(wc_table_row_struct * row,
                                 const char * model);

/* Copies the per-width statistic (value[w] with standard error error[w],
   samples[w] samples at width widths[w]) and the fit. */
void wc_table_row_set_mc(wc_table_row_struct * row, wc_stat_kind stat,
                         const slong * widths, const slong * samples,
                         const double * value, const double * error,
                         slong nwidths, const wc_stats_fit_struct * fit);
void wc_table_row_set_verdict(wc_table_row_struct * row, wc_verdict v);
void wc_table_row_set_note(wc_table_row_struct * row, const char * note);

/* Writes the table in a format to buf.  Every output starts with a header
   naming the title, the seed and the versions of weakcorr, GMP, MPFR,
   FLINT and Arb (a comment in text, CSV and LaTeX; front matter in
   Markdown; keys in JSON).  digits: significant digits of estimates. */
void wc_table_write(wc_buf_t buf, const wc_table_t table,
                    wc_table_format format, slong digits);

/* An SVG document: one panel per row with Monte Carlo data, the statistic
   against the width on log-log axes with +-1 standard error bars, the
   fitted line, a line of the bound's slope through the fit's middle, and
   labels (row name, axes, fit and bound slopes, verdict).  Rows without
   data are listed as text.  columns: panels per line (0 for automatic). */
void wc_table_svg(wc_buf_t buf, const wc_table_t table, slong columns);

#ifdef __cplusplus
}
#endif

#endif
