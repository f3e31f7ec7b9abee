/* What the long-running commands share: number options, Ctrl-C, progress
   bars, and the Monte Carlo options of mc, check and table. */

#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"

volatile sig_atomic_t wc_cli_interrupted = 0;

static void
on_sigint(int sig)
{
    (void) sig;
    wc_cli_interrupted = 1;
}

void
wc_cli_sigint_catch(struct sigaction * old)
{
    struct sigaction sa;

    memset(&sa, 0, sizeof(sa));
    sa.sa_handler = on_sigint;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGINT, &sa, old);
}

void
wc_cli_sigint_restore(const struct sigaction * old)
{
    sigaction(SIGINT, old, NULL);
}

int
wc_cli_parse_uint(unsigned long long * v, const char * text,
                  unsigned long long max)
{
    char * end;
    unsigned long long x;

    if (text[0] < '0' || text[0] > '9')
        return 0;
    errno = 0;
    x = strtoull(text, &end, 10);
    if (errno != 0 || *end != '\0' || x > max)
        return 0;
    *v = x;
    return 1;
}

void
wc_cli_progress_init(wc_cli_progress_struct * p, int quiet)
{
    p->draw = !quiet && isatty(2);
    p->last_percent = -1;
    p->last = 0;
    p->drawn = 0;
}

void
wc_cli_progress_draw(wc_cli_progress_struct * p, double fraction,
                     const char * fmt, ...)
{
    int percent = (int) (100.0 * fraction), k;
    time_t now = time(NULL);
    va_list ap;

    if (!p->draw || (percent == p->last_percent && now == p->last
                     && fraction < 1.0))
        return;
    p->last_percent = percent;
    p->last = now;
    p->drawn = 1;
    fprintf(stderr, "\r  [");
    for (k = 0; k < 30; k++)
        fputc(k < percent * 30 / 100 ? '=' : ' ', stderr);
    fprintf(stderr, "] %3d%%  ", percent);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc(' ', stderr);
    fflush(stderr);
}

void
wc_cli_progress_end(wc_cli_progress_struct * p)
{
    if (p->drawn)
        fprintf(stderr, "\r%*s\r", 79, "");
    p->drawn = 0;
    p->last_percent = -1;
}

void
wc_cli_mc_args_init(wc_cli_mc_args_struct * a, const char * widths)
{
    long ncpu = sysconf(_SC_NPROCESSORS_ONLN);

    a->net_text = NULL;
    a->widths_text = widths;
    a->checkpoint = NULL;
    a->quiet = 0;
    wc_mc_options_init(a->opt);
    a->opt->threads = (ncpu >= 1 && ncpu <= 1024) ? ncpu : 1;
}

int
wc_cli_mc_option(wc_cli_mc_args_struct * a, int argc, char ** argv,
                 int * i, const char * cmd)
{
    const char * value;
    unsigned long long u;
    wc_error_t err;
    int r;

    if (strcmp(argv[*i], "--quiet") == 0)
    {
        a->quiet = 1;
        return 1;
    }
#define TAKE(name) \
    ((r = wc_cli_take_value(&value, argc, argv, i, cmd, name)) != 0)
    if (TAKE("--net"))
    {
        if (r > 0)
            a->net_text = value;
        return r;
    }
    if (TAKE("--widths"))
    {
        if (r > 0)
            a->widths_text = value;
        return r;
    }
    if (TAKE("--samples"))
    {
        if (r < 0)
            return r;
        if (!wc_cli_parse_uint(&u, value, UINT32_MAX) || u < 1)
        {
            wc_cli_usage_error(cmd, "--samples takes a positive "
                    "integer below 2^32, not '%s'", value);
            return -1;
        }
        a->opt->samples = (slong) u;
        return 1;
    }
    if (TAKE("--seed"))
    {
        if (r < 0)
            return r;
        if (!wc_cli_parse_uint(&u, value, UINT64_MAX))
        {
            wc_cli_usage_error(cmd, "--seed takes an integer "
                    "from 0 to 2^64-1, not '%s'", value);
            return -1;
        }
        a->opt->seed = (uint64_t) u;
        return 1;
    }
    if (TAKE("--threads"))
    {
        if (r < 0)
            return r;
        if (!wc_cli_parse_uint(&u, value, 1024) || u < 1)
        {
            wc_cli_usage_error(cmd, "--threads takes an integer "
                    "from 1 to 1024, not '%s'", value);
            return -1;
        }
        a->opt->threads = (slong) u;
        return 1;
    }
    if (TAKE("--probes"))
    {
        if (r < 0)
            return r;
        if (!wc_cli_parse_uint(&u, value, 65535) || u < 1)
        {
            wc_cli_usage_error(cmd, "--probes takes an integer "
                    "from 1 to 65535, not '%s'", value);
            return -1;
        }
        a->opt->nprobes = (slong) u;
        return 1;
    }
    if (TAKE("--max-stored"))
    {
        if (r < 0)
            return r;
        if (!wc_cli_parse_uint(&u, value, UWORD(1) << 40))
        {
            wc_cli_usage_error(cmd, "--max-stored takes a number "
                    "of megabytes, not '%s'", value);
            return -1;
        }
        a->opt->max_stored = (slong) (u * 131072);   /* 2^20 / 8 */
        return 1;
    }
    if (TAKE("--stat"))
    {
        if (r < 0)
            return r;
        wc_error_init(err);
        if (wc_stat_parse(&a->opt->stat, value, err) != WC_OK)
        {
            wc_cli_usage_error(cmd, "--stat: %s", err->msg);
            return -1;
        }
        return 1;
    }
    if (TAKE("--checkpoint"))
    {
        if (r < 0)
            return r;
        if (value[0] == '\0')
        {
            wc_cli_usage_error(cmd, "--checkpoint needs a file "
                                            "name");
            return -1;
        }
        a->checkpoint = value;
        return 1;
    }
#undef TAKE
    return 0;
}

