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

golden_cases "$dir"

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

finish kernel
