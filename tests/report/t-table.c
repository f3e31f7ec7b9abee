/* Scaling tables: golden outputs of a fixed table in every format, the CSV
   read back to the same numbers, valid JSON, well-formed SVG. */

#include <stdlib.h>
#include <string.h>

#include "testutil.h"

static void
make_fit(wc_stats_fit_struct * fit, wc_stat_kind stat, double slope,
         double intercept, double lo, double hi)
{
    memset(fit, 0, sizeof(*fit));
    fit->stat = stat;
    fit->slope = slope;
    fit->intercept = intercept;
    fit->se = (hi - lo) / 3.92;
    fit->ci_lo = lo;
    fit->ci_hi = hi;
    fit->nboot = 1000;
    fit->samples = 1000;
}

static void
build(wc_table_t table)
{
    static const slong widths[3] = {64, 128, 256};
    static const slong samples[3] = {1000, 1000, 1000};
    static const double v1[3] = {2.0102, 1.9953, 2.0031};
    static const double e1[3] = {0.021, 0.0148, 0.0102};
    static const double v2[3] = {0.06211, 0.031577, 0.015711};
    static const double e2[3] = {0.0021, 0.00102, 0.00049};
    wc_table_row_struct * row;
    wc_stats_fit_struct fit;
    fmpq_t q;
    arb_t b;

    fmpq_init(q);
    arb_init(b);
    wc_table_init(table, "A fixed test table", 42);

    row = wc_table_add_row(table, "E[Theta]", "f_a f_a",
                           "hidden=1,act=linear,param=ntk,din=1,bias=0");
    fmpq_zero(q);
    wc_table_row_set_bound(row, q, 0, "E[X]");
    fmpq_set_si(q, 2, 1);
    wc_table_row_set_exact_fmpq(row, 0, q, "same network");
    make_fit(&fit, WC_STAT_MEAN, -0.0018, 0.701, -0.0112, 0.0077);
    wc_table_row_set_mc(row, WC_STAT_MEAN, widths, samples, v1, e1, 3, &fit);
    wc_table_row_set_verdict(row, WC_VERDICT_TIGHT);

    row = wc_table_add_row(table, "Var[Theta]", "cum(f_a f_a, f_b f_b)",
                           "hidden=1,act=linear,param=ntk,din=1,bias=0");
    fmpq_set_si(q, -1, 1);
    wc_table_row_set_bound(row, q, 0, "E[X]");
    fmpq_set_si(q, 4, 1);
    wc_table_row_set_exact_fmpq(row, -1, q, "same network");
    make_fit(&fit, WC_STAT_MEAN, -0.9933, 1.354, -1.0481, -0.9391);
    wc_table_row_set_mc(row, WC_STAT_MEAN, widths, samples, v2, e2, 3, &fit);
    make_fit(&fit, WC_STAT_MEAN, -1.0412, 1.41, -1.2011, -0.8874);
    wc_table_row_set_corrected(row, &fit);
    wc_table_row_set_verdict(row, WC_VERDICT_TIGHT);
    wc_table_row_set_note(row, "a note, with a comma and \"quotes\"");

    row = wc_table_add_row(table, "E[f_ab f_a f_b]", "f_ab f_a f_b",
                           "hidden=2,act=tanh,param=ntk,din=1,bias=0");
    fmpq_set_si(q, -1, 1);
    wc_table_row_set_bound(row, q, 1, "E[X]");

    row = wc_table_add_row(table, "|C[1,1]| (tanh)", "f_ab f_b f_ac f_c",
                           "hidden=1,act=tanh,param=ntk,din=1,bias=0");
    fmpq_set_si(q, -1, 2);
    wc_table_row_set_bound(row, q, 0, "|X|");
    arb_set_str(b, "[0.46224 +/- 3.1e-21]", 80);
    wc_table_row_set_exact_arb(row, -1, b, "same network");

    arb_clear(b);
    fmpq_clear(q);
}

/* The header names the library versions, which differ between machines:
   replace them before comparing with the golden files. */
static char *
normalise(const char * text)
{
    char versions[512], * out, * p;
    size_t n;

    snprintf(versions, sizeof(versions),
             "weakcorr %s; GMP %s, MPFR %s, FLINT %s, Arb %s", wc_version(),
             wc_gmp_version(), wc_mpfr_version(), wc_flint_version(),
             wc_arb_version());
    out = flint_malloc(strlen(text) + 1);
    strcpy(out, text);
    n = strlen(versions);
    while ((p = strstr(out, versions)) != NULL)
    {
        memcpy(p, "VERSIONS", 8);
        memmove(p + 8, p + n, strlen(p + n) + 1);
    }
    /* In JSON the versions are an object of their own. */
    if ((p = strstr(out, "\"versions\": {")) != NULL)
    {
        char * end = strchr(p, '}');

        memcpy(p, "\"versions\": VERSIONS", 20);
        memmove(p + 20, end + 1, strlen(end + 1) + 1);
    }
    return out;
}

/* Splits one CSV record (quotes doubled inside quoted fields) into at
   most max fields; returns the number of fields. */
