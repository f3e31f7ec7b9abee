/* Per-sample values of correlation functions: the contraction graph of a
   SPEC (tensors as vertices, summed indices as edges) is contracted from
   its leaves inward.

   A subtree hanging from a tensor T with k indices through one of them is
   a vector: T contracted with the k - 1 vectors of its child subtrees,
   D^k f[v_1, ..., v_(k-1), .], which is (up to the factor prod m_j! for
   repeated children) the top Taylor coefficient of the gradient along
   the curve theta + sum_j t_j v_j (wc_mlp_jet).  A component is finished
   either at a root tensor (a scalar jet, D^k f[v_1, ..., v_k]) or at a
   root edge (the inner product of the two vectors on its sides); the
   cheaper choice is taken, counting vectors that were already computed
   for this sample (identical subtrees, here or in another SPEC of the
   plan) as free.

   Components with cycles: a spanning tree is kept and every other edge
   (self-contractions included) is cut; both of its slots receive the
   same Rademacher vector z (scaled by G^(1/2)), and since
   E[z_mu z_nu] = delta_mu,nu the product over the component is an
   unbiased estimate of the contraction (Hutchinson 1990). */

#include <math.h>
#include <string.h>

#include "weakcorr/net.h"

enum
{
    OP_PROBE,      /* a Rademacher vector */
    OP_VEC,        /* a subtree's vector */
    OP_JET,        /* a root tensor's scalar */
    OP_DOT         /* a root edge's scalar */
};

typedef struct
{
    int kind;
    slong input;                   /* index into the plan's inputs */
    slong ndirs;
    slong deg[WC_JET_MAX_DIRS];
    slong dir[WC_JET_MAX_DIRS];    /* op ids of the directions */
    slong a, b;                    /* OP_DOT operands */
    slong probe;                   /* OP_PROBE: probe number */
    double factor;                 /* prod deg[j]! */
    double cost;
    int probed;
    char * sig;
    slong from;                    /* OP_JET read from this jet, or -1 */
    slong from_index;              /* ... at this coefficient */
}
wc_eval_op;

typedef struct
{
    slong spec;
    slong group;
    slong op;                      /* the scalar op giving its value */
}
wc_eval_comp;

typedef struct
{
    double coeff;
    slong ngroups;
    int connected;
    int probed;
    slong first_value;
}
wc_eval_spec;

struct wc_net_eval_struct
{
    slong nops, alloc_ops;
    wc_eval_op * ops;
    slong ncomps, alloc_comps;
    wc_eval_comp * comps;
    slong nspecs;
    wc_eval_spec * specs;
    slong nvalues;
    slong ninputs;
    slong * input_label;
    double * input;                /* ninputs x din */
    slong din;
    slong nprobes;                 /* probe numbers in use */
};

/* ------------------------------------------------------------------ */
/* The graph of one component while planning. */

typedef struct
{
    const wc_spec_struct * spec;
    slong * slot_factor;           /* per index: the two (factor, slot) */
    slong * slot_pos;
    int * cut;                     /* per index: cut (probe) or tree */
    slong * probe;                 /* per index: probe number if cut */
    slong * input_id;              /* per factor: index into inputs */
}
wc_graph;

static slong
input_index(wc_net_eval_t ev, const wc_net_t net, slong label)
{
    slong k;

    for (k = 0; k < ev->ninputs; k++)
        if (ev->input_label[k] == label)
            return k;
    ev->input_label = flint_realloc(ev->input_label,
                                    (k + 1) * sizeof(slong));
    ev->input = flint_realloc(ev->input, (k + 1) * ev->din * sizeof(double));
    ev->input_label[k] = label;
    wc_net_input_d(ev->input + k * ev->din, net, label);
    ev->ninputs++;
    return k;
}

/* A growable string. */
static char *
str_cat(char * s, const char * t)
{
    size_t a = (s == NULL) ? 0 : strlen(s), b = strlen(t);

    s = flint_realloc(s, a + b + 1);
    memcpy(s + a, t, b + 1);
    return s;
}

static int
cmp_str(const void * a, const void * b)
{
    return strcmp(*(char * const *) a, *(char * const *) b);
}

