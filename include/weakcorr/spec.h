/* spec: SPEC (correlation functions of derivative tensors) and NET (network
   descriptions) parsed into library structures, with positioned errors and
   canonical printed forms.  The grammar is in doc/spec.md. */

#ifndef WC_SPEC_H
#define WC_SPEC_H

#include "common.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Size limits.  A SPEC beyond them is malformed: refused with
   WC_ERR_PARSE and the position of the construct that overflowed. */
#define WC_SPEC_MAX_FACTORS 1024   /* tensors after shorthands expand */
#define WC_SPEC_MAX_ORDER 256      /* derivative indices on one tensor */
#define WC_SPEC_MAX_TEXT 65536     /* bytes of SPEC or NET text */

/* Input labels: WC_INPUT_DEFAULT is the unlabelled input x; label xK is
   stored as K >= 0. */
#define WC_INPUT_DEFAULT (-1)
#define WC_INPUT_MAX 9999

/* One derivative tensor T_{i_1..i_k}(x) = d^k f(x) / d theta_{i_1} ...
   d theta_{i_k}.  The indices are ids 0..nindices-1 of the enclosing
   wc_spec; each id occurs in exactly two slots of the whole spec. */
typedef struct
{
    slong order;
    slong * index;
    slong input;
    slong group;   /* the cumulant argument holding it; 0 for E[.] */
    slong pos;     /* byte offset of its text in the source, -1 if none */
}
wc_factor_struct;

/* A correlation function
       coeff * E[ prod_i T_i ]                  (connected == 0), or
       coeff * kappa( prod_{i in G_1} T_i, ..., prod_{i in G_k} T_i )
                                                (connected == 1),
   summed over every index.  kappa is the joint cumulant, taken entry by
   entry before the indices shared between arguments are summed.  Factors
   of one group are contiguous and groups appear in order.  Index ids are
   numbered in order of first appearance (the canonical numbering). */
typedef struct
{
    fmpq_t coeff;
    slong nfactors;
    slong alloc;
    wc_factor_struct * factors;
    slong nindices;
    slong ngroups;
    int connected;
}
wc_spec_struct;

typedef wc_spec_struct wc_spec_t[1];

void wc_spec_init(wc_spec_t spec);
void wc_spec_clear(wc_spec_t spec);
void wc_spec_set(wc_spec_t res, const wc_spec_t spec);
void wc_spec_swap(wc_spec_t a, wc_spec_t b);

/* Parses text into spec.  On failure returns WC_ERR_PARSE (malformed
   text, absurd sizes included), fills err (position and reason) and
   leaves spec unchanged. */
wc_status wc_spec_parse(wc_spec_t spec, const char * text, wc_error_t err);

/* The canonical index form: coefficient (if not 1), index names a..z,
   A..Z, a1..z1, ... in order of first appearance, shorthands expanded.  It
   parses back to an equal structure.  Free with wc_free. */
char * wc_spec_get_str(const wc_spec_t spec);
void wc_spec_print_buf(wc_buf_t buf, const wc_spec_t spec);

/* Tensor i in canonical notation ("f_ab(x1)"), written to buf. */
void wc_spec_print_factor_buf(wc_buf_t buf, const wc_spec_t spec, slong i);

/* The name of index id k in the canonical form (a, b, ..., Z, a1, ...),
   written to buf. */
void wc_spec_index_name_buf(wc_buf_t buf, slong k);

int wc_spec_equal(const wc_spec_t a, const wc_spec_t b);

/* Building blocks, for library users and for the shorthands.  Each
   appends to the last group of spec.  new_index returns a fresh index id;
   append_factor copies the order index ids in index. */
slong wc_spec_new_index(wc_spec_t spec);
void wc_spec_append_factor(wc_spec_t spec, const slong * index, slong order,
                           slong input, slong pos);
void wc_spec_new_group(wc_spec_t spec);

/* Appends the tensor C^{D,d} = (D! d!)^-1 grad^(D+d) f contracted with d
   copies of grad f (Shem-Ur & Oz 2024, at learning rate 1), with its D free
   indices taken from free (D ids already allocated, each to be used once
   more elsewhere), and multiplies coeff by 1/(D! d!).  The big tensor is
   at input x_main, the gradients at x_grad. */
