/* weakcorr parse [SPEC] [--net NET] [--json]: canonical forms. */

#include <string.h>

#include "cli.h"

static const char help[] =
"usage: weakcorr parse [SPEC] [--net NET] [--json]\n"
"\n"
"Checks SPEC and NET and prints their canonical forms: SPEC with every\n"
"shorthand expanded into index form (coefficient first, indices renamed\n"
"a, b, ... in order of appearance), NET with every key and its value.\n"
"Both forms parse back to the same structures.\n"
"\n"
"  --net NET   a network, e.g. hidden=3,act=tanh,param=ntk,din=1,bias=0\n"
"  --json      {\"spec\": ..., \"net\": ...}\n";

int
wc_cmd_parse(int argc, char ** argv)
{
    const char * text = NULL, * net_text = NULL;
    int json = 0, i, r, status = WC_EXIT_OK;
    char * spec_str = NULL, * net_str = NULL;

    for (i = 1; i < argc; i++)
    {
        if (!wc_cli_is_option(argv[i]))
        {
            if (text != NULL)
                return wc_cli_usage_error("parse", "one SPEC at a time");
            text = argv[i];
            continue;
        }
        if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0)
        {
            fputs(help, stdout);
            return WC_EXIT_OK;
        }
        if (strcmp(argv[i], "--json") == 0)
        {
            json = 1;
            continue;
        }
        r = wc_cli_take_value(&net_text, argc, argv, &i, "parse", "--net");
        if (r < 0)
            return WC_EXIT_INPUT;
        if (r == 0)
            return wc_cli_usage_error("parse", "unknown option '%s'",
                                      argv[i]);
    }
    if (text == NULL && net_text == NULL)
        return wc_cli_usage_error("parse", "give a SPEC, a --net NET, "
                                           "or both");

    if (text != NULL)
    {
        wc_spec_t spec;
        wc_error_t err;

        wc_spec_init(spec);
        wc_error_init(err);
        if (wc_spec_parse(spec, text, err) != WC_OK)
            status = wc_cli_fail("SPEC", err);
        else
            spec_str = wc_spec_get_str(spec);
        wc_spec_clear(spec);
    }
    if (net_text != NULL && status == WC_EXIT_OK)
    {
        wc_net_t net;
        wc_error_t err;

        wc_net_init(net);
        wc_error_init(err);
        if (wc_net_parse(net, net_text, err) != WC_OK)
            status = wc_cli_fail("NET", err);
        else
            net_str = wc_net_get_str(net);
        wc_net_clear(net);
    }

    if (status == WC_EXIT_OK)
    {
        if (json)
        {
            wc_buf_t buf;
            wc_json_t j;

            wc_buf_init(buf);
            wc_json_init(j, buf);
            wc_json_begin_object(j);
            if (spec_str != NULL)
            {
                wc_json_key(j, "spec");
                wc_json_string(j, spec_str);
            }
            if (net_str != NULL)
            {
                wc_json_key(j, "net");
                wc_json_string(j, net_str);
            }
            wc_json_end_object(j);
            printf("%s\n", buf->str);
            wc_buf_clear(buf);
        }
        else
        {
            if (spec_str != NULL)
                printf("SPEC  %s\n", spec_str);
            if (net_str != NULL)
                printf("NET   %s\n", net_str);
        }
    }

    if (spec_str != NULL)
        wc_free(spec_str);
    if (net_str != NULL)
        wc_free(net_str);
    return status;
}
