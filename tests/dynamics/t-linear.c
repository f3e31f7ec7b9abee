/* The linearised model.

   1. wc_dyn_linear_step, full batch, squared loss, against the closed
      form of linearised gradient descent: with A = eta/B Theta_tt,
          f_lin(s) = y + (I - A)^s (f_0 - y)          on the training set,
          f_lin(s) = f_0 - eta/B Theta_et sum_{r<s} (I - A)^r (f_0 - y)
                                                       on the test set,
      evaluated through the eigendecomposition of Theta_tt (cyclic
      Jacobi in long double, written here).  Each step commits a few ulp
      of |f| + eta sum |K| |loss'| and the iteration does not amplify
      errors (|1 - eta lambda / B| <= 1 here), so s steps stay within
      2^-40 s times that scale.
   2. wc_dyn_train's reported training loss of the linear model at
      several steps against the same closed form (relative 2^-36), and
      for the centred model a (f - f(theta_0)) against the closed form
      started from 0.
   3. wc_dyn_lambda_max against known spectra: never above lambda_max
      (up to rounding), and converged when the gap is wide.
   4. The logistic loss and its derivative against long double formulas,
      including arguments where exp would overflow.
   5. Minibatches: every ntrain consecutive positions of the sequence
      form a permutation, the sequence does not depend on the batch size,
      and it is reproducible. */

#include "dyntest.h"

typedef long double ld;

/* Eigen-decomposition of the symmetric m x m matrix A (destroyed):
   eigenvalues in lam, eigenvectors in the columns of Q. */
static void
jacobi(ld * lam, ld * Q, ld * A, slong m)
{
    slong sweep, p, q, k;

    for (p = 0; p < m; p++)
        for (q = 0; q < m; q++)
            Q[p * m + q] = (p == q);
    for (sweep = 0; sweep < 100; sweep++)
    {
        ld off = 0;

        for (p = 0; p < m; p++)
            for (q = p + 1; q < m; q++)
                off += A[p * m + q] * A[p * m + q];
        if (off < 1e-60L)
            break;
        for (p = 0; p < m; p++)
            for (q = p + 1; q < m; q++)
            {
                ld apq = A[p * m + q], th, tt, c, s;

                if (fabsl(apq) < 1e-300L)
                    continue;
                th = (A[q * m + q] - A[p * m + p]) / (2 * apq);
                tt = (th >= 0 ? 1 : -1) / (fabsl(th) + sqrtl(th * th + 1));
                c = 1 / sqrtl(tt * tt + 1);
                s = tt * c;
                for (k = 0; k < m; k++)
                {
                    ld akp = A[k * m + p], akq = A[k * m + q];

                    A[k * m + p] = c * akp - s * akq;
                    A[k * m + q] = s * akp + c * akq;
                }
                for (k = 0; k < m; k++)
                {
                    ld apk = A[p * m + k], aqk = A[q * m + k];

                    A[p * m + k] = c * apk - s * aqk;
                    A[q * m + k] = s * apk + c * aqk;
                }
                for (k = 0; k < m; k++)
                {
                    ld qkp = Q[k * m + p], qkq = Q[k * m + q];

                    Q[k * m + p] = c * qkp - s * qkq;
                    Q[k * m + q] = s * qkp + c * qkq;
                }
            }
    }
    for (p = 0; p < m; p++)
        lam[p] = A[p * m + p];
}

