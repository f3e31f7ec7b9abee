/* Benchmark of the deep polynomial exact engine: for a set of correlators
   and activations, the depth is raised until a run takes more than a
   minute (or the work bound of 2 10^9 operations stops it), and the
   table gives the time of each run, the a-priori estimate, the
   operations done, the largest state and closure, the number of terms
   of the result and the most polynomial memory held at once (memory
   bound 16 GiB); the summary gives the deepest network answered
   within a second and within a minute.  Times are CPU seconds of one run
   on one thread.  A depth whose time, extrapolated from the growth
   between the two depths before it, would exceed ten times the limit is
   not run (the line says so; only when the earlier of the two took half
   a second or more, as shorter times are too noisy to extrapolate), and
   every run is a child process limited to ten times the limit in CPU
   time.  WC_BENCH_QUICK=1 stops at 5 seconds instead (for a smoke run);
   an argument k starts at the k-th case (from 0), to resume a long run. */

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>
#include <sys/resource.h>
#include <sys/wait.h>

#include "weakcorr.h"

typedef struct
{
    const char * spec;
    const char * act;
}
bench_case;

/* One run of case c at depth H, printing its table line; *t receives
   its CPU time.  1 when answered, 0 when refused or stopped. */
static int
run_one(const bench_case * c, slong H, double * t)
{
    wc_spec_t spec;
    wc_net_t net;
    wc_series_t s;
    wc_exact_options_t opt;
    wc_exact_deeppoly_info_t info;
    wc_error_t err;
    wc_status st;
    char net_text[256];
    clock_t t0;

    snprintf(net_text, sizeof(net_text), "hidden=%ld,act=%s", (long) H,
             c->act);
    wc_spec_init(spec);
    wc_net_init(net);
    wc_series_init(s);
    wc_exact_options_init(opt);
    opt->max_terms = 2000000000;
    opt->max_memory = 16.0 * 1073741824.0;
    wc_error_init(err);
    if (wc_spec_parse(spec, c->spec, err) != WC_OK
        || wc_net_parse(net, net_text, err) != WC_OK)
    {
        printf("parse error: %s\n", err->msg);
        exit(1);
    }
    t0 = clock();
    st = wc_exact_deeppoly(s, spec, net, opt, info, err);
    *t = (double) (clock() - t0) / CLOCKS_PER_SEC;

    if (st != WC_OK)
        printf("%-22s %-24s %3ld %10.3g %10.3g %10s %8s %8s %6s %8s  "
               "not answered: %s\n", c->spec, c->act, (long) H, *t,
               info->estimate, "-", "-", "-", "-", "-", err->msg);
    else
        printf("%-22s %-24s %3ld %10.3g %10.3g %10.3g %8ld %8ld %6ld "
               "%8.1f\n", c->spec, c->act, (long) H, *t, info->estimate,
               info->operations, (long) info->states,
               (long) info->closure, (long) s->len,
               info->peak_bytes / 1048576.0);
    fflush(stdout);
    wc_series_clear(s);
    wc_net_clear(net);
    wc_spec_clear(spec);
    return st == WC_OK;
}

/* run_one in a child process limited to cpu_limit seconds of CPU, so
   that a depth far beyond the limit costs no more than that; the child
   reports its time and outcome through a pipe.  A child stopped by the
   limit prints a line saying so and counts as not answered. */
static int
run_limited(const bench_case * c, slong H, double cpu_limit, double * t)
{
    int fd[2], status;
    double msg[2];
    pid_t pid;

    fflush(stdout);
    if (pipe(fd) != 0 || (pid = fork()) < 0)
        return run_one(c, H, t);
    if (pid == 0)
    {
        struct rlimit rl;

        close(fd[0]);
        rl.rlim_cur = rl.rlim_max = (rlim_t) ceil(cpu_limit);
        setrlimit(RLIMIT_CPU, &rl);
        msg[0] = (double) run_one(c, H, msg + 1);
        if (write(fd[1], msg, sizeof(msg)) != (ssize_t) sizeof(msg))
            _exit(1);
        _exit(0);
    }
    close(fd[1]);
    if (read(fd[0], msg, sizeof(msg)) != (ssize_t) sizeof(msg))
    {
        msg[0] = 0.0;
        msg[1] = cpu_limit;
    }
    close(fd[0]);
    waitpid(pid, &status, 0);
    if (WIFSIGNALED(status))
        printf("%-22s %-24s %3ld  stopped at the CPU limit of %g s\n",
               c->spec, c->act, (long) H, cpu_limit);
    *t = msg[1];
    return msg[0] != 0.0;
}

int
main(int argc, char ** argv)
{
    static const bench_case cases[] = {
        { "f f", "poly(0,1,1)" },
        { "ntk", "poly(0,1,1)" },
        { "f^4", "poly(0,1,1)" },
        { "var(ntk)", "poly(0,1,1)" },
        { "f_a f_b f_ab f", "poly(0,1,1)" },
        { "f_a f_b f_c f_abc", "poly(0,1,1)" },
        { "|C[1,1]|^2", "poly(0,1,1)" },
        { "C[0,2]^2", "poly(0,1,1)" },
        { "|C[1,2]|^2", "poly(0,1,1)" },
        { "C[0,3]^2", "poly(0,1,1)" },
        { "ntk", "poly(0,1,0,1)" },
        { "var(ntk)", "poly(0,1,0,1)" },
        { "f_a f_b f_ab f", "poly(0,1,0,1)" },
        { "var(ntk)", "poly(1,1,1/2),bias=1" },
        { "f_a(x1) f_a(x2)", "poly(0,1,1),x1=2" },
        { "var(f_a(x1) f_a(x2))", "poly(0,1,1),x1=2" }
    };
    slong nc = sizeof(cases) / sizeof(cases[0]), i, H, first = 0;
    double limit = getenv("WC_BENCH_QUICK") ? 5.0 : 60.0;

    if (argc > 1)
        first = atol(argv[1]);

    printf("deep polynomial exact engine (act=poly, param=ntk, din=1, "
           "x = 1, one thread, CPU seconds)\n\n");
    printf("%-22s %-24s %3s %10s %10s %10s %8s %8s %6s %8s\n",
           "correlator", "activation", "H", "time (s)", "estimate",
           "operations", "states", "closure", "terms", "MiB");

    for (i = first; i < nc; i++)
    {
        slong best1 = 0, best60 = 0;
        double t1 = 0.0, t2 = 0.0;   /* the times of H - 1 and H - 2 */

        for (H = 1; H <= 64; H++)
        {
            double t;
            int ok;

            if (H >= 3 && t2 >= 0.5 && t1 * (t1 / t2) > 10.0 * limit)
            {
                printf("%-22s %-24s %3ld  not run: about %.3g s by the "
                       "growth from H = %ld\n", cases[i].spec, cases[i].act,
                       (long) H, t1 * (t1 / t2), (long) H - 1);
                break;
            }
            ok = run_limited(cases + i, H, 10.0 * limit, &t);
            if (ok && t <= 1.0)
                best1 = H;
            if (ok && t <= limit)
                best60 = H;
            t2 = t1;
            t1 = FLINT_MAX(t, 1e-6);
            if (!ok || t > limit)
                break;
        }
        printf("%-22s %-24s deepest within 1 s: H = %ld, within %g s: "
               "H = %ld\n\n", cases[i].spec, cases[i].act, (long) best1,
               limit, (long) best60);
    }
    return 0;
}
