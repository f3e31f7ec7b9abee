/* Parser for NET: comma-separated key=value pairs (doc/spec.md). */

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "weakcorr/spec.h"

#define WC_NET_MAX_VECTOR WC_NET_MAX_DIN

typedef struct
{
    slong label;
    slong pos;        /* offset of the key */
    slong vpos;       /* offset of the value */
    slong len;        /* entries given; 1 for a scalar */
    int scalar;
    fmpq * v;
}
wc_input_entry;

typedef struct
{
    const char * s;
    slong i;
    wc_error_struct * err;
}
wc_net_parser;

static void
skip_space(wc_net_parser * p)
{
    while (p->s[p->i] == ' ' || p->s[p->i] == '\t' || p->s[p->i] == '\n'
           || p->s[p->i] == '\r')
        p->i++;
}

static wc_status
unexpected(wc_net_parser * p, const char * what)
{
    unsigned char c = (unsigned char) p->s[p->i];

    if (c == '\0')
        return wc_error_set(p->err, WC_ERR_PARSE, p->i,
                            "unexpected end of NET, expected %s", what);
    if (isprint(c))
        return wc_error_set(p->err, WC_ERR_PARSE, p->i,
                            "unexpected character '%c', expected %s",
                            (char) c, what);
    return wc_error_set(p->err, WC_ERR_PARSE, p->i,
                        "unexpected byte 0x%02x, expected %s", c, what);
}

static wc_status
read_rational(fmpq_t x, wc_net_parser * p)
{
    slong len, at = p->i;
    wc_status status;

    status = wc_parse_rational(x, &len, p->s + p->i, p->err);
    if (status != WC_OK)
    {
        if (p->err != NULL)
            p->err->pos += at;
        return status;
    }
    p->i += len;
    return WC_OK;
}

/* A positive integer in [1, max], written as an integer. */
static wc_status
read_size(slong * v, wc_net_parser * p, const char * key, slong max)
{
    slong start = p->i, n = 0;

    if (!isdigit((unsigned char) p->s[p->i]))
        return wc_error_set(p->err, WC_ERR_PARSE, start,
                            "%s takes a positive integer", key);
    while (isdigit((unsigned char) p->s[p->i]))
    {
        if (n <= max)
            n = 10 * n + (p->s[p->i] - '0');
        p->i++;
    }
    if (p->s[p->i] == '.' || p->s[p->i] == '/' || p->s[p->i] == 'e'
        || p->s[p->i] == 'E')
        return wc_error_set(p->err, WC_ERR_PARSE, start,
                            "%s takes a positive integer", key);
    if (n == 0)
        return wc_error_set(p->err, WC_ERR_PARSE, start,
                            "%s must be at least 1", key);
    if (n > max)
        return wc_error_set(p->err, WC_ERR_PARSE, start,
                            "%s is too large (at most %ld)", key,
                            (long) max);
    *v = n;
    return WC_OK;
}

static slong
word_length(const char * s)
{
    slong n = 0;

    while (isalnum((unsigned char) s[n]) || s[n] == '_')
        n++;
    return n;
}

/* '(' r, r, ... ')' into a fresh vector, at most max entries. */
static wc_status
read_list(fmpq ** v, slong * len, wc_net_parser * p, slong max,
          const char * what)
{
    slong open = p->i, alloc = 4, n = 0;
    fmpq * w;
    wc_status status = WC_OK;

    p->i++;   /* '(' */
    w = _fmpq_vec_init(alloc);
    for (;;)
    {
        skip_space(p);
        if (n == max)
        {
            status = wc_error_set(p->err, WC_ERR_PARSE, open,
                                  "%s has more than %ld entries", what,
                                  (long) max);
            break;
        }
        if (n == alloc)
        {
            fmpq * u = _fmpq_vec_init(2 * alloc);
            slong k;

            for (k = 0; k < n; k++)
                fmpq_swap(u + k, w + k);
            _fmpq_vec_clear(w, alloc);
            w = u;
            alloc *= 2;
        }
        if ((status = read_rational(w + n, p)) != WC_OK)
            break;
        n++;
        skip_space(p);
        if (p->s[p->i] == ')')
        {
            p->i++;
            break;
        }
        if (p->s[p->i] == '\0')
        {
            status = wc_error_set(p->err, WC_ERR_PARSE, open,
                                  "unclosed '('");
            break;
        }
        if (p->s[p->i] != ',')
        {
            status = unexpected(p, "',' or ')' in a list of numbers");
            break;
        }
        p->i++;
    }

    if (status != WC_OK)
    {
        _fmpq_vec_clear(w, alloc);
        return status;
    }
    /* Hand back exactly n entries. */
    *v = _fmpq_vec_init(n);
    {
        slong k;

        for (k = 0; k < n; k++)
            fmpq_swap(*v + k, w + k);
    }
    _fmpq_vec_clear(w, alloc);
    *len = n;
    return WC_OK;
}

static const char *
act_name_at(slong k)
{
    return wc_act_name((wc_act_kind) k);
}

