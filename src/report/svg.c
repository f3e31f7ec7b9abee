/* SVG plots of scaling tables: one log-log panel per measured row. */

#include <math.h>
#include <string.h>

#include "weakcorr/table.h"

#define PANEL_W 420.0
#define PANEL_H 300.0
#define LEFT 70.0       /* room for the y tick labels and axis label */
#define RIGHT 16.0
#define TOP 56.0        /* room for the three title lines */
#define BOTTOM 96.0     /* x ticks, x label and the legend */

/* Escapes text for SVG. */
static void
put_text(wc_buf_t buf, const char * s)
{
    for (; *s != '\0'; s++)
    {
        switch (*s)
        {
            case '<': wc_buf_puts(buf, "&lt;"); break;
            case '>': wc_buf_puts(buf, "&gt;"); break;
            case '&': wc_buf_puts(buf, "&amp;"); break;
            case '"': wc_buf_puts(buf, "&quot;"); break;
            default: wc_buf_putc(buf, *s);
        }
    }
}

/* A line of text at (x, y) whose element carries the attributes attrs.
   Where its width, estimated at em times the font size per character,
   would pass room, the browser is told to fit it into room (a long SPEC
   or NET would otherwise run into the next panel). */
static void
put_line(wc_buf_t buf, double x, double y, const char * attrs,
         double size, double em, double room, const char * s)
{
    wc_buf_printf(buf, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"%g\" %s",
                  x, y, size, attrs);
    if ((double) strlen(s) * em * size > room)
        wc_buf_printf(buf, " textLength=\"%.1f\" "
                      "lengthAdjust=\"spacingAndGlyphs\"", room);
    wc_buf_putc(buf, '>');
    put_text(buf, s);
    wc_buf_puts(buf, "</text>\n");
}

/* The y axis label: what is plotted. */
static const char *
stat_label(wc_stat_kind stat)
{
    switch (stat)
    {
        case WC_STAT_MEAN: return "|mean of X|";
        case WC_STAT_RMS: return "RMS of X";
        case WC_STAT_ABS: return "mean of |X|";
        case WC_STAT_MEDIAN: return "median of |X|";
        case WC_STAT_Q90: return "90% quantile of |X|";
        case WC_STAT_Q99: return "99% quantile of |X|";
        default: return "X";
    }
}

/* A y tick label for 10^k, or m * 10^k. */
static void
put_tick_label(wc_buf_t buf, double v)
{
    int k = (int) floor(log10(v) + 1e-9);
    double m = v / pow(10.0, k);

    if (k >= -2 && k <= 3)
        wc_buf_printf(buf, "%g", v);
    else if (fabs(m - 1.0) < 1e-9)
        wc_buf_printf(buf, "1e%d", k);
    else
        wc_buf_printf(buf, "%ge%d", m, k);
}

