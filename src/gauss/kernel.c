/* Infinite-width NNGP and NTK kernels of a deep network (NTK
   parameterisation), by the layer recursions
       K^1 = x.x'/din + beta^2,  Theta^1 = K^1,
       K^(l+1) = E[s(u) s(u')] + beta^2,
       Theta^(l+1) = K^(l+1) + Theta^l E[s'(u) s'(u')],
   (u, u') ~ N(0, K^l), and at the output (no bias)
       K = E[s(u) s(u')],  Theta = K + Theta^H E[s'(u) s'(u')].
   (Jacot, Gabriel and Hongler 2018; Lee et al. 2018.)  Exact for linear
   and polynomial activations; balls otherwise, the ball covariance of a
   layer feeding the next (errors propagate rigorously through the ball
   arithmetic of the gauss module).  Identical inputs are computed once:
   their covariance is exactly singular, which balls could not decide. */

#include "gauss_impl.h"

static wc_status
check_net(const wc_net_t net, wc_error_t err)
{
    if (net->param != WC_PARAM_NTK)
        return wc_error_set(err, WC_ERR_UNSUPPORTED, -1,
            "kernels are the NTK-parameterisation limits: with "
            "param=standard the NTK grows with the width, with param=mf "
            "both kernels vanish");
    return WC_OK;
}

/* Exact proportionality u_b = c u_a of the preactivations of inputs a
   and b, kept from layer to layer where the activation preserves it:
   x_b = c x_a without biases makes it hold at the first layer; then
   s(c u) = c s(u) for relu with c > 0 and s(-u) = -s(u) for odd s, so
   the next layer has u'_b = c u'_a again (no bias), and
   E[s(u_a) s(u_b)] = c E[s(u_a)^2], E[s'(u_a) s'(u_b)] = E[s'(u_a)^2].
   Otherwise Cauchy-Schwarz is strict and the next covariance has full
   rank, which balls can decide.  Ball covariances of exactly
   proportional inputs could not be told from full rank, hence this
   bookkeeping.  rel[a * p + b] is set with ratio[a * p + b] = c. */
static void
first_relations(int * rel, fmpq * ratio, const fmpq * x, slong p,
                const wc_net_t net)
{
    slong a, b, j, din = net->din;
    fmpq_t c, t;

    fmpq_init(c);
    fmpq_init(t);
    for (a = 0; a < p * p; a++)
        rel[a] = 0;
    if (!fmpq_is_zero(net->bias))
        goto done;
    for (a = 0; a < p; a++)
        for (b = 0; b < p; b++)
        {
            int ok = 1, set = 0;

            if (a == b)
                continue;
            for (j = 0; j < din && ok; j++)
            {
                const fmpq * xa = x + a * din + j, * xb = x + b * din + j;

                if (fmpq_is_zero(xa))
                    ok = fmpq_is_zero(xb);
                else
                {
                    fmpq_div(t, xb, xa);
                    if (!set)
                        fmpq_set(c, t);
                    else if (!fmpq_equal(c, t))
                        ok = 0;
                    set = 1;
                }
            }
            if (ok && set && !fmpq_is_zero(c))
            {
                rel[a * p + b] = 1;
                fmpq_set(ratio + a * p + b, c);
            }
        }
done:
    fmpq_clear(c);
    fmpq_clear(t);
}

/* Does u_b = c u_a survive the activation (no bias)? */
static int
relation_persists(const wc_gauss_act_t act, const fmpq_t c)
{
    if (act->kind == WC_ACT_RELU)
        return fmpq_sgn(c) > 0;
    if (wc_gauss_act_parity(act, 0) == -1)
        return fmpz_equal_si(fmpq_numref(c), -1)
               && fmpz_is_one(fmpq_denref(c));
    return 0;
}

