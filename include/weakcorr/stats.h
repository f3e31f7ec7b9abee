/* stats: per-width summaries of Monte Carlo samples, log-log slope fits
   with confidence intervals that respect the correlation across widths,
   and verdicts against a derived exponent.  doc/stats.md gives the
   estimators and their guarantees. */

#ifndef WC_STATS_H
#define WC_STATS_H

#include "common.h"

#ifdef __cplusplus
extern "C" {
#endif

/* The statistic of the samples X_1..X_N that is fitted against log n. */
typedef enum
{
    WC_STAT_AUTO = 0,   /* mean if it keeps one sign, else rms */
    WC_STAT_MEAN,       /* |mean of X|, with its standard error */
    WC_STAT_RMS,        /* sqrt(mean of X^2) */
    WC_STAT_ABS,        /* mean of |X| */
    WC_STAT_MEDIAN,     /* median of |X| */
    WC_STAT_Q90,        /* 90% quantile of |X| */
    WC_STAT_Q99,        /* 99% quantile of |X| */
    WC_STAT_COUNT
}
wc_stat_kind;

const char * wc_stat_name(wc_stat_kind stat);

/* Parses "mean", "rms", "abs", "median", "q90", "q99" or "auto". */
wc_status wc_stat_parse(wc_stat_kind * stat, const char * text,
                        wc_error_t err);

/* Summary of the samples at one width.  Quantiles of |X| use the
   nearest-rank definition; se is the standard error of the mean
   (sample standard deviation / sqrt(N)).  N counts the finite samples
   only: with N = 0 every statistic is NaN, with N = 1 se is NaN. */
typedef struct
{
    slong width;
    slong samples;
    double mean;
    double se;
    double rms;
    double mean_abs;
    double median;   /* of |X| */
    double q90;      /* of |X| */
    double q99;      /* of |X| */
    slong nonfinite; /* samples that were NaN or infinite (excluded) */
}
wc_stats_row_struct;

void wc_stats_summarise(wc_stats_row_struct * row, const double * x,
                        slong n, slong width);

/* The value of a statistic from a summary row. */
double wc_stats_row_get(const wc_stats_row_struct * row, wc_stat_kind stat);

/* The model fitted to log(statistic) across the widths n. */
typedef enum
{
    WC_STATS_MODEL_POWER = 0,   /* a + slope log n */
    WC_STATS_MODEL_CORRECTED,   /* a + slope log n + correction / n */
    WC_STATS_MODEL_COUNT
}
wc_stats_model;

/* "power" and "corrected" ("unknown" out of range), and their parser
   (WC_ERR_PARSE at position 0 for anything else, *model untouched). */
const char * wc_stats_model_name(wc_stats_model model);
wc_status wc_stats_model_parse(wc_stats_model * model, const char * text,
                               wc_error_t err);

/* The fewest distinct widths the corrected model accepts: three
   parameters, and one degree of freedom left over. */
#define WC_STATS_CORRECTED_MIN_WIDTHS 4

/* A fit of log(statistic) = a + slope * log(n) over the widths.

   x holds nwidths * nsamples values, width by width: x[w * nsamples + s]
   is sample s at width widths[w].  Samples with the same s at different
   widths may be correlated (common random numbers); the confidence
   interval accounts for it by resampling whole sample indices s
   (bootstrap over samples, nboot replicates, seeded by seed, so the same
   inputs give the same interval).  Weights are the inverse variances of
   log(statistic) from the delta method (for the quantiles, from a
   difference quotient of order statistics); they do not depend on the
   seed, and neither does the slope.  AUTO resolves to MEAN when the
   mean keeps one sign and differs from zero by more than two standard
   errors at every width, otherwise to RMS; sign_change records why. */
typedef struct
{
    wc_stat_kind stat;      /* the statistic fitted (AUTO resolved) */
    double slope;
    double intercept;
    double se;              /* bootstrap standard error of the slope */
    double ci_lo;           /* 95% percentile bootstrap interval */
    double ci_hi;
    int sign_change;        /* the mean changes sign or is not resolved */
    wc_stats_model model;   /* the model fitted */
    double correction;      /* c of the corrected model (0 for POWER) */
    double correction_se;   /* its bootstrap standard error (0 for POWER) */
    slong nboot;
    slong samples;          /* sample indices used: finite at every width */
    slong nonfinite;        /* sample indices dropped (non-finite at some
                               width) */
}
wc_stats_fit_struct;

/* Bootstrap replicates used when wc_stats_fit is passed nboot = 0. */
#define WC_STATS_NBOOT_DEFAULT 1000

/* The smallest nboot wc_stats_fit accepts: the 2.5% and 97.5% points of
   fewer replicates are not defined by distinct order statistics. */
#define WC_STATS_NBOOT_MIN 40

/* The largest nboot wc_stats_fit accepts (a work bound: the interval's
   Monte Carlo error is negligible long before). */
#define WC_STATS_NBOOT_MAX 10000000

/* Returns WC_ERR_RANGE when fewer than two widths, fewer than 8 samples,
   or a statistic that is zero or not finite at some width prevent a fit
   (with the reason in err).  Also WC_ERR_RANGE: a width below 1, all
   widths equal, nboot < 0, 0 < nboot < WC_STATS_NBOOT_MIN or nboot >
   WC_STATS_NBOOT_MAX (nboot = 0 means WC_STATS_NBOOT_DEFAULT), an
   unknown stat, and a statistic that is zero in some bootstrap replicate
   (the samples do not resolve it).  A sample index that is non-finite
   at any width is dropped at every width; fewer than 8 remaining is an
   error.  On error the slope, intercept, se and interval are NaN. */
wc_status wc_stats_fit(wc_stats_fit_struct * fit, const double * x,
                       const slong * widths, slong nwidths, slong nsamples,
                       wc_stat_kind stat, slong nboot, ulong seed,
                       wc_error_t err);

/* As wc_stats_fit (which is this with WC_STATS_MODEL_POWER), for either
   model.  WC_STATS_MODEL_CORRECTED fits
       log(statistic) = a + slope log n + correction / n,
   the finite-width correction that moments carry exactly (they are
   Laurent series in n) and means of |X| and quantiles under the
   assumption doc/stats.md states, by weighted least squares with the
   same weights and the same bootstrap; its interval for the slope is
   wider (about 2.8 times for widths 64..1024) but does not carry the
   bias c/n leaves in a pure power law.  Further WC_ERR_RANGE cases: an
   unknown model; for CORRECTED, fewer than WC_STATS_CORRECTED_MIN_WIDTHS
   distinct widths, or widths so close together that log n and 1/n cannot
   be told apart (the slope's standard error would grow more than 10^4
   times).  On error correction and correction_se are NaN too. */
wc_status wc_stats_fit_model(wc_stats_fit_struct * fit, const double * x,
                             const slong * widths, slong nwidths,
                             slong nsamples, wc_stat_kind stat,
                             wc_stats_model model, slong nboot, ulong seed,
                             wc_error_t err);

typedef enum
{
    WC_VERDICT_TIGHT = 0,   /* consistent with a tight bound */
    WC_VERDICT_NOT_TIGHT,   /* the bound holds but is not tight */
    WC_VERDICT_VIOLATED,    /* measured growth exceeds the bound */
    WC_VERDICT_ZERO,        /* exactly zero, and consistent with zero */
    WC_VERDICT_INCONCLUSIVE /* the data cannot tell */
}
wc_verdict;

const char * wc_verdict_name(wc_verdict v);

/* The verdict of a fitted slope against a predicted exponent: TIGHT when
   the 95% interval contains it, NOT_TIGHT when the interval lies wholly
   below it, VIOLATED when wholly above.  For a quantity the theory says
   is exactly zero, use wc_stats_verdict_zero. */
wc_verdict wc_stats_verdict(const wc_stats_fit_struct * fit,
                            double exponent);

/* As wc_stats_verdict, but TIGHT only when the interval also excludes
   exponent - resolution (the next lower candidate order; the cluster-graph
   rule predicts multiples of 1/2), INCONCLUSIVE when it does not.  Both
   verdict functions return INCONCLUSIVE for a non-finite or empty
   interval or a non-finite exponent. */
wc_verdict wc_stats_verdict_resolved(const wc_stats_fit_struct * fit,
                                     double exponent, double resolution);

/* The verdict of wc_stats_verdict_resolved on the corrected fit when it
   is one (model CORRECTED) with a usable interval, else on the power fit;
   *decided (unless NULL) records which.  So VIOLATED only when the
   corrected interval lies wholly above the exponent, NOT_TIGHT only when
   it lies wholly below, TIGHT only when it contains the exponent and
   excludes exponent - resolution.  Either fit may be NULL (both NULL:
   INCONCLUSIVE, *decided POWER).  doc/stats.md says why the power fit
   does not overrule the corrected one. */
wc_verdict wc_stats_verdict_corrected(wc_stats_model * decided,
                                      const wc_stats_fit_struct * power,
                                      const wc_stats_fit_struct * corrected,
                                      double exponent, double resolution);

/* ZERO when every width's mean is within z_crit standard errors of zero
   (z_crit from a Bonferroni correction at overall level alpha across the
   widths), VIOLATED otherwise.  INCONCLUSIVE when alpha is not in (0, 1),
   nwidths < 1, or no width violates but some width has fewer than 2
   samples or a non-finite mean or standard error. */
wc_verdict wc_stats_verdict_zero(const wc_stats_row_struct * rows,
                                 slong nwidths, double alpha);

/* The standard normal distribution function Phi(x) = erfc(-x/sqrt 2)/2
   and its inverse.  wc_stats_normal_quantile(p) returns -inf at p = 0,
   +inf at p = 1 and NaN outside [0, 1]; doc/stats.md states the
   accuracy of both. */
double wc_stats_normal_cdf(double x);
double wc_stats_normal_quantile(double p);

#ifdef __cplusplus
}
#endif

#endif
