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

#include <signal.h>
#include <stdint.h>

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

    /* The fit with a finite-width correction (log stat = a + s log n +
       c/n) when it decided the verdict; the slope column shows it. */
    int has_corrected;
    wc_stats_fit_struct corrected;

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
void wc_table_row_set_corrected(wc_table_row_struct * row,
                                const wc_stats_fit_struct * fit);
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

/* ------------------------------------------------------------------ */
/* Plans: what a table measures, from a preset or a table file. */

typedef struct
{
    char * name;          /* the row's name; NULL: the quantity's text */
    char * quantity;      /* a SPEC, |C[D,d]| or |C[2,d]|_op; NULL for
                             the deviation row */
    int deviation;        /* the f - f_lin row */
    slong steps;          /* deviation: gradient steps */
    double lr;            /* deviation: learning rate eta_0 */
    char * net;           /* NULL: the plan's network */
    slong * widths;       /* NULL: the plan's widths */
    slong nwidths;
    slong samples;        /* 0: the plan's samples (for the deviation
                             row: training seeds) */
    wc_stat_kind stat;    /* WC_STAT_AUTO unless the row asks */
    slong line;           /* line in the table file; 0 for presets */
}
wc_table_item_struct;

typedef struct
{
    char * title;
    char * net;           /* the default network, canonical NET text */
    slong * widths;
    slong nwidths;
    slong samples;        /* default samples per width */
    slong seeds;          /* default training seeds of deviation rows */
    slong nitems;
    slong alloc;
    wc_table_item_struct * items;
}
wc_table_plan_struct;

typedef wc_table_plan_struct wc_table_plan_t[1];

void wc_table_plan_init(wc_table_plan_t plan);
void wc_table_plan_clear(wc_table_plan_t plan);

/* The presets (doc/report.md lists their rows): "paper", the
   weak-correlation claims for the default network, and "dyer", the
   standard correlators on 3-hidden-layer linear, relu and tanh networks
   over widths 2^7..2^13.  quick makes the widths and samples coarser.
   WC_ERR_PARSE for an unknown name. */
wc_status wc_table_plan_preset(wc_table_plan_t plan, const char * name,
                               int quick, wc_error_t err);

/* Reads a table file (format in doc/report.md): directives
       title = ..., net = NET, widths = W, samples = N, seeds = N
   and rows
       QUANTITY
       NAME ; QUANTITY [; NET [; WIDTHS [; SAMPLES [; STAT]]]]
   with empty fields taking the defaults, '#' comments and blank lines.
   QUANTITY is a SPEC, |C[D,d]|, |C[2,d]|_op or
   deviation[(steps=S, lr=E)].  Every field is checked; an error is
   WC_ERR_PARSE with the message "line L, column C: what: reason" (pos is
   -1), and plan is left unchanged. */
wc_status wc_table_plan_parse(wc_table_plan_t plan, const char * text,
                              wc_error_t err);

/* Options of a run. */
typedef struct
{
    uint64_t seed;
    slong threads;
    slong samples;        /* > 0: overrides every row's samples */
    slong prec;           /* bits for exact balls */
    slong max_terms;      /* work bound of the exact engines */
    /* Called before each row (fraction 0) and while it runs. */
    void (*progress)(void * data, slong row, slong nrows, double fraction,
                     const char * name);
    void * progress_data;
    volatile sig_atomic_t * cancel;
}
wc_table_run_options_struct;

typedef wc_table_run_options_struct wc_table_run_options_t[1];

void wc_table_run_options_init(wc_table_run_options_t opt);

/* Measures every row of the plan into table (title and seed set from the
   plan and opt): bound, exact leading term (on the row's network, else
   on one hidden layer with its activation, and for norms of E[|C|^2]),
   Monte Carlo slope and verdict; the deviation row trains networks and
   their linearisations (dynamics.h) and compares the deviation's slope
   with -k, k the fixed weak-correlation rate the orders guarantee.  A row
   the engines cannot measure keeps its bound and a note saying why.
   Returns WC_ERR_INTERRUPTED (rows so far kept) when cancel is raised,
   WC_ERR_PARSE for a malformed row of a hand-built plan. */
wc_status wc_table_run(wc_table_t table, const wc_table_plan_t plan,
                       const wc_table_run_options_t opt, wc_error_t err);

#ifdef __cplusplus
}
#endif

#endif
