# Shared by the command-line test scripts: the command to run, a scratch
# directory removed on exit, and the kinds of case they check.  Sourced,
# not run.  Each case adds to count and each failure to fails; finish
# NAME prints the summary and gives the script's exit status.

bin=${WC_WEAKCORR:-./weakcorr}
tmp=$(mktemp -d "${TMPDIR:-/tmp}/wc-cli.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT
fails=0
count=0

# Under WC_TEST_WRAPPER (valgrind, say) the command runs wrapped too.
run_wc()
{
    if [ -n "${WC_TEST_WRAPPER:-}" ]; then
        # shellcheck disable=SC2086
        ${LIBTOOL:-libtool} --mode=execute $WC_TEST_WRAPPER "$bin" "$@"
    else
        "$bin" "$@"
    fi
}

# golden_cases DIR [FLAG...]: every DIR/NAME.args (one argument per line,
# then the FLAGs, which must not contain spaces) must print NAME.out on
# standard output, NAME.err on standard error (nothing when absent) and
# exit with NAME.status (0 when absent).  WC_GOLDEN_UPDATE=1 rewrites the
# expected files instead.
golden_cases()
{
    gdir=$1
    shift
    gextra="$*"
    for gargs in "$gdir"/*.args; do
        gname=$(basename "$gargs" .args)
        count=$((count + 1))
        set --
        while IFS= read -r line || [ -n "$line" ]; do
            set -- "$@" "$line"
        done <"$gargs"
        # shellcheck disable=SC2086
        set -- "$@" $gextra
        run_wc "$@" >"$tmp/out" 2>"$tmp/err"
        echo $? >"$tmp/status"

        if [ "${WC_GOLDEN_UPDATE:-0}" = 1 ]; then
            cp "$tmp/out" "$gdir/$gname.out"
            if [ -s "$tmp/err" ]; then cp "$tmp/err" "$gdir/$gname.err"
            else rm -f "$gdir/$gname.err"; fi
            if [ "$(cat "$tmp/status")" != 0 ]; then
                cp "$tmp/status" "$gdir/$gname.status"
            else rm -f "$gdir/$gname.status"; fi
            continue
        fi

        gstatus=0
        [ -f "$gdir/$gname.status" ] && gstatus=$(cat "$gdir/$gname.status")
        if [ -f "$gdir/$gname.err" ]; then cp "$gdir/$gname.err" "$tmp/experr"
        else : >"$tmp/experr"; fi

        gok=1
        if ! cmp -s "$tmp/out" "$gdir/$gname.out"; then
            echo "FAIL $gname: standard output differs:"
            diff "$gdir/$gname.out" "$tmp/out" | head -20
            gok=0
        fi
        if ! cmp -s "$tmp/err" "$tmp/experr"; then
            echo "FAIL $gname: standard error differs:"
            diff "$tmp/experr" "$tmp/err" | head -10
            gok=0
        fi
        if [ "$(cat "$tmp/status")" != "$gstatus" ]; then
            echo "FAIL $gname: exit status $(cat "$tmp/status"), expected" \
                 "$gstatus"
            gok=0
        fi
        if [ $gok = 1 ]; then
            echo "ok   $gname"
        else
            fails=$((fails + 1))
        fi
    done
}

# expect STATUS PATTERN ARGS...: the exit status, exactly one line on
# standard error matching the extended regex PATTERN, and nothing on
# standard output.
expect()
{
    estatus=$1
    epattern=$2
    shift 2
    count=$((count + 1))
    run_wc "$@" >"$tmp/out" 2>"$tmp/err"
    rc=$?
    lines=$(wc -l <"$tmp/err")
    if [ $rc -ne "$estatus" ] || [ "$lines" -ne 1 ] || [ -s "$tmp/out" ] \
       || ! grep -Eq "$epattern" "$tmp/err"; then
        echo "FAIL: weakcorr $*"
        echo "  status $rc (expected $estatus), $lines stderr lines:"
        sed 's/^/  | /' "$tmp/err" "$tmp/out"
        fails=$((fails + 1))
    else
        echo "ok   weakcorr $*"
    fi
}

# check NAME CONDITION: a named shell condition.
check()
{
    count=$((count + 1))
    if eval "$2"; then
        echo "ok   $1"
    else
        echo "FAIL $1"
        fails=$((fails + 1))
    fi
}

# help_cases CMD: "CMD --help", "help CMD" and "CMD -h" print the usage on
# standard output, nothing on standard error, with status 0.
help_cases()
{
    for hargs in "$1 --help" "help $1" "$1 -h"; do
        count=$((count + 1))
        # shellcheck disable=SC2086
        if run_wc $hargs >"$tmp/out" 2>"$tmp/err" && [ -s "$tmp/out" ] \
           && [ ! -s "$tmp/err" ] && grep -q "^usage: weakcorr $1" "$tmp/out"
        then
            echo "ok   weakcorr $hargs"
        else
            echo "FAIL: weakcorr $hargs"
            fails=$((fails + 1))
        fi
    done
}

# finish NAME: the summary line, and success when nothing failed and
# something ran.
finish()
{
    echo "$1: $count cases, $fails failed"
    [ $fails -eq 0 ] && [ $count -gt 0 ]
}
