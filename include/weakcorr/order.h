/* order: width orders of random tensors and of correlation functions.

   An order is O(n^e) with e an exact rational, in the probabilistic sense
   of doc/order.md: M_n = O(n^e) when P(|M_n| <= g(n)) -> 1 for every g with
   g(n) / n^e -> infinity.  The cluster-graph rule (Dyer & Gur-Ari 2019)
   bounds the expectation of a product of contracted derivative tensors;
   the module also bounds joint cumulants through their connected
   diagrams, applies the parity rule, and gives the orders of the
   derivative correlations C^{D,d} of Shem-Ur & Oz (2024). */

#ifndef WC_ORDER_H
#define WC_ORDER_H

#include "common.h"
#include "spec.h"

#ifdef __cplusplus
extern "C" {
#endif

/* ------------------------------------------------------------------ */
/* The algebra of orders. */

#define WC_ORDER_ZERO 1    /* identically zero */
#define WC_ORDER_TIGHT 2   /* n^e is the definite (tight) bound */

typedef struct
{
    fmpq_t exp;
    int flags;
}
wc_order_struct;

typedef wc_order_struct wc_order_t[1];

void wc_order_init(wc_order_t x);
void wc_order_clear(wc_order_t x);
void wc_order_set(wc_order_t res, const wc_order_t x);

/* O(n^e), as an upper bound (tight == 0) or the definite bound. */
void wc_order_set_fmpq(wc_order_t res, const fmpq_t e, int tight);
void wc_order_set_si(wc_order_t res, slong p, ulong q, int tight);
void wc_order_zero(wc_order_t res);

int wc_order_is_zero(const wc_order_t x);
int wc_order_is_tight(const wc_order_t x);

/* Product of two random scalars, or the contraction of two random tensors
   over shared indices (|<A, B>| <= |A| |B| in Euclidean and subordinate
   norms): O(n^a) O(n^b) = O(n^(a+b)).  Never tight: factors can cancel. */
void wc_order_mul(wc_order_t res, const wc_order_t x, const wc_order_t y);

/* Multiplication by the deterministic factor n^e: tightness is kept. */
void wc_order_mul_n_pow(wc_order_t res, const wc_order_t x, const fmpq_t e);

/* x^k for k >= 0; |X|^k has the order of X to the k (tight kept). */
void wc_order_pow_ui(wc_order_t res, const wc_order_t x, ulong k);

/* Sum: O(n^a) + O(n^b) = O(n^max(a,b)).  Tight when the larger term is
   tight and the other is strictly smaller (it is then o_P of the first). */
void wc_order_add(wc_order_t res, const wc_order_t x, const wc_order_t y);

/* From a moment bound to the variable: E[|X|^k] = O(n^e) gives
   X = O(n^(e/k)) by Markov's inequality; never tight. */
void wc_order_from_moment(wc_order_t res, const wc_order_t moment, ulong k);

/* Comparison of the classes: negative if O(x) is strictly contained in
   O(y), 0 if equal, positive otherwise.  Zero precedes everything. */
int wc_order_cmp(const wc_order_t x, const wc_order_t y);

/* "O(n^-1/2)", "0", and "Theta(n^-1)" when tight. */
char * wc_order_get_str(const wc_order_t x);

/* ------------------------------------------------------------------ */
/* The cluster graph of a spec: one vertex per tensor, an edge between two
   tensors sharing an index (two shared indices are still one edge; an
   index shared by a tensor with itself adds no edge). */

typedef struct
{
    slong m;
    slong ncomp;
    slong * comp;     /* comp[i]: the component of tensor i */
    slong * size;     /* size[c]: number of tensors in component c */
    slong * first;    /* members of component c are member[first[c] ..] */
    slong * member;   /* tensors listed component by component, ascending */
    slong n_even;
    slong n_odd;
    slong nedges;
    slong * edge;     /* 2 * nedges endpoints, i < j, sorted */
}
wc_cluster_graph_struct;

typedef wc_cluster_graph_struct wc_cluster_graph_t[1];

/* Components are numbered by their smallest tensor, in increasing order. */
void wc_cluster_graph_init(wc_cluster_graph_t g, const wc_spec_t spec);
void wc_cluster_graph_clear(wc_cluster_graph_t g);

/* ------------------------------------------------------------------ */
/* The bound on a correlation function. */

typedef struct
{
    wc_cluster_graph_t graph;
    fmpq_t exponent;      /* E[spec] or the cumulant is O(n^exponent) */
    int zero;             /* odd m: exactly zero by V -> -V symmetry */

    /* The counting behind the exponent: the rule's maximal number of free
       neuron-index sums ("blocks") is blocks, exponent = blocks - m/2
       (a half-integer count 'blocks' when n_odd is odd). */
    fmpq_t blocks;

    /* Cumulants only (ngroups >= 2): the groups joined through shared
       components ("parts"), how many parts still hold odd clusters after
       those are paired across parts, and the number of blocks given up to
       connect them. */
    slong ngroups;
    slong nparts;
    slong nparts_odd;
    slong links_paid;
}
wc_bound_struct;

typedef wc_bound_struct wc_bound_t[1];

void wc_bound_init(wc_bound_t b);
void wc_bound_clear(wc_bound_t b);

/* The cluster-graph bound on spec: s = n_e + n_o/2 - m/2 for E[prod T],
   and for a joint cumulant the largest such count over the diagrams that
   connect every argument (doc/order.md derives the closed form).  The
   coefficient of spec plays no role unless it is zero. */
void wc_bound_compute(wc_bound_t b, const wc_spec_t spec);

/* The same bound as an order (zero when the parity rule applies). */
void wc_bound_get_order(wc_order_t res, const wc_bound_t b);

/* The derivation in words, a few sentences.  Free with wc_free. */
char * wc_bound_explain(const wc_bound_t b, const wc_spec_t spec);

/* Reference implementation of the cumulant bound by exhaustive search
   over the ways to merge clusters into blocks; exponential in the number
   of clusters (at most 12 accepted), for tests. */
void wc_bound_cumulant_brute(fmpq_t exponent, const wc_spec_t spec);

/* ------------------------------------------------------------------ */
/* Typical sizes. */

/* res = X X' with X' a copy of spec on fresh indices: the second moment
   of the random variable X whose expectation spec is.  Plain products
   only (a connected spec gives its groups' product). */
void wc_spec_square(wc_spec_t res, const wc_spec_t spec);

/* The order of one sample's value X of a plain spec, from the
   cluster-graph bound on E[X X'] by Markov's inequality: the order a
   root mean square or a quantile of |X| follows.  Returns 0 (leaving res
   alone) for connected specs, which have no per-sample value. */
int wc_order_typical(wc_order_t res, const wc_spec_t spec);

/* ------------------------------------------------------------------ */
/* The derivative correlations C^{D,d}. */

/* The order of |C^{D,d}| (C^{0,d} itself when D == 0), from the
   cluster-graph bound on its second moment E[|C^{D,d}|^2] by Markov's
   inequality. */
void wc_order_cdd(wc_order_t res, slong D, slong d);

/* The order of E[C^{0,d}] (zero when d is even, by parity). */
void wc_order_cdd_mean(wc_order_t res, slong d);

/* The weak-correlation rate m(n) = n^k guaranteed by the orders of
   C^{D,d} with 2 <= D + d <= dmax: in the fixed sense (C^{0,d} = O(1/m),
   d >= 2; C^{D,d} = O(m^(-1/2)), D, d >= 1) and in the exponential sense
   (C^{D,d} = O(m^(-d/2)) except the NTK).  The orders are upper bounds,
   so these rates are lower bounds on the true ones. */
void wc_order_weak_rate(fmpq_t k_fixed, fmpq_t k_exp, slong dmax);

#ifdef __cplusplus
}
#endif

#endif
