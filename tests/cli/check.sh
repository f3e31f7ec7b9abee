#!/bin/sh
# weakcorr check: golden outputs and every error path.  The golden cases
# pin the presentation and the reproducibility of a seed; the values in
# them are checked by the exact and Monte Carlo engines' own tests.

dir=${WC_TOP_SRCDIR:-.}/tests/cli/golden/check
. "${WC_TOP_SRCDIR:-.}/tests/cli/lib.sh"

golden_cases "$dir"

small="--net act=linear --widths 4,8 --samples 10 --quiet"
expect 1 '^weakcorr check: missing SPEC' check $small
expect 1 "^weakcorr check: unknown option '--jsn'" check ntk $small --jsn
expect 1 '^weakcorr check: one SPEC at a time' check ntk ntk $small
expect 1 "^weakcorr: SPEC, column 3: index 'a' appears only once" \
    check f_a $small
expect 1 "^weakcorr: NET, column 5: unknown activation 'tnh'" \
    check ntk --net act=tnh
expect 1 '^weakcorr: --widths' check ntk --widths 8,4 --quiet
expect 1 "^weakcorr check: --samples takes a positive integer" \
    check ntk --samples 0
expect 1 '^weakcorr check: give --prec or --digits, not both' \
    check ntk --prec 64 --digits 20
expect 1 "^weakcorr check: --max-terms takes a positive integer" \
    check ntk --max-terms x
expect 1 "^weakcorr check: --stat: " check ntk --stat mode
expect 2 '^weakcorr: check, column 1: a tensor contracted with more' \
    check 'f_abcdefghi f_abcdefghi' $small

# The verdict is in the JSON, and the same for any number of threads.
run_wc check 'var(ntk)' --net act=linear --widths 8..32 --samples 50 \
    --quiet --json --threads 1 >"$tmp/t1"
run_wc check 'var(ntk)' --net act=linear --widths 8..32 --samples 50 \
    --quiet --json --threads 2 >"$tmp/t2"
check "same output for 1 and 2 threads" 'cmp -s "$tmp/t1" "$tmp/t2"'
check "JSON names the verdict" 'grep -q "\"verdict\": \"" "$tmp/t1"'

help_cases check
finish check
