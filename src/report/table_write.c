/* Writing scaling tables: aligned text, Markdown, CSV, LaTeX and JSON. */

#include <math.h>
#include <string.h>

#include "weakcorr/table.h"
#include "weakcorr/report.h"

#define WC_TABLE_COLUMNS 6

static const char * const wc_table_headers[WC_TABLE_COLUMNS] =
{
    "claim", "SPEC", "bound", "exact leading term", "measured slope",
    "verdict"
};

static void
put_versions(wc_buf_t buf)
{
    wc_buf_printf(buf, "weakcorr %s; GMP %s, MPFR %s, FLINT %s, Arb %s",
                  wc_version(), wc_gmp_version(), wc_mpfr_version(),
                  wc_flint_version(), wc_arb_version());
}

/* n^k in the style of a format: "n^-1" (plain) or "n^{-1}" (LaTeX). */
static void
put_power(wc_buf_t buf, const fmpq_t e, int latex)
{
    if (fmpq_is_zero(e))
    {
        wc_buf_puts(buf, "1");
        return;
    }
    wc_buf_puts(buf, latex ? "n^{" : "n^");
    if (!latex && !fmpz_is_one(fmpq_denref(e)))
        wc_buf_putc(buf, '(');
    wc_buf_put_fmpq(buf, e);
    if (!latex && !fmpz_is_one(fmpq_denref(e)))
        wc_buf_putc(buf, ')');
    if (latex)
        wc_buf_putc(buf, '}');
}

/* The human cells of a row; latex selects math notation. */
static void
row_cell(wc_buf_t buf, const wc_table_row_struct * row, slong column,
         slong digits, int latex)
{
    fmpq_t e;

    switch (column)
    {
        case 0:
            wc_buf_puts(buf, row->name);
            return;
        case 1:
            wc_buf_puts(buf, row->spec);
            return;
        case 2:
            if (!row->has_bound)
                wc_buf_puts(buf, "-");
            else
            {
                wc_buf_printf(buf, "%s = ", row->bound_of != NULL
                              ? row->bound_of : "E[X]");
                if (row->bound_zero)
                    wc_buf_puts(buf, "0");
                else
                {
                    wc_buf_puts(buf, "O(");
                    put_power(buf, row->bound, latex);
                    wc_buf_puts(buf, ")");
                }
            }
            return;
        case 3:
            if (!row->has_exact)
            {
                wc_buf_puts(buf, "-");
                return;
            }
            if (row->exact_zero)
                wc_buf_puts(buf, "0");
            else
            {
                if (row->exact_is_ball)
                    wc_arb_print_buf(buf, row->exact_ball, digits + 2);
                else
                    wc_buf_put_fmpq(buf, row->exact_coeff);
                fmpq_init(e);
                fmpq_set_si(e, row->exact_power, 1);
                if (row->exact_power != 0)
                {
                    wc_buf_putc(buf, ' ');
                    put_power(buf, e, latex);
                }
                fmpq_clear(e);
            }
            wc_buf_printf(buf, " (%s%s%s)", row->exact_is_ball ? "ball"
                          : "exact", row->exact_model != NULL ? ", " : "",
                          row->exact_model != NULL ? row->exact_model : "");
            return;
        case 4:
            if (!row->has_mc)
                wc_buf_puts(buf, "-");
            else
            {
                const wc_stats_fit_struct * f = row->has_corrected
                                                ? &row->corrected : &row->fit;

                wc_buf_printf(buf, "%.*f [%.*f, %.*f] (est., %s%s)",
                              (int) digits, f->slope, (int) digits,
                              f->ci_lo, (int) digits, f->ci_hi,
                              wc_stat_name(f->stat), row->has_corrected
                              ? ", with 1/n" : "");
            }
            return;
        default:
            wc_buf_puts(buf, row->has_verdict ? wc_verdict_name(row->verdict)
                                              : "-");
            return;
    }
}

/* A text cell padded to width and followed by two spaces, or, in the
   last column, by the end of the line. */
static void
put_padded(wc_buf_t buf, const char * s, slong width, int last)
{
    if (last)
        wc_buf_printf(buf, "%s\n", s);
    else
        wc_buf_printf(buf, "%-*s  ", (int) width, s);
}

