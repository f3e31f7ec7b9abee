/* Recursive-descent parser for SPEC; the grammar is in doc/spec.md.

   Shorthands expand while they are read: ntk, C[D,d], |C[D,d]|^2, powers
   and var(X) become index-form tensors with fresh index ids, and C[D,d]
   multiplies the coefficient by 1/(D! d!).  Every error carries the byte
   offset where the offending construct starts. */

#include <ctype.h>
#include <string.h>

#include "weakcorr/spec.h"

#define WC_MAX_NAME 12
#define WC_MAX_POWER 1024

typedef struct
{
    char name[WC_MAX_NAME + 1];
    slong id;
    slong count;
    slong pos[2];
}
wc_name_entry;

typedef struct
{
    const char * s;
    slong i;
    wc_spec_struct * spec;
    wc_error_struct * err;
    wc_name_entry * names;
    slong nnames;
    slong alloc;
    int user_index_seen;   /* set when an atom names an index */
}
wc_parser;

static int
is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

static slong
skip_space(wc_parser * p)
{
    slong start = p->i;

    while (is_space(p->s[p->i]))
        p->i++;
    return p->i - start;
}

static wc_status
unexpected(wc_parser * p, slong pos, const char * what)
{
    unsigned char c = (unsigned char) p->s[pos];

    if (c == '\0')
        return wc_error_set(p->err, WC_ERR_PARSE, pos,
                            "unexpected end of SPEC, expected %s", what);
    if (isprint(c))
        return wc_error_set(p->err, WC_ERR_PARSE, pos,
                            "unexpected character '%c', expected %s",
                            (char) c, what);
    return wc_error_set(p->err, WC_ERR_PARSE, pos,
                        "unexpected byte 0x%02x, expected %s", c, what);
}

/* A non-negative decimal integer no larger than max. */
static wc_status
read_count(slong * v, wc_parser * p, slong max, const char * what)
{
    slong start = p->i, n = 0;

    if (!isdigit((unsigned char) p->s[p->i]))
        return unexpected(p, p->i, what);
    while (isdigit((unsigned char) p->s[p->i]))
    {
        if (n <= max)
            n = 10 * n + (p->s[p->i] - '0');
        p->i++;
    }
    if (n > max)
        return wc_error_set(p->err, WC_ERR_PARSE, start,
                            "%s is too large (at most %ld)", what,
                            (long) max);
    *v = n;
    return WC_OK;
}

static wc_status
expect(wc_parser * p, char c, const char * what)
{
    if (p->s[p->i] != c)
        return unexpected(p, p->i, what);
    p->i++;
    return WC_OK;
}

/* Looks up or creates the id of a user-named index and counts the
   occurrence. */
static wc_status
user_index(slong * id, wc_parser * p, const char * name, slong pos)
{
    slong k;
    wc_name_entry * e;

    for (k = 0; k < p->nnames; k++)
        if (strcmp(p->names[k].name, name) == 0)
            break;

    if (k == p->nnames)
    {
        if (p->nnames == p->alloc)
        {
            p->alloc = FLINT_MAX(16, 2 * p->alloc);
            p->names = flint_realloc(p->names,
                                     p->alloc * sizeof(wc_name_entry));
        }
        e = p->names + p->nnames++;
        strcpy(e->name, name);
        e->id = wc_spec_new_index(p->spec);
        e->count = 0;
    }

    e = p->names + k;
    if (e->count == 2)
        return wc_error_set(p->err, WC_ERR_PARSE, pos,
            "index '%s' appears a third time (each index is summed over "
            "exactly two slots)", name);
    e->pos[e->count++] = pos;
    *id = e->id;
    p->user_index_seen = 1;
    return WC_OK;
}

/* '_' followed by index names, each a letter and optional digits.  Reads
   at most max of them into index. */
