/* Files: atomic replacement, and the checkpoint of completed results.

   A checkpoint is text: five header lines naming the run (quantity, NET,
   seed, probe sets, values per sample, Lanczos settings), then one line
   per completed (width, sample): "width sample v_1 ... v_k" with every
   value in %.17g, which reads back to the same double.  Lines are
   appended and flushed as results complete, so an interrupted run loses
   at most the line being written; a torn last line is dropped when the
   file is read back, and the file is then rewritten atomically before
   appending resumes. */

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "mc_impl.h"

wc_status
wc_mc_write_file_atomic(const char * path, const char * text,
                        wc_error_t err)
{
    size_t len = strlen(path), n = strlen(text);
    char * tmp = flint_malloc(len + 32);
    FILE * f;
    int ok;

    snprintf(tmp, len + 32, "%s.tmp.%ld", path, (long) getpid());
    f = fopen(tmp, "w");
    if (f == NULL)
    {
        wc_error_set(err, WC_ERR_IO, -1, "cannot write %s: %s", tmp,
                     strerror(errno));
        flint_free(tmp);
        return WC_ERR_IO;
    }
    ok = (fwrite(text, 1, n, f) == n);
    ok &= (fflush(f) == 0);
    ok &= (fsync(fileno(f)) == 0);
    ok &= (fclose(f) == 0);
    if (!ok || rename(tmp, path) != 0)
    {
        wc_error_set(err, WC_ERR_IO, -1, "cannot write %s: %s", path,
                     strerror(errno));
        remove(tmp);
        flint_free(tmp);
        return WC_ERR_IO;
    }
    flint_free(tmp);
    return WC_OK;
}

void
_wc_mc_checkpoint_header(wc_buf_t buf, const char * quantity,
                         const char * net, uint64_t seed, slong nprobes,
                         slong nvalues, double tol, slong maxiter)
{
    wc_buf_printf(buf, "# weakcorr mc checkpoint 1\n");
    wc_buf_printf(buf, "# quantity %s\n", quantity);
    wc_buf_printf(buf, "# net %s\n", net);
    wc_buf_printf(buf, "# seed %llu probes %ld values %ld\n",
                  (unsigned long long) seed, (long) nprobes, (long) nvalues);
    wc_buf_printf(buf, "# lanczos %.17g %ld\n", tol, (long) maxiter);
}

void
_wc_mc_checkpoint_line(wc_buf_t buf, slong width, slong sample,
                       const double * v, slong nvalues)
{
    slong k;

    wc_buf_printf(buf, "%ld %ld", (long) width, (long) sample);
    for (k = 0; k < nvalues; k++)
        wc_buf_printf(buf, " %.17g", v[k]);
    wc_buf_putc(buf, '\n');
}

/* One line of f into *line (growing it); returns its length, 0 at the
   end of the file, and sets *complete when it ended with a newline. */
static size_t
read_line(char ** line, size_t * alloc, FILE * f, int * complete)
{
    size_t n = 0;
    int c;

    *complete = 0;
    while ((c = getc(f)) != EOF)
    {
        if (n + 2 > *alloc)
        {
            *alloc = FLINT_MAX(256, 2 * *alloc);
            *line = flint_realloc(*line, *alloc);
        }
        (*line)[n++] = (char) c;
        if (c == '\n')
        {
            *complete = 1;
            break;
        }
    }
    if (n > 0)
        (*line)[n] = '\0';
    return n;
}

wc_status
_wc_mc_checkpoint_read(wc_buf_t kept, const char * path,
                       const char * header, slong nvalues,
                       void (*store)(void *, slong, slong, const double *),
                       void * data, int * exists, wc_error_t err)
{
    FILE * f = fopen(path, "r");
    char * line = NULL;
    size_t alloc = 0, n, hlen = strlen(header), hpos = 0;
    double * v = flint_malloc(FLINT_MAX(nvalues, 1) * sizeof(double));
    slong lineno = 0;
    wc_status status = WC_OK;
    int complete;

    *exists = (f != NULL);
    if (f == NULL)
    {
        flint_free(v);
        if (errno == ENOENT)
            return WC_OK;
        return wc_error_set(err, WC_ERR_IO, -1, "cannot read %s: %s", path,
                            strerror(errno));
    }

    while ((n = read_line(&line, &alloc, f, &complete)) > 0)
    {
        lineno++;
        if (hpos < hlen)
        {
            /* The header must be exactly that of this run. */
            if (!complete || n > hlen - hpos
                || strncmp(line, header + hpos, n) != 0)
            {
                const char * want = header + hpos;
                const char * nl = strchr(want, '\n');

                status = wc_error_set(err, WC_ERR_PARSE, -1,
                    "checkpoint %s was written by a different run (line "
                    "%ld is not '%.*s')", path, (long) lineno,
                    (int) FLINT_MIN((nl ? nl - want : 60), 120), want);
                goto cleanup;
            }
            hpos += n;
            continue;
        }
        if (!complete)
            break;   /* torn by an interruption: dropped */
        {
            char * s = line, * end;
            slong w, smp, k;

            w = strtol(s, &end, 10);
            if (end == s)
                goto bad;
            s = end;
            smp = strtol(s, &end, 10);
            if (end == s || w < 1 || smp < 0)
                goto bad;
            s = end;
            for (k = 0; k < nvalues; k++)
            {
                v[k] = strtod(s, &end);
                if (end == s)
                    goto bad;
                s = end;
            }
            while (*s == ' ' || *s == '\t' || *s == '\r')
                s++;
            if (*s != '\n')
                goto bad;
            wc_buf_puts(kept, line);
            store(data, w, smp, v);
            continue;
        bad:
            status = wc_error_set(err, WC_ERR_IO, -1,
                                  "checkpoint %s: line %ld is malformed",
                                  path, (long) lineno);
            goto cleanup;
        }
    }
    if (hpos < hlen && lineno > 0)
        status = wc_error_set(err, WC_ERR_PARSE, -1,
            "checkpoint %s has an incomplete header", path);
    else if (lineno == 0)
        *exists = 0;   /* empty: start afresh */

cleanup:
    fclose(f);
    flint_free(line);
    flint_free(v);
    return status;
}
