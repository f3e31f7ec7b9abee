/* Table plans: the presets, and table files with positioned errors. */

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "weakcorr/table.h"
#include "weakcorr/mc.h"

#define WC_PLAN_DEFAULT_STEPS 10
#define WC_PLAN_DEFAULT_LR 0.5

void
wc_table_plan_init(wc_table_plan_t plan)
{
    memset(plan, 0, sizeof(wc_table_plan_struct));
    plan->title = wc_strdup("weakcorr scaling table");
    plan->net = wc_strdup("hidden=2,act=tanh,param=ntk,din=1,bias=0");
    plan->samples = 400;
    plan->seeds = 8;
    wc_mc_widths_parse(&plan->widths, &plan->nwidths, "64..1024", NULL);
}

static void
item_clear(wc_table_item_struct * it)
{
    flint_free(it->name);
    flint_free(it->quantity);
    flint_free(it->net);
    flint_free(it->widths);
}

void
wc_table_plan_clear(wc_table_plan_t plan)
{
    slong i;

    for (i = 0; i < plan->nitems; i++)
        item_clear(plan->items + i);
    flint_free(plan->items);
    flint_free(plan->title);
    flint_free(plan->net);
    flint_free(plan->widths);
}

static wc_table_item_struct *
add_item(wc_table_plan_t plan, const char * name, const char * quantity,
         const char * net, wc_stat_kind stat)
{
    wc_table_item_struct * it;

    if (plan->nitems == plan->alloc)
    {
        plan->alloc = FLINT_MAX(16, 2 * plan->alloc);
        plan->items = flint_realloc(plan->items, plan->alloc
                                    * sizeof(wc_table_item_struct));
    }
    it = plan->items + plan->nitems++;
    memset(it, 0, sizeof(*it));
    it->name = wc_strdup(name);
    it->quantity = wc_strdup(quantity);
    it->net = wc_strdup(net);
    it->stat = stat;
    it->steps = WC_PLAN_DEFAULT_STEPS;
    it->lr = WC_PLAN_DEFAULT_LR;
    return it;
}

static void
set_widths(wc_table_plan_t plan, const char * text)
{
    flint_free(plan->widths);
    plan->widths = NULL;
    wc_mc_widths_parse(&plan->widths, &plan->nwidths, text, NULL);
}

/* The correlators of Dyer & Gur-Ari (2019) that both presets measure. */
static const char * const correlators[][2] =
{
    {"Var[Theta]", "var(ntk)"},
    {"dTheta/dt correlator", "f_a f_b f_ab f"},
    {"third-derivative correlator", "f_a f_b f_c f_abc"},
    {"(dTheta/dt)^2 correlator", "f_a f_b f_ab f_c f_d f_cd"},
};

#define NCORRELATORS ((slong) (sizeof(correlators) / sizeof(correlators[0])))