static wc_status
read_indices(slong * index, slong * n, wc_parser * p, slong max)
{
    wc_status status;

    *n = 0;
    p->i++;   /* the '_' */
    if (!isalpha((unsigned char) p->s[p->i]))
        return unexpected(p, p->i, "index letters after '_'");

    while (isalpha((unsigned char) p->s[p->i]))
    {
        char name[WC_MAX_NAME + 1];
        slong start = p->i, len = 1;

        p->i++;
        while (isdigit((unsigned char) p->s[p->i]))
        {
            p->i++;
            len++;
        }
        if (len > WC_MAX_NAME)
            return wc_error_set(p->err, WC_ERR_PARSE, start,
                "index name longer than %d characters", WC_MAX_NAME);
        if (*n == max)
            return wc_error_set(p->err, WC_ERR_PARSE, start,
                "more than %ld indices on one tensor", (long) max);
        memcpy(name, p->s + start, len);
        name[len] = '\0';
        status = user_index(index + *n, p, name, start);
        if (status != WC_OK)
            return status;
        (*n)++;
    }

    return WC_OK;
}

/* An input label x or xK. */
static wc_status
read_label(slong * label, wc_parser * p)
{
    slong start = p->i, k;
    wc_status status;

    if (p->s[p->i] != 'x')
        return unexpected(p, p->i, "an input label x or xK");
    p->i++;
    if (!isdigit((unsigned char) p->s[p->i]))
    {
        if (isalnum((unsigned char) p->s[p->i]) || p->s[p->i] == '_')
            return wc_error_set(p->err, WC_ERR_PARSE, start,
                "an input label is x or x followed by digits");
        *label = WC_INPUT_DEFAULT;
        return WC_OK;
    }
    if ((status = read_count(&k, p, WC_INPUT_MAX, "input label number")))
        return status;
    if (isalpha((unsigned char) p->s[p->i]) || p->s[p->i] == '_')
        return wc_error_set(p->err, WC_ERR_PARSE, start,
            "an input label is x or x followed by digits");
    *label = k;
    return WC_OK;
}

/* Optional "(label)" or, where two are allowed, "(label, label)".  With
   one label both outputs take it.  Without parentheses both are the
   default input. */
static wc_status
read_labels(slong * a, slong * b, wc_parser * p, int allow_two)
{
    wc_status status;

    *a = *b = WC_INPUT_DEFAULT;
    if (p->s[p->i] != '(')
        return WC_OK;

    p->i++;
    skip_space(p);
    if ((status = read_label(a, p)) != WC_OK)
        return status;
    *b = *a;
    skip_space(p);
    if (allow_two && p->s[p->i] == ',')
    {
        p->i++;
        skip_space(p);
        if ((status = read_label(b, p)) != WC_OK)
            return status;
        skip_space(p);
    }
    return expect(p, ')', allow_two ? "',' or ')' after an input label"
                                    : "')' after the input label");
}

static wc_status
append(wc_parser * p, const slong * index, slong order, slong input,
       slong pos)
{
    if (p->spec->nfactors >= WC_SPEC_MAX_FACTORS)
        return wc_error_set(p->err, WC_ERR_PARSE, pos,
            "SPEC expands to more than %d tensors", WC_SPEC_MAX_FACTORS);
    wc_spec_append_factor(p->spec, index, order, input, pos);
    return WC_OK;
}

