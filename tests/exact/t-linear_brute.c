/* wc_exact_linear and wc_exact_linear_widths against the brute force of
   linear_brute.c on random SPECs and NETs: random index graphs (traces
   included), labelled rational inputs, biases, all three
   parameterisations, cumulants.

   The brute force gives exact values at explicit widths; the Laurent
   polynomial is rebuilt by interpolation.  Degree range (doc/exact.md,
   "Brute force"): in each width n_l the exponents lie in [1 - m/2, 0]
   (m tensors), shifted up to [1 - m/2, m/2] by the fan-in factors of the
   standard parameterisation and by -m/2 in n_H for mean-field.  So
   m/2 (resp. m) widths 1, 2, ... per layer determine it: the whole
   multivariate polynomial from a grid, and with all widths equal the
   univariate one from n = 1..K, K = H (m/2 - 1) + 1, used when K <= 4. */

#include <string.h>

#include "testutil.h"
#include "linear_brute.h"

#define MAX_WORK 1e6

static void
random_rational(char * s, wc_test_t t)
{
    static const char * const vals[] =
        {"1", "-1", "2", "1/2", "-3/2", "0", "3", "2/3"};

    strcpy(s, vals[n_randint(t->state, 8)]);
}

/* A random linear NET as text. */
static void
random_net(char * text, wc_test_t t, slong H, slong din)
{
    static const char * const params[] = {"ntk", "standard", "mf"};
    static const char * const biases[] = {"0", "0", "1", "1/2", "-2/3"};
    char v[16];
    slong lab, j;

    text += sprintf(text, "hidden=%ld,act=linear,param=%s,din=%ld,bias=%s",
                    (long) H, params[n_randint(t->state, 3)], (long) din,
                    biases[n_randint(t->state, 5)]);
    for (lab = -1; lab <= 1; lab++)
    {
        if (n_randint(t->state, 3) == 0)
            continue;   /* left at the default all-ones vector */
        text += sprintf(text, lab < 0 ? ",x=(" : ",x%ld=(", (long) lab);
        for (j = 0; j < din; j++)
        {
            random_rational(v, t);
            text += sprintf(text, j ? ",%s" : "%s", v);
        }
        text += sprintf(text, ")");
    }
}

/* A random SPEC with m tensors and up to maxpairs indices. */
static char *
random_spec(wc_test_t t, slong m, slong maxpairs, int connected)
{
    wc_test_graph_t g;
    slong k, np = wc_test_randint(t, 0, maxpairs);
    char * text;

    wc_test_graph_init(g, m);
    for (k = 0; k < np; k++)
    {
        slong a = wc_test_randint(t, 0, m - 1);
        slong b = (n_randint(t->state, 10) == 0) ? a
                  : wc_test_randint(t, 0, m - 1);

        wc_test_graph_add_pair(g, a, b);
    }
    for (k = 0; k < m; k++)
        g->input[k] = (slong) n_randint(t->state, 3) - 1;
    g->connected = connected;
    if (connected)
    {
        slong grp = 0;

        for (k = 0; k < m; k++)
        {
            if (k > 0 && n_randint(t->state, 2) == 0)
                grp++;
            g->group[k] = grp;
        }
    }
    text = wc_test_graph_text(g);
    wc_test_graph_clear(g);
    return text;
}

/* Exponent range of width n_l. */
static void
width_range(slong * lo, slong * hi, slong m, slong l, const wc_net_t net)
{
    *lo = 1 - m / 2;
    *hi = 0;
    if (net->param == WC_PARAM_STANDARD)
        *hi += m / 2;
    if (net->param == WC_PARAM_MF && l == net->hidden)
    {
        *lo -= m / 2;
        *hi -= m / 2;
    }
}

/* The multivariate Laurent polynomial by brute force on a grid; returns 0
   when the brute force ran out of work. */
