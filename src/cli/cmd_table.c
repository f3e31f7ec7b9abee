/* weakcorr table: scaling tables; with no arguments, the default job. */

#include <string.h>
#include <unistd.h>

#include "cli.h"

static const char help[] =
"usage: weakcorr table [--preset paper|dyer | --file TABLE] [--quick]\n"
"                      [--format text|markdown|csv|latex|json] [--json]\n"
"                      [--plot FILE.svg] [--output FILE] [--seed S]\n"
"                      [--threads T] [--samples S] [--digits D] [--quiet]\n"
"\n"
"Measures a list of scaling claims and prints them as a table: per row\n"
"the bound the order module derives (an exact exponent), the exact\n"
"leading term where an exact engine reaches (on the row's network, or on\n"
"one hidden layer with its activation, as the row says; for norms, of\n"
"E[|C|^2]), the Monte Carlo slope with its 95% interval, and the\n"
"verdict.  With no arguments: the preset paper.\n"
"\n"
"Presets:\n"
"  paper   the weak-correlation claims (Shem-Ur & Oz 2024) for the network\n"
"          hidden=2,act=tanh,param=ntk,din=1,bias=0 at widths 64..1024:\n"
"          the NTK, |C[0,d]| for d = 2..5, |C[1,d]| for d = 1..3,\n"
"          Var[Theta], E[f^2], E[f^4], the tangent-kernel, dTheta/dt,\n"
"          third-derivative and (dTheta/dt)^2 correlators, and\n"
"          f - f_lin after 10 gradient steps; about 35 seconds on 2 cores\n"
"          (--quick: widths 32..512, 200 samples, about 5 seconds)\n"
"  dyer    the standard correlators on 3-hidden-layer linear, relu and\n"
"          tanh networks at widths 2^7..2^13, like Dyer & Gur-Ari (2019)\n"
"          (long: tens of minutes; --quick: widths 2^7..2^10)\n"
"\n"
"  --file TABLE     rows from a table file (format in doc/report.md):\n"
"                   'NAME ; QUANTITY ; NET ; WIDTHS ; SAMPLES ; STAT',\n"
"                   later fields optional, and directives title = ...,\n"
"                   net = ..., widths = ..., samples = ..., seeds = ...\n"
"  --quick          coarser widths and fewer samples, for a first look\n"
"                   (a row or two may read violated by chance)\n"
"  --format F       text (default), markdown, csv, latex or json\n"
"  --json           the same as --format json\n"
"  --plot FILE.svg  also draw every measured row on log-log axes\n"
"  --output FILE    write the table to FILE (atomically)\n"
"  --seed S         generator seed (default 1); named in every output\n"
"  --threads T      worker threads (default: the processors online)\n"
"  --samples S      samples per width for every row (default: the\n"
"                   preset's or the file's)\n"
"  --digits D       digits of estimates (default 3)\n"
"  --quiet          no progress on standard error\n"
"\n"
"Exit status: 0 on success, 1 for malformed input (a table file's errors\n"
"name the line and column), 2 when a file cannot be read or written, 130\n"
"when interrupted (the rows that finished are printed).\n"
"\n"
"examples:\n"
"  weakcorr table\n"
"  weakcorr table --quick --format markdown --plot table.svg\n"
"  weakcorr table --preset dyer --quick --format latex\n"
"  weakcorr table --file study.txt --json\n";

typedef struct
{
    wc_cli_progress_struct bar;
}
table_progress;

static void
progress(void * data, slong row, slong nrows, double fraction,
         const char * name)
{
    table_progress * p = data;

    wc_cli_progress_draw(&p->bar, (row + fraction) / FLINT_MAX(nrows, 1),
                         "row %ld/%ld %.30s", (long) row + 1, (long) nrows,
                         name);
}

/* Reads a whole file; NULL (with err set) if it cannot be read. */
static char *
read_file(const char * path, wc_error_t err)
{
    FILE * f = fopen(path, "rb");
    char * text;
    long n;

    if (f == NULL || fseek(f, 0, SEEK_END) != 0 || (n = ftell(f)) < 0
        || fseek(f, 0, SEEK_SET) != 0)
    {
        if (f != NULL)
            fclose(f);
        wc_error_set(err, WC_ERR_IO, -1, "cannot read the file");
        return NULL;
    }
    if (n > (1L << 24))
    {
        fclose(f);
        wc_error_set(err, WC_ERR_PARSE, -1, "larger than 16 MB: not a "
                     "table file");
        return NULL;
    }
    text = flint_malloc(n + 1);
    if (fread(text, 1, n, f) != (size_t) n)
    {
        fclose(f);
        flint_free(text);
        wc_error_set(err, WC_ERR_IO, -1, "cannot read the file");
        return NULL;
    }
    text[n] = '\0';
    fclose(f);
    if ((long) strlen(text) != n)
    {
        flint_free(text);
        wc_error_set(err, WC_ERR_PARSE, -1, "contains a NUL byte: not a "
                     "table file");
        return NULL;
    }
    return text;
}