/* C[D,d] and |C[D,d]|^2.  start is the offset of 'C' or '|'. */
static wc_status
read_cdd(wc_parser * p, slong start, int norm)
{
    slong D, d, nfree, in_main, in_grad, k, total;
    slong * free;
    wc_status status;

    p->i++;   /* the 'C' */
    if ((status = expect(p, '[', "'[' after C")) != WC_OK)
        return status;
    if ((status = read_count(&D, p, WC_SPEC_MAX_ORDER, "D in C[D,d]")))
        return status;
    if ((status = expect(p, ',', "',' in C[D,d]")) != WC_OK)
        return status;
    if ((status = read_count(&d, p, WC_SPEC_MAX_ORDER, "d in C[D,d]")))
        return status;
    if ((status = expect(p, ']', "']' closing C[D,d]")) != WC_OK)
        return status;
    if (D + d > WC_SPEC_MAX_ORDER)
        return wc_error_set(p->err, WC_ERR_PARSE, start,
            "C[%ld,%ld] differentiates f more than %d times",
            (long) D, (long) d, WC_SPEC_MAX_ORDER);

    total = (norm ? 2 : 1) * (d + 1);
    if (p->spec->nfactors + total > WC_SPEC_MAX_FACTORS)
        return wc_error_set(p->err, WC_ERR_PARSE, start,
            "SPEC expands to more than %d tensors", WC_SPEC_MAX_FACTORS);

    free = flint_malloc(WC_SPEC_MAX_ORDER * sizeof(slong));

    if (norm)
    {
        if ((status = expect(p, '|', "'|' closing |C[D,d]|^2")) != WC_OK
            || (status = expect(p, '^', "'^2' after |C[D,d]|")) != WC_OK)
            goto cleanup;
        if (p->s[p->i] != '2' || isdigit((unsigned char) p->s[p->i + 1]))
        {
            status = wc_error_set(p->err, WC_ERR_PARSE, p->i,
                "only the squared norm |C[D,d]|^2 is a correlation function");
            goto cleanup;
        }
        p->i++;
        if ((status = read_labels(&in_main, &in_grad, p, 1)) != WC_OK)
            goto cleanup;
        for (k = 0; k < D; k++)
            free[k] = wc_spec_new_index(p->spec);
        wc_spec_append_cdd(p->spec, D, d, free, in_main, in_grad, start);
        wc_spec_append_cdd(p->spec, D, d, free, in_main, in_grad, start);
        status = WC_OK;
        goto cleanup;
    }

    nfree = 0;
    if (p->s[p->i] == '_'
        && (status = read_indices(free, &nfree, p, WC_SPEC_MAX_ORDER)))
        goto cleanup;
    if (nfree != D)
    {
        if (nfree == 0)
            status = wc_error_set(p->err, WC_ERR_PARSE, start,
                "C[%ld,%ld] has %ld free ind%s: name %s (C[%ld,%ld]_%s) "
                "or take the squared norm |C[%ld,%ld]|^2", (long) D,
                (long) d, (long) D, D == 1 ? "ex" : "ices",
                D == 1 ? "it" : "them", (long) D, (long) d,
                D == 1 ? "a" : "ab", (long) D, (long) d);
        else
            status = wc_error_set(p->err, WC_ERR_PARSE, start,
                "C[%ld,%ld] has %ld free ind%s but %ld %s given",
                (long) D, (long) d, (long) D, D == 1 ? "ex" : "ices",
                (long) nfree, nfree == 1 ? "is" : "are");
        goto cleanup;
    }
    if ((status = read_labels(&in_main, &in_grad, p, 1)) != WC_OK)
        goto cleanup;
    wc_spec_append_cdd(p->spec, D, d, free, in_main, in_grad, start);

cleanup:
    flint_free(free);
    return status;
}

/* One factor without its power: f_..(x), ntk(x,y), C[D,d]_..(x,y) or
   |C[D,d]|^2(x,y). */
static wc_status
read_atom(wc_parser * p)
{
    slong start = p->i, len = 0;
    wc_status status;

    if (p->s[p->i] == '|')
    {
        p->i++;
        if (p->s[p->i] != 'C' || p->s[p->i + 1] != '[')
            return unexpected(p, p->i, "C[D,d] inside |...|^2");
        return read_cdd(p, start, 1);
    }

    while (isalpha((unsigned char) p->s[start + len]))
        len++;

    if (len == 0)
        return unexpected(p, start, "a factor (f, ntk, C[D,d], "
                                    "|C[D,d]|^2)");

    if (len == 1 && p->s[start] == 'f')
    {
        slong index[WC_SPEC_MAX_ORDER], order = 0, in_a, in_b;

        p->i++;
        if (p->s[p->i] == '_'
            && (status = read_indices(index, &order, p, WC_SPEC_MAX_ORDER)))
            return status;
        if ((status = read_labels(&in_a, &in_b, p, 0)) != WC_OK)
            return status;
        return append(p, index, order, in_a, start);
    }

    if (len == 3 && strncmp(p->s + start, "ntk", 3) == 0)
    {
        slong a, in_a, in_b;

        p->i += 3;
        if ((status = read_labels(&in_a, &in_b, p, 1)) != WC_OK)
            return status;
        a = wc_spec_new_index(p->spec);
        if ((status = append(p, &a, 1, in_a, start)) != WC_OK)
            return status;
        return append(p, &a, 1, in_b, start);
    }

    if (len == 1 && p->s[start] == 'C' && p->s[start + 1] == '[')
        return read_cdd(p, start, 0);

    if ((len == 3 && (strncmp(p->s + start, "cum", 3) == 0
                      || strncmp(p->s + start, "var", 3) == 0)))
        return wc_error_set(p->err, WC_ERR_PARSE, start,
            "%.3s(...) must enclose the whole SPEC", p->s + start);

    return wc_error_set(p->err, WC_ERR_PARSE, start,
        "unknown factor '%.*s' (expected f, ntk, C[D,d], |C[D,d]|^2, "
        "var(...) or cum(...))", (int) FLINT_MIN(len, 20), p->s + start);
}

