#!/usr/bin/env python3
"""The peers' copy of the corpus: the same articles with the speakers and countries that
`newsdesk extract` found, so that every peer indexes the same facet values (newsdesk itself
indexes the raw corpus and extracts while it indexes).

Usage: enrich.py CORPUS.jsonl EXTRACT.jsonl OUT_DIR
  EXTRACT.jsonl is `newsdesk extract --json CORPUS.jsonl`: one object per article, in order.
Writes OUT_DIR/peers.tsv, speakers.txt, countries.txt (format: bench/common/peer_corpus.hpp).
The speaker facet of newsdesk lists people and organisations quoted, so both go in `speakers`.
"""
import json
import sys
from pathlib import Path

# Tabs and line breaks separate columns and rows in the TSV; as text they are only spaces.
CLEAN = str.maketrans({"\t": " ", "\n": " ", "\r": " ", "\x1f": " "})


def ids_of(values, table):
    out = []
    for v in values:
        v = v.translate(CLEAN)
        if v not in table:
            table[v] = len(table) + 1
        if table[v] not in out:
            out.append(table[v])
    return ",".join(map(str, out))


def main():
    corpus, extracted, out_dir = Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3])
    out_dir.mkdir(parents=True, exist_ok=True)
    speakers, countries = {}, {}
    with open(corpus, encoding="utf-8") as c, open(extracted, encoding="utf-8") as e, \
            open(out_dir / "peers.tsv", "w", encoding="utf-8") as out:
        docid = 0
        for line in c:
            if not line.strip():
                continue
            article = json.loads(line)
            facts = json.loads(e.readline())
            if facts["id"] != article["id"]:
                sys.exit(f"enrich.py: {extracted} is not in step with {corpus} at {article['id']}")
            docid += 1
            cols = [str(docid), article["id"], article.get("title", ""), article.get("body", ""),
                    ids_of(facts["speakers"] + facts.get("organisations", []), speakers),
                    ids_of(facts["countries"], countries)]
            out.write("\t".join(col.translate(CLEAN) for col in cols) + "\n")
    for name, table in (("speakers.txt", speakers), ("countries.txt", countries)):
        with open(out_dir / name, "w", encoding="utf-8") as f:
            f.writelines(v + "\n" for v in table)   # dicts keep insertion order: line k = id k


if __name__ == "__main__":
    main()