/* The other end of the slot (i, j): its factor and slot. */
static void
partner(slong * i2, slong * j2, const wc_graph * G, slong i, slong j)
{
    slong idx = G->spec->factors[i].index[j];

    if (G->slot_factor[2 * idx] == i && G->slot_pos[2 * idx] == j)
    {
        *i2 = G->slot_factor[2 * idx + 1];
        *j2 = G->slot_pos[2 * idx + 1];
    }
    else
    {
        *i2 = G->slot_factor[2 * idx];
        *j2 = G->slot_pos[2 * idx];
    }
}

/* Signature of factor i seen through slot p (p = -1: as a root), with
   children in sorted order: identical signatures give identical
   vectors. */
static char *
signature(const wc_graph * G, slong i, slong p)
{
    const wc_factor_struct * f = G->spec->factors + i;
    char ** child = flint_malloc(FLINT_MAX(f->order, 1) * sizeof(char *));
    char head[64];
    char * s;
    slong j, nc = 0;

    for (j = 0; j < f->order; j++)
    {
        slong idx = f->index[j];

        if (j == p)
            continue;
        if (G->cut[idx])
        {
            char buf[32];

            snprintf(buf, sizeof(buf), "P%ld", (long) G->probe[idx]);
            child[nc++] = str_cat(NULL, buf);
        }
        else
        {
            slong i2, j2;

            partner(&i2, &j2, G, i, j);
            child[nc++] = signature(G, i2, j2);
        }
    }
    qsort(child, nc, sizeof(char *), cmp_str);
    snprintf(head, sizeof(head), "%c%ldx%ld(", p < 0 ? 'S' : 'V',
             (long) f->order, (long) G->input_id[i]);
    s = str_cat(NULL, head);
    for (j = 0; j < nc; j++)
    {
        if (j > 0)
            s = str_cat(s, ",");
        s = str_cat(s, child[j]);
        flint_free(child[j]);
    }
    s = str_cat(s, ")");
    flint_free(child);
    return s;
}

static slong
find_op(const wc_net_eval_t ev, const char * sig)
{
    slong k;

    for (k = 0; k < ev->nops; k++)
        if (strcmp(ev->ops[k].sig, sig) == 0)
            return k;
    return -1;
}

static slong
new_op(wc_net_eval_t ev)
{
    wc_eval_op * op;

    if (ev->nops == ev->alloc_ops)
    {
        ev->alloc_ops = FLINT_MAX(16, 2 * ev->alloc_ops);
        ev->ops = flint_realloc(ev->ops, ev->alloc_ops * sizeof(wc_eval_op));
    }
    op = ev->ops + ev->nops;
    memset(op, 0, sizeof(wc_eval_op));
    op->from = -1;
    return ev->nops++;
}

/* A small set of strings, for costing a root choice. */
typedef struct
{
    slong n, alloc;
    char ** s;
}
wc_strset;

static int
strset_has(const wc_strset * S, const char * s)
{
    slong k;

    for (k = 0; k < S->n; k++)
        if (strcmp(S->s[k], s) == 0)
            return 1;
    return 0;
}

static void
strset_add(wc_strset * S, char * s)
{
    if (S->n == S->alloc)
    {
        S->alloc = FLINT_MAX(8, 2 * S->alloc);
        S->s = flint_realloc(S->s, S->alloc * sizeof(char *));
    }
    S->s[S->n++] = s;
}

static void
strset_clear(wc_strset * S)
{
    slong k;

    for (k = 0; k < S->n; k++)
        flint_free(S->s[k]);
    flint_free(S->s);
}

/* Multiplicities of the children of (i, p), identified by signature:
   fills deg (counts of distinct children) and returns their number, or
   -1 when the jet is beyond the engine's limits (err filled). */
