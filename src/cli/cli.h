/* Shared pieces of the weakcorr command: exit statuses, error reports,
   option scanning and text layout.  Only the command line prints. */

#ifndef WC_CLI_H
#define WC_CLI_H

#include <stdio.h>

#include "weakcorr.h"

#define WC_EXIT_OK 0
#define WC_EXIT_INPUT 1     /* malformed SPEC, NET or command line */
#define WC_EXIT_CANNOT 2    /* well formed, but beyond what we answer */

typedef int (*wc_cli_main)(int argc, char ** argv);

int wc_cmd_exact(int argc, char ** argv);
int wc_cmd_kernel(int argc, char ** argv);
int wc_cmd_linearize(int argc, char ** argv);
int wc_cmd_mc(int argc, char ** argv);
int wc_cmd_order(int argc, char ** argv);
int wc_cmd_parse(int argc, char ** argv);

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

/* Writes text to out word-wrapped at width columns, every line after the
   first indented by indent spaces (the first is assumed to be there). */
void wc_cli_wrap(FILE * out, const char * text, int indent, int width);

#endif
