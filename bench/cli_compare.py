#!/usr/bin/env python3
"""Two builds of newsdesk's CLI, one search process per query, run alternately on the same
database (each query by one build then the other, the order swapped each round), so that a
change of a few percent shows through a shared machine's noise. Checks that both give the same
answers (total, top ten ids, speaker and country counts) and prints each build's latencies.

Usage: cli_compare.py OLD_NEWSDESK NEW_NEWSDESK DB QUERIES ROUNDS
"""
import statistics
import sys

from cli_driver import answer, search


def main():
    old, new, db, queries_path, rounds = sys.argv[1:6]
    with open(queries_path, encoding="utf-8") as f:
        mix = [line.rstrip("\n") for line in f if line.strip() and not line.startswith("#")]
    builds = {"old": old, "new": new}
    took = {name: [] for name in builds}
    for r in range(int(rounds)):
        for q in mix:
            answers = {}
            for name in (["old", "new"] if r % 2 == 0 else ["new", "old"]):
                result, ms = search(builds[name], db, q)
                answers[name] = answer(result)
                took[name].append(ms)
            if answers["old"] != answers["new"]:
                raise RuntimeError(f"the builds answer {q} differently")
    for name, ms in took.items():
        ms.sort()
        n = len(ms)
        print(f"{name}: {n} searches, p50 {ms[n // 2]:.2f} ms, p95 {ms[int(n * 0.95)]:.2f} ms, "
              f"p99 {ms[min(n - 1, int(n * 0.99))]:.2f} ms, mean {statistics.mean(ms):.2f} ms")


if __name__ == "__main__":
    main()
