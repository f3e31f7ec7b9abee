/* The matrix-product kernels against a plain reference that performs the
   order of operations dyn_impl.h specifies, bit for bit, on every
   instruction-set path this processor has; and against an independent
   long double product within the dot-product error bound
   gamma_K sum |a b| (Higham 2002, section 3.1). */

#include "dyntest.h"

#if defined(__clang__)
#pragma STDC FP_CONTRACT OFF
#endif
#if defined(__GNUC__) && !defined(__clang__)
#define NO_CONTRACT __attribute__((optimize("fp-contract=off")))
#else
#define NO_CONTRACT
#endif

NO_CONTRACT static void
ref_nt(double * C, const double * A, const double * B, slong M, slong N,
       slong K, int acc)
{
    slong i, j, kb, k, q;

    for (i = 0; i < M; i++)
        for (j = 0; j < N; j++)
        {
            double c = acc ? C[i * N + j] : 0.0;

            for (kb = 0; kb < K; kb += WC_DYN_GEMM_KC)
            {
                double l[8] = {0, 0, 0, 0, 0, 0, 0, 0}, t;
                slong end = FLINT_MIN(K, kb + WC_DYN_GEMM_KC);

                for (k = kb; k < end; k++)
                {
                    q = (k - kb) % 8;
                    l[q] = l[q] + A[i * K + k] * B[j * K + k];
                }
                t = ((l[0] + l[1]) + (l[2] + l[3]))
                    + ((l[4] + l[5]) + (l[6] + l[7]));
                c = (kb == 0 && !acc) ? t : c + t;
            }
            C[i * N + j] = c;
        }
}

NO_CONTRACT static void
ref_nn(double * C, const double * A, const double * B, slong M, slong N,
       slong K)
{
    slong i, j, k;

    for (i = 0; i < M; i++)
        for (j = 0; j < N; j++)
        {
            double s = 0.0;

            for (k = 0; k < K; k++)
                s = s + A[i * K + k] * B[k * N + j];
            C[i * N + j] = s;
        }
}

NO_CONTRACT static void
ref_tn(double * C, const double * A, const double * B, slong M, slong N,
       slong K, double alpha)
{
    slong i, j, k;

    for (i = 0; i < M; i++)
        for (j = 0; j < N; j++)
        {
            double s = 0.0;

            for (k = 0; k < K; k++)
                s = s + A[k * M + i] * B[k * N + j];
            C[i * N + j] = C[i * N + j] + alpha * s;
        }
}

static int
same_bits(const double * a, const double * b, slong len)
{
    return memcmp(a, b, len * sizeof(double)) == 0;
}

static void
fill(double * x, slong len, wc_test_t t)
{
    slong i;

    for (i = 0; i < len; i++)
        x[i] = dyntest_unif(t) * ldexp(1.0, (int) n_randint(t->state, 5));
}

/* |C - exact| <= gamma_K sum |a b| (+ the rounding of the addition to C
   for acc and tn), with the products in long double. */
static int
within_bound(const double * C, const double * C0, const double * A,
             const double * B, slong M, slong N, slong K, int kind,
             double alpha)
{
    const long double u = ldexpl(1.0L, -53);
    slong i, j, k;

    for (i = 0; i < M; i++)
        for (j = 0; j < N; j++)
        {
            long double s = 0, sa = 0, g, ex;

            for (k = 0; k < K; k++)
            {
                long double p;

                if (kind == 0)
                    p = (long double) A[i * K + k] * B[j * K + k];
                else if (kind == 1)
                    p = (long double) A[i * K + k] * B[k * N + j];
                else
                    p = (long double) A[k * M + i] * B[k * N + j];
                s += p;
                sa += fabsl(p);
            }
            g = (K + 2) * u / (1 - (K + 2) * u);
            if (kind == 2)
            {
                ex = C0[i * N + j] + alpha * s;
                sa = fabsl((long double) C0[i * N + j]) + fabsl(alpha) * sa;
            }
            else
                ex = s;
            if (fabsl((long double) C[i * N + j] - ex) > g * sa + 1e-300L)
                return 0;
        }
    return 1;
}

