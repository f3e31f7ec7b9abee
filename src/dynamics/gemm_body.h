/* The matrix-product kernels of gemm.c, compiled once per instruction-set
   path.  The includer defines
     GEMM_TARGET    the function attributes (target, no contraction),
     GEMM_SUFFIX    the name suffix of this path,
     GEMM_NT_MR, GEMM_NT_NR   the register tile of nt,
     GEMM_NN_MR, GEMM_NN_NV   rows and vectors of 8 columns of the nn
                              and tn tiles,
   and GEMM_VEC, a vector type of GEMM_VL doubles (8, 4 or 2); eight
   consecutive values, the unit of the lane structure, are GEMM_P =
   8 / GEMM_VL vectors.  The operations on vectors are element-wise IEEE
   operations and every tile computes each entry by the same sequence of
   them, so the paths and tile shapes agree bit for bit. */

#define GEMM_CAT2(a, b) a##b
#define GEMM_CAT(a, b) GEMM_CAT2(a, b)
#define GEMM_FN(name) GEMM_CAT(name, GEMM_SUFFIX)

#define GEMM_P (8 / GEMM_VL)
#define GEMM_LOAD(x, p) memcpy(&(x), (p), sizeof(GEMM_VEC))
#define GEMM_STORE(p, x) memcpy((p), &(x), sizeof(GEMM_VEC))
#define GEMM_ZERO(x) memset(&(x), 0, sizeof(GEMM_VEC))

/* The eight lanes of x[0..P-1] summed in the fixed order of
   dyn_impl.h. */
#define GEMM_HSUM(res, x)                                                  \
    do                                                                     \
    {                                                                      \
        double l_[8];                                                      \
        memcpy(l_, (x), sizeof(l_));                                       \
        (res) = ((l_[0] + l_[1]) + (l_[2] + l_[3]))                        \
                + ((l_[4] + l_[5]) + (l_[6] + l_[7]));                     \
    }                                                                      \
    while (0)

/* ------------------------------------------------------------------ */
/* nt: an MR x NR tile over one block of len <= KC values of k.  The tail
   of the block (len mod 8 values) goes through zero-padded copies: a
   padded lane adds 0 * 0 = +0, which leaves every accumulator
   unchanged. */

#define GEMM_NT_TILE(NAME, MR, NR)                                         \
GEMM_TARGET static void                                                    \
GEMM_FN(NAME)(double * C, slong ldc, const double * A, slong lda,          \
              const double * B, slong ldb, slong len, int acc)             \
{                                                                          \
    GEMM_VEC s[MR][NR][GEMM_P], a[MR][GEMM_P], b[NR][GEMM_P];              \
    double pa[MR][8], pb[NR][8];                                           \
    slong k, r, c, p, full = len - len % 8;                                \
                                                                           \
    for (r = 0; r < MR; r++)                                               \
        for (c = 0; c < NR; c++)                                           \
            for (p = 0; p < GEMM_P; p++)                                   \
                GEMM_ZERO(s[r][c][p]);                                     \
    for (k = 0; k < full; k += 8)                                          \
    {                                                                      \
        for (r = 0; r < MR; r++)                                           \
            for (p = 0; p < GEMM_P; p++)                                   \
                GEMM_LOAD(a[r][p], A + r * lda + k + p * GEMM_VL);         \
        for (c = 0; c < NR; c++)                                           \
            for (p = 0; p < GEMM_P; p++)                                   \
                GEMM_LOAD(b[c][p], B + c * ldb + k + p * GEMM_VL);         \
        for (r = 0; r < MR; r++)                                           \
            for (c = 0; c < NR; c++)                                       \
                for (p = 0; p < GEMM_P; p++)                               \
                    s[r][c][p] = s[r][c][p] + a[r][p] * b[c][p];           \
    }                                                                      \
    if (full < len)                                                        \
    {                                                                      \
        memset(pa, 0, sizeof(pa));                                         \
        memset(pb, 0, sizeof(pb));                                         \
        for (r = 0; r < MR; r++)                                           \
            memcpy(pa[r], A + r * lda + full,                              \
                   (len - full) * sizeof(double));                         \
        for (c = 0; c < NR; c++)                                           \
            memcpy(pb[c], B + c * ldb + full,                              \
                   (len - full) * sizeof(double));                         \
        for (r = 0; r < MR; r++)                                           \
            for (p = 0; p < GEMM_P; p++)                                   \
                GEMM_LOAD(a[r][p], pa[r] + p * GEMM_VL);                   \
        for (c = 0; c < NR; c++)                                           \
            for (p = 0; p < GEMM_P; p++)                                   \
                GEMM_LOAD(b[c][p], pb[c] + p * GEMM_VL);                   \
        for (r = 0; r < MR; r++)                                           \
            for (c = 0; c < NR; c++)                                       \
                for (p = 0; p < GEMM_P; p++)                               \
                    s[r][c][p] = s[r][c][p] + a[r][p] * b[c][p];           \
    }                                                                      \
    for (r = 0; r < MR; r++)                                               \
        for (c = 0; c < NR; c++)                                           \
        {                                                                  \
            double t;                                                      \
                                                                           \
            GEMM_HSUM(t, s[r][c]);                                         \
            C[r * ldc + c] = acc ? C[r * ldc + c] + t : t;                 \
        }                                                                  \
}