static void
write_text(wc_buf_t buf, const wc_table_t table, slong digits)
{
    slong width[WC_TABLE_COLUMNS], i, c, w;
    wc_buf_t cell;

    wc_buf_init(cell);
    for (c = 0; c < WC_TABLE_COLUMNS; c++)
        width[c] = (slong) strlen(wc_table_headers[c]);
    for (i = 0; i < table->nrows; i++)
        for (c = 0; c < WC_TABLE_COLUMNS; c++)
        {
            wc_buf_reset(cell);
            row_cell(cell, table->rows + i, c, digits, 0);
            width[c] = FLINT_MAX(width[c], (slong) cell->len);
        }

    wc_buf_printf(buf, "# %s\n# seed %lu; ", table->title, table->seed);
    put_versions(buf);
    wc_buf_puts(buf, "\n# exact: a rational; ball: an interval [mid +/- rad]"
                " containing the value; est.: a Monte Carlo estimate, "
                "slope with its 95% interval (with 1/n: fitted with a "
                "finite-width correction)\n\n");

    for (c = 0; c < WC_TABLE_COLUMNS; c++)
        put_padded(buf, wc_table_headers[c], width[c],
                   c + 1 == WC_TABLE_COLUMNS);
    for (i = 0; i < table->nrows; i++)
        for (c = 0; c < WC_TABLE_COLUMNS; c++)
        {
            wc_buf_reset(cell);
            row_cell(cell, table->rows + i, c, digits, 0);
            put_padded(buf, cell->str, width[c], c + 1 == WC_TABLE_COLUMNS);
        }

    /* The measurements behind the slopes, and the notes. */
    for (i = 0; i < table->nrows; i++)
    {
        const wc_table_row_struct * row = table->rows + i;

        if (!row->has_mc && row->note == NULL)
            continue;
        wc_buf_printf(buf, "\n%s [%s]:", row->name, row->net);
        if (row->has_mc)
        {
            wc_buf_printf(buf, " %s (est. +/- se) at",
                          wc_stat_name(row->stat));
            for (w = 0; w < row->nwidths; w++)
                wc_buf_printf(buf, "%s n = %ld: %.*g +/- %.2g (%ld samples)",
                              w ? ";" : "", (long) row->widths[w],
                              (int) digits, row->value[w], row->error[w],
                              (long) row->samples[w]);
        }
        if (row->note != NULL)
            wc_buf_printf(buf, "%s note: %s", row->has_mc ? "." : "",
                          row->note);
        wc_buf_putc(buf, '\n');
    }
    wc_buf_clear(cell);
}

/* Markdown cells escape '|' (it would end the cell). */
static void
put_markdown(wc_buf_t buf, const char * s)
{
    for (; *s != '\0'; s++)
    {
        if (*s == '|')
            wc_buf_puts(buf, "\\|");
        else
            wc_buf_putc(buf, *s);
    }
}

static void
write_markdown(wc_buf_t buf, const wc_table_t table, slong digits)
{
    slong i, c;
    wc_buf_t cell;

    wc_buf_init(cell);
    wc_buf_printf(buf, "**%s**\n\nSeed %lu; ", table->title, table->seed);
    put_versions(buf);
    wc_buf_puts(buf, ". Exact: a rational; ball: an interval containing "
                "the value; est.: a Monte Carlo estimate, slope with its "
                "95% interval.\n\n|");
    for (c = 0; c < WC_TABLE_COLUMNS; c++)
        wc_buf_printf(buf, " %s |", wc_table_headers[c]);
    wc_buf_puts(buf, "\n|");
    for (c = 0; c < WC_TABLE_COLUMNS; c++)
        wc_buf_puts(buf, " --- |");
    wc_buf_putc(buf, '\n');
    for (i = 0; i < table->nrows; i++)
    {
        wc_buf_putc(buf, '|');
        for (c = 0; c < WC_TABLE_COLUMNS; c++)
        {
            wc_buf_reset(cell);
            row_cell(cell, table->rows + i, c, digits, 0);
            wc_buf_puts(buf, c == 1 ? " `" : " ");
            put_markdown(buf, cell->str);
            wc_buf_puts(buf, c == 1 ? "` |" : " |");
        }
        wc_buf_putc(buf, '\n');
    }
    for (i = 0; i < table->nrows; i++)
        if (table->rows[i].note != NULL)
            wc_buf_printf(buf, "\n- %s: %s\n", table->rows[i].name,
                          table->rows[i].note);
    wc_buf_clear(cell);
}

