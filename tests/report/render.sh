#!/bin/sh
# The SVG plots render in a real browser: weakcorr table draws the plot
# of a small study, headless Chromium loads it as an image and reports its
# size, and takes a screenshot (kept in tests/logs for a person to look
# at).  Skipped where Chromium is not installed.

src=${WC_TOP_SRCDIR:-.}
logs=${WC_TOP_BUILDDIR:-.}/tests/logs
browser=$(command -v chromium || command -v chromium-browser)
if [ -z "$browser" ]; then
    echo "skipped: chromium is not installed (apt-get install chromium)"
    exit 77
fi

tmp=$(mktemp -d "${TMPDIR:-/tmp}/wc-render.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT
svg=$tmp/table.svg
"${WC_WEAKCORR:-./weakcorr}" table --file "$src/tests/cli/golden/table/small.tbl" \
    --quiet --plot "$svg" >/dev/null || { echo "FAIL: weakcorr table"; exit 1; }
cat >"$tmp/page.html" <<HTML
<!DOCTYPE html>
<html><head><title>loading</title></head><body>
<img id="plot" src="file://$svg"
 onload="document.title = 'rendered ' + this.naturalWidth + 'x' + this.naturalHeight"
 onerror="document.title = 'failed to render'">
</body></html>
HTML

flags="--headless --no-sandbox --disable-gpu --disable-quic --no-first-run
--disable-background-networking --disable-component-update --disable-sync
--user-data-dir=$tmp/profile --hide-scrollbars"

# shellcheck disable=SC2086
timeout 120 "$browser" $flags --virtual-time-budget=10000 --dump-dom \
    "file://$tmp/page.html" >"$tmp/dom" 2>"$tmp/err"
width=$(sed -n 's/.*<title>rendered \([0-9]*\)x\([0-9]*\)<\/title>.*/\1/p' \
        "$tmp/dom")
expected=$(sed -n 's/.*<svg[^>]* width="\([0-9]*\)".*/\1/p' "$svg" | head -n 1)
if [ -z "$width" ] || [ "$width" != "$expected" ]; then
    echo "FAIL: Chromium did not render the plot (width '$width'," \
         "expected '$expected'):"
    grep -o '<title>[^<]*</title>' "$tmp/dom"
    tail -n 5 "$tmp/err"
    exit 1
fi
echo "ok   rendered at ${width} pixels wide"

mkdir -p "$logs"
# shellcheck disable=SC2086
timeout 120 "$browser" $flags \
    --window-size=1260,1000 --screenshot="$logs/table-plot.png" \
    "file://$svg" >/dev/null 2>&1
if [ -s "$logs/table-plot.png" ]; then
    echo "ok   screenshot $logs/table-plot.png"
else
    echo "FAIL: no screenshot"
    exit 1
fi