static slong
child_degrees(slong * deg, char ** sig_out, const wc_graph * G, slong i,
              slong p, wc_error_t err)
{
    const wc_factor_struct * f = G->spec->factors + i;
    char ** child = flint_malloc(FLINT_MAX(f->order, 1) * sizeof(char *));
    slong j, nc = 0, nd = 0, B = 1, K = 0;

    for (j = 0; j < f->order; j++)
    {
        slong idx = f->index[j];

        if (j == p)
            continue;
        if (G->cut[idx])
        {
            char buf[32];

            snprintf(buf, sizeof(buf), "P%ld", (long) G->probe[idx]);
            child[nc++] = str_cat(NULL, buf);
        }
        else
        {
            slong i2, j2;

            partner(&i2, &j2, G, i, j);
            child[nc++] = signature(G, i2, j2);
        }
    }
    qsort(child, nc, sizeof(char *), cmp_str);
    for (j = 0; j < nc; j++)
    {
        if (j > 0 && strcmp(child[j], child[j - 1]) == 0)
            deg[nd - 1]++;
        else
        {
            if (nd == WC_JET_MAX_DIRS)
            {
                nd = -1;
                wc_error_set(err, WC_ERR_UNSUPPORTED, f->pos,
                    "a tensor contracted with more than %d different "
                    "vectors", WC_JET_MAX_DIRS);
                break;
            }
            if (sig_out != NULL)
                sig_out[nd] = str_cat(NULL, child[j]);
            deg[nd++] = 1;
        }
    }
    for (j = 0; j < nc; j++)
        flint_free(child[j]);
    flint_free(child);

    if (nd >= 0)
    {
        for (j = 0; j < nd; j++)
        {
            B *= deg[j] + 1;
            K += deg[j];
        }
        /* A vector needs one derivative more than its jet's order. */
        if (K + (p >= 0) > WC_JET_MAX_ORDER || B > WC_JET_MAX_COEFFS)
        {
            if (sig_out != NULL)
                for (j = 0; j < nd; j++)
                    flint_free(sig_out[j]);
            wc_error_set(err, WC_ERR_UNSUPPORTED, f->pos,
                "a tensor with %ld indices contracted along %ld different "
                "vectors needs %ld Taylor coefficients of order %ld "
                "(limits: %d coefficients, order %d)", (long) f->order,
                (long) nd, (long) B, (long) (K + (p >= 0)),
                WC_JET_MAX_COEFFS, WC_JET_MAX_ORDER);
            return -1;
        }
    }
    return nd;
}

/* The cost (in passes over the weights) of the vectors below (i, p) that
   are neither planned already nor in S; adds their signatures to S.
   Returns -1 when some jet is beyond the limits. */
static double
cost_below(const wc_net_eval_t ev, const wc_graph * G, slong i, slong p,
           wc_strset * S)
{
    const wc_factor_struct * f = G->spec->factors + i;
    slong deg[WC_JET_MAX_DIRS], nd, j, B = 1;
    char * sig = signature(G, i, p);
    double c = 0;

    if (p >= 0 && (find_op(ev, sig) >= 0 || strset_has(S, sig)))
    {
        flint_free(sig);
        return 0;
    }
    nd = child_degrees(deg, NULL, G, i, p, NULL);
    if (nd < 0)
    {
        flint_free(sig);
        return -1;
    }
    for (j = 0; j < nd; j++)
        B *= deg[j] + 1;
    if (p >= 0)
        strset_add(S, sig);
    else
        flint_free(sig);
    c = (p >= 0 ? 2 : 1) * (double) B;

    for (j = 0; j < f->order; j++)
    {
        slong idx = f->index[j], i2, j2;
        double cc;

        if (j == p || G->cut[idx])
            continue;
        partner(&i2, &j2, G, i, j);
        cc = cost_below(ev, G, i2, j2, S);
        if (cc < 0)
            return -1;
        c += cc;
    }
    return c;
}

static slong
emit_probe(wc_net_eval_t ev, slong probe)
{
    char buf[32];
    slong k;

    snprintf(buf, sizeof(buf), "P%ld", (long) probe);
    if ((k = find_op(ev, buf)) >= 0)
        return k;
    k = new_op(ev);
    ev->ops[k].kind = OP_PROBE;
    ev->ops[k].probe = probe;
    ev->ops[k].probed = 1;
    ev->ops[k].sig = str_cat(NULL, buf);
    return k;
}

/* Plans the vector of (i, p) (p >= 0) or the scalar of root tensor i
   (p = -1); returns the op id or -1 with err set. */