static void
put_latex(wc_buf_t buf, const char * s)
{
    for (; *s != '\0'; s++)
    {
        switch (*s)
        {
            case '_': case '%': case '&': case '#': case '$': case '{':
            case '}':
                wc_buf_putc(buf, '\\');
                wc_buf_putc(buf, *s);
                break;
            case '^':
                wc_buf_puts(buf, "\\^{}");
                break;
            case '~':
                wc_buf_puts(buf, "\\~{}");
                break;
            case '\\':
                wc_buf_puts(buf, "\\textbackslash{}");
                break;
            case '|':
                wc_buf_puts(buf, "\\textbar{}");
                break;
            default:
                wc_buf_putc(buf, *s);
        }
    }
}

static void
write_latex(wc_buf_t buf, const wc_table_t table, slong digits)
{
    slong i, c;
    wc_buf_t cell;

    wc_buf_init(cell);
    wc_buf_printf(buf, "%% %s\n%% seed %lu; ", table->title, table->seed);
    put_versions(buf);
    wc_buf_puts(buf, "\n% needs \\usepackage{booktabs}\n"
                "\\begin{tabular}{llllll}\n\\toprule\n");
    for (c = 0; c < WC_TABLE_COLUMNS; c++)
    {
        wc_buf_puts(buf, wc_table_headers[c]);
        wc_buf_puts(buf, c + 1 < WC_TABLE_COLUMNS ? " & " : " \\\\\n");
    }
    wc_buf_puts(buf, "\\midrule\n");
    for (i = 0; i < table->nrows; i++)
    {
        const wc_table_row_struct * row = table->rows + i;

        for (c = 0; c < WC_TABLE_COLUMNS; c++)
        {
            wc_buf_reset(cell);
            if (c == 1)
            {
                wc_buf_puts(buf, "\\texttt{");
                put_latex(buf, row->spec);
                wc_buf_puts(buf, "}");
            }
            else if ((c == 2 && row->has_bound)
                     || (c == 3 && row->has_exact))
            {
                /* Math mode for orders and leading terms; the kind and
                   model stay text. */
                row_cell(cell, row, c, digits, 1);
                {
                    char * paren = (c == 3) ? strstr(cell->str, " (")
                                            : NULL;

                    char * pm;

                    if (paren != NULL)
                        *paren = '\0';
                    /* A ball's "+/-" is \pm in math mode. */
                    wc_buf_putc(buf, '$');
                    pm = strstr(cell->str, " +/- ");
                    if (pm != NULL)
                    {
                        *pm = '\0';
                        wc_buf_printf(buf, "%s \\pm %s", cell->str, pm + 5);
                    }
                    else
                        wc_buf_puts(buf, cell->str);
                    wc_buf_putc(buf, '$');
                    if (paren != NULL)
                    {
                        wc_buf_putc(buf, ' ');
                        put_latex(buf, paren + 1);
                    }
                }
            }
            else if (c == 4 && row->has_mc)
            {
                const wc_stats_fit_struct * f = row->has_corrected
                                                ? &row->corrected : &row->fit;

                wc_buf_printf(buf, "$%.*f\\ [%.*f, %.*f]$ (%s%s)",
                              (int) digits, f->slope, (int) digits,
                              f->ci_lo, (int) digits, f->ci_hi,
                              wc_stat_name(f->stat), row->has_corrected
                              ? ", with $1/n$" : "");
            }
            else
            {
                row_cell(cell, row, c, digits, 0);
                put_latex(buf, cell->str);
            }
            wc_buf_puts(buf, c + 1 < WC_TABLE_COLUMNS ? " & " : " \\\\\n");
        }
    }
    wc_buf_puts(buf, "\\bottomrule\n\\end{tabular}\n");
    wc_buf_clear(cell);
}

/* A CSV field, quoted when it holds a comma, a quote or a newline. */
static void
put_csv(wc_buf_t buf, const char * s)
{
    if (strpbrk(s, ",\"\n") == NULL)
    {
        wc_buf_puts(buf, s);
        return;
    }
    wc_buf_putc(buf, '"');
    for (; *s != '\0'; s++)
    {
        if (*s == '"')
            wc_buf_putc(buf, '"');
        wc_buf_putc(buf, *s);
    }
    wc_buf_putc(buf, '"');
}