static void
panel(wc_buf_t buf, const wc_table_row_struct * row, double ox, double oy)
{
    double pw = PANEL_W - LEFT - RIGHT, ph = PANEL_H - TOP - BOTTOM;
    double xlo, xhi, ylo = HUGE_VAL, yhi = -HUGE_VAL, t, gmid, lx;
    slong w;
    wc_buf_t label;

#define X(n) (ox + LEFT + pw * (log(n) - xlo) / (xhi - xlo))
#define Y(v) (oy + TOP + ph * (1.0 - (log10(v) - ylo) / (yhi - ylo)))

    wc_buf_init(label);

    /* Ranges: widths with a margin of a fifth of a doubling; values with
       their error bars, clipped at a tenth of the value below. */
    xlo = log((double) row->widths[0]) - 0.2 * log(2.0);
    xhi = log((double) row->widths[row->nwidths - 1]) + 0.2 * log(2.0);
    for (w = 0; w < row->nwidths; w++)
    {
        double v = fabs(row->value[w]), e = row->error[w];

        if (!(v > 0) || !isfinite(v))
            continue;
        ylo = FLINT_MIN(ylo, log10(v - e > 0.1 * v ? v - e : 0.1 * v));
        yhi = FLINT_MAX(yhi, log10(v + (isfinite(e) ? e : 0)));
    }
    if (!(ylo < HUGE_VAL))
    {
        ylo = -1;
        yhi = 1;
    }
    if (yhi - ylo < 1.0)
    {
        t = 0.5 * (yhi + ylo);
        ylo = t - 0.5;
        yhi = t + 0.5;
    }
    t = 0.08 * (yhi - ylo);
    ylo -= t;
    yhi += t;

    /* Frame and title. */
    wc_buf_printf(buf, "<g class=\"panel\">\n<rect x=\"%.1f\" y=\"%.1f\" "
                  "width=\"%.1f\" height=\"%.1f\" fill=\"white\" "
                  "stroke=\"#888\"/>\n", ox + LEFT, oy + TOP, pw, ph);
    put_line(buf, ox + 8, oy + 18, "font-weight=\"bold\"", 14, 0.62,
             PANEL_W - 16, row->name);
    put_line(buf, ox + 8, oy + 32, "font-family=\"monospace\"", 10, 0.6,
             PANEL_W - 16, row->spec);
    put_line(buf, ox + 8, oy + 46, "font-family=\"monospace\"", 10, 0.6,
             PANEL_W - 16, row->net);

    /* x ticks at the widths measured. */
    for (w = 0; w < row->nwidths; w++)
    {
        double x = X((double) row->widths[w]);

        wc_buf_printf(buf, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" "
                      "y2=\"%.1f\" stroke=\"#888\"/>\n<text x=\"%.1f\" "
                      "y=\"%.1f\" font-size=\"10\" text-anchor=\"middle\">"
                      "%ld</text>\n", x, oy + TOP + ph, x, oy + TOP + ph + 4,
                      x, oy + TOP + ph + 15, (long) row->widths[w]);
    }
    wc_buf_printf(buf, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"11\" "
                  "text-anchor=\"middle\">width n (log scale)</text>\n",
                  ox + LEFT + pw / 2, oy + TOP + ph + 30);

    /* y ticks at 1, 2, 5 times powers of ten inside the range, thinned
       to decades when there are many. */
    {
        int k, kk;
        static const double mant[3] = {1.0, 2.0, 5.0};
        int decades = (int) ceil(yhi) - (int) floor(ylo);

        for (k = (int) floor(ylo); k <= (int) ceil(yhi); k++)
            for (kk = 0; kk < (decades > 3 ? 1 : 3); kk++)
            {
                double v = mant[kk] * pow(10.0, k), y;

                if (log10(v) < ylo || log10(v) > yhi)
                    continue;
                y = Y(v);
                wc_buf_printf(buf, "<line x1=\"%.1f\" y1=\"%.1f\" "
                              "x2=\"%.1f\" y2=\"%.1f\" stroke=\"#ddd\"/>\n"
                              "<text x=\"%.1f\" y=\"%.1f\" font-size=\"10\" "
                              "text-anchor=\"end\">", ox + LEFT, y,
                              ox + LEFT + pw, y, ox + LEFT - 4, y + 3);
                put_tick_label(buf, v);
                wc_buf_puts(buf, "</text>\n");
            }
    }
    wc_buf_printf(buf, "<text transform=\"translate(%.1f,%.1f) "
                  "rotate(-90)\" font-size=\"11\" text-anchor=\"middle\">",
                  ox + 14, oy + TOP + ph / 2);
    /* What is plotted: the statistic, or for the linearisation row the
       mean of the deviation it bounds. */
    if (row->bound_of != NULL && strstr(row->bound_of, "f_lin") != NULL)
    {
        wc_buf_puts(buf, "mean of ");
        put_text(buf, row->bound_of);
    }
    else
        put_text(buf, stat_label(row->stat));
    wc_buf_puts(buf, " (log scale)</text>\n");

    /* The fitted line, and the bound's slope through the fit's middle. */
    gmid = sqrt((double) row->widths[0] * row->widths[row->nwidths - 1]);
    if (isfinite(row->fit.slope))
    {
        double n0 = row->widths[0], n1 = row->widths[row->nwidths - 1];
        double v0 = exp(row->fit.intercept) * pow(n0, row->fit.slope);
        double v1 = exp(row->fit.intercept) * pow(n1, row->fit.slope);

        wc_buf_printf(buf, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" "
                      "y2=\"%.1f\" stroke=\"#1f77b4\" stroke-width=\"2\"/>\n",
                      X(n0), Y(v0), X(n1), Y(v1));
        if (row->has_bound && !row->bound_zero)
        {
            double b = fmpq_get_d(row->bound);
            double vm = exp(row->fit.intercept) * pow(gmid, row->fit.slope);

            wc_buf_printf(buf, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" "
                          "y2=\"%.1f\" stroke=\"#d62728\" "
                          "stroke-width=\"1.5\" stroke-dasharray=\"6,4\"/>\n",
                          X(n0),
                          Y(vm * pow(n0 / gmid, b)), X(n1),
                          Y(vm * pow(n1 / gmid, b)));
        }
    }

    /* Points with +-1 standard error bars. */
    for (w = 0; w < row->nwidths; w++)
    {
        double v = fabs(row->value[w]), e = row->error[w];
        double x = X((double) row->widths[w]);

        if (!(v > 0) || !isfinite(v))
            continue;
        if (isfinite(e) && e > 0)
            wc_buf_printf(buf, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" "
                          "y2=\"%.1f\" stroke=\"black\"/>\n", x,
                          Y(v - e > 0.1 * v ? v - e : 0.1 * v), x, Y(v + e));
        wc_buf_printf(buf, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3.5\" "
                      "fill=\"black\"/>\n", x, Y(v));
    }

    /* Legend under the axes. */
    t = oy + TOP + ph + 48;
    lx = ox + 30;
    wc_buf_printf(buf, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3.5\"/>"
                  "<text x=\"%.1f\" y=\"%.1f\" font-size=\"11\">Monte Carlo "
                  "estimate +/- 1 standard error</text>\n", lx + 6,
                  t - 4, lx + 18, t);
    wc_buf_printf(buf, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" "
                  "y2=\"%.1f\" stroke=\"#1f77b4\" stroke-width=\"2\"/>"
                  "<text x=\"%.1f\" y=\"%.1f\" font-size=\"11\">fit: slope "
                  "%.3f, 95%% interval [%.3f, %.3f]</text>\n", lx,
                  t + 10, lx + 12, t + 10, lx + 18, t + 14,
                  row->fit.slope, row->fit.ci_lo, row->fit.ci_hi);
    if (row->has_corrected)
    {
        t += 14;
        wc_buf_printf(buf, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"11\">"
                      "with a 1/n term: slope %.3f, 95%% interval "
                      "[%.3f, %.3f]</text>\n", lx + 18, t + 14,
                      row->corrected.slope, row->corrected.ci_lo,
                      row->corrected.ci_hi);
    }
    if (row->has_bound)
    {
        wc_buf_reset(label);
        if (row->bound_zero)
            wc_buf_puts(label, "bound: exactly zero");
        else
        {
            wc_buf_puts(label, "bound: slope ");
            wc_buf_put_fmpq(label, row->bound);
        }
        wc_buf_printf(buf, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" "
                      "y2=\"%.1f\" stroke=\"#d62728\" stroke-width=\"1.5\" "
                      "stroke-dasharray=\"6,4\"/><text x=\"%.1f\" y=\"%.1f\" "
                      "font-size=\"11\">", lx, t + 24, lx + 12,
                      t + 24, lx + 18, t + 28);
        put_text(buf, label->str);
        if (row->has_verdict)
        {
            wc_buf_puts(buf, "; verdict: ");
            put_text(buf, wc_verdict_name(row->verdict));
        }
        wc_buf_puts(buf, "</text>\n");
    }
    wc_buf_puts(buf, "</g>\n");
    wc_buf_clear(label);
#undef X
#undef Y
}

