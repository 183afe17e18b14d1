#!/usr/bin/env python3
"""The benchmark's results file and plot data, from what bench/run.sh measured.

Usage: report.py WORK_DIR OUT.md PLOT.dat
  WORK_DIR holds meta.json (n, corpus bytes, machine), measure.tsv (engine, phase, wall s,
  peak KB), sizes.tsv (engine, bytes) and ENGINE.json per engine (bench/common/query_loop.hpp).
"""
import json
import sys
from pathlib import Path

# Row order, names as shown, and what each row is.
ENGINES = [
    ("newsdesk", "newsdesk (library)", "index_archive (a bulk load), Index::search; extraction included"),
    ("newsdesk-stories", "newsdesk (library), one hit per story", "the same index, searched with collapse: each story's best version, its other versions listed"),
    ("newsdesk-timeline", "newsdesk (library), with a timeline", "the same index and query, with a month histogram and a series for each of the five top speakers"),
    ("newsdesk-cli", "newsdesk (CLI)", "`newsdesk index`, one `newsdesk search --json` process per query"),
    ("xapian", "plain Xapian", "TermGenerator + QueryParser pieces + a MatchSpy per facet"),
    ("xapian-text", "plain Xapian, text stored", "the same, with each title and body stored as document data (indexed only)"),
    ("sqlite", "SQLite FTS5", "fts5 porter/unicode61, bm25(), GROUP BY over the match set"),
    ("sphinx", "Sphinx 2.2", "indexer (tsvpipe) + searchd, SphinxQL FACET, max_matches = all values"),
    ("sphinx-mm1000", "Sphinx 2.2, max_matches 1000", "same index; facet counts exact only up to 1,000 values"),
    ("lucene", "Lucene 4.10", "BM25Similarity, SortedSetDocValues facets, timed in the JVM"),
]
REFERENCE = "newsdesk"