static void
write_csv(wc_buf_t buf, const wc_table_t table)
{
    slong i, w;
    wc_buf_t f;

    wc_buf_init(f);
    wc_buf_printf(buf, "# %s\n# seed %lu; ", table->title, table->seed);
    put_versions(buf);
    wc_buf_puts(buf, "\n# numbers are exact where a field is named exact, "
                "doubles printed with 17 digits otherwise; lists are "
                "separated by ';'\n");
    wc_buf_puts(buf, "name,spec,net,bound_of,bound,bound_zero,exact_kind,"
                "exact_power,exact_coeff,exact_model,stat,slope,slope_se,"
                "slope_ci_lo,slope_ci_hi,verdict,widths,samples,values,"
                "errors,corrected_slope,corrected_ci_lo,corrected_ci_hi\n");
    for (i = 0; i < table->nrows; i++)
    {
        const wc_table_row_struct * row = table->rows + i;

        put_csv(buf, row->name);
        wc_buf_putc(buf, ',');
        put_csv(buf, row->spec);
        wc_buf_putc(buf, ',');
        put_csv(buf, row->net);
        wc_buf_putc(buf, ',');
        if (row->has_bound)
        {
            put_csv(buf, row->bound_of != NULL ? row->bound_of : "E[X]");
            wc_buf_putc(buf, ',');
            wc_buf_put_fmpq(buf, row->bound);
            wc_buf_printf(buf, ",%d,", row->bound_zero);
        }
        else
            wc_buf_puts(buf, ",,,");

        if (row->has_exact)
        {
            wc_buf_reset(f);
            if (row->exact_is_ball)
                wc_arb_print_buf(f, row->exact_ball, 30);
            else
                wc_buf_put_fmpq(f, row->exact_coeff);
            wc_buf_printf(buf, "%s,%ld,", row->exact_zero ? "zero"
                          : row->exact_is_ball ? "ball" : "exact",
                          (long) row->exact_power);
            put_csv(buf, f->str);
            wc_buf_putc(buf, ',');
            put_csv(buf, row->exact_model != NULL ? row->exact_model : "");
            wc_buf_putc(buf, ',');
        }
        else
            wc_buf_puts(buf, ",,,,");

        if (row->has_mc)
        {
            wc_buf_printf(buf, "%s,%.17g,%.17g,%.17g,%.17g,",
                          wc_stat_name(row->fit.stat), row->fit.slope,
                          row->fit.se, row->fit.ci_lo, row->fit.ci_hi);
        }
        else
            wc_buf_puts(buf, ",,,,,");
        if (row->has_verdict)
            wc_buf_puts(buf, wc_verdict_name(row->verdict));
        wc_buf_putc(buf, ',');
        for (w = 0; row->has_mc && w < row->nwidths; w++)
            wc_buf_printf(buf, w ? ";%ld" : "%ld", (long) row->widths[w]);
        wc_buf_putc(buf, ',');
        for (w = 0; row->has_mc && w < row->nwidths; w++)
            wc_buf_printf(buf, w ? ";%ld" : "%ld", (long) row->samples[w]);
        wc_buf_putc(buf, ',');
        for (w = 0; row->has_mc && w < row->nwidths; w++)
            wc_buf_printf(buf, w ? ";%.17g" : "%.17g", row->value[w]);
        wc_buf_putc(buf, ',');
        for (w = 0; row->has_mc && w < row->nwidths; w++)
            wc_buf_printf(buf, w ? ";%.17g" : "%.17g", row->error[w]);
        if (row->has_corrected)
            wc_buf_printf(buf, ",%.17g,%.17g,%.17g\n", row->corrected.slope,
                          row->corrected.ci_lo, row->corrected.ci_hi);
        else
            wc_buf_puts(buf, ",,,\n");
    }
    wc_buf_clear(f);
}