wc_status
wc_table_plan_preset(wc_table_plan_t plan, const char * name, int quick,
                     wc_error_t err)
{
    char buf[64];
    slong d, k, a;

    if (strcmp(name, "paper") == 0)
    {
        /* The claims of Shem-Ur & Oz (2024) for a deep tanh network:
           the kernel, the derivative correlations, the field's standard
           correlators and the linearisation itself. */
        flint_free(plan->title);
        plan->title = wc_strdup("Weak correlations of a 2-hidden-layer "
                                  "tanh network (preset paper)");
        flint_free(plan->net);
        plan->net = wc_strdup("hidden=2,act=tanh,param=ntk,din=1,bias=0");
        set_widths(plan, quick ? "32..512" : "64..1024");
        plan->samples = quick ? 200 : 400;
        plan->seeds = 8;

        add_item(plan, "Theta (NTK)", "ntk", NULL, WC_STAT_AUTO);
        for (d = 2; d <= 5; d++)
        {
            snprintf(buf, sizeof(buf), "|C[0,%ld]|", (long) d);
            add_item(plan, buf, buf, NULL, WC_STAT_RMS);
        }
        for (d = 1; d <= 3; d++)
        {
            snprintf(buf, sizeof(buf), "|C[1,%ld]|", (long) d);
            add_item(plan, buf, buf, NULL, WC_STAT_RMS);
        }
        add_item(plan, "E[f^2]", "f f", NULL, WC_STAT_AUTO);
        add_item(plan, "E[f^4]", "f f f f", NULL, WC_STAT_AUTO);
        add_item(plan, "tangent-kernel correlator", "ntk f f", NULL,
                 WC_STAT_AUTO);
        for (k = 0; k < NCORRELATORS; k++)
            add_item(plan, correlators[k][0], correlators[k][1], NULL,
                     WC_STAT_AUTO);
        add_item(plan, "f - f_lin after 10 steps", NULL, NULL, WC_STAT_MEAN)
            ->deviation = 1;
        return WC_OK;
    }

    if (strcmp(name, "dyer") == 0)
    {
        static const char * const acts[3] = {"linear", "relu", "tanh"};

        flint_free(plan->title);
        plan->title = wc_strdup("Standard correlators of 3-hidden-layer "
                                  "networks (preset dyer)");
        flint_free(plan->net);
        plan->net = wc_strdup("hidden=3,act=tanh,param=ntk,din=1,bias=0");
        set_widths(plan, quick ? "128..1024" : "128..8192");
        plan->samples = quick ? 100 : 200;

        for (a = 0; a < 3; a++)
        {
            char net[64], label[96];

            snprintf(net, sizeof(net), "hidden=3,act=%s", acts[a]);
            snprintf(label, sizeof(label), "Theta [%s]", acts[a]);
            add_item(plan, label, "ntk", net, WC_STAT_AUTO);
            for (k = 0; k < NCORRELATORS; k++)
            {
                snprintf(label, sizeof(label), "%s [%s]", correlators[k][0],
                         acts[a]);
                add_item(plan, label, correlators[k][1], net, WC_STAT_AUTO);
            }
        }
        return WC_OK;
    }

    return wc_error_set(err, WC_ERR_PARSE, -1, "unknown preset '%s' "
                        "(expected paper or dyer)", name);
}

/* ------------------------------------------------------------------ */
/* Table files. */

typedef struct
{
    const char * text;
    wc_error_struct * err;
    slong line;
    slong line_start;     /* byte offset of the line */
}
plan_reader;

/* Reports at byte offset pos of the text, by line and column (the
   position field stays -1: a file's reader wants lines, not offsets). */
static wc_status
plan_error(plan_reader * r, slong pos, const char * what, const char * msg)
{
    return wc_error_set(r->err, WC_ERR_PARSE, -1, "line %ld, column %ld: "
                        "%s: %s", (long) r->line,
                        (long) (pos - r->line_start + 1), what, msg);
}

/* A field's text without surrounding white space: [*s, *e). */
static void
trim(const char ** s, const char ** e)
{
    while (*s < *e && isspace((unsigned char) **s))
        (*s)++;
    while (*e > *s && isspace((unsigned char) (*e)[-1]))
        (*e)--;
}

static wc_status
check_net(plan_reader * r, const char * s, const char * e, char ** out)
{
    char * t = wc_strndup(s, e - s);
    wc_net_t net;
    wc_error_t err;
    wc_status st;

    wc_net_init(net);
    wc_error_init(err);
    st = wc_net_parse(net, t, err);
    if (st == WC_OK)
        *out = wc_net_get_str(net);
    else
        st = plan_error(r, (s - r->text) + FLINT_MAX(err->pos, 0), "NET",
                        err->msg);
    wc_net_clear(net);
    flint_free(t);
    return st;
}

static wc_status
check_widths(plan_reader * r, const char * s, const char * e,
             slong ** widths, slong * nwidths)
{
    char * t = wc_strndup(s, e - s);
    wc_error_t err;
    wc_status st;

    wc_error_init(err);
    flint_free(*widths);
    *widths = NULL;
    st = wc_mc_widths_parse(widths, nwidths, t, err);
    if (st != WC_OK)
        st = plan_error(r, (s - r->text) + FLINT_MAX(err->pos, 0),
                        "widths", err->msg);
    flint_free(t);
    return st;
}

static wc_status
check_count(plan_reader * r, const char * s, const char * e, slong * v,
            const char * what)
{
    slong n = 0;
    const char * p;

    for (p = s; p < e; p++)
    {
        if (!isdigit((unsigned char) *p) || n > 100000000)
            return plan_error(r, p - r->text, what, "expected a positive "
                              "integer of at most 100000000");
        n = 10 * n + (*p - '0');
    }
    if (s == e || n < 1 || n > 100000000)
        return plan_error(r, s - r->text, what, "expected a positive "
                          "integer of at most 100000000");
    *v = n;
    return WC_OK;
}

