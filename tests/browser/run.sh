#!/bin/bash
# The search page in a real browser: indexes data/sample, starts `newsdesk serve` on a free
# loopback port, runs search_page_test.mjs (playwright-core driving Debian's chromium), stops
# the server with SIGTERM and checks that it exits cleanly.
#   tests/browser/run.sh NEWSDESK_PROGRAM SOURCE_DIR [SCREENSHOT.png]
# Exit 77 (skipped) when node_modules or chromium is missing, except under CI, where that fails.
set -u
program=$1 source_dir=$2 screenshot=${3:-}
here=$(cd "$(dirname "$0")" && pwd)
chromium=${CHROMIUM:-/usr/bin/chromium}

missing() {
    if [ -n "${CI:-}" ]; then echo "FAIL: $1" >&2; exit 1; fi
    echo "SKIPPED: $1" >&2
    exit 77
}
[ -d "$here/node_modules/playwright-core" ] || missing "no $here/node_modules: run 'npm ci' in tests/browser"
[ -x "$chromium" ] || missing "no $chromium: apt-get install chromium"
command -v node >/dev/null || missing "no node: apt-get install nodejs"

work=$(mktemp -d /tmp/newsdesk-browser.XXXXXX)
server=
cleanup() {
    [ -n "$server" ] && kill -TERM "$server" 2>/dev/null && wait "$server" 2>/dev/null
    rm -rf "$work"
}
trap cleanup EXIT

"$program" index --db "$work/db" "$source_dir/data/sample" >"$work/index.log" 2>&1 || {
    cat "$work/index.log" >&2; echo "FAIL: indexing data/sample" >&2; exit 1; }

"$program" serve --db "$work/db" --listen 127.0.0.1:0 --connections 16 2>"$work/server.log" &
server=$!
port=
for _ in $(seq 100); do
    port=$(sed -n 's|.*on http://127\.0\.0\.1:\([0-9]*\)/.*|\1|p' "$work/server.log" | head -n1)
    [ -n "$port" ] && break
    kill -0 "$server" 2>/dev/null || break
    sleep 0.1
done
if [ -z "$port" ]; then
    cat "$work/server.log" >&2; echo "FAIL: the server did not start" >&2; exit 1
fi

status=0
(cd "$here" && node search_page_test.mjs "http://127.0.0.1:$port" $screenshot) || status=1

kill -TERM "$server"
if ! wait "$server"; then
    echo "FAIL: the server did not exit cleanly on SIGTERM" >&2; status=1
fi
server=
if [ $status -ne 0 ]; then
    echo "--- server log (last 40 lines) ---" >&2; tail -n 40 "$work/server.log" >&2
fi
exit $status