static void
write_json(wc_buf_t buf, const wc_table_t table)
{
    wc_json_t j;
    wc_buf_t f;
    slong i, w;

    wc_buf_init(f);
    wc_json_init(j, buf);
    wc_json_begin_object(j);
    wc_json_key(j, "title");
    wc_json_string(j, table->title);
    wc_json_key(j, "seed");
    wc_buf_printf(f, "%lu", table->seed);
    wc_json_string(j, f->str);
    wc_json_key(j, "versions");
    wc_json_begin_object(j);
    wc_json_key(j, "weakcorr");
    wc_json_string(j, wc_version());
    wc_json_key(j, "gmp");
    wc_json_string(j, wc_gmp_version());
    wc_json_key(j, "mpfr");
    wc_json_string(j, wc_mpfr_version());
    wc_json_key(j, "flint");
    wc_json_string(j, wc_flint_version());
    wc_json_key(j, "arb");
    wc_json_string(j, wc_arb_version());
    wc_json_end_object(j);

    wc_json_key(j, "rows");
    wc_json_begin_array(j);
    for (i = 0; i < table->nrows; i++)
    {
        const wc_table_row_struct * row = table->rows + i;

        wc_json_begin_object(j);
        wc_json_key(j, "name");
        wc_json_string(j, row->name);
        wc_json_key(j, "spec");
        wc_json_string(j, row->spec);
        wc_json_key(j, "net");
        wc_json_string(j, row->net);

        wc_json_key(j, "bound");
        if (row->has_bound && !row->bound_zero)
            wc_json_fmpq(j, row->bound);
        else
            wc_json_null(j);
        wc_json_key(j, "bound_zero");
        wc_json_bool(j, row->has_bound && row->bound_zero);
        wc_json_key(j, "bound_of");
        if (row->has_bound)
            wc_json_string(j, row->bound_of != NULL ? row->bound_of
                                                    : "E[X]");
        else
            wc_json_null(j);

        wc_json_key(j, "exact");
        if (!row->has_exact)
            wc_json_null(j);
        else
        {
            wc_json_begin_object(j);
            wc_json_key(j, "kind");
            wc_json_string(j, row->exact_zero ? "zero" : row->exact_is_ball
                                              ? "ball" : "exact");
            wc_json_key(j, "power");
            wc_json_int(j, row->exact_power);
            wc_json_key(j, "coeff");
            wc_buf_reset(f);
            if (row->exact_is_ball)
                wc_arb_print_buf(f, row->exact_ball, 30);
            else
                wc_buf_put_fmpq(f, row->exact_coeff);
            wc_json_string(j, f->str);
            wc_json_key(j, "model");
            if (row->exact_model != NULL)
                wc_json_string(j, row->exact_model);
            else
                wc_json_null(j);
            wc_json_end_object(j);
        }

        wc_json_key(j, "stat");
        if (row->has_mc)
            wc_json_string(j, wc_stat_name(row->fit.stat));
        else
            wc_json_null(j);
        wc_json_key(j, "slope");
        if (row->has_mc)
            wc_json_double(j, row->fit.slope);
        else
            wc_json_null(j);
        wc_json_key(j, "slope_ci");
        wc_json_interval(j, row->has_mc, row->fit.ci_lo, row->fit.ci_hi);
        wc_json_key(j, "corrected_slope");
        wc_json_double(j, row->has_corrected ? row->corrected.slope : NAN);
        wc_json_key(j, "corrected_slope_ci");
        wc_json_interval(j, row->has_corrected, row->corrected.ci_lo,
                         row->corrected.ci_hi);
        wc_json_key(j, "verdict");
        if (row->has_verdict)
            wc_json_string(j, wc_verdict_name(row->verdict));
        else
            wc_json_null(j);

        wc_json_key(j, "measurements");
        wc_json_begin_array(j);
        for (w = 0; row->has_mc && w < row->nwidths; w++)
        {
            wc_json_begin_object(j);
            wc_json_key(j, "width");
            wc_json_int(j, row->widths[w]);
            wc_json_key(j, "samples");
            wc_json_int(j, row->samples[w]);
            wc_json_key(j, "value");
            wc_json_double(j, row->value[w]);
            wc_json_key(j, "se");
            wc_json_double(j, row->error[w]);
            wc_json_end_object(j);
        }
        wc_json_end_array(j);
        wc_json_key(j, "note");
        if (row->note != NULL)
            wc_json_string(j, row->note);
        else
            wc_json_null(j);
        wc_json_end_object(j);
    }
    wc_json_end_array(j);
    wc_json_end_object(j);
    wc_buf_putc(buf, '\n');
    wc_buf_clear(f);
}

void
wc_table_write(wc_buf_t buf, const wc_table_t table, wc_table_format format,
               slong digits)
{
    if (digits < 1)
        digits = 3;
    switch (format)
    {
        case WC_TABLE_MARKDOWN:
            write_markdown(buf, table, digits);
            break;
        case WC_TABLE_CSV:
            write_csv(buf, table);
            break;
        case WC_TABLE_LATEX:
            write_latex(buf, table, digits);
            break;
        case WC_TABLE_JSON:
            write_json(buf, table);
            break;
        default:
            write_text(buf, table, digits);
            break;
    }
}
