/* net: double-precision evaluation of the fully connected networks of
   doc/spec.md at finite width, with exact derivatives (no finite
   differences):

     z^1 = W^1 x / sqrt(din) + beta b^1,
     z^l = W^l s(z^(l-1)) / sqrt(n_(l-1)) + beta b^l,   l = 2..H,
     f   = alpha V . s(z^H),   alpha = n_H^(-1/2) (ntk, standard), 1/n_H (mf),

   every parameter N(0,1).  The engine works in these (NTK) coordinates;
   the standard parameterisation differs by a diagonal change of
   coordinates, which enters as the metric g of wc_mlp_metric in every
   contraction.

   Derivatives come from truncated multivariate Taylor polynomials
   ("jets") of f(theta + t_1 v_1 + ... + t_r v_r) propagated through the
   network, and from the Taylor expansion of the gradient along the same
   curve (forward-over-reverse).  Parameter-space vectors are kept in the
   structured form the network gives them: per weight matrix a sum of
   rank-one terms (backward vector times forward vector), plus an optional
   dense block.  doc/net.md has the algorithms and their error analysis. */

#ifndef WC_NET_H
#define WC_NET_H

#include "common.h"
#include "spec.h"
#include "rng.h"

#ifdef __cplusplus
extern "C" {
#endif

/* ------------------------------------------------------------------ */
/* Activations. */

/* Highest derivative order the engine uses (jets of total degree up to
   WC_JET_MAX_ORDER need one more for the backward pass). */
#define WC_ACT_MAX_DERIV 10

/* d[k] = s^(k)(z) for 0 <= k <= kmax <= WC_ACT_MAX_DERIV.  relu: s' is
   the step with s'(0) = 0 and higher derivatives are 0.  gelu is
   z Phi(z) with Phi the normal distribution function.  poly uses the
   coefficients c_0..c_{len-1}.  Accuracy in doc/net.md. */
void wc_act_derivs(double * d, slong kmax, double z, wc_act_kind act,
                   const double * poly, slong poly_len);

/* ------------------------------------------------------------------ */
/* A network at one width with the weights of one Monte Carlo sample. */

typedef struct
{
    slong hidden;          /* H */
    slong width;           /* n = n_1 = ... = n_H */
    slong din;
    slong * n;             /* n[0] = din, n[1..H] = width */
    wc_act_kind act;
    slong poly_len;
    double * poly;
    wc_param_kind param;
    double beta;           /* bias multiplier; 0: no biases */
    double alpha;          /* output multiplier */

    /* Weights: W[l] (l = 1..H) row-major n[l] x n[l-1], b[l], V.  W[l]
       is NULL for a streamed layer, whose rows are regenerated from the
       generator whenever they are needed. */
    double ** W;
    double ** b;
    double * V;
    int * stored;          /* stored[l]: W[l] is kept in memory */
    int * ready;           /* ready[l]: W[l] has been generated */
    double * rowbuf;       /* one row, for streamed layers */

    uint64_t seed;
    uint32_t sample;
    int have_sample;       /* the weights belong to (seed, sample) */
}
wc_mlp_struct;

typedef wc_mlp_struct wc_mlp_t[1];

/* A network of the given width for net (inputs are not part of it).
   Weight matrices with more than max_stored entries are streamed
   (max_stored < 0: store every layer).  The weights are undefined until
   wc_mlp_draw. */
void wc_mlp_init(wc_mlp_t mlp, const wc_net_t net, slong width,
                 slong max_stored);
void wc_mlp_clear(wc_mlp_t mlp);

/* The parameters of sample `sample` under seed: entry (l, i, j) of W^l
   is wc_rng_normal at (seed, sample, wc_rng_stream(WC_RNG_WEIGHT, l),
   row i, column j); b^l_i at (BIAS, l), row 0, column i; V_i at
   (OUTPUT, 0), row 0, column i.  Biases and V are drawn at once; weight
   matrices lazily, row by row, when a pass first needs them. */
void wc_mlp_draw(wc_mlp_t mlp, uint64_t seed, uint32_t sample);

/* Generates every stored weight matrix now (tests use it before reading
   or overwriting W). */
void wc_mlp_materialise(wc_mlp_t mlp);

/* Row i of W^l: a pointer into W[l], or into buf (length n[l-1]) for a
   streamed layer.  Generates the row on first use. */
const double * wc_mlp_row(wc_mlp_t mlp, slong l, slong i, double * buf);

/* P, the number of parameters. */
slong wc_mlp_num_params(const wc_mlp_t mlp);

/* The metric: a contraction over an index is sum_mu g_mu A_mu B_mu in
   NTK coordinates.  g = 1 for ntk and mf; for standard, g = fan_in on
   weights (din for W^1, n for W^l and V) and 1/beta^2 on biases.  Block
   values: gW[l], gb[l] (l = 1..H), gV. */
void wc_mlp_metric(double * gW, double * gb, double * gV,
                   const wc_mlp_t mlp);

/* Memory held by the weights and buffers, in bytes. */
size_t wc_mlp_memory(const wc_mlp_t mlp);

/* Double inputs from NET: the din entries of label's input vector,
   rounded to double. */
void wc_net_input_d(double * x, const wc_net_t net, slong label);

/* ------------------------------------------------------------------ */
/* Parameter-space vectors. */

typedef struct
{
    slong rank;
    slong alloc;
    double * u;        /* rank vectors of length n[l], one after another */
    double * w;        /* rank vectors of length n[l-1] */
    double * dense;    /* NULL, or an n[l] x n[l-1] row-major block */
    double * bias;     /* n[l] entries, or NULL without biases */
}
wc_pvec_layer_struct;

/* The vector with weight block sum_k u_k w_k^T + dense on each W^l, bias
   block bias on b^l and out on V. */
typedef struct
{
    slong hidden;
    slong * n;         /* a copy of the network's sizes */
    int bias;
    wc_pvec_layer_struct * layer;   /* layer[1..H] */
    double * out;
}
wc_pvec_struct;

typedef wc_pvec_struct wc_pvec_t[1];

void wc_pvec_init(wc_pvec_t v, const wc_mlp_t mlp);
void wc_pvec_clear(wc_pvec_t v);
void wc_pvec_zero(wc_pvec_t v);
void wc_pvec_set(wc_pvec_t res, const wc_pvec_t v);
void wc_pvec_swap(wc_pvec_t a, wc_pvec_t b);

/* Appends c u w^T to the weight block of layer l. */
void wc_pvec_add_rank1(wc_pvec_t v, slong l, const double * u,
                       const double * w, double c);

/* v *= c. */
void wc_pvec_scalar_mul(wc_pvec_t v, double c);

/* Multiplies each block by its metric entry to the power p (1 or 1/2):
   the vector G^p v. */
void wc_pvec_metric_mul(wc_pvec_t v, const wc_mlp_t mlp, double p);

/* res = a + c b (ranks concatenate; dense blocks add).  res may alias
   a. */
void wc_pvec_add(wc_pvec_t res, const wc_pvec_t a, const wc_pvec_t b,
                 double c);

/* Turns every weight block into a dense block (rank 0). */
void wc_pvec_densify(wc_pvec_t v);

/* sum_mu a_mu b_mu (the plain Euclidean inner product in NTK
   coordinates; apply the metric first for a contraction).  Cost
   O(rank_a rank_b n) per layer, O(n^2) with a dense block. */
double wc_pvec_dot(const wc_pvec_t a, const wc_pvec_t b);

/* y += c (weight block of v on layer l) h, and y += c (block)^T d. */
void wc_pvec_apply(double * y, const wc_pvec_t v, slong l, const double * h,
                   double c);
void wc_pvec_apply_t(double * y, const wc_pvec_t v, slong l,
                     const double * d, double c);

/* The i-th entry of the vector in the order W^1 (row-major), b^1, ...,
   W^H, b^H, V; for tests. */
double wc_pvec_get_entry(const wc_pvec_t v, slong i);

/* Rademacher vector (dense): entry (l, i, j) of the weight block is the
   sign at (seed, sample, stream (kind, 256 id + l), row i, column j);
   bias entries use index 256 id + 128 + l, V index 256 id + 255.  kind
   is WC_RNG_PROBE or WC_RNG_START; id < 2^16. */
void wc_pvec_rademacher(wc_pvec_t v, uint64_t seed, uint32_t sample,
                        uint32_t kind, slong id);

/* The row kernels of the passes over a weight matrix, for B Taylor
   coefficients stored ld apart:
     _wc_net_dots:   out[c] += sum_j row[j] h[c ld + j],
     _wc_net_axpys:  y[c ld + j] += a[c] row[j]   (skipped when a[c] = 0),
   for c < B, j < n.  The summation order is fixed (eight interleaved
   partial sums), so every instruction set gives the same bits. */
void _wc_net_dots(double * out, const double * row, const double * h,
                  slong ld, slong n, slong B);
void _wc_net_axpys(double * y, slong ld, const double * a,
                   const double * row, slong n, slong B);

/* ------------------------------------------------------------------ */
/* Jets. */

#define WC_JET_MAX_DIRS 8
#define WC_JET_MAX_ORDER 8
#define WC_JET_MAX_COEFFS 64

/* The coefficient set of a truncated Taylor polynomial in t_1..t_r
   keeping the monomials t^S with S_j <= deg[j]: index(S) =
   sum_j S_j stride[j]. */
typedef struct
{
    slong ndirs;
    slong deg[WC_JET_MAX_DIRS];
    slong stride[WC_JET_MAX_DIRS];
    slong ncoeffs;
    slong order;       /* sum of deg: the total degree of the top term */
    slong ntriples;    /* products: coefficient c gets a * b for each */
    slong * triple;    /* (c, a, b), with a running over S' <= S */
}
wc_jet_shape_struct;

typedef wc_jet_shape_struct wc_jet_shape_t[1];

/* Returns WC_ERR_RANGE (with reason) when the shape exceeds the limits
   WC_JET_MAX_DIRS, WC_JET_MAX_ORDER or WC_JET_MAX_COEFFS. */
wc_status wc_jet_shape_init(wc_jet_shape_t sh, const slong * deg,
                            slong ndirs, wc_error_t err);
void wc_jet_shape_clear(wc_jet_shape_t sh);

/* The jet of f(theta + sum_j t_j v_j) at input x, with v_j = dirs[j]
   (vectors in NTK coordinates, applied as given: multiply by the metric
   first for contractions) and the shape sh:
     coeffs[index(S)] (if coeffs != NULL): the coefficient of t^S, that is
         D^|S| f[v^S] / S!;
     grad (if grad != NULL): the coefficient of t^deg in the gradient of
         f along the same curve, that is D^(order+1) f[v^deg, .] / deg!,
         as a structured vector (rank up to ncoeffs per weight block).
   Cost: ncoeffs passes over each weight matrix forward, as many backward
   when grad is wanted (one pass over W^H for both), plus
   O(ntriples order n) per layer for the activations. */
void wc_mlp_jet(double * coeffs, wc_pvec_t grad, wc_mlp_t mlp,
                const double * x, const wc_pvec_struct * const * dirs,
                const wc_jet_shape_t sh);

/* f(x), and f with its gradient (in NTK coordinates, without metric). */
double wc_mlp_forward(wc_mlp_t mlp, const double * x);
double wc_mlp_grad(wc_pvec_t g, wc_mlp_t mlp, const double * x);

/* The derivative correlations of Shem-Ur & Oz (2024) at learning rate 1,
   with g = grad f(x_grad) and the metric G:
     c[j] = C^{0,j} = D^j f(x_main)[(G g)^j] / j!   for 0 <= j <= d;
     u = C^{1,d} = D^(d+1) f(x_main)[(G g)^d, .] / d!  (a vector in NTK
         coordinates; its norm is sqrt(<u, G u>)). */
void wc_mlp_cdd0(double * c, wc_mlp_t mlp, const double * x_main,
                 const double * x_grad, slong d);
void wc_mlp_cdd1(wc_pvec_t u, wc_mlp_t mlp, const double * x_main,
                 const double * x_grad, slong d);

/* The spectral norm of C^{2,d} = D^(d+2) f(x_main)[(G g)^d, ., .] /
   (2 d!) as a symmetric operator in the metric (G^(1/2) C G^(1/2) on
   Euclidean space), by the Lanczos method without reorthogonalisation
   from a Rademacher start vector (stream START, index id), stopping when
   the residual bound of the largest Ritz value falls below tol times it
   or after maxiter steps.  The result is a Ritz value, so at most the
   true norm up to rounding; *resid (if not NULL) receives the residual
   bound, which the distance to an eigenvalue does not exceed. */
double wc_mlp_cdd2_opnorm(double * resid, slong * iters, wc_mlp_t mlp,
                          const double * x_main, const double * x_grad,
                          slong d, double tol, slong maxiter, slong id);

/* ------------------------------------------------------------------ */
/* Per-sample evaluation of correlation functions. */

/* A plan for evaluating a list of SPECs on one sample, sharing work
   between them (a vector or jet needed twice is computed once, and a
   scalar jet contained in a larger one is read from it).  Each
   SPEC's contraction graph (one vertex per tensor, one edge per index) is
   split into connected components; a component that is a tree is
   contracted exactly from its leaves inward, a component with cycles has
   one edge per independent cycle cut and replaced by a Rademacher probe
   (an unbiased estimate).  The value of a SPEC on a sample is its
   coefficient times the product of its components; for cum(...) and
   var(...), the values of the argument groups are returned separately
   (without the coefficient) and may not share an index. */
typedef struct wc_net_eval_struct wc_net_eval_struct;
typedef wc_net_eval_struct * wc_net_eval_t;

/* Builds the plan.  Returns WC_ERR_UNSUPPORTED (with the reason and the
   position of the offending tensor) when a tensor needs a jet beyond the
   limits of wc_jet_shape_init or a cumulant shares an index between its
   arguments.  inputs are read from net. */
wc_status wc_net_eval_init(wc_net_eval_t * ev, const wc_spec_struct * specs,
                           slong nspecs, const wc_net_t net,
                           wc_error_t err);
void wc_net_eval_clear(wc_net_eval_t ev);

/* The number of values wc_net_eval_sample writes for spec k (its number
   of groups), and in total. */
slong wc_net_eval_nvalues(const wc_net_eval_t ev, slong k);
slong wc_net_eval_total_values(const wc_net_eval_t ev);

/* Does spec k use probes (an unbiased estimate instead of the exact
   per-sample value)? */
int wc_net_eval_uses_probes(const wc_net_eval_t ev, slong k);

/* The estimated cost of one sample, in passes over the hidden weight
   matrices (forward and backward counted separately). */
double wc_net_eval_cost(const wc_net_eval_t ev);

/* How many times one sample reads the weight matrix W^l of a network
   with `hidden` layers (the last layer's forward and backward share one
   pass; the others take two when a gradient is wanted).  A matrix read
   once is better regenerated than stored. */
slong wc_net_eval_matrix_passes(const wc_net_eval_t ev, slong l,
                                slong hidden);

/* Values of every spec on the network's current sample, spec after spec
   (group after group).  Probes are drawn from (seed, sample of mlp,
   probe stream); with nprobes > 1 each cyclic component is averaged over
   that many independent probe sets. */
void wc_net_eval_sample(double * values, wc_net_eval_t ev, wc_mlp_t mlp,
                        slong nprobes);

#ifdef __cplusplus
}
#endif

#endif