void wc_spec_append_cdd(wc_spec_t spec, slong D, slong d,
                        const slong * free, slong x_main, slong x_grad,
                        slong pos);

/* Sets spec to E[C^{0,d}], or to E[|C^{D,d}|^2] with |.| the Euclidean
   (D = 1) or Frobenius (D >= 2) norm: the squared norm as the correlation
   function it is (for D = 0, E[(C^{0,d})^2]). */
void wc_spec_set_cdd_mean(wc_spec_t spec, slong d);
void wc_spec_set_cdd_norm2(wc_spec_t spec, slong D, slong d);

/* Renumbers index ids in order of first appearance.  Parsing and the
   set_ functions leave specs canonical; call it after building one by
   hand and before comparing with wc_spec_equal. */
void wc_spec_canonicalise(wc_spec_t spec);

/* Checks that every index id occurs in exactly two slots; on failure
   returns WC_ERR_PARSE with the position of an offending factor. */
wc_status wc_spec_check(const wc_spec_t spec, wc_error_t err);

/* ------------------------------------------------------------------ */
/* NET: a fully connected network, as in doc/spec.md. */

typedef enum
{
    WC_ACT_LINEAR = 0,
    WC_ACT_RELU,
    WC_ACT_TANH,
    WC_ACT_ERF,
    WC_ACT_SIGMOID,
    WC_ACT_GELU,
    WC_ACT_SIN,
    WC_ACT_SOFTPLUS,
    WC_ACT_POLY,
    WC_ACT_COUNT
}
wc_act_kind;

typedef enum
{
    WC_PARAM_NTK = 0,      /* W ~ N(0,1), explicit 1/sqrt(fan_in) */
    WC_PARAM_STANDARD,     /* W ~ N(0, 1/fan_in), no multiplier */
    WC_PARAM_MF,           /* mean-field / muP: output layer 1/fan_in */
    WC_PARAM_COUNT
}
wc_param_kind;

#define WC_NET_MAX_HIDDEN 64
#define WC_NET_MAX_DIN 1048576
#define WC_NET_MAX_POLY_DEGREE 64

typedef struct
{
    slong hidden;          /* H, the number of hidden layers */
    wc_act_kind act;
    slong poly_len;        /* act = poly: coefficients c_0..c_{len-1} */
    fmpq * poly;
    wc_param_kind param;
    slong din;
    fmpq_t bias;           /* beta; 0 means no biases */
    slong ninputs;         /* inputs given explicitly */
    slong * input_label;   /* WC_INPUT_DEFAULT or K for xK */
    fmpq * input;          /* ninputs vectors of length din */
}
wc_net_struct;

typedef wc_net_struct wc_net_t[1];

/* Defaults: hidden=1, act=tanh, param=ntk, din=1, bias=0, every input the
   all-ones vector. */
void wc_net_init(wc_net_t net);
void wc_net_clear(wc_net_t net);
void wc_net_set(wc_net_t res, const wc_net_t net);

wc_status wc_net_parse(wc_net_t net, const char * text, wc_error_t err);

/* Canonical form listing every key, parsing back to an equal structure.
   Free with wc_free. */
char * wc_net_get_str(const wc_net_t net);
void wc_net_print_buf(wc_buf_t buf, const wc_net_t net);
int wc_net_equal(const wc_net_t a, const wc_net_t b);

/* Copies into x (din initialised entries) the input vector for a label;
   a label that NET does not define is the all-ones vector. */
void wc_net_get_input(fmpq * x, const wc_net_t net, slong label);

const char * wc_act_name(wc_act_kind act);
const char * wc_param_name(wc_param_kind param);

/* Exact rational from text: an integer, a fraction p/q, or a decimal with
   an optional exponent (0.25, -1.5e-3), converted exactly.  Reads the
   longest prefix of text that forms a number and stores its length in
   len.  Returns WC_OK, or WC_ERR_PARSE with the offset
   (relative to text) and reason in err. */
wc_status wc_parse_rational(fmpq_t x, slong * len, const char * text,
                            wc_error_t err);

#ifdef __cplusplus
}
#endif

#endif
