#!/usr/bin/env bash
# Screenshots of a gloss HTML report with headless Chromium, 1200 and 400 px wide, to check by
# eye that the page and its SVG charts (heatmap with month labels, forecast, answers and time
# per day, retention over time, intervals, stability, difficulty) render on a desktop and a
# phone. Run by hand, not in `swift test`. Needs the apt package `chromium`
# (`apt-get install chromium`).
#
#   scripts/screenshot-report.sh [REPORT.html] [OUT-PREFIX]
#
# Writes OUT-PREFIX-1200.png and OUT-PREFIX-400.png (default prefix: report). Without
# REPORT.html it makes one: `gloss export --format html` of the current learner (pass
# GLOSS="swift run gloss --now 2024-01-10T12:00:00Z" or similar to choose the binary).
set -euo pipefail

report="${1:-}"
prefix="${2:-report}"
browser="$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)"
if [[ -z "$browser" ]]; then
    echo "screenshot-report: no chromium found; install it with: apt-get install chromium" >&2
    exit 2
fi

if [[ -z "$report" ]]; then
    report="$(mktemp --suffix=.html)"
    trap 'rm -f "$report"' EXIT
    ${GLOSS:-swift run gloss} export --format html --force -o "$report"
fi
if [[ ! -s "$report" ]]; then
    echo "screenshot-report: $report is missing or empty" >&2
    exit 2
fi
if grep -qE 'https?://' "$report"; then
    echo "screenshot-report: $report mentions an external URL; the report must be self-contained" >&2
    exit 1
fi

charts="$(grep -o '<svg' "$report" | wc -l)"
for width in 1200 400; do
    out="$(realpath -m "$prefix-$width.png")"
    rm -f "$out"
    # --no-sandbox: containers often run as root, where Chromium's sandbox refuses to start.
    "$browser" --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size="$width,5200" \
        --screenshot="$out" "file://$(realpath "$report")" 2>/dev/null
    if [[ ! -s "$out" ]]; then
        echo "screenshot-report: chromium wrote no screenshot at $width px" >&2
        exit 1
    fi
    echo "screenshot-report: $out ($width px, $charts SVG charts in $report)"
done
