#!/bin/sh
# Every error a user can reach from the command line: one line on standard
# error naming what is wrong, nothing on standard output, and the
# documented exit status (1 for malformed input).

. "${WC_TOP_SRCDIR:-.}/tests/cli/lib.sh"

expect 1 '^weakcorr: missing command'
expect 1 "unknown command 'ordr'" ordr f
expect 1 "^weakcorr order: missing SPEC" order
expect 1 "^weakcorr order: unknown option '--jsn'" order f --jsn
expect 1 "^weakcorr order: one SPEC at a time" order f f
expect 1 "^weakcorr: SPEC, column 3: index 'a' appears only once" order f_a
expect 1 "^weakcorr: SPEC, column 4: empty SPEC" order "   "
expect 1 "^weakcorr: SPEC, column 9: unexpected character '\\$'" \
    order 'f_a f_a $'
expect 1 "^weakcorr: SPEC, column 1: unknown factor 'g'" order 'g_a g_a'
expect 1 "^weakcorr: SPEC, column 1: has 1 free index|C\\[1,2\\] has 1" \
    order 'C[1,2]'
expect 1 "^weakcorr: SPEC, column 5: d in C\\[D,d\\] is too large" \
    order 'C[0,99999999999999999999]'
expect 1 "^weakcorr: SPEC, column 8: SPEC expands to more than 1024" \
    order 'f^1000 f^1000'
expect 1 "^weakcorr parse: give a SPEC, a --net NET, or both" parse
expect 1 "^weakcorr parse: --net needs a value" parse --net
expect 1 "^weakcorr parse: unknown option '--nett'" parse --nett x
expect 1 "^weakcorr parse: one SPEC at a time" parse f f
expect 1 "^weakcorr: NET, column 1: empty NET" parse --net ''
expect 1 "^weakcorr: NET, column 1: unknown key 'hiden'" parse --net hiden=2
expect 1 "^weakcorr: NET, column 8: hidden is too large" \
    parse --net hidden=65
expect 1 "^weakcorr: NET, column 10: key 'hidden' given twice" \
    parse --net hidden=1,hidden=2
expect 1 "^weakcorr: SPEC, column 1: empty SPEC" parse '' --net hidden=1

# Help and version go to standard output with status 0.
for args in "--help" "help" "help order" "order --help" "parse -h" \
            "--version"; do
    count=$((count + 1))
    # shellcheck disable=SC2086
    if run_wc $args >"$tmp/out" 2>"$tmp/err" && [ -s "$tmp/out" ] \
       && [ ! -s "$tmp/err" ]; then
        echo "ok   weakcorr $args"
    else
        echo "FAIL: weakcorr $args"
        fails=$((fails + 1))
    fi
done

# The version names ours and the four libraries'.
count=$((count + 1))
if "$bin" --version | grep -Eq '^GMP [0-9.]+, MPFR [0-9.]+, FLINT [0-9.]+, Arb .+$' \
   && "$bin" --version | grep -Eq '^weakcorr [0-9]+\.[0-9]+\.[0-9]+$'; then
    echo "ok   version lines"
else
    echo "FAIL: version lines"
    fails=$((fails + 1))
fi

finish errors