GEMM_NT_TILE(nt_tile_full, GEMM_NT_MR, GEMM_NT_NR)
GEMM_NT_TILE(nt_tile_row, 1, GEMM_NT_NR)
GEMM_NT_TILE(nt_tile_col, GEMM_NT_MR, 1)
GEMM_NT_TILE(nt_tile_one, 1, 1)

GEMM_TARGET static void
GEMM_FN(gemm_nt)(double * C, slong ldc, const double * A, slong lda,
                 const double * B, slong ldb, slong M, slong N, slong K,
                 int acc)
{
    slong kb, i, j, len;

    for (kb = 0; kb < K; kb += WC_DYN_GEMM_KC)
    {
        int add = acc || kb > 0;

        len = FLINT_MIN(WC_DYN_GEMM_KC, K - kb);
        for (j = 0; j + GEMM_NT_NR <= N; j += GEMM_NT_NR)
        {
            for (i = 0; i + GEMM_NT_MR <= M; i += GEMM_NT_MR)
                GEMM_FN(nt_tile_full)(C + i * ldc + j, ldc, A + i * lda + kb,
                                      lda, B + j * ldb + kb, ldb, len, add);
            for (; i < M; i++)
                GEMM_FN(nt_tile_row)(C + i * ldc + j, ldc, A + i * lda + kb,
                                     lda, B + j * ldb + kb, ldb, len, add);
        }
        for (; j < N; j++)
        {
            for (i = 0; i + GEMM_NT_MR <= M; i += GEMM_NT_MR)
                GEMM_FN(nt_tile_col)(C + i * ldc + j, ldc, A + i * lda + kb,
                                     lda, B + j * ldb + kb, ldb, len, add);
            for (; i < M; i++)
                GEMM_FN(nt_tile_one)(C + i * ldc + j, ldc, A + i * lda + kb,
                                     lda, B + j * ldb + kb, ldb, len, add);
        }
    }
    if (K == 0 && !acc)
        for (i = 0; i < M; i++)
            for (j = 0; j < N; j++)
                C[i * ldc + j] = 0.0;
}

/* ------------------------------------------------------------------ */
/* nn: C[i][j] = sum_k A[i][k] B[k][j], each entry accumulated in k
   order; the accumulator round-trips through C between blocks of k,
   which is exact.  Panels of WC_DYN_GEMM_JC columns keep the rows of B
   that a block reads contiguous (one page each). */

#define GEMM_JC 512
#define GEMM_NN_KC 128
#define GEMM_NN_W (8 * GEMM_NN_NV)