static slong
emit_tensor(wc_net_eval_t ev, const wc_graph * G, slong i, slong p,
            wc_error_t err)
{
    const wc_factor_struct * f = G->spec->factors + i;
    char * sig = signature(G, i, p);
    char * dsig[WC_JET_MAX_DIRS];
    slong deg[WC_JET_MAX_DIRS], nd, j, k, d;
    wc_eval_op * op;

    if ((k = find_op(ev, sig)) >= 0)
    {
        flint_free(sig);
        return k;
    }
    nd = child_degrees(deg, dsig, G, i, p, err);
    if (nd < 0)
    {
        flint_free(sig);
        return -1;
    }

    /* The children, one op per distinct signature. */
    {
        slong dir[WC_JET_MAX_DIRS];
        int probed = 0;
        double factor = 1, cost;
        slong B = 1, q;

        for (d = 0; d < nd; d++)
        {
            dir[d] = -1;
            for (j = 0; j < f->order && dir[d] < 0; j++)
            {
                slong idx = f->index[j], i2, j2, kk;
                char * s;

                if (j == p)
                    continue;
                if (G->cut[idx])
                {
                    char buf[32];

                    snprintf(buf, sizeof(buf), "P%ld", (long) G->probe[idx]);
                    if (strcmp(buf, dsig[d]) == 0)
                        dir[d] = emit_probe(ev, G->probe[idx]);
                    continue;
                }
                partner(&i2, &j2, G, i, j);
                s = signature(G, i2, j2);
                if (strcmp(s, dsig[d]) == 0)
                {
                    kk = emit_tensor(ev, G, i2, j2, err);
                    if (kk < 0)
                    {
                        flint_free(s);
                        for (q = 0; q < nd; q++)
                            flint_free(dsig[q]);
                        flint_free(sig);
                        return -1;
                    }
                    dir[d] = kk;
                }
                flint_free(s);
            }
            probed |= ev->ops[dir[d]].probed;
            for (q = 2; q <= deg[d]; q++)
                factor *= (double) q;
            B *= deg[d] + 1;
        }
        for (q = 0; q < nd; q++)
            flint_free(dsig[q]);
        cost = (p >= 0 ? 2 : 1) * (double) B;

        k = new_op(ev);
        op = ev->ops + k;
        op->kind = (p >= 0) ? OP_VEC : OP_JET;
        op->input = G->input_id[i];
        op->ndirs = nd;
        for (d = 0; d < nd; d++)
        {
            op->deg[d] = deg[d];
            op->dir[d] = dir[d];
        }
        op->factor = factor;
        op->cost = cost;
        op->probed = probed;
        op->sig = sig;
    }
    return k;
}

/* Plans one connected component (its factors in member[0..nm-1]) and
   returns the op giving its value. */
static slong
plan_component(wc_net_eval_t ev, wc_graph * G, const slong * member,
               slong nm, wc_error_t err)
{
    const wc_spec_struct * spec = G->spec;
    double best = -1;
    slong best_node = -1, best_idx = -1, r, j;
    wc_strset S;

    /* Candidate roots: every tensor, every tree edge. */
    for (r = 0; r < nm && r < 64; r++)
    {
        double c;

        memset(&S, 0, sizeof(S));
        c = cost_below(ev, G, member[r], -1, &S);
        strset_clear(&S);
        if (c >= 0 && (best < 0 || c < best))
        {
            best = c;
            best_node = member[r];
        }
    }
    for (r = 0; r < nm && r < 64; r++)
    {
        const wc_factor_struct * f = spec->factors + member[r];

        for (j = 0; j < f->order; j++)
        {
            slong idx = f->index[j], i2, j2;
            double c1, c2;

            if (G->cut[idx] || G->slot_factor[2 * idx] != member[r]
                || G->slot_pos[2 * idx] != j)
                continue;
            partner(&i2, &j2, G, member[r], j);
            memset(&S, 0, sizeof(S));
            c1 = cost_below(ev, G, member[r], j, &S);
            c2 = (c1 < 0) ? -1 : cost_below(ev, G, i2, j2, &S);
            strset_clear(&S);
            if (c1 >= 0 && c2 >= 0 && (best < 0 || c1 + c2 < best))
            {
                best = c1 + c2;
                best_node = -1;
                best_idx = idx;
            }
        }
    }

    if (best < 0)
    {
        /* Nothing fits: report the first offending tensor. */
        for (r = 0; r < nm; r++)
        {
            slong deg[WC_JET_MAX_DIRS];

            if (child_degrees(deg, NULL, G, member[r], -1, err) < 0)
                return -1;
        }
        wc_error_set(err, WC_ERR_UNSUPPORTED, spec->factors[member[0]].pos,
                     "no contraction order within the jet limits");
        return -1;
    }

    if (best_node >= 0)
        return emit_tensor(ev, G, best_node, -1, err);

    {
        slong i1 = G->slot_factor[2 * best_idx];
        slong j1 = G->slot_pos[2 * best_idx];
        slong i2 = G->slot_factor[2 * best_idx + 1];
        slong j2 = G->slot_pos[2 * best_idx + 1];
        slong a = emit_tensor(ev, G, i1, j1, err), b, k;
        char * sig;

        if (a < 0)
            return -1;
        b = emit_tensor(ev, G, i2, j2, err);
        if (b < 0)
            return -1;
        sig = str_cat(NULL, "D(");
        sig = str_cat(sig, ev->ops[FLINT_MIN(a, b)].sig);
        sig = str_cat(sig, ",");
        sig = str_cat(sig, ev->ops[FLINT_MAX(a, b)].sig);
        sig = str_cat(sig, ")");
        if ((k = find_op(ev, sig)) >= 0)
        {
            flint_free(sig);
            return k;
        }
        k = new_op(ev);
        ev->ops[k].kind = OP_DOT;
        ev->ops[k].a = a;
        ev->ops[k].b = b;
        ev->ops[k].probed = ev->ops[a].probed | ev->ops[b].probed;
        ev->ops[k].sig = sig;
        return k;
    }
}

