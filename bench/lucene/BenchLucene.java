// Lucene 4.10 (Debian's liblucene4.10-java): BM25Similarity, one analysed text field (title and
// body), and the speakers and countries as SortedSetDocValues facets, filtered with
// DrillDownQuery and counted with SortedSetDocValuesFacetCounts over the whole match set.
// Queries are timed inside the JVM after a warm-up pass, like the C++ drivers
// (bench/common/query_loop.hpp), and written as the same JSON.
//   java BenchLucene index DIR PEERS.tsv SPEAKERS.txt COUNTRIES.txt
//   java BenchLucene query DIR QUERIES ROUNDS OUT.json
import java.io.*;
import java.nio.charset.StandardCharsets;
import java.nio.file.*;
import java.util.*;

import org.apache.lucene.analysis.*;
import org.apache.lucene.analysis.core.LowerCaseFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.snowball.SnowballFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.document.*;
import org.apache.lucene.facet.*;
import org.apache.lucene.facet.sortedset.*;
import org.apache.lucene.index.*;
import org.apache.lucene.search.*;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.Version;
import org.tartarus.snowball.ext.EnglishStemmer;

public class BenchLucene {
    static final int TOP_HITS = 10, TOP_VALUES = 10;

    // The same text analysis as Xapian's TermGenerator as far as Lucene allows: words, lower
    // case, accents folded, the Snowball English stemmer, no stop words.
    static final Analyzer ANALYZER = new Analyzer() {
        @Override
        protected TokenStreamComponents createComponents(String field, Reader reader) {
            Tokenizer source = new StandardTokenizer(reader);
            TokenStream s = new LowerCaseFilter(source);
            s = new ASCIIFoldingFilter(s);
            s = new SnowballFilter(s, new EnglishStemmer());
            return new TokenStreamComponents(source, s);
        }

        @Override
        public int getPositionIncrementGap(String field) {
            return 100;   // no phrase across title and body
        }
    };

    static FacetsConfig facetsConfig() {
        FacetsConfig config = new FacetsConfig();
        config.setMultiValued("speaker", true);
        config.setMultiValued("country", true);
        return config;
    }

    static List<String> dictionary(String path) throws IOException {
        List<String> names = new ArrayList<>();
        names.add("");   // ids start at 1
        names.addAll(Files.readAllLines(Paths.get(path), StandardCharsets.UTF_8));
        return names;
    }

    static void index(String dir, String tsv, String speakersPath, String countriesPath) throws IOException {
        List<String> speakers = dictionary(speakersPath), countries = dictionary(countriesPath);
        IndexWriterConfig cfg = new IndexWriterConfig(Version.LUCENE_4_10_4, ANALYZER);
        cfg.setOpenMode(IndexWriterConfig.OpenMode.CREATE);
        cfg.setSimilarity(new BM25Similarity());
        cfg.setRAMBufferSizeMB(256);   // flush by memory rather than Lucene's small default
        FacetsConfig config = facetsConfig();
        try (IndexWriter writer = new IndexWriter(FSDirectory.open(new File(dir)), cfg);
             BufferedReader in = Files.newBufferedReader(Paths.get(tsv), StandardCharsets.UTF_8)) {
            for (String line; (line = in.readLine()) != null;) {
                String[] c = line.split("\t", -1);
                Document doc = new Document();
                doc.add(new StringField("id", c[1], Field.Store.YES));
                doc.add(new TextField("text", c[2], Field.Store.NO));
                doc.add(new TextField("text", c[3], Field.Store.NO));
                addFacet(doc, "speaker", c[4], speakers);
                addFacet(doc, "country", c[5], countries);
                writer.addDocument(config.build(doc));
            }
            writer.commit();
        }
    }

    static void addFacet(Document doc, String dim, String ids, List<String> names) {
        if (ids.isEmpty()) return;
        for (String id : ids.split(",")) {
            String name = names.get(Integer.parseInt(id));
            // Lucene refuses an empty label; newsdesk's extraction gave one once (an empty
            // organisation in bbc-politics-054), which the other engines count as a value.
            if (!name.isEmpty()) doc.add(new SortedSetDocValuesFacetField(dim, name));
        }
    }

    // --- the query mix: the same grammar as bench/common/query_mix.cpp ---

    static final class Atom {
        String kind;   // word, phrase, filter
        List<String> words = new ArrayList<>();
        String field, value;
    }