static int
brute_mseries(wc_mseries_t res, const wc_spec_t spec, const wc_net_t net,
              wc_test_t t)
{
    slong H = net->hidden, m = spec->nfactors, l, i, j, npts_all = 1;
    slong lo[8], hi[8], np[8], w[8], idx, stride;
    fmpq * val, * c, * line;
    int ok = 1;

    for (l = 1; l <= H; l++)
    {
        width_range(lo + l - 1, hi + l - 1, m, l, net);
        np[l - 1] = hi[l - 1] - lo[l - 1] + 1;
        npts_all *= np[l - 1];
    }
    val = _fmpq_vec_init(npts_all);

    for (idx = 0; idx < npts_all && ok; idx++)
    {
        slong r = idx;
        fmpz_t s;

        /* grid point idx: width n_l = 1 + digit l (first width fastest) */
        for (l = 0; l < H; l++)
        {
            w[l] = 1 + r % np[l];
            r /= np[l];
        }
        if (wc_brute_linear(val + idx, spec, net, w, MAX_WORK) != 0)
        {
            ok = 0;
            break;
        }
        /* times prod n_l^(-lo_l): a polynomial in every width */
        fmpz_init(s);
        for (l = 0; l < H; l++)
        {
            fmpz_set_si(s, w[l]);
            fmpz_pow_ui(s, s, FLINT_ABS(lo[l]));
            if (lo[l] <= 0)
                fmpq_mul_fmpz(val + idx, val + idx, s);
            else
                fmpq_div_fmpz(val + idx, val + idx, s);
        }
        fmpz_clear(s);
    }

    if (ok)
    {
        /* interpolate along each width in turn, in place */
        c = _fmpq_vec_init(8);
        line = _fmpq_vec_init(8);
        stride = 1;
        for (l = 0; l < H; l++)
        {
            for (idx = 0; idx < npts_all; idx++)
            {
                if ((idx / stride) % np[l] != 0)
                    continue;
                for (i = 0; i < np[l]; i++)
                    fmpq_set(line + i, val + idx + i * stride);
                wc_interpolate_fmpq(c, line, np[l]);
                for (i = 0; i < np[l]; i++)
                    fmpq_set(val + idx + i * stride, c + i);
            }
            stride *= np[l];
        }
        wc_mseries_clear(res);
        wc_mseries_init(res, H);
        for (idx = 0; idx < npts_all; idx++)
        {
            slong r = idx, e[8];

            for (l = 0; l < H; l++)
            {
                e[l] = lo[l] + r % np[l];
                r /= np[l];
            }
            wc_mseries_add_term(res, e, val + idx);
        }
        _fmpq_vec_clear(c, 8);
        _fmpq_vec_clear(line, 8);
    }

    (void) j;
    (void) t;
    _fmpq_vec_clear(val, npts_all);
    return ok;
}

/* The univariate series from all widths equal to n = 1..K. */
static int
brute_series(wc_series_t res, const wc_spec_t spec, const wc_net_t net,
             slong K, slong lo)
{
    fmpq * val = _fmpq_vec_init(K), * c = _fmpq_vec_init(K);
    slong n, l, w[8];
    int ok = 1;
    fmpz_t s;

    fmpz_init(s);
    for (n = 1; n <= K && ok; n++)
    {
        for (l = 0; l < net->hidden; l++)
            w[l] = n;
        if (wc_brute_linear(val + n - 1, spec, net, w, MAX_WORK) != 0)
            ok = 0;
        fmpz_set_si(s, n);
        fmpz_pow_ui(s, s, -lo);
        fmpq_mul_fmpz(val + n - 1, val + n - 1, s);
    }
    if (ok)
    {
        wc_interpolate_fmpq(c, val, K);
        wc_series_zero(res);
        for (n = 0; n < K; n++)
            wc_series_add_term_fmpq(res, lo + n, c + n);
        wc_series_normalise(res);
    }
    fmpz_clear(s);
    _fmpq_vec_clear(val, K);
    _fmpq_vec_clear(c, K);
    return ok;
}

