/* exact: E[SPEC] at finite width as an exact finite series in n.

   Engines:
     - deep linear networks, any depth, by a transfer over layers of the
       Wick pairings (src/exact/linear*.c);
     - one hidden layer with any supported activation, by a sum over set
       partitions of the neuron indices of single-neuron Gaussian
       expectations (src/exact/onelayer*.c, with the gauss module);
     - deep networks with polynomial activations, by conditional
       expectations of Gram entries layer by layer
       (src/exact/deeppoly*.c);
   and wc_exact_compute chooses among them.  doc/exact.md,
   doc/exact-onelayer.md and doc/exact-deeppoly.md describe the
   algorithms and their accuracy. */

#ifndef WC_EXACT_H
#define WC_EXACT_H

#include "common.h"
#include "spec.h"
#include "series.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Work bound: requests whose estimated number of elementary terms
   exceeds max_terms are refused at once with WC_ERR_RANGE and the
   estimate in the message. */
#define WC_EXACT_DEFAULT_MAX_TERMS 100000000

/* Memory bound of the deep polynomial engine, in bytes of the
   polynomials it holds at once (counted as it goes, an estimate of the
   heap it uses): beyond it the engine stops with WC_ERR_RANGE rather
   than exhaust the machine's memory.  4 GiB. */
#define WC_EXACT_DEFAULT_MAX_MEMORY 4294967296.0

typedef struct
{
    slong prec;        /* bits for ball coefficients (non-polynomial act) */
    slong max_terms;   /* work bound, see above */
    double max_memory; /* memory bound in bytes, see above */
}
wc_exact_options_struct;

typedef wc_exact_options_struct wc_exact_options_t[1];

void wc_exact_options_init(wc_exact_options_t opt);

/* The engine wc_exact_compute takes for a network: deep linear for
   act=linear and for act=poly(0,1) (the same network), one hidden layer
   for any other activation at hidden=1, deep polynomial for act=poly at
   hidden >= 2, none otherwise.  The name is "linear", "onelayer",
   "deeppoly" or "none". */
typedef enum
{
    WC_EXACT_ENGINE_NONE = 0,
    WC_EXACT_ENGINE_LINEAR,
    WC_EXACT_ENGINE_ONELAYER,
    WC_EXACT_ENGINE_DEEPPOLY
}
wc_exact_engine;

wc_exact_engine wc_exact_choose(const wc_net_t net);
const char * wc_exact_engine_name(wc_exact_engine engine);

/* res = E[spec] (the cumulant for connected specs), as a series in the
   common hidden width n, for the network net.  Exact rationals when the
   activation is linear or polynomial; balls containing the true
   coefficients otherwise.  Returns WC_ERR_UNSUPPORTED (with the reason)
   for networks no engine covers, WC_ERR_RANGE beyond the work bound. */
wc_status wc_exact_compute(wc_series_t res, const wc_spec_t spec,
                           const wc_net_t net,
                           const wc_exact_options_t opt, wc_error_t err);

/* The cluster-graph exponent s (an NTK statement, from wc_bound_compute)
   carried over to the parameterisation: s - m/2 for mean-field, where
   every tensor is the NTK one times n_H^(-1/2); s + k for standard,
   where each of the k contracted indices brings the fan-in of its layer
   (at most n; din for the first layer, 1/beta^2 for a bias), so an upper
   bound; s for NTK.  Aliasing res and s is allowed. */
void wc_exact_bound_param(fmpq_t res, const fmpq_t s, const wc_spec_t spec,
                          wc_param_kind param);

/* ------------------------------------------------------------------ */
/* Deep linear networks (act=linear, any depth H, biases, every
   parameterisation), by the transfer over layers of doc/exact.md. */

/* A Laurent polynomial in the hidden widths n_1..n_H with exact rational
   coefficients: the sum over terms of coeffs[i] * n_1^e_1 ... n_H^e_H,
   with the exponents e_1..e_H of term i at exps[i * nvars].  Terms are
   distinct, nonzero and sorted: larger total degree first, then at the
   first width whose exponents differ the larger absolute exponent first
   (a positive one before its negative). */
typedef struct
{
    slong nvars;
    slong length;
    slong alloc;
    fmpq * coeffs;
    slong * exps;
}
wc_mseries_struct;

typedef wc_mseries_struct wc_mseries_t[1];

/* Initialises the zero polynomial in nvars variables. */
void wc_mseries_init(wc_mseries_t s, slong nvars);
void wc_mseries_clear(wc_mseries_t s);
void wc_mseries_swap(wc_mseries_t a, wc_mseries_t b);

/* s += c * n_1^exp[0] ... n_nvars^exp[nvars-1]; keeps the order and drops
   terms that cancel. */
