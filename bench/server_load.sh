#!/usr/bin/env bash
# Server under load: 50 connections for 30 s of faceted searches (wrk) against an index of
# N articles (default 100,000) while an indexer adds more; writes bench/results/server_load.md.
# Usage: bench/server_load.sh [N]   (run from the project root after ./run demo or ./run test)
# NEWSDESK=path/to/newsdesk runs another build of the CLI and server (to compare two builds);
# INDEX_ARGS adds options to the concurrent indexer's command (such as "--nice 0").
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-100000}
bin=${NEWSDESK:-build/cli/newsdesk}
work=${BENCH_WORK:-build/bench}
mkdir -p "$work" bench/results
command -v wrk >/dev/null || { echo "installing wrk" >&2; apt-get install -y -qq wrk >/dev/null; }

corpus=$work/corpus-$n.jsonl
extra=$work/extra.jsonl
[ -f "$corpus" ] || python3 bench/make_corpus.py "$n" "$corpus"
if [ ! -f "$extra" ]; then   # 20,000 articles beyond the index, for the concurrent indexer
    python3 bench/make_corpus.py $((n + 20000)) "$work/all.jsonl"
    tail -n 20000 "$work/all.jsonl" > "$extra"
    rm "$work/all.jsonl"
fi
db=$work/db-$n
if [ ! -d "$db" ]; then
    start=$SECONDS
    "$bin" index --compact --db "$db" "$corpus"   # a bulk load, compacted as README advises
    echo "indexed $n articles in $((SECONDS - start)) s" >&2
fi
cp -r "$db" "$work/db-load"   # the run adds articles: keep the base index for the next run

"$bin" serve --db "$work/db-load" --listen 127.0.0.1:18089 2> "$work/serve.log" &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null || true; rm -rf "$work/db-load"' EXIT
for _ in $(seq 100); do curl -sf "http://127.0.0.1:18089/api/info" >/dev/null && break; sleep 0.2; done
before=$(curl -sf "http://127.0.0.1:18089/api/info" | python3 -c 'import json,sys; print(json.load(sys.stdin)["articles"])')

# One analysis thread: the indexer shares the two cores with the server, as a nightly feed would.
"$bin" index --db "$work/db-load" --batch-size 200 --threads 1 ${INDEX_ARGS:-} "$extra" 2> "$work/index.log" &
index_start=$SECONDS
indexer=$!
wrk -t2 -c50 -d30s --latency -s bench/server_load.lua http://127.0.0.1:18089 > "$work/wrk.txt"
wait $indexer || true
index_seconds=$((SECONDS - index_start))
peak_kb=$(awk '/VmHWM/ {print $2}' /proc/$server/status)
after=$(curl -sf "http://127.0.0.1:18089/api/info" | python3 -c 'import json,sys; print(json.load(sys.stdin)["articles"])')
errors=$(grep -cE ' 5[0-9][0-9] [0-9.]+ ms$' "$work/serve.log" || true)
non2xx=$(grep -o 'Non-2xx or 3xx responses: [0-9]*' "$work/wrk.txt" | grep -o '[0-9]*$' || echo 0)
socket=$(grep -o 'Socket errors:.*' "$work/wrk.txt" || echo "Socket errors: none")

{
    echo "# Server under load"
    echo
    echo "\`bench/server_load.sh $n\` on $(nproc) cores, $(date -u +%Y-%m-%d): wrk, 2 threads, 50 connections,"
    echo "30 s of the faceted searches in \`bench/server_load.lua\`, against an index of $before articles"
    echo "while \`newsdesk index${INDEX_ARGS:+ $INDEX_ARGS}\` added articles (the server saw $after at the end;"
    echo "the indexer took $index_seconds s for the $((after - before)) articles it added)."
    echo
    echo "Latency here is mostly waiting in line: 50 clients, each sending its next request as soon as"
    echo "the last is answered, share one search slot per core (\`--searches\`), and the indexer takes"
    echo "what they leave (it runs below their priority unless \`--nice 0\`). Errors are what #6 asks to be"
    echo "zero: wrk's 2 s timeouts, non-2xx answers, 5xx."
    echo
    echo "| figure | value |"
    echo "| --- | --- |"
    echo "| requests/s | $(grep -o 'Requests/sec: *[0-9.]*' "$work/wrk.txt" | grep -o '[0-9.]*$') |"
    for p in 50 90 99; do echo "| latency p$p | $(grep -E "^ +$p%" "$work/wrk.txt" | awk '{print $2}') |"; done
    echo "| non-2xx responses | ${non2xx:-0} |"
    echo "| 5xx in the server log | $errors |"
    echo "| $socket | |"
    echo "| server peak memory (VmHWM) | $((peak_kb / 1024)) MiB |"
    echo
    echo '```'
    cat "$work/wrk.txt"
    echo '```'
} > bench/results/server_load.md
cat bench/results/server_load.md