/* deviation or deviation(steps=S, lr=E). */
static wc_status
check_deviation(plan_reader * r, const char * s, const char * e,
                wc_table_item_struct * it)
{
    const char * p = s + 9;

    it->deviation = 1;
    if (p == e)
        return WC_OK;
    if (*p != '(' || e[-1] != ')')
        return plan_error(r, p - r->text, "deviation", "expected "
                          "deviation or deviation(steps=S, lr=E)");
    p++;
    e--;
    while (p < e)
    {
        const char * key, * val, * end;
        slong keylen;

        while (p < e && isspace((unsigned char) *p))
            p++;
        key = p;
        while (p < e && isalpha((unsigned char) *p))
            p++;
        keylen = p - key;
        if (p >= e || *p != '=')
            return plan_error(r, key - r->text, "deviation", "expected "
                              "steps=S or lr=E");
        val = ++p;
        while (p < e && *p != ',')
            p++;
        end = p;
        trim(&val, &end);
        if (keylen == 5 && strncmp(key, "steps", 5) == 0)
        {
            if (check_count(r, val, end, &it->steps, "steps") != WC_OK)
                return WC_ERR_PARSE;
        }
        else if (keylen == 2 && strncmp(key, "lr", 2) == 0)
        {
            char * t = wc_strndup(val, end - val), * stop;

            it->lr = strtod(t, &stop);
            if (*t == '\0' || *stop != '\0' || !(it->lr > 0)
                || !(it->lr < 1e6))
            {
                flint_free(t);
                return plan_error(r, val - r->text, "lr", "expected a "
                                  "positive learning rate");
            }
            flint_free(t);
        }
        else
            return plan_error(r, key - r->text, "deviation", "unknown "
                              "parameter (expected steps or lr)");
        if (p < e)
            p++;
    }
    return WC_OK;
}

static wc_status
check_quantity(plan_reader * r, const char * s, const char * e,
               wc_table_item_struct * it)
{
    char * t;
    wc_mc_quantity_t q;
    wc_error_t err;
    wc_status st;

    if (e - s >= 9 && strncmp(s, "deviation", 9) == 0
        && (e - s == 9 || !isalnum((unsigned char) s[9])))
        return check_deviation(r, s, e, it);

    t = wc_strndup(s, e - s);
    wc_mc_quantity_init(q);
    wc_error_init(err);
    st = wc_mc_quantity_parse(q, t, err);
    if (st == WC_OK)
        it->quantity = wc_mc_quantity_get_str(q);
    else
        st = plan_error(r, (s - r->text) + FLINT_MAX(err->pos, 0), "SPEC",
                        err->msg);
    wc_mc_quantity_clear(q);
    flint_free(t);
    return st;
}

/* A directive "key = value"; returns 1 and handles it if the line is
   one, 0 if it is not. */
static int
directive(wc_status * st, plan_reader * r, wc_table_plan_t plan,
          const char * s, const char * e)
{
    static const char * const keys[5] =
        {"title", "net", "widths", "samples", "seeds"};
    const char * p = s, * v;
    slong k, len;

    while (p < e && isalpha((unsigned char) *p))
        p++;
    len = p - s;
    for (k = 0; k < 5; k++)
        if ((slong) strlen(keys[k]) == len && strncmp(s, keys[k], len) == 0)
            break;
    v = p;
    while (v < e && isspace((unsigned char) *v))
        v++;
    if (k == 5 || v == e || *v != '=' || memchr(s, ';', e - s) != NULL)
        return 0;
    v++;
    trim(&v, &e);
    *st = WC_OK;
    switch (k)
    {
        case 0:
            flint_free(plan->title);
            plan->title = wc_strndup(v, e - v);
            break;
        case 1:
        {
            char * net = NULL;

            if ((*st = check_net(r, v, e, &net)) == WC_OK)
            {
                flint_free(plan->net);
                plan->net = net;
            }
            break;
        }
        case 2:
            *st = check_widths(r, v, e, &plan->widths, &plan->nwidths);
            break;
        case 3:
            *st = check_count(r, v, e, &plan->samples, "samples");
            break;
        default:
            *st = check_count(r, v, e, &plan->seeds, "seeds");
            break;
    }
    return 1;
}

