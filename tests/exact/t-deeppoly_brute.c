/* The deep polynomial engine against brute force (deeppoly_brute.c): on
   random SPECs (expectations and cumulants, several labelled inputs),
   random polynomial activations of small degree, every parameterisation,
   with and without biases, at depths 2 and 3.

   Degree range.  Summing the neuron indices of level l (width n_l) in
   the explicit expansion, every term carries n_l^(-1/2) per occurrence
   of a level-l neuron in a weight of the layer above (at most
   m d^(H-l) occurrences, d = deg s: a unit's power of its preactivation
   branches into at most d copies per layer), and an index value
   occurring once leaves a weight of odd degree, so the c distinct values
   number at most half the occurrences; they are counted by
   n_l (n_l - 1) ... (n_l - c + 1).  Hence the power of n_l lies in
   [1 - (m/2) d^(H-l), 0], widened by up to k (the contracted indices)
   for the fan-ins of param=standard and shifted by -m/2 at n_H for
   param=mf.  The brute-force values on the grid of those many widths per
   layer determine the Laurent polynomial in n_1..n_H (tensor-product
   interpolation), one more width per layer confirms it, and it must
   equal wc_exact_deeppoly_widths coefficient by coefficient; setting
   n_l = n it must equal wc_exact_deeppoly. */

#include <string.h>

#include "testutil.h"
#include "deeppoly_brute.h"

#define MAX_BRUTE 3e6

static void
random_net(wc_net_t net, wc_test_t t, slong H, slong deg)
{
    wc_net_clear(net);
    wc_net_init(net);
    net->hidden = H;
    net->param = (wc_param_kind) wc_test_randint(t, 0, WC_PARAM_COUNT - 1);
    net->din = wc_test_randint(t, 1, 2);
    switch (wc_test_randint(t, 0, 3))
    {
        case 0: fmpq_zero(net->bias); break;
        case 1: fmpq_set_si(net->bias, 1, 2); break;
        case 2: fmpq_zero(net->bias); break;
        default: fmpq_one(net->bias); break;
    }
    wc_test_net_random_poly(net, t, deg);
    wc_test_net_random_inputs(net, t, 3);
}

/* c_0..c_(np-1) of the polynomial p of degree < np with p(i + 1) = y[i]
   (Newton's divided differences, then the monomial basis). */
static void
interpolate(fmpq * c, const fmpq * y, slong np)
{
    fmpq * d = _fmpq_vec_init(np);
    fmpq_t q;
    fmpz_t z;
    slong i, j;

    fmpq_init(q);
    fmpz_init(z);
    for (i = 0; i < np; i++)
        fmpq_set(d + i, y + i);
    for (j = 1; j < np; j++)
        for (i = np - 1; i >= j; i--)
        {
            fmpq_sub(d + i, d + i, d + i - 1);
            fmpz_set_si(z, j);   /* the nodes i + 1 and i + 1 - j */
            fmpq_div_fmpz(d + i, d + i, z);
        }
    /* Horner in the Newton basis: p = d0 + (x - 1)(d1 + (x - 2)(...)) */
    for (i = 0; i < np; i++)
        fmpq_zero(c + i);
    for (i = np - 1; i >= 0; i--)
    {
        /* c = c * (x - (i + 1)) + d_i */
        for (j = np - 1; j >= 1; j--)
        {
            fmpq_mul_si(q, c + j, -(i + 1));
            fmpq_add(c + j, c + j - 1, q);
        }
        fmpq_mul_si(c + 0, c + 0, -(i + 1));
        fmpq_add(c + 0, c + 0, d + i);
    }
    fmpq_clear(q);
    fmpz_clear(z);
    _fmpq_vec_clear(d, np);
}

/* The brute-force Laurent polynomial on the grid lo[l]..hi[l]; returns 0
   when the brute force gives up (then res is unspecified), -1 when the
   confirmation at an extra width fails. */
