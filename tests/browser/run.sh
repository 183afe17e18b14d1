#!/bin/bash
# The search page in a real browser: indexes data/sample, starts `newsdesk serve` on a free
# loopback port, runs search_page_test.py (Debian's chromium driven through the DevTools
# protocol, Python's standard library only), stops the server with SIGTERM and checks that it
# exits cleanly.
#   tests/browser/run.sh NEWSDESK_PROGRAM SOURCE_DIR [SCREENSHOT.png]
# Exit 77 (skipped) when chromium or python3 is missing, except under CI, where that fails.
set -u
program=$1 source_dir=$2 screenshot=${3:-}
here=$(cd "$(dirname "$0")" && pwd)
chromium=${CHROMIUM:-/usr/bin/chromium}

missing() {
    if [ -n "${CI:-}" ]; then echo "FAIL: $1" >&2; exit 1; fi
    echo "SKIPPED: $1" >&2
    exit 77
}
[ -x "$chromium" ] || missing "no $chromium: apt-get install chromium"
command -v python3 >/dev/null || missing "no python3: apt-get install python3"

work=$(mktemp -d /tmp/newsdesk-browser.XXXXXX)
server=
cleanup() {
    [ -n "$server" ] && kill -TERM "$server" 2>/dev/null && wait "$server" 2>/dev/null
    rm -rf "$work"
}
trap cleanup EXIT

"$program" index --db "$work/db" "$source_dir/data/sample" >"$work/index.log" 2>&1 || {
    cat "$work/index.log" >&2; echo "FAIL: indexing data/sample" >&2; exit 1; }
# Two more sites run one of the sample's stories (sample-021), under their own headlines and
# wrapped in their own lines, indexed in a second run: the page shows the three as one story.
python3 - "$source_dir/data/sample/wire.jsonl" >"$work/copies.jsonl" <<'COPIES'
import json, sys
story = next(a for a in map(json.loads, open(sys.argv[1])) if a['id'] == 'sample-021')
sites = [('Kestrel News', 'Latest from the Kestrel News sports desk.', 'Follow Kestrel News for results as they come in.', '2022-06-21'),
         ('Northgate Post', 'Northgate Post: the region in brief.', 'Send your local sports news to the Northgate Post desk.', '2022-06-22')]
for n, (source, before, after, date) in enumerate(sites, 1):
    paragraphs = story['body'].split('\n\n')[:-1]   # the last paragraph cut
    body = '\n\n'.join([before] + paragraphs + [after]).replace(' said ', ' says ', 1)
    print(json.dumps({'id': f'sample-021-copy-{n}', 'title': f'{source}: ' + story['title'].lower(), 'body': body,
                      'date': date, 'source': source, 'language': 'en'}))
# An old article, so that the archive spans 1987 to 2024: the timeline's labels must stay apart.
print(json.dumps({'id': 'sample-1987', 'title': 'Harbour dredging resumes after the winter', 'date': '1987-03-02',
                  'source': 'Northgate Post', 'language': 'en',
                  'body': 'Dredging of the inner harbour resumed on Monday after the winter pause, the port office said.'}))
COPIES
"$program" index --db "$work/db" "$work/copies.jsonl" >>"$work/index.log" 2>&1 || {
    cat "$work/index.log" >&2; echo "FAIL: indexing copies of a sample story" >&2; exit 1; }

: >"$work/server.log"   # before the server's shell opens it, so that the first look finds it
"$program" serve --db "$work/db" --listen 127.0.0.1:0 --connections 16 2>>"$work/server.log" &
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
CHROMIUM=$chromium python3 "$here/search_page_test.py" "http://127.0.0.1:$port" $screenshot || status=1

kill -TERM "$server"
if ! wait "$server"; then
    echo "FAIL: the server did not exit cleanly on SIGTERM" >&2; status=1
fi
server=
if [ $status -ne 0 ]; then
    echo "--- server log (last 40 lines) ---" >&2; tail -n 40 "$work/server.log" >&2
fi
exit $status
