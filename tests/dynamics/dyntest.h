/* Helpers shared by the tests of the dynamics module. */

#ifndef WC_DYNTEST_H
#define WC_DYNTEST_H

#include "testutil.h"
#include "../../src/dynamics/dyn_impl.h"

/* Uniform on [-1, 1), 30 random bits. */
static inline double
dyntest_unif(wc_test_t t)
{
    return (double) n_randint(t->state, UWORD(1) << 30)
           / (double) (UWORD(1) << 29) - 1.0;
}

/* A random NET: hidden layers, activation, parameterisation, bias and
   din drawn from the given ranges; act < 0 draws any activation
   (polynomials of degree up to 3 with small coefficients). */
static inline void
dyntest_random_net(wc_net_t net, wc_test_t t, slong max_hidden,
                   slong max_din, int act)
{
    static const char * acts[] = {"linear", "relu", "tanh", "erf",
                                  "sigmoid", "gelu", "sin", "softplus",
                                  "poly(1/4,1,-1/3,1/5)"};
    static const char * params[] = {"ntk", "standard", "mf"};
    char text[256];
    wc_error_t err;
    int a = (act >= 0) ? act : (int) n_randint(t->state, 9);
    int p = (int) n_randint(t->state, 3);
    int bias = (int) n_randint(t->state, 3);

    snprintf(text, sizeof(text), "hidden=%ld,act=%s,param=%s,din=%ld%s",
             (long) (1 + n_randint(t->state, max_hidden)), acts[a],
             params[p],
             (long) (1 + n_randint(t->state, max_din)),
             bias == 0 ? "" : bias == 1 ? ",bias=1/2" : ",bias=1");
    wc_error_init(err);
    if (wc_net_parse(net, text, err) != WC_OK)
    {
        printf("dyntest: cannot parse %s: %s\n", text, err->msg);
        flint_abort();
    }
}

#endif
