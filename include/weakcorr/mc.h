/* mc: Monte Carlo estimates on real finite-width networks across a width
   sweep, and the fitted width exponent.

   Sample s at width n is the network whose parameters the generator
   (rng.h) assigns to (seed, s): the width-n network is the leading block
   of the width-2n one, so the same s at different widths gives strongly
   correlated values (common random numbers), which the slope fit of
   stats.h exploits and accounts for.  Every (width, sample) result is a
   pure function of (SPEC, NET, seed, width, sample): the output does not
   depend on the number of threads or on interruptions and resumptions.
   doc/mc.md has the estimators, their standard errors and the exact
   values the tests check them against. */

#ifndef WC_MC_H
#define WC_MC_H

#include <signal.h>
#include <stdint.h>

#include "common.h"
#include "spec.h"
#include "stats.h"

#ifdef __cplusplus
extern "C" {
#endif

/* ------------------------------------------------------------------ */
/* What is measured. */

typedef enum
{
    WC_MC_SPEC = 0,    /* a SPEC: E[...] or a cumulant */
    WC_MC_NORM,        /* |C[D,d]|, D <= 1: |C^{0,d}| or ||C^{1,d}||_2 */
    WC_MC_OPNORM       /* |C[2,d]|_op: the spectral norm of C^{2,d} */
}
wc_mc_kind;

typedef struct
{
    wc_mc_kind kind;
    wc_spec_t spec;        /* WC_MC_SPEC */
    slong D, d;            /* the norms */
    slong x_main, x_grad;  /* their input labels */
}
wc_mc_quantity_struct;

typedef wc_mc_quantity_struct wc_mc_quantity_t[1];

void wc_mc_quantity_init(wc_mc_quantity_t q);
void wc_mc_quantity_clear(wc_mc_quantity_t q);

/* A SPEC, or one of the per-sample norms
       |C[D,d]|        D = 0 or 1 (the absolute value or Euclidean norm),
       |C[2,d]|_op     the spectral norm,
   each optionally followed by input labels (x1) or (x1,x2) as for C[D,d]
   in a SPEC.  Errors are positioned (WC_ERR_PARSE); |C[D,d]| with D >= 2
   is WC_ERR_UNSUPPORTED with the reason. */
wc_status wc_mc_quantity_parse(wc_mc_quantity_t q, const char * text,
                               wc_error_t err);

/* Canonical text (the SPEC in index form, or the norm).  Free with
   wc_free. */
char * wc_mc_quantity_get_str(const wc_mc_quantity_t q);

/* ------------------------------------------------------------------ */
/* Widths. */

/* "64,128,256" (any positive integers, strictly increasing) or the
   doubling range "64..4096" (lo, 2 lo, 4 lo, ... up to hi; hi must be lo
   times a power of two).  At most 64 widths, each at most 2^24.  On
   success *widths is allocated with flint_malloc. */
wc_status wc_mc_widths_parse(slong ** widths, slong * nwidths,
                             const char * text, wc_error_t err);

/* ------------------------------------------------------------------ */
/* Cumulant estimators. */

#define WC_MC_MAX_CUMULANT 6

/* The unbiased estimator (a U-statistic: Fisher's k-statistics and their
   joint generalisation) of the joint cumulant of k variables from N
   joint samples y[s k + g]: the sum over set partitions pi of the
   variables of (-1)^(|pi|-1) (|pi|-1)! times the U-statistic of
   prod_{B in pi} E[prod_{g in B} Y_g] over distinct samples.  With
   pseudo != NULL, also the jackknife pseudo-values
   N kappa - (N - 1) kappa_(-s), whose mean is kappa and whose standard
   error is the jackknife standard error.  Needs N >= k + 1 and
   1 <= k <= WC_MC_MAX_CUMULANT (WC_ERR_RANGE otherwise). */
wc_status wc_mc_cumulant(double * kappa, double * pseudo, const double * y,
                         slong N, slong k, wc_error_t err);

/* ------------------------------------------------------------------ */
/* Runs. */

/* Called after every completed (width, sample), from one thread at a
   time: done counts completed results (resumed ones included) out of
   total. */
typedef void (*wc_mc_progress_fn)(void * data, slong done, slong total,
                                  slong width);

#define WC_MC_STORE_AUTO (-2)

typedef struct
{
    slong * widths;
    slong nwidths;
    slong samples;
    uint64_t seed;
    slong threads;
    wc_stat_kind stat;
    slong nprobes;          /* probe sets per sample for SPECs with cycles */
    slong nboot;            /* bootstrap replicates of the fit (0: default) */
    const char * checkpoint;    /* NULL: none */
    slong max_stored;       /* weight matrices with more entries are
                               regenerated when needed (-1: store all;
                               WC_MC_STORE_AUTO: store the hidden
                               matrices only when a sample reads them
                               more than once) */
    double lanczos_tol;     /* |C[2,d]|_op: relative residual */
    slong lanczos_maxiter;
    wc_mc_progress_fn progress;
    void * progress_data;
    volatile sig_atomic_t * cancel;   /* nonzero: stop taking work */
}
wc_mc_options_struct;

typedef wc_mc_options_struct wc_mc_options_t[1];

/* Defaults: samples 100, seed 1, one thread, stat auto, one probe set,
   nboot 0, no checkpoint, max_stored WC_MC_STORE_AUTO, Lanczos tolerance
   1e-6 and at most 500 steps.  widths must be set. */
void wc_mc_options_init(wc_mc_options_t opt);

typedef struct
{
    slong nwidths;
    slong samples;
    slong * widths;
    slong nvalues;          /* values per sample (cumulant arguments) */
    double * values;        /* nwidths x samples x nvalues, as computed */
    double * x;             /* nwidths x samples: the per-sample values
                               whose mean estimates the quantity (for a
                               cumulant: the jackknife pseudo-values) */
    wc_stats_row_struct * rows;
    int cumulant;           /* estimated by wc_mc_cumulant */
    int probes;             /* an unbiased probe estimate per sample */
    wc_stat_kind stat;      /* requested */
    int have_fit;
    wc_stats_fit_struct fit;
    char fit_note[256];     /* why there is no fit, if there is none */
    slong resumed;          /* results read from the checkpoint */
    slong computed;         /* results computed by this run */
    double max_resid;       /* |C[2,d]|_op: largest relative residual */
    slong max_iters;        /* and most Lanczos steps */
}
wc_mc_result_struct;

typedef wc_mc_result_struct wc_mc_result_t[1];

void wc_mc_result_init(wc_mc_result_t res);
void wc_mc_result_clear(wc_mc_result_t res);

/* Runs the sweep.  Returns
     WC_ERR_UNSUPPORTED for a quantity the engine does not evaluate (the
       reason and position in err), or a statistic that does not apply;
     WC_ERR_RANGE for options out of range;
     WC_ERR_IO when the checkpoint cannot be read or written;
     WC_ERR_PARSE when the checkpoint belongs to a different run;
     WC_ERR_INTERRUPTED when cancel was raised: res holds the counts and
       the checkpoint every finished result.
   The fit needs two widths and eight samples; without them the run
   succeeds with have_fit = 0 and the reason in fit_note. */
wc_status wc_mc_run(wc_mc_result_t res, const wc_mc_quantity_t q,
                    const wc_net_t net, const wc_mc_options_t opt,
                    wc_error_t err);

/* Writes text to path atomically: a temporary file in the same directory,
   then rename(2), so that path never holds a partial file. */
wc_status wc_mc_write_file_atomic(const char * path, const char * text,
                                  wc_error_t err);

#ifdef __cplusplus
}
#endif

#endif
