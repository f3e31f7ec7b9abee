/* Helpers shared by the test programs: a seeded random state that honours
   WC_TEST_SEED and WC_TEST_MULTIPLIER, and a failure report that names the
   seed so that a failing run can be repeated. */

#ifndef WC_TESTUTIL_H
#define WC_TESTUTIL_H

#include <stdio.h>
#include <flint/flint.h>

#include "weakcorr.h"

typedef struct
{
    const char * name;
    ulong seed;
    slong multiplier;
    slong failures;
    slong checks;
    flint_rand_t state;
}
wc_test_struct;

typedef wc_test_struct wc_test_t[1];

/* Reads WC_TEST_SEED (default: a fixed seed) and WC_TEST_MULTIPLIER
   (default 1, scales the number of random trials). */
void wc_test_init(wc_test_t t, const char * name);

/* Prints the summary line, frees the state; returns the exit status. */
int wc_test_finish(wc_test_t t);

/* Number of random trials: base times the multiplier. */
slong wc_test_trials(const wc_test_t t, slong base);

/* Records a check; on failure prints the location, the message and the
   seed. */
void wc_test_check(wc_test_t t, int ok, const char * file, int line,
                   const char * fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 5, 6)))
    ;

/* The message arguments are evaluated only when the check fails. */
#define WC_CHECK(t, cond, ...)                                           \
    do                                                                   \
    {                                                                    \
        if (cond)                                                        \
            (t)->checks++;                                               \
        else                                                             \
            wc_test_check((t), 0, __FILE__, __LINE__, __VA_ARGS__);      \
    }                                                                    \
    while (0)

/* Random integer in [lo, hi]. */
slong wc_test_randint(wc_test_t t, slong lo, slong hi);

#endif

/* A random correlation function as raw structure, for property tests:
   m tensors, npairs index pairs (pair k joins tensors a[k] and b[k],
   possibly a[k] == b[k]), input labels (-1 for the default), and for a
   cumulant the argument of each tensor. */
typedef struct
{
    slong m;
    slong npairs;
    slong alloc;
    slong * a;
    slong * b;
    slong * input;
    slong * group;     /* nondecreasing, starting at 0 */
    int connected;
}
wc_test_graph_struct;

typedef wc_test_graph_struct wc_test_graph_t[1];

void wc_test_graph_init(wc_test_graph_t g, slong m);
void wc_test_graph_clear(wc_test_graph_t g);
void wc_test_graph_add_pair(wc_test_graph_t g, slong a, slong b);

/* A random graph: m in [1, max_m], up to max_pairs pairs, random labels;
   with connected set, random consecutive groups. */
void wc_test_graph_randtest(wc_test_graph_t g, wc_test_t t, slong max_m,
                            slong max_pairs, int connected);

/* A random graph on exactly m tensors, of the shape the exact engines'
   brute-force tests want: up to max_pairs pairs, each a trace with
   probability 1/trace_odds and otherwise between two distinct tensors;
   a third of the tensors at a random input label in 0..max_input (none
   when max_input < 0); with connected set, random consecutive groups. */
void wc_test_graph_random(wc_test_graph_t g, wc_test_t t, slong m,
                          slong max_pairs, slong trace_odds,
                          slong max_input, int connected);

/* SPEC text for g; index k gets a multi-character name (the k-th of a,
   b, ..., z, A, ..., Z, a1, ...) in a scrambled order, so the parser must
   renumber.  Free with flint_free. */
char * wc_test_graph_text(const wc_test_graph_t g);

/* A random small rational p/q with |p| <= 2 and q in {1, 2}. */
void wc_test_small_fmpq(fmpq_t x, wc_test_t t);

/* Makes net's activation a polynomial of degree deg with random small
   rational coefficients (the leading one nonzero). */
void wc_test_net_random_poly(wc_net_t net, wc_test_t t, slong deg);

/* Gives net the labelled inputs 0..ninputs-1 at random small rational
   points of dimension net->din; the unlabelled input stays all-ones. */
void wc_test_net_random_inputs(wc_net_t net, wc_test_t t, slong ninputs);

/* Is text one valid JSON value (RFC 8259), with nothing but white space
   after it? */
int wc_test_json_valid(const char * text);

/* Is text well-formed XML as far as tags go: every element closed in
   order, attributes quoted, entities among &lt; &gt; &amp; &quot;
   &apos;? */
int wc_test_xml_balanced(const char * text);

/* Reads a whole file into a string (NULL if it cannot be read); free with
   flint_free. */
char * wc_test_read_file(const char * path);

/* Compares text with the golden file WC_TOP_SRCDIR/path, or rewrites the
   file when WC_GOLDEN_UPDATE=1.  Returns 1 when they agree. */
int wc_test_golden(const char * text, const char * path);

#endif
