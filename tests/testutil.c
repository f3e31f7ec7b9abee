#include <ctype.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

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

void
wc_test_graph_random(wc_test_graph_t g, wc_test_t t, slong m,
                     slong max_pairs, slong trace_odds, slong max_input,
                     int connected)
{
    slong np, k, grp = 0;

    wc_test_graph_clear(g);
    wc_test_graph_init(g, m);
    np = wc_test_randint(t, 0, max_pairs);
    for (k = 0; k < np; k++)
    {
        slong a = wc_test_randint(t, 0, m - 1);
        slong b = (m == 1 || wc_test_randint(t, 1, trace_odds) == 1)
                  ? a : (a + wc_test_randint(t, 1, m - 1)) % m;

        wc_test_graph_add_pair(g, a, b);
    }
    for (k = 0; k < m; k++)
        g->input[k] = (max_input >= 0 && wc_test_randint(t, 0, 2) == 0)
                      ? wc_test_randint(t, 0, max_input) : -1;
    g->connected = connected;
    for (k = 0; k < m; k++)
    {
        if (connected && k > 0 && wc_test_randint(t, 0, 1) == 0)
            grp++;
        g->group[k] = connected ? grp : 0;
    }
}

void
wc_test_small_fmpq(fmpq_t x, wc_test_t t)
{
    fmpq_set_si(x, wc_test_randint(t, -2, 2), wc_test_randint(t, 1, 2));
}

void
wc_test_net_random_poly(wc_net_t net, wc_test_t t, slong deg)
{
    slong k;

    if (net->poly != NULL)
        _fmpq_vec_clear(net->poly, net->poly_len);
    net->act = WC_ACT_POLY;
    net->poly_len = deg + 1;
    net->poly = _fmpq_vec_init(deg + 1);
    for (k = 0; k <= deg; k++)
        wc_test_small_fmpq(net->poly + k, t);
    if (fmpq_is_zero(net->poly + deg))
        fmpq_one(net->poly + deg);
}

