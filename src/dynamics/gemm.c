/* Cache-blocked matrix products for training and jets (dyn_impl.h states
   the order of operations).  gemm_body.h is compiled three times: for
   AVX-512, for AVX2 and portably; the path is chosen once from the
   processor.  Contraction into fused multiply-adds is off in every copy,
   so the three agree bit for bit. */

#if defined(__clang__)
#pragma STDC FP_CONTRACT OFF
#endif

#include "dyn_impl.h"

typedef double wc_v8 __attribute__((vector_size(64)));
typedef double wc_v4 __attribute__((vector_size(32)));
typedef double wc_v2 __attribute__((vector_size(16)));

#if defined(__GNUC__) && !defined(__clang__)
#define WC_DYN_NO_CONTRACT optimize("fp-contract=off")
#else
#define WC_DYN_NO_CONTRACT
#endif

#if defined(__GNUC__) && defined(__x86_64__)
#define WC_DYN_X86 1
#else
#define WC_DYN_X86 0
#endif

#define GEMM_TARGET __attribute__((WC_DYN_NO_CONTRACT))
#define GEMM_SUFFIX _generic
#define GEMM_VEC wc_v2
#define GEMM_VL 2
#define GEMM_NT_MR 1
#define GEMM_NT_NR 1
#define GEMM_NN_MR 1
#define GEMM_NN_NV 1
#include "gemm_body.h"
#undef GEMM_TARGET
#undef GEMM_SUFFIX
#undef GEMM_NT_MR
#undef GEMM_NT_NR
#undef GEMM_NN_MR
#undef GEMM_NN_NV
#undef GEMM_VEC
#undef GEMM_VL

#if WC_DYN_X86
#define GEMM_TARGET __attribute__((target("avx2"), WC_DYN_NO_CONTRACT))
#define GEMM_SUFFIX _avx2
#define GEMM_VEC wc_v4
#define GEMM_VL 4
#define GEMM_NT_MR 2
#define GEMM_NT_NR 2
#define GEMM_NN_MR 2
#define GEMM_NN_NV 2
#include "gemm_body.h"
#undef GEMM_TARGET
#undef GEMM_SUFFIX
#undef GEMM_NT_MR
#undef GEMM_NT_NR
#undef GEMM_NN_MR
#undef GEMM_NN_NV
#undef GEMM_VEC
#undef GEMM_VL

#define GEMM_TARGET __attribute__((target("avx512f"), WC_DYN_NO_CONTRACT))
#define GEMM_SUFFIX _avx512
#define GEMM_VEC wc_v8
#define GEMM_VL 8
#define GEMM_NT_MR 4
#define GEMM_NT_NR 4
#define GEMM_NN_MR 4
#define GEMM_NN_NV 2
#include "gemm_body.h"
#undef GEMM_TARGET
#undef GEMM_SUFFIX
#undef GEMM_NT_MR
#undef GEMM_NT_NR
#undef GEMM_NN_MR
#undef GEMM_NN_NV
#undef GEMM_VEC
#undef GEMM_VL
#endif

/* The path in use: 0 not chosen yet, then 1, 2 or 3 as in
   _wc_dyn_gemm_set_path. */
static int gemm_path = 0;

static int
path_available(int path)
{
    if (path == 1)
        return 1;
#if WC_DYN_X86
    __builtin_cpu_init();
    if (path == 2)
        return __builtin_cpu_supports("avx2");
    if (path == 3)
        return __builtin_cpu_supports("avx512f");
#endif
    return 0;
}

static int
current_path(void)
{
    int p = gemm_path;

    if (p == 0)
    {
        p = path_available(3) ? 3 : path_available(2) ? 2 : 1;
        gemm_path = p;
    }
    return p;
}

int
_wc_dyn_gemm_set_path(int path)
{
    if (path == 0)
    {
        gemm_path = 0;
        return 1;
    }
    if (path < 0 || path > 3 || !path_available(path))
        return 0;
    gemm_path = path;
    return 1;
}

void
_wc_dyn_gemm_nt(double * C, slong ldc, const double * A, slong lda,
                const double * B, slong ldb, slong M, slong N, slong K,
                int acc)
{
    switch (current_path())
    {
#if WC_DYN_X86
        case 3:
            gemm_nt_avx512(C, ldc, A, lda, B, ldb, M, N, K, acc);
            return;
        case 2:
            gemm_nt_avx2(C, ldc, A, lda, B, ldb, M, N, K, acc);
            return;
#endif
        default:
            gemm_nt_generic(C, ldc, A, lda, B, ldb, M, N, K, acc);
    }
}

void
_wc_dyn_gemm_nn(double * C, slong ldc, const double * A, slong lda,
                const double * B, slong ldb, slong M, slong N, slong K)
{
    switch (current_path())
    {
#if WC_DYN_X86
        case 3:
            gemm_nn_avx512(C, ldc, A, lda, B, ldb, M, N, K);
            return;
        case 2:
            gemm_nn_avx2(C, ldc, A, lda, B, ldb, M, N, K);
            return;
#endif
        default:
            gemm_nn_generic(C, ldc, A, lda, B, ldb, M, N, K);
    }
}

void
_wc_dyn_gemm_tn(double * C, slong ldc, const double * A, slong lda,
                const double * B, slong ldb, slong M, slong N, slong K,
                double alpha)
{
    switch (current_path())
    {
#if WC_DYN_X86
        case 3:
            gemm_tn_avx512(C, ldc, A, lda, B, ldb, M, N, K, alpha);
            return;
        case 2:
            gemm_tn_avx2(C, ldc, A, lda, B, ldb, M, N, K, alpha);
            return;
#endif
        default:
            gemm_tn_generic(C, ldc, A, lda, B, ldb, M, N, K, alpha);
    }
}

double
_wc_dyn_dot(const double * a, const double * b, slong len)
{
    double r;

    _wc_dyn_gemm_nt(&r, 1, a, len, b, len, 1, 1, len, 0);
    return r;
}
