#!/bin/sh
# weakcorr mc: golden outputs, every error path, and the behaviour a user
# relies on: the same output for any number of threads, --output written
# whole, a checkpoint that resumes to the same result.
#
# Golden cases are tests/cli/golden/mc/NAME.args (one argument per line);
# standard output must equal NAME.out, standard error NAME.err (empty when
# absent), the exit status NAME.status (0 when absent).
# WC_GOLDEN_UPDATE=1 rewrites the expected files instead.  The values in
# them are checked statistically against exact values by tests/mc/t-exact;
# these files pin the presentation and the reproducibility of a seed.

dir=${WC_TOP_SRCDIR:-.}/tests/cli/golden/mc
. "${WC_TOP_SRCDIR:-.}/tests/cli/lib.sh"

golden_cases "$dir" --quiet

small="--net act=linear --widths 4,8 --samples 10"
expect 1 '^weakcorr mc: missing SPEC' mc $small
expect 1 "^weakcorr mc: unknown option '--sample'" mc ntk --sample 5
expect 1 '^weakcorr mc: one SPEC at a time' mc ntk ntk
expect 1 '^weakcorr mc: --net needs a value' mc ntk --net
expect 1 "^weakcorr mc: --samples takes a positive integer below 2\^32, not '0'" \
    mc ntk --samples 0
expect 1 "^weakcorr mc: --samples takes a positive integer below 2\^32, not 'many'" \
    mc ntk --samples many
expect 1 "^weakcorr mc: --samples takes a positive integer below 2\^32, not '4294967296'" \
    mc ntk --samples 4294967296
expect 1 "^weakcorr mc: --seed takes an integer from 0 to 2\^64-1, not '-1'" \
    mc ntk --seed=-1
expect 1 "^weakcorr mc: --seed takes an integer from 0 to 2\^64-1, not '18446744073709551616'" \
    mc ntk --seed 18446744073709551616
expect 1 "^weakcorr mc: --threads takes an integer from 1 to 1024, not '0'" \
    mc ntk --threads 0
expect 1 "^weakcorr mc: --probes takes an integer from 1 to 65535, not '0'" \
    mc ntk --probes 0
expect 1 "^weakcorr mc: --max-stored takes a number of megabytes, not 'lots'" \
    mc ntk --max-stored lots
expect 1 "^weakcorr mc: --stat: .*'median2'" mc ntk --stat median2
expect 1 '^weakcorr mc: --checkpoint needs a file name' mc ntk --checkpoint ''
expect 1 '^weakcorr mc: --output needs a file name' mc ntk --output=
expect 1 '^weakcorr: --widths, column 5: widths must increase \(64 after 128\)' \
    mc ntk --widths 128,64
expect 1 '^weakcorr: --widths, column 5: a range lo..hi doubles from lo and must end at hi' \
    mc ntk --widths 64..100
expect 1 '^weakcorr: --widths, column 1: a width must be at least 1' \
    mc ntk --widths 0
expect 1 "^weakcorr: SPEC, column 3: index 'a' appears only once" mc f_a
expect 1 '^weakcorr: SPEC, column 1: _op is the spectral norm of the matrix C\[2,d\]' \
    mc '|C[1,1]|_op'
expect 1 "^weakcorr: NET, column 1: unknown key 'hiden'" mc ntk --net hiden=2
expect 2 '^weakcorr: SPEC, column 1: the Frobenius norm of C\[2,1\] is not computed per sample' \
    mc '|C[2,1]|'
expect 2 '^weakcorr: mc, column 1: a tensor contracted with more than 8 different vectors' \
    mc 'f_abcdefghi f_a(x1) f_b(x2) f_c(x3) f_d(x4) f_e(x5) f_f(x6) f_g(x7) f_h(x8) f_i(x9)' \
    $small
expect 2 '^weakcorr: mc, column 1: a tensor with 9 indices contracted along 1 different vectors needs 10 Taylor coefficients of order 9' \
    mc 'f_abcdefghi f_a f_b f_c f_d f_e f_f f_g f_h f_i' $small
expect 2 '^weakcorr: mc, column 1: a tensor with 9 indices' mc 'C[0,9]' $small
expect 2 '^weakcorr: mc, column 10: index a joins two arguments of the cumulant' \
    mc 'cum(f_a, f_a)' $small
expect 2 '^weakcorr: mc: a cumulant is estimated as a whole .*not q90' \
    mc 'var(ntk)' $small --stat q90
expect 2 '^weakcorr: mc: a cumulant of 2 arguments needs at least 3 samples' \
    mc 'var(f)' --widths 4 --samples 2
