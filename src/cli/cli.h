/* Shared pieces of the weakcorr command: exit statuses, error reports,
   option scanning and text layout.  Only the command line prints. */

#ifndef WC_CLI_H
#define WC_CLI_H

#include <signal.h>
#include <stdio.h>
#include <time.h>

#include "weakcorr.h"

#define WC_EXIT_OK 0
#define WC_EXIT_INPUT 1     /* malformed SPEC, NET or command line */
#define WC_EXIT_CANNOT 2    /* well formed, but beyond what we answer */

typedef int (*wc_cli_main)(int argc, char ** argv);

int wc_cmd_check(int argc, char ** argv);
int wc_cmd_exact(int argc, char ** argv);
int wc_cmd_kernel(int argc, char ** argv);
int wc_cmd_linearize(int argc, char ** argv);
int wc_cmd_mc(int argc, char ** argv);
int wc_cmd_order(int argc, char ** argv);
int wc_cmd_parse(int argc, char ** argv);
int wc_cmd_table(int argc, char ** argv);

/* Reports err about the text named what ("SPEC", "NET", "--widths") on
   stderr as one line, "weakcorr: SPEC, column 7: reason", and returns the
   exit status for its status. */
int wc_cli_fail(const char * what, const wc_error_t err);

/* "weakcorr CMD: message" on stderr; returns WC_EXIT_INPUT. */
int wc_cli_usage_error(const char * cmd, const char * fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;

/* Is argv[*i] the option name, as "--name VALUE" or "--name=VALUE"?  On a
   match stores the value, advances *i past it and returns 1; returns -1
   (after reporting) when the value is missing, 0 when it is another
   argument. */
int wc_cli_take_value(const char ** value, int argc, char ** argv, int * i,
                      const char * cmd, const char * name);

/* An argument that begins with '-' but is a number ("-1/2 f f") is a
   positional argument, not an option. */
int wc_cli_is_option(const char * arg);

/* A nonnegative integer option value no larger than max: 1 on success. */
int wc_cli_parse_uint(unsigned long long * v, const char * text,
                      unsigned long long max);

/* Ctrl-C: while caught, SIGINT sets wc_cli_interrupted, which the long
   runs take as a request to stop and keep what they finished. */
extern volatile sig_atomic_t wc_cli_interrupted;
void wc_cli_sigint_catch(struct sigaction * old);
void wc_cli_sigint_restore(const struct sigaction * old);

/* A progress bar on standard error, drawn only when it is a terminal and
   not asked to be quiet; redrawn at most once a second per percent. */
typedef struct
{
    int draw;
    int last_percent;
    time_t last;
    int drawn;
}
wc_cli_progress_struct;

void wc_cli_progress_init(wc_cli_progress_struct * p, int quiet);
void wc_cli_progress_draw(wc_cli_progress_struct * p, double fraction,
                          const char * fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;
/* Erases the bar, if one was drawn. */
void wc_cli_progress_end(wc_cli_progress_struct * p);

/* The Monte Carlo options mc, check and table share: --net, --widths,
   --samples, --seed, --threads, --stat, --probes, --max-stored,
   --checkpoint and --quiet. */
typedef struct
{
    const char * net_text;
    const char * widths_text;
    const char * checkpoint;
    int quiet;
    wc_mc_options_t opt;
}
wc_cli_mc_args_struct;

/* Defaults: the given widths, threads = processors online, the rest as
   wc_mc_options_init. */
void wc_cli_mc_args_init(wc_cli_mc_args_struct * a, const char * widths);

/* Takes argv[*i] (and its value) if it is one of the options above:
   returns 1, 0 if it is not one of them, -1 after reporting a bad
   value. */
int wc_cli_mc_option(wc_cli_mc_args_struct * a, int argc, char ** argv,
                     int * i, const char * cmd);

/* wc_mc_run with a progress bar labelled label and Ctrl-C caught. */
wc_status wc_cli_mc_run(wc_mc_result_t res, const wc_mc_quantity_t q,
                        const wc_net_t net, wc_cli_mc_args_struct * a,
                        const char * label, wc_error_t err);

/* Opens the JSON object of one width's measurements with the keys
   width, samples, mean, se and rms (null for a cumulant, whose samples
   are not values of the quantity); the caller adds its own keys and
   closes the object. */
void wc_cli_json_row_begin(wc_json_t j, const wc_stats_row_struct * r,
                           int cumulant);

/* --prec BITS or --digits D for balls, and (where asked) --max-terms N
   for the exact engines. */
typedef struct
{
    slong prec;
    slong digits;
    slong max_terms;
}
wc_cli_precision_struct;

void wc_cli_precision_init(wc_cli_precision_struct * p);

/* 1 when argv[*i] was one of these options, 0 when not, -1 after
   reporting a bad value. */
int wc_cli_precision_option(wc_cli_precision_struct * p, int argc,
                            char ** argv, int * i, const char * cmd,
                            int with_max_terms);

/* Settles prec (bits) and digits (to print): digits D give
   ceil(D log2 10) + 16 bits; otherwise prec, by default default_prec,
   prints max(10, 0.30103 prec) digits.  -1 (reported) when both were
   given. */
int wc_cli_precision_finish(wc_cli_precision_struct * p, const char * cmd,
                            slong default_prec);

/* Writes text to out word-wrapped at width columns, every line after the
   first indented by indent spaces (the first is assumed to be there). */
void wc_cli_wrap(FILE * out, const char * text, int indent, int width);

#endif
