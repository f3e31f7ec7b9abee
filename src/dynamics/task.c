/* Tasks: the synthetic teacher task, and user data from CSV files. */

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>

#include "dyn_impl.h"

void
wc_dyn_task_init(wc_dyn_task_t task)
{
    task->din = 0;
    task->ntrain = 0;
    task->ntest = 0;
    task->x = NULL;
    task->y = NULL;
    task->synthetic = 0;
}

void
wc_dyn_task_clear(wc_dyn_task_t task)
{
    flint_free(task->x);
    flint_free(task->y);
    wc_dyn_task_init(task);
}

wc_status
wc_dyn_task_teacher(wc_dyn_task_t task, slong din, slong ntrain,
                    slong ntest, wc_dyn_loss loss, uint64_t seed,
                    wc_error_t err)
{
    wc_rng_row_struct r;
    double * w, a[WC_DYN_TEACHER_UNITS];
    slong N = ntrain + ntest, i, j, k;

    if (ntrain < 1 || ntest < 1)
        return wc_error_set(err, WC_ERR_RANGE, -1, "the task needs at least "
                            "one training and one test point");
    if (din < 1)
        return wc_error_set(err, WC_ERR_RANGE, -1, "din must be positive");

    wc_dyn_task_clear(task);
    task->din = din;
    task->ntrain = ntrain;
    task->ntest = ntest;
    task->synthetic = 1;
    task->x = flint_malloc(N * din * sizeof(double));
    task->y = flint_malloc(N * sizeof(double));

    r.seed = seed;
    r.sample = 0;
    for (i = 0; i < N; i++)
    {
        double * x = task->x + i * din;

        r.row = (uint32_t) i;
        if (din == 1)
        {
            r.stream = wc_rng_stream(WC_RNG_USER + 2, 1);
            x[0] = sqrt(3.0) * (2.0 * wc_rng_uniform(&r, 0) - 1.0);
        }
        else
        {
            double s;

            r.stream = wc_rng_stream(WC_RNG_USER + 2, 0);
            wc_rng_normal_row(x, &r, 0, din);
            s = sqrt(_wc_dyn_sumsq(x, din));
            if (s == 0.0)
            {
                x[0] = 1.0;
                s = 1.0;
            }
            for (j = 0; j < din; j++)
                x[j] *= sqrt((double) din) / s;
        }
    }

    w = flint_malloc(WC_DYN_TEACHER_UNITS * din * sizeof(double));
    r.stream = wc_rng_stream(WC_RNG_USER + 3, 0);
    for (k = 0; k < WC_DYN_TEACHER_UNITS; k++)
    {
        r.row = (uint32_t) k;
        wc_rng_normal_row(w + k * din, &r, 0, din);
    }
    r.stream = wc_rng_stream(WC_RNG_USER + 3, 1);
    r.row = 0;
    wc_rng_normal_row(a, &r, 0, WC_DYN_TEACHER_UNITS);

    for (i = 0; i < N; i++)
    {
        double s = 0.0;

        for (k = 0; k < WC_DYN_TEACHER_UNITS; k++)
        {
            double u = 0.0;

            for (j = 0; j < din; j++)
                u += w[k * din + j] * task->x[i * din + j];
            s += a[k] * tanh(u / sqrt((double) din));
        }
        s /= sqrt((double) WC_DYN_TEACHER_UNITS);
        if (loss == WC_DYN_LOSS_LOGISTIC)
            s = (s >= 0) ? 1.0 : -1.0;
        task->y[i] = s;
    }
    flint_free(w);
    return WC_OK;
}

/* ------------------------------------------------------------------ */
/* CSV. */

static int
is_blank(char c)
{
    return c == ' ' || c == '\t';
}

/* Parses the field [s, e) as a finite number into *v.  Returns 0 on
   success, else a reason. */
static const char *
parse_field(double * v, const char * s, const char * e)
{
    char buf[128], * end;
    size_t len;

    while (s < e && is_blank(*s))
        s++;
    while (e > s && is_blank(e[-1]))
        e--;
    len = (size_t) (e - s);
    if (len == 0)
        return "empty field";
    if (len >= sizeof(buf))
        return "field too long for a number";
    memcpy(buf, s, len);
    buf[len] = '\0';
    errno = 0;
    *v = strtod(buf, &end);
    if (end == buf || *end != '\0')
        return "not a number";
    if (!isfinite(*v) || (errno == ERANGE && fabs(*v) > 1.0))
        return "not a finite number";
    return NULL;
}

static char *
read_all(const char * path, size_t * len)
{
    FILE * fp = fopen(path, "rb");
    char * buf = NULL;
    size_t alloc = 0, n = 0, got;

    if (fp == NULL)
        return NULL;
    do
    {
        if (n + 4096 + 1 > alloc)
        {
            alloc = 2 * alloc + 4096 + 1;
            buf = flint_realloc(buf, alloc);
        }
        got = fread(buf + n, 1, alloc - n - 1, fp);
        n += got;
    }
    while (got > 0);
    if (ferror(fp))
    {
        fclose(fp);
        flint_free(buf);
        return NULL;
    }
    fclose(fp);
    if (buf == NULL)
        buf = flint_malloc(1);
    buf[n] = '\0';
    *len = n;
    return buf;
}

