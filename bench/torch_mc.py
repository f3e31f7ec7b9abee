#!/usr/bin/env python3
"""The per-sample estimate of bench/mc_bench.c written with PyTorch, as a
user of PyTorch would write it: the network with two tanh hidden layers
(NTK parameterisation, din = 8, input all ones, double precision), its
weights drawn with torch.randn, and per sample the tangent kernel, C^{0,2},
C^{0,3} and the Euclidean norm of C^{1,1}:

    g       = grad f                      ntk   = <g, g>
    Hg      = D grad f [g]                C02   = <g, Hg> / 2
    D^3 f[g, g, g] by nested jvp          C03   = D^3 f[g, g, g] / 6
                                          |C11| = |Hg|

with functorch (grad, jvp: the PyTorch 1.13 name of torch.func) or, with
--mode autograd, with torch.autograd.grad and create_graph.

usage: torch_mc.py [--widths 512,1024,2048,4096] [--threads T]
                   [--seconds S] [--mode func|autograd|both]
       torch_mc.py --check FILE N

It prints samples per second per width, and the time of torch.randn for
one sample's weights.  --check reads the weights and values that
`mc_bench --export N FILE` wrote and recomputes the four values with
autograd, printing the relative differences: an independent check of the
jets against reverse-mode automatic differentiation.

Needs Debian's python3-torch (apt-get install python3-torch); not part of
make check.
"""

import argparse
import math
import sys
import time

try:
    import torch
except ImportError:
    sys.stderr.write("torch_mc.py: PyTorch is not installed "
                     "(apt-get install python3-torch)\n")
    sys.exit(77)

torch.set_default_dtype(torch.float64)
DIN = 8


def make_f(n):
    x = torch.ones(DIN)

    def f(p):
        w1, w2, v = p
        a1 = torch.tanh(w1 @ x / math.sqrt(DIN))
        a2 = torch.tanh(w2 @ a1 / math.sqrt(n))
        return v @ a2 / math.sqrt(n)
    return f


def dot(a, b):
    return sum((x * y).sum() for x, y in zip(a, b))


def sample_func(f, p):
    from functorch import grad, jvp
    gf = grad(f)
    g = gf(p)
    ntk = dot(g, g)
    _, hg = jvp(gf, (p,), (g,))
    c02 = dot(g, hg) / 2
    c11 = math.sqrt(float(dot(hg, hg)))

    def d1(q):
        return jvp(f, (q,), (g,))[1]

    def d2(q):
        return jvp(d1, (q,), (g,))[1]
    c03 = jvp(d2, (p,), (g,))[1] / 6
    return float(ntk), float(c02), float(c03), c11


def sample_autograd(f, p):
    p = [q.requires_grad_(True) for q in p]
    out = f(p)
    g = torch.autograd.grad(out, p, create_graph=True)
    gd = [q.detach() for q in g]
    ntk = dot(gd, gd)
    hg = torch.autograd.grad(g, p, grad_outputs=gd, create_graph=True)
    c02 = dot(gd, hg) / 2
    c11 = math.sqrt(float(dot(hg, hg)))
    t3 = torch.autograd.grad(dot(hg, gd), p)
    c03 = dot(t3, gd) / 6
    return float(ntk), float(c02), float(c03), c11


def draw(n):
    return (torch.randn(n, DIN), torch.randn(n, n), torch.randn(n))


def rate(n, mode, seconds):
    f = make_f(n)
    fn = sample_func if mode == "func" else sample_autograd
    fn(f, draw(n))                       # warm up
    t0 = time.perf_counter()
    done = 0
    while True:
        fn(f, draw(n))
        done += 1
        t1 = time.perf_counter()
        if t1 - t0 >= seconds and done >= 2:
            return done / (t1 - t0)


def randn_time(n, reps=3):
    t0 = time.perf_counter()
    for _ in range(reps):
        draw(n)
    return (time.perf_counter() - t0) / reps


def check(path, n):
    import numpy
    raw = numpy.fromfile(path, dtype=numpy.float64)
    sizes = [n * DIN, n * n, n]
    off = 0
    p = []
    for s, shape in zip(sizes, [(n, DIN), (n, n), (n,)]):
        p.append(torch.tensor(raw[off:off + s]).reshape(shape))
        off += s
    ours = raw[off:off + 4]
    theirs = sample_autograd(make_f(n), p)
    names = ["ntk", "C[0,2]", "C[0,3]", "|C[1,1]|"]
    worst = 0.0
    for name, a, b in zip(names, ours, theirs):
        rel = abs(a - b) / max(abs(b), 1e-300)
        worst = max(worst, rel)
        print("%-9s weakcorr %.17g  autograd %.17g  relative difference "
              "%.1e" % (name, a, b, rel))
    return worst


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--widths", default="512,1024,2048,4096")
    ap.add_argument("--threads", type=int, default=0)
    ap.add_argument("--seconds", type=float, default=3.0)
    ap.add_argument("--mode", default="both",
                    choices=["func", "autograd", "both"])
    ap.add_argument("--check", nargs=2, metavar=("FILE", "N"))
    a = ap.parse_args()

    if a.threads > 0:
        torch.set_num_threads(a.threads)
    if a.check:
        worst = check(a.check[0], int(a.check[1]))
        # Rounding differences only: both are exact derivatives in double.
        sys.exit(0 if worst < 1e-8 else 1)

    modes = ["func", "autograd"] if a.mode == "both" else [a.mode]
    print("pytorch %s, %d threads: ntk, C[0,2], C[0,3], |C[1,1]| per "
          "sample; hidden=2, act=tanh, din=8, double precision"
          % (torch.__version__, torch.get_num_threads()))
    print("%7s %s %14s" % ("width", " ".join("%14s" % ("samples/s " + m)
                                            for m in modes),
                           "ms/randn"))
    for n in [int(w) for w in a.widths.split(",")]:
        rates = [rate(n, m, a.seconds) for m in modes]
        print("%7d %s %14.2f" % (n, " ".join("%14.3f" % r for r in rates),
                                 1e3 * randn_time(n)))
        sys.stdout.flush()


if __name__ == "__main__":
    main()