void
wc_test_net_random_inputs(wc_net_t net, wc_test_t t, slong ninputs)
{
    slong k, j;

    if (net->input != NULL)
        _fmpq_vec_clear(net->input, net->ninputs * net->din);
    flint_free(net->input_label);
    net->ninputs = ninputs;
    net->input_label = flint_malloc(ninputs * sizeof(slong));
    net->input = _fmpq_vec_init(ninputs * net->din);
    for (k = 0; k < ninputs; k++)
    {
        net->input_label[k] = k;
        for (j = 0; j < net->din; j++)
            wc_test_small_fmpq(net->input + k * net->din + j, t);
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

/* A recursive-descent JSON checker. */
typedef struct
{
    const char * s;
    int depth;
}
wc_json_check;

static void
json_ws(wc_json_check * c)
{
    while (*c->s == ' ' || *c->s == '\t' || *c->s == '\n' || *c->s == '\r')
        c->s++;
}

static int json_value(wc_json_check * c);

static int
json_string(wc_json_check * c)
{
    if (*c->s != '"')
        return 0;
    c->s++;
    while (*c->s != '"')
    {
        unsigned char ch = (unsigned char) *c->s;

        if (ch < 0x20)
            return 0;
        if (ch == '\\')
        {
            c->s++;
            if (*c->s == 'u')
            {
                int k;

                for (k = 1; k <= 4; k++)
                    if (!isxdigit((unsigned char) c->s[k]))
                        return 0;
                c->s += 4;
            }
            else if (strchr("\"\\/bfnrt", *c->s) == NULL || *c->s == '\0')
                return 0;
        }
        c->s++;
    }
    c->s++;
    return 1;
}

static int
json_number(wc_json_check * c)
{
    const char * s = c->s;

    if (*s == '-')
        s++;
    if (*s == '0')
        s++;
    else if (isdigit((unsigned char) *s))
        while (isdigit((unsigned char) *s))
            s++;
    else
        return 0;
    if (*s == '.')
    {
        s++;
        if (!isdigit((unsigned char) *s))
            return 0;
        while (isdigit((unsigned char) *s))
            s++;
    }
    if (*s == 'e' || *s == 'E')
    {
        s++;
        if (*s == '+' || *s == '-')
            s++;
        if (!isdigit((unsigned char) *s))
            return 0;
        while (isdigit((unsigned char) *s))
            s++;
    }
    c->s = s;
    return 1;
}

static int
json_value(wc_json_check * c)
{
    json_ws(c);
    if (++c->depth > 200)
        return 0;
    switch (*c->s)
    {
        case '{':
            c->s++;
            json_ws(c);
            if (*c->s == '}')
                break;
            for (;;)
            {
                json_ws(c);
                if (!json_string(c))
                    return 0;
                json_ws(c);
                if (*c->s++ != ':' || !json_value(c))
                    return 0;
                json_ws(c);
                if (*c->s == '}')
                    break;
                if (*c->s++ != ',')
                    return 0;
            }
            break;
        case '[':
            c->s++;
            json_ws(c);
            if (*c->s == ']')
                break;
            for (;;)
            {
                if (!json_value(c))
                    return 0;
                json_ws(c);
                if (*c->s == ']')
                    break;
                if (*c->s++ != ',')
                    return 0;
            }
            break;
        case '"':
            c->depth--;
            return json_string(c);
        case 't':
            c->depth--;
            return strncmp(c->s, "true", 4) == 0 ? (c->s += 4, 1) : 0;
        case 'f':
            c->depth--;
            return strncmp(c->s, "false", 5) == 0 ? (c->s += 5, 1) : 0;
        case 'n':
            c->depth--;
            return strncmp(c->s, "null", 4) == 0 ? (c->s += 4, 1) : 0;
        default:
            c->depth--;
            return json_number(c);
    }
    c->s++;
    c->depth--;
    return 1;
}

int
wc_test_json_valid(const char * text)
{
    wc_json_check c;

    c.s = text;
    c.depth = 0;
    if (!json_value(&c))
        return 0;
    json_ws(&c);
    return *c.s == '\0';
}

int
wc_test_xml_balanced(const char * text)
{
    const char * s = text;
    char stack[64][32];
    int depth = 0;

    while ((s = strpbrk(s, "<&")) != NULL)
    {
        if (*s == '&')
        {
            if (strncmp(s, "&lt;", 4) && strncmp(s, "&gt;", 4)
                && strncmp(s, "&amp;", 5) && strncmp(s, "&quot;", 6)
                && strncmp(s, "&apos;", 6))
                return 0;
            s++;
            continue;
        }
        if (s[1] == '?' || s[1] == '!')
        {
            s = strchr(s, '>');
            if (s == NULL)
                return 0;
            continue;
        }
        if (s[1] == '/')
        {
            size_t n = strcspn(s + 2, ">");

            if (depth == 0 || n != strlen(stack[depth - 1])
                || strncmp(s + 2, stack[depth - 1], n) != 0)
                return 0;
            depth--;
            s += 2 + n;
            continue;
        }
        {
            size_t n = strcspn(s + 1, " \t\n/>");
            const char * end = s + 1 + n;
            int quote = 0;

            if (n == 0 || n >= 32)
                return 0;
            while (*end != '\0' && (quote || *end != '>'))
            {
                if (*end == '"')
                    quote = !quote;
                if (!quote && *end == '<')
                    return 0;
                end++;
            }
            if (*end != '>')
                return 0;
            if (end[-1] != '/')
            {
                if (depth == 64)
                    return 0;
                memcpy(stack[depth], s + 1, n);
                stack[depth][n] = '\0';
                depth++;
            }
            s = end + 1;
        }
    }
    return depth == 0;
}

char *
wc_test_read_file(const char * path)
{
    FILE * f = fopen(path, "rb");
    char * text;
    long n;

    if (f == NULL)
        return NULL;
    fseek(f, 0, SEEK_END);
    n = ftell(f);
    fseek(f, 0, SEEK_SET);
    text = flint_malloc(n + 1);
    if (fread(text, 1, n, f) != (size_t) n)
        n = 0;
    text[n] = '\0';
    fclose(f);
    return text;
}

int
wc_test_golden(const char * text, const char * path)
{
    const char * top = getenv("WC_TOP_SRCDIR");
    const char * update = getenv("WC_GOLDEN_UPDATE");
    char full[4096];
    char * expected;
    int same;

    snprintf(full, sizeof(full), "%s/%s", top != NULL ? top : ".", path);
    if (update != NULL && strcmp(update, "1") == 0)
    {
        FILE * f = fopen(full, "wb");

        if (f == NULL)
            return 0;
        fputs(text, f);
        fclose(f);
        return 1;
    }
    expected = wc_test_read_file(full);
    same = expected != NULL && strcmp(expected, text) == 0;
    if (!same)
        printf("golden %s differs; got:\n%s\n", full, text);
    flint_free(expected);
    return same;
}
