#!/usr/bin/env bash
# What more writers buy: indexes the real articles of ../shared/data/corpora/ (read where they
# are) into a new database with `newsdesk index --writers W` for each W (a bulk load: W side
# databases merged at the end; --writers 1 writes into the database itself), once with one
# writer and --compact (the same end state as a bulk load: a compacted database), and into
# a sharded database of 2 shards. Writes bench/results/index-writers.md.
# Usage: bench/index_writers.sh
# Settings (environment): BENCH_BUILD (build-bench), WRITERS ("1 2 4"), ROUNDS (2: each
# setting runs this many times, one after another in turn, and the fastest counts, which is the
# least disturbed by other work on a shared machine).
set -euo pipefail
cd "$(dirname "$0")/.."
build=${BENCH_BUILD:-build-bench}
writer_counts=${WRITERS-1 2 4}
rounds=${ROUNDS:-2}
corpora=(../shared/data/corpora/*.jsonl)
work=$build/writers-work
out=bench/results/index-writers.md
mkdir -p "$work"
work=$(realpath "$work")

say() { echo "== $*" >&2; }

say "building in $build"
if [ ! -f "$build/build.ninja" ]; then
    cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DNEWSDESK_BENCH=ON -DBUILD_TESTING=OFF >/dev/null
fi
cmake --build "$build" --parallel 2 --target newsdesk_cli
newsdesk=$build/cli/newsdesk
source_version="$(git rev-parse --short HEAD)$(git diff --quiet HEAD -- indexer schema searcher storage || echo ' with uncommitted changes')"
bytes=$(cat "${corpora[@]}" | wc -c)

# One run of `newsdesk index` into a fresh database: "wall cpu rss_mb size_mb merge_s load".
run() {
    local db=$work/db
    rm -rf "$db" "$db.loading"
    local load_before
    load_before=$(cut -d' ' -f1 /proc/loadavg)
    /usr/bin/time -f '%e %U %S %M' -o "$work/time.out" "$newsdesk" index --json --db "$db" "$@" "${corpora[@]}" > "$work/summary.json"
    read -r wall user sys rss < "$work/time.out"
    python3 - "$work/summary.json" "$wall" "$user" "$sys" "$rss" "$(du -sb "$db" | cut -f1)" "$load_before" <<'EOF'
import json, sys
s = json.load(open(sys.argv[1]))
wall, user, system, rss, size, load = sys.argv[2:]
assert s["articles_in_database"] == 21561, s
print(f"{float(wall):.2f} {float(user) + float(system):.1f} {int(rss) / 1024:.0f} {int(size) / 1e6:.1f} {s['compaction_seconds']:.2f} {load}")
EOF
}

declare -A settings=()
order=()
for w in $writer_counts; do settings["--writers $w"]="--writers $w"; order+=("--writers $w"); done
settings["--writers 1 --compact"]="--writers 1 --compact"; order+=("--writers 1 --compact")
settings["--shards 2"]="--shards 2"; order+=("--shards 2")
declare -A best=()
for round in $(seq "$rounds"); do
    for name in "${order[@]}"; do
        say "round $round: $name"
        # shellcheck disable=SC2086   # the settings are words
        result=$(run ${settings[$name]})
        if [ -z "${best[$name]:-}" ] || python3 -c "import sys; sys.exit(0 if float(sys.argv[1]) < float(sys.argv[2]) else 1)" \
            "${result%% *}" "${best[$name]%% *}"; then
            best[$name]=$result
        fi
    done
done

{
    echo "# What more writers buy: the real articles"
    echo
    echo "\`bench/index_writers.sh\` on $(date -u +%Y-%m-%d), newsdesk built from $source_version, on $(nproc) cores"
    echo "(shared with other work: the load average before each run is given). Input: the 21,561 articles of"
    echo "\`../shared/data/corpora/*.jsonl\` ($(python3 -c "print(f'{$bytes / 1e6:.1f}')") MB), read where they are, into a new database each time."
    echo "Each setting ran $rounds times, in turn with the others; the fastest run is shown."
    echo
    echo "| \`newsdesk index\` | wall (s) | CPU, user + system (s) | peak RSS (MB) | size (MB) | of which merging or compacting (s) | load before |"
    echo "| --- | ---: | ---: | ---: | ---: | ---: | ---: |"
    for name in "${order[@]}"; do
        read -r wall cpu rss size merge load <<< "${best[$name]}"
        echo "| \`$name\` | $wall | $cpu | $rss | $size | $merge | $load |"
    done
    echo
    echo "With more writers than cores (4 on a 2-core machine) the writers share the cores: the figure shows"
    echo "what the extra side databases and the merge cost, not what four cores would give."
} > "$out"
say "wrote $out"