static const char *
param_name_at(slong k)
{
    return wc_param_name((wc_param_kind) k);
}

/* The k < count with name_at(k) equal to the len characters at s, or
   count when there is none. */
static slong
lookup_name(const char * s, slong len, const char * (*name_at)(slong),
            slong count)
{
    slong k;

    for (k = 0; k < count; k++)
        if ((slong) strlen(name_at(k)) == len
            && strncmp(s, name_at(k), len) == 0)
            break;
    return k;
}

static wc_status
read_act(wc_net_t net, wc_net_parser * p)
{
    slong start = p->i, len = word_length(p->s + p->i), k;

    k = lookup_name(p->s + start, len, act_name_at, WC_ACT_COUNT);
    if (k == WC_ACT_COUNT)
    {
        if (len == 0)
            return unexpected(p, "an activation name");
        return wc_error_set(p->err, WC_ERR_PARSE, start,
            "unknown activation '%.*s' (expected linear, relu, tanh, erf, "
            "sigmoid, gelu, sin, softplus or poly(c0,c1,...))",
            (int) FLINT_MIN(len, 20), p->s + start);
    }
    p->i += len;
    net->act = (wc_act_kind) k;

    if (net->act == WC_ACT_POLY)
    {
        fmpq * c;
        slong n, len_read;
        wc_status status;

        if (p->s[p->i] != '(')
            return unexpected(p, "'(' and coefficients after poly");
        status = read_list(&c, &len_read, p, WC_NET_MAX_POLY_DEGREE + 1,
                           "poly(...)");
        if (status != WC_OK)
            return status;

        for (n = len_read; n > 0 && fmpq_is_zero(c + n - 1); n--)
            ;
        if (n == 0)
        {
            _fmpq_vec_clear(c, len_read);
            return wc_error_set(p->err, WC_ERR_PARSE, start,
                "the polynomial activation is identically zero");
        }

        net->poly = _fmpq_vec_init(n);
        for (k = 0; k < n; k++)
            fmpq_swap(net->poly + k, c + k);
        net->poly_len = n;
        _fmpq_vec_clear(c, len_read);
    }
    return WC_OK;
}

static wc_status
read_param(wc_net_t net, wc_net_parser * p)
{
    slong start = p->i, len = word_length(p->s + p->i), k;

    k = lookup_name(p->s + start, len, param_name_at, WC_PARAM_COUNT);
    if (k == WC_PARAM_COUNT)
    {
        if (len == 0)
            return unexpected(p, "a parameterisation");
        return wc_error_set(p->err, WC_ERR_PARSE, start,
            "unknown parameterisation '%.*s' (expected ntk, standard or mf)",
            (int) FLINT_MIN(len, 20), p->s + start);
    }
    p->i += len;
    net->param = (wc_param_kind) k;
    return WC_OK;
}

static int
cmp_entry(const void * a, const void * b)
{
    slong x = ((const wc_input_entry *) a)->label;
    slong y = ((const wc_input_entry *) b)->label;

    return (x > y) - (x < y);
}

/* Keys recognised, for duplicate detection; inputs are checked apart. */
enum { KEY_HIDDEN, KEY_ACT, KEY_PARAM, KEY_DIN, KEY_BIAS, KEY_COUNT };
static const char * const wc_net_keys[KEY_COUNT] =
{
    "hidden", "act", "param", "din", "bias"
};