int
wc_cmd_table(int argc, char ** argv)
{
    const char * preset = NULL, * file = NULL, * plot = NULL;
    const char * output = NULL, * value;
    int quick = 0, quiet = 0, i, r, exit_status = WC_EXIT_OK;
    slong digits = 3;
    unsigned long long u;
    wc_table_format format = WC_TABLE_TEXT;
    wc_table_run_options_t opt;
    wc_table_plan_t plan;
    wc_table_t table;
    wc_error_t err;
    wc_status st;
    wc_buf_t out;
    table_progress tp;
    struct sigaction old;

    wc_table_run_options_init(opt);
    {
        long ncpu = sysconf(_SC_NPROCESSORS_ONLN);

        opt->threads = (ncpu >= 1 && ncpu <= 1024) ? ncpu : 1;
    }

    for (i = 1; i < argc; i++)
    {
        if (!wc_cli_is_option(argv[i]))
            return wc_cli_usage_error("table", "unexpected argument '%s'",
                                      argv[i]);
        if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0)
        {
            fputs(help, stdout);
            return WC_EXIT_OK;
        }
        if (strcmp(argv[i], "--quick") == 0)
        {
            quick = 1;
            continue;
        }
        if (strcmp(argv[i], "--json") == 0)
        {
            format = WC_TABLE_JSON;
            continue;
        }
        if (strcmp(argv[i], "--quiet") == 0)
        {
            quiet = 1;
            continue;
        }
#define TAKE(name) \
    ((r = wc_cli_take_value(&value, argc, argv, &i, "table", name)) != 0)
        if (TAKE("--preset"))
            preset = value;
        else if (TAKE("--file"))
            file = value;
        else if (TAKE("--plot"))
            plot = value;
        else if (TAKE("--output"))
            output = value;
        else if (TAKE("--format"))
        {
            wc_error_init(err);
            if (r > 0 && wc_table_format_parse(&format, value, err) != WC_OK)
                return wc_cli_usage_error("table", "--format: %s", err->msg);
        }
        else if (TAKE("--digits"))
        {
            if (r > 0 && (!wc_cli_parse_uint(&u, value, 17) || u < 1))
                return wc_cli_usage_error("table", "--digits takes a number "
                                          "from 1 to 17, not '%s'", value);
            digits = (slong) u;
        }
        else if (TAKE("--seed"))
        {
            if (r > 0 && !wc_cli_parse_uint(&u, value, UINT64_MAX))
                return wc_cli_usage_error("table", "--seed takes an integer "
                                          "from 0 to 2^64-1, not '%s'",
                                          value);
            opt->seed = (uint64_t) u;
        }
        else if (TAKE("--threads"))
        {
            if (r > 0 && (!wc_cli_parse_uint(&u, value, 1024) || u < 1))
                return wc_cli_usage_error("table", "--threads takes an "
                                          "integer from 1 to 1024, not '%s'",
                                          value);
            opt->threads = (slong) u;
        }
        else if (TAKE("--samples"))
        {
            if (r > 0 && (!wc_cli_parse_uint(&u, value, UINT32_MAX)
                          || u < 8))
                return wc_cli_usage_error("table", "--samples takes an "
                                          "integer from 8 to 2^32-1, not "
                                          "'%s'", value);
            opt->samples = (slong) u;
        }
        else
            return wc_cli_usage_error("table", "unknown option '%s'",
                                      argv[i]);
#undef TAKE
        if (r < 0)
            return WC_EXIT_INPUT;
        if (value[0] == '\0')
            return wc_cli_usage_error("table", "%s needs a value", argv[i]);
    }
    if (preset != NULL && file != NULL)
        return wc_cli_usage_error("table", "give --preset or --file, not "
                                  "both");

    wc_table_plan_init(plan);
    wc_table_init(table, "", 0);
    wc_buf_init(out);
    wc_error_init(err);

    if (file != NULL)
    {
        char * text = read_file(file, err);

        st = (text == NULL) ? err->status
                            : wc_table_plan_parse(plan, text, err);
        flint_free(text);
        if (st != WC_OK)
        {
            exit_status = wc_cli_fail(file, err);
            goto cleanup;
        }
    }
    else if (wc_table_plan_preset(plan, preset != NULL ? preset : "paper",
                                  quick, err) != WC_OK)
    {
        exit_status = wc_cli_fail("--preset", err);
        goto cleanup;
    }
    if (quick && file != NULL)
    {
        /* A file's rows keep their own widths; --quick halves the
           samples. */
        plan->samples = FLINT_MAX(plan->samples / 4, 20);
    }

    wc_cli_progress_init(&tp.bar, quiet);
    opt->progress = progress;
    opt->progress_data = &tp;
    opt->cancel = &wc_cli_interrupted;

    wc_cli_sigint_catch(&old);
    st = wc_table_run(table, plan, opt, err);
    wc_cli_sigint_restore(&old);
    wc_cli_progress_end(&tp.bar);

    if (st != WC_OK && st != WC_ERR_INTERRUPTED)
    {
        exit_status = wc_cli_fail("table", err);
        goto cleanup;
    }
    if (st == WC_ERR_INTERRUPTED || wc_cli_interrupted)
    {
        /* Keep what finished: the rows measured so far. */
        if (table->nrows > 0 && table->rows[table->nrows - 1].has_mc == 0
            && table->rows[table->nrows - 1].note == NULL)
            wc_table_row_set_note(table->rows + table->nrows - 1,
                                  "interrupted before it was measured");
        exit_status = 130;
    }

    wc_table_write(out, table, format, digits);
    if (output != NULL)
    {
        if (wc_mc_write_file_atomic(output, out->str, err) != WC_OK)
        {
            exit_status = wc_cli_fail("--output", err);
            goto cleanup;
        }
    }
    else
        fputs(out->str, stdout);

    if (plot != NULL)
    {
        wc_buf_reset(out);
        wc_table_svg(out, table, 0);
        if (wc_mc_write_file_atomic(plot, out->str, err) != WC_OK)
        {
            exit_status = wc_cli_fail("--plot", err);
            goto cleanup;
        }
    }
    if (exit_status == 130)
        fprintf(stderr, "weakcorr table: interrupted; the rows that "
                "finished are printed\n");

cleanup:
    wc_buf_clear(out);
    wc_table_clear(table);
    wc_table_plan_clear(plan);
    return exit_status;
}
