#!/bin/sh
# Golden-output tests of the command line.  Each case is a file
# tests/cli/golden/NAME.args holding one argument per line; the command's
# standard output must equal NAME.out, its standard error NAME.err (empty
# when that file is absent) and its exit status NAME.status (0 when
# absent).  WC_GOLDEN_UPDATE=1 rewrites the expected files instead.

dir=${WC_TOP_SRCDIR:-.}/tests/cli/golden
. "${WC_TOP_SRCDIR:-.}/tests/cli/lib.sh"

golden_cases "$dir"

finish golden