static slong
uf_find(slong * parent, slong i)
{
    while (parent[i] != i)
        i = parent[i] = parent[parent[i]];
    return i;
}

static wc_status
plan_spec(wc_net_eval_t ev, slong s, const wc_spec_struct * spec,
          const wc_net_t net, wc_error_t err)
{
    slong m = spec->nfactors, nidx = spec->nindices, i, j, c;
    slong * parent = flint_malloc(FLINT_MAX(m, 1) * sizeof(slong));
    slong * member = flint_malloc(FLINT_MAX(m, 1) * sizeof(slong));
    int * seen = flint_calloc(FLINT_MAX(m, 1), sizeof(int));
    wc_graph G;
    wc_status status = WC_OK;
    wc_eval_spec * es = ev->specs + s;

    G.spec = spec;
    G.slot_factor = flint_malloc(2 * FLINT_MAX(nidx, 1) * sizeof(slong));
    G.slot_pos = flint_malloc(2 * FLINT_MAX(nidx, 1) * sizeof(slong));
    G.cut = flint_calloc(FLINT_MAX(nidx, 1), sizeof(int));
    G.probe = flint_calloc(FLINT_MAX(nidx, 1), sizeof(slong));
    G.input_id = flint_malloc(FLINT_MAX(m, 1) * sizeof(slong));

    es->coeff = fmpq_get_d(spec->coeff);
    es->connected = spec->connected;
    es->ngroups = spec->connected ? spec->ngroups : 1;
    es->probed = 0;
    es->first_value = ev->nvalues;
    ev->nvalues += es->ngroups;

    /* Slots of every index; components by union-find. */
    for (j = 0; j < 2 * nidx; j++)
        G.slot_factor[j] = -1;
    for (i = 0; i < m; i++)
    {
        const wc_factor_struct * f = spec->factors + i;

        parent[i] = i;
        G.input_id[i] = input_index(ev, net, f->input);
        for (j = 0; j < f->order; j++)
        {
            slong idx = f->index[j], w = (G.slot_factor[2 * idx] < 0) ? 0 : 1;

            G.slot_factor[2 * idx + w] = i;
            G.slot_pos[2 * idx + w] = j;
        }
    }
    for (j = 0; j < nidx; j++)
    {
        slong a = uf_find(parent, G.slot_factor[2 * j]);
        slong b = uf_find(parent, G.slot_factor[2 * j + 1]);

        /* TODO: entry-wise cumulants over an index shared by two
           arguments need the arguments on independent networks (pairs
           of samples, or extra independent copies per sample); until
           then such SPECs are refused. */
        if (spec->connected && spec->factors[G.slot_factor[2 * j]].group
            != spec->factors[G.slot_factor[2 * j + 1]].group)
        {
            wc_buf_t name;

            wc_buf_init(name);
            wc_spec_index_name_buf(name, j);
            status = wc_error_set(err, WC_ERR_UNSUPPORTED,
                spec->factors[G.slot_factor[2 * j + 1]].pos,
                "index %s joins two arguments of the cumulant; Monte Carlo "
                "estimates cumulants of arguments that share no index",
                name->str);
            wc_buf_clear(name);
            goto cleanup;
        }
        if (a != b)
            parent[a] = b;
    }

    /* Spanning trees (depth first from the first tensor of each
       component); every index not used by a tree is cut. */
    for (j = 0; j < nidx; j++)
        G.cut[j] = 1;
    for (i = 0; i < m; i++)
    {
        slong top = 0, nm = 0, k;
        slong * stack = member;   /* reused: filled below in order */

        if (seen[i])
            continue;
        stack[0] = i;
        seen[i] = 1;
        nm = 1;
        for (top = 0; top < nm; top++)
        {
            const wc_factor_struct * f = spec->factors + stack[top];

            for (k = 0; k < f->order; k++)
            {
                slong i2, j2;

                partner(&i2, &j2, &G, stack[top], k);
                if (!seen[i2])
                {
                    seen[i2] = 1;
                    G.cut[f->index[k]] = 0;
                    stack[nm++] = i2;
                }
            }
        }
    }
    for (j = 0; j < nidx; j++)
        if (G.cut[j])
        {
            G.probe[j] = ev->nprobes++;
            es->probed = 1;
        }

    /* Plan each component. */
    memset(seen, 0, FLINT_MAX(m, 1) * sizeof(int));
    for (i = 0; i < m; i++)
    {
        slong root = uf_find(parent, i), nm = 0, op;

        if (seen[i])
            continue;
        for (c = i; c < m; c++)
            if (uf_find(parent, c) == root)
            {
                member[nm++] = c;
                seen[c] = 1;
            }
        op = plan_component(ev, &G, member, nm, err);
        if (op < 0)
        {
            status = (err != NULL && err->status != WC_OK)
                     ? err->status : WC_ERR_UNSUPPORTED;
            goto cleanup;
        }
        if (ev->ncomps == ev->alloc_comps)
        {
            ev->alloc_comps = FLINT_MAX(8, 2 * ev->alloc_comps);
            ev->comps = flint_realloc(ev->comps,
                                      ev->alloc_comps * sizeof(wc_eval_comp));
        }
        ev->comps[ev->ncomps].spec = s;
        ev->comps[ev->ncomps].group = spec->connected
                                      ? spec->factors[i].group : 0;
        ev->comps[ev->ncomps].op = op;
        ev->ncomps++;
    }

cleanup:
    flint_free(parent);
    flint_free(member);
    flint_free(seen);
    flint_free(G.slot_factor);
    flint_free(G.slot_pos);
    flint_free(G.cut);
    flint_free(G.probe);
    flint_free(G.input_id);
    return status;
}