void wc_mseries_add_term(wc_mseries_t s, const slong * exp,
                         const fmpq_t c);

int wc_mseries_equal(const wc_mseries_t a, const wc_mseries_t b);

/* The value at the widths n_l = widths[l - 1] (positive integers). */
void wc_mseries_evaluate_fmpq(fmpq_t v, const wc_mseries_t s,
                              const ulong * widths);

/* The univariate series obtained by setting every width to n. */
void wc_mseries_get_series(wc_series_t res, const wc_mseries_t s);

/* Human form, "3 + 6 n1^-1 + 6 n2^-1 + 12 n1^-1 n2^-1"; "0" when zero. */
void wc_mseries_print_buf(wc_buf_t buf, const wc_mseries_t s);

/* Counters filled by the deep linear engine (pass NULL if not wanted). */
typedef struct
{
    double estimate;      /* a-priori work estimate, weight operations */
    slong operations;     /* weight operations actually performed */
    slong states;         /* largest number of live transfer states */
    slong moebius_terms;  /* partitions of the cumulant groups summed */
}
wc_exact_linear_info_struct;

typedef wc_exact_linear_info_struct wc_exact_linear_info_t[1];

/* res = E[spec] (the joint cumulant for connected specs) for a deep
   linear network with every hidden width equal to n, exact.  Returns
   WC_ERR_UNSUPPORTED for other activations and WC_ERR_RANGE (with the
   estimate in the message) when the work estimate exceeds
   opt->max_terms or the spec exceeds the engine's size limits
   (WC_EXACT_LINEAR_MAX_TENSORS tensors, WC_EXACT_LINEAR_MAX_INDICES
   contracted indices).  info may be NULL. */
#define WC_EXACT_LINEAR_MAX_TENSORS 16
#define WC_EXACT_LINEAR_MAX_INDICES 64

wc_status wc_exact_linear(wc_series_t res, const wc_spec_t spec,
                          const wc_net_t net, const wc_exact_options_t opt,
                          wc_exact_linear_info_t info, wc_error_t err);

/* The same with distinct hidden widths n_1..n_H: res becomes a Laurent
   polynomial in H variables.  Costlier (the weights are multivariate),
   and its work estimate accounts for that. */
wc_status wc_exact_linear_widths(wc_mseries_t res, const wc_spec_t spec,
                                 const wc_net_t net,
                                 const wc_exact_options_t opt,
                                 wc_exact_linear_info_t info,
                                 wc_error_t err);

/* The a-priori work estimate (weight operations) that wc_exact_linear
   (symbolic == 0) or wc_exact_linear_widths (symbolic == 1) compares
   with max_terms; 0 for specs that are zero without computation. */
double wc_exact_linear_estimate(const wc_spec_t spec, const wc_net_t net,
                                int symbolic);

/* The number of configurations (layer assignments of the contracted
   indices, bias start layers and Wick pairings of every layer, all at
   once) that a naive enumeration of E[spec] would visit, summed over
   the Moebius terms of a cumulant; computed by counting, not by
   enumerating.  count is 0 for specs that are zero without computation.
   Returns 1, or 0 (count set to 0) when the counting itself would exceed
   about 10^7 steps or the spec is outside the engine. */
int wc_exact_linear_naive_count(fmpz_t count, const wc_spec_t spec,
                                const wc_net_t net);

/* ------------------------------------------------------------------ */
/* One hidden layer, any activation (doc/exact-onelayer.md).  Neurons are
   i.i.d., so E[SPEC] is a sum over set partitions of the spec's clusters
   ("which clusters sit on the same neuron") of falling factorials of n
   times single-neuron expectations; those are sums over the parameter
   types (output weight V, or first-layer weights and bias) of the
   contracted indices of Gaussian expectations from the gauss module.
   Cumulants: the moment-cumulant formula over partitions of the groups,
   either for every neuron partition that connects the groups (the
   "partitions" route; the others contribute exactly zero) or as moments
   summed by a subset convolution and then combined (the "subsets"
   route). */

#define WC_ONELAYER_AUTO 0          /* the cheaper of the two routes;
                                       partitions for cumulants when
                                       affordable */
#define WC_ONELAYER_PARTITIONS 1    /* enumerate neuron partitions */
#define WC_ONELAYER_SUBSETS 2       /* dynamic programming over subsets */

/* Counters filled by the one-hidden-layer engine. */
typedef struct
{
    double estimate;      /* a-priori work estimate compared to max_terms */
    slong components;     /* clusters of the spec */
    slong assignments;    /* type assignments summed over all blocks */
    slong partitions;     /* neuron partitions (or subset steps) summed */
    slong gauss_calls;    /* distinct single-neuron Gaussian expectations */
    int method;           /* WC_ONELAYER_PARTITIONS or _SUBSETS */
}
wc_exact_onelayer_info_struct;