wc_status
wc_dyn_task_read_csv(wc_dyn_task_t task, const char * path, slong din,
                     slong ntest, wc_dyn_loss loss, wc_error_t err)
{
    size_t len;
    char * text = read_all(path, &len);
    const char * p, * end;
    double * x = NULL, * y = NULL;
    slong rows = 0, alloc = 0, line = 0, ncols = din + 1, col;
    int first = 1;
    wc_status st = WC_OK;

    if (text == NULL)
        return wc_error_set(err, WC_ERR_IO, -1, "cannot read the file (%s)",
                            strerror(errno));
    if (strlen(text) != len)
    {
        flint_free(text);
        return wc_error_set(err, WC_ERR_PARSE, -1, "line 1, column 1: the "
                            "file contains a NUL byte (not a text file)");
    }

    p = text;
    end = text + len;
    while (p < end && st == WC_OK)
    {
        const char * eol = memchr(p, '\n', (size_t) (end - p));
        const char * le = (eol != NULL) ? eol : end, * q = p, * fs;
        double v;

        line++;
        if (le > p && le[-1] == '\r')
            le--;
        while (q < le && is_blank(*q))
            q++;
        if (q == le || *q == '#')
        {
            p = (eol != NULL) ? eol + 1 : end;
            continue;
        }

        /* A first line whose first field is not a number is a header. */
        if (first)
        {
            const char * c = memchr(p, ',', (size_t) (le - p));

            first = 0;
            if (parse_field(&v, p, (c != NULL) ? c : le) != NULL)
            {
                p = (eol != NULL) ? eol + 1 : end;
                continue;
            }
        }

        if (rows == alloc)
        {
            alloc = 2 * alloc + 16;
            x = flint_realloc(x, alloc * din * sizeof(double));
            y = flint_realloc(y, alloc * sizeof(double));
        }
        fs = p;
        for (col = 0; ; col++)
        {
            const char * c = memchr(fs, ',', (size_t) (le - fs));
            const char * fe = (c != NULL) ? c : le, * why;
            const char * start = fs;

            while (start < fe && is_blank(*start))
                start++;
            if (col >= ncols)
            {
                st = wc_error_set(err, WC_ERR_PARSE, -1, "line %ld, column "
                    "%ld: more than %ld fields (din = %ld inputs and the "
                    "target)", (long) line, (long) (start - p + 1),
                    (long) ncols, (long) din);
                break;
            }
            why = parse_field(&v, fs, fe);
            if (why != NULL)
            {
                st = wc_error_set(err, WC_ERR_PARSE, -1, "line %ld, column "
                    "%ld: field %ld: %s", (long) line, (long) (start - p + 1),
                    (long) col + 1, why);
                break;
            }
            if (col < din)
                x[rows * din + col] = v;
            else
            {
                if (loss == WC_DYN_LOSS_LOGISTIC && v != 1.0 && v != -1.0)
                {
                    st = wc_error_set(err, WC_ERR_PARSE, -1, "line %ld, "
                        "column %ld: the logistic loss needs targets -1 or "
                        "1", (long) line, (long) (start - p + 1));
                    break;
                }
                y[rows] = v;
            }
            if (c == NULL)
            {
                if (col + 1 < ncols)
                    st = wc_error_set(err, WC_ERR_PARSE, -1, "line %ld, "
                        "column %ld: %ld fields, expected %ld (din = %ld "
                        "inputs and the target)", (long) line,
                        (long) (le - p + 1), (long) col + 1, (long) ncols,
                        (long) din);
                break;
            }
            fs = c + 1;
        }
        if (st == WC_OK)
            rows++;
        p = (eol != NULL) ? eol + 1 : end;
    }
    flint_free(text);

    if (st == WC_OK)
    {
        if (ntest == 0)
            ntest = FLINT_MAX(1, rows / 4);
        if (rows < 2)
            st = wc_error_set(err, WC_ERR_PARSE, -1, "line %ld, column 1: "
                              "%ld data rows; at least 2 are needed (one "
                              "to train, one to test)", (long) line + 1,
                              (long) rows);
        else if (ntest >= rows)
            st = wc_error_set(err, WC_ERR_RANGE, -1, "%ld test rows leave "
                              "none of the %ld rows for training",
                              (long) ntest, (long) rows);
    }
    if (st != WC_OK)
    {
        flint_free(x);
        flint_free(y);
        return st;
    }

    wc_dyn_task_clear(task);
    task->din = din;
    task->ntrain = rows - ntest;
    task->ntest = ntest;
    task->x = x;
    task->y = y;
    task->synthetic = 0;
    return WC_OK;
}
