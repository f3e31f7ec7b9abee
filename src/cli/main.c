/* weakcorr: the command line.  Each subcommand lives in cmd_<name>.c. */

#include <stdio.h>
#include <string.h>

#include "cli.h"

typedef struct
{
    const char * name;
    wc_cli_main run;
    const char * summary;
}
wc_cli_command;

static const wc_cli_command commands[] =
{
    {"check", wc_cmd_check,
     "bound, exact series and Monte Carlo side by side, with a verdict"},
    {"exact", wc_cmd_exact,
     "E[SPEC] exactly as a series in the width, against the bound"},
    {"kernel", wc_cmd_kernel,
     "infinite-width NNGP and NTK kernels, exact or certified balls"},
    {"linearize", wc_cmd_linearize,
     "train networks beside their linearisation; deviation against width"},
    {"mc", wc_cmd_mc,
     "Monte Carlo estimates across widths, with the fitted exponent"},
    {"order", wc_cmd_order,
     "width order of a correlation function (cluster-graph rule)"},
    {"parse", wc_cmd_parse,
     "canonical form of a SPEC and of a NET"},
    {"table", wc_cmd_table,
     "scaling tables; with no arguments, the default job"},
};

#define NCOMMANDS ((int) (sizeof(commands) / sizeof(commands[0])))

static void
usage(FILE * out)
{
    int k;

    fprintf(out, "usage: weakcorr COMMAND [ARGS]\n"
                 "       weakcorr --version | --help\n\n"
                 "commands:\n");
    for (k = 0; k < NCOMMANDS; k++)
        fprintf(out, "  %-10s %s\n", commands[k].name, commands[k].summary);
    fprintf(out, "\n'weakcorr COMMAND --help' describes each; "
                 "'man weakcorr' has the SPEC and NET grammar.\n");
}

static void
version(void)
{
    printf("weakcorr %s\n", wc_version());
    printf("GMP %s, MPFR %s, FLINT %s, Arb %s\n", wc_gmp_version(),
           wc_mpfr_version(), wc_flint_version(), wc_arb_version());
}

int
main(int argc, char ** argv)
{
    int k;

    if (argc < 2)
    {
        fprintf(stderr, "weakcorr: missing command (try weakcorr --help)\n");
        return WC_EXIT_INPUT;
    }
    if (strcmp(argv[1], "--version") == 0 || strcmp(argv[1], "-V") == 0)
    {
        version();
        return WC_EXIT_OK;
    }
    if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0
        || strcmp(argv[1], "help") == 0)
    {
        if (argc >= 3 && strcmp(argv[1], "help") == 0)
        {
            for (k = 0; k < NCOMMANDS; k++)
                if (strcmp(argv[2], commands[k].name) == 0)
                {
                    char help_flag[] = "--help";
                    char * args[] = {argv[2], help_flag, NULL};

                    return commands[k].run(2, args);
                }
        }
        usage(stdout);
        return WC_EXIT_OK;
    }

    for (k = 0; k < NCOMMANDS; k++)
        if (strcmp(argv[1], commands[k].name) == 0)
        {
            int status = commands[k].run(argc - 1, argv + 1);

            /* FLINT keeps freed integers in a pool and Arb caches
               constants; release them so that leak checkers see a clean
               exit */
            flint_cleanup();
            return status;
        }

    fprintf(stderr, "weakcorr: unknown command '%s' (try weakcorr --help)\n",
            argv[1]);
    return WC_EXIT_INPUT;
}