wc_status
wc_net_parse(wc_net_t net, const char * text, wc_error_t err)
{
    wc_net_parser p;
    wc_net_t res;
    wc_input_entry * in = NULL;
    slong nin = 0, alloc = 0, seen[KEY_COUNT], din_pos = -1, k, j;
    wc_status status = WC_OK;

    if ((slong) strnlen(text, WC_SPEC_MAX_TEXT + 1) > WC_SPEC_MAX_TEXT)
        return wc_error_set(err, WC_ERR_PARSE, 0,
                            "NET longer than %d bytes", WC_SPEC_MAX_TEXT);

    p.s = text;
    p.i = 0;
    p.err = err;
    wc_net_init(res);
    for (k = 0; k < KEY_COUNT; k++)
        seen[k] = -1;

    skip_space(&p);
    if (p.s[p.i] == '\0')
    {
        status = wc_error_set(err, WC_ERR_PARSE, 0,
            "empty NET (leave out --net for the defaults)");
        goto cleanup;
    }

    for (;;)
    {
        slong kpos = p.i, klen = word_length(p.s + p.i), label = 0;
        int is_input = 0;

        if (klen == 0 || !isalpha((unsigned char) p.s[p.i]))
        {
            status = unexpected(&p, "a key such as hidden=2");
            goto cleanup;
        }

        for (k = 0; k < KEY_COUNT; k++)
            if ((slong) strlen(wc_net_keys[k]) == klen
                && strncmp(p.s + kpos, wc_net_keys[k], klen) == 0)
                break;

        if (k == KEY_COUNT)
        {
            /* x or xK names an input. */
            if (p.s[kpos] == 'x')
            {
                is_input = 1;
                label = WC_INPUT_DEFAULT;
                for (j = 1; j < klen; j++)
                    if (!isdigit((unsigned char) p.s[kpos + j]))
                        is_input = 0;
                if (is_input && klen > 1)
                {
                    if (klen > 5)
                    {
                        status = wc_error_set(err, WC_ERR_PARSE, kpos,
                            "input label number is too large (at most %d)",
                            WC_INPUT_MAX);
                        goto cleanup;
                    }
                    label = strtol(p.s + kpos + 1, NULL, 10);
                }
            }
            if (!is_input)
            {
                status = wc_error_set(err, WC_ERR_PARSE, kpos,
                    "unknown key '%.*s' (expected hidden, act, param, din, "
                    "bias, x or xK)", (int) FLINT_MIN(klen, 20),
                    p.s + kpos);
                goto cleanup;
            }
            for (j = 0; j < nin; j++)
                if (in[j].label == label)
                {
                    status = wc_error_set(err, WC_ERR_PARSE, kpos,
                        "input '%.*s' given twice", (int) klen, p.s + kpos);
                    goto cleanup;
                }
        }
        else if (seen[k] >= 0)
        {
            status = wc_error_set(err, WC_ERR_PARSE, kpos,
                "key '%s' given twice", wc_net_keys[k]);
            goto cleanup;
        }

        p.i += klen;
        skip_space(&p);
        if (p.s[p.i] != '=')
        {
            status = wc_error_set(err, WC_ERR_PARSE, p.i,
                "expected '=' after '%.*s'", (int) FLINT_MIN(klen, 20),
                p.s + kpos);
            goto cleanup;
        }
        p.i++;
        skip_space(&p);

        if (is_input)
        {
            wc_input_entry * e;

            if (nin == alloc)
            {
                alloc = FLINT_MAX(4, 2 * alloc);
                in = flint_realloc(in, alloc * sizeof(wc_input_entry));
            }
            e = in + nin;
            e->label = label;
            e->pos = kpos;
            e->vpos = p.i;
            if (p.s[p.i] == '(')
            {
                e->scalar = 0;
                status = read_list(&e->v, &e->len, &p, WC_NET_MAX_VECTOR,
                                   "an input vector");
            }
            else
            {
                e->scalar = 1;
                e->len = 1;
                e->v = _fmpq_vec_init(1);
                status = read_rational(e->v, &p);
                if (status != WC_OK)
                    _fmpq_vec_clear(e->v, 1);
            }
            if (status != WC_OK)
                goto cleanup;
            nin++;
        }
        else
        {
            seen[k] = kpos;
            switch (k)
            {
                case KEY_HIDDEN:
                    status = read_size(&res->hidden, &p, "hidden",
                                       WC_NET_MAX_HIDDEN);
                    break;
                case KEY_ACT:
                    status = read_act(res, &p);
                    break;
                case KEY_PARAM:
                    status = read_param(res, &p);
                    break;
                case KEY_DIN:
                    din_pos = p.i;
                    status = read_size(&res->din, &p, "din",
                                       WC_NET_MAX_DIN);
                    break;
                default:
                    status = read_rational(res->bias, &p);
                    break;
            }
            if (status != WC_OK)
                goto cleanup;
        }

        skip_space(&p);
        if (p.s[p.i] == '\0')
            break;
        if (p.s[p.i] != ',')
        {
            status = unexpected(&p, "',' before the next key");
            goto cleanup;
        }
        p.i++;
        skip_space(&p);
    }

    /* Every input vector must have din entries; scalars fill a vector. */
    for (j = 0; j < nin; j++)
        if (!in[j].scalar && in[j].len != res->din)
        {
            status = wc_error_set(err, WC_ERR_PARSE, in[j].vpos,
                "input vector has %ld entr%s but din=%ld%s",
                (long) in[j].len, in[j].len == 1 ? "y" : "ies",
                (long) res->din, din_pos < 0 ? " (the default)" : "");
            goto cleanup;
        }

    if (nin > 1)
        qsort(in, nin, sizeof(wc_input_entry), cmp_entry);
    res->ninputs = nin;
    if (nin > 0)
    {
        res->input_label = flint_malloc(nin * sizeof(slong));
        res->input = _fmpq_vec_init(nin * res->din);
        for (j = 0; j < nin; j++)
        {
            res->input_label[j] = in[j].label;
            for (k = 0; k < res->din; k++)
                fmpq_set(res->input + j * res->din + k,
                         in[j].v + (in[j].scalar ? 0 : k));
        }
    }

    if (res->act != WC_ACT_POLY && res->poly != NULL)
    {
        _fmpq_vec_clear(res->poly, res->poly_len);
        res->poly = NULL;
        res->poly_len = 0;
    }

    {
        wc_net_struct t = *net;

        *net = *res;
        *res = t;
    }

cleanup:
    for (j = 0; j < nin; j++)
        _fmpq_vec_clear(in[j].v, in[j].len);
    flint_free(in);
    wc_net_clear(res);
    return status;
}
