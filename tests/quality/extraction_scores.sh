#!/usr/bin/env bash
# Extraction quality guard: runs `newsdesk extract --json` on the development gold sets, scores
# it with the shared scorers (score-entities; score-speakers, strict, for the wire set), and fails
# if any precision or F1 is more than 0.02 below the figure published in README.md (the table
# under "Speakers and countries"): issue 11 sets targets for both, and a rule that buys recall
# with precision would pass an F1 check alone.
# Usage: extraction_scores.sh NEWSDESK SOURCE_DIR
set -euo pipefail
. "$(dirname "$0")/floor.sh"
newsdesk=$1
src=$2
shared="$src/../shared"
if [ ! -d "$shared/data/eval" ]; then
    if [ -n "${CI:-}" ]; then echo "missing shared data under CI: $shared/data/eval" >&2; exit 1; fi
    echo "skipped: $shared/data/eval not found" >&2
    exit 77
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# A published figure of a set, by its column on the README table row: 3 precision, 5 F1.
published() { grep -E "^\| $1 \(" "$src/README.md" | awk -F'|' -v c="$2" '{gsub(/ /, "", $c); print $c}'; }

status=0
for set in speakers countries speakers-wire; do
    gold="$shared/data/eval/$set-dev.jsonl"
    "$newsdesk" extract --json "$gold" > "$work/pred.jsonl"
    if [ "$set" = speakers-wire ]; then
        # strict: "names P=0.898 R=0.753 F1=0.819 type=0.961 | quotes found=..."
        line=$("$shared/tools/score-speakers" "$gold" "$work/pred.jsonl" | tail -n 1)
        part=$(echo "$line" | tr '|' '\n' | grep "names")
    else
        line=$("$shared/tools/score-entities" "$gold" "$work/pred.jsonl" | tail -n 1)
        # "speakers P=0.933 R=0.695 F1=0.797 | countries P=..." : take this set's part.
        part=$(echo "$line" | tr '|' '\n' | grep "$set")
    fi
    p=$(echo "$part" | sed -E 's/.*P=([0-9.]+).*/\1/')
    f1=$(echo "$part" | sed -E 's/.*F1=([0-9.]+).*/\1/')
    want_p=$(published "$set" 3)
    want=$(published "$set" 5)
    if [ -z "$want" ] || [ -z "$want_p" ]; then echo "README.md has no published P and F1 for $set" >&2; exit 1; fi
    echo "$set: P=$p F1=$f1 (published P $want_p, F1 $want)"
    holds_floor "$set" F1 "$f1" "$want" || status=1
    holds_floor "$set" P "$p" "$want_p" || status=1
done
exit $status
