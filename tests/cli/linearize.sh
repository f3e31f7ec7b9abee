#!/bin/sh
# weakcorr linearize: golden outputs, every error path, and the behaviour
# a user relies on: the same output for any number of threads, --output
# written whole, CSV data with positioned errors, and Ctrl-C keeping the
# runs that finished.
#
# Golden cases are tests/cli/golden/linearize/NAME.args (one argument per
# line); standard output must equal NAME.out, standard error NAME.err
# (empty when absent), the exit status NAME.status (0 when absent).
# WC_GOLDEN_UPDATE=1 rewrites the expected files instead.  The numbers in
# them are checked against independent routes by tests/dynamics; these
# files pin the presentation and the reproducibility of a seed.

dir=${WC_TOP_SRCDIR:-.}/tests/cli/golden/linearize
. "${WC_TOP_SRCDIR:-.}/tests/cli/lib.sh"

golden_cases "$dir" --quiet

L=linearize
expect 1 "^weakcorr linearize: unknown option '--seedz'" $L --seedz 3
expect 1 "^weakcorr linearize: unexpected argument 'tanh' \(the network is given by --net\)" \
    $L tanh
expect 1 '^weakcorr linearize: --net needs a value' $L --net
expect 1 "^weakcorr linearize: --seeds takes a positive integer up to 2\^31, not '0'" \
    $L --seeds 0
expect 1 "^weakcorr linearize: --seed takes an integer from 0 to 2\^64-1, not '-1'" \
    $L --seed=-1
expect 1 "^weakcorr linearize: --threads takes an integer from 1 to 1024, not '0'" \
    $L --threads 0
expect 1 "^weakcorr linearize: --batch takes a nonnegative integer, not 'all'" \
    $L --batch all
expect 1 "^weakcorr linearize: --train takes a positive integer up to 2\^24, not '0'" \
    $L --train 0
expect 1 "^weakcorr linearize: --test takes a positive integer up to 2\^24, not 'x'" \
    $L --test x
expect 1 "^weakcorr linearize: --rate-samples takes a nonnegative integer, not '-2'" \
    $L --rate-samples=-2
expect 1 "^weakcorr linearize: --rate-engine is mc or jets, not 'exact'" \
    $L --rate-engine exact
expect 1 "^weakcorr linearize: --loss: unknown loss 'hinge' \(squared or logistic\)" \
    $L --loss hinge
expect 1 '^weakcorr: --lr, column 1: must be above 0' $L --lr 0
expect 1 '^weakcorr linearize: --lr takes one number \(use --lr-exponents' \
    $L --lr 0.1,0.2
expect 1 '^weakcorr: --lr-exponents, column 3: expected a number' \
    $L --lr-exponents 0,x
expect 1 '^weakcorr: --output-scale, column 3: must be above 0' \
    $L --output-scale 1,0
expect 1 '^weakcorr: --steps, column 1: step must be at least 1' $L --steps 0
expect 1 '^weakcorr: --steps, column 4: expected a step' $L --steps 10,
expect 1 '^weakcorr: --widths, column 5: widths must increase' \
    $L --widths 128,64
expect 1 "^weakcorr: NET, column 1: unknown key 'hiden'" $L --net hiden=2
expect 1 '^weakcorr linearize: --batch 40 exceeds the 32 training points' \
    $L --batch 40
expect 1 '^weakcorr linearize: --data needs a file name' $L --data ''
expect 1 '^weakcorr linearize: --output needs a file name' $L --output=
expect 2 '^weakcorr: linearize: a run at width 65536 needs about [0-9.]+ GB, above the limit' \
    $L --net hidden=2 --widths 65536
expect 2 '^weakcorr: --output: cannot write ' \
    $L --widths 4 --seeds 1 --steps 1 --rate-samples 0 \
    --output /nonexistent-dir/out.txt
expect 2 '^weakcorr: /nonexistent-dir/d.csv: cannot read the file' \
    $L --data /nonexistent-dir/d.csv

# CSV data: a good file, then malformed ones with line and column.
printf 'x1,x2,y\n# comment\n' >"$tmp/d.csv"
i=0
while [ $i -lt 12 ]; do
    printf '%s.5,-%s,%s.25\n' $i $i $((i % 3)) >>"$tmp/d.csv"
    i=$((i + 1))
done
run_wc $L --net din=2 --data "$tmp/d.csv" --widths 8,16 --seeds 8 \
    --steps 5 --rate-samples 8 --quiet >"$tmp/csv.out" 2>"$tmp/csv.err"
rc=$?
check "CSV data trains (status $rc)" \
    '[ $rc -eq 0 ] && [ ! -s "$tmp/csv.err" ] \
     && grep -q "d.csv: 9 training + 3 test rows" "$tmp/csv.out"'
