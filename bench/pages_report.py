#!/usr/bin/env python3
"""Writes bench/results/pages.md from what bench/pages.sh measured: per engine its OUT.json
(speed, from page_rounds.cpp or pages_readability.py) and its score (score-html --json).

Usage: pages_report.py WORK_DIR OUT.md ENGINE... (WORK_DIR/ENGINE.json, WORK_DIR/ENGINE.score.json;
the first ENGINE is newsdesk, whose speed the others are compared with)
Context (environment): PAGES_COMMAND, PAGES_SOURCE, PAGES_LOAD_BEFORE, PAGES_LOAD_AFTER.
"""
import datetime
import json
import os
import sys

DESCRIPTIONS = {
    "newsdesk": "`pages::article_from_html` (charset, parse, metadata, main text)",
    "libxml2-text": "floor: libxml2 `htmlReadMemory` + all text outside script, style, noscript, template",
    "readability": "readability-lxml 0.8.1 (Debian `python3-readability`), `Document(html).summary()` + lxml text",
}


def main():
    if len(sys.argv) < 4:
        sys.exit(__doc__)
    work, out_path, engines = sys.argv[1], sys.argv[2], sys.argv[3:]
    rows = []
    for e in engines:
        with open(os.path.join(work, e + ".json"), encoding="utf-8") as f:
            speed = json.load(f)
        with open(os.path.join(work, e + ".score.json"), encoding="utf-8") as f:
            score = json.load(f)
        rows.append((e, speed, score))
    base = rows[0][1]
    env = os.environ.get
    lines = [
        "# HTML main-text extraction: newsdesk beside its peers",
        "",
        f"Measured {datetime.date.today().isoformat()} by `{env('PAGES_COMMAND', 'bench/pages.sh')}` "
        f"(newsdesk at {env('PAGES_SOURCE', '?')}), on {os.cpu_count()} cores shared with other work "
        f"(load average before {env('PAGES_LOAD_BEFORE', '?')}, after {env('PAGES_LOAD_AFTER', '?')}).",
        f"Pages: {base['pages']} news pages, {base['bytes'] / 1e6:.1f} MB of HTML (`../shared/data/html-articles/html/`, "
        "gzip undone), read into memory before timing. One thread; one warm-up round (its texts are scored), "
        "then the timed rounds. MB = 10^6 bytes; MB/s at the median round, which with one thread is MB/s per core.",
        "Scores: `../shared/tools/score-html ground-truth.json PRED.jsonl` (4-word shingle F1, pages named by file name).",
        "",
        "| engine | what is timed | rounds | MB/s per core | s for all pages (median) | min | CPU s per round | P | R | F1 | newsdesk's speed ÷ its |",
        "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for e, speed, score in rows:
        ratio = base["mb_per_s"] / speed["mb_per_s"]
        lines.append(
            f"| {e} | {DESCRIPTIONS.get(e, '')} | {speed['rounds']} | {speed['mb_per_s']:.1f} | "
            f"{speed['median_seconds']:.3f} | {speed['min_seconds']:.3f} | {speed['cpu_seconds_per_round']:.3f} | "
            f"{score['precision']:.3f} | {score['recall']:.3f} | {score['f1']:.3f} | "
            f"{'—' if e == engines[0] else f'{ratio:.2f}'} |")
    lines += [
        "",
        "Every round of every engine, in seconds:",
        "",
    ]
    for e, speed, _ in rows:
        lines.append(f"- {e}: " + ", ".join(f"{s:.3f}" for s in speed["round_seconds"]))
    lines.append("")
    with open(out_path, "w", encoding="utf-8") as f:
        f.write("\n".join(lines))


if __name__ == "__main__":
    main()
