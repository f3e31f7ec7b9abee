/* Scaling tables: rows, and the setters that fill them. */

#include <string.h>

#include "weakcorr/table.h"

static const char * const wc_table_format_names[WC_TABLE_FORMAT_COUNT] =
{
    "text", "markdown", "csv", "latex", "json"
};

const char *
wc_table_format_name(wc_table_format format)
{
    return (format >= 0 && format < WC_TABLE_FORMAT_COUNT)
           ? wc_table_format_names[format] : "?";
}

wc_status
wc_table_format_parse(wc_table_format * format, const char * text,
                      wc_error_t err)
{
    slong k;

    if (strcmp(text, "md") == 0)
    {
        *format = WC_TABLE_MARKDOWN;
        return WC_OK;
    }
    for (k = 0; k < WC_TABLE_FORMAT_COUNT; k++)
        if (strcmp(text, wc_table_format_names[k]) == 0)
        {
            *format = (wc_table_format) k;
            return WC_OK;
        }
    return wc_error_set(err, WC_ERR_PARSE, 0, "unknown format '%s' "
                        "(expected text, markdown, csv, latex or json)",
                        text);
}

static void
wc_replace_str(char ** dst, const char * s)
{
    flint_free(*dst);
    *dst = wc_strdup(s);
}

void
wc_table_init(wc_table_t table, const char * title, ulong seed)
{
    table->title = wc_strdup(title);
    table->seed = seed;
    table->nrows = 0;
    table->alloc = 0;
    table->rows = NULL;
}

static void
wc_table_row_clear(wc_table_row_struct * row)
{
    flint_free(row->name);
    flint_free(row->spec);
    flint_free(row->net);
    flint_free(row->bound_of);
    flint_free(row->exact_model);
    flint_free(row->note);
    flint_free(row->widths);
    flint_free(row->samples);
    flint_free(row->value);
    flint_free(row->error);
    fmpq_clear(row->bound);
    fmpq_clear(row->exact_coeff);
    arb_clear(row->exact_ball);
}

void
wc_table_clear(wc_table_t table)
{
    slong i;

    for (i = 0; i < table->nrows; i++)
        wc_table_row_clear(table->rows + i);
    flint_free(table->rows);
    flint_free(table->title);
}

wc_table_row_struct *
wc_table_add_row(wc_table_t table, const char * name, const char * spec,
                 const char * net)
{
    wc_table_row_struct * row;

    if (table->nrows == table->alloc)
    {
        table->alloc = FLINT_MAX(8, 2 * table->alloc);
        table->rows = flint_realloc(table->rows, table->alloc
                                    * sizeof(wc_table_row_struct));
    }
    row = table->rows + table->nrows++;
    memset(row, 0, sizeof(wc_table_row_struct));
    row->name = wc_strdup(name);
    row->spec = wc_strdup(spec);
    row->net = wc_strdup(net);
    fmpq_init(row->bound);
    fmpq_init(row->exact_coeff);
    arb_init(row->exact_ball);
    return row;
}

void
wc_table_row_set_bound(wc_table_row_struct * row, const fmpq_t e, int zero,
                       const char * of)
{
    row->has_bound = 1;
    fmpq_set(row->bound, e);
    row->bound_zero = zero;
    wc_replace_str(&row->bound_of, of);
}

void
wc_table_row_set_exact_fmpq(wc_table_row_struct * row, slong power,
                            const fmpq_t c, const char * model)
{
    row->has_exact = 1;
    row->exact_zero = 0;
    row->exact_power = power;
    row->exact_is_ball = 0;
    fmpq_set(row->exact_coeff, c);
    wc_replace_str(&row->exact_model, model);
}

void
wc_table_row_set_exact_arb(wc_table_row_struct * row, slong power,
                           const arb_t c, const char * model)
{
    row->has_exact = 1;
    row->exact_zero = 0;
    row->exact_power = power;
    row->exact_is_ball = 1;
    arb_set(row->exact_ball, c);
    wc_replace_str(&row->exact_model, model);
}

void
wc_table_row_set_exact_zero(wc_table_row_struct * row, const char * model)
{
    row->has_exact = 1;
    row->exact_zero = 1;
    row->exact_power = 0;
    row->exact_is_ball = 0;
    fmpq_zero(row->exact_coeff);
    wc_replace_str(&row->exact_model, model);
}

void
wc_table_row_set_mc(wc_table_row_struct * row, wc_stat_kind stat,
                    const slong * widths, const slong * samples,
                    const double * value, const double * error,
                    slong nwidths, const wc_stats_fit_struct * fit)
{
    flint_free(row->widths);
    flint_free(row->samples);
    flint_free(row->value);
    flint_free(row->error);
    row->has_mc = 1;
    row->stat = stat;
    row->nwidths = nwidths;
    row->widths = flint_malloc(FLINT_MAX(nwidths, 1) * sizeof(slong));
    row->samples = flint_malloc(FLINT_MAX(nwidths, 1) * sizeof(slong));
    row->value = flint_malloc(FLINT_MAX(nwidths, 1) * sizeof(double));
    row->error = flint_malloc(FLINT_MAX(nwidths, 1) * sizeof(double));
    memcpy(row->widths, widths, nwidths * sizeof(slong));
    memcpy(row->samples, samples, nwidths * sizeof(slong));
    memcpy(row->value, value, nwidths * sizeof(double));
    memcpy(row->error, error, nwidths * sizeof(double));
    row->fit = *fit;
}

void
wc_table_row_set_corrected(wc_table_row_struct * row,
                           const wc_stats_fit_struct * fit)
{
    row->has_corrected = 1;
    row->corrected = *fit;
}

void
wc_table_row_set_verdict(wc_table_row_struct * row, wc_verdict v)
{
    row->has_verdict = 1;
    row->verdict = v;
}

void
wc_table_row_set_note(wc_table_row_struct * row, const char * note)
{
    wc_replace_str(&row->note, note);
}
