/* Tasks: the synthetic teacher task and CSV files, with every error's
   line, column and reason. */

#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "dyntest.h"

static char path[256];

static void
write_file(const char * text, size_t len)
{
    FILE * fp = fopen(path, "wb");

    if (fp == NULL || fwrite(text, 1, len, fp) != len)
        flint_abort();
    fclose(fp);
}

static wc_status
read_text(wc_dyn_task_t task, const char * text, slong din, slong ntest,
          wc_dyn_loss loss, wc_error_t err)
{
    write_file(text, strlen(text));
    return wc_dyn_task_read_csv(task, path, din, ntest, loss, err);
}

int
main(void)
{
    wc_test_t t;
    wc_error_t err;
    wc_dyn_task_t a, b;
    slong din, i, j;

    wc_test_init(t, "t-task");
    wc_error_init(err);
    wc_dyn_task_init(a);
    wc_dyn_task_init(b);
    snprintf(path, sizeof(path), "%s/wc-t-task-%ld.csv",
             getenv("TMPDIR") != NULL ? getenv("TMPDIR") : "/tmp",
             (long) getpid());

    /* The teacher task. */
    for (din = 1; din <= 6; din++)
    {
        double bound = 0.0;

        WC_CHECK(t, wc_dyn_task_teacher(a, din, 20, 10, WC_DYN_LOSS_SQUARED,
                                        5, err) == WC_OK, "teacher");
        WC_CHECK(t, a->ntrain == 20 && a->ntest == 10 && a->din == din
                 && a->synthetic, "sizes");
        for (i = 0; i < 30; i++)
        {
            double r2 = 0.0;

            for (j = 0; j < din; j++)
                r2 += a->x[i * din + j] * a->x[i * din + j];
            if (din == 1)
                WC_CHECK(t, fabs(a->x[i]) <= sqrt(3.0), "din 1: %g",
                         a->x[i]);
            else
                WC_CHECK(t, fabs(r2 - (double) din) <= 1e-13 * din,
                         "|x|^2 = %.17g, din %ld", r2, (long) din);
            WC_CHECK(t, isfinite(a->y[i]), "finite target");
            bound = FLINT_MAX(bound, fabs(a->y[i]));
        }
        /* |y| <= sum |a_k| / sqrt(K) < 4 sqrt(K) with overwhelming
           probability; mostly a check that the targets vary. */
        WC_CHECK(t, bound > 0 && bound < 16.0, "target scale %g", bound);

        /* The same seed gives the same task; the logistic targets are
           the signs of the squared-loss ones. */
        wc_dyn_task_teacher(b, din, 20, 10, WC_DYN_LOSS_LOGISTIC, 5, err);
        for (i = 0; i < 30; i++)
            WC_CHECK(t, b->y[i] == (a->y[i] >= 0 ? 1.0 : -1.0)
                     && memcmp(a->x + i * din, b->x + i * din,
                               din * sizeof(double)) == 0,
                     "logistic targets");
        wc_dyn_task_teacher(b, din, 20, 10, WC_DYN_LOSS_SQUARED, 6, err);
        WC_CHECK(t, memcmp(a->x, b->x, 30 * din * sizeof(double)) != 0,
                 "another seed, another task");
        /* More points extend the task: point i does not depend on the
           number of points. */
        wc_dyn_task_teacher(b, din, 25, 10, WC_DYN_LOSS_SQUARED, 5, err);
        WC_CHECK(t, memcmp(a->x, b->x, 20 * din * sizeof(double)) == 0
                 && memcmp(a->y, b->y, 20 * sizeof(double)) == 0,
                 "prefix property");
    }
    WC_CHECK(t, wc_dyn_task_teacher(a, 2, 0, 3, WC_DYN_LOSS_SQUARED, 1, err)
             == WC_ERR_RANGE, "no training points");
    WC_CHECK(t, wc_dyn_task_teacher(a, 2, 3, 0, WC_DYN_LOSS_SQUARED, 1, err)
             == WC_ERR_RANGE, "no test points");

    /* A good CSV file: header, comments, blank lines, CRLF, spaces. */
    WC_CHECK(t, read_text(a, "x1,x2,y\r\n# a comment\n\n 1, 2 ,3\r\n"
                          "4,5,6\n7,8,9\n-1.5e0,0.25,-2\n  \n10,11,12\n"
                          "13,14,15\n16,17,18\n19,20,21", 2, 0,
                          WC_DYN_LOSS_SQUARED, err) == WC_OK,
             "good file: %s", err->msg);
    WC_CHECK(t, a->ntrain == 6 && a->ntest == 2 && a->din == 2
             && a->x[0] == 1 && a->x[1] == 2 && a->y[0] == 3
             && a->x[6] == -1.5 && a->x[7] == 0.25 && a->y[3] == -2
             && a->y[7] == 21 && !a->synthetic, "good file contents");
    WC_CHECK(t, read_text(a, "1,2\n3,4\n5,6\n", 1, 2, WC_DYN_LOSS_SQUARED,
                          err) == WC_OK && a->ntrain == 1 && a->ntest == 2,
             "explicit test rows");
    WC_CHECK(t, read_text(a, "1,-1\n3,1\n", 1, 0, WC_DYN_LOSS_LOGISTIC,
                          err) == WC_OK && a->ntest == 1, "logistic file");

    /* Errors, with line and column. */
    {
        const struct
        {
            const char * text;
            slong din;
            slong ntest;
            wc_dyn_loss loss;
            wc_status st;
            const char * msg;
        }
        bad[] = {
            {"1,2,3\n4,abc,6\n", 2, 0, WC_DYN_LOSS_SQUARED, WC_ERR_PARSE,
             "line 2, column 3: field 2: not a number"},
            {"1,2,3\n4,5\n", 2, 0, WC_DYN_LOSS_SQUARED, WC_ERR_PARSE,
             "line 2, column 4: 2 fields, expected 3"},
            {"1,2,3\n4,5,6,7\n", 2, 0, WC_DYN_LOSS_SQUARED, WC_ERR_PARSE,
             "line 2, column 7: more than 3 fields"},
            {"1,2,3\n4,,6\n", 2, 0, WC_DYN_LOSS_SQUARED, WC_ERR_PARSE,
             "line 2, column 3: field 2: empty field"},
            {"1,2,3\n4,inf,6\n", 2, 0, WC_DYN_LOSS_SQUARED, WC_ERR_PARSE,
             "line 2, column 3: field 2: not a finite number"},
            {"1,2,3\n4,1e400,6\n", 2, 0, WC_DYN_LOSS_SQUARED, WC_ERR_PARSE,
             "line 2, column 3: field 2: not a finite number"},
            {"a,b\n# c\n1,1\n2,0.5\n", 1, 0, WC_DYN_LOSS_LOGISTIC,
             WC_ERR_PARSE, "line 4, column 3: the logistic loss needs "
             "targets -1 or 1"},
            {"x,y\n1,2\n", 1, 0, WC_DYN_LOSS_SQUARED, WC_ERR_PARSE,
             "line 3, column 1: 1 data rows; at least 2"},
            {"", 1, 0, WC_DYN_LOSS_SQUARED, WC_ERR_PARSE,
             "0 data rows"},
            {"1,2\n3,4\n", 1, 2, WC_DYN_LOSS_SQUARED, WC_ERR_RANGE,
             "2 test rows leave none of the 2 rows"},
            {"1,2\n3,4\nx,5\n", 1, 0, WC_DYN_LOSS_SQUARED, WC_ERR_PARSE,
             "line 3, column 1: field 1: not a number"},
        };

        for (i = 0; i < (slong) (sizeof(bad) / sizeof(bad[0])); i++)
        {
            wc_status st = read_text(a, bad[i].text, bad[i].din,
                                     bad[i].ntest, bad[i].loss, err);

            WC_CHECK(t, st == bad[i].st && strstr(err->msg, bad[i].msg)
                     != NULL && err->pos == -1, "case %ld: status %d '%s'",
                     (long) i, (int) st, err->msg);
        }
    }
    write_file("1,2\n\0,3\n", 8);
    WC_CHECK(t, wc_dyn_task_read_csv(a, path, 1, 0, WC_DYN_LOSS_SQUARED, err)
             == WC_ERR_PARSE && strstr(err->msg, "NUL") != NULL,
             "NUL byte: %s", err->msg);
    remove(path);
    WC_CHECK(t, wc_dyn_task_read_csv(a, path, 1, 0, WC_DYN_LOSS_SQUARED, err)
             == WC_ERR_IO && strstr(err->msg, "cannot read") != NULL,
             "missing file: %s", err->msg);

    wc_dyn_task_clear(a);
    wc_dyn_task_clear(b);
    return wc_test_finish(t);
}