int
main(void)
{
    wc_test_t t;
    wc_spec_t spec;
    wc_net_t net;
    wc_series_t s1, s2, s3;
    wc_mseries_t ms, mb;
    wc_exact_options_t opt;
    wc_error_t err;
    wc_buf_t buf;
    slong trial, done = 0, skipped = 0, univariate = 0, cumulants = 0;
    slong nonzero = 0;
    char nettext[512];

    wc_test_init(t, "t-linear_brute");
    wc_spec_init(spec);
    wc_net_init(net);
    wc_series_init(s1);
    wc_series_init(s2);
    wc_series_init(s3);
    wc_mseries_init(ms, 1);
    wc_mseries_init(mb, 1);
    wc_exact_options_init(opt);
    wc_error_init(err);
    wc_buf_init(buf);

    for (trial = 0; trial < wc_test_trials(t, 160); trial++)
    {
        slong H, din, m, maxpairs;
        int connected = n_randint(t->state, 4) == 0;
        char * text;
        wc_status st1, st2;

        /* sizes the brute force can afford */
        switch (n_randint(t->state, 6))
        {
            case 0: H = 1; m = 6; maxpairs = 4; break;
            case 1: H = 3; m = 2; maxpairs = 3; break;
            case 2: H = 3; m = 4; maxpairs = 2; break;
            case 3: H = 2; m = 4; maxpairs = 4; break;
            default: H = 1; m = 4; maxpairs = 4; break;
        }
        din = wc_test_randint(t, 1, 2);
        random_net(nettext, t, H, din);
        text = random_spec(t, m, maxpairs, connected);

        if (wc_net_parse(net, nettext, err) != WC_OK
            || wc_spec_parse(spec, text, err) != WC_OK)
        {
            WC_CHECK(t, 0, "parse failed: %s | %s: %s", text, nettext,
                     err->msg);
            flint_free(text);
            continue;
        }

        st1 = wc_exact_linear_widths(ms, spec, net, opt, NULL, err);
        WC_CHECK(t, st1 == WC_OK, "widths: %s | %s: %s", text, nettext,
                 err->msg);
        st2 = wc_exact_linear(s1, spec, net, opt, NULL, err);
        WC_CHECK(t, st2 == WC_OK, "linear: %s | %s: %s", text, nettext,
                 err->msg);
        if (st1 != WC_OK || st2 != WC_OK)
        {
            flint_free(text);
            continue;
        }

        /* equal widths: the univariate engine is the multivariate one at
           n_1 = ... = n_H = n */
        wc_mseries_get_series(s2, ms);
        WC_CHECK(t, wc_series_equal(s1, s2), "univariate != multivariate "
                 "at equal widths: %s | %s", text, nettext);

        if (!brute_mseries(mb, spec, net, t))
        {
            skipped++;
            flint_free(text);
            continue;
        }
        done++;
        cumulants += spec->connected;
        nonzero += (ms->length > 0);
        if (!wc_mseries_equal(ms, mb))
        {
            wc_buf_reset(buf);
            wc_mseries_print_buf(buf, ms);
            wc_buf_puts(buf, "  vs brute  ");
            wc_mseries_print_buf(buf, mb);
        }
        WC_CHECK(t, wc_mseries_equal(ms, mb), "transfer != brute force: "
                 "%s | %s: %s", text, nettext, buf->str);

        /* directly at n = 1..K when the range is short enough */
        if (net->param != WC_PARAM_STANDARD)
        {
            slong K = H * (m / 2 - 1) + 1;
            slong lo = H * (1 - m / 2)
                       - (net->param == WC_PARAM_MF ? m / 2 : 0);

            if (K <= 4 && brute_series(s3, spec, net, K, lo))
            {
                univariate++;
                WC_CHECK(t, wc_series_equal(s1, s3), "univariate transfer "
                         "!= brute force at n = 1..%ld: %s | %s", (long) K,
                         text, nettext);
            }
        }
        flint_free(text);
    }

    printf("compared %ld random cases (%ld nonzero, %ld cumulants, %ld also "
           "at n = 1..K), %ld skipped as too costly for the brute force\n",
           (long) done, (long) nonzero, (long) cumulants, (long) univariate,
           (long) skipped);
    /* The comparison must actually have happened on most cases. */
    WC_CHECK(t, done >= 3 * wc_test_trials(t, 160) / 4 && nonzero >= done / 4,
             "only %ld cases compared, %ld nonzero", (long) done,
             (long) nonzero);

    wc_buf_clear(buf);
    wc_mseries_clear(ms);
    wc_mseries_clear(mb);
    wc_series_clear(s1);
    wc_series_clear(s2);
    wc_series_clear(s3);
    wc_net_clear(net);
    wc_spec_clear(spec);
    return wc_test_finish(t);
}
