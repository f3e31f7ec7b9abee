#include <stdarg.h>
#include <stdlib.h>

#include "testutil.h"

#define WC_TEST_DEFAULT_SEED 20241203UL

void
wc_test_init(wc_test_t t, const char * name)
{
    const char * s = getenv("WC_TEST_SEED");
    const char * m = getenv("WC_TEST_MULTIPLIER");

    t->name = name;
    t->seed = (s != NULL && *s != '\0') ? strtoul(s, NULL, 10)
                                        : WC_TEST_DEFAULT_SEED;
    t->multiplier = (m != NULL && *m != '\0') ? atol(m) : 1;
    if (t->multiplier < 1)
        t->multiplier = 1;
    t->failures = 0;
    t->checks = 0;
    flint_randinit(t->state);
    flint_randseed(t->state, t->seed, t->seed ^ 0x9e3779b97f4a7c15UL);
    printf("%s: seed %lu, multiplier %ld\n", name, t->seed,
           (long) t->multiplier);
}

int
wc_test_finish(wc_test_t t)
{
    printf("%s: %ld checks, %ld failed%s\n", t->name, (long) t->checks,
           (long) t->failures,
           t->failures ? " (rerun with WC_TEST_SEED to repeat)" : "");
    flint_randclear(t->state);
    flint_cleanup();
    return t->failures == 0 ? 0 : 1;
}

slong
wc_test_trials(const wc_test_t t, slong base)
{
    return base * t->multiplier;
}

void
wc_test_check(wc_test_t t, int ok, const char * file, int line,
              const char * fmt, ...)
{
    va_list ap;

    t->checks++;
    if (ok)
        return;
    t->failures++;
    printf("FAIL %s:%d (seed %lu): ", file, line, t->seed);
    va_start(ap, fmt);
    vprintf(fmt, ap);
    va_end(ap);
    printf("\n");
}

slong
wc_test_randint(wc_test_t t, slong lo, slong hi)
{
    return lo + (slong) n_randint(t->state, (ulong) (hi - lo + 1));
}

void
wc_test_graph_init(wc_test_graph_t g, slong m)
{
    slong i;

    g->m = m;
    g->npairs = 0;
    g->alloc = 16;
    g->a = flint_malloc(g->alloc * sizeof(slong));
    g->b = flint_malloc(g->alloc * sizeof(slong));
    g->input = flint_malloc(FLINT_MAX(m, 1) * sizeof(slong));
    g->group = flint_malloc(FLINT_MAX(m, 1) * sizeof(slong));
    for (i = 0; i < m; i++)
    {
        g->input[i] = -1;
        g->group[i] = 0;
    }
    g->connected = 0;
}

void
wc_test_graph_clear(wc_test_graph_t g)
{
    flint_free(g->a);
    flint_free(g->b);
    flint_free(g->input);
    flint_free(g->group);
}

void
wc_test_graph_add_pair(wc_test_graph_t g, slong a, slong b)
{
    if (g->npairs == g->alloc)
    {
        g->alloc *= 2;
        g->a = flint_realloc(g->a, g->alloc * sizeof(slong));
        g->b = flint_realloc(g->b, g->alloc * sizeof(slong));
    }
    g->a[g->npairs] = a;
    g->b[g->npairs] = b;
    g->npairs++;
}

void
wc_test_graph_randtest(wc_test_graph_t g, wc_test_t t, slong max_m,
                       slong max_pairs, int connected)
{
    slong m = wc_test_randint(t, 1, max_m), k, np;

    wc_test_graph_clear(g);
    wc_test_graph_init(g, m);
    np = wc_test_randint(t, 0, max_pairs);
    for (k = 0; k < np; k++)
    {
        slong a = wc_test_randint(t, 0, m - 1);
        /* Mostly pairs between distinct tensors, sometimes a trace. */
        slong b = (n_randint(t->state, 8) == 0) ? a
                  : wc_test_randint(t, 0, m - 1);

        wc_test_graph_add_pair(g, a, b);
    }
    for (k = 0; k < m; k++)
        g->input[k] = n_randint(t->state, 4) == 0
                      ? wc_test_randint(t, 0, 3) : -1;
    g->connected = connected;
    if (connected)
    {
        slong grp = 0;

        for (k = 0; k < m; k++)
        {
            if (k > 0 && n_randint(t->state, 3) == 0)
                grp++;
            g->group[k] = grp;
        }
    }
}

static void
put_index_name(char ** s, slong k)
{
    static const char letters[] =
        "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
    /* Scramble so that names do not follow the order of appearance. */
    slong j = (k * 37 + 11) % 1009;

    *s += sprintf(*s, "%c", letters[j % 52]);
    if (j >= 52)
        *s += sprintf(*s, "%ld", (long) (j / 52));
}

char *
wc_test_graph_text(const wc_test_graph_t g)
{
    slong i, k;
    char * text = flint_malloc(64 + g->m * 24 + g->npairs * 16);
    char * s = text;

    if (g->connected)
        s += sprintf(s, "cum(");
    for (i = 0; i < g->m; i++)
    {
        int any = 0;

        if (i > 0)
            s += sprintf(s, g->connected && g->group[i] != g->group[i - 1]
                            ? ", " : " ");
        *s++ = 'f';
        for (k = 0; k < g->npairs; k++)
        {
            slong times = (g->a[k] == i) + (g->b[k] == i);

            while (times-- > 0)
            {
                if (!any)
                    *s++ = '_';
                any = 1;
                put_index_name(&s, k);
            }
        }
        if (g->input[i] >= 0)
            s += sprintf(s, "(x%ld)", (long) g->input[i]);
    }
    if (g->connected)
        *s++ = ')';
    *s = '\0';
    return text;
}