/* The coefficient index in jet b of the top of jet a, when jet a's
   monomials are among b's (same input, each direction of a in b with at
   least a's degree); -1 otherwise.  A truncated Taylor polynomial's
   coefficients do not depend on the truncation, so a's value can be read
   from b. */
static slong
contained_index(const wc_eval_op * a, const wc_eval_op * b)
{
    slong i, j, idx = 0, stride[WC_JET_MAX_DIRS];

    if (a->input != b->input || a->ndirs > b->ndirs)
        return -1;
    for (j = 0; j < b->ndirs; j++)
        stride[j] = (j == 0) ? 1 : stride[j - 1] * (b->deg[j - 1] + 1);
    for (i = 0; i < a->ndirs; i++)
    {
        for (j = 0; j < b->ndirs; j++)
            if (b->dir[j] == a->dir[i])
                break;
        if (j == b->ndirs || b->deg[j] < a->deg[i])
            return -1;
        idx += a->deg[i] * stride[j];
    }
    return idx;
}

/* Scalar jets contained in a larger scalar jet read their coefficient
   from it (C[0,2] from the jet of C[0,3] at the same input).
   TODO: a vector jet could share the forward pass of a scalar jet along
   the same directions, and every jet at one input the plain forward pass
   (its constant coefficients); the benchmark plan would drop from 10 to
   about 7 passes. */
