/* Hand-checked cluster-graph bounds.  Each exponent below was derived on
   paper from s = n_e + n_o/2 - m/2 (or its cumulant form, doc/order.md);
   the comments give the clusters. */

#include <string.h>

#include "testutil.h"

typedef struct
{
    const char * text;
    const char * exponent;
    int zero;
}
bound_case;

static const bound_case cases[] =
{
    /* isolated tensors: n_o = m, s = 0 */
    {"f f", "0", 0},
    {"f f f f", "0", 0},
    {"f^6", "0", 0},
    {"f", "0", 1},
    {"f f f", "0", 1},
    /* the tangent kernel and its products: one even cluster per copy */
    {"ntk", "0", 0},
    {"ntk^2", "0", 0},
    {"ntk f f", "0", 0},
    /* double contraction is still one edge: {0,1} even */
    {"f_ab f_ab", "0", 0},
    {"f_aa f_bb", "0", 0},
    {"f_aa f", "0", 0},
    /* Dyer & Gur-Ari's example: {f_a f_b f_ab} odd, {f} odd */
    {"f_a f_b f_ab f", "-1", 0},
    {"f_a f_ab f_b f", "-1", 0},
    /* dTheta/dt correlator squared, Hessian-cubed sum */
    {"f_a f_b f_ab f_c f_d f_cd", "-2", 0},
    {"f_a f_b f_c f_abc", "-1", 0},
    {"f_a f_b f_c f_abc f", "-1", 1},
    /* chains of length L: one cluster, s = 1 - L/2 for even L */
    {"f_a f_ab f_b", "-1", 1},
    {"f_a f_ab f_bc f_c", "-1", 0},
    {"f_a f_ab f_bc f_cd f_de f_e", "-2", 0},
    {"f_a f_ab f_bc f_cd f_de f_ef f_fg f_g", "-3", 0},
    /* cycles */
    {"f_ab f_bc f_ca", "-1", 1},
    {"f_ab f_bc f_cd f_da", "-1", 0},
    {"f_ab f_bc f_cd f_de f_ef f_fa", "-2", 0},
    /* two odd clusters of size 3 pair up: s = 1 - 3 */
    {"f_ab f_a f_b f_cd f_c f_d", "-2", 0},
    /* an odd cluster with isolated tensors */
    {"f_ab f_a f_b f", "-1", 0},
    {"f_ab f_a f_b f f f", "-1", 0},
    /* odd m with an even cluster */
    {"f_a f_a f", "0", 1},
    /* mixed: {0,1} even, {2,3,4} odd, {5} odd: 1 + 1 - 3 */
    {"f_a f_a f_bc f_b f_c f", "-1", 0},
    /* shorthands */
    {"C[0,2]", "-1", 1},
    {"C[0,3]", "-1", 0},
    {"C[0,3]^2", "-2", 0},
    {"C[0,2]^2", "-2", 0},
    {"|C[1,1]|^2", "-1", 0},
    {"|C[1,3]|^2", "-3", 0},
    {"|C[2,0]|^2", "0", 0},
    /* cumulants */
    {"var(ntk)", "-1", 0},
    {"var(f)", "0", 0},
    {"var(f f)", "0", 0},
    {"cum(f, f, f, f)", "-1", 0},
    {"cum(f, f, f, f, f, f)", "-2", 0},
    {"cum(f_a, f_a)", "0", 0},
    {"cum(ntk, f, f)", "-1", 0},
    {"cum(f_a f_b f_ab, f)", "-1", 0},
    {"cum(f_a f_a f, f)", "0", 0},
    {"var(ntk f)", "0", 0},
    {"cum(ntk, ntk, ntk)", "-2", 0},
    {"cum(f, f, f)", "-1", 1},
    {"0 f f", "0", 1},
};

int
main(void)
{
    wc_test_t t;
    wc_spec_t spec;
    wc_bound_t b;
    wc_error_t err;
    wc_order_t ord;
    fmpq_t e;
    slong k;

    wc_test_init(t, "t-bound_examples");
    wc_spec_init(spec);
    wc_bound_init(b);
    wc_order_init(ord);
    fmpq_init(e);

    for (k = 0; k < (slong) (sizeof(cases) / sizeof(cases[0])); k++)
    {
        const bound_case * c = cases + k;
        char * why;

        if (wc_spec_parse(spec, c->text, err) != WC_OK)
        {
            WC_CHECK(t, 0, "'%s' rejected: %s", c->text, err->msg);
            continue;
        }
        wc_bound_compute(b, spec);
        fmpq_set_str(e, c->exponent, 10);
        WC_CHECK(t, fmpq_equal(e, b->exponent) && b->zero == c->zero,
                 "'%s': exponent %s zero %d, expected %s zero %d", c->text,
                 fmpq_get_str(NULL, 10, b->exponent), b->zero, c->exponent,
                 c->zero);
        wc_bound_get_order(ord, b);
        WC_CHECK(t, wc_order_is_zero(ord) == c->zero
                 && (c->zero || fmpq_equal(ord->exp, e)),
                 "'%s': order", c->text);
        why = wc_bound_explain(b, spec);
        WC_CHECK(t, strlen(why) > 40 && strchr(why, '\n') == NULL,
                 "'%s': derivation '%s'", c->text, why);
        wc_free(why);
    }

    /* A chain of 64 tensors: one even cluster, s = 1 - 32. */
    {
        char text[2048], * p = text;

        p += sprintf(p, "f_i0");
        for (k = 1; k < 63; k++)
            p += sprintf(p, " f_i%ldi%ld", (long) (k - 1), (long) k);
        sprintf(p, " f_i62");
        wc_spec_parse(spec, text, err);
        wc_bound_compute(b, spec);
        WC_CHECK(t, fmpz_equal_si(fmpq_numref(b->exponent), -31)
                 && b->graph->ncomp == 1, "64-tensor chain");
    }

    fmpq_clear(e);
    wc_order_clear(ord);
    wc_bound_clear(b);
    wc_spec_clear(spec);
    return wc_test_finish(t);
}
