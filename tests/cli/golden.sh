#!/bin/sh
# Golden-output tests of the command line.  Each case is a file
# tests/cli/golden/NAME.args holding one argument per line; the command's
# standard output must equal NAME.out, its standard error NAME.err (empty
# when that file is absent) and its exit status NAME.status (0 when
# absent).  WC_GOLDEN_UPDATE=1 rewrites the expected files instead.

dir=${WC_TOP_SRCDIR:-.}/tests/cli/golden
. "${WC_TOP_SRCDIR:-.}/tests/cli/lib.sh"

fails=0
count=0
for args in "$dir"/*.args; do
    name=$(basename "$args" .args)
    count=$((count + 1))

    # Read the arguments, one per line, into the positional parameters.
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
    [ -f "$dir/$name.err" ] && cp "$dir/$name.err" "$tmp/experr" \
        || : >"$tmp/experr"

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

echo "golden: $count cases, $fails failed"
[ $fails -eq 0 ] && [ $count -gt 0 ]