expect 2 '^weakcorr: mc, column 1: C\[2,7\] needs derivatives of order 9 \(at most 8\)' \
    mc '|C[2,7]|_op' $small
expect 2 '^weakcorr: --output: cannot write ' \
    mc ntk $small --output /nonexistent-dir/out.txt
expect 2 '^weakcorr: mc: cannot write ' \
    mc ntk $small --checkpoint /nonexistent-dir/run.ckpt

# The same output for any number of threads.
run_wc mc '|C[1,1]|^2' --net hidden=2,act=tanh --widths 4,8,16 \
    --samples 24 --threads 1 --quiet >"$tmp/t1" 2>&1
run_wc mc '|C[1,1]|^2' --net hidden=2,act=tanh --widths 4,8,16 \
    --samples 24 --threads 3 --quiet >"$tmp/t3" 2>&1
check "threads 1 and 3 give the same output" 'cmp -s "$tmp/t1" "$tmp/t3"'

# --output: the same text in the file, nothing on standard output.
run_wc mc '|C[1,1]|^2' --net hidden=2,act=tanh --widths 4,8,16 \
    --samples 24 --quiet --output "$tmp/o.txt" >"$tmp/o.out" 2>&1
check "--output writes the result to the file" \
    '[ ! -s "$tmp/o.out" ] && cmp -s "$tmp/t1" "$tmp/o.txt" \
     && [ -z "$(ls "$tmp" | grep "o.txt.tmp")" ]'

# A checkpoint: a run with fewer samples, then the full one resumes.
run_wc mc '|C[1,1]|^2' --net hidden=2,act=tanh --widths 4,8,16 \
    --samples 10 --quiet --checkpoint "$tmp/run.ckpt" >/dev/null 2>&1
run_wc mc '|C[1,1]|^2' --net hidden=2,act=tanh --widths 4,8,16 \
    --samples 24 --checkpoint "$tmp/run.ckpt" >"$tmp/c.out" 2>"$tmp/c.err"
check "a resumed run gives the same output" 'cmp -s "$tmp/t1" "$tmp/c.out"'
check "the resumption is reported on standard error" \
    'grep -q "^weakcorr mc: resumed 30 results from" "$tmp/c.err"'
check "the checkpoint holds every result" \
    '[ $(grep -vc "^#" "$tmp/run.ckpt") -eq 72 ]'
expect 1 '^weakcorr: mc: checkpoint .* was written by a different run' \
    mc '|C[1,1]|^2' --net hidden=2,act=tanh --widths 4,8,16 --samples 24 \
    --seed 2 --checkpoint "$tmp/run.ckpt"

# Ctrl-C: the run stops with status 130 and keeps what it finished; a
# later run with the same checkpoint (here a smaller sweep) resumes from
# it and prints what a fresh run prints.  The command runs directly (not
# under WC_TEST_WRAPPER) so that the signal reaches it.
"$bin" mc ntk --net hidden=2,act=tanh --widths 32..128 --samples 100000 \
    --threads 2 --checkpoint "$tmp/int.ckpt" >"$tmp/int.out" \
    2>"$tmp/int.err" &
pid=$!
i=0
while [ $i -lt 400 ]; do
    n=$(grep -vc '^#' "$tmp/int.ckpt" 2>/dev/null)
    [ "${n:-0}" -ge 5 ] && break
    sleep 0.05
    i=$((i + 1))
done
kill -INT $pid
wait $pid
rc=$?
check "Ctrl-C stops the run with status 130" '[ $rc -eq 130 ]'
check "Ctrl-C reports what was kept, on one line" \
    '[ $(wc -l <"$tmp/int.err") -eq 1 ] && [ ! -s "$tmp/int.out" ] \
     && grep -q "^weakcorr mc: interrupted; [0-9]* results are in" \
        "$tmp/int.err"'
kept=$(grep -vc '^#' "$tmp/int.ckpt")
check "the checkpoint kept the finished results ($kept)" '[ "$kept" -ge 5 ]'
run_wc mc ntk --net hidden=2,act=tanh --widths 32 --samples 12 --quiet \
    --checkpoint "$tmp/int.ckpt" >"$tmp/int2.out" 2>&1
run_wc mc ntk --net hidden=2,act=tanh --widths 32 --samples 12 --quiet \
    >"$tmp/fresh.out" 2>&1
check "resuming after Ctrl-C gives the fresh result" \
    'cmp -s "$tmp/int2.out" "$tmp/fresh.out"'

# Help goes to standard output with status 0.
help_cases mc

finish mc