static int
brute_mseries(wc_mseries_t res, const wc_spec_t spec, const wc_net_t net,
              const slong * lo, const slong * hi, double max_work)
{
    slong H = net->hidden, np[4], total = 1, idx, l, i, stride, w[4];
    fmpq * val, * line, * c;
    fmpq_t v, e;
    fmpz_t s;
    int ok = 1;

    for (l = 0; l < H; l++)
    {
        np[l] = hi[l] - lo[l] + 1;
        total *= np[l];
    }
    val = _fmpq_vec_init(total);
    fmpq_init(v);
    fmpq_init(e);
    fmpz_init(s);

    for (idx = 0; idx < total && ok; idx++)
    {
        slong r = idx;

        for (l = 0; l < H; l++)
        {
            w[l] = 1 + r % np[l];
            r /= np[l];
        }
        if (deeppoly_brute_eval(val + idx, spec, net, w, max_work) != 0)
            ok = 0;
        /* times prod_l n_l^(-lo_l): a polynomial of degree < np_l */
        for (l = 0; l < H; l++)
        {
            fmpz_set_si(s, w[l]);
            fmpz_pow_ui(s, s, (ulong) FLINT_ABS(lo[l]));
            if (lo[l] <= 0)
                fmpq_mul_fmpz(val + idx, val + idx, s);
            else
                fmpq_div_fmpz(val + idx, val + idx, s);
        }
    }

    if (ok)
    {
        line = _fmpq_vec_init(8);
        c = _fmpq_vec_init(8);
        stride = 1;
        for (l = 0; l < H; l++)
        {
            for (idx = 0; idx < total; idx++)
            {
                if ((idx / stride) % np[l] != 0)
                    continue;
                for (i = 0; i < np[l]; i++)
                    fmpq_set(line + i, val + idx + i * stride);
                interpolate(c, line, np[l]);
                for (i = 0; i < np[l]; i++)
                    fmpq_set(val + idx + i * stride, c + i);
            }
            stride *= np[l];
        }
        wc_mseries_clear(res);
        wc_mseries_init(res, H);
        for (idx = 0; idx < total; idx++)
        {
            slong r = idx, ex[4];

            for (l = 0; l < H; l++)
            {
                ex[l] = lo[l] + r % np[l];
                r /= np[l];
            }
            wc_mseries_add_term(res, ex, val + idx);
        }
        _fmpq_vec_clear(line, 8);
        _fmpq_vec_clear(c, 8);

        /* one more width per layer, the others at 1 */
        for (l = 0; l < H && ok == 1; l++)
        {
            ulong uw[4];

            for (i = 0; i < H; i++)
            {
                w[i] = (i == l) ? np[l] + 1 : 1;
                uw[i] = (ulong) w[i];
            }
            if (deeppoly_brute_eval(v, spec, net, w, max_work) != 0)
                ok = 0;
            else
            {
                wc_mseries_evaluate_fmpq(e, res, uw);
                if (!fmpq_equal(v, e))
                    ok = -1;
            }
        }
    }

    fmpz_clear(s);
    fmpq_clear(v);
    fmpq_clear(e);
    _fmpq_vec_clear(val, total);
    return ok;
}

typedef struct
{
    slong done;
    slong skipped;
    slong cumulants;
    slong nonzero;
    slong zeros;
}
stats;

/* Compares the engine with the brute force on spec and net; returns 0
   when the brute force gives up. */
static int
check_case(wc_test_t t, const wc_spec_t spec, const wc_net_t net,
           const char * text, stats * st, double max_work)
{
    slong H = net->hidden, m = spec->nfactors, l, j, lo[4], hi[4], A, dpow;
    slong deg = (net->act == WC_ACT_LINEAR) ? 1 : net->poly_len - 1;
    slong kstd = (net->param == WC_PARAM_STANDARD) ? spec->nindices : 0;
    wc_series_t s1, s2;
    wc_mseries_t ms, mb;
    wc_exact_options_t opt;
    wc_error_t err;
    wc_buf_t buf;
    char * nettext = wc_net_get_str(net);
    wc_status st1, st2;
    int r = 1;

    wc_series_init(s1);
    wc_series_init(s2);
    wc_mseries_init(ms, 1);
    wc_mseries_init(mb, 1);
    wc_exact_options_init(opt);
    wc_error_init(err);
    wc_buf_init(buf);

    st1 = wc_exact_deeppoly_widths(ms, spec, net, opt, NULL, err);
    WC_CHECK(t, st1 == WC_OK, "widths: %s | %s: %s", text, nettext,
             err->msg);
    st2 = wc_exact_deeppoly(s1, spec, net, opt, NULL, err);
    WC_CHECK(t, st2 == WC_OK, "univariate: %s | %s: %s", text, nettext,
             err->msg);
    if (st1 != WC_OK || st2 != WC_OK)
        goto cleanup;

    /* the degree range of the header, per layer */
    for (l = 1; l <= H; l++)
    {
        dpow = 1;
        for (j = l; j < H; j++)
            dpow *= deg;
        A = FLINT_MAX(0, ((m + 1) / 2) * dpow - 1);
        lo[l - 1] = -A;
        hi[l - 1] = kstd;
        if (l == H && net->param == WC_PARAM_MF)
        {
            lo[l - 1] -= (m + 1) / 2;
            hi[l - 1] -= m / 2;
        }
    }

    r = brute_mseries(mb, spec, net, lo, hi, max_work);
    if (r == 0)
    {
        st->skipped++;
        goto cleanup;
    }
    WC_CHECK(t, r == 1, "%s | %s: the brute force is not of the degrees "
             "claimed", text, nettext);
    if (r != 1)
        goto cleanup;
    st->done++;
    st->cumulants += spec->connected;
    if (ms->length == 0)
        st->zeros++;
    else
        st->nonzero++;

    if (!wc_mseries_equal(ms, mb))
    {
        wc_mseries_print_buf(buf, ms);
        wc_buf_puts(buf, "  vs brute  ");
        wc_mseries_print_buf(buf, mb);
    }
    WC_CHECK(t, wc_mseries_equal(ms, mb), "engine != brute force: %s | %s: "
             "%s", text, nettext, buf->str);

    /* equal widths */
    wc_mseries_get_series(s2, mb);
    WC_CHECK(t, wc_series_equal(s1, s2), "univariate engine != brute force "
             "at equal widths: %s | %s", text, nettext);

cleanup:
    wc_buf_clear(buf);
    wc_series_clear(s1);
    wc_series_clear(s2);
    wc_mseries_clear(ms);
    wc_mseries_clear(mb);
    wc_free(nettext);
    return r != 0;
}

