#!/bin/sh
# Runs the test programs and scripts named on the command line, one log
# per test under tests/logs, and ends with the line "N passed, M failed".
#
#   WC_TEST_WRAPPER   run programs under this (e.g. "valgrind -q
#                     --error-exitcode=99 --leak-check=full")
#   WC_TEST_SEED, WC_TEST_MULTIPLIER   passed on to the tests
# A test that exits with status 77 is skipped (a missing optional tool).

top_src=${WC_TOP_SRCDIR:-.}
top_build=${WC_TOP_BUILDDIR:-.}
logdir=$top_build/tests/logs
mkdir -p "$logdir"

WC_WEAKCORR=$top_build/weakcorr
export WC_TOP_SRCDIR WC_TOP_BUILDDIR WC_WEAKCORR

passed=0
failed=0
skipped=0
failed_names=""

for t in "$@"; do
    name=$(echo "$t" | sed 's|/|_|g')
    log=$logdir/$name.log
    start=$(date +%s)
    case $t in
        *.sh)
            sh "$top_src/$t" >"$log" 2>&1
            rc=$? ;;
        *)
            if [ -n "$WC_TEST_WRAPPER" ]; then
                $LIBTOOL --mode=execute $WC_TEST_WRAPPER \
                    "$top_build/$t" >"$log" 2>&1
            else
                "$top_build/$t" >"$log" 2>&1
            fi
            rc=$? ;;
    esac
    secs=$(( $(date +%s) - start ))
    if [ $rc -eq 0 ]; then
        passed=$((passed + 1))
        printf 'PASS  %-40s %3ds\n' "$t" "$secs"
    elif [ $rc -eq 77 ]; then
        skipped=$((skipped + 1))
        printf 'SKIP  %-40s %s\n' "$t" "$(tail -n 1 "$log")"
    else
        failed=$((failed + 1))
        failed_names="$failed_names $t"
        printf 'FAIL  %-40s %3ds  (status %d, log %s)\n' "$t" "$secs" \
            "$rc" "$log"
        tail -n 20 "$log" | sed 's/^/      | /'
    fi
done

[ $skipped -gt 0 ] && echo "$skipped skipped (an optional tool is missing)"
[ $failed -gt 0 ] && echo "failed:$failed_names"
echo "$passed passed, $failed failed" | tee "$logdir/summary"
[ $failed -eq 0 ]
