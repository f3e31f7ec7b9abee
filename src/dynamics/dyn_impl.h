/* Internal pieces of the dynamics module: matrix-product kernels,
   activations in double precision and small helpers. */

#ifndef WC_DYN_IMPL_H
#define WC_DYN_IMPL_H

#include <math.h>
#include <string.h>

#include "weakcorr/dynamics.h"
#include "weakcorr/rng.h"

/* ------------------------------------------------------------------ */
/* Matrix products on row-major blocks (leading dimensions lda, ldb, ldc).
   Every entry is computed by the same sequence of IEEE operations on
   every instruction-set path and for every blocking of the output, with
   no fused multiply-add, so results do not depend on the processor's
   vector width or on how work is divided:

   nt: C[i][j] (=, or += when acc) sum_k A[i][k] B[j][k].  The sum runs
       over blocks of WC_DYN_GEMM_KC consecutive k; inside a block, lane
       q = k mod 8 accumulates sequentially and the eight lanes are
       added as ((l0 + l1) + (l2 + l3)) + ((l4 + l5) + (l6 + l7)); the
       block sums are added to C in order.
   nn: C[i][j] = sum_k A[i][k] B[k][j], sequentially in k.
   tn: C[i][j] += alpha * (sum_k A[k][i] B[k][j]), the sum sequential in
       k.

   The rounding error of each entry is that of a recursive or blocked
   dot product: at most gamma_K sum_k |A B| (Higham 2002, section 3.1),
   gamma_K = K u / (1 - K u). */

#define WC_DYN_GEMM_KC 512

void _wc_dyn_gemm_nt(double * C, slong ldc, const double * A, slong lda,
                     const double * B, slong ldb, slong M, slong N,
                     slong K, int acc);
void _wc_dyn_gemm_nn(double * C, slong ldc, const double * A, slong lda,
                     const double * B, slong ldb, slong M, slong N,
                     slong K);
void _wc_dyn_gemm_tn(double * C, slong ldc, const double * A, slong lda,
                     const double * B, slong ldb, slong M, slong N,
                     slong K, double alpha);

/* Forces a path for tests: 0 automatic, 1 portable, 2 AVX2, 3 AVX-512.
   Returns 0 (and changes nothing) when the path is unavailable.  Not
   thread-safe: call before starting work. */
int _wc_dyn_gemm_set_path(int path);

/* ------------------------------------------------------------------ */
/* Activations. */

/* h[i] = s(z[i]) and (sp != NULL) sp[i] = s'(z[i]); relu' is the step
   with relu'(0) = 0. */
void _wc_dyn_act(double * h, double * sp, const double * z, slong len,
                 wc_act_kind act, const double * poly, slong poly_len);

/* Taylor coefficients of h(t) = s(z(t)) and p(t) = s'(z(t)) to order d
   from those of z(t), by the recurrences of automatic differentiation
   (h' = p z', with an auxiliary jet per activation); relu takes the
   derivatives almost everywhere: h_k = [z_0 > 0] z_k, p = [z_0 > 0]. */
void _wc_dyn_act_jet(double * h, double * p, const double * z, slong d,
                     wc_act_kind act, const double * poly, slong poly_len);

/* ------------------------------------------------------------------ */
/* Jets of one input along one direction, kept for reverse passes: row k
   of Z[l], Hh[l], P[l] holds the t^k coefficient of z^l, h^l and
   s'(z^l) (Hh[0] is the input, constant in t). */

typedef struct
{
    slong d;
    slong hidden;
    slong * n;
    double ** Z;
    double ** Hh;
    double ** P;
    double * work;
}
_wc_dyn_jet_struct;

void _wc_dyn_jet_init(_wc_dyn_jet_struct * J, const wc_dyn_mlp_t mlp,
                      slong d);
void _wc_dyn_jet_clear(_wc_dyn_jet_struct * J);

/* coeffs[k] (k <= J->d) of f(x; theta + t v). */
void _wc_dyn_jet_forward(double * coeffs, _wc_dyn_jet_struct * J,
                         const wc_dyn_mlp_t mlp, const double * x,
                         const wc_dyn_dir_t v);

/* The gradient of coefficient j <= J->d of the last forward pass. */
void _wc_dyn_jet_reverse(wc_dyn_dir_t grad, _wc_dyn_jet_struct * J,
                         const wc_dyn_mlp_t mlp, const wc_dyn_dir_t v,
                         slong j);

/* y += c (weight block l of v) h, and y += c (block)^T g. */
void _wc_dyn_dir_apply(double * y, const wc_dyn_dir_t v, slong l,
                       const double * h, double c);
void _wc_dyn_dir_apply_t(double * y, const wc_dyn_dir_t v, slong l,
                         const double * g, double c);

/* ------------------------------------------------------------------ */
/* A pool of threads taking jobs 0..njobs-1 in order.  Each job gets
   hooks of its own: its progress (a fraction of the job) is turned into
   the overall fraction weighted by cost[j] and handed to user->progress
   under a lock; it shares user->cancel, after whose raising no further
   job starts.  Returns 1 if cancelled. */

typedef void (*_wc_dyn_job_fn)(void * data, slong j,
                               const wc_dyn_hooks_struct * hooks);

int _wc_dyn_pool_run(slong njobs, const double * cost, slong threads,
                     _wc_dyn_job_fn job, void * data,
                     const wc_dyn_hooks_struct * user);

/* ------------------------------------------------------------------ */
/* Helpers. */

/* sum x[i]^2 with a compensated sum (TwoSum), relative error about
   2u + n^2 u^2. */
double _wc_dyn_sumsq(const double * x, slong len);

/* Dot product by the nt kernel (the same rounding as a gemm entry). */
double _wc_dyn_dot(const double * a, const double * b, slong len);

/* Is every x[i] finite? */
int _wc_dyn_all_finite(const double * x, slong len);

/* The position-th element (0-based) of the concatenation of random
   permutations of 0..ntrain-1 drawn for the given seed and sample:
   permutation e on the stream WC_RNG_USER + 1, row e. */
void _wc_dyn_batch(slong * batch, slong B, slong step, slong ntrain,
                   uint64_t seed, uint32_t sample, slong * perm,
                   slong * perm_epoch);

#endif
