#!/usr/bin/env bash
# The side-by-side benchmark: builds a corpus of N articles, indexes it with newsdesk (library
# and CLI) and the peers (plain Xapian, SQLite FTS5, Sphinx 2.2, Lucene 4.10), runs the query
# mix on each, and writes bench/results/bench-N.md and bench-N.png. See bench/README.md.
# Usage: bench/run.sh [N]   (N = 20000 by default; 100000, 1000000)
# Settings (environment): BENCH_ENGINES (default: all, in this order), BENCH_ROUNDS (timed
# passes over the mix, 10), BENCH_CLI_ROUNDS (3), BENCH_WORK (build-bench/bench-work),
# BENCH_KEEP=1 keeps the indexes, BENCH_SPHINX_PORT (19306). Results of engines left out of
# BENCH_ENGINES are kept from the previous run of the same N.
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-20000}
engines=${BENCH_ENGINES:-newsdesk newsdesk-cli xapian xapian-text sqlite sphinx lucene}
rounds=${BENCH_ROUNDS:-10}
cli_rounds=${BENCH_CLI_ROUNDS:-3}
port=${BENCH_SPHINX_PORT:-19306}
build=build-bench                 # our own build folder: build/ belongs to the everyday build
work=${BENCH_WORK:-$build/bench-work}/$n
results=bench/results
queries=bench/queries.txt
mkdir -p "$work" "$results"
work=$(realpath "$work")

say() { echo "== $*" >&2; }

# The newsdesk library and CLI from the current source, and the C++ drivers.
say "building in $build"
[ -f "$build/build.ninja" ] ||
    cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DNEWSDESK_BENCH=ON -DBUILD_TESTING=OFF >/dev/null
cmake --build "$build" --parallel "$(nproc)" --target newsdesk_cli bench_newsdesk bench_xapian bench_sqlite bench_sphinx
newsdesk=$build/cli/newsdesk
# Which newsdesk was measured: others change the source while the benchmark runs.
source_version="$(git rev-parse --short HEAD)$(git diff --quiet HEAD -- include indexer schema searcher || echo ' with uncommitted changes')"
lucene_cp=$build/lucene-classes
for jar in core analyzers-common facet queries; do lucene_cp+=:/usr/share/java/lucene-$jar-4.10.4.jar; done
if [ ! "$build/lucene-classes/BenchLucene.class" -nt bench/lucene/BenchLucene.java ]; then
    mkdir -p "$build/lucene-classes"
    javac -Xlint:all -d "$build/lucene-classes" -cp "$lucene_cp" bench/lucene/BenchLucene.java
fi

# Room for the largest index (newsdesk: ~30 KB per article today), the corpus, newsdesk's
# extraction output and the peers' copy (~15 KB per article together at N = 100,000).
need_kb=$((n * 45))
free_kb=$(df -k --output=avail "$work" | tail -1)
[ "$free_kb" -gt "$need_kb" ] || { echo "bench: needs about $((need_kb / 1048576)) GB free in $work" >&2; exit 1; }

# The corpus, newsdesk's extraction of it once, and the peers' enriched copy (kept between runs).
corpus=$work/corpus.jsonl
peers=$work/peers
if [ ! -f "$corpus" ]; then say "corpus of $n articles"; python3 bench/make_corpus.py "$n" "$corpus.tmp"; mv "$corpus.tmp" "$corpus"; fi
if [ ! -f "$peers/peers.tsv" ] || [ ! -f "$work/extract_seconds" ]; then
    say "extracting speakers and countries for the peers"
    start=$(date +%s%N)
    "$newsdesk" extract --json "$corpus" > "$work/extract.jsonl"
    seconds=$(python3 -c "import sys; print((int(sys.argv[2]) - int(sys.argv[1])) / 1e9)" "$start" "$(date +%s%N)")
    python3 bench/enrich.py "$corpus" "$work/extract.jsonl" "$peers"
    rm "$work/extract.jsonl"
    echo "$seconds" > "$work/extract_seconds"   # last: it marks the peers' copy complete
fi
tsv=$peers/peers.tsv
dicts=("$peers/speakers.txt" "$peers/countries.txt")

# Results of the engines not run this time stay, so that BENCH_ENGINES can redo one engine.
touch "$work/measure.tsv" "$work/sizes.tsv"
forget() {
    sed -i "/^$1\t/d" "$work/measure.tsv" "$work/sizes.tsv"
    rm -f "$work/$1.json"
}
load_before=$(cut -d' ' -f1-3 /proc/loadavg)

# measure ENGINE PHASE COMMAND...: wall time and peak RSS of the command, into measure.tsv.
measure() {
    local engine=$1 phase=$2; shift 2
    /usr/bin/time -f '%e %M' -o "$work/time.out" "$@"
    read -r wall kb < <(tail -1 "$work/time.out")
    printf '%s\t%s\t%s\t%s\n' "$engine" "$phase" "$wall" "$kb" >> "$work/measure.tsv"
}
record_size() { printf '%s\t%s\n' "$1" "$(du -sb "$2" | cut -f1)" >> "$work/sizes.tsv"; }
# The query phase's peak RSS, when the driver's own is not the whole story, replaces measure's.
set_query_rss() {
    local engine=$1 kb=$2
    sed -i "/^$engine\tquery\t/s/\t[0-9]*\$/\t$kb/" "$work/measure.tsv"
}
drop() { [ "${BENCH_KEEP:-0}" = 1 ] || rm -rf "$@"; }

searchd_pid=
stop_searchd() {
    [ -n "$searchd_pid" ] || return 0
    kill "$searchd_pid" 2>/dev/null || true
    wait "$searchd_pid" 2>/dev/null || true
    searchd_pid=
}
trap stop_searchd EXIT

