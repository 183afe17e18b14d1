#include <algorithm>
#include <map>

#include <catch2/catch.hpp>

#include "indexer/index_writer.hpp"
#include "indexer/name_evidence.hpp"
#include "indexer/speaker_registry.hpp"
#include "schema/terms.hpp"
#include "storage/database.hpp"
#include "searcher/search.hpp"
#include "support/temp_dir.hpp"

using namespace newsdesk;
using newsdesk::testing::TempDir;

namespace {

// SurnameEvidence fed with `spellings`, one article each, in this order.
SurnameEvidence evidence_of(const std::vector<std::string>& spellings) {
    SurnameEvidence e;
    for (const auto& s : spellings) e.add(s, schema::speaker_name_words(s));
    return e;
}

std::string canonical(SurnameEvidence& e, const std::string& name) {
    return e.canonical(name, schema::speaker_name_words(name));
}

Article article(const std::string& id, std::vector<std::string> speakers, std::vector<Quote> quotes = {}) {
    Article a;
    a.id = id;
    a.body = "Nothing was said.";
    a.speakers = std::move(speakers);
    a.quotes = std::move(quotes);
    return a;
}

// The speaker facet of every article: value -> count.
std::map<std::string, std::uint64_t> speaker_facet(const std::filesystem::path& db) {
    SearchRequest r;
    r.facets = {"speaker"};
    r.facet_limit = 100;
    const auto results = search(open_database(db), r);
    std::map<std::string, std::uint64_t> out;
    for (const auto& v : results.facets.at(0).values) out[v.value] = v.count;
    return out;
}

// Who said each quote, by the quote's text, as the quote records answer.
std::map<std::string, std::string> quote_speakers(const std::filesystem::path& db) {
    SearchRequest r;
    r.limit = 100;
    const auto results = search_quotes(open_database(db), r);
    std::map<std::string, std::string> out;
    for (const auto& h : results.hits) out[h.record.quote.text] = h.record.quote.speaker;
    return out;
}

} // namespace

TEST_CASE("a name settles to the one person the evidence knows by it", "[registry]") {
    auto e = evidence_of({"Recep Tayyip Erdoğan", "Recep Tayyip Erdogan", "Recep Tayyip Erdoğan", "Tayyip Erdogan", "Erdogan"});
    CHECK(canonical(e, "Recep Tayyip Erdogan") == "Recep Tayyip Erdoğan");   // accents folded, most written
    CHECK(canonical(e, "RECEP TAYYIP ERDOGAN") == "Recep Tayyip Erdoğan");
    CHECK(canonical(e, "Tayyip Erdogan") == "Recep Tayyip Erdoğan");         // held by a longer name
    CHECK(canonical(e, "Erdogan") == "Recep Tayyip Erdoğan");                // the surname alone: no rival
    CHECK(canonical(e, "Bilal Erdogan") == "Bilal Erdogan");                 // not known: as it is

    e.add("Emine Erdogan", schema::speaker_name_words("Emine Erdogan"));
    CHECK(canonical(e, "Emine Erdogan") == "Emine Erdogan");                 // another person
    CHECK(canonical(e, "Erdogan") == "Erdogan");                             // which one? keep it
    CHECK(canonical(e, "ERDOGAN") == "Erdogan");                             // as the archive writes it
    CHECK(canonical(e, "Tayyip Erdogan") == "Recep Tayyip Erdoğan");         // still only one holds it

    e.set("Emine Erdogan", schema::speaker_name_words("Emine Erdogan"), 0);  // her articles removed
    CHECK(canonical(e, "Erdogan") == "Recep Tayyip Erdoğan");
}

TEST_CASE("a person is written as the full name most articles write, not a rare longer one", "[registry]") {
    // Forms with a word glued on by a faulty extraction hold "Donald Trump", and each other:
    // one person, written as the archive mostly writes him.
    auto e = evidence_of({"Donald Trump", "Donald Trump", "Donald Trump", "Developer Donald Trump", "Developer Donald Trump",
                          "Entrusting Donald Trump", "Trump", "Trump"});
    CHECK(canonical(e, "Developer Donald Trump") == "Donald Trump");
    CHECK(canonical(e, "Entrusting Donald Trump") == "Donald Trump");
    CHECK(canonical(e, "Trump") == "Donald Trump");
    e.add("Melania Trump", schema::speaker_name_words("Melania Trump"));
    CHECK(canonical(e, "Trump") == "Trump");                      // two Trumps now
    CHECK(canonical(e, "Developer Donald Trump") == "Donald Trump");
    CHECK(canonical(e, "Melania Trump") == "Melania Trump");

    // The form shown follows the counts as they change.
    e = evidence_of({"George Bush", "George Bush", "George W Bush"});
    CHECK(canonical(e, "George W Bush") == "George Bush");
    e.add("George W Bush", schema::speaker_name_words("George W Bush"));   // a tie: the fuller name
    CHECK(canonical(e, "George Bush") == "George W Bush");
    e.add("George Bush", schema::speaker_name_words("George Bush"));
    CHECK(canonical(e, "George W Bush") == "George Bush");

    e = evidence_of({"Lindsey Graham", "Lindsey Graham", "Lindsey O. Graham"});
    CHECK(canonical(e, "Lindsey O. Graham") == "Lindsey Graham");
    e = evidence_of({"Lindsey Graham", "Lindsey O. Graham"});     // a tie: the fuller name
    CHECK(canonical(e, "Lindsey Graham") == "Lindsey O. Graham");
}

