#!/usr/bin/env bash
# HTML main-text extraction speed and quality, newsdesk beside its peers in one run (issue 12):
# newsdesk's article_from_html (drivers/bench_pages.cpp), the floor of parsing alone
# (drivers/bench_html_text.cpp: libxml2's HTML parser and all visible text) and readability-lxml
# (pages_readability.py). Each reads all pages into memory, runs a warm-up round whose texts are
# scored with ../shared/tools/score-html, then times its rounds on one thread; one engine at a
# time, never two at once. Writes bench/results/pages.md. See bench/README.md.
# Usage: bench/pages.sh
# Settings (environment): BENCH_PAGES_DATA (../shared/data/html-articles), BENCH_PAGES_ROUNDS
# (timed rounds of the C++ engines, 10), BENCH_PAGES_PEER_ROUNDS (readability's, ~5 s each: 3).
set -euo pipefail
cd "$(dirname "$0")/.."
data=${BENCH_PAGES_DATA:-../shared/data/html-articles}
rounds=${BENCH_PAGES_ROUNDS:-10}
peer_rounds=${BENCH_PAGES_PEER_ROUNDS:-3}
build=build-bench                 # the benchmark's build folder, shared with bench/run.sh
work=$build/pages-work
score=../shared/tools/score-html
results=bench/results
mkdir -p "$work" "$results"

say() { echo "== $*" >&2; }

[ -d "$data/html" ] && [ -f "$data/ground-truth.json" ] || { echo "pages: no $data/html or ground-truth.json" >&2; exit 1; }
# readability-lxml is Debian's package, for Debian's interpreter (a python3 earlier on PATH may lack it).
/usr/bin/python3 -c 'import readability' 2>/dev/null ||
    { echo "pages: needs python3-readability (apt-get install python3-readability, or ./run bench-pages)" >&2; exit 1; }

say "building in $build"
[ -f "$build/build.ninja" ] ||
    cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DNEWSDESK_BENCH=ON -DBUILD_TESTING=OFF >/dev/null
cmake --build "$build" --parallel "$(nproc)" --target bench_pages bench_html_text
source_version="$(git rev-parse --short HEAD)$(git diff --quiet HEAD -- pages text || echo ' with uncommitted changes')"
load_before=$(cut -d' ' -f1-3 /proc/loadavg)

# run_engine ENGINE ROUNDS COMMAND...: the command is given PAGES_DIR ROUNDS OUT.json PRED.jsonl;
# its predictions are scored at once.
run_engine() {
    local engine=$1 n=$2; shift 2
    say "$engine ($n timed rounds)"
    "$@" "$data/html" "$n" "$work/$engine.json" "$work/$engine.jsonl"
    "$score" "$data/ground-truth.json" "$work/$engine.jsonl" --json > "$work/$engine.score.json"
}
run_engine newsdesk "$rounds" "$build/bench/bench_pages"
run_engine libxml2-text "$rounds" "$build/bench/bench_html_text"
run_engine readability "$peer_rounds" /usr/bin/python3 bench/pages_readability.py

PAGES_COMMAND="bench/pages.sh" PAGES_SOURCE="$source_version" PAGES_LOAD_BEFORE="$load_before" \
    PAGES_LOAD_AFTER="$(cut -d' ' -f1-3 /proc/loadavg)" \
    python3 bench/pages_report.py "$work" "$results/pages.md" newsdesk libxml2-text readability
say "wrote $results/pages.md"
cat "$results/pages.md"
