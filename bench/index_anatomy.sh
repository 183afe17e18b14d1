#!/usr/bin/env bash
# Where newsdesk's index goes: indexes the real articles of ../shared/data/corpora/ (read where
# they are) with `newsdesk index --compact`, measures the index with drivers/index_anatomy.cpp
# (per prefix: terms, postings, wdf, positions; document data; value slots; table files), does
# the same for the plain-Xapian peer over the same articles, then times `newsdesk index` at
# several batch sizes and thread counts. Writes bench/results/index-anatomy.md; whatever that
# file holds below the line "<!-- kept -->" (experiments written by hand) is kept.
# Usage: bench/index_anatomy.sh
# Settings (environment): BENCH_BUILD (build-bench; configured with NEWSDESK_BENCH=ON),
# ANATOMY_BATCHES ("500 2000 10000"), ANATOMY_THREADS ("1 2"); ANATOMY_BATCHES="" skips the
# timings.
set -euo pipefail
cd "$(dirname "$0")/.."
build=${BENCH_BUILD:-build-bench}
batches=${ANATOMY_BATCHES-500 2000 10000}
thread_counts=${ANATOMY_THREADS-1 2}
corpora=(../shared/data/corpora/*.jsonl)
work=$build/anatomy-work
out=bench/results/index-anatomy.md
mkdir -p "$work"
work=$(realpath "$work")

say() { echo "== $*" >&2; }
load() { cut -d' ' -f1-3 /proc/loadavg; }

say "building in $build"
if [ -f "$build/build.ninja" ]; then
    cmake -S . -B "$build" -DNEWSDESK_BENCH=ON >/dev/null   # an everyday build gains the drivers
else
    cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DNEWSDESK_BENCH=ON -DBUILD_TESTING=OFF >/dev/null
fi
cmake --build "$build" --parallel 2 --target newsdesk_cli index_anatomy bench_xapian
newsdesk=$build/cli/newsdesk
anatomy=$build/bench/index_anatomy
source_version="$(git rev-parse --short HEAD)$(git diff --quiet HEAD -- indexer schema searcher || echo ' with uncommitted changes')"

# Runs "$@" under /usr/bin/time; sets wall (s), cpu (user + system s: less at the mercy of
# the other work than wall time), rss (MB) and the load before it started.
timed() {
    load_before=$(load)
    local rc=0
    /usr/bin/time -f '%e %U %S %M' -o "$work/time.out" "$@" || rc=$?
    read -r wall user sys kb < <(tail -1 "$work/time.out")
    cpu=$(awk -v u="$user" -v s="$sys" 'BEGIN {printf "%.1f", u + s}')
    rss=$((kb / 1024))
    return "$rc"
}
size_mb() { du -sb "$1" | awk '{printf "%.1f", $1 / 1e6}'; }

# 1. newsdesk, compacted, as the benchmark indexes it.
say "newsdesk index --compact"
rm -rf "$work/newsdesk.db"
timed "$newsdesk" index --db "$work/newsdesk.db" --writers 1 --compact "${corpora[@]}" 2>"$work/newsdesk.log"
newsdesk_line="$wall s wall, $cpu s CPU, peak RSS $rss MB, load before $load_before"
"$anatomy" "$work/newsdesk.db" "$work/newsdesk-anatomy.json" >"$work/newsdesk-anatomy.md"

# 2. The plain-Xapian peer over the same articles, given newsdesk's speakers and countries
# as run.sh gives them (enrich.py), which takes seconds at this size.
say "plain Xapian"
"$newsdesk" extract --json "${corpora[@]}" >"$work/extract.jsonl"
python3 bench/enrich.py <(cat "${corpora[@]}") "$work/extract.jsonl" "$work/peers"
rm -rf "$work/xapian.db"
timed "$build/bench/bench_xapian" index "$work/xapian.db" "$work/peers/peers.tsv" \
    "$work/peers/speakers.txt" "$work/peers/countries.txt"
xapian_line="$wall s wall, $cpu s CPU, peak RSS $rss MB, load before $load_before"
"$anatomy" "$work/xapian.db" "$work/xapian-anatomy.json" >"$work/xapian-anatomy.md"

# 3. Batch size and threads: a fresh database each time, not compacted. Xapian commits on its
# own every XAPIAN_FLUSH_THRESHOLD documents (10,000 unless set), quote records included; a run
# that fails is recorded with its message, then run again with that threshold out of the way.
: >"$work/batches.tsv"
batch_run() {   # batch threads flush-threshold ("" for Xapian's default)
    rm -rf "$work/batch.db"
    local status=ok
    timed env ${3:+XAPIAN_FLUSH_THRESHOLD=$3} "$newsdesk" index --db "$work/batch.db" --writers 1 --batch-size "$1" \
        --threads "$2" "${corpora[@]}" 2>"$work/batch.log" || status="failed: $(grep -o '[A-Za-z]*Error: [^;]*' "$work/batch.log" | head -1)"
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$1" "$2" "${3:-default}" "$wall" "$cpu" "$rss" \
        "$(size_mb "$work/batch.db")" "$load_before" "$(load)" "$status" >>"$work/batches.tsv"
    [ "$status" = ok ]
}
for batch in $batches; do
    for threads in $thread_counts; do
        say "batch $batch, threads $threads"
        batch_run "$batch" "$threads" "" || batch_run "$batch" "$threads" 1000000 || true
    done
done
rm -rf "$work/batch.db"

say "writing $out"
kept=
[ -f "$out" ] && kept=$(sed -n '/^<!-- kept -->$/,$p' "$out")
articles=$(cat "${corpora[@]}" | grep -c .)
{
    echo "# Where the index goes: the real articles"
    echo
    echo "\`bench/index_anatomy.sh\` on $(date -u +%F), newsdesk built from $source_version: $(nproc) cores shared with"
    echo "other work (timings are noisy: the load average, 1, 5 and 15 minutes, is given with each)."
    echo "Input: the $articles articles of \`../shared/data/corpora/*.jsonl\` ($(cat "${corpora[@]}" | wc -c | awk '{printf "%.1f", $1 / 1e6}') MB), read where they are."
    echo
    echo "## newsdesk"
    echo
    echo "\`newsdesk index --db DB --writers 1 --compact ../shared/data/corpora/*.jsonl\`: $newsdesk_line; $(size_mb "$work/newsdesk.db") MB on disk (\`du -sb\`)."
    echo "Measured by \`$anatomy DB OUT.json\` (per prefix as schema/ declares them; \"stems of\": the Z-prefixed"
    echo "stemmed terms; articles and quote records apart by document id)."
    echo
    cat "$work/newsdesk-anatomy.md"
    echo
    echo "## Plain Xapian, the same articles"
    echo
    echo "\`bench_xapian index DB peers.tsv speakers.txt countries.txt\` (title and body through TermGenerator, a"
    echo "term and a slot per speaker and country, the id as document data; no quote records, no stored text),"
    echo "given \`enrich.py\`'s copy: $xapian_line; $(size_mb "$work/xapian.db") MB on disk. Its speaker and country"
    echo "prefixes (XS, XC) are not newsdesk's and show as \"undeclared\"; its slots 0 and 1 (speakers, countries)"
    echo "show under the names newsdesk gives those slots (date, source)."
    echo
    cat "$work/xapian-anatomy.md"
    echo
    echo "### Table files side by side (bytes)"
    echo
    echo "| file | newsdesk | plain Xapian |"
    echo "| --- | ---: | ---: |"
    python3 - "$work/newsdesk-anatomy.json" "$work/xapian-anatomy.json" <<'EOF'
import json, sys
a, b = (json.load(open(p))["files"] for p in sys.argv[1:3])
for name in sorted(set(a) | set(b)):
    print(f"| {name} | {a.get(name, 0):,} | {b.get(name, 0):,} |")
print(f"| **all** | {sum(a.values()):,} | {sum(b.values()):,} |")
EOF
    if [ -s "$work/batches.tsv" ]; then
        echo
        echo "## Batch size and threads"
        echo
        echo "\`/usr/bin/time -f '%e %U %S %M' newsdesk index --db DB --writers 1 --batch-size B --threads T ../shared/data/corpora/*.jsonl\`, a fresh"
        echo "database each run, not compacted, one run after another. **A shared 2-core machine**: another"
        echo "engineer's test suites ran alongside, so a difference of a few seconds is noise."
        echo
        echo "| batch size | threads | XAPIAN_FLUSH_THRESHOLD | wall (s) | CPU, user + system (s) | peak RSS (MB) | size (MB) | load before | load after | outcome |"
        echo "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | --- | --- |"
        while IFS=$'\t' read -r batch threads flush wall cpu rss size before after status; do
            echo "| $batch | $threads | $flush | $wall | $cpu | $rss | $size | $before | $after | $status |"
        done <"$work/batches.tsv"
    fi
    if [ -n "$kept" ]; then echo; echo "$kept"; fi
} >"$out"
say "done: $out"