TEST_CASE("the spelling shown is the one most articles write, in normal case over capitals", "[registry]") {
    auto e = evidence_of({"HASSAN ROUHANI", "HASSAN ROUHANI", "HASSAN ROUHANI", "Hassan Rouhani"});
    CHECK(canonical(e, "HASSAN ROUHANI") == "Hassan Rouhani");   // a headline's capitals lose
    e = evidence_of({"Hassan Rohani", "Hassan Rouhani", "Hassan Rouhani"});
    CHECK(canonical(e, "Hassan Rohani") == "Hassan Rohani");     // other words: never merged by count
    e = evidence_of({"Hassan Rouhāni", "Hassan Rouhani", "Hassan Rouhāni"});
    CHECK(canonical(e, "Hassan Rouhani") == "Hassan Rouhāni");
    e = evidence_of({"Hassan Rouhāni", "Hassan Rouhani"});       // a tie: the first in byte order
    CHECK(canonical(e, "Hassan Rouhāni") == "Hassan Rouhani");
}

TEST_CASE("the canonical forms do not depend on the order the names were counted in", "[registry]") {
    std::vector<std::string> spellings{"Erdogan", "Recep Tayyip Erdoğan", "RECEP TAYYIP ERDOGAN",
                                       "Recep Tayyip Erdogan", "Tayyip Erdogan", "Recep Tayyip Erdogan"};
    std::sort(spellings.begin(), spellings.end());
    std::map<std::string, std::string> first;
    int orders = 0;
    do {
        auto e = evidence_of(spellings);
        std::map<std::string, std::string> settled;
        for (const auto& s : spellings) settled[s] = canonical(e, s);
        if (orders++ == 0) first = settled;
        CHECK(settled == first);
    } while (std::next_permutation(spellings.begin(), spellings.end()));
    CHECK(first.at("Erdogan") == "Recep Tayyip Erdogan");   // two articles to one Erdoğan
}

TEST_CASE("the in-memory registry settles an article's names and quotes and lists a person once", "[registry]") {
    SpeakerRegistry registry;
    auto a = article("1", {"Tayyip Erdogan", "Recep Tayyip Erdogan", "Emine Erdogan"},
                     {{"Tayyip Erdogan", "trade will grow", "said", 0, false}});
    registry.count(a);
    registry.apply(a);
    CHECK(a.speakers == std::vector<std::string>{"Recep Tayyip Erdogan", "Emine Erdogan"});
    CHECK(a.quotes.at(0).speaker == "Recep Tayyip Erdogan");
    CHECK(registry.canonical("Erdogan") == "Erdogan");   // two Erdogans in the evidence
}

TEST_CASE("the writer counts one person under one facet value", "[registry]") {
    TempDir dir;
    {
        IndexWriter w(dir / "db");
        Article a;
        a.id = "1";
        a.body = "x";
        a.speakers = {"Recep Tayyip Erdogan"};
        w.add(a);
        a.id = "2";
        a.speakers = {"Tayyip Erdoğan"};
        a.quotes = {{"Tayyip Erdoğan", "trade will grow", "said", 0, false}};
        w.add(a);
        w.commit();
    }
    SearchRequest r;
    r.query = "";
    r.facets = {"speaker"};
    const auto res = search(open_database(dir / "db"), r);
    REQUIRE(res.facets[0].values.size() == 1);
    CHECK(res.facets[0].values[0].value == "Recep Tayyip Erdogan");
    CHECK(res.facets[0].values[0].count == 2);
    r.query = "speaker:\"recep tayyip erdogan\"";
    CHECK(search_quotes(open_database(dir / "db"), r).total == 1);
}

