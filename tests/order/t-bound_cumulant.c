/* The closed form of the cumulant bound (bound.c) against the exhaustive
   search over block partitions (bound_brute.c), on random cumulants, and
   on plain expectations where both must reduce to n_e + n_o/2 - m/2. */

#include "testutil.h"

int
main(void)
{
    wc_test_t t;
    wc_spec_t spec;
    wc_bound_t b;
    wc_error_t err;
    fmpq_t brute;
    slong k, compared = 0, paid = 0;

    wc_test_init(t, "t-bound_cumulant");
    wc_spec_init(spec);
    wc_bound_init(b);
    fmpq_init(brute);

    for (k = 0; k < wc_test_trials(t, 8000); k++)
    {
        wc_test_graph_t g;
        char * text;

        wc_test_graph_init(g, 1);
        wc_test_graph_randtest(g, t, 10, 6, n_randint(t->state, 4) != 0);
        text = wc_test_graph_text(g);

        if (wc_spec_parse(spec, text, err) != WC_OK)
            WC_CHECK(t, 0, "'%s' rejected: %s", text, err->msg);
        else
        {
            wc_bound_compute(b, spec);
            /* Odd m: no admissible diagram, the correlation is zero. */
            if (b->graph->m % 2 == 1)
                WC_CHECK(t, b->zero, "'%s' is zero by parity", text);
            else if (b->graph->ncomp <= 10)
            {
                wc_bound_cumulant_brute(brute, spec);
                WC_CHECK(t, fmpq_equal(brute, b->exponent),
                         "'%s': closed form %s, exhaustive %s", text,
                         fmpq_get_str(NULL, 10, b->exponent),
                         fmpq_get_str(NULL, 10, brute));
                compared++;
                paid += (b->links_paid > 0);
            }
        }
        flint_free(text);
        wc_test_graph_clear(g);
    }

    WC_CHECK(t, compared > 3000 && paid > 100,
             "%ld comparisons, %ld with paid joins", (long) compared,
             (long) paid);

    fmpq_clear(brute);
    wc_bound_clear(b);
    wc_spec_clear(spec);
    return wc_test_finish(t);
}