/* The closed form at step s on all N points. */
static void
closed_form(ld * out, const double * K, const double * f0, const double * y,
            slong ntrain, slong N, double eta, slong s)
{
    slong B = ntrain, i, j, a;
    ld * A = flint_malloc(B * B * sizeof(ld));
    ld * Q = flint_malloc(B * B * sizeof(ld));
    ld * lam = flint_malloc(B * sizeof(ld));
    ld * r0 = flint_malloc(B * sizeof(ld));
    ld * c = flint_malloc(B * sizeof(ld));
    ld * sumr = flint_malloc(B * sizeof(ld));

    for (i = 0; i < B; i++)
        for (j = 0; j < B; j++)
            A[i * B + j] = K[i * N + j];
    jacobi(lam, Q, A, B);
    for (i = 0; i < B; i++)
        r0[i] = (ld) f0[i] - y[i];
    for (a = 0; a < B; a++)
    {
        ld q = 1 - (ld) eta * lam[a] / B, proj = 0;

        for (i = 0; i < B; i++)
            proj += Q[i * B + a] * r0[i];
        c[a] = powl(q, (ld) s) * proj;
        sumr[a] = (fabsl(1 - q) > 1e-30L) ? (1 - powl(q, (ld) s)) / (1 - q)
                                           * proj
                                         : (ld) s * proj;
    }
    for (i = 0; i < B; i++)
    {
        ld v = y[i];

        for (a = 0; a < B; a++)
            v += Q[i * B + a] * c[a];
        out[i] = v;
    }
    for (i = B; i < N; i++)
    {
        ld v = f0[i];

        for (j = 0; j < B; j++)
        {
            ld sr = 0;

            for (a = 0; a < B; a++)
                sr += Q[j * B + a] * sumr[a];
            v -= (ld) eta / B * K[i * N + j] * sr;
        }
        out[i] = v;
    }
    flint_free(A);
    flint_free(Q);
    flint_free(lam);
    flint_free(r0);
    flint_free(c);
    flint_free(sumr);
}