TEST_CASE("committed articles are settled again when the evidence changes their names", "[registry]") {
    TempDir dir;
    const auto db = dir / "db";
    const Quote told{"Erdogan", "the talks would go on", "told", 0, false};
    {
        IndexWriter w(db);   // the surname first, alone: it is all the archive knows
        w.add(article("bare", {"Erdogan"}, {told}));
        w.add(article("other", {"Hassan Rouhani"}, {{"Hassan Rouhani", "we will answer", "said", 0, false}}));
        w.commit();
    }
    CHECK(speaker_facet(db) == std::map<std::string, std::uint64_t>{{"Erdogan", 1}, {"Hassan Rouhani", 1}});
    const auto quote_docids = [&] {
        std::set<Xapian::docid> ids;
        const auto d = open_database(db);
        const auto term = schema::exact_term(schema::DocKind, schema::QuoteKind);
        for (auto p = d.postlist_begin(term); p != d.postlist_end(term); ++p) ids.insert(*p);
        return ids;
    };
    const auto before = quote_docids();
    {
        IndexWriter w(db);   // a later run brings the full name, in another commit
        w.add(article("full", {"Recep Tayyip Erdogan"}));
        w.commit();
    }
    CHECK(speaker_facet(db) == std::map<std::string, std::uint64_t>{{"Recep Tayyip Erdogan", 2}, {"Hassan Rouhani", 1}});
    CHECK(quote_speakers(db).at("the talks would go on") == "Recep Tayyip Erdogan");
    // Only the article whose name changed was written again: Rouhani's quote record is as it was.
    const auto after = quote_docids();
    std::vector<Xapian::docid> kept;
    std::set_intersection(before.begin(), before.end(), after.begin(), after.end(), std::back_inserter(kept));
    CHECK(kept.size() == 1);

    {
        IndexWriter w(db);   // a second Erdogan: the surname alone could be either
        w.add(article("emine", {"Emine Erdogan"}));
        w.commit();
    }
    CHECK(speaker_facet(db) ==
          std::map<std::string, std::uint64_t>{{"Recep Tayyip Erdogan", 1}, {"Erdogan", 1}, {"Emine Erdogan", 1}, {"Hassan Rouhani", 1}});
    CHECK(quote_speakers(db).at("the talks would go on") == "Erdogan");

    {
        IndexWriter w(db);   // she is removed again: the evidence is the archive's articles
        CHECK(w.remove("emine"));
        w.commit();
    }
    CHECK(speaker_facet(db) == std::map<std::string, std::uint64_t>{{"Recep Tayyip Erdogan", 2}, {"Hassan Rouhani", 1}});

    {
        IndexWriter w(db);   // indexing the same articles again changes nothing
        w.add(article("full", {"Recep Tayyip Erdogan"}));
        w.add(article("bare", {"Erdogan"}, {told}));
        w.add(article("full", {"Recep Tayyip Erdogan"}));
        w.commit();
    }
    CHECK(speaker_facet(db) == std::map<std::string, std::uint64_t>{{"Recep Tayyip Erdogan", 2}, {"Hassan Rouhani", 1}});
}

TEST_CASE("a person's form settles again when a later commit's counts change it", "[registry]") {
    TempDir dir;
    const auto db = dir / "db";
    {
        IndexWriter w(db);
        w.set_batch_size(1);   // every article its own commit
        for (const auto* id : {"r1", "r2", "r3"}) w.add(article(id, {"George Bush"}));
        for (const auto* id : {"b1", "b2", "b3", "b4"}) w.add(article(id, {"George W Bush"}));
        w.add(article("p", {"Bush"}));
        w.commit();
    }
    CHECK(speaker_facet(db) == std::map<std::string, std::uint64_t>{{"George W Bush", 8}});
}

TEST_CASE("names given within one batch settle as the whole batch says", "[registry]") {
    TempDir dir;
    const auto db = dir / "db";
    {
        IndexWriter w(db);
        w.add(article("1", {"ERDOGAN"}));
        w.add(article("2", {"Erdogan"}));
        w.add(article("3", {"Recep Tayyip Erdoğan"}));
        w.add(article("4", {"RECEP TAYYIP ERDOGAN"}));
        w.add(article("5", {"RECEP TAYYIP ERDOGAN"}));
        w.commit();
    }
    CHECK(speaker_facet(db) == std::map<std::string, std::uint64_t>{{"Recep Tayyip Erdoğan", 5}});
    SearchRequest r;
    r.query = "speaker:\"Recep Tayyip Erdoğan\"";
    CHECK(search(open_database(db), r).total == 5);
}
