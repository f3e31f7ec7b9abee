#!/bin/sh
# The examples build and run, and print what their golden files say.

build=${WC_TOP_BUILDDIR:-.}
src=${WC_TOP_SRCDIR:-.}
tmp=${TMPDIR:-/tmp}/wc-examples.$$
trap 'rm -f "$tmp"' EXIT

"$build/examples/standard_orders" >"$tmp" || { echo "FAIL: exit $?"; exit 1; }
# The first line names the version; compare the rest.
if tail -n +2 "$tmp" | cmp -s - "$src/tests/cli/golden/standard_orders.out"
then
    echo "ok   standard_orders"
else
    echo "FAIL: standard_orders output differs:"
    tail -n +2 "$tmp" | diff "$src/tests/cli/golden/standard_orders.out" -
    exit 1
fi