#define GEMM_NN_TILE(NAME, MR)                                             \
GEMM_TARGET static void                                                    \
GEMM_FN(NAME)(double * C, slong ldc, const double * A, slong lda,          \
              const double * B, slong ldb, slong len, int first)           \
{                                                                          \
    GEMM_VEC s[MR][GEMM_NN_NV * GEMM_P], b[GEMM_NN_NV * GEMM_P];           \
    slong k, r, c;                                                         \
                                                                           \
    for (r = 0; r < MR; r++)                                               \
        for (c = 0; c < GEMM_NN_NV * GEMM_P; c++)                          \
        {                                                                  \
            if (first)                                                     \
                GEMM_ZERO(s[r][c]);                                        \
            else                                                           \
                GEMM_LOAD(s[r][c], C + r * ldc + GEMM_VL * c);             \
        }                                                                  \
    for (k = 0; k < len; k++)                                              \
    {                                                                      \
        for (c = 0; c < GEMM_NN_NV * GEMM_P; c++)                          \
            GEMM_LOAD(b[c], B + k * ldb + GEMM_VL * c);                    \
        for (r = 0; r < MR; r++)                                           \
        {                                                                  \
            double a = A[r * lda + k];                                     \
                                                                           \
            for (c = 0; c < GEMM_NN_NV * GEMM_P; c++)                      \
                s[r][c] = s[r][c] + a * b[c];                              \
        }                                                                  \
    }                                                                      \
    for (r = 0; r < MR; r++)                                               \
        for (c = 0; c < GEMM_NN_NV * GEMM_P; c++)                          \
            GEMM_STORE(C + r * ldc + GEMM_VL * c, s[r][c]);                \
}

GEMM_NN_TILE(nn_tile_full, GEMM_NN_MR)
GEMM_NN_TILE(nn_tile_row, 1)

/* Columns j0 <= j < j1 of rows i < M, one entry at a time, with the
   operations of a vector lane. */
GEMM_TARGET static void
GEMM_FN(nn_edge)(double * C, slong ldc, const double * A, slong lda,
                 const double * B, slong ldb, slong M, slong j0, slong j1,
                 slong len, int first)
{
    slong i, j, k;

    for (i = 0; i < M; i++)
        for (j = j0; j < j1; j++)
        {
            double s = first ? 0.0 : C[i * ldc + j];

            for (k = 0; k < len; k++)
                s = s + A[i * lda + k] * B[k * ldb + j];
            C[i * ldc + j] = s;
        }
}

GEMM_TARGET static void
GEMM_FN(gemm_nn)(double * C, slong ldc, const double * A, slong lda,
                 const double * B, slong ldb, slong M, slong N, slong K)
{
    slong jp, jend, kb, i, j, len;

    if (K == 0)
    {
        for (i = 0; i < M; i++)
            for (j = 0; j < N; j++)
                C[i * ldc + j] = 0.0;
        return;
    }
    for (jp = 0; jp < N; jp += GEMM_JC)
    {
        jend = FLINT_MIN(N, jp + GEMM_JC);
        for (kb = 0; kb < K; kb += GEMM_NN_KC)
        {
            const double * Ak = A + kb;
            const double * Bk = B + kb * ldb;

            len = FLINT_MIN(GEMM_NN_KC, K - kb);
            for (i = 0; i + GEMM_NN_MR <= M; i += GEMM_NN_MR)
                for (j = jp; j + GEMM_NN_W <= jend; j += GEMM_NN_W)
                    GEMM_FN(nn_tile_full)(C + i * ldc + j, ldc,
                                          Ak + i * lda, lda, Bk + j, ldb,
                                          len, kb == 0);
            for (; i < M; i++)
                for (j = jp; j + GEMM_NN_W <= jend; j += GEMM_NN_W)
                    GEMM_FN(nn_tile_row)(C + i * ldc + j, ldc, Ak + i * lda,
                                         lda, Bk + j, ldb, len, kb == 0);
            j = jend - (jend - jp) % GEMM_NN_W;
            if (j < jend)
                GEMM_FN(nn_edge)(C, ldc, Ak, lda, Bk, ldb, M, j, jend, len,
                                 kb == 0);
        }
    }
}