run_newsdesk() {
    local db=$work/newsdesk.db
    rm -rf "$db"
    measure newsdesk index "$build/bench/bench_newsdesk" index "$db" "$corpus"
    record_size newsdesk "$db"
    measure newsdesk query "$build/bench/bench_newsdesk" query "$db" "$queries" "$rounds" "$work/newsdesk.json"
    measure newsdesk-stories query "$build/bench/bench_newsdesk" query "$db" "$queries" "$rounds" \
        "$work/newsdesk-stories.json" --collapse
    measure newsdesk-timeline query "$build/bench/bench_newsdesk" query "$db" "$queries" "$rounds" \
        "$work/newsdesk-timeline.json" --timeline
    drop "$db"
}

run_newsdesk_cli() {
    local db=$work/newsdesk-cli.db
    rm -rf "$db"
    measure newsdesk-cli index "$newsdesk" index --compact --db "$db" "$corpus"
    record_size newsdesk-cli "$db"
    measure newsdesk-cli query python3 bench/cli_driver.py "$newsdesk" "$db" "$queries" "$cli_rounds" "$work/newsdesk-cli.json"
    set_query_rss newsdesk-cli "$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["peak_rss_kb"])' "$work/newsdesk-cli.json")"
    drop "$db"
}

run_xapian() {
    local db=$work/xapian.db
    rm -rf "$db"
    measure xapian index "$build/bench/bench_xapian" index "$db" "$tsv" "${dicts[@]}"
    record_size xapian "$db"
    measure xapian query "$build/bench/bench_xapian" query "$db" "$queries" "$rounds" "$work/xapian.json"
    drop "$db"
}

# Plain Xapian again, storing each article's title and body as newsdesk must: its size is the
# one newsdesk's is measured against. Its queries are plain Xapian's, not timed again.
run_xapian_text() {
    local db=$work/xapian-text.db
    rm -rf "$db"
    measure xapian-text index "$build/bench/bench_xapian" index "$db" "$tsv" "${dicts[@]}" --store-text
    record_size xapian-text "$db"
    drop "$db"
}

run_sqlite() {
    local db=$work/sqlite.db
    rm -f "$db" "$db-wal" "$db-shm"
    measure sqlite index "$build/bench/bench_sqlite" index "$db" "$tsv" "${dicts[@]}"
    record_size sqlite "$db"
    measure sqlite query "$build/bench/bench_sqlite" query "$db" "$queries" "$rounds" "$work/sqlite.json"
    drop "$db" "$db-wal" "$db-shm"
}

run_sphinx() {
    local dir=$work/sphinx
    rm -rf "$dir"
    mkdir -p "$dir"
    if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "bench: port $port is taken (BENCH_SPHINX_PORT)" >&2; exit 1; fi
    sed -e "s|@DIR@|$dir|g; s|@TSV@|$tsv|g; s|@PORT@|$port|g" bench/sphinx.conf.in > "$dir/sphinx.conf"
    measure sphinx index indexer --config "$dir/sphinx.conf" --all --quiet
    du -cb "$dir"/news.* | tail -1 | sed 's/\ttotal$//; s/^/sphinx\t/' >> "$work/sizes.tsv"
    searchd --config "$dir/sphinx.conf" --nodetach > "$dir/searchd.out" 2>&1 &
    searchd_pid=$!
    for _ in $(seq 100); do (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && break; sleep 0.1; done
    measure sphinx query "$build/bench/bench_sphinx" query "$port" "$queries" "$rounds" "$work/sphinx.json" "${dicts[@]}"
    local driver_kb server_kb
    driver_kb=$(tail -1 "$work/measure.tsv" | cut -f4)
    server_kb=$(awk '/^VmHWM/ {print $2}' "/proc/$searchd_pid/status")
    set_query_rss sphinx $((driver_kb + server_kb))
    # The same queries with Sphinx's default-sized sorter, to show what exact facets cost.
    measure sphinx-mm1000 query "$build/bench/bench_sphinx" query "$port" "$queries" "$rounds" "$work/sphinx-mm1000.json" "${dicts[@]}" 1000
    stop_searchd
    drop "$dir"
}

run_lucene() {
    local dir=$work/lucene
    rm -rf "$dir"
    measure lucene index java -Xmx2g -cp "$lucene_cp" BenchLucene index "$dir" "$tsv" "${dicts[@]}"
    record_size lucene "$dir"
    measure lucene query java -Xmx2g -cp "$lucene_cp" BenchLucene query "$dir" "$queries" "$rounds" "$work/lucene.json"
    drop "$dir"
}

for engine in $engines; do
    say "$engine"
    forget "$engine"
    [ "$engine" != sphinx ] || forget sphinx-mm1000
    "run_${engine//-/_}"
done

cat > "$work/meta.json" <<EOF
{"n": $n, "source": "$source_version",
 "corpus_bytes": $(stat -c %s "$corpus"), "date": "$(date -u +%Y-%m-%d)", "cpus": $(nproc),
 "memory": "$(free -g | awk '/^Mem:/ {print $2}') GiB", "load_before": "$load_before",
 "load_after": "$(cut -d' ' -f1-3 /proc/loadavg)", "rounds": $rounds, "cli_rounds": $cli_rounds,
 "queries": $(grep -cve '^#' -e '^$' "$queries"), "extract_seconds": $(cat "$work/extract_seconds")}
EOF
python3 bench/report.py "$work" "$results/bench-$n.md" "$work/plot.dat"
gnuplot -e "data='$work/plot.dat'; out='$results/bench-$n.png'; n='$n'" bench/plot.gp
say "wrote $results/bench-$n.md and $results/bench-$n.png"