/* rep[a]: the first input equal to input a. */
static slong *
representatives(const fmpq * x, slong p, slong din)
{
    slong * rep = flint_malloc(FLINT_MAX(p, 1) * sizeof(slong));
    slong a, b, j;

    for (a = 0; a < p; a++)
    {
        rep[a] = a;
        for (b = 0; b < a && rep[a] == a; b++)
        {
            for (j = 0; j < din; j++)
                if (!fmpq_equal(x + a * din + j, x + b * din + j))
                    break;
            if (j == din)
                rep[a] = b;
        }
    }
    return rep;
}

static void
first_layer_fmpq(fmpq_mat_t K, const wc_net_t net, const fmpq * x, slong p)
{
    slong a, b, j, din = net->din;
    fmpq_t s, b2;
    fmpz_t dz;

    fmpz_init_set_si(dz, din);
    fmpq_init(s);
    fmpq_init(b2);
    fmpq_mul(b2, net->bias, net->bias);
    for (a = 0; a < p; a++)
        for (b = 0; b < p; b++)
        {
            fmpq_zero(s);
            for (j = 0; j < din; j++)
                fmpq_addmul(s, x + a * din + j, x + b * din + j);
            fmpq_div_fmpz(fmpq_mat_entry(K, a, b), s, dz);
            fmpq_add(fmpq_mat_entry(K, a, b), fmpq_mat_entry(K, a, b), b2);
        }
    fmpq_clear(s);
    fmpq_clear(b2);
    fmpz_clear(dz);
}

wc_status
wc_gauss_kernel_fmpq(fmpq_mat_t nngp, fmpq_mat_t ntk, const wc_net_t net,
                     const fmpq * x, slong p, wc_error_t err)
{
    wc_gauss_act_t act;
    fmpq_mat_t K, T, S, Sd, C;
    slong * rep, l, a, b;
    slong var[2] = {0, 1}, v1[2] = {0, 0}, d0[2] = {0, 0}, d1[2] = {1, 1};
    fmpq_t b2, t;
    wc_status status;

    if ((status = check_net(net, err)) != WC_OK)
        return status;
    wc_gauss_act_init(act, net->act);
    wc_gauss_act_set_net(act, net);
    if (!wc_gauss_act_is_exact(act))
    {
        wc_gauss_act_clear(act);
        return wc_error_set(err, WC_ERR_UNSUPPORTED, -1,
            "%s: the kernels are not rational; use balls",
            wc_act_name(net->act));
    }

    rep = representatives(x, p, net->din);
    fmpq_mat_init(K, p, p);
    fmpq_mat_init(T, p, p);
    fmpq_mat_init(S, p, p);
    fmpq_mat_init(Sd, p, p);
    fmpq_mat_init(C, 2, 2);
    fmpq_init(b2);
    fmpq_init(t);
    fmpq_mul(b2, net->bias, net->bias);

    first_layer_fmpq(K, net, x, p);
    fmpq_mat_set(T, K);
    for (l = 1; l <= net->hidden && status == WC_OK; l++)
    {
        for (a = 0; a < p && status == WC_OK; a++)
            for (b = a; b < p && status == WC_OK; b++)
            {
                slong ra = rep[a], rb = rep[b];
                /* identical inputs: both factors at one variable */
                const slong * v = (ra == rb) ? v1 : var;

                fmpq_set(fmpq_mat_entry(C, 0, 0), fmpq_mat_entry(K, ra, ra));
                fmpq_set(fmpq_mat_entry(C, 0, 1), fmpq_mat_entry(K, ra, rb));
                fmpq_set(fmpq_mat_entry(C, 1, 0), fmpq_mat_entry(K, ra, rb));
                fmpq_set(fmpq_mat_entry(C, 1, 1), fmpq_mat_entry(K, rb, rb));
                status = wc_gauss_expect_fmpq(fmpq_mat_entry(S, a, b), act,
                                              v, d0, 2, C, err);
                if (status == WC_OK)
                    status = wc_gauss_expect_fmpq(fmpq_mat_entry(Sd, a, b),
                                                  act, v, d1, 2, C, err);
                fmpq_set(fmpq_mat_entry(S, b, a), fmpq_mat_entry(S, a, b));
                fmpq_set(fmpq_mat_entry(Sd, b, a), fmpq_mat_entry(Sd, a, b));
            }
        if (status != WC_OK)
            break;
        for (a = 0; a < p; a++)
            for (b = 0; b < p; b++)
            {
                fmpq_set(fmpq_mat_entry(K, a, b), fmpq_mat_entry(S, a, b));
                if (l < net->hidden)
                    fmpq_add(fmpq_mat_entry(K, a, b),
                             fmpq_mat_entry(K, a, b), b2);
                fmpq_mul(t, fmpq_mat_entry(T, a, b), fmpq_mat_entry(Sd, a, b));
                fmpq_add(fmpq_mat_entry(T, a, b), fmpq_mat_entry(K, a, b), t);
            }
    }
    if (status == WC_OK)
    {
        fmpq_mat_set(nngp, K);
        fmpq_mat_set(ntk, T);
    }

    fmpq_mat_clear(K);
    fmpq_mat_clear(T);
    fmpq_mat_clear(S);
    fmpq_mat_clear(Sd);
    fmpq_mat_clear(C);
    fmpq_clear(b2);
    fmpq_clear(t);
    flint_free(rep);
    wc_gauss_act_clear(act);
    return status;
}

