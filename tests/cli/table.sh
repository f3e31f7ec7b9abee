#!/bin/sh
# weakcorr table: a small table file in every format against golden files,
# the JSON valid, the CSV with a field per column, the plot well formed,
# the same table for any number of threads, and every error path.

gdir=${WC_TOP_SRCDIR:-.}/tests/cli/golden/table
. "${WC_TOP_SRCDIR:-.}/tests/cli/lib.sh"
jsonvalid=${WC_TOP_BUILDDIR:-.}/tests/json-valid

# The header names the library versions, which differ between machines.
normalise()
{
    sed -e 's/weakcorr [0-9.]*; GMP [^,]*, MPFR [^,]*, FLINT [^,]*, Arb [^.;"]*\(\.[0-9]*\)*/VERSIONS/' \
        -e 's/"versions": {[^}]*}/"versions": VERSIONS/'
}

for fmt in text markdown csv latex json; do
    count=$((count + 1))
    run_wc table --file "$gdir/small.tbl" --format $fmt --quiet --threads 2 \
        >"$tmp/out" 2>"$tmp/err"
    rc=$?
    normalise <"$tmp/out" >"$tmp/norm"
    if [ "${WC_GOLDEN_UPDATE:-0}" = 1 ]; then
        cp "$tmp/norm" "$gdir/small.$fmt"
        continue
    fi
    if [ $rc -eq 0 ] && [ ! -s "$tmp/err" ] \
       && cmp -s "$tmp/norm" "$gdir/small.$fmt"; then
        echo "ok   table --format $fmt"
    else
        echo "FAIL table --format $fmt (status $rc):"
        diff "$gdir/small.$fmt" "$tmp/norm" | head -20
        sed 's/^/  | /' "$tmp/err"
        fails=$((fails + 1))
    fi
done

run_wc table --file "$gdir/small.tbl" --json --quiet >"$tmp/t.json"
check "the JSON is valid" '"$jsonvalid" <"$tmp/t.json"'
run_wc table --file "$gdir/small.tbl" --format csv --quiet >"$tmp/t.csv"
check "the CSV has a header and a record per row" \
    '[ "$(grep -vc "^#" "$tmp/t.csv")" = 6 ]'
run_wc table --file "$gdir/small.tbl" --quiet --threads 1 >"$tmp/t1"
run_wc table --file "$gdir/small.tbl" --quiet --threads 2 >"$tmp/t2"
check "the same table for 1 and 2 threads" 'cmp -s "$tmp/t1" "$tmp/t2"'
run_wc table --file "$gdir/small.tbl" --quiet --plot "$tmp/p.svg" \
    --output "$tmp/t.txt" >"$tmp/stdout"
check "--plot writes an SVG with a panel per measured row" \
    '[ "$(grep -c "class=\"panel\"" "$tmp/p.svg")" = 5 ]'
check "--output writes the table, nothing on standard output" \
    '[ -s "$tmp/t.txt" ] && [ ! -s "$tmp/stdout" ]'
check "--seed changes the estimates and is named in the header" \
    'run_wc table --file "$gdir/small.tbl" --quiet --seed 7 >"$tmp/s7" &&
     grep -q "^# seed 7;" "$tmp/s7" && ! cmp -s "$tmp/s7" "$tmp/t1"'

printf 'ntk\nVar ; var(f_a)\n' >"$tmp/bad.tbl"
expect 1 "^weakcorr: .*bad.tbl: line 2, column 13: SPEC: index 'a' appears" \
    table --file "$tmp/bad.tbl"
printf '# nothing\n' >"$tmp/empty.tbl"
expect 1 '^weakcorr: .*empty.tbl: line 1: the table file has no rows' \
    table --file "$tmp/empty.tbl"
expect 2 '^weakcorr: .*missing.tbl: cannot read the file' \
    table --file "$tmp/missing.tbl"
expect 1 "^weakcorr: --preset: unknown preset 'mine'" table --preset mine
expect 1 '^weakcorr table: give --preset or --file, not both' \
    table --preset paper --file "$gdir/small.tbl"
expect 1 "^weakcorr table: --format: unknown format 'html'" \
    table --format html
expect 1 "^weakcorr table: --digits takes a number from 1 to 17" \
    table --digits 30
expect 1 "^weakcorr table: --samples takes an integer from 8" \
    table --samples 3
expect 1 "^weakcorr table: unexpected argument 'paper'" table paper
expect 1 "^weakcorr table: unknown option '--net'" table --net hidden=1
expect 2 '^weakcorr: --output: ' \
    table --file "$gdir/small.tbl" --quiet --output /nonexistent/dir/t.txt

help_cases table
finish table