typedef struct
{
    wc_cli_progress_struct bar;
    const char * label;
}
mc_progress_data;

static void
mc_progress(void * data, slong done, slong total, slong width)
{
    mc_progress_data * p = data;

    wc_cli_progress_draw(&p->bar, (double) done / FLINT_MAX(total, 1),
                         "%s%swidth %ld  %ld/%ld", p->label,
                         p->label[0] != '\0' ? ": " : "", (long) width,
                         (long) done, (long) total);
}

wc_status
wc_cli_mc_run(wc_mc_result_t res, const wc_mc_quantity_t q,
              const wc_net_t net, wc_cli_mc_args_struct * a,
              const char * label, wc_error_t err)
{
    mc_progress_data p;
    struct sigaction old;
    wc_status st;

    wc_cli_progress_init(&p.bar, a->quiet);
    p.label = label != NULL ? label : "";
    a->opt->checkpoint = a->checkpoint;
    a->opt->progress = mc_progress;
    a->opt->progress_data = &p;
    a->opt->cancel = &wc_cli_interrupted;

    wc_cli_sigint_catch(&old);
    st = wc_mc_run(res, q, net, a->opt, err);
    wc_cli_sigint_restore(&old);
    wc_cli_progress_end(&p.bar);

    a->opt->progress = NULL;
    a->opt->progress_data = NULL;
    return st;
}

void
wc_cli_json_row_begin(wc_json_t j, const wc_stats_row_struct * r,
                      int cumulant)
{
    wc_json_begin_object(j);
    wc_json_key(j, "width");
    wc_json_int(j, r->width);
    wc_json_key(j, "samples");
    wc_json_int(j, r->samples);
    wc_json_key(j, "mean");
    wc_json_double(j, r->mean);
    wc_json_key(j, "se");
    wc_json_double(j, r->se);
    wc_json_key(j, "rms");
    wc_json_double(j, cumulant ? NAN : r->rms);
}

void
wc_cli_precision_init(wc_cli_precision_struct * p)
{
    p->prec = 0;
    p->digits = 0;
    p->max_terms = WC_EXACT_DEFAULT_MAX_TERMS;
}

/* A positive integer no larger than max. */
static int
parse_positive(slong * v, const char * text, slong max)
{
    unsigned long long u;

    if (!wc_cli_parse_uint(&u, text, (unsigned long long) max) || u < 1)
        return 0;
    *v = (slong) u;
    return 1;
}

int
wc_cli_precision_option(wc_cli_precision_struct * p, int argc, char ** argv,
                        int * i, const char * cmd, int with_max_terms)
{
    const char * value;
    int r;

    if (with_max_terms && (r = wc_cli_take_value(&value, argc, argv, i, cmd,
                                                 "--max-terms")) != 0)
    {
        if (r < 0)
            return r;
        if (!parse_positive(&p->max_terms, value, WORD_MAX))
        {
            wc_cli_usage_error(cmd, "--max-terms takes a positive integer, "
                               "not '%s'", value);
            return -1;
        }
        return 1;
    }
    if ((r = wc_cli_take_value(&value, argc, argv, i, cmd, "--prec")) != 0)
    {
        if (r < 0)
            return r;
        if (!parse_positive(&p->prec, value, 1000000) || p->prec < 16)
        {
            wc_cli_usage_error(cmd, "--prec takes a number of bits from 16 "
                               "to 1000000, not '%s'", value);
            return -1;
        }
        return 1;
    }
    if ((r = wc_cli_take_value(&value, argc, argv, i, cmd, "--digits")) != 0)
    {
        if (r < 0)
            return r;
        if (!parse_positive(&p->digits, value, 300000))
        {
            wc_cli_usage_error(cmd, "--digits takes a number of digits from "
                               "1 to 300000, not '%s'", value);
            return -1;
        }
        return 1;
    }
    return 0;
}

int
wc_cli_precision_finish(wc_cli_precision_struct * p, const char * cmd,
                        slong default_prec)
{
    if (p->prec > 0 && p->digits > 0)
    {
        wc_cli_usage_error(cmd, "give --prec or --digits, not both");
        return -1;
    }
    /* Digits asked for: enough bits for them plus a margin of 16 bits
       for the error the balls collect. */
    if (p->digits > 0)
        p->prec = (slong) ceil(p->digits * 3.3219280948873623) + 16;
    else
    {
        if (p->prec == 0)
            p->prec = default_prec;
        p->digits = FLINT_MAX(10, (slong) (p->prec * 0.30103));
    }
    return 0;
}