/* An atom with an optional power ^k.  A power repeats the atom with fresh
   indices, so the atom may not name indices of its own. */
static wc_status
read_factor(wc_parser * p)
{
    slong start = p->i, end, k, power, pow_pos;
    wc_status status;

    p->user_index_seen = 0;
    if ((status = read_atom(p)) != WC_OK)
        return status;
    if (p->s[p->i] != '^')
        return WC_OK;

    pow_pos = p->i;
    if (p->user_index_seen)
        return wc_error_set(p->err, WC_ERR_PARSE, pow_pos,
            "a power of a factor with named indices is ambiguous: write "
            "the copies out");
    p->i++;
    if ((status = read_count(&power, p, WC_MAX_POWER, "power")))
        return status;
    if (power == 0)
        return wc_error_set(p->err, WC_ERR_PARSE, pow_pos + 1,
                            "the power must be at least 1");
    end = p->i;

    for (k = 1; k < power; k++)
    {
        p->i = start;
        if ((status = read_atom(p)) != WC_OK)
            return status;
    }
    p->i = end;
    return WC_OK;
}

/* Factors separated by white space, up to the end, ',' or ')'. */
static wc_status
read_product(wc_parser * p)
{
    wc_status status;

    skip_space(p);
    for (;;)
    {
        char c;
        slong gap;

        if ((status = read_factor(p)) != WC_OK)
            return status;
        gap = skip_space(p);
        c = p->s[p->i];
        if (c == '\0' || c == ',' || c == ')')
            break;
        if (gap == 0)
            return unexpected(p, p->i, "a space before the next factor");
    }
    return WC_OK;
}

static wc_status
read_connected(wc_parser * p, int is_var)
{
    wc_status status;
    slong open = p->i + 3;

    p->i += 3;
    skip_space(p);
    if ((status = expect(p, '(', is_var ? "'(' after var"
                                        : "'(' after cum")) != WC_OK)
        return status;
    p->spec->connected = 1;

    for (;;)
    {
        skip_space(p);
        if (p->s[p->i] == ')' || p->s[p->i] == ',')
            return unexpected(p, p->i, "a product of factors");
        if ((status = read_product(p)) != WC_OK)
            return status;
        if (p->s[p->i] == ')')
            break;
        if (p->s[p->i] == '\0')
            return wc_error_set(p->err, WC_ERR_PARSE, open,
                                "unclosed '('");
        if (is_var)
            return wc_error_set(p->err, WC_ERR_PARSE, p->i,
                "var(...) takes one product; use cum(A, B) for a "
                "covariance");
        p->i++;   /* ',' */
        wc_spec_new_group(p->spec);
    }
    p->i++;   /* ')' */
    skip_space(p);
    if (p->s[p->i] != '\0')
        return unexpected(p, p->i, is_var ? "the end after var(...)"
                                          : "the end after cum(...)");
    return WC_OK;
}

