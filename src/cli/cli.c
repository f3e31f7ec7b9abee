#include <ctype.h>
#include <stdarg.h>
#include <string.h>

#include "cli.h"

int
wc_cli_fail(const char * what, const wc_error_t err)
{
    if (err->pos >= 0)
        fprintf(stderr, "weakcorr: %s, column %ld: %s\n", what,
                (long) err->pos + 1, err->msg);
    else
        fprintf(stderr, "weakcorr: %s: %s\n", what, err->msg);
    return err->status == WC_ERR_PARSE ? WC_EXIT_INPUT : WC_EXIT_CANNOT;
}

int
wc_cli_usage_error(const char * cmd, const char * fmt, ...)
{
    va_list ap;

    fprintf(stderr, "weakcorr %s: ", cmd);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fprintf(stderr, " (see weakcorr %s --help)\n", cmd);
    return WC_EXIT_INPUT;
}

int
wc_cli_is_option(const char * arg)
{
    if (arg[0] != '-' || arg[1] == '\0')
        return 0;
    return !(isdigit((unsigned char) arg[1]) || arg[1] == '.');
}

int
wc_cli_take_value(const char ** value, int argc, char ** argv, int * i,
                  const char * cmd, const char * name)
{
    size_t n = strlen(name);
    const char * arg = argv[*i];

    if (strncmp(arg, name, n) != 0)
        return 0;
    if (arg[n] == '=')
    {
        *value = arg + n + 1;
        return 1;
    }
    if (arg[n] != '\0')
        return 0;
    if (*i + 1 >= argc)
    {
        wc_cli_usage_error(cmd, "%s needs a value", name);
        return -1;
    }
    *value = argv[++*i];
    return 1;
}

void
wc_cli_wrap(FILE * out, const char * text, int indent, int width)
{
    int col = indent;
    const char * s = text;

    while (*s != '\0')
    {
        const char * w = s;
        int len;

        while (*w == ' ')
            w++;
        len = 0;
        while (w[len] != '\0' && w[len] != ' ')
            len++;
        if (len == 0)
            break;
        if (col > indent && col + 1 + len > width)
        {
            fprintf(out, "\n%*s", indent, "");
            col = indent;
        }
        else if (col > indent)
        {
            fputc(' ', out);
            col++;
        }
        fwrite(w, 1, len, out);
        col += len;
        s = w + len;
    }
    fputc('\n', out);
}
