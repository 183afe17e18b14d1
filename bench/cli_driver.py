#!/usr/bin/env python3
"""newsdesk through its command line: one `newsdesk search --json` process per query, timed
from outside, so each latency includes starting the program and opening the database (what a
shell script pays). Same warm-up, rounds and JSON as the other drivers
(bench/common/query_loop.hpp), plus the largest peak RSS of the search processes.

Usage: cli_driver.py NEWSDESK DB QUERIES ROUNDS OUT.json
"""
import json
import resource
import subprocess
import sys
import time


def search(newsdesk, db, query):
    cmd = [newsdesk, "search", "--db", db, "--json", "--facet", "speaker", "--facet", "country",
           "--facet-limit", "10", "--limit", "10", "--", query]
    start = time.perf_counter()
    done = subprocess.run(cmd, capture_output=True, text=True)
    took = (time.perf_counter() - start) * 1000
    if done.returncode not in (0, 1):   # 1: no hits
        raise RuntimeError(f"{query}: exit {done.returncode}: {done.stderr.strip()}")
    return json.loads(done.stdout), took


def answer(result):
    facets = result.get("facets", {})
    return {"total": result["total"], "top_ids": [h["id"] for h in result["hits"]],
            "facets": {name: [[v["value"], v["count"]] for v in facets.get(name, [])]
                       for name in ("speaker", "country")}}


def main():
    newsdesk, db, queries_path, rounds, out_path = sys.argv[1:6]
    with open(queries_path, encoding="utf-8") as f:
        mix = [line.rstrip("\n") for line in f if line.strip() and not line.startswith("#")]
    queries = []
    for q in mix:   # warm-up: answers kept
        result, _ = search(newsdesk, db, q)
        queries.append({"query": q, **answer(result), "latencies_ms": []})
    for _ in range(int(rounds)):
        for entry in queries:
            result, took = search(newsdesk, db, entry["query"])
            if result["total"] != entry["total"]:
                raise RuntimeError(f"the total changed between runs of {entry['query']}")
            entry["latencies_ms"].append(took)
    peak_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    with open(out_path, "w", encoding="utf-8") as f:
        json.dump({"engine": "newsdesk-cli", "rounds": int(rounds), "peak_rss_kb": peak_kb,
                   "queries": queries}, f, indent=1, ensure_ascii=False)


if __name__ == "__main__":
    main()