/* var(X) = cum(X, X'), with X' a copy of X on fresh indices. */
static void
duplicate_as_group(wc_spec_t spec)
{
    slong n = spec->nfactors, shift = spec->nindices, i, j;
    slong * index = flint_malloc(WC_SPEC_MAX_ORDER * sizeof(slong));

    wc_spec_new_group(spec);
    for (i = 0; i < n; i++)
    {
        const wc_factor_struct * t = spec->factors + i;

        for (j = 0; j < t->order; j++)
            index[j] = t->index[j] + shift;
        wc_spec_append_factor(spec, index, t->order, t->input, t->pos);
    }
    spec->nindices = 2 * shift;
    flint_free(index);
}

/* Every user-named index must occur exactly twice. */
static wc_status
check_pairs(wc_parser * p)
{
    slong k, worst = -1;

    for (k = 0; k < p->nnames; k++)
        if (p->names[k].count == 1
            && (worst < 0 || p->names[k].pos[0] < p->names[worst].pos[0]))
            worst = k;

    if (worst >= 0)
        return wc_error_set(p->err, WC_ERR_PARSE, p->names[worst].pos[0],
            "index '%s' appears only once (each index is summed over "
            "exactly two slots)", p->names[worst].name);
    return WC_OK;
}

wc_status
wc_spec_parse(wc_spec_t spec, const char * text, wc_error_t err)
{
    wc_parser p;
    wc_spec_t res;
    wc_status status;
    slong n;

    n = (slong) strnlen(text, WC_SPEC_MAX_TEXT + 1);
    if (n > WC_SPEC_MAX_TEXT)
        return wc_error_set(err, WC_ERR_PARSE, 0,
                            "SPEC longer than %d bytes", WC_SPEC_MAX_TEXT);

    wc_spec_init(res);
    p.s = text;
    p.i = 0;
    p.spec = res;
    p.err = err;
    p.names = NULL;
    p.nnames = p.alloc = 0;

    skip_space(&p);
    if (p.s[p.i] == '\0')
    {
        status = wc_error_set(err, WC_ERR_PARSE, p.i, "empty SPEC");
        goto cleanup;
    }

    if (isdigit((unsigned char) p.s[p.i]) || p.s[p.i] == '+'
        || p.s[p.i] == '-' || p.s[p.i] == '.')
    {
        slong len, at = p.i;

        status = wc_parse_rational(res->coeff, &len, p.s + p.i, err);
        if (status != WC_OK)
        {
            if (err != NULL)
                err->pos += at;
            goto cleanup;
        }
        p.i += len;
        if (skip_space(&p) == 0 || p.s[p.i] == '\0')
        {
            status = unexpected(&p, p.i, p.s[p.i] == '\0'
                ? "a product after the coefficient"
                : "a space after the coefficient");
            goto cleanup;
        }
    }

    if ((strncmp(p.s + p.i, "cum", 3) == 0
         || strncmp(p.s + p.i, "var", 3) == 0)
        && !isalnum((unsigned char) p.s[p.i + 3]))
    {
        int is_var = (p.s[p.i] == 'v');
        fmpq_t outer;

        /* cum is multilinear: the coefficients of its arguments multiply.
           var(X) = cum(X, X) takes the coefficient of X twice. */
        fmpq_init(outer);
        fmpq_swap(outer, res->coeff);
        fmpq_one(res->coeff);
        status = read_connected(&p, is_var);
        if (status == WC_OK)
            status = check_pairs(&p);
        if (status == WC_OK && is_var)
        {
            duplicate_as_group(res);
            fmpq_mul(res->coeff, res->coeff, res->coeff);
        }
        fmpq_mul(res->coeff, res->coeff, outer);
        fmpq_clear(outer);
        if (status != WC_OK)
            goto cleanup;
    }
    else
    {
        if ((status = read_product(&p)) != WC_OK)
            goto cleanup;
        if (p.s[p.i] != '\0')
        {
            status = unexpected(&p, p.i, "a factor or the end of SPEC");
            goto cleanup;
        }
        if ((status = check_pairs(&p)) != WC_OK)
            goto cleanup;
    }

    wc_spec_canonicalise(res);
    wc_spec_swap(spec, res);
    status = WC_OK;

cleanup:
    wc_spec_clear(res);
    flint_free(p.names);
    return status;
}
