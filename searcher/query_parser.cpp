#include "searcher/query_parser.hpp"

#include <algorithm>
#include <map>
#include <memory>
#include <set>

#include "text/stemmers.hpp"
#include "schema/schema.hpp"
#include "searcher/date_query.hpp"
#include "searcher/field_processors.hpp"
#include "searcher/query_tokens.hpp"

namespace newsdesk {
namespace {

// Bounds that keep every query's time and memory small. Xapian's parser takes time growing
// with the square of an OR chain's length (10,000 terms: 3 s), and a wildcard's time with the
// number of words it expands to (200,000 words: over 2 minutes). Both count what the parser
// reads, however it is separated: `said,said`, `(s*)(c*)`, NBSP and U+3000 separate words too.
constexpr std::size_t MaxQueryWords = 1000;
constexpr Xapian::termcount MaxWildcardWords = 10000;   // for all wildcards of a query together
// The exact forms a stem is widened to. Each occurrence of a stemmed word costs this many
// terms at most, so a word repeated n times costs n (once per occurrence it was n times n).
constexpr std::size_t MaxUnstemmedForms = 16;

// Refuses queries with more than MaxQueryWords terms: words, operators and field values, each
// word of a phrase of split text (Chinese, Japanese, Thai) included.
void check_length(const ScannedQuery& scanned) {
    std::size_t terms = 0;
    for (const auto& token : scanned.tokens)
        if ((terms += token.terms) > MaxQueryWords)
            throw QueryError("too long: more than " + std::to_string(MaxQueryWords) + " words", token.offset);
}

// The term prefix a wildcard in `field` expands under.
std::string wildcard_prefix(const schema::Field* field, QueryTarget target) {
    if (!field) return {};
    const bool quote_text = target == QueryTarget::Quotes && field->name == schema::QuoteText.name;
    return std::string{quote_text ? schema::Body.prefix : field->prefix};
}

// Refuses wildcards that together expand to more words than MaxWildcardWords, before Xapian
// spends minutes expanding them, naming the first that goes over.
void check_wildcards(std::string_view query, const ScannedQuery& scanned, const Xapian::Database& db,
                     QueryTarget target) {
    Xapian::termcount expanded = 0;
    for (const auto& token : scanned.tokens) {
        if (token.kind != QueryToken::Kind::Wildcard) continue;
        const auto pattern = wildcard_prefix(token.field, target) + token.text.substr(0, token.text.size() - 1);
        for (auto t = db.allterms_begin(pattern); t != db.allterms_end(pattern); ++t)
            if (++expanded > MaxWildcardWords)
                throw QueryError("'" + std::string{query.substr(token.offset, token.length)} +
                                 "' matches too many words (the wildcards of a query may expand to " +
                                 std::to_string(MaxWildcardWords) + " in all): give more letters", token.offset);
    }
}

std::unique_ptr<Xapian::QueryParser> make_parser(const Xapian::Database& db, const std::string& stem_language,
                                                QueryTarget target) {
    auto qp = std::make_unique<Xapian::QueryParser>();
    qp->set_database(db);
    qp->set_default_op(Xapian::Query::OP_AND);   // news searchers expect every word to count
    // check_wildcards() and WildcardExpander refuse larger expansions; this bounds a wildcard
    // left to Xapian.
    qp->set_max_expansion(MaxWildcardWords, Xapian::Query::WILDCARD_LIMIT_MOST_FREQUENT);
    if (const auto* stem = stemmer_for(stem_language)) {
        qp->set_stemmer(*stem);
        qp->set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
    }
    for (const auto& field : schema::Fields) {
        const std::string name{field.name};
        switch (field.kind) {
        case schema::Kind::Id: qp->add_boolean_prefix(name, std::string{field.prefix}); break;
        case schema::Kind::Text: {
            const bool quote_text = target == QueryTarget::Quotes && field.name == schema::QuoteText.name;
            qp->add_prefix(name, quote_text ? std::string{schema::Body.prefix} : std::string{field.prefix});
            break;
        }
        case schema::Kind::Exact:
        case schema::Kind::ExactMulti: {
            Xapian::FieldProcessor* proc;
            if (field.country) proc = new CountryFieldProcessor(field);   // codes from names
            else if (!field.word_prefix.empty()) proc = new NameFieldProcessor(field);
            else proc = new ExactFieldProcessor(field);
            // Single-valued fields OR repeated filters (source:a source:b); multi-valued AND them.
            qp->add_boolean_prefix(name, proc->release(), field.kind == schema::Kind::Exact);
            break;
        }
        case schema::Kind::Date:   // periods and ranges: no range processor (date_query.hpp)
            qp->add_boolean_prefix(name, (new DateFieldProcessor)->release());
            break;
        }
    }
    return qp;
}

// `q` rebuilt with `leaf` applied to every subquery that is not a compound of others: the one
// walk over what the parser made, shared by the rewrites below. Phrases, NEAR and weight
// scaling are leaves here: the parser puts no stem or wildcard inside them.
template <typename Leaf>
Xapian::Query rewrite_leaves(const Xapian::Query& q, Leaf& leaf) {
    switch (const auto type = q.get_type()) {
    case Xapian::Query::OP_AND: case Xapian::Query::OP_OR: case Xapian::Query::OP_AND_NOT:
    case Xapian::Query::OP_XOR: case Xapian::Query::OP_AND_MAYBE: case Xapian::Query::OP_FILTER:
    case Xapian::Query::OP_SYNONYM: case Xapian::Query::OP_MAX: {
        std::vector<Xapian::Query> subs;
        subs.reserve(q.get_num_subqueries());
        for (std::size_t i = 0; i < q.get_num_subqueries(); ++i) subs.push_back(rewrite_leaves(q.get_subquery(i), leaf));
        return Xapian::Query(type, subs.begin(), subs.end());
    }
    default:
        return leaf(q);
    }
}

// Each stemmed term also matches the exact words it came from: the query's stemmer may not
// be the one an article was indexed with. The parser lists the words of a stem once per
// occurrence, so each stem's distinct forms are gathered once, for all its occurrences.
class StemWidener {
public:
    explicit StemWidener(const Xapian::QueryParser& qp) : qp_(qp) {}

