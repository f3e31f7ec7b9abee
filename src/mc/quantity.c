/* What mc measures: a SPEC, or a per-sample norm of C^{D,d}. */

#include <ctype.h>
#include <string.h>

#include "weakcorr/mc.h"

void
wc_mc_quantity_init(wc_mc_quantity_t q)
{
    q->kind = WC_MC_SPEC;
    wc_spec_init(q->spec);
    q->D = q->d = 0;
    q->x_main = q->x_grad = WC_INPUT_DEFAULT;
}

void
wc_mc_quantity_clear(wc_mc_quantity_t q)
{
    wc_spec_clear(q->spec);
}

static slong
skip_space(const char * s, slong i)
{
    while (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r')
        i++;
    return i;
}

static wc_status
expected(const char * s, slong i, const char * what, wc_error_t err)
{
    if (s[i] == '\0')
        return wc_error_set(err, WC_ERR_PARSE, i,
                            "unexpected end, expected %s", what);
    return wc_error_set(err, WC_ERR_PARSE, i,
                        "unexpected character '%c', expected %s", s[i],
                        what);
}

static wc_status
read_int(slong * v, const char * s, slong * i, const char * what,
         wc_error_t err)
{
    slong n = 0, start = *i;

    if (!isdigit((unsigned char) s[*i]))
        return expected(s, *i, what, err);
    while (isdigit((unsigned char) s[*i]))
    {
        if (n > WC_SPEC_MAX_ORDER)
            return wc_error_set(err, WC_ERR_PARSE, start,
                                "%s is too large (at most %d)", what,
                                WC_SPEC_MAX_ORDER);
        n = 10 * n + (s[*i] - '0');
        (*i)++;
    }
    if (n > WC_SPEC_MAX_ORDER)
        return wc_error_set(err, WC_ERR_PARSE, start,
                            "%s is too large (at most %d)", what,
                            WC_SPEC_MAX_ORDER);
    *v = n;
    return WC_OK;
}

static wc_status
read_label(slong * label, const char * s, slong * i, wc_error_t err)
{
    slong start = *i, k = 0;

    if (s[*i] != 'x')
        return expected(s, *i, "an input label x or xK", err);
    (*i)++;
    if (!isdigit((unsigned char) s[*i]))
    {
        *label = WC_INPUT_DEFAULT;
        return isalpha((unsigned char) s[*i])
               ? wc_error_set(err, WC_ERR_PARSE, start,
                   "an input label is x or x followed by digits")
               : WC_OK;
    }
    while (isdigit((unsigned char) s[*i]))
    {
        k = 10 * k + (s[*i] - '0');
        if (k > WC_INPUT_MAX)
            return wc_error_set(err, WC_ERR_PARSE, start,
                "input label number is too large (at most %d)",
                WC_INPUT_MAX);
        (*i)++;
    }
    *label = k;
    return WC_OK;
}

wc_status
wc_mc_quantity_parse(wc_mc_quantity_t q, const char * text,
                     wc_error_t err)
{
    slong i = skip_space(text, 0), start = i, D, d, a, b;
    int op = 0;
    wc_status status;

    if (!(text[i] == '|' && text[i + 1] == 'C' && text[i + 2] == '['))
        goto spec;

    /* |C[D,d]| ... or the SPEC |C[D,d]|^2 */
    {
        slong j = i + 3;

        while (text[j] != '\0' && text[j] != ']')
            j++;
        if (text[j] == ']' && text[j + 1] == '|' && text[j + 2] == '^')
            goto spec;
    }
    i += 3;
    if ((status = read_int(&D, text, &i, "D in |C[D,d]|", err)) != WC_OK)
        return status;
    if (text[i] != ',')
        return expected(text, i, "',' in |C[D,d]|", err);
    i++;
    if ((status = read_int(&d, text, &i, "d in |C[D,d]|", err)) != WC_OK)
        return status;
    if (text[i] != ']')
        return expected(text, i, "']' closing C[D,d]", err);
    i++;
    if (text[i] != '|')
        return expected(text, i, "'|' closing |C[D,d]|", err);
    i++;
    if (strncmp(text + i, "_op", 3) == 0 && !isalnum((unsigned char)
                                                     text[i + 3]))
    {
        op = 1;
        i += 3;
    }
    else if (text[i] == '_')
        return wc_error_set(err, WC_ERR_PARSE, i,
            "unknown norm (|C[D,d]| or |C[2,d]|_op)");
    a = b = WC_INPUT_DEFAULT;
    if (text[i] == '(')
    {
        i = skip_space(text, i + 1);
        if ((status = read_label(&a, text, &i, err)) != WC_OK)
            return status;
        b = a;
        i = skip_space(text, i);
        if (text[i] == ',')
        {
            i = skip_space(text, i + 1);
            if ((status = read_label(&b, text, &i, err)) != WC_OK)
                return status;
            i = skip_space(text, i);
        }
        if (text[i] != ')')
            return expected(text, i, "',' or ')' after an input label", err);
        i++;
    }
    i = skip_space(text, i);
    if (text[i] != '\0')
        return expected(text, i, "the end after the norm (a norm is "
                        "measured on its own; use |C[D,d]|^2 in a SPEC)",
                        err);
    if (D + d == 0)
        return wc_error_set(err, WC_ERR_PARSE, start,
                            "C[0,0] is not defined (D + d >= 1)");
    if (op && D != 2)
        return wc_error_set(err, WC_ERR_PARSE, start,
            "_op is the spectral norm of the matrix C[2,d]; for D = %ld "
            "write |C[%ld,%ld]|", (long) D, (long) D, (long) d);
    if (!op && D >= 2)
        return wc_error_set(err, WC_ERR_UNSUPPORTED, start,
            "the Frobenius norm of C[%ld,%ld] is not computed per sample; "
            "measure the SPEC |C[%ld,%ld]|^2 (an unbiased probe estimate "
            "of its square)%s", (long) D, (long) d, (long) D, (long) d,
            D == 2 ? " or the spectral norm |C[2,d]|_op" : "");

    q->kind = op ? WC_MC_OPNORM : WC_MC_NORM;
    q->D = D;
    q->d = d;
    q->x_main = a;
    q->x_grad = b;
    return WC_OK;

spec:
    q->kind = WC_MC_SPEC;
    return wc_spec_parse(q->spec, text, err);
}

static void
put_label(wc_buf_t buf, slong label)
{
    if (label == WC_INPUT_DEFAULT)
        wc_buf_putc(buf, 'x');
    else
        wc_buf_printf(buf, "x%ld", (long) label);
}

char *
wc_mc_quantity_get_str(const wc_mc_quantity_t q)
{
    wc_buf_t buf;

    if (q->kind == WC_MC_SPEC)
        return wc_spec_get_str(q->spec);
    wc_buf_init(buf);
    wc_buf_printf(buf, "|C[%ld,%ld]|%s", (long) q->D, (long) q->d,
                  q->kind == WC_MC_OPNORM ? "_op" : "");
    if (q->x_main != WC_INPUT_DEFAULT || q->x_grad != WC_INPUT_DEFAULT)
    {
        wc_buf_putc(buf, '(');
        put_label(buf, q->x_main);
        if (q->x_grad != q->x_main)
        {
            wc_buf_putc(buf, ',');
            put_label(buf, q->x_grad);
        }
        wc_buf_putc(buf, ')');
    }
    return wc_buf_detach(buf);
}
