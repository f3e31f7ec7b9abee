#!/bin/sh
# weakcorr kernel: golden outputs and every error path.
#
# Golden cases are tests/cli/golden/kernel/NAME.args (one argument per
# line); standard output must equal NAME.out, standard error NAME.err
# (empty when absent), the exit status NAME.status (0 when absent).
# WC_GOLDEN_UPDATE=1 rewrites the expected files instead.  The values
# are checked independently by tests/gauss/t-kernel (exact recursions for
# linear and polynomial activations, the arc-cosine and Williams
# recursions for relu and erf); these files pin the presentation and the
# exit statuses.

dir=${WC_TOP_SRCDIR:-.}/tests/cli/golden/kernel
. "${WC_TOP_SRCDIR:-.}/tests/cli/lib.sh"

fails=0
count=0

for args in "$dir"/*.args; do
    name=$(basename "$args" .args)
    count=$((count + 1))
    set --
    while IFS= read -r line || [ -n "$line" ]; do
        set -- "$@" "$line"
    done <"$args"

    run_wc "$@" >"$tmp/out" 2>"$tmp/err"
    echo $? >"$tmp/status"

    if [ "${WC_GOLDEN_UPDATE:-0}" = 1 ]; then
        cp "$tmp/out" "$dir/$name.out"
        if [ -s "$tmp/err" ]; then cp "$tmp/err" "$dir/$name.err"
        else rm -f "$dir/$name.err"; fi
        if [ "$(cat "$tmp/status")" != 0 ]; then
            cp "$tmp/status" "$dir/$name.status"
        else rm -f "$dir/$name.status"; fi
        continue
    fi

    expected_status=0
    [ -f "$dir/$name.status" ] && expected_status=$(cat "$dir/$name.status")
    if [ -f "$dir/$name.err" ]; then cp "$dir/$name.err" "$tmp/experr"
    else : >"$tmp/experr"; fi

    ok=1
    if ! cmp -s "$tmp/out" "$dir/$name.out"; then
        echo "FAIL $name: standard output differs:"
        diff "$dir/$name.out" "$tmp/out" | head -20
        ok=0
    fi
    if ! cmp -s "$tmp/err" "$tmp/experr"; then
        echo "FAIL $name: standard error differs:"
        diff "$tmp/experr" "$tmp/err" | head -10
        ok=0
    fi
    if [ "$(cat "$tmp/status")" != "$expected_status" ]; then
        echo "FAIL $name: exit status $(cat "$tmp/status"), expected" \
             "$expected_status"
        ok=0
    fi
    if [ $ok = 1 ]; then
        echo "ok   $name"
    else
        fails=$((fails + 1))
    fi
done

# Every error goes to standard error as one line.
for f in "$dir"/*.err; do
    [ -f "$f" ] || continue
    count=$((count + 1))
    if [ "$(wc -l <"$f")" -eq 1 ]; then
        echo "ok   one-line error $(basename "$f")"
    else
        echo "FAIL: $(basename "$f") is not one line"
        fails=$((fails + 1))
    fi
done

echo "kernel: $count cases, $fails failed"
[ $fails -eq 0 ]