static void
share_jets(wc_net_eval_t ev)
{
    slong a, b;

    for (a = 0; a < ev->nops; a++)
    {
        wc_eval_op * A = ev->ops + a;
        slong best = -1, best_idx = -1;

        if (A->kind != OP_JET)
            continue;
        for (b = 0; b < ev->nops; b++)
        {
            const wc_eval_op * Bop = ev->ops + b;
            slong idx, nb, na;

            if (b == a || Bop->kind != OP_JET || Bop->from >= 0)
                continue;
            idx = contained_index(A, Bop);
            if (idx < 0)
                continue;
            /* strictly larger, or equal and earlier: no cycles */
            nb = (slong) (Bop->cost);
            na = (slong) (A->cost);
            if (nb < na || (nb == na && b > a))
                continue;
            if (best < 0 || Bop->cost > ev->ops[best].cost)
            {
                best = b;
                best_idx = idx;
            }
        }
        if (best >= 0)
        {
            A->from = best;
            A->from_index = best_idx;
            A->cost = 0;
        }
    }
}

wc_status
wc_net_eval_init(wc_net_eval_t * evp, const wc_spec_struct * specs,
                 slong nspecs, const wc_net_t net, wc_error_t err)
{
    wc_net_eval_t ev = flint_calloc(1, sizeof(wc_net_eval_struct));
    slong s;
    wc_status status;

    ev->nspecs = nspecs;
    ev->specs = flint_calloc(FLINT_MAX(nspecs, 1), sizeof(wc_eval_spec));
    ev->din = net->din;
    for (s = 0; s < nspecs; s++)
    {
        status = plan_spec(ev, s, specs + s, net, err);
        if (status != WC_OK)
        {
            wc_net_eval_clear(ev);
            *evp = NULL;
            return status;
        }
    }
    share_jets(ev);
    *evp = ev;
    return WC_OK;
}

void
wc_net_eval_clear(wc_net_eval_t ev)
{
    slong k;

    if (ev == NULL)
        return;
    for (k = 0; k < ev->nops; k++)
        flint_free(ev->ops[k].sig);
    flint_free(ev->ops);
    flint_free(ev->comps);
    flint_free(ev->specs);
    flint_free(ev->input_label);
    flint_free(ev->input);
    flint_free(ev);
}

slong
wc_net_eval_nvalues(const wc_net_eval_t ev, slong k)
{
    return ev->specs[k].ngroups;
}

slong
wc_net_eval_total_values(const wc_net_eval_t ev)
{
    return ev->nvalues;
}

int
wc_net_eval_uses_probes(const wc_net_eval_t ev, slong k)
{
    return ev->specs[k].probed;
}

double
wc_net_eval_cost(const wc_net_eval_t ev)
{
    double c = 0;
    slong k;

    for (k = 0; k < ev->nops; k++)
        c += ev->ops[k].cost;
    return c;
}

slong
wc_net_eval_matrix_passes(const wc_net_eval_t ev, slong l, slong hidden)
{
    slong k, p = 0;

    for (k = 0; k < ev->nops; k++)
    {
        const wc_eval_op * op = ev->ops + k;

        if (op->kind == OP_VEC)
            p += (l == hidden) ? 1 : 2;
        else if (op->kind == OP_JET && op->from < 0)
            p += 1;
    }
    return p;
}

/* ------------------------------------------------------------------ */
/* Execution. */

