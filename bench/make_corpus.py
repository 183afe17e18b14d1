#!/usr/bin/env python3
"""Deterministic corpus of N articles from the real corpora in ../shared/data/corpora/.

Up to the ~22,000 real articles they are used as they are; beyond that each new article is a
recombination: the title of one real article and body paragraphs drawn from others, with a
date spread over 20 years and an id of its own. The same N always gives the same output.
Usage: make_corpus.py N OUT.jsonl [SHARED_DIR]
"""
import json
import random
import sys
from pathlib import Path


def main():
    n = int(sys.argv[1])
    out = Path(sys.argv[2])
    shared = Path(sys.argv[3]) if len(sys.argv) > 3 else Path(__file__).resolve().parents[2] / "shared"
    real = []
    for name in ("wikinews-2019-2020.jsonl", "bbc.jsonl", "reuters21578.jsonl"):
        with open(shared / "data" / "corpora" / name, encoding="utf-8") as f:
            real.extend(json.loads(line) for line in f if line.strip())
    paragraphs = [p for a in real for p in a["body"].split("\n\n") if len(p) > 80]
    rng = random.Random(20261125)
    with open(out, "w", encoding="utf-8") as f:
        for i in range(n):
            if i < len(real):
                a = dict(real[i])
                a.pop("gold", None)
            else:
                base = real[rng.randrange(len(real))]
                body = "\n\n".join(rng.choice(paragraphs) for _ in range(rng.randint(3, 8)))
                year, month, day = rng.randint(2005, 2024), rng.randint(1, 12), rng.randint(1, 28)
                a = {"id": f"mix-{i:07d}", "title": base["title"], "body": body,
                     "date": f"{year:04d}-{month:02d}-{day:02d}", "source": base.get("source", "")}
            f.write(json.dumps(a, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
