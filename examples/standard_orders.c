/* The width orders of the field's standard correlation functions and of
   the derivative correlations C^{D,d}, derived by the cluster-graph rule
   through the library.  Every exponent printed is an exact rational.

   Build: cc standard_orders.c $(pkg-config --cflags --libs weakcorr) */

#include <stdio.h>
#include <stdlib.h>

#include "weakcorr.h"

static const char * const rows[][2] =
{
    {"E[f^2]", "f f"},
    {"E[f^4]", "f f f f"},
    {"fourth cumulant of f", "cum(f, f, f, f)"},
    {"E[Theta] (tangent kernel)", "ntk"},
    {"Var[Theta]", "var(ntk)"},
    {"E[Theta f f]", "ntk f f"},
    {"dTheta/dt correlator", "f_a f_b f_ab f"},
    {"Hessian-cubed sum", "f_a f_b f_c f_abc"},
    {"(dTheta/dt)^2 correlator", "f_a f_b f_ab f_c f_d f_cd"},
    {"E[f_ab f_ab]", "f_ab f_ab"},
    {"E[C[0,3]^2]", "C[0,3]^2"},
    {"E[f_ab f_a f_b]", "f_ab f_a f_b"},
};

/* Prints x padded to width columns (no padding for width 0). */
static void
print_order(const wc_order_t x, int width)
{
    char * s = wc_order_get_str(x);

    printf("%-*s", width, s);
    wc_free(s);
}

int
main(void)
{
    wc_spec_t spec;
    wc_bound_t b;
    wc_error_t err;
    wc_order_t ord;
    size_t k;
    slong D, d;

    wc_spec_init(spec);
    wc_bound_init(b);
    wc_order_init(ord);

    printf("weakcorr %s: width orders by the cluster-graph rule "
           "(exact exponents)\n\n", wc_version());
    printf("%-28s %-26s %3s %3s %3s  %s\n", "correlation function", "SPEC",
           "m", "n_e", "n_o", "bound");
    for (k = 0; k < sizeof(rows) / sizeof(rows[0]); k++)
    {
        if (wc_spec_parse(spec, rows[k][1], err) != WC_OK)
        {
            fprintf(stderr, "standard_orders: %s: %s\n", rows[k][1],
                    err->msg);
            return EXIT_FAILURE;
        }
        wc_bound_compute(b, spec);
        wc_bound_get_order(ord, b);
        printf("%-28s %-26s %3ld %3ld %3ld  ", rows[k][0], rows[k][1],
               (long) b->graph->m, (long) b->graph->n_even,
               (long) b->graph->n_odd);
        print_order(ord, 0);
        printf("%s\n", b->zero ? " (exactly zero: m is odd)" : "");
    }

    printf("\nDerivative correlations C^{D,d} (Shem-Ur & Oz 2024): the "
           "order of |C^{D,d}|,\nfrom the bound on its second moment "
           "E[|C^{D,d}|^2] by Markov's inequality.\n\n");
    printf("%-10s", "");
    for (d = 1; d <= 5; d++)
        printf(d < 5 ? "d = %-10ld" : "d = %ld", (long) d);
    printf("\n");
    for (D = 0; D <= 2; D++)
    {
        printf("D = %-6ld", (long) D);
        for (d = 1; d <= 5; d++)
        {
            wc_order_cdd(ord, D, d);
            print_order(ord, d < 5 ? 14 : 0);
        }
        printf("\n");
    }

    wc_order_clear(ord);
    wc_bound_clear(b);
    wc_spec_clear(spec);
    flint_cleanup();
    return EXIT_SUCCESS;
}