void
wc_net_eval_sample(double * values, wc_net_eval_t ev, wc_mlp_t mlp,
                   slong nprobes)
{
    slong nops = ev->nops, k, c, rep, d;
    wc_pvec_struct ** vec = flint_calloc(FLINT_MAX(nops, 1),
                                         sizeof(wc_pvec_struct *));
    wc_pvec_struct ** dirv = flint_calloc(FLINT_MAX(nops, 1),
                                          sizeof(wc_pvec_struct *));
    double * scalar = flint_calloc(FLINT_MAX(nops, 1), sizeof(double));
    double * jetc = flint_malloc(FLINT_MAX(nops, 1) * WC_JET_MAX_COEFFS
                                 * sizeof(double));
    double * comp = flint_calloc(FLINT_MAX(ev->ncomps, 1), sizeof(double));
    int std = (mlp->param == WC_PARAM_STANDARD);

    if (nprobes < 1)
        nprobes = 1;

    for (rep = 0; rep < nprobes; rep++)
    {
        for (k = 0; k < nops; k++)
        {
            wc_eval_op * op = ev->ops + k;

            /* Ops without probes are computed once; shared jets are read
               below. */
            if ((rep > 0 && !op->probed) || op->from >= 0)
                continue;

            if (op->kind == OP_PROBE)
            {
                if (vec[k] == NULL)
                {
                    vec[k] = flint_malloc(sizeof(wc_pvec_struct));
                    wc_pvec_init(vec[k], mlp);
                }
                wc_pvec_rademacher(vec[k], mlp->seed, mlp->sample,
                                   WC_RNG_PROBE,
                                   op->probe + rep * ev->nprobes);
                /* Both ends of the cut edge see G^(1/2) z. */
                wc_pvec_metric_mul(vec[k], mlp, 0.5);
                dirv[k] = vec[k];
            }
            else if (op->kind == OP_VEC || op->kind == OP_JET)
            {
                const wc_pvec_struct * dirs[WC_JET_MAX_DIRS];
                wc_jet_shape_t sh;
                double coeffs[WC_JET_MAX_COEFFS];

                for (d = 0; d < op->ndirs; d++)
                    dirs[d] = dirv[op->dir[d]];
                wc_jet_shape_init(sh, op->deg, op->ndirs, NULL);
                if (op->kind == OP_VEC)
                {
                    if (vec[k] == NULL)
                    {
                        vec[k] = flint_malloc(sizeof(wc_pvec_struct));
                        wc_pvec_init(vec[k], mlp);
                    }
                    wc_mlp_jet(NULL, vec[k], mlp,
                               ev->input + op->input * ev->din, dirs, sh);
                    wc_pvec_scalar_mul(vec[k], op->factor);
                    if (std)
                    {
                        /* the direction a parent sees is G u */
                        if (dirv[k] == NULL || dirv[k] == vec[k])
                        {
                            dirv[k] = flint_malloc(sizeof(wc_pvec_struct));
                            wc_pvec_init(dirv[k], mlp);
                        }
                        wc_pvec_set(dirv[k], vec[k]);
                        wc_pvec_metric_mul(dirv[k], mlp, 1.0);
                    }
                    else
                        dirv[k] = vec[k];
                }
                else
                {
                    wc_mlp_jet(coeffs, NULL, mlp,
                               ev->input + op->input * ev->din, dirs, sh);
                    scalar[k] = op->factor * coeffs[sh->ncoeffs - 1];
                    memcpy(jetc + k * WC_JET_MAX_COEFFS, coeffs,
                           sh->ncoeffs * sizeof(double));
                }
                wc_jet_shape_clear(sh);
            }
            else
                scalar[k] = wc_pvec_dot(vec[op->a], dirv[op->b]);
        }
        for (k = 0; k < nops; k++)
        {
            const wc_eval_op * op = ev->ops + k;

            if (op->from >= 0 && (rep == 0 || op->probed))
                scalar[k] = op->factor
                            * jetc[op->from * WC_JET_MAX_COEFFS
                                   + op->from_index];
        }

        for (c = 0; c < ev->ncomps; c++)
        {
            const wc_eval_op * op = ev->ops + ev->comps[c].op;

            if (rep == 0)
                comp[c] = scalar[ev->comps[c].op] / (double) nprobes;
            else if (op->probed)
                comp[c] += scalar[ev->comps[c].op] / (double) nprobes;
        }
    }

    /* Non-probed components were divided by nprobes but added once. */
    for (c = 0; c < ev->ncomps; c++)
        if (!ev->ops[ev->comps[c].op].probed)
            comp[c] *= (double) nprobes;

    for (k = 0; k < ev->nspecs; k++)
    {
        const wc_eval_spec * es = ev->specs + k;
        slong g;

        for (g = 0; g < es->ngroups; g++)
            values[es->first_value + g] = 1.0;
    }
    for (c = 0; c < ev->ncomps; c++)
    {
        const wc_eval_spec * es = ev->specs + ev->comps[c].spec;

        values[es->first_value + ev->comps[c].group] *= comp[c];
    }
    for (k = 0; k < ev->nspecs; k++)
        if (!ev->specs[k].connected)
            values[ev->specs[k].first_value] *= ev->specs[k].coeff;

    for (k = 0; k < nops; k++)
    {
        if (dirv[k] != NULL && dirv[k] != vec[k])
        {
            wc_pvec_clear(dirv[k]);
            flint_free(dirv[k]);
        }
        if (vec[k] != NULL)
        {
            wc_pvec_clear(vec[k]);
            flint_free(vec[k]);
        }
    }
    flint_free(vec);
    flint_free(dirv);
    flint_free(scalar);
    flint_free(jetc);
    flint_free(comp);
}
