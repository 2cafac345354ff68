#!/usr/bin/env bash
# Renders the sample report as HTML and opens it in headless Chromium: the page must render
# with every chart, the Content-Security-Policy must block nothing the page needs, and the
# screenshot must not be blank. Run by hand after changing the HTML renderer:
#
#   scripts/html-report-check.sh            # check only (work files in a temporary folder)
#   scripts/html-report-check.sh --docs     # also refresh docs/sample-report.html and .png
#
# Needs Chromium (Debian: apt-get install chromium) and python3 (standard library only).
# Not part of `swift test`: the tests check the markup; this checks what a browser makes of it.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
chromium=$(command -v chromium || command -v chromium-browser || true)
if [[ -z "$chromium" ]]; then
    echo "error: chromium not found; install it with 'apt-get install chromium'" >&2
    exit 1
fi

swift build --product kiosk >/dev/null
kiosk=$(swift build --show-bin-path)/kiosk
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

scripts/sample-journal.sh "$kiosk" "$work/sample.jsonl"
"$kiosk" summarize "$work/sample.jsonl" --questionnaires questionnaires --by team --trend session \
    --format html --output "$work/report.html"

# Chromium in a container: no sandbox (root), no GPU, no D-Bus chatter; CSP violations are
# logged to standard error, which we keep.
browse() {
    "$chromium" --headless --no-sandbox --disable-gpu --hide-scrollbars --enable-logging=stderr --v=0 "$@" \
        "file://$work/report.html" 2>>"$work/chromium.log"
}
browse --dump-dom >"$work/dom.html"
browse --screenshot="$work/report.png" --window-size=1100,2400

failures=0
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }

source_charts=$(grep -o '<svg ' "$work/report.html" | wc -l)
dom_charts=$(grep -o '<svg ' "$work/dom.html" | wc -l)
dom_titles=$(grep -o '<title id="chart-' "$work/dom.html" | wc -l)
echo "charts: $source_charts in the file, $dom_charts in the browser's DOM, $dom_titles with a title"
(( source_charts > 20 )) || fail "expected more than 20 charts, found $source_charts"
(( dom_charts == source_charts )) || fail "the browser kept $dom_charts of $source_charts charts"
(( dom_titles == source_charts )) || fail "$dom_titles of $source_charts charts have a title in the DOM"
grep -q '<h1>Survey report</h1>' "$work/dom.html" || fail "no h1 in the DOM"
if grep -i 'content security policy\|refused to' "$work/chromium.log"; then fail "the CSP blocked something"; fi
python3 scripts/png-tool.py check "$work/report.png" || fail "the screenshot looks blank"

if [[ "${1:-}" == "--docs" ]]; then
    cp "$work/report.html" docs/sample-report.html
    browse --screenshot="$work/full.png" --window-size=1100,10500
    # Three bands of the page, one under the other, keep the PNG small: the overall NPS with its
    # distribution, the NPS small multiples by team, and the trend. The row ranges fit the sample
    # journal above; move them if the sample or the layout changes (the PNG shows it at once).
    python3 scripts/png-tool.py stack "$work/full.png" docs/sample-report.png 0 725 4600 5226 9590 10100
    ls -l docs/sample-report.html docs/sample-report.png
fi

if (( failures > 0 )); then exit 1; fi
echo "ok: the HTML report renders in $("$chromium" --version 2>/dev/null | head -1)"
