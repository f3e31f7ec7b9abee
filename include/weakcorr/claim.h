/* claim (report module): one scaling claim checked three ways.

   A claim is a quantity measured on a network (a SPEC, or a per-sample
   norm |C[D,d]|): the order module's bound on the statistic that is
   measured, the exact series where an exact engine reaches, and a Monte
   Carlo sweep (mc.h), compared width by width and summed up in a verdict.
   weakcorr check prints one claim; weakcorr table one claim per row. */

#ifndef WC_CLAIM_H
#define WC_CLAIM_H

#include "common.h"
#include "spec.h"
#include "series.h"
#include "stats.h"
#include "exact.h"
#include "mc.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Overall level of the test of the estimates against the exact values
   across the widths (Bonferroni). */
#define WC_CLAIM_ALPHA 0.01

/* The bootstrap seed of the corrected fit (the default run seed). */
#define WC_CLAIM_BOOT_SEED 1

typedef struct
{
    /* The bound: on E[X] for a SPEC (the cumulant for var/cum), on |C|
       for a norm, carried over to the parameterisation (see
       wc_exact_bound_param); and on one sample's size, from E[X X']. */
    int have_bound;
    fmpq_t bound;
    int bound_zero;
    int have_typical;
    fmpq_t typical;
    char bound_note[160];

    /* The exact series: E[SPEC], or for a norm E[|C|^2]
       (exact_of_square).  exact_model is NULL when the series is for the
       claim's own network, else what differs in the network it is exact
       for ("hidden=1"). */
    int have_exact;
    wc_series_t series;
    int lead_status;       /* as wc_series_leading_power */
    slong lead;
    int exact_of_square;
    char * exact_model;
    char exact_note[256];

    /* Estimates against the exact values (own network, SPEC only). */
    slong nwidths;
    int have_z;
    double * exact_value;  /* per width, NaN where unknown */
    double * z;
    double z_crit;
    int exact_consistent;

    /* The fit with a finite-width correction (stats.h,
       WC_STATS_MODEL_CORRECTED: log stat = a + slope log n + c/n) of the
       statistic the Monte Carlo fit used, made by wc_claim_decide when
       the sweep has at least WC_STATS_CORRECTED_MIN_WIDTHS widths;
       corrected_note says why there is none otherwise.  Its bootstrap
       has the Monte Carlo fit's number of replicates and seed
       WC_CLAIM_BOOT_SEED (the result does not record the run's seed). */
    int have_corrected;
    wc_stats_fit_struct corrected;
    char corrected_note[256];

    /* The verdict on the bound.  verdict_from_fit is set when a slope
       fit decided it (not the zero rule), and verdict_model says which:
       the corrected fit whenever there is one (wc_stats_verdict_corrected),
       else the power law.  power_verdict is the power law's own verdict,
       for comparison (INCONCLUSIVE when no fit decided). */
    int have_predicted;
    double predicted;
    wc_verdict verdict;
    const char * verdict_text;
    int verdict_from_fit;
    wc_stats_model verdict_model;
    wc_verdict power_verdict;
}
wc_claim_struct;

typedef wc_claim_struct wc_claim_t[1];

void wc_claim_init(wc_claim_t c);
void wc_claim_clear(wc_claim_t c);

/* The bounds for quantity q on net. */
void wc_claim_bound(wc_claim_t c, const wc_mc_quantity_t q,
                    const wc_net_t net);

/* The exact series: of E[SPEC] on net, or of E[|C[D,d]|^2] for a norm
   with D <= 1.  When no engine covers net and fallback is set, the same
   quantity on one hidden layer with net's activation (the model is then
   recorded in exact_model).  Failures leave have_exact = 0 and the
   reason in exact_note. */
void wc_claim_exact(wc_claim_t c, const wc_mc_quantity_t q,
                    const wc_net_t net, const wc_exact_options_t opt,
                    int fallback);

/* Compares the Monte Carlo result with the exact series (when it is
   E[SPEC] on the claim's own network) and decides the verdict: the zero
   rule when the theory says exactly zero; otherwise the slope against
   the predicted exponent, from the corrected fit when res has at least
   WC_STATS_CORRECTED_MIN_WIDTHS widths and its per-sample values
   (VIOLATED only when the corrected interval lies wholly above the
   exponent, NOT_TIGHT only when wholly below, TIGHT when it contains the
   exponent and excludes the exponent - 1/2), else from res->fit. */
void wc_claim_decide(wc_claim_t c, const wc_mc_quantity_t q,
                     const wc_mc_result_t res, slong prec);

/* The standard error of a statistic of the samples at one width (the
   row's se for the mean; the delta method for the RMS and mean |X|; the
   binomial order-statistic interval for the median and quantiles). */
double wc_claim_stat_error(const double * x, slong n, wc_stat_kind stat);

#ifdef __cplusplus
}
#endif

#endif
