/* dynamics: gradient-descent training of finite-width networks beside
   their linearisation.

   A network of doc/spec.md is drawn exactly as the Monte Carlo engine
   draws it (include/weakcorr/rng.h), trained by full-batch or stochastic
   gradient descent with explicit weight matrices, and compared with the
   linearised model

       f_lin(s+1)(x) = f_lin(s)(x)
                       - eta/B sum_{i in batch} Theta_0(x, x_i)
                                                loss'(f_lin(s)(x_i), y_i),

   Theta_0 the tangent kernel at initialisation (Shem-Ur & Oz 2024,
   section 3).  The deviation f(theta(s)) - f_lin(s) is measured against
   the width and turned into scaling exponents; the derivative
   correlations C^{0,d} and C^{1,d} are computed per sample by Taylor-mode
   jets to give the empirical weak-correlation rate.  doc/dynamics.md has
   the model, the algorithms and their accuracy. */

#ifndef WC_DYNAMICS_H
#define WC_DYNAMICS_H

#include <signal.h>
#include <stdint.h>

#include "common.h"
#include "spec.h"
#include "stats.h"

#ifdef __cplusplus
extern "C" {
#endif

/* ------------------------------------------------------------------ */
/* Losses. */

typedef enum
{
    WC_DYN_LOSS_SQUARED = 0,   /* (f - y)^2 / 2 */
    WC_DYN_LOSS_LOGISTIC,      /* log(1 + exp(-y f)), y in {-1, 1} */
    WC_DYN_LOSS_COUNT
}
wc_dyn_loss;

const char * wc_dyn_loss_name(wc_dyn_loss loss);

/* Parses "squared" (also "mse") or "logistic"; WC_ERR_PARSE otherwise. */
wc_status wc_dyn_loss_parse(wc_dyn_loss * loss, const char * text,
                            wc_error_t err);

/* The loss and its derivative in f, accurate to a few ulp (the logistic
   forms avoid overflow and cancellation for every finite f). */
double wc_dyn_loss_value(wc_dyn_loss loss, double f, double y);
double wc_dyn_loss_deriv(wc_dyn_loss loss, double f, double y);

/* ------------------------------------------------------------------ */
/* A network with explicit weights, in NTK coordinates: every parameter
   is N(0,1) at initialisation and

     z^1 = W^1 x / sqrt(din) + beta b^1,
     z^l = W^l h^(l-1) / sqrt(n_(l-1)) + beta b^l,   h^l = s(z^l),
     f   = alpha V . h^H,

   alpha = a n_H^(-1/2) (ntk, standard) or a / n_H (mf), a the output
   scale (1 unless a lazy-training study asks otherwise).  The standard
   parameterisation trains raw entries W / sqrt(fan_in), beta b and
   V / sqrt(n_H): gradient descent on them is gradient descent in these
   coordinates with the metric g (fan_in on weights, 1/beta^2 on biases),
   held in gW, gb, gV. */
typedef struct
{
    slong hidden;
    slong width;
    slong din;
    slong * n;             /* n[0] = din, n[1..H] = width */
    wc_act_kind act;
    slong poly_len;
    double * poly;         /* act = poly: c_0..c_{len-1} */
    wc_param_kind param;
    double beta;           /* 0: no bias parameters */
    double scale;          /* the output scale a */
    double alpha;          /* the output multiplier */
    double ** W;           /* W[l], l = 1..H, row-major n[l] x n[l-1] */
    double ** b;           /* b[l], l = 1..H (NULL when beta = 0) */
    double * V;
    double * gW;           /* gW[l], gb[l], l = 1..H; gV */
    double * gb;
    double gV;
}
wc_dyn_mlp_struct;

typedef wc_dyn_mlp_struct wc_dyn_mlp_t[1];

/* Allocates a network of the given width for net with output scale a
   (a > 0).  The parameters are zero until drawn or set. */
void wc_dyn_mlp_init(wc_dyn_mlp_t mlp, const wc_net_t net, slong width,
                     double scale);
void wc_dyn_mlp_clear(wc_dyn_mlp_t mlp);

/* The parameters of Monte Carlo sample `sample` under seed: W^l entry
   (i, j) is wc_rng_normal on the row (seed, sample,
   wc_rng_stream(WC_RNG_WEIGHT, l), i) at column j; b^l_i on (BIAS, l),
   row 0, column i; V_i on (OUTPUT, 0), row 0, column i.  The width-n
   network is the leading block of the width-2n one. */
void wc_dyn_mlp_draw(wc_dyn_mlp_t mlp, uint64_t seed, uint32_t sample);

/* Copies the parameters of mlp (same net and width) into res. */
void wc_dyn_mlp_set(wc_dyn_mlp_t res, const wc_dyn_mlp_t mlp);

/* P, the number of parameters. */
slong wc_dyn_mlp_num_params(const wc_dyn_mlp_t mlp);

/* The Euclidean distance between the parameters of a and b (same net and
   width) in NTK coordinates, by a compensated sum of squares. */
double wc_dyn_mlp_dist(const wc_dyn_mlp_t a, const wc_dyn_mlp_t b);

/* Bytes held by the parameters. */
size_t wc_dyn_mlp_memory(const wc_dyn_mlp_t mlp);

/* ------------------------------------------------------------------ */
/* Batched evaluation: forward and backward passes over N inputs at once
   with cache-blocked matrix products. */

typedef struct
{
    slong N;
    slong alloc;
    slong hidden;
    slong * n;
    double ** h;           /* h[l]: N x n[l], l = 0..H (h[0] = inputs) */
    double ** z;           /* z[l]: N x n[l], l = 1..H */
    double ** sp;          /* sp[l] = s'(z[l]) */
    double ** delta;       /* delta[l] = df(x_i)/dz^l, N x n[l] */
    double * f;            /* f(x_i) */
    double * work;
    slong work_alloc;
}
wc_dyn_eval_struct;

typedef wc_dyn_eval_struct wc_dyn_eval_t[1];

void wc_dyn_eval_init(wc_dyn_eval_t ev, const wc_dyn_mlp_t mlp);
void wc_dyn_eval_clear(wc_dyn_eval_t ev);

/* f(x_i) for the N inputs x (N rows of length din) into ev->f, keeping
   every layer's pre-activations, activations and s' for the backward
   pass. */
void wc_dyn_forward(wc_dyn_eval_t ev, const wc_dyn_mlp_t mlp,
                    const double * x, slong N);

/* delta[l] for the inputs of the last forward pass (the network must
   not have changed since). */
void wc_dyn_backward(wc_dyn_eval_t ev, const wc_dyn_mlp_t mlp);

/* The tangent kernel Theta(x_i, x_j) = sum_mu g_mu df(x_i)/dtheta_mu
   df(x_j)/dtheta_mu on the inputs of the last forward and backward
   passes, into the N x N row-major matrix K.  A gradient is rank one on
   each weight matrix, so
     Theta = gV alpha^2 <h^H, h^H'> + sum_l ( gW_l <delta^l, delta^l'>
             <h^(l-1), h^(l-1)'> / n_(l-1) + gb_l beta^2
             <delta^l, delta^l'> ),
   O(N^2 n) per layer and no P-sized work.  K is exactly symmetric. */
void wc_dyn_kernel(double * K, wc_dyn_eval_t ev, const wc_dyn_mlp_t mlp);

/* One gradient step: theta -= G sum_i c[i] grad f(x_i) over the inputs
   of the last forward and backward passes (for gradient descent,
   c[i] = eta loss'_i / B). */
void wc_dyn_update(wc_dyn_mlp_t mlp, wc_dyn_eval_t ev, const double * c);

/* The linearised model's step on the N points of Theta (N x N, row
   major, column j the kernel against point j):
     flin[x] -= eta/B sum_{i < B} K[x][batch[i]] loss'(flin[batch[i]],
                                                      y[batch[i]]). */
void wc_dyn_linear_step(double * flin, const double * K, slong N,
                        const slong * batch, slong B, const double * y,
                        double eta, wc_dyn_loss loss);

/* The largest eigenvalue of the symmetric positive semidefinite m x m
   matrix A (row stride lda), by power iteration from the all-ones vector:
   the returned Rayleigh quotient never exceeds the true value by more
   than rounding, and iteration stops when it changes by less than
   tol relative or after maxiter steps. */
double wc_dyn_lambda_max(const double * A, slong lda, slong m, double tol,
                         slong maxiter);

/* ------------------------------------------------------------------ */
/* Parameter-space directions and Taylor-mode jets. */

/* A direction in parameter space (NTK coordinates): on W^l the block
   sum_{k < rank[l]} u_k w_k^T (+ dense, if not NULL), bias block b[l]
   (when the network has biases), output block out. */
typedef struct
{
    slong hidden;
    slong * n;
    int bias;
    slong maxrank;
    slong * rank;
    double ** u;           /* u[l]: rank[l] rows of length n[l] */
    double ** w;           /* w[l]: rank[l] rows of length n[l-1] */
    double ** dense;       /* dense[l]: NULL or n[l] x n[l-1] */
    double ** b;
    double * out;
}
wc_dyn_dir_struct;

typedef wc_dyn_dir_struct wc_dyn_dir_t[1];

/* A zero direction holding up to maxrank rank-one terms per layer. */
void wc_dyn_dir_init(wc_dyn_dir_t v, const wc_dyn_mlp_t mlp, slong maxrank);
void wc_dyn_dir_clear(wc_dyn_dir_t v);
void wc_dyn_dir_zero(wc_dyn_dir_t v);

/* Gives layer l a dense block (zero), if it has none. */
void wc_dyn_dir_make_dense(wc_dyn_dir_t v, slong l);

/* sum_mu G_mu^p a_mu b_mu with p = 0 (Euclidean) or 1 (the metric of
   mlp): O(rank_a rank_b n) per layer, O(n^2) with dense blocks. */
double wc_dyn_dir_dot(const wc_dyn_dir_t a, const wc_dyn_dir_t b,
                      const wc_dyn_mlp_t mlp, int metric);

/* v *= c, and v = G v. */
void wc_dyn_dir_scale(wc_dyn_dir_t v, double c);
void wc_dyn_dir_metric_mul(wc_dyn_dir_t v, const wc_dyn_mlp_t mlp);

/* The entry of v at parameter index i, in the order W^1 (row-major), b^1,
   ..., W^H, b^H, V. */
double wc_dyn_dir_get_entry(const wc_dyn_dir_t v, slong i);

#define WC_DYN_JET_MAX_ORDER 24

/* The Taylor coefficients coeffs[k], 0 <= k <= d, of
   t -> f(x; theta + t v), propagated through the network in one forward
   pass (d + 1 matrix-vector products per layer and O(d^2 n) for the
   activations).  If grad is not NULL it receives the gradient with
   respect to theta of coeffs[d] (v held fixed), that is
   D^(d+1) f[v^d, .] / d!, in NTK coordinates (rank d + 1 per weight
   matrix; grad needs maxrank >= d + 1), by one reverse pass over the jet.
   With d = 0: coeffs[0] = f(x) and grad = grad f(x).
   d <= WC_DYN_JET_MAX_ORDER. */
void wc_dyn_jet(double * coeffs, wc_dyn_dir_t grad, const wc_dyn_mlp_t mlp,
                const double * x, const wc_dyn_dir_t v, slong d);

/* The derivative correlations of Shem-Ur & Oz (2024) at learning rate
   eta, with g = grad f(x_grad) and the metric G, all by jets (no finite
   differences and nothing P-sized):
     c0[j] = C^{0,j}(x_main; x_grad) = eta^j / j! D^j f(x_main)[(G g)^j],
     c1[j] = |C^{1,j}| = eta^(1/2 + j) / j! |D^(j+1) f(x_main)[(G g)^j, .]|
   for 0 <= j <= d, the norm of a parameter-space vector u being
   sqrt(sum_mu g_mu u_mu^2) (the Euclidean norm in the trained
   coordinates).  c1 may be NULL.  d <= WC_DYN_JET_MAX_ORDER. */
void wc_dyn_cdd(double * c0, double * c1, const wc_dyn_mlp_t mlp,
                const double * x_main, const double * x_grad, slong d,
                double eta);

/* ------------------------------------------------------------------ */
/* Tasks: inputs and targets, training points first. */

typedef struct
{
    slong din;
    slong ntrain;
    slong ntest;
    double * x;            /* (ntrain + ntest) x din */
    double * y;
    int synthetic;         /* 1 for the teacher task */
}
wc_dyn_task_struct;

typedef wc_dyn_task_struct wc_dyn_task_t[1];

void wc_dyn_task_init(wc_dyn_task_t task);
void wc_dyn_task_clear(wc_dyn_task_t task);

/* Hidden units of the teacher network. */
#define WC_DYN_TEACHER_UNITS 16

/* The synthetic task: ntrain + ntest inputs on the sphere of radius
   sqrt(din) (din = 1: uniform on [-sqrt 3, sqrt 3], the same second
   moment), targets from the fixed teacher
       y(x) = K^(-1/2) sum_{k < K} a_k tanh(w_k . x / sqrt(din)),
   K = WC_DYN_TEACHER_UNITS, a_k and w_k N(0,1); for the logistic loss
   the targets are sign(y) (+1 at 0).  Every number comes from the
   generator under seed, on streams WC_RNG_USER + 2 (inputs) and
   WC_RNG_USER + 3 (teacher), so the task does not depend on the width or
   on the training seed.  WC_ERR_RANGE if ntrain < 1 or ntest < 1. */
wc_status wc_dyn_task_teacher(wc_dyn_task_t task, slong din, slong ntrain,
                              slong ntest, wc_dyn_loss loss, uint64_t seed,
                              wc_error_t err);

/* Reads a CSV file of rows x_1, ..., x_din, y (numbers separated by
   commas; blank lines and lines starting with '#' skipped; a first line
   that is not numeric is a header).  The last ntest rows are the test
   set (ntest = 0: a quarter of the rows, at least one), the rest the
   training set.  Errors: WC_ERR_IO (cannot read), WC_ERR_PARSE with the
   message "line L, column C: reason" (pos = -1) for a malformed number,
   a row with a wrong number of fields (din + 1 expected), a non-finite
   value, a logistic target other than -1 or 1, a NUL byte, or fewer than
   2 rows; WC_ERR_RANGE when ntest leaves no training row.  task is
   unchanged on error. */
wc_status wc_dyn_task_read_csv(wc_dyn_task_t task, const char * path,
                               slong din, slong ntest, wc_dyn_loss loss,
                               wc_error_t err);

/* ------------------------------------------------------------------ */
/* Option text (widths use wc_mc_widths_parse of mc.h, the grammar of
   every command). */

/* Steps: a count "S" (train S steps and report at 1, 2, 4, ... below S
   and at S) or a list "1,10,100" of steps to report (train to the
   largest).  Steps in [1, WC_DYN_MAX_STEPS]; sorted, no repeats. */
#define WC_DYN_MAX_STEPS (WORD(1) << 24)

wc_status wc_dyn_parse_steps(slong ** steps, slong * nsteps,
                             const char * text, wc_error_t err);

/* A comma list of finite numbers (doubles), each optionally bounded
   below by lo (exclusive when strict).  *v from flint_malloc. */
wc_status wc_dyn_parse_doubles(double ** v, slong * len, const char * text,
                               double lo, int strict, wc_error_t err);

/* ------------------------------------------------------------------ */
/* Runs: a width sweep of training runs. */

/* The measurements at a reported step. */
typedef enum
{
    WC_DYN_DEVIATION = 0,  /* max over test x of |f(theta(s))(x) -
                              f_lin(s)(x)| */
    WC_DYN_KERNEL_DRIFT,   /* ||Theta_s - Theta_0||_F / N over the N
                              training and test inputs (rms entry) */
    WC_DYN_MOVEMENT,       /* |theta(s) - theta_0|, Euclidean, NTK
                              coordinates */
    WC_DYN_LOSS_NET,       /* training loss of the network */
    WC_DYN_LOSS_LIN,       /* training loss of the linear model */
    WC_DYN_NQUANTITIES
}
wc_dyn_quantity;

const char * wc_dyn_quantity_name(wc_dyn_quantity q);

typedef enum
{
    WC_DYN_OK = 0,
    WC_DYN_DIVERGED,
    WC_DYN_NOT_RUN         /* interrupted before it finished */
}
wc_dyn_run_status;

typedef enum
{
    WC_DYN_REASON_NONE = 0,
    WC_DYN_REASON_NONFINITE,    /* NaN or infinity in an output */
    WC_DYN_REASON_GROWTH,       /* a loss grew beyond the factor */
    WC_DYN_REASON_UNSTABLE      /* eta lambda_max / B >= 2 (full batch,
                                   squared loss): the linear model
                                   diverges */
}
wc_dyn_reason;

const char * wc_dyn_reason_name(wc_dyn_reason r);

/* A divergence is a loss above this factor times the largest initial
   per-example training loss (the default of opts->diverge_factor). */
#define WC_DYN_DIVERGE_FACTOR 1e4

typedef struct
{
    slong * widths;
    slong nwidths;
    slong seeds;              /* training seeds 0 .. seeds-1 */
    uint64_t seed;            /* the generator key */
    slong * steps;            /* reported steps, increasing */
    slong nsteps;
    double lr;                /* eta_0 */
    double lr_exponent;       /* eta = eta_0 n^alpha / a^2 */
    double output_scale;      /* a */
    int center;               /* train a (f(theta) - f(theta_0)): the
                                 centred model of lazy training */
    slong batch;              /* 0: full batch */
    wc_dyn_loss loss;
    slong threads;
    double diverge_factor;
    size_t max_memory;        /* bytes for all concurrent jobs */
}
wc_dyn_opts_struct;

typedef wc_dyn_opts_struct wc_dyn_opts_t[1];

/* Defaults: widths 64..1024, 8 seeds, seed 0, steps 100 (reported at 1,
   2, 4, ..., 64, 100), lr 0.5, alpha 0, a 1, not centred, full batch,
   squared loss, 1 thread, WC_DYN_DIVERGE_FACTOR, 8 GiB. */
void wc_dyn_opts_init(wc_dyn_opts_t opts);
void wc_dyn_opts_clear(wc_dyn_opts_t opts);
void wc_dyn_opts_set(wc_dyn_opts_t res, const wc_dyn_opts_t opts);

/* The learning rate at width n. */
double wc_dyn_opts_lr(const wc_dyn_opts_t opts, slong width);

/* One (width, seed) training run. */
typedef struct
{
    wc_dyn_run_status status;
    wc_dyn_reason reason;
    slong diverge_step;       /* s where f(theta(s)) or f_lin(s) showed
                                 it (0: before training); -1 if none */
    double lr;                /* eta used */
    double lambda_max;        /* lambda_max(Theta_0 on the training set)
                                 / ntrain, a lower bound by power
                                 iteration; NaN if not reached */
    double seconds;
    double * value;           /* [q * nsteps + t], NaN unless OK */
}
wc_dyn_sample_struct;

/* Progress and interruption, both optional.  progress receives the
   fraction of the work done (called from worker threads, one call at a
   time); cancel, when not NULL, is polled between training steps and
   between samples (the convention of mc.h: a signal handler may set
   it), and a nonzero value makes the run finish early, keeping what is
   complete. */
typedef struct
{
    void (*progress)(void * data, double fraction);
    void * data;
    volatile sig_atomic_t * cancel;
}
wc_dyn_hooks_struct;

typedef struct
{
    wc_dyn_opts_t opts;
    slong ntrain;
    slong ntest;
    wc_dyn_sample_struct * sample;   /* [w * seeds + k] */
    wc_stats_row_struct * row;       /* [(q * nsteps + t) * nwidths + w] */
    wc_stats_fit_struct * fit;       /* [q * nsteps + t] */
    wc_status * fit_status;
    char ** fit_msg;                 /* reason a fit failed, or NULL */
    slong completed;                 /* runs that finished (OK or
                                        diverged) */
    slong diverged;
    int interrupted;
    double seconds;
}
wc_dyn_result_struct;

typedef wc_dyn_result_struct wc_dyn_result_t[1];

void wc_dyn_result_init(wc_dyn_result_t res);
void wc_dyn_result_clear(wc_dyn_result_t res);

/* The value of quantity q at reported step index t of sample (w, k). */
double wc_dyn_result_value(const wc_dyn_result_t res, slong w, slong k,
                           wc_dyn_quantity q, slong t);

/* Trains the networks of every (width, seed) and their linearisations on
   task and fills res: per run the measurements at each reported step
   (NaN for diverged runs), per width summaries over the seeds that did
   not diverge, and per quantity and step a fit of the mean against
   log n (wc_stats_fit over the seeds, common random numbers across
   widths).  Runs go to opts->threads threads (fewer if max_memory asks);
   the results do not depend on the number.  Returns WC_OK,
   WC_ERR_INTERRUPTED (finished runs kept, the others NOT_RUN) or
   WC_ERR_RANGE (options out of range: no widths, seeds < 1, batch
   larger than the training set, one run alone above max_memory) with
   the reason. */
wc_status wc_dyn_run(wc_dyn_result_t res, const wc_net_t net,
                     const wc_dyn_task_t task, const wc_dyn_opts_t opts,
                     const wc_dyn_hooks_struct * hooks, wc_error_t err);

/* One training run, for tests and for callers that schedule runs
   themselves: fills s (s->value with nquantities * opts->nsteps
   entries, allocated by the caller). */
wc_status wc_dyn_train(wc_dyn_sample_struct * s, const wc_net_t net,
                       const wc_dyn_task_t task, const wc_dyn_opts_t opts,
                       slong width, slong seed_index,
                       const wc_dyn_hooks_struct * hooks);

/* ------------------------------------------------------------------ */
/* The empirical weak-correlation rate. */

/* The derivative correlations measured: C^{0,1} (the kernel, for
   reference), C^{0,2}, C^{0,3}, |C^{1,1}|, |C^{1,2}|. */
#define WC_DYN_RATE_TERMS 5

typedef struct
{
    slong D;
    slong d;
}
wc_dyn_term_struct;

extern const wc_dyn_term_struct wc_dyn_rate_term[WC_DYN_RATE_TERMS];

typedef struct
{
    slong * widths;
    slong nwidths;
    slong samples;
    double lr;
    double * value;   /* |C|: [(j * nwidths + w) * samples + k] */
    wc_stats_row_struct * row;         /* [j * nwidths + w] */
    wc_stats_fit_struct fit[WC_DYN_RATE_TERMS];
    wc_status fit_status[WC_DYN_RATE_TERMS];
    int zero[WC_DYN_RATE_TERMS];       /* exactly 0 at every sample: no
                                          constraint on m */
    char fit_note[WC_DYN_RATE_TERMS][256];   /* why a fit failed */

    /* m(n) = n^k: the largest k the slopes allow, with the range that
       the slopes' 95% intervals allow (NaN when a fit failed).  Fixed
       sense: C^{0,d} = O(1/m) (d >= 2), C^{D,d} = O(m^(-1/2))
       (D, d >= 1); exponential sense: C^{D,d} = O(m^(-d/2)).  A term
       whose fit failed makes them NaN; an identically zero term is
       skipped. */
    double k_fixed, k_fixed_lo, k_fixed_hi;
    double k_exp, k_exp_lo, k_exp_hi;
    int interrupted;
}
wc_dyn_rate_struct;

typedef wc_dyn_rate_struct wc_dyn_rate_t[1];

void wc_dyn_rate_init(wc_dyn_rate_t rate);
void wc_dyn_rate_clear(wc_dyn_rate_t rate);

/* Who computes the per-sample values: the Monte Carlo engine
   (wc_mc_run of mc.h with the norms |C[D,d]|, the default) or the jets
   of this module (wc_dyn_cdd).  Both draw sample k exactly as training
   seed k is drawn. */
typedef enum
{
    WC_DYN_RATE_MC = 0,
    WC_DYN_RATE_JETS
}
wc_dyn_rate_engine;

/* Per width and sample k (the initial network of training seed k), |C|
   for each term at x_main = the first test input and x_grad = the first
   training input, learning rate opts->lr and output scale 1; fits of
   the mean of |C| against log n and the rates k.  Uses opts->widths,
   seed, threads.  WC_ERR_INTERRUPTED keeps finished samples; other
   errors are those of the engine. */
wc_status wc_dyn_rate(wc_dyn_rate_t rate, const wc_net_t net,
                      const wc_dyn_task_t task, const wc_dyn_opts_t opts,
                      slong samples, wc_dyn_rate_engine engine,
                      const wc_dyn_hooks_struct * hooks, wc_error_t err);

/* The verdict of the equivalence theorem (Shem-Ur & Oz 2024): the
   deviation after a fixed number of steps is O(r/m) with r = n^alpha the
   learning-rate scaling, so its slope should be alpha - k_fixed.  TIGHT
   when the deviation's 95% interval meets the interval alpha - [k_lo,
   k_hi] the rate allows, NOT_TIGHT when it lies below (faster decay),
   VIOLATED when above, INCONCLUSIVE when a fit is missing. */
wc_verdict wc_dyn_rate_verdict(const wc_dyn_rate_t rate,
                               const wc_stats_fit_struct * deviation,
                               double alpha);

#ifdef __cplusplus
}
#endif

#endif