wc_status
wc_gauss_kernel(arb_mat_t nngp, arb_mat_t ntk, const wc_net_t net,
                const fmpq * x, slong p, slong prec, wc_error_t err)
{
    wc_gauss_act_t act;
    arb_mat_t K, T, S, Sd, C;
    fmpq_mat_t K1, C1;
    slong * rep, l, a, b, k, wp;
    int * rel;
    fmpq * ratio;
    slong var[2] = {0, 1}, v1[2] = {0, 0}, d0[2] = {0, 0}, d1[2] = {1, 1};
    arb_t b2, t;
    wc_status status;

    if ((status = check_net(net, err)) != WC_OK)
        return status;
    wc_gauss_act_init(act, net->act);
    wc_gauss_act_set_net(act, net);
    if (wc_gauss_act_is_exact(act))
    {
        fmpq_mat_t QK, QT;

        fmpq_mat_init(QK, p, p);
        fmpq_mat_init(QT, p, p);
        status = wc_gauss_kernel_fmpq(QK, QT, net, x, p, err);
        if (status == WC_OK)
        {
            arb_mat_set_fmpq_mat(nngp, QK, prec);
            arb_mat_set_fmpq_mat(ntk, QT, prec);
        }
        fmpq_mat_clear(QK);
        fmpq_mat_clear(QT);
        wc_gauss_act_clear(act);
        return status;
    }

    /* guard bits for the recursion: each layer loses a few */
    wp = prec + 16 + 4 * net->hidden;
    rep = representatives(x, p, net->din);
    rel = flint_malloc(FLINT_MAX(p * p, 1) * sizeof(int));
    ratio = _fmpq_vec_init(FLINT_MAX(p * p, 1));
    arb_mat_init(K, p, p);
    arb_mat_init(T, p, p);
    arb_mat_init(S, p, p);
    arb_mat_init(Sd, p, p);
    arb_mat_init(C, 2, 2);
    fmpq_mat_init(K1, p, p);
    fmpq_mat_init(C1, 2, 2);
    arb_init(b2);
    arb_init(t);
    arb_set_fmpq(b2, net->bias, wp);
    arb_sqr(b2, b2, wp);

    first_layer_fmpq(K1, net, x, p);
    first_relations(rel, ratio, x, p, net);
    arb_mat_set_fmpq_mat(K, K1, wp);
    arb_mat_set(T, K);
    for (l = 1; l <= net->hidden && status == WC_OK; l++)
    {
        /* pass 0: the diagonal; pass 1: the pairs, of which related ones
           are read off the diagonal */
        for (k = 0; k < 2 * p && status == WC_OK; k++)
        {
            int pass = (k >= p);

            a = pass ? k - p : k;
            for (b = pass ? a + 1 : a; b < (pass ? p : a + 1)
                 && status == WC_OK; b++)
            {
                slong ra = rep[a], rb = rep[b];
                const slong * v = (ra == rb) ? v1 : var;

                if (l > 1 && ra != rb && rel[ra * p + rb])
                {
                    arb_set_fmpq(arb_mat_entry(S, a, b), ratio + ra * p + rb,
                                 wp);
                    arb_mul(arb_mat_entry(S, a, b), arb_mat_entry(S, a, b),
                            arb_mat_entry(S, ra, ra), wp);
                    arb_set(arb_mat_entry(Sd, a, b),
                            arb_mat_entry(Sd, ra, ra));
                }
                else if (l == 1)
                {
                    /* rational covariance: degeneracies decided exactly */
                    fmpq_set(fmpq_mat_entry(C1, 0, 0),
                             fmpq_mat_entry(K1, ra, ra));
                    fmpq_set(fmpq_mat_entry(C1, 0, 1),
                             fmpq_mat_entry(K1, ra, rb));
                    fmpq_set(fmpq_mat_entry(C1, 1, 0),
                             fmpq_mat_entry(K1, ra, rb));
                    fmpq_set(fmpq_mat_entry(C1, 1, 1),
                             fmpq_mat_entry(K1, rb, rb));
                    status = wc_gauss_expect(arb_mat_entry(S, a, b), act, v,
                                             d0, 2, C1, wp, err);
                    if (status == WC_OK)
                        status = wc_gauss_expect(arb_mat_entry(Sd, a, b),
                                                 act, v, d1, 2, C1, wp, err);
                }
                else
                {
                    arb_set(arb_mat_entry(C, 0, 0), arb_mat_entry(K, ra, ra));
                    arb_set(arb_mat_entry(C, 0, 1), arb_mat_entry(K, ra, rb));
                    arb_set(arb_mat_entry(C, 1, 0), arb_mat_entry(K, ra, rb));
                    arb_set(arb_mat_entry(C, 1, 1), arb_mat_entry(K, rb, rb));
                    status = wc_gauss_expect_arb_cov(arb_mat_entry(S, a, b),
                                                     act, v, d0, 2, C, wp,
                                                     err);
                    if (status == WC_OK)
                        status = wc_gauss_expect_arb_cov(
                            arb_mat_entry(Sd, a, b), act, v, d1, 2, C, wp,
                            err);
                }
                arb_set(arb_mat_entry(S, b, a), arb_mat_entry(S, a, b));
                arb_set(arb_mat_entry(Sd, b, a), arb_mat_entry(Sd, a, b));
            }
        }
        if (status != WC_OK)
            break;
        for (a = 0; a < p * p; a++)
            if (rel[a] && !relation_persists(act, ratio + a))
                rel[a] = 0;
        for (a = 0; a < p; a++)
            for (b = 0; b < p; b++)
            {
                arb_set(arb_mat_entry(K, a, b), arb_mat_entry(S, a, b));
                if (l < net->hidden)
                    arb_add(arb_mat_entry(K, a, b), arb_mat_entry(K, a, b),
                            b2, wp);
                arb_mul(t, arb_mat_entry(T, a, b), arb_mat_entry(Sd, a, b),
                        wp);
                arb_add(arb_mat_entry(T, a, b), arb_mat_entry(K, a, b), t,
                        wp);
            }
    }
    if (status == WC_OK)
    {
        for (a = 0; a < p; a++)
            for (b = 0; b < p; b++)
            {
                arb_set_round(arb_mat_entry(nngp, a, b),
                              arb_mat_entry(K, a, b), prec);
                arb_set_round(arb_mat_entry(ntk, a, b),
                              arb_mat_entry(T, a, b), prec);
            }
    }

    arb_mat_clear(K);
    arb_mat_clear(T);
    arb_mat_clear(S);
    arb_mat_clear(Sd);
    arb_mat_clear(C);
    fmpq_mat_clear(K1);
    fmpq_mat_clear(C1);
    arb_clear(b2);
    arb_clear(t);
    flint_free(rep);
    flint_free(rel);
    _fmpq_vec_clear(ratio, FLINT_MAX(p * p, 1));
    wc_gauss_act_clear(act);
    return status;
}
