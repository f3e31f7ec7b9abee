#!/bin/sh
# The SVG plots render in a real browser: weakcorr table draws the plot
# of a small study, headless Chromium loads it as an image and reports its
# size, lays it out inline and measures every line of text (none may
# leave the picture or overlap another: a long SPEC, NET or legend line
# running into the next panel is a failure), and takes a screenshot (kept
# in tests/logs for a person to look at).  Skipped where Chromium is not
# installed.

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
# The small study, and a row with a SPEC and a NET too long for one line
# of a panel (the browser is told to fit them) and enough widths for the
# fit with a 1/n term (the longest legend line).
cat "$src/tests/cli/golden/table/small.tbl" - >"$tmp/study.tbl" <<'ROW'
(dTheta/dt)^2 correlator ; f_a(x1) f_b(x2) f_ab(x1) f_c(x2) f_d(x1) f_cd(x2) ; hidden=2,act=linear,param=standard,din=3,x1=(1,-1/2,1/4),x2=(1/3,2,-1) ; 8..128 ; 40
ROW
"${WC_WEAKCORR:-./weakcorr}" table --file "$tmp/study.tbl" \
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

# The same plot inline, so that a script can measure its text.
{
    echo '<!DOCTYPE html><html><head><title>loading</title></head>'
    echo '<body style="margin:0">'
    sed '1{/^<?xml/d;}' "$svg"
    cat <<'SCRIPT'
<script>
var texts = document.querySelectorAll("svg text");
var width = document.querySelector("svg").width.baseVal.value;
var boxes = [], bad = "", i, j;
for (i = 0; i < texts.length; i++)
    boxes.push(texts[i].getBoundingClientRect());
for (i = 0; i < texts.length && bad === ""; i++)
{
    if (boxes[i].left < -0.5 || boxes[i].right > width + 0.5)
        bad = "leaves the picture: " + texts[i].textContent;
    for (j = i + 1; j < texts.length && bad === ""; j++)
    {
        var dx = Math.min(boxes[i].right, boxes[j].right)
                 - Math.max(boxes[i].left, boxes[j].left);
        var dy = Math.min(boxes[i].bottom, boxes[j].bottom)
                 - Math.max(boxes[i].top, boxes[j].top);
        if (dx > 1 && dy > 2)
            bad = "overlap: '" + texts[i].textContent + "' and '"
                  + texts[j].textContent + "'";
    }
}
document.title = bad === "" ? "clean " + texts.length : bad;
</script></body></html>
SCRIPT
} >"$tmp/inline.html"
# shellcheck disable=SC2086
timeout 120 "$browser" $flags --window-size=2000,3000 --dump-dom \
    "file://$tmp/inline.html" >"$tmp/dom2" 2>>"$tmp/err"
title=$(sed -n 's/.*<title>\([^<]*\)<\/title>.*/\1/p' "$tmp/dom2")
case $title in
    clean*) echo "ok   ${title#clean } lines of text, none overlapping" ;;
    *) echo "FAIL: text of the plot: $title"; exit 1 ;;
esac

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
