/* Reads standard input and exits 0 when it is one valid JSON value
   (followed by white space only), 1 otherwise: for the command-line tests
   of --json outputs. */

#include <stdio.h>

#include "testutil.h"

int
main(void)
{
    char * text = NULL;
    size_t len = 0, alloc = 0;
    int c, ok;

    while ((c = getchar()) != EOF)
    {
        if (len + 2 > alloc)
        {
            alloc = alloc ? 2 * alloc : 4096;
            text = flint_realloc(text, alloc);
        }
        text[len++] = (char) c;
    }
    if (text == NULL)
        return 1;
    text[len] = '\0';
    ok = wc_test_json_valid(text);
    flint_free(text);
    return ok ? 0 : 1;
}