static wc_status
row(plan_reader * r, wc_table_plan_t plan, const char * s, const char * e)
{
    const char * f[6], * fe[6], * p = s;
    slong n = 0;
    wc_table_item_struct * it;
    wc_status st = WC_OK;

    /* Split at ';' into at most six fields. */
    while (n < 6)
    {
        const char * q = memchr(p, ';', e - p);

        f[n] = p;
        fe[n] = (q != NULL) ? q : e;
        trim(&f[n], &fe[n]);
        n++;
        if (q == NULL)
            break;
        p = q + 1;
    }
    if (n == 6 && memchr(fe[5], ';', e - fe[5]) != NULL)
        return plan_error(r, (const char *) memchr(fe[5], ';', e - fe[5])
                          - r->text, "row", "more than six fields (NAME ; "
                          "QUANTITY ; NET ; WIDTHS ; SAMPLES ; STAT)");

    /* One field is the quantity alone. */
    if (n == 1)
    {
        f[1] = f[0];
        fe[1] = fe[0];
        f[0] = fe[0] = NULL;
        n = 2;
    }
    if (f[1] == fe[1])
        return plan_error(r, f[1] - r->text, "row", "missing QUANTITY");

    it = add_item(plan, NULL, NULL, NULL, WC_STAT_AUTO);
    it->line = r->line;
    if (f[0] != NULL && f[0] < fe[0])
        it->name = wc_strndup(f[0], fe[0] - f[0]);
    st = check_quantity(r, f[1], fe[1], it);
    if (st == WC_OK && it->name == NULL)
        it->name = it->deviation ? wc_strdup("f - f_lin")
                                 : wc_strndup(f[1], fe[1] - f[1]);
    if (st == WC_OK && n > 2 && f[2] < fe[2])
        st = check_net(r, f[2], fe[2], &it->net);
    if (st == WC_OK && n > 3 && f[3] < fe[3])
        st = check_widths(r, f[3], fe[3], &it->widths, &it->nwidths);
    if (st == WC_OK && n > 4 && f[4] < fe[4])
        st = check_count(r, f[4], fe[4], &it->samples, "samples");
    if (st == WC_OK && n > 5 && f[5] < fe[5])
    {
        char * t = wc_strndup(f[5], fe[5] - f[5]);
        wc_error_t err;

        if (wc_stat_parse(&it->stat, t, err) != WC_OK)
            st = plan_error(r, f[5] - r->text, "stat", err->msg);
        flint_free(t);
    }
    return st;
}

wc_status
wc_table_plan_parse(wc_table_plan_t plan, const char * text, wc_error_t err)
{
    plan_reader r;
    const char * s = text;
    wc_table_plan_t res;
    wc_status st = WC_OK;

    wc_table_plan_init(res);
    r.text = text;
    r.err = err;
    r.line = 0;

    while (*s != '\0' && st == WC_OK)
    {
        const char * e = strchr(s, '\n'), * b, * c;

        if (e == NULL)
            e = s + strlen(s);
        r.line++;
        r.line_start = s - text;

        /* Comments run from '#' to the end of the line. */
        c = memchr(s, '#', e - s);
        b = s;
        c = (c != NULL) ? c : e;
        trim(&b, &c);
        if (b < c)
        {
            const char * p;

            for (p = b; p < c; p++)
                if ((unsigned char) *p < 0x20 && *p != '\t')
                {
                    st = plan_error(&r, p - text, "row", "unexpected "
                                    "control character");
                    break;
                }
            if (st == WC_OK && !directive(&st, &r, res, b, c))
                st = row(&r, res, b, c);
        }
        s = (*e == '\n') ? e + 1 : e;
    }

    if (st == WC_OK && res->nitems == 0)
        st = wc_error_set(err, WC_ERR_PARSE, -1, "line %ld: the table file "
                          "has no rows", (long) FLINT_MAX(r.line, 1));
    if (st == WC_OK)
    {
        wc_table_plan_struct t = *plan;

        *plan = *res;
        *res = t;
    }
    wc_table_plan_clear(res);
    return st;
}
