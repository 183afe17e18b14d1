#!/usr/bin/python3
"""The HTML extraction benchmark's Python peer: readability-lxml (Debian's python3-readability),
a port of Arc90's Readability, timed the way bench/common/page_rounds.cpp times the C++ drivers:
pages read into memory first, a warm-up round whose texts are the predictions, then ROUNDS timed
rounds, one thread. Same OUT.json and PRED.jsonl as the C++ drivers.

Usage: pages_readability.py PAGES_DIR ROUNDS OUT.json PRED.jsonl
Run by Debian's /usr/bin/python3, where the package installs it (a python3 earlier on PATH may
be another interpreter without it).
"""
import gzip
import json
import os
import statistics
import sys
import time

import lxml.html
from readability import Document

# Elements after which a line ends, so that words of adjacent blocks do not run together in
# the text (text_content() alone joins them).
BLOCKS = {"p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "td", "th",
          "tr", "dd", "dt", "figcaption", "br", "section", "article"}


def read_pages(folder):
    pages = []
    for name in sorted(os.listdir(folder)):
        stem = name[:-3] if name.endswith(".gz") else name
        for ext in (".html", ".htm"):
            if stem.endswith(ext):
                opener = gzip.open if name.endswith(".gz") else open
                with opener(os.path.join(folder, name), "rb") as f:
                    pages.append((stem[: -len(ext)], f.read()))
                break
    return pages


def main_text(html):
    # The page's bytes as served: readability finds the charset itself, as newsdesk does.
    summary = Document(html).summary(html_partial=True)
    tree = lxml.html.fromstring(summary)
    for el in tree.iter(*BLOCKS):
        el.tail = "\n" + (el.tail or "")
    return tree.text_content().strip()


def main():
    if len(sys.argv) != 5:
        sys.exit(__doc__)
    folder, rounds, out_json, out_jsonl = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
    pages = read_pages(folder)
    with open(out_jsonl, "w", encoding="utf-8") as pred:
        for pid, html in pages:
            pred.write(json.dumps({"id": pid, "body": main_text(html)}, ensure_ascii=False) + "\n")
    seconds = []
    cpu_start = time.process_time()
    for _ in range(rounds):
        start = time.perf_counter()
        for _, html in pages:
            main_text(html)
        seconds.append(time.perf_counter() - start)
    cpu = (time.process_time() - cpu_start) / rounds
    size = sum(len(html) for _, html in pages)
    mid = statistics.median(seconds)
    out = {"engine": "readability-lxml", "pages": len(pages), "bytes": size, "rounds": rounds,
           "round_seconds": seconds, "median_seconds": mid, "min_seconds": min(seconds),
           "mb_per_s": size / 1e6 / mid, "cpu_seconds_per_round": cpu}
    with open(out_json, "w", encoding="utf-8") as f:
        json.dump(out, f, indent=1)
    print(f"readability-lxml: {len(pages)} pages, {size} bytes, median round {mid:.3f} s "
          f"({out['mb_per_s']:.2f} MB/s)", file=sys.stderr)


if __name__ == "__main__":
    main()
