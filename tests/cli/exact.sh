#!/bin/sh
# weakcorr exact: golden outputs and every error path.
#
# Golden cases are tests/cli/golden/exact/NAME.args (one argument per
# line); standard output must equal NAME.out, standard error NAME.err
# (empty when absent), the exit status NAME.status (0 when absent).
# WC_GOLDEN_UPDATE=1 rewrites the expected files instead.  The expected
# values of the golden cases are checked independently by
# tests/exact/t-linear_hand and t-linear_brute; these files pin the
# command's presentation.

dir=${WC_TOP_SRCDIR:-.}/tests/cli/golden/exact
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

# expect STATUS PATTERN ARGS...: the status, exactly one line on standard
# error matching the extended regex PATTERN, nothing on standard output.
expect()
{
    status=$1
    pattern=$2
    shift 2
    count=$((count + 1))
    run_wc "$@" >"$tmp/out" 2>"$tmp/err"
    rc=$?
    lines=$(wc -l <"$tmp/err")
    if [ $rc -ne "$status" ] || [ "$lines" -ne 1 ] || [ -s "$tmp/out" ] \
       || ! grep -Eq "$pattern" "$tmp/err"; then
        echo "FAIL: weakcorr $*"
        echo "  status $rc (expected $status), $lines stderr lines:"
        sed 's/^/  | /' "$tmp/err" "$tmp/out"
        fails=$((fails + 1))
    else
        echo "ok   weakcorr $*"
    fi
}

net=hidden=2,act=linear
expect 1 '^weakcorr exact: missing SPEC' exact --net $net
expect 1 '^weakcorr exact: missing --net NET' exact ntk
expect 1 "^weakcorr exact: unknown option '--jsn'" exact ntk --net $net --jsn
expect 1 '^weakcorr exact: one SPEC at a time' exact ntk ntk --net $net
expect 1 '^weakcorr exact: --net needs a value' exact ntk --net
expect 1 "^weakcorr exact: --max-terms takes a positive integer, not 'many'" \
    exact ntk --net $net --max-terms many
expect 1 "^weakcorr exact: --max-terms takes a positive integer, not '0'" \
    exact ntk --net $net --max-terms 0
expect 1 "^weakcorr exact: --max-terms takes a positive integer, not '-5'" \
    exact ntk --net $net --max-terms=-5
expect 1 "^weakcorr exact: --prec takes a number of bits from 16" \
    exact ntk --net $net --prec 8
expect 1 "^weakcorr exact: --digits takes a number of digits" \
    exact ntk --net $net --digits 1e3
expect 1 '^weakcorr exact: give --prec or --digits, not both' \
    exact ntk --net $net --prec 64 --digits 20
expect 1 "^weakcorr: SPEC, column 3: index 'a' appears only once" \
    exact f_a --net $net
expect 1 "^weakcorr: NET, column 1: unknown key 'hiden'" \
    exact ntk --net hiden=2
expect 2 \
    '^weakcorr: exact: no exact engine for act=tanh with hidden=2: .*linear' \
    exact ntk --net hidden=2,act=tanh
expect 2 '^weakcorr: exact: --widths-symbolic needs the deep linear engine' \
    exact ntk --net hidden=1,act=relu --widths-symbolic
expect 2 '^weakcorr: exact: the deep linear transfer would take about .* '\
'weight operations, more than the bound of 1000 ' \
    exact 'C[0,3]^2' --net hidden=8,act=linear --max-terms 1000
expect 2 '^weakcorr: exact: .*more than the bound of 100000000' \
    exact 'C[0,3]^2' --net hidden=8,act=linear --widths-symbolic
expect 2 '^weakcorr: exact: SPEC has 18 tensors; the deep linear engine '\
'handles at most 16' \
    exact 'f^18' --net $net

# Help goes to standard output with status 0.
for args in "exact --help" "help exact" "exact -h"; do
    count=$((count + 1))
    # shellcheck disable=SC2086
    if run_wc $args >"$tmp/out" 2>"$tmp/err" && [ -s "$tmp/out" ] \
       && [ ! -s "$tmp/err" ] && grep -q '^usage: weakcorr exact' "$tmp/out"
    then
        echo "ok   weakcorr $args"
    else
        echo "FAIL: weakcorr $args"
        fails=$((fails + 1))
    fi
done

echo "exact: $count cases, $fails failed"
[ $fails -eq 0 ]