    static final class Group {
        List<Atom> any = new ArrayList<>();
        boolean negated;
    }

    static final class MixQuery {
        String text;
        List<Group> all = new ArrayList<>();
    }

    static List<String> tokens(String line) {
        List<String> out = new ArrayList<>();
        int i = 0;
        while (i < line.length()) {
            char ch = line.charAt(i);
            if (ch == ' ') { i++; continue; }
            if (ch == '(' || ch == ')') { out.add(String.valueOf(ch)); i++; continue; }
            int end = i;
            while (end < line.length() && " ()".indexOf(line.charAt(end)) < 0) {
                if (line.charAt(end) == '"') end = line.indexOf('"', end + 1);   // a quoted part
                if (end < 0) throw new IllegalArgumentException("unclosed quote in: " + line);
                end++;
            }
            out.add(line.substring(i, end));
            i = end;
        }
        return out;
    }

    static Atom atom(String token) {
        Atom a = new Atom();
        int colon = token.indexOf(':');
        if (colon > 0 && !token.startsWith("\"")) {
            a.kind = "filter";
            a.field = token.substring(0, colon);
            a.value = token.substring(colon + 1).replace("\"", "");
        } else if (token.startsWith("\"")) {
            a.kind = "phrase";
            a.words.addAll(Arrays.asList(token.substring(1, token.length() - 1).split(" +")));
        } else {
            a.kind = "word";
            a.words.add(token);
        }
        return a;
    }

    static MixQuery parse(String line) {
        MixQuery q = new MixQuery();
        q.text = line;
        List<String> t = tokens(line);
        int i = 0;
        while (i < t.size()) {
            Group g = new Group();
            if (t.get(i).equals("NOT")) { g.negated = true; i++; }
            if (t.get(i).equals("(")) {
                i++;
                g.any.add(atom(t.get(i++)));
                while (t.get(i).equals("OR")) { g.any.add(atom(t.get(i + 1))); i += 2; }
                i++;   // ")"
            } else {
                g.any.add(atom(t.get(i++)));
            }
            q.all.add(g);
            while (i < t.size() && t.get(i).equals("OR")) { g.any.add(atom(t.get(i + 1))); i += 2; }
        }
        return q;
    }

    // --- Lucene queries from the mix ---

    static List<String[]> analyse(String text) throws IOException {
        List<String[]> out = new ArrayList<>();   // {term, position}
        try (TokenStream ts = ANALYZER.tokenStream("text", text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            PositionIncrementAttribute inc = ts.addAttribute(PositionIncrementAttribute.class);
            ts.reset();
            int pos = -1;
            while (ts.incrementToken()) {
                pos += inc.getPositionIncrement();
                out.add(new String[] {term.toString(), Integer.toString(pos)});
            }
            ts.end();
        }
        return out;
    }

    static Query textQuery(Atom a) throws IOException {
        List<String[]> terms = analyse(String.join(" ", a.words));
        if (terms.size() == 1) return new TermQuery(new Term("text", terms.get(0)[0]));
        PhraseQuery phrase = new PhraseQuery();   // a phrase, or a word the analyser split
        for (String[] t : terms) phrase.add(new Term("text", t[0]), Integer.parseInt(t[1]));
        return phrase;
    }

    static Query build(MixQuery q, FacetsConfig config) throws IOException {
        BooleanQuery text = new BooleanQuery();
        boolean hasText = false;
        List<Atom> filters = new ArrayList<>();
        for (Group g : q.all) {
            if (g.any.get(0).kind.equals("filter")) { filters.add(g.any.get(0)); continue; }
            Query group;
            if (g.any.size() == 1) {
                group = textQuery(g.any.get(0));
            } else {
                BooleanQuery any = new BooleanQuery();
                for (Atom a : g.any) any.add(textQuery(a), BooleanClause.Occur.SHOULD);
                group = any;
            }
            text.add(group, g.negated ? BooleanClause.Occur.MUST_NOT : BooleanClause.Occur.MUST);
            hasText |= !g.negated;
        }
        if (filters.isEmpty()) return text;
        DrillDownQuery drill = hasText ? new DrillDownQuery(config, text) : new DrillDownQuery(config);
        for (Atom f : filters) drill.add(f.field, f.value);
        return drill;
    }

    // --- the timed loop and its JSON ---

    static String json(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char ch : s.toCharArray()) {
            if (ch == '"' || ch == '\\') b.append('\\').append(ch);
            else if (ch < 0x20) b.append(String.format("\\u%04x", (int) ch));
            else b.append(ch);
        }
        return b.append('"').toString();
    }