/* ------------------------------------------------------------------ */
/* tn: C[i][j] += alpha * sum_k A[k][i] B[k][j]. */

#define GEMM_TN_TILE(NAME, MR)                                             \
GEMM_TARGET static void                                                    \
GEMM_FN(NAME)(double * C, slong ldc, const double * A, slong lda,          \
              const double * B, slong ldb, slong K, double alpha)          \
{                                                                          \
    GEMM_VEC s[MR][GEMM_NN_NV * GEMM_P], b[GEMM_NN_NV * GEMM_P], t;        \
    slong k, r, c;                                                         \
                                                                           \
    for (r = 0; r < MR; r++)                                               \
        for (c = 0; c < GEMM_NN_NV * GEMM_P; c++)                          \
            GEMM_ZERO(s[r][c]);                                            \
    for (k = 0; k < K; k++)                                                \
    {                                                                      \
        for (c = 0; c < GEMM_NN_NV * GEMM_P; c++)                          \
            GEMM_LOAD(b[c], B + k * ldb + GEMM_VL * c);                    \
        for (r = 0; r < MR; r++)                                           \
        {                                                                  \
            double a = A[k * lda + r];                                     \
                                                                           \
            for (c = 0; c < GEMM_NN_NV * GEMM_P; c++)                      \
                s[r][c] = s[r][c] + a * b[c];                              \
        }                                                                  \
    }                                                                      \
    for (r = 0; r < MR; r++)                                               \
        for (c = 0; c < GEMM_NN_NV * GEMM_P; c++)                          \
        {                                                                  \
            GEMM_LOAD(t, C + r * ldc + GEMM_VL * c);                       \
            t = t + alpha * s[r][c];                                       \
            GEMM_STORE(C + r * ldc + GEMM_VL * c, t);                      \
        }                                                                  \
}

GEMM_TN_TILE(tn_tile_full, GEMM_NN_MR)
GEMM_TN_TILE(tn_tile_row, 1)

GEMM_TARGET static void
GEMM_FN(tn_edge)(double * C, slong ldc, const double * A, slong lda,
                 const double * B, slong ldb, slong M, slong j0, slong j1,
                 slong K, double alpha)
{
    slong i, j, k;

    for (i = 0; i < M; i++)
        for (j = j0; j < j1; j++)
        {
            double s = 0.0;

            for (k = 0; k < K; k++)
                s = s + A[k * lda + i] * B[k * ldb + j];
            C[i * ldc + j] = C[i * ldc + j] + alpha * s;
        }
}

GEMM_TARGET static void
GEMM_FN(gemm_tn)(double * C, slong ldc, const double * A, slong lda,
                 const double * B, slong ldb, slong M, slong N, slong K,
                 double alpha)
{
    slong jp, jend, i, j;

    for (jp = 0; jp < N; jp += GEMM_JC)
    {
        jend = FLINT_MIN(N, jp + GEMM_JC);
        for (i = 0; i + GEMM_NN_MR <= M; i += GEMM_NN_MR)
            for (j = jp; j + GEMM_NN_W <= jend; j += GEMM_NN_W)
                GEMM_FN(tn_tile_full)(C + i * ldc + j, ldc, A + i, lda,
                                      B + j, ldb, K, alpha);
        for (; i < M; i++)
            for (j = jp; j + GEMM_NN_W <= jend; j += GEMM_NN_W)
                GEMM_FN(tn_tile_row)(C + i * ldc + j, ldc, A + i, lda,
                                     B + j, ldb, K, alpha);
        j = jend - (jend - jp) % GEMM_NN_W;
        if (j < jend)
            GEMM_FN(tn_edge)(C + j, ldc, A, lda, B + j, ldb, M, 0,
                             jend - j, K, alpha);
    }
}

#undef GEMM_NT_TILE
#undef GEMM_NN_TILE
#undef GEMM_TN_TILE
#undef GEMM_JC
#undef GEMM_NN_KC
#undef GEMM_NN_W
#undef GEMM_LOAD
#undef GEMM_STORE
#undef GEMM_HSUM
#undef GEMM_ZERO
#undef GEMM_P