expect 1 "^weakcorr linearize: --train applies to the synthetic task" \
    $L --net din=2 --data "$tmp/d.csv" --train 5
expect 1 'd.csv: line 3, column 8: more than 2 fields \(din = 1 inputs and the target\)$' \
    $L --net din=1 --data "$tmp/d.csv" --seeds 1
expect 1 'd.csv: line 3, column 12: 3 fields, expected 4 \(din = 3 inputs and the target\)$' \
    $L --net din=3 --data "$tmp/d.csv" --seeds 1
printf '1,2,3\n4,five,6\n' >"$tmp/bad.csv"
expect 1 'bad.csv: line 2, column 3: field 2: not a number$' \
    $L --net din=2 --data "$tmp/bad.csv"
printf '1,2,1\n4,5,0\n' >"$tmp/bad.csv"
expect 1 'bad.csv: line 2, column 5: the logistic loss needs targets -1 or 1$' \
    $L --net din=2 --data "$tmp/bad.csv" --loss logistic
printf '1,2,1\n' >"$tmp/bad.csv"
expect 1 'bad.csv: line 2, column 1: 1 data rows; at least 2 are needed' \
    $L --net din=2 --data "$tmp/bad.csv"
printf '1,2,1\n3,4,5\n' >"$tmp/bad.csv"
expect 2 'bad.csv: 2 test rows leave none of the 2 rows for training$' \
    $L --net din=2 --data "$tmp/bad.csv" --test 2

# The same output for any number of threads.
small="--net hidden=2,act=tanh,din=3 --widths 8..32 --seeds 8 --steps 6 \
--batch 4 --rate-samples 8 --quiet"
# shellcheck disable=SC2086
run_wc $L $small --threads 1 >"$tmp/t1" 2>&1
# shellcheck disable=SC2086
run_wc $L $small --threads 3 >"$tmp/t3" 2>&1
check "threads 1 and 3 give the same output" 'cmp -s "$tmp/t1" "$tmp/t3"'
# shellcheck disable=SC2086
run_wc $L $small --threads 2 --rate-engine jets >"$tmp/tj" 2>&1
check "the jets engine gives the mc engine's rate to the digits shown" \
    'sed -n "/weak-correlation rate/,\$p" "$tmp/t1" | sed 1,2d >"$tmp/r1" \
     && sed -n "/weak-correlation rate/,\$p" "$tmp/tj" | sed 1,2d \
        >"$tmp/rj" && cmp -s "$tmp/r1" "$tmp/rj"'

# --output: the same text in the file, nothing on standard output, no
# temporary file left behind.
# shellcheck disable=SC2086
run_wc $L $small --output "$tmp/o.txt" >"$tmp/o.out" 2>&1
check "--output writes the result to the file" \
    '[ ! -s "$tmp/o.out" ] && cmp -s "$tmp/t1" "$tmp/o.txt" \
     && [ "$(ls "$tmp" | grep -c "o.txt")" -eq 1 ]'

# Ctrl-C: status 130, the finished runs reported, one line on standard
# error.  The command runs directly (not under WC_TEST_WRAPPER) so that
# the signal reaches it.
"$bin" $L --net hidden=2,act=tanh,din=4 --widths 16..256 --seeds 64 \
    --steps 400 --threads 2 --rate-samples 0 --json >"$tmp/int.out" \
    2>"$tmp/int.err" &
pid=$!
sleep 1
kill -INT $pid
wait $pid
rc=$?
check "Ctrl-C stops the run with status 130" '[ $rc -eq 130 ]'
check "Ctrl-C: one line on standard error" \
    '[ $(wc -l <"$tmp/int.err") -eq 1 ] \
     && grep -q "^weakcorr linearize: interrupted; the runs that finished" \
        "$tmp/int.err"'
check "Ctrl-C: the partial result is reported" \
    'grep -Eq "\"interrupted\": ?true" "$tmp/int.out" \
     && grep -Eq "\"status\": ?\"not run\"" "$tmp/int.out"'

# The JSON goldens are valid JSON with the documented keys (when a Python
# interpreter is there to read them).
if command -v python3 >/dev/null 2>&1; then
    check "JSON output parses and has rows, slope, slope_ci" \
        'python3 -c "import json, sys
d = json.load(open(sys.argv[1]))
r = d[\"rows\"][0]
assert all(k in r for k in (\"width\", \"deviation\", \"se\"))
assert len(d[\"slope_ci\"]) == 2 and d[\"slope\"] is not None
assert d[\"rate\"][\"k_fixed\"] is not None" "$dir/tanh-json.out"'
fi

# Help goes to standard output with status 0.
help_cases linearize

finish linearize
