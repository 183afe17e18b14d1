// Plain Xapian: what a minimal program gets from the library newsdesk is built on, and so the
// floor newsdesk must beat. TermGenerator (positions, English stemmer), one boolean term per
// facet value for filters, one value slot per facet holding the article's values, and a small
// MatchSpy counting each value once per article over the whole match set.
#include <filesystem>
#include <iostream>

#include <xapian.h>

#include "peer_corpus.hpp"
#include "query_loop.hpp"

namespace {

constexpr const char* Usage =
    "usage: bench_xapian index DB PEERS.tsv SPEAKERS.txt COUNTRIES.txt [--store-text]\n"
    "       bench_xapian query DB QUERIES ROUNDS OUT.json\n";

constexpr Xapian::valueno SpeakerSlot = 0, CountrySlot = 1;
constexpr char Separator = '\x1f';   // between the values of one slot: never in a name
const std::string SpeakerPrefix = "XS", CountryPrefix = "XC";

std::string joined(const std::vector<std::uint32_t>& ids, const std::vector<std::string>& names) {
    std::string out;
    for (const auto id : ids) {
        if (!out.empty()) out += Separator;
        out += names.at(id);
    }
    return out;
}

// --store-text keeps each article's title and body as its document data, as newsdesk must for
// its snippets and its article API: the size a search engine over the same text starts from.
void index(const std::string& db_path, const std::vector<std::string>& args) {
    const bool store_text = args.size() == 4 && args[3] == "--store-text";
    if (args.size() != 3 && !store_text) throw std::runtime_error(Usage);
    const auto speakers = bench::read_dictionary(args[1]);
    const auto countries = bench::read_dictionary(args[2]);
    Xapian::WritableDatabase db(db_path, Xapian::DB_CREATE_OR_OVERWRITE);
    Xapian::TermGenerator tg;
    tg.set_stemmer(Xapian::Stem("english"));
    bench::PeerCorpus corpus(args[0]);
    bench::PeerArticle a;
    while (corpus.next(a)) {
        Xapian::Document doc;
        tg.set_document(doc);
        tg.index_text(a.title, 3);   // title words weigh three times, as in newsdesk
        tg.increase_termpos();       // no phrase across title and body
        tg.index_text(a.body);
        for (const auto id : a.speakers) doc.add_boolean_term(SpeakerPrefix + speakers.at(id));
        for (const auto id : a.countries) doc.add_boolean_term(CountryPrefix + countries.at(id));
        doc.add_value(SpeakerSlot, joined(a.speakers, speakers));
        doc.add_value(CountrySlot, joined(a.countries, countries));
        doc.add_boolean_term("Q" + a.id);
        doc.set_data(store_text ? a.id + '\n' + a.title + '\n' + a.body : a.id);
        // A new database numbers documents 1, 2, ... as peers.tsv does: add_document() keeps them
        // equal without replace_document()'s lookup.
        if (db.add_document(doc) != a.docid) throw std::runtime_error("peers.tsv: docids out of order");
    }
    db.commit();   // otherwise Xapian's default: a commit every 10,000 documents
    db.close();
    // Compacted at the end, inside the timed run, as newsdesk's bulk load is: both indexes are
    // then final, as the other peers' are.
    const auto compacted = db_path + ".compacted";
    std::filesystem::remove_all(compacted);
    Xapian::Database(db_path).compact(compacted, Xapian::Compactor::FULL);
    std::filesystem::remove_all(db_path);
    std::filesystem::rename(compacted, db_path);
}

// Counts each value of a multi-valued slot once per matching article.
class MultiValueSpy : public Xapian::MatchSpy {
public:
    explicit MultiValueSpy(Xapian::valueno slot) : slot_(slot) {}
    void operator()(const Xapian::Document& doc, double) override {
        const std::string v = doc.get_value(slot_);
        std::size_t start = 0;
        while (start < v.size()) {
            auto end = v.find(Separator, start);
            if (end == std::string::npos) end = v.size();
            ++counts[v.substr(start, end - start)];
            start = end + 1;
        }
    }
    std::unordered_map<std::string, std::uint64_t> counts;

private:
    Xapian::valueno slot_;
};

Xapian::Query atom_query(const bench::Atom& atom, Xapian::QueryParser& qp) {
    switch (atom.kind) {
    case bench::Atom::Kind::Filter:
        return Xapian::Query((atom.field == "speaker" ? SpeakerPrefix : CountryPrefix) + atom.value);
    case bench::Atom::Kind::Word: return qp.parse_query(atom.words[0]);   // its tokenizer and stemmer
    case bench::Atom::Kind::Phrase: {
        std::string phrase;
        for (const auto& w : atom.words) phrase += (phrase.empty() ? "" : " ") + w;
        return qp.parse_query(bench::quoted(phrase), Xapian::QueryParser::FLAG_PHRASE);
    }
    }
    return {};
}

// AND of the positive groups, AND_NOT the negated ones, FILTER by the facet terms.
Xapian::Query build_query(const bench::MixQuery& q, Xapian::QueryParser& qp) {
    std::vector<Xapian::Query> positive, negative, filters;
    for (const auto& g : q.all) {
        std::vector<Xapian::Query> any;
        for (const auto& a : g.any) any.push_back(atom_query(a, qp));
        Xapian::Query group(Xapian::Query::OP_OR, any.begin(), any.end());
        if (g.any.front().kind == bench::Atom::Kind::Filter) filters.push_back(group);
        else (g.negated ? negative : positive).push_back(group);
    }
    Xapian::Query filter(Xapian::Query::OP_AND, filters.begin(), filters.end());
    Xapian::Query query = positive.empty() ? Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, filter, 0.0)
                                           : Xapian::Query(Xapian::Query::OP_AND, positive.begin(), positive.end());
    if (!negative.empty())
        query = Xapian::Query(Xapian::Query::OP_AND_NOT, query,
                              Xapian::Query(Xapian::Query::OP_OR, negative.begin(), negative.end()));
    if (!filters.empty() && !positive.empty()) query = Xapian::Query(Xapian::Query::OP_FILTER, query, filter);
    return query;
}

void query(const std::string& db_path, const std::vector<std::string>& args) {
    const auto mix = bench::read_query_mix(args[0]);
    Xapian::Database db(db_path);
    Xapian::QueryParser qp;
    qp.set_stemmer(Xapian::Stem("english"));
    qp.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
    qp.set_database(db);
    bench::run_query_mix("xapian", mix, std::stoi(args[1]), [&](const bench::MixQuery& q) {
        Xapian::Enquire enquire(db);
        enquire.set_query(build_query(q, qp));
        MultiValueSpy speakers(SpeakerSlot), countries(CountrySlot);
        enquire.add_matchspy(&speakers);
        enquire.add_matchspy(&countries);
        // checkatleast = every document: the spies see the whole match set, the total is exact.
        const auto mset = enquire.get_mset(0, bench::TopHits, db.get_doccount());
        bench::QueryResult r{mset.get_matches_estimated(), {}, bench::top_values(speakers.counts),
                             bench::top_values(countries.counts)};
        for (auto it = mset.begin(); it != mset.end(); ++it) r.top_ids.push_back(it.get_document().get_data());
        return r;
    }, args[2]);
}

} // namespace

int main(int argc, char** argv) {
    return bench::run_driver("bench_xapian", argc, argv, Usage, [](const bench::Command& cmd) {
        try {
            if (cmd.mode == "index") index(cmd.db, cmd.args);
            else query(cmd.db, cmd.args);
        } catch (const Xapian::Error& e) {   // not a std::exception
            throw std::runtime_error(e.get_description());
        }
    });
}