    Xapian::Query operator()(const Xapian::Query& q) {
        if (q.get_type() != Xapian::Query::LEAF_TERM) return q;
        const auto term = *q.get_terms_begin();
        if (term.empty() || term.front() != schema::StemPrefix.front()) return q;
        const auto& exact = forms(term);
        if (exact.empty()) return q;
        std::vector<Xapian::Query> forms{q};
        forms.insert(forms.end(), exact.begin(), exact.end());
        return Xapian::Query(Xapian::Query::OP_SYNONYM, forms.begin(), forms.end());
    }

private:
    // The exact words a stem term ("Z" + field prefix + stem) came from, each once, prefixed.
    const std::vector<Xapian::Query>& forms(const std::string& term) {
        const auto [known, fresh] = forms_.try_emplace(term);
        if (!fresh) return known->second;
        // The parser's unstem list holds the words without prefix.
        std::size_t prefix_end = 1;
        if (term.size() > 1 && term[1] == 'X') prefix_end = term.find(':') + 1;
        else if (term.size() > 1 && term[1] >= 'A' && term[1] <= 'Z') prefix_end = 2;
        const auto prefix = term.substr(1, prefix_end - 1);
        std::set<std::string> seen;
        for (auto u = qp_.unstem_begin(term); u != qp_.unstem_end(term) && seen.size() < MaxUnstemmedForms; ++u)
            if (seen.insert(*u).second) known->second.emplace_back(prefix + *u);
        return known->second;
    }

    const Xapian::QueryParser& qp_;
    std::map<std::string, std::vector<Xapian::Query>> forms_;
};

// Xapian 1.4 expands a wildcard in each shard on its own and weights the words found with
// that shard's statistics, so a sharded archive would score `minist*` unlike one database.
// Expanded here, over all shards at once, the words are weighted as one database weights them
// (an explicit synonym is what the parser's wildcard means). Xapian 1.4 offers no accessor for
// a wildcard's pattern; its description, "WILDCARD SYNONYM pattern", is read instead, and a
// wildcard described otherwise is left to Xapian, counted as the most it may expand to.
// Every wildcard the parser made is counted, so the limit holds even for one that
// check_wildcards() did not see.
class WildcardExpander {
public:
    explicit WildcardExpander(const Xapian::Database& db) : db_(db) {}