def percentile(values, p):
    """Nearest-rank percentile: a value that was measured."""
    s = sorted(values)
    k = max(0, min(len(s) - 1, -(-len(s) * p // 100) - 1))
    return s[int(k)]


def ratio(a, b):
    return f"{a / b:.2f}" if a and b else "–"


def load(work):
    meta = json.loads((work / "meta.json").read_text())
    measures = {}
    for line in (work / "measure.tsv").read_text().splitlines():
        engine, phase, wall, kb = line.split("\t")
        measures[(engine, phase)] = (float(wall), int(kb))
    sizes = {}
    if (work / "sizes.tsv").exists():
        for line in (work / "sizes.tsv").read_text().splitlines():
            engine, size = line.split("\t")
            sizes[engine] = int(size)
    results = {e: json.loads((work / f"{e}.json").read_text()) for e, _, _ in ENGINES if (work / f"{e}.json").exists()}
    return meta, measures, sizes, results


def query_stats(result):
    lat = [x for q in result["queries"] for x in q["latencies_ms"]]
    return {"p50": percentile(lat, 50), "p95": percentile(lat, 95), "p99": percentile(lat, 99),
            "qps": 1000 * len(lat) / sum(lat), "samples": len(lat)}


def facet_signature(values):
    """What must agree between engines: the counts of the top values, and which values they
    are except among those tied at the cut-off (engines break ties differently)."""
    if not values:
        return ((), ())
    counts = sorted((c for _, c in values), reverse=True)
    cut = counts[-1]
    return (tuple(counts), tuple(sorted((v, c) for v, c in values if c > cut)))


def main():
    work, out_md, plot_dat = Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3])
    meta, measures, sizes, results = load(work)
    n, mb = meta["n"], meta["corpus_bytes"] / 1e6
    shown = [(e, name, what) for e, name, what in ENGINES if e in results or (e, "index") in measures]
    lines = [f"# Side-by-side benchmark, {n:,} articles", "",
             f"`bench/run.sh {n}` on {meta['date']}: {meta['cpus']} cores, {meta['memory']}, load average "
             f"{meta['load_before']} before the run and {meta['load_after']} after (other work shared the "
             f"machine). Corpus: `bench/make_corpus.py {n}`, {mb:,.1f} MB of JSON Lines. Engines ran one after "
             f"another; newsdesk built from {meta.get('source', '?')}. Query mix: `bench/queries.txt`, {meta['queries']} queries, each asking for the top 10 "
             f"and exact speaker and country counts over the whole match set; a warm-up pass, then "
             f"{meta['rounds']} timed passes ({meta['cli_rounds']} for the CLI). See `bench/README.md`.", ""]

    lines += ["## Indexing", "",
              "Wall time of the whole indexing process (reading the input, analysis, writing, final commit); "
              "newsdesk's includes its extraction of speakers and countries, which the peers were given "
              "(`newsdesk extract` took "
              f"{meta['extract_seconds']:.1f} s on this corpus). MB/s: corpus MB over wall time. Peak RSS of the "
              "indexing process. \"newsdesk ÷\": newsdesk (library)'s time over this engine's (above 1: newsdesk is "
              "slower).", "",
              "| engine | time (s) | articles/s | MB/s | peak RSS (MB) | index size (MB) | newsdesk ÷ |",
              "| --- | ---: | ---: | ---: | ---: | ---: | ---: |"]
    ref_index = measures.get((REFERENCE, "index"), (0, 0))[0]
    plot_rows = []
    for e, name, _ in shown:
        if (e, "index") not in measures:
            continue
        wall, kb = measures[(e, "index")]
        size = sizes.get(e, 0) / 1e6
        lines.append(f"| {name} | {wall:,.1f} | {n / wall:,.0f} | {mb / wall:,.2f} | {kb / 1024:,.0f} | "
                     f"{size:,.0f} | {ratio(ref_index, wall)} |")
    lines += ["", "## Queries", "",
              "Latency of one query (top 10 + both facets), over every query of the mix and every timed "
              "pass; queries/s: one client, one query at a time. Peak RSS of the query process (Sphinx: "
              "searchd plus the client). \"newsdesk ÷\": newsdesk (library)'s p50 over this engine's (above 1: "
              "newsdesk is slower).", "",
              "| engine | p50 (ms) | p95 (ms) | p99 (ms) | queries/s | peak RSS (MB) | newsdesk ÷ |",
              "| --- | ---: | ---: | ---: | ---: | ---: | ---: |"]
    stats = {e: query_stats(r) for e, r in results.items()}
    ref_p50 = stats.get(REFERENCE, {}).get("p50", 0)
    for e, name, _ in shown:
        if e not in stats:
            continue
        s = stats[e]
        kb = measures.get((e, "query"), (0, 0))[1]
        lines.append(f"| {name} | {s['p50']:.2f} | {s['p95']:.2f} | {s['p99']:.2f} | {s['qps']:,.0f} | "
                     f"{kb / 1024:,.0f} | {ratio(ref_p50, s['p50'])} |")
        index_rate = n / measures[(e, "index")][0] if (e, "index") in measures else 0
        plot_rows.append(f'"{name}" {index_rate:.3f} {s["p50"]:.4f} {s["p95"]:.4f} {s["p99"]:.4f}')

    lines += ["", "## Do the engines agree?", "",
              "Matching articles per query. A mark after a total: † the top speaker or country counts "
              "differ from newsdesk (library)'s (ties at the cut-off aside); ⚠ the total differs from "
              "newsdesk (library)'s.", ""]
    engines = [e for e, _, _ in shown if e in results]
    names = dict((e, name) for e, name, _ in ENGINES)
    lines.append("| query | " + " | ".join(names[e] for e in engines) + " |")
    lines.append("| --- |" + " ---: |" * len(engines))
    ref = {q["query"]: q for q in results.get(REFERENCE, {"queries": []})["queries"]}
    differing = {e: [] for e in engines}
    for i, q in enumerate(results[engines[0]]["queries"]):
        cells = []
        r = ref.get(q["query"])
        for e in engines:
            a = results[e]["queries"][i]
            if "error" in a:
                cells.append("error")
                continue
            mark = ""
            if r is not None and a["total"] != r["total"]:
                mark += " ⚠"
                differing[e].append(q["query"])
            if r is not None and any(facet_signature(a["facets"][f]) != facet_signature(r["facets"][f])
                                     for f in ("speaker", "country")):
                mark += " †"
            cells.append(f"{a['total']:,}{mark}")
        lines.append(f"| `{q['query']}` | " + " | ".join(cells) + " |")
    lines += ["", "Engines and their set-up:", ""]
    lines += [f"- **{name}**: {what}." for e, name, what in shown]
    notes = Path(__file__).with_name("agreement_notes.md")
    lines += ["", notes.read_text() if notes.exists() else ""]
    out_md.write_text("\n".join(lines).rstrip() + "\n")
    plot_dat.write_text("# engine articles/s p50 p95 p99\n" + "\n".join(plot_rows) + "\n")


if __name__ == "__main__":
    main()