int
main(void)
{
    wc_test_t t;
    slong trial, ntrials;
    int path;

    wc_test_init(t, "t-gemm");
    ntrials = wc_test_trials(t, 60);

    for (trial = 0; trial < ntrials; trial++)
    {
        /* Sizes around the tile and block edges, and beyond one k
           block (KC = 512). */
        slong M = 1 + n_randint(t->state, 9);
        slong N = 1 + n_randint(t->state, trial % 4 == 0 ? 600 : 40);
        slong K = (trial % 5 == 0) ? 1 + n_randint(t->state, 1300)
                                   : n_randint(t->state, 50);
        double * A = flint_malloc((M * K + 1) * sizeof(double));
        double * B = flint_malloc((N * K + 1) * sizeof(double));
        double * Bt = flint_malloc((K * N + 1) * sizeof(double));
        double * At = flint_malloc((K * M + 1) * sizeof(double));
        double * C0 = flint_malloc(M * N * sizeof(double));
        double * R = flint_malloc(M * N * sizeof(double));
        double * C = flint_malloc(M * N * sizeof(double));
        double alpha = dyntest_unif(t);

        fill(A, M * K, t);
        fill(B, N * K, t);
        fill(Bt, K * N, t);
        fill(At, K * M, t);
        fill(C0, M * N, t);

        for (path = 1; path <= 3; path++)
        {
            int acc;

            if (!_wc_dyn_gemm_set_path(path))
                continue;

            for (acc = 0; acc <= 1; acc++)
            {
                memcpy(R, C0, M * N * sizeof(double));
                memcpy(C, C0, M * N * sizeof(double));
                ref_nt(R, A, B, M, N, K, acc);
                _wc_dyn_gemm_nt(C, N, A, K, B, K, M, N, K, acc);
                WC_CHECK(t, same_bits(C, R, M * N), "nt path %d acc %d, "
                         "M %ld N %ld K %ld", path, acc, (long) M, (long) N,
                         (long) K);
                if (!acc)
                    WC_CHECK(t, within_bound(C, C0, A, B, M, N, K, 0, 0),
                             "nt error bound, K %ld", (long) K);
            }

            ref_nn(R, A, Bt, M, N, K);
            _wc_dyn_gemm_nn(C, N, A, K, Bt, N, M, N, K);
            WC_CHECK(t, same_bits(C, R, M * N), "nn path %d, M %ld N %ld "
                     "K %ld", path, (long) M, (long) N, (long) K);
            WC_CHECK(t, within_bound(C, C0, A, Bt, M, N, K, 1, 0),
                     "nn error bound");

            memcpy(R, C0, M * N * sizeof(double));
            memcpy(C, C0, M * N * sizeof(double));
            ref_tn(R, At, Bt, M, N, K, alpha);
            _wc_dyn_gemm_tn(C, N, At, M, Bt, N, M, N, K, alpha);
            WC_CHECK(t, same_bits(C, R, M * N), "tn path %d, M %ld N %ld "
                     "K %ld", path, (long) M, (long) N, (long) K);
            WC_CHECK(t, within_bound(C, C0, At, Bt, M, N, K, 2, alpha),
                     "tn error bound");
        }
        _wc_dyn_gemm_set_path(0);

        flint_free(A);
        flint_free(B);
        flint_free(Bt);
        flint_free(At);
        flint_free(C0);
        flint_free(R);
        flint_free(C);
    }

    /* Leading dimensions larger than the row length: a block of a larger
       matrix. */
    {
        double A[6 * 20], B[7 * 20], C[5 * 9];
        slong i, j, k;

        fill(A, 6 * 20, t);
        fill(B, 7 * 20, t);
        _wc_dyn_gemm_nt(C, 9, A, 20, B, 20, 5, 7, 13, 0);
        for (i = 0; i < 5; i++)
            for (j = 0; j < 7; j++)
            {
                double a[13], b[13], r;

                for (k = 0; k < 13; k++)
                {
                    a[k] = A[i * 20 + k];
                    b[k] = B[j * 20 + k];
                }
                ref_nt(&r, a, b, 1, 1, 13, 0);
                WC_CHECK(t, C[i * 9 + j] == r, "nt with strides");
            }
    }

    return wc_test_finish(t);
}