int
main(void)
{
    wc_test_t t;
    slong trial;

    wc_test_init(t, "t-linear");

    for (trial = 0; trial < wc_test_trials(t, 20); trial++)
    {
        wc_net_t net;
        wc_dyn_mlp_t mlp;
        wc_dyn_eval_t ev;
        wc_dyn_task_t task;
        wc_dyn_opts_t opts;
        wc_dyn_sample_struct smp;
        wc_error_t err;
        slong ntrain = 2 + n_randint(t->state, 6), ntest = 1
                       + n_randint(t->state, 4), N = ntrain + ntest;
        slong width = 2 + n_randint(t->state, 8), s, S = 40, i, j;
        double * K, * f0, * flin, eta, lmax, kmax = 0, rmax = 0, scale;
        slong * batch;
        ld * cf;

        wc_net_init(net);
        dyntest_random_net(net, t, 3, 4, -1);
        wc_error_init(err);
        wc_dyn_task_init(task);
        wc_dyn_task_teacher(task, net->din, ntrain, ntest,
                            WC_DYN_LOSS_SQUARED, trial, err);
        wc_dyn_mlp_init(mlp, net, width, 1.0);
        wc_dyn_mlp_draw(mlp, 3, (uint32_t) trial);
        wc_dyn_eval_init(ev, mlp);
        wc_dyn_forward(ev, mlp, task->x, N);
        wc_dyn_backward(ev, mlp);
        K = flint_malloc(N * N * sizeof(double));
        wc_dyn_kernel(K, ev, mlp);
        f0 = flint_malloc(N * sizeof(double));
        flin = flint_malloc(N * sizeof(double));
        memcpy(f0, ev->f, N * sizeof(double));
        memcpy(flin, f0, N * sizeof(double));
        batch = flint_malloc(ntrain * sizeof(slong));
        for (i = 0; i < ntrain; i++)
            batch[i] = i;
        cf = flint_malloc(N * sizeof(ld));

        /* A stable learning rate: eta lambda_max / B = 1. */
        lmax = wc_dyn_lambda_max(K, N, ntrain, 1e-12, 10000);
        eta = (double) ntrain / lmax;
        for (i = 0; i < N * N; i++)
            kmax = FLINT_MAX(kmax, fabs(K[i]));
        for (i = 0; i < ntrain; i++)
            rmax = FLINT_MAX(rmax, fabs(f0[i] - task->y[i]));
        scale = 1.0 + rmax + eta * kmax * rmax * (double) N;

        for (s = 1; s <= S; s++)
        {
            wc_dyn_linear_step(flin, K, N, batch, ntrain, task->y, eta,
                               WC_DYN_LOSS_SQUARED);
            if (s % 10 != 0 && s != 1)
                continue;
            closed_form(cf, K, f0, task->y, ntrain, N, eta, s);
            for (i = 0; i < N; i++)
                WC_CHECK(t, fabsl(cf[i] - flin[i])
                         <= ldexpl((ld) s * scale, -40),
                         "step %ld point %ld: %.17g, closed form %.17Lg",
                         (long) s, (long) i, flin[i], cf[i]);
        }

        /* The training run reports the same linear model. */
        wc_dyn_opts_init(opts);
        flint_free(opts->steps);
        opts->nsteps = 3;
        opts->steps = flint_malloc(3 * sizeof(slong));
        opts->steps[0] = 1;
        opts->steps[1] = 7;
        opts->steps[2] = 25;
        opts->lr = 0.2 * eta;
        opts->seed = 3;
        smp.value = flint_malloc(WC_DYN_NQUANTITIES * 3 * sizeof(double));
        wc_dyn_train(&smp, net, task, opts, width, trial, NULL);
        WC_CHECK(t, smp.status == WC_DYN_OK, "run status %d",
                 (int) smp.status);
        for (j = 0; j < 3; j++)
        {
            ld loss = 0;

            closed_form(cf, K, f0, task->y, ntrain, N, opts->lr,
                        opts->steps[j]);
            for (i = 0; i < ntrain; i++)
                loss += (cf[i] - task->y[i]) * (cf[i] - task->y[i]) / 2;
            loss /= ntrain;
            WC_CHECK(t, fabsl(loss - smp.value[WC_DYN_LOSS_LIN * 3 + j])
                     <= ldexpl(loss + scale * scale, -36),
                     "training run, step %ld: loss %.17g, closed form "
                     "%.17Lg", (long) opts->steps[j],
                     smp.value[WC_DYN_LOSS_LIN * 3 + j], loss);
        }
        /* The run's lambda_max is that of Theta_0 on the training set,
           per training point. */
        WC_CHECK(t, smp.lambda_max == wc_dyn_lambda_max(K, N, ntrain, 1e-10,
                                                        1000)
                 / (double) ntrain, "lambda_max %.17g", smp.lambda_max);

        /* The centred model starts at 0: the closed form with f_0 = 0. */
        opts->center = 1;
        wc_dyn_train(&smp, net, task, opts, width, trial, NULL);
        WC_CHECK(t, smp.status == WC_DYN_OK, "centred run status %d",
                 (int) smp.status);
        for (i = 0; i < N; i++)
            f0[i] = 0.0;
        for (j = 0; j < 3; j++)
        {
            ld loss = 0;

            closed_form(cf, K, f0, task->y, ntrain, N, opts->lr,
                        opts->steps[j]);
            for (i = 0; i < ntrain; i++)
                loss += (cf[i] - task->y[i]) * (cf[i] - task->y[i]) / 2;
            loss /= ntrain;
            WC_CHECK(t, fabsl(loss - smp.value[WC_DYN_LOSS_LIN * 3 + j])
                     <= ldexpl(loss + scale * scale, -36),
                     "centred run, step %ld: loss %.17g, closed form "
                     "%.17Lg", (long) opts->steps[j],
                     smp.value[WC_DYN_LOSS_LIN * 3 + j], loss);
        }
        flint_free(smp.value);
        wc_dyn_opts_clear(opts);

        flint_free(K);
        flint_free(f0);
        flint_free(flin);
        flint_free(batch);
        flint_free(cf);
        wc_dyn_eval_clear(ev);
        wc_dyn_mlp_clear(mlp);
        wc_dyn_task_clear(task);
        wc_net_clear(net);
    }

    /* Power iteration on a known spectrum Q diag(lam) Q^T. */
    for (trial = 0; trial < wc_test_trials(t, 20); trial++)
    {
        slong m = 2 + n_randint(t->state, 12), i, j, k;
        double * A = flint_calloc(m * m, sizeof(double)), est, top = 0;
        ld * Q = flint_malloc(m * m * sizeof(ld));
        ld * M = flint_malloc(m * m * sizeof(ld));
        ld * lam = flint_malloc(m * sizeof(ld));

        /* A random orthogonal Q from Jacobi on a random symmetric
           matrix. */
        for (i = 0; i < m; i++)
            for (j = 0; j <= i; j++)
                M[i * m + j] = M[j * m + i] = dyntest_unif(t);
        jacobi(lam, Q, M, m);
        for (k = 0; k < m; k++)
        {
            lam[k] = (k == 0) ? 2 : fabsl((ld) dyntest_unif(t));
            top = FLINT_MAX(top, (double) lam[k]);
        }
        for (i = 0; i < m; i++)
            for (j = 0; j < m; j++)
            {
                ld s = 0;

                for (k = 0; k < m; k++)
                    s += Q[i * m + k] * lam[k] * Q[j * m + k];
                A[i * m + j] = (double) s;
            }
        /* Symmetrise exactly. */
        for (i = 0; i < m; i++)
            for (j = 0; j < i; j++)
                A[i * m + j] = A[j * m + i];
        est = wc_dyn_lambda_max(A, m, m, 1e-15, 100000);
        WC_CHECK(t, est <= top * (1 + 1e-13), "Rayleigh quotient %.17g "
                 "above lambda_max %.17g", est, top);
        if (top == 2)
            WC_CHECK(t, est >= 2 * (1 - 1e-8), "lambda_max %.17g, "
                     "expected 2", est);
        flint_free(A);
        flint_free(Q);
        flint_free(M);
        flint_free(lam);
    }

    /* The logistic loss. */
    {
        const double fs[] = {-800, -30, -2.5, -1e-3, 0, 0.7, 3, 40, 750};
        slong i;
        int sy;

        for (i = 0; i < 9; i++)
            for (sy = -1; sy <= 1; sy += 2)
            {
                ld m = (ld) sy * fs[i];
                ld v = (m > 0) ? log1pl(expl(-m)) : -m + log1pl(expl(m));
                ld dv = -(ld) sy / (1 + expl(m));
                double a = wc_dyn_loss_value(WC_DYN_LOSS_LOGISTIC, fs[i], sy);
                double b = wc_dyn_loss_deriv(WC_DYN_LOSS_LOGISTIC, fs[i], sy);

                WC_CHECK(t, isfinite(a) && fabsl(a - v) <= 4e-16L * fabsl(v)
                         + 1e-300L, "logistic loss at %g, y %d: %.17g",
                         fs[i], sy, a);
                WC_CHECK(t, isfinite(b) && fabsl(b - dv) <= 4e-16L
                         * fabsl(dv) + 1e-300L, "logistic loss' at %g, "
                         "y %d: %.17g, %.17Lg", fs[i], sy, b, dv);
            }
        WC_CHECK(t, wc_dyn_loss_value(WC_DYN_LOSS_SQUARED, 3.0, 1.0) == 2.0
                 && wc_dyn_loss_deriv(WC_DYN_LOSS_SQUARED, 3.0, 1.0) == 2.0,
                 "squared loss");
    }

    /* Minibatch sequences. */
    for (trial = 0; trial < wc_test_trials(t, 20); trial++)
    {
        slong ntrain = 1 + n_randint(t->state, 30), B = 1
                       + n_randint(t->state, ntrain), steps = 50, s, i;
        slong * perm = flint_malloc(ntrain * sizeof(slong));
        slong * perm1 = flint_malloc(ntrain * sizeof(slong));
        slong * seq = flint_malloc(steps * B * sizeof(slong));
        slong * seq1 = flint_malloc(steps * B * sizeof(slong));
        slong * again = flint_malloc(B * sizeof(slong));
        slong epoch = -1, epoch1 = -1, epoch2 = -1;
        int ok = 1;

        for (s = 0; s < steps; s++)
            _wc_dyn_batch(seq + s * B, B, s, ntrain, 42, (uint32_t) trial,
                          perm, &epoch);
        for (s = 0; s < steps * B; s++)
            _wc_dyn_batch(seq1 + s, 1, s, ntrain, 42, (uint32_t) trial,
                          perm1, &epoch1);
        for (i = 0; i < steps * B; i++)
            ok &= (seq[i] == seq1[i]);
        WC_CHECK(t, ok, "the sequence depends on the batch size");
        for (s = 0; s + ntrain <= steps * B; s += ntrain)
        {
            char * seen = flint_calloc(ntrain, 1);

            for (i = 0; i < ntrain; i++)
                seen[seq[s + i]]++;
            for (i = 0; i < ntrain; i++)
                ok &= (seen[i] == 1);
            flint_free(seen);
        }
        WC_CHECK(t, ok, "an epoch is not a permutation");
        _wc_dyn_batch(again, B, 7, ntrain, 42, (uint32_t) trial, perm1,
                      &epoch2);
        for (i = 0; i < B && 7 * B < steps * B; i++)
            ok &= (again[i] == seq[7 * B + i]);
        WC_CHECK(t, ok, "not reproducible");
        flint_free(perm);
        flint_free(perm1);
        flint_free(seq);
        flint_free(seq1);
        flint_free(again);
    }

    return wc_test_finish(t);
}
