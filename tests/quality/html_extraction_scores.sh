#!/usr/bin/env bash
# Web-page extraction quality guard: runs `newsdesk extract --json` on the 91 pages of the
# development set (../shared/data/html-articles/), scores the bodies with the shared scorer
# (score-html: the article-extraction benchmark's shingle F1), and fails if precision or F1 is
# more than 0.02 below the figure README.md publishes (its "Web pages" table): issue 12 sets
# targets for both, and keeping boilerplate would buy recall with precision.
# Usage: html_extraction_scores.sh NEWSDESK SOURCE_DIR
set -euo pipefail
. "$(dirname "$0")/floor.sh"
newsdesk=$1
src=$2
data="$src/../shared/data/html-articles"
scorer="$src/../shared/tools/score-html"
if [ ! -d "$data/html" ] || [ ! -f "$data/ground-truth.json" ] || [ ! -x "$scorer" ]; then
    if [ -n "${CI:-}" ]; then echo "missing shared data under CI: $data or $scorer" >&2; exit 1; fi
    echo "skipped: $data or $scorer not found" >&2
    exit 77
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Pages with no article text are reported on stderr (exit 1): they score as empty bodies.
"$newsdesk" extract --json "$data/html" > "$work/pred.jsonl" || [ $? -eq 1 ]
# "html P=0.938 R=0.978 F1=0.958 exact=0.210 pages=91"
line=$("$scorer" "$data/ground-truth.json" "$work/pred.jsonl" | tail -n 1)
p=$(echo "$line" | sed -E 's/.*P=([0-9.]+).*/\1/')
f1=$(echo "$line" | sed -E 's/.*F1=([0-9.]+).*/\1/')
# The published row: "| html-articles (...) | P | R | F1 |".
row=$(grep -E '^\| html-articles \(' "$src/README.md" || true)
want_p=$(echo "$row" | awk -F'|' '{gsub(/ /, "", $3); print $3}')
want=$(echo "$row" | awk -F'|' '{gsub(/ /, "", $5); print $5}')
if [ -z "$want" ] || [ -z "$want_p" ]; then echo "README.md has no published P and F1 for html-articles" >&2; exit 1; fi
echo "html-articles: P=$p F1=$f1 (published P $want_p, F1 $want)"
status=0
holds_floor "html-articles" F1 "$f1" "$want" || status=1
holds_floor "html-articles" P "$p" "$want_p" || status=1
exit $status
