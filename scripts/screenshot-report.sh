#!/usr/bin/env bash
# Screenshot of a gloss HTML report with headless Chromium, to check by eye that the SVG
# charts (heatmap, forecast, answers per day, retention over time, stability) render.
# Run by hand, not in `swift test`. Needs the apt package `chromium`.
#
#   scripts/screenshot-report.sh [REPORT.html] [OUT.png]
#
# Without REPORT.html it makes one: `gloss export --format html` of the current learner
# (pass GLOSS="swift run gloss --now 2024-01-10T12:00:00Z" or similar to choose the binary).
set -euo pipefail

report="${1:-}"
out="${2:-report.png}"
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
# --no-sandbox: containers often run as root, where Chromium's sandbox refuses to start.
"$browser" --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size=1100,2200 \
    --screenshot="$(realpath -m "$out")" "file://$(realpath "$report")" 2>/dev/null
if [[ ! -s "$out" ]]; then
    echo "screenshot-report: chromium wrote no screenshot" >&2
    exit 1
fi
echo "screenshot-report: $out ($charts SVG charts in $report)"
