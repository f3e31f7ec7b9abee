#!/bin/sh
# The Monte Carlo engine against PyTorch, measured in one run:
#   1. an independent check of the four per-sample values against
#      PyTorch's reverse-mode autograd on the same weights (width 64);
#   2. samples per second of weakcorr (bench/mc_bench, T threads) and of
#      PyTorch (bench/torch_mc.py, functorch and autograd, 1 and T
#      threads, the best of the four kept) at widths 512..4096, side by
#      side with the ratio, and weakcorr's per-sample time against the time
#      to draw one sample's weights;
#   3. peak resident memory of `weakcorr mc` at width 16384 with two
#      hidden layers, one and two threads, stored and regenerated weights,
#      and the widths that fit 8 GiB and 24 GiB by the memory model
#      8 n^2 bytes per thread (MC_BENCH_BIG=1 also measures widths 32768
#      stored and 65536 regenerated: slow, and 8 GiB of memory).
#
# usage: sh mc_compare.sh BUILDDIR SRCDIR   (make bench-mc does this)
# Environment: MC_BENCH_WIDTHS (default 512,1024,2048,4096),
# MC_BENCH_THREADS (default 2), MC_BENCH_SECONDS (default 3),
# MC_BENCH_BIG (default 0).

build=${1:-.}
src=${2:-.}
widths=${MC_BENCH_WIDTHS:-512,1024,2048,4096}
T=${MC_BENCH_THREADS:-2}
secs=${MC_BENCH_SECONDS:-3}
py=/usr/bin/python3
tmp=$(mktemp -d "${TMPDIR:-/tmp}/mc-bench.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT

echo "machine: $(nproc) processors, $(grep -m1 'model name' /proc/cpuinfo \
    | sed 's/.*: //'), load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo

have_torch=1
if ! $py -c 'import torch, functorch, numpy' 2>/dev/null; then
    echo "PyTorch not found (apt-get install python3-torch): weakcorr only"
    have_torch=0
fi

# 1. Independent check.
if [ $have_torch = 1 ]; then
    echo "== check against PyTorch autograd, one sample at width 64"
    "$build/bench/mc_bench" --export 64 "$tmp/w64.bin" >/dev/null &&
    $py "$src/bench/torch_mc.py" --check "$tmp/w64.bin" 64 ||
        echo "CHECK FAILED"
    echo
fi

# 2. Speed.
echo "== samples per second"
"$build/bench/mc_bench" --widths "$widths" --threads "$T" \
    --seconds "$secs" | tee "$tmp/ours.txt"
echo
if [ $have_torch = 1 ]; then
    $py "$src/bench/torch_mc.py" --widths "$widths" --threads 1 \
        --seconds "$secs" | tee "$tmp/torch1.txt"
    $py "$src/bench/torch_mc.py" --widths "$widths" --threads "$T" \
        --seconds "$secs" | tee "$tmp/torchT.txt"
    echo
    echo "width   weakcorr/s (T=$T)   pytorch/s (best)   ratio   ours/draw"
    for n in $(echo "$widths" | tr , ' '); do
        ours=$(awk -v n="$n" '$1 == n { print $2 }' "$tmp/ours.txt")
        ratio_draw=$(awk -v n="$n" '$1 == n { print $5 }' "$tmp/ours.txt")
        best=$(awk -v n="$n" '$1 == n { m = $2 > $3 ? $2 : $3;
                                       print m }' \
               "$tmp/torch1.txt" "$tmp/torchT.txt" | sort -g | tail -1)
        awk -v n="$n" -v a="$ours" -v b="$best" -v r="$ratio_draw" \
            'BEGIN { printf "%6d %18.2f %18.3f %8.1fx %10.2f\n",
                     n, a, b, a / b, r }'
    done
    echo
fi

# 3. Memory.  |C[1,1]|^2 reads the hidden-to-hidden matrix twice per
# sample, so it is stored (8 n^2 bytes per thread); ntk reads it once, so
# by default it is regenerated instead; --max-stored 0 forces
# regeneration for any SPEC.
echo "== peak resident memory, hidden=2, act=tanh, one sample per thread"
mem()
{
    label=$1
    shift
    /usr/bin/time -f "%M %e" -o "$tmp/rss" "$build/weakcorr" mc "$@" \
        --net hidden=2,act=tanh --quiet >/dev/null 2>&1
    awk -v line="$(tail -1 "$tmp/rss")" -v label="$label" 'BEGIN {
        split(line, a, " ");
        printf "%-52s %7.3f GiB %7.1f s\n", label, a[1] / 1048576, a[2] }'
}
mem "|C[1,1]|^2, width 16384, 1 thread (stored)" '|C[1,1]|^2' \
    --widths 16384 --samples 1 --threads 1
mem "|C[1,1]|^2, width 16384, 2 threads (stored)" '|C[1,1]|^2' \
    --widths 16384 --samples 2 --threads 2
mem "|C[1,1]|^2, width 16384, 1 thread, --max-stored 0" '|C[1,1]|^2' \
    --widths 16384 --samples 1 --threads 1 --max-stored 0
mem "ntk, width 16384, 1 thread (read once: regenerated)" ntk \
    --widths 16384 --samples 1 --threads 1
# n^2 doubles per thread for the stored hidden-to-hidden matrix, plus
# about 64 n doubles of vectors.
awk 'BEGIN {
    for (g = 8; g <= 24; g += 16) {
        n = int(sqrt(g * 2^30 / 8));
        printf "model: largest width storing its weights in %2d GiB: ", g;
        printf "%d (1 thread), %d (2 threads)\n", n, int(n / sqrt(2));
    }
}'
if [ "${MC_BENCH_BIG:-0}" = 1 ]; then
    mem "|C[1,1]|^2, width 32768, 1 thread (stored)" '|C[1,1]|^2' \
        --widths 32768 --samples 1 --threads 1
    mem "ntk, width 65536, 1 thread (regenerated)" ntk \
        --widths 65536 --samples 1 --threads 1
fi