    Xapian::Query operator()(const Xapian::Query& q) {
        if (q.get_type() != Xapian::Query::OP_WILDCARD) return q;
        constexpr std::string_view Head = "Query(WILDCARD SYNONYM ";
        const auto description = q.get_description();
        const auto pattern = description.starts_with(Head) && description.ends_with(")")
                                 ? description.substr(Head.size(), description.size() - Head.size() - 1)
                                 : std::string{};
        if (pattern.empty() || pattern.find(' ') != std::string::npos) {
            count(MaxWildcardWords);
            return q;
        }
        std::vector<Xapian::Query> words;
        for (auto t = db_.allterms_begin(pattern); t != db_.allterms_end(pattern); ++t) {
            count(1);
            words.emplace_back(*t);
        }
        if (words.empty()) return Xapian::Query::MatchNothing;
        return Xapian::Query(Xapian::Query::OP_SYNONYM, words.begin(), words.end());
    }

private:
    void count(Xapian::termcount words) {
        if ((expanded_ += words) > MaxWildcardWords)
            throw QueryError("the wildcards match too many words (a query's may expand to " +
                             std::to_string(MaxWildcardWords) + " in all): give more letters", std::string::npos);
    }

    const Xapian::Database& db_;
    Xapian::termcount expanded_ = 0;
};

} // namespace

Xapian::Query expand_wildcards(const Xapian::Query& query, const Xapian::Database& db) {
    WildcardExpander expand(db);
    return rewrite_leaves(query, expand);
}

std::string normalise_query(std::string_view text) { return scan_query(text).text; }

ParsedQuery parse_query(const std::string& text, const Xapian::Database& db, const std::string& stem_language,
                        QueryTarget target) {
    ParsedQuery parsed;
    const auto scanned = scan_query(text);
    check_length(scanned);
    if (std::all_of(scanned.tokens.begin(), scanned.tokens.end(),
                    [](const QueryToken& t) { return t.kind == QueryToken::Kind::Space; })) {
        parsed.query = Xapian::Query::MatchAll;   // browse everything, with facets
        return parsed;
    }
    check_wildcards(text, scanned, db, target);
    const auto qp = make_parser(db, stem_language, target);
    constexpr unsigned flags = Xapian::QueryParser::FLAG_DEFAULT | Xapian::QueryParser::FLAG_WILDCARD |
                               Xapian::QueryParser::FLAG_PURE_NOT;
    take_refused_value();   // nothing left over from an earlier parse
    try {
        // One walk: a stem widened is a synonym of plain terms, which the expander leaves alone.
        StemWidener widen(*qp);
        WildcardExpander expand(db);
        auto widen_then_expand = [&](const Xapian::Query& leaf) { return expand(widen(leaf)); };
        parsed.query = rewrite_leaves(qp->parse_query(scanned.text, flags), widen_then_expand);
    } catch (const Xapian::QueryParserError& e) {
        take_refused_value();
        throw QueryError(e.get_msg(), std::string::npos);
    }
    if (auto refused = take_refused_value(); !refused.empty()) throw QueryError(refused, std::string::npos);
    for (auto t = parsed.query.get_unique_terms_begin(); t != parsed.query.get_unique_terms_end(); ++t) {
        const std::string& term = *t;
        const bool upper = !term.empty() && term[0] >= 'A' && term[0] <= 'Z';
        if (!upper) parsed.words.push_back(term);
        else if (term.size() > 1 && term[0] == schema::StemPrefix.front() && !(term[1] >= 'A' && term[1] <= 'Z'))
            parsed.stems.push_back(term.substr(1));
    }
    for (const auto& token : scanned.tokens) {   // "sanction*" -> mark words starting "sanction"
        if (token.kind != QueryToken::Kind::Wildcard || (token.field && token.field->name != schema::Body.name)) continue;
        auto stem = token.text.substr(0, token.text.size() - 1);
        if (std::find(parsed.wildcards.begin(), parsed.wildcards.end(), stem) == parsed.wildcards.end())
            parsed.wildcards.push_back(std::move(stem));
    }
    return parsed;
}

} // namespace newsdesk