int
main(void)
{
    /* fixed cases first: those of the command's golden files
       (tests/cli/golden/exact/poly-*) among them */
    static const char * const fixed[][2] = {
        { "var(ntk)", "hidden=2,act=poly(0,1,1)" },
        { "f^4", "hidden=2,act=poly(0,1,1)" },
        { "f_a f_b f_ab f", "hidden=2,act=poly(1,-1,1/2),bias=1" },
        { "ntk", "hidden=2,act=poly(0,0,1),param=standard" },
        { "f_a(x1) f_a(x2)", "hidden=3,act=poly(0,1,1),x1=2,bias=1/2" },
        { "cum(f, f, f_a f_a)", "hidden=2,act=poly(1,0,1),param=mf" }
    };
    wc_test_t t;
    wc_test_graph_t g;
    wc_spec_t spec;
    wc_net_t net;
    wc_error_t err;
    stats st = { 0, 0, 0, 0, 0 };
    slong trial, ntrials, i;

    wc_test_init(t, "t-deeppoly_brute");
    wc_test_graph_init(g, 1);
    wc_spec_init(spec);
    wc_net_init(net);

    for (i = 0; i < (slong) (sizeof(fixed) / sizeof(fixed[0])); i++)
    {
        wc_error_init(err);
        WC_CHECK(t, wc_spec_parse(spec, fixed[i][0], err) == WC_OK
                 && wc_net_parse(net, fixed[i][1], err) == WC_OK, "%s",
                 err->msg);
        WC_CHECK(t, check_case(t, spec, net, fixed[i][0], &st,
                               30 * MAX_BRUTE),
                 "%s | %s: the brute force gave up", fixed[i][0],
                 fixed[i][1]);
    }

    ntrials = wc_test_trials(t, 45);
    for (trial = 0; trial < ntrials; trial++)
    {
        slong H, m, deg, maxpairs;
        int connected = wc_test_randint(t, 0, 3) == 0;
        char * text;

        /* sizes the brute force affords: m = 2 up to cubic at depth 2
           and quadratic at depth 3; m = 4 quadratic at depth 2, or of
           degree one (affine, beyond the linear engine) at depth 3; now
           and then an odd number of tensors */
        switch (wc_test_randint(t, 0, 11))
        {
            case 0: case 1: case 2: H = 2; m = 4; deg = 2; maxpairs = 2;
                break;
            case 3: case 4: H = 3; m = 4; deg = 1; maxpairs = 2; break;
            case 5: case 6: H = 3; m = 2; deg = 2; maxpairs = 1; break;
            case 7: H = 2; m = 2; deg = 3; maxpairs = 2; break;
            case 8: H = 2; m = 3; deg = 2; maxpairs = 2; break;
            default: H = 2; m = 2; deg = 2; maxpairs = 2; break;
        }
        wc_test_graph_random(g, t, m, maxpairs, 6, 2, connected);
        text = wc_test_graph_text(g);
        random_net(net, t, H, deg);

        /* the fan-ins of param=standard widen the range by one width per
           index: keep them to one index; two inputs and biases at once
           only for two tensors */
        if (net->param == WC_PARAM_STANDARD && g->npairs > 1)
            net->param = WC_PARAM_NTK;
        if (m == 4 && deg == 2 && net->din == 2)
            fmpq_zero(net->bias);
        wc_error_init(err);
        if (wc_spec_parse(spec, text, err) != WC_OK)
            WC_CHECK(t, 0, "random spec '%s' does not parse: %s", text,
                     err->msg);
        else
            check_case(t, spec, net, text, &st, MAX_BRUTE);
        flint_free(text);
    }

    printf("%ld specs compared (%ld nonzero, %ld zero, %ld cumulants), "
           "%ld too large skipped\n", (long) st.done, (long) st.nonzero,
           (long) st.zeros, (long) st.cumulants, (long) st.skipped);
    WC_CHECK(t, st.nonzero >= ntrials / 3, "too few nonzero cases (%ld)",
             (long) st.nonzero);
    WC_CHECK(t, st.skipped <= ntrials / 5, "too many cases skipped (%ld)",
             (long) st.skipped);

    wc_net_clear(net);
    wc_spec_clear(spec);
    wc_test_graph_clear(g);
    return wc_test_finish(t);
}