void
wc_table_svg(wc_buf_t buf, const wc_table_t table, slong columns)
{
    slong i, k = 0, nplots = 0, rows_of_panels, nlist = 0;
    double width, height;

    for (i = 0; i < table->nrows; i++)
    {
        if (table->rows[i].has_mc && table->rows[i].nwidths >= 1)
            nplots++;
        else
            nlist++;
    }
    if (columns <= 0)
        columns = nplots <= 2 ? FLINT_MAX(nplots, 1) : 3;
    rows_of_panels = (nplots + columns - 1) / columns;
    width = columns * PANEL_W;
    height = 40 + rows_of_panels * PANEL_H + 16 * nlist + 10;

    wc_buf_printf(buf, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                  "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%.0f\" "
                  "height=\"%.0f\" viewBox=\"0 0 %.0f %.0f\" "
                  "font-family=\"sans-serif\">\n<rect width=\"100%%\" "
                  "height=\"100%%\" fill=\"white\"/>\n", width, height,
                  width, height);
    wc_buf_puts(buf, "<text x=\"10\" y=\"22\" font-size=\"16\" "
                "font-weight=\"bold\">");
    put_text(buf, table->title);
    wc_buf_printf(buf, "</text>\n<text x=\"10\" y=\"36\" font-size=\"10\">"
                  "seed %lu; weakcorr %s</text>\n", table->seed,
                  wc_version());

    for (i = 0; i < table->nrows; i++)
    {
        const wc_table_row_struct * row = table->rows + i;

        if (!(row->has_mc && row->nwidths >= 1))
            continue;
        panel(buf, row, (k % columns) * PANEL_W,
              40 + (k / columns) * PANEL_H);
        k++;
    }

    /* Rows without measurements, as text. */
    k = 0;
    for (i = 0; i < table->nrows; i++)
    {
        const wc_table_row_struct * row = table->rows + i;

        if (row->has_mc && row->nwidths >= 1)
            continue;
        wc_buf_printf(buf, "<text x=\"10\" y=\"%.1f\" font-size=\"11\">",
                      40 + rows_of_panels * PANEL_H + 16 * (k + 1));
        put_text(buf, row->name);
        wc_buf_puts(buf, ": no Monte Carlo measurement");
        if (row->note != NULL)
        {
            wc_buf_puts(buf, " (");
            put_text(buf, row->note);
            wc_buf_puts(buf, ")");
        }
        wc_buf_puts(buf, "</text>\n");
        k++;
    }
    wc_buf_puts(buf, "</svg>\n");
}