static slong
csv_split(char ** field, slong max, const char * line)
{
    slong n = 0;
    const char * s = line;

    while (n < max)
    {
        char * f = flint_malloc(strlen(line) + 1), * t = f;

        if (*s == '"')
        {
            s++;
            while (*s != '\0' && !(s[0] == '"' && s[1] != '"'))
            {
                if (s[0] == '"')
                    s++;
                *t++ = *s++;
            }
            if (*s == '"')
                s++;
        }
        else
            while (*s != '\0' && *s != ',' && *s != '\n')
                *t++ = *s++;
        *t = '\0';
        field[n++] = f;
        if (*s != ',')
            break;
        s++;
    }
    return n;
}

int
main(void)
{
    static const char * const ext[WC_TABLE_FORMAT_COUNT] =
        {"txt", "md", "csv", "tex", "json"};
    wc_test_t t;
    wc_table_t table;
    wc_buf_t buf;
    wc_table_format f;
    wc_error_t err;
    char path[256], * norm;
    slong k;

    wc_test_init(t, "t-table");
    build(table);
    wc_buf_init(buf);

    for (k = 0; k < WC_TABLE_FORMAT_COUNT; k++)
    {
        wc_buf_reset(buf);
        wc_table_write(buf, table, (wc_table_format) k, 3);
        norm = normalise(buf->str);
        snprintf(path, sizeof(path), "tests/report/golden/table.%s",
                 ext[k]);
        WC_CHECK(t, wc_test_golden(norm, path), "golden %s", path);
        WC_CHECK(t, strstr(buf->str, "seed 42") != NULL
                 || strstr(buf->str, "Seed 42") != NULL
                 || strstr(buf->str, "\"seed\": \"42\"") != NULL,
                 "%s names the seed", ext[k]);
        WC_CHECK(t, strstr(buf->str, wc_flint_version()) != NULL,
                 "%s names the versions", ext[k]);
        flint_free(norm);
        WC_CHECK(t, wc_table_format_parse(&f, wc_table_format_name(
                     (wc_table_format) k), err) == WC_OK && f == k,
                 "format name %ld", (long) k);
    }
    WC_CHECK(t, wc_table_format_parse(&f, "md", err) == WC_OK
             && f == WC_TABLE_MARKDOWN, "md");
    WC_CHECK(t, wc_table_format_parse(&f, "html", err) == WC_ERR_PARSE,
             "unknown format");

    /* JSON is valid. */
    wc_buf_reset(buf);
    wc_table_write(buf, table, WC_TABLE_JSON, 3);
    WC_CHECK(t, wc_test_json_valid(buf->str), "table JSON is valid");

    /* The CSV reads back to the same numbers, bit for bit. */
    wc_buf_reset(buf);
    wc_table_write(buf, table, WC_TABLE_CSV, 3);
    {
        char * line = buf->str, * field[32];
        slong row = -1, n, i;

        while (*line != '\0')
        {
            char * next = strchr(line, '\n');

            if (next != NULL)
                *next = '\0';
            if (line[0] != '#')
            {
                n = csv_split(field, 32, line);
                if (row >= 0)
                {
                    const wc_table_row_struct * r = table->rows + row;

                    WC_CHECK(t, n == 23, "row %ld has %ld fields",
                             (long) row, (long) n);
                    WC_CHECK(t, strcmp(field[0], r->name) == 0
                             && strcmp(field[1], r->spec) == 0,
                             "row %ld names", (long) row);
                    if (r->has_mc)
                    {
                        char * s = field[18], * end;

                        WC_CHECK(t, strtod(field[11], NULL) == r->fit.slope
                                 && strtod(field[13], NULL) == r->fit.ci_lo
                                 && strtod(field[14], NULL) == r->fit.ci_hi,
                                 "row %ld slope read back", (long) row);
                        for (i = 0; i < r->nwidths; i++)
                        {
                            WC_CHECK(t, strtod(s, &end) == r->value[i],
                                     "row %ld value %ld read back",
                                     (long) row, (long) i);
                            s = end + (*end == ';');
                        }
                    }
                    if (r->has_bound)
                    {
                        fmpq_t q;

                        fmpq_init(q);
                        WC_CHECK(t, fmpq_set_str(q, field[4], 10) == 0
                                 && fmpq_equal(q, r->bound),
                                 "row %ld bound read back", (long) row);
                        fmpq_clear(q);
                    }
                }
                for (i = 0; i < n; i++)
                    flint_free(field[i]);
                row++;
            }
            if (next == NULL)
                break;
            line = next + 1;
        }
        WC_CHECK(t, row == table->nrows, "%ld CSV rows", (long) row);
    }

    /* The SVG is well formed and has a panel per measured row. */
    wc_buf_reset(buf);
    wc_table_svg(buf, table, 0);
    WC_CHECK(t, wc_test_xml_balanced(buf->str), "SVG is well formed");
    {
        slong panels = 0;
        const char * s = buf->str;

        while ((s = strstr(s, "class=\"panel\"")) != NULL)
        {
            panels++;
            s++;
        }
        WC_CHECK(t, panels == 2, "%ld panels", (long) panels);
    }
    norm = normalise(buf->str);
    WC_CHECK(t, wc_test_golden(norm, "tests/report/golden/table.svg"),
             "golden SVG");
    flint_free(norm);

    wc_buf_clear(buf);
    wc_table_clear(table);
    return wc_test_finish(t);
}
