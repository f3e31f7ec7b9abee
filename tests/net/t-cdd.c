/* C^{0,d}, C^{1,d} and the spectral norm of C^{2,d} on one sample
   against explicit tensors (naive.c): the metric gradient v = G g is
   formed explicitly, C^{0,j} = T^(j)[v^j] / j!, C^{1,d} = T^(d+1)[v^d, .]
   / d!, and C^{2,d} = T^(d+2)[v^d, ., .] / (2 d!) as a P x P matrix whose
   spectral norm in the metric (that of G^(1/2) C G^(1/2)) is computed by
   the cyclic Jacobi method, an algorithm unrelated to Lanczos.

   Tolerances: 2^10 ulps of the absolute scale for the values, as in
   t-jet; for the spectral norm 1e-9 relative plus the same rounding
   allowance (Lanczos is run to a relative residual of 1e-12 and on these
   small problems reaches an invariant subspace). */

#include <math.h>
#include <string.h>

#include "naive.h"

#define TOL 0x1p-43

/* Largest |eigenvalue| of the symmetric n x n matrix A (destroyed). */
static double
jacobi_norm(double * A, slong n)
{
    slong sweep, p, q, k;
    double best = 0;

    for (sweep = 0; sweep < 100; sweep++)
    {
        double off = 0, tot = 0;

        for (p = 0; p < n; p++)
            for (q = 0; q < n; q++)
            {
                tot += A[p * n + q] * A[p * n + q];
                if (p != q)
                    off += A[p * n + q] * A[p * n + q];
            }
        if (off <= 1e-32 * tot)
            break;
        for (p = 0; p < n; p++)
            for (q = p + 1; q < n; q++)
            {
                double apq = A[p * n + q], th, tt, c, s;

                if (apq == 0)
                    continue;
                th = (A[q * n + q] - A[p * n + p]) / (2 * apq);
                tt = (th >= 0 ? 1.0 : -1.0) / (fabs(th) + sqrt(th * th + 1));
                c = 1 / sqrt(tt * tt + 1);
                s = tt * c;
                for (k = 0; k < n; k++)
                {
                    double akp = A[k * n + p], akq = A[k * n + q];

                    A[k * n + p] = c * akp - s * akq;
                    A[k * n + q] = s * akp + c * akq;
                }
                for (k = 0; k < n; k++)
                {
                    double apk = A[p * n + k], aqk = A[q * n + k];

                    A[p * n + k] = c * apk - s * aqk;
                    A[q * n + k] = s * apk + c * aqk;
                }
            }
    }
    for (p = 0; p < n; p++)
        best = FLINT_MAX(best, fabs(A[p * n + p]));
    return best;
}

int
main(void)
{
    wc_test_t t;
    slong trial;

    wc_test_init(t, "t-cdd");
    for (trial = 0; trial < wc_test_trials(t, 30); trial++)
    {
        wc_net_t net;
        wc_mlp_t mlp;
        naive_tensors_t Tm, Tg;
        wc_pvec_t u;
        double xm[2], xg[2], c[8], * v, * e, * A, scale, fac;
        const double * vv[8];
        slong width = wc_test_randint(t, 1, 2), P, d, j, i, kmax;

        wc_net_init(net);
        naive_random_net(net, t, 2);
        wc_mlp_init(mlp, net, width, -1);
        wc_mlp_draw(mlp, n_randlimb(t->state), (uint32_t) trial);
        P = wc_mlp_num_params(mlp);
        kmax = (P <= 10) ? 5 : 4;
        wc_net_input_d(xm, net, WC_INPUT_DEFAULT);
        wc_net_input_d(xg, net, (trial % 2) ? 1 : WC_INPUT_DEFAULT);
        naive_tensors_init(Tm, mlp, xm, kmax);
        naive_tensors_init(Tg, mlp, xg, 1);
        v = flint_malloc(P * sizeof(double));
        e = flint_calloc(P, sizeof(double));
        A = flint_malloc(P * P * sizeof(double));
        for (i = 0; i < P; i++)
            v[i] = Tg->t[1][i] * naive_metric(mlp, i);
        for (j = 0; j < 8; j++)
            vv[j] = v;

        /* C^{0,j}, j <= kmax */
        wc_mlp_cdd0(c, mlp, xm, xg, kmax);
        for (j = 0, fac = 1; j <= kmax; j++, fac *= j)
        {
            double want = naive_contract_vectors(&scale, Tm, j, vv) / fac;

            WC_CHECK(t, fabs(c[j] - want) <= TOL * scale / fac + 1e-300,
                     "trial %ld (%s): C[0,%ld] = %.17g, naive %.17g",
                     (long) trial, wc_act_name(net->act), (long) j, c[j],
                     want);
        }

        /* C^{1,d}, d + 1 <= kmax */
        wc_pvec_init(u, mlp);
        for (d = 0, fac = 1; d + 1 <= kmax; d++, fac *= d)
        {
            wc_mlp_cdd1(u, mlp, xm, xg, d);
            vv[d] = e;
            for (i = 0; i < P; i++)
            {
                double want, got = wc_pvec_get_entry(u, i);

                e[i] = 1;
                want = naive_contract_vectors(&scale, Tm, d + 1, vv) / fac;
                e[i] = 0;
                WC_CHECK(t, fabs(got - want) <= TOL * scale / fac + 1e-300,
                         "trial %ld (%s): C[1,%ld] entry %ld = %.17g, naive "
                         "%.17g", (long) trial, wc_act_name(net->act),
                         (long) d, (long) i, got, want);
            }
            vv[d] = v;
        }

        /* |C^{2,d}|_op, d + 2 <= kmax */
        for (d = 0, fac = 1; d + 2 <= kmax; d++, fac *= d)
        {
            double got, resid, want, sc = 0;
            slong p, q, iters;

            for (p = 0; p < P; p++)
                for (q = 0; q < P; q++)
                {
                    double a;

                    memset(e, 0, P * sizeof(double));
                    vv[d] = e;
                    /* T[v^d, e_p, e_q]: two unit vectors */
                    {
                        double * e2 = flint_calloc(P, sizeof(double));

                        e[p] = 1;
                        e2[q] = 1;
                        vv[d + 1] = e2;
                        a = naive_contract_vectors(&scale, Tm, d + 2, vv);
                        flint_free(e2);
                    }
                    e[p] = 0;
                    A[p * P + q] = a / (2 * fac)
                                   * sqrt(naive_metric(mlp, p)
                                          * naive_metric(mlp, q));
                    sc = FLINT_MAX(sc, scale / (2 * fac)
                                   * sqrt(naive_metric(mlp, p)
                                          * naive_metric(mlp, q)));
                }
            vv[d] = vv[d + 1] = v;
            want = jacobi_norm(A, P);
            got = wc_mlp_cdd2_opnorm(&resid, &iters, mlp, xm, xg, d, 1e-12,
                                     4 * P + 10, 0);
            WC_CHECK(t, fabs(got - want) <= 1e-9 * want + TOL * P * sc
                     + 1e-300,
                     "trial %ld (%s %s P=%ld): |C[2,%ld]|_op = %.17g, Jacobi "
                     "%.17g (residual %g after %ld steps)", (long) trial,
                     wc_act_name(net->act), wc_param_name(net->param),
                     (long) P, (long) d, got, want, resid, (long) iters);
        }

        wc_pvec_clear(u);
        flint_free(v);
        flint_free(e);
        flint_free(A);
        naive_tensors_clear(Tm);
        naive_tensors_clear(Tg);
        wc_mlp_clear(mlp);
        wc_net_clear(net);
    }
    return wc_test_finish(t);
}