typedef wc_exact_onelayer_info_struct wc_exact_onelayer_info_t[1];

/* res = E[spec] (the joint cumulant for connected specs) for a network
   with one hidden layer of width n: exact rationals for linear and
   polynomial activations, balls at opt->prec bits otherwise.  Every
   parameterisation and biases are covered.  Returns WC_ERR_UNSUPPORTED
   for hidden != 1 or when a single-neuron expectation is outside the
   gauss module (the reason says which), WC_ERR_RANGE when the estimate
   exceeds opt->max_terms (the estimate is in the message).  info may be
   NULL. */
wc_status wc_exact_onelayer(wc_series_t res, const wc_spec_t spec,
                            const wc_net_t net,
                            const wc_exact_options_t opt,
                            wc_exact_onelayer_info_t info, wc_error_t err);

/* The same with the route chosen by method (WC_ONELAYER_...). */
wc_status wc_exact_onelayer_method(wc_series_t res, const wc_spec_t spec,
                                   const wc_net_t net,
                                   const wc_exact_options_t opt, int method,
                                   wc_exact_onelayer_info_t info,
                                   wc_error_t err);

/* ------------------------------------------------------------------ */
/* Deep networks with polynomial activations (act=poly(...) or
   act=linear, any depth, biases, every parameterisation;
   doc/exact-deeppoly.md).  Every contracted index becomes a Gaussian
   direction in parameter space, every slot a formal perturbation
   parameter, so that the derivative tensors are coefficients of one
   perturbed forward pass; given a layer, the neurons of the next one
   are i.i.d., and the state -- a polynomial in the Gram entries of the
   perturbed activations at a layer boundary -- is replaced layer by
   layer by its conditional expectation (moments of sums of i.i.d.
   vectors, Gaussian moments by Isserlis' theorem).  Cumulants: the
   Moebius sum with one independent copy of the network per block. */

#define WC_EXACT_DEEPPOLY_MAX_TENSORS 32
#define WC_EXACT_DEEPPOLY_MAX_ORDER 12

/* Counters filled by the deep polynomial engine. */
typedef struct
{
    double estimate;      /* a-priori work estimate compared to max_terms */
    double projected;     /* largest projection made after a layer */
    double operations;    /* coefficient products actually performed */
    slong states;         /* largest number of monomials of a state */
    slong closure;        /* largest downward closure of a state */
    slong moments;        /* single-neuron moments computed */
    slong pairs;          /* terms of the moment recursion */
    slong moebius_terms;  /* partitions of the cumulant groups summed */
    double peak_bytes;    /* the most polynomial memory held at once */
}
wc_exact_deeppoly_info_struct;

typedef wc_exact_deeppoly_info_struct wc_exact_deeppoly_info_t[1];

/* res = E[spec] (the joint cumulant for connected specs), exact, for a
   network with every hidden width equal to n whose activation is a
   polynomial (act=linear counts as poly(0,1)); hidden >= 1.  Returns
   WC_ERR_UNSUPPORTED for other activations, WC_ERR_RANGE when the
   a-priori estimate exceeds opt->max_terms (the estimate is in the
   message), when the work done exceeds it after all, when the
   polynomials held at once would exceed opt->max_memory bytes, or
   beyond the size limits (64 slots, i.e. 32 contracted indices;
   WC_EXACT_DEEPPOLY_MAX_TENSORS tensors; tensors of order above
   WC_EXACT_DEEPPOLY_MAX_ORDER).  info may be NULL. */
wc_status wc_exact_deeppoly(wc_series_t res, const wc_spec_t spec,
                            const wc_net_t net,
                            const wc_exact_options_t opt,
                            wc_exact_deeppoly_info_t info, wc_error_t err);

/* The same with distinct hidden widths n_1..n_H: res becomes a Laurent
   polynomial in H variables. */
wc_status wc_exact_deeppoly_widths(wc_mseries_t res, const wc_spec_t spec,
                                   const wc_net_t net,
                                   const wc_exact_options_t opt,
                                   wc_exact_deeppoly_info_t info,
                                   wc_error_t err);

/* The a-priori estimate that wc_exact_deeppoly (symbolic == 0) or
   wc_exact_deeppoly_widths (symbolic == 1) compares with max_terms; 0
   for specs that are zero without computation, HUGE_VAL outside the
   engine. */
double wc_exact_deeppoly_estimate(const wc_spec_t spec, const wc_net_t net,
                                  int symbolic);

#ifdef __cplusplus
}
#endif

#endif