    static String facetJson(FacetResult r) {
        List<String> values = new ArrayList<>();
        if (r != null)
            for (LabelAndValue lv : r.labelValues) values.add("[" + json(lv.label) + ", " + lv.value.intValue() + "]");
        return "[" + String.join(", ", values) + "]";
    }

    static void query(String dir, String queriesPath, int rounds, String outPath) throws IOException {
        FacetsConfig config = facetsConfig();
        List<MixQuery> mix = new ArrayList<>();
        for (String line : Files.readAllLines(Paths.get(queriesPath), StandardCharsets.UTF_8))
            if (!line.isEmpty() && !line.startsWith("#")) mix.add(parse(line));
        try (DirectoryReader reader = DirectoryReader.open(FSDirectory.open(new File(dir)))) {
            IndexSearcher searcher = new IndexSearcher(reader);
            searcher.setSimilarity(new BM25Similarity());
            // Per reader, like any engine's open index: maps the facet labels to ordinals.
            SortedSetDocValuesReaderState state = new DefaultSortedSetDocValuesReaderState(reader);
            List<String> answers = new ArrayList<>();
            List<List<Double>> latencies = new ArrayList<>();
            long[] totals = new long[mix.size()];
            for (int i = 0; i < mix.size(); i++) {   // warm-up: the answers kept
                StringBuilder a = new StringBuilder();
                totals[i] = run(searcher, state, build(mix.get(i), config), a);
                answers.add(a.toString());
                latencies.add(new ArrayList<>());
            }
            for (int round = 0; round < rounds; round++) {
                for (int i = 0; i < mix.size(); i++) {
                    long start = System.nanoTime();
                    long total = run(searcher, state, build(mix.get(i), config), null);
                    latencies.get(i).add((System.nanoTime() - start) / 1e6);
                    if (total != totals[i]) throw new IllegalStateException("total changed: " + mix.get(i).text);
                }
            }
            try (PrintWriter out = new PrintWriter(outPath, StandardCharsets.UTF_8)) {
                out.println("{\"engine\": \"lucene\", \"rounds\": " + rounds + ", \"queries\": [");
                for (int i = 0; i < mix.size(); i++) {
                    List<String> ms = new ArrayList<>();
                    for (double d : latencies.get(i)) ms.add(Double.toString(d));
                    out.println(" {\"query\": " + json(mix.get(i).text) + ", " + answers.get(i) +
                                ", \"latencies_ms\": [" + String.join(", ", ms) + "]}" + (i + 1 < mix.size() ? "," : ""));
                }
                out.println("]}");
            }
        }
    }

    // Top 10 and both facets over every match; `answer`, when given, gets the JSON fields.
    static long run(IndexSearcher searcher, SortedSetDocValuesReaderState state, Query query, StringBuilder answer)
            throws IOException {
        FacetsCollector fc = new FacetsCollector();
        TopDocs top = FacetsCollector.search(searcher, query, TOP_HITS, fc);
        Facets facets = new SortedSetDocValuesFacetCounts(state, fc);
        FacetResult speakers = facets.getTopChildren(TOP_VALUES, "speaker");
        FacetResult countries = facets.getTopChildren(TOP_VALUES, "country");
        List<String> ids = new ArrayList<>();
        for (ScoreDoc sd : top.scoreDocs) ids.add(json(searcher.doc(sd.doc).get("id")));
        if (answer != null)
            answer.append("\"total\": ").append(top.totalHits).append(", \"top_ids\": [").append(String.join(", ", ids))
                  .append("], \"facets\": {\"speaker\": ").append(facetJson(speakers))
                  .append(", \"country\": ").append(facetJson(countries)).append("}");
        return top.totalHits;
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 5 && args[0].equals("index")) index(args[1], args[2], args[3], args[4]);
        else if (args.length == 5 && args[0].equals("query")) query(args[1], args[2], Integer.parseInt(args[3]), args[4]);
        else {
            System.err.println("usage: BenchLucene index DIR PEERS.tsv SPEAKERS.txt COUNTRIES.txt | query DIR QUERIES ROUNDS OUT.json");
            System.exit(2);
        }
    }
}
