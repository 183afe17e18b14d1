#include "searcher/query_parser.hpp"

#include <algorithm>
#include <cstdio>
#include <memory>

#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/utf8.h>

#include "indexer/stemmers.hpp"
#include "schema/schema.hpp"
#include "schema/text.hpp"
#include "searcher/date_query.hpp"
#include "searcher/field_processors.hpp"

namespace newsdesk {
namespace {

// Bounds that keep every query's time and memory small. Xapian's parser takes time growing
// with the square of an OR chain's length (10,000 terms: 3 s), and a wildcard's time with the
// number of words it expands to (200,000 words: over 2 minutes).
constexpr std::size_t MaxQueryWords = 1000;
constexpr Xapian::termcount MaxWildcardWords = 10000;   // for all wildcards of a query together

bool is_operator(std::string_view token) {
    static constexpr std::string_view ops[] = {"AND", "OR", "NOT", "XOR", "NEAR", "ADJ"};
    const auto base = token.substr(0, token.find('/'));   // NEAR/3
    return std::find(std::begin(ops), std::end(ops), base) != std::end(ops);
}

const schema::Field* field_named(std::string_view name) {
    for (const auto& f : schema::Fields)
        if (f.name == name) return &f;
    return nullptr;
}

std::string field_list() {
    std::string names;
    for (const auto& f : schema::Fields) names += (names.empty() ? "" : ", ") + std::string{f.name};
    return names;
}

// Scripts written without spaces between words: ICU finds the words, we make them a phrase.
bool unspaced_script(std::string_view token) {
    for (int32_t i = 0; i < static_cast<int32_t>(token.size());) {
        UChar32 c;
        U8_NEXT(token.data(), i, static_cast<int32_t>(token.size()), c);
        UErrorCode status = U_ZERO_ERROR;
        switch (uscript_getScript(c, &status)) {
        case USCRIPT_HAN: case USCRIPT_HIRAGANA: case USCRIPT_KATAKANA: case USCRIPT_THAI:
        case USCRIPT_LAO: case USCRIPT_KHMER: case USCRIPT_MYANMAR: return true;
        default: break;
        }
    }
    return false;
}

// Rejects what Xapian's parser would silently reinterpret: an unclosed quote or bracket,
// and a field name the schema does not have.
void check_syntax(std::string_view q) {
    bool in_quote = false;
    std::size_t quote_at = 0;
    std::vector<std::size_t> open;
    for (std::size_t i = 0; i < q.size(); ++i) {
        const char c = q[i];
        if (c == '"') {
            in_quote = !in_quote;
            quote_at = i;
        } else if (in_quote) {
            continue;
        } else if (c == '(') {
            open.push_back(i);
        } else if (c == ')') {
            if (open.empty()) throw QueryError("')' without a matching '('", i);
            open.pop_back();
        } else if (c == ':') {
            std::size_t b = i;
            while (b > 0 && std::isalpha(static_cast<unsigned char>(q[b - 1]))) --b;
            const bool at_token_start = b == 0 || std::string_view{" (+-"}.find(q[b - 1]) != std::string_view::npos;
            const auto name = q.substr(b, i - b);
            const bool url = q.substr(i + 1, 2) == "//";
            const bool no_value = i + 1 == q.size() || q[i + 1] == ' ' || q[i + 1] == ')';
            if (at_token_start && !name.empty() && no_value && field_named(name))
                throw QueryError("'" + std::string{name} + ":' needs a value right after the colon", b);
            if (at_token_start && !name.empty() && !url && !no_value && !field_named(name))
                throw QueryError("unknown field '" + std::string{name} + ":' (fields: " + field_list() + ")", b);
        }
    }
    if (in_quote) throw QueryError("'\"' opens a phrase that is never closed", quote_at);
    if (!open.empty()) throw QueryError("'(' is never closed", open.back());
}

// Refuses bytes that are not text and queries too long to answer quickly; returns the query
// with tabs and line breaks (from pasted text) made spaces.
std::string check_text(std::string_view text) {
    if (const auto bad = text::invalid_utf8_offset(text); bad != std::string_view::npos)
        throw QueryError("not valid UTF-8", bad);
    std::string q{text};
    std::size_t words = 0;
    for (std::size_t i = 0; i < q.size(); ++i) {
        const auto c = static_cast<unsigned char>(q[i]);
        if (c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f') q[i] = ' ';
        else if (c < 0x20 || c == 0x7f) {
            char code[8];
            std::snprintf(code, sizeof code, "U+%04X", c);
            throw QueryError(std::string("control character ") + code + " in the query", i);
        }
        if (q[i] != ' ' && (i == 0 || q[i - 1] == ' ') && ++words > MaxQueryWords)
            throw QueryError("too long: more than " + std::to_string(MaxQueryWords) + " words", i);
    }
    return q;
}

// Refuses wildcards that together expand to more words than MaxWildcardWords, before Xapian
// spends minutes expanding them. Mirrors how the parser reads `word*` and `field:word*`.
void check_wildcards(std::string_view q, const Xapian::Database& db, QueryTarget target) {
    Xapian::termcount expanded = 0;
    bool in_quote = false;
    for (std::size_t pos = 0; pos < q.size();) {
        const auto end = std::min(q.find(' ', pos), q.size());
        auto token = q.substr(pos, end - pos);
        pos = end + 1;
        const bool in_phrase = in_quote || token.find('"') != std::string_view::npos;   // '*' is no wildcard there
        if (std::count(token.begin(), token.end(), '"') % 2) in_quote = !in_quote;
        while (!token.empty() && token.back() == ')') token.remove_suffix(1);
        if (in_phrase || token.size() < 2 || token.back() != '*') continue;
        token.remove_prefix(std::min(token.find_first_not_of("+-("), token.size()));
        std::string prefix;
        if (const auto colon = token.find(':'); colon != std::string_view::npos) {
            const auto* field = field_named(token.substr(0, colon));
            if (!field || field->kind != schema::Kind::Text) continue;   // not expanded by the parser
            const bool quote_text = target == QueryTarget::Quotes && field->name == schema::QuoteText.name;
            prefix = quote_text ? schema::Body.prefix : field->prefix;
            token.remove_prefix(colon + 1);
        }
        const auto stem = text::normalise(token.substr(0, token.size() - 1));
        if (stem.empty() || stem.find('*') != std::string::npos) continue;
        prefix += stem;
        for (auto t = db.allterms_begin(prefix); t != db.allterms_end(prefix); ++t)
            if (++expanded > MaxWildcardWords)
                throw QueryError("'" + std::string{token} + "' matches too many words (the wildcards of a query "
                                 "may expand to " + std::to_string(MaxWildcardWords) + " in all): give more letters",
                                 static_cast<std::size_t>(token.data() - q.data()));
    }
}

std::unique_ptr<Xapian::QueryParser> make_parser(const Xapian::Database& db, const std::string& stem_language,
                                                QueryTarget target) {
    auto qp = std::make_unique<Xapian::QueryParser>();
    qp->set_database(db);
    qp->set_default_op(Xapian::Query::OP_AND);   // news searchers expect every word to count
    // check_wildcards() refuses larger expansions with a message; this bounds any it misses.
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
        case schema::Kind::Date:
            qp->add_rangeprocessor((new DateRangeProcessor)->release());
            qp->add_boolean_prefix(name, (new DatePeriodProcessor)->release());
            break;
        }
    }
    return qp;
}

// Each stemmed term also matches the exact words it came from: the query's stemmer may not
// be the one an article was indexed with.
Xapian::Query widen_stems(const Xapian::Query& q, const Xapian::QueryParser& qp) {
    const auto type = q.get_type();
    if (type == Xapian::Query::LEAF_TERM) {
        const auto term = *q.get_terms_begin();
        if (term.empty() || term.front() != schema::StemPrefix.front()) return q;
        // "Z" + field prefix + stem; the parser's unstem list holds the words without prefix.
        std::size_t prefix_end = 1;
        if (term.size() > 1 && term[1] == 'X') prefix_end = term.find(':') + 1;
        else if (term.size() > 1 && term[1] >= 'A' && term[1] <= 'Z') prefix_end = 2;
        const auto prefix = term.substr(1, prefix_end - 1);
        std::vector<Xapian::Query> forms{q};
        for (auto u = qp.unstem_begin(term); u != qp.unstem_end(term); ++u) forms.emplace_back(prefix + *u);
        return forms.size() == 1 ? q : Xapian::Query(Xapian::Query::OP_SYNONYM, forms.begin(), forms.end());
    }
    switch (type) {
    case Xapian::Query::OP_AND: case Xapian::Query::OP_OR: case Xapian::Query::OP_AND_NOT:
    case Xapian::Query::OP_XOR: case Xapian::Query::OP_AND_MAYBE: case Xapian::Query::OP_FILTER: {
        std::vector<Xapian::Query> subs;
        for (std::size_t i = 0; i < q.get_num_subqueries(); ++i) subs.push_back(widen_stems(q.get_subquery(i), qp));
        return Xapian::Query(type, subs.begin(), subs.end());
    }
    default:
        return q;   // phrases use exact words already; ranges and filters have no stems
    }
}

// Xapian 1.4 expands a wildcard in each shard on its own and weights the words found with
// that shard's statistics, so a sharded archive would score `minist*` unlike one database.
// Expanded here, over all shards at once, the words are weighted as one database weights them
// (an explicit synonym is what the parser's wildcard means). Xapian 1.4 offers no accessor for
// a wildcard's pattern; its description, "WILDCARD SYNONYM pattern", is read instead, and a
// wildcard described otherwise is left to Xapian.
Xapian::Query expand_wildcards(const Xapian::Query& q, const Xapian::Database& db) {
    const auto type = q.get_type();
    if (type == Xapian::Query::OP_WILDCARD) {
        constexpr std::string_view Head = "Query(WILDCARD SYNONYM ";
        const auto description = q.get_description();
        if (!description.starts_with(Head) || !description.ends_with(")")) return q;
        const auto pattern = description.substr(Head.size(), description.size() - Head.size() - 1);
        if (pattern.empty() || pattern.find(' ') != std::string::npos) return q;
        std::vector<Xapian::Query> words;
        for (auto t = db.allterms_begin(pattern); t != db.allterms_end(pattern); ++t) {
            if (words.size() == MaxWildcardWords) return q;   // Xapian's own limit applies
            words.emplace_back(*t);
        }
        if (words.empty()) return Xapian::Query::MatchNothing;
        return Xapian::Query(Xapian::Query::OP_SYNONYM, words.begin(), words.end());
    }
    switch (type) {
    case Xapian::Query::OP_AND: case Xapian::Query::OP_OR: case Xapian::Query::OP_AND_NOT:
    case Xapian::Query::OP_XOR: case Xapian::Query::OP_AND_MAYBE: case Xapian::Query::OP_FILTER:
    case Xapian::Query::OP_SYNONYM: case Xapian::Query::OP_MAX: {
        std::vector<Xapian::Query> subs;
        for (std::size_t i = 0; i < q.get_num_subqueries(); ++i) subs.push_back(expand_wildcards(q.get_subquery(i), db));
        return Xapian::Query(type, subs.begin(), subs.end());
    }
    default:
        return q;   // the parser puts no wildcard inside phrases or weight scaling
    }
}

} // namespace

std::string normalise_query(std::string_view text) {
    std::string q{text};
    for (std::string_view curly : {"\u201C", "\u201D", "\u201E", "\u00AB", "\u00BB"})   // “ ” „ « »
        for (auto p = q.find(curly); p != std::string::npos; p = q.find(curly, p)) q.replace(p, curly.size(), "\"");
    std::string out;
    bool in_quote = false;
    std::size_t pos = 0;
    while (pos < q.size()) {
        const auto end = std::min(q.find(' ', pos), q.size());
        const std::string_view token{q.data() + pos, end - pos};
        std::string rewritten;
        const auto colon = token.find(':');
        const auto name_start = std::min(token.find_first_not_of("+-("), token.size());
        const auto* field = colon == std::string_view::npos || colon < name_start
                                ? nullptr : field_named(token.substr(name_start, colon - name_start));
        if (token.empty() || is_operator(token)) {
            rewritten = token;
        } else if (field && field->kind != schema::Kind::Text) {
            rewritten = token;   // field processors normalise their values themselves
        } else if (unspaced_script(token)) {
            std::string joined;
            for (const auto& w : text::words(token)) joined += (joined.empty() ? "" : " ") + text::normalise(w.text);
            rewritten = in_quote || token.find('"') != std::string_view::npos ? joined : "\"" + joined + "\"";
        } else {
            rewritten = text::normalise(token);
        }
        if (std::count(token.begin(), token.end(), '"') % 2) in_quote = !in_quote;
        out += rewritten;
        if (end < q.size()) out += ' ';
        pos = end + 1;
    }
    return out;
}

ParsedQuery parse_query(const std::string& raw_text, const Xapian::Database& db, const std::string& stem_language,
                        QueryTarget target) {
    ParsedQuery parsed;
    const auto text = check_text(raw_text);
    if (text.find_first_not_of(' ') == std::string::npos) {
        parsed.query = Xapian::Query::MatchAll;   // browse everything, with facets
        return parsed;
    }
    check_syntax(text);
    check_wildcards(text, db, target);
    const auto normalised = normalise_query(text);
    const auto qp = make_parser(db, stem_language, target);
    constexpr unsigned flags = Xapian::QueryParser::FLAG_DEFAULT | Xapian::QueryParser::FLAG_WILDCARD |
                               Xapian::QueryParser::FLAG_PURE_NOT;
    take_refused_value();   // nothing left over from an earlier parse
    try {
        parsed.query = expand_wildcards(widen_stems(qp->parse_query(normalised, flags), *qp), db);
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
    std::size_t pos = 0;
    while (pos < normalised.size()) {   // "sanction*" -> mark words starting "sanction"
        const auto end = std::min(normalised.find(' ', pos), normalised.size());
        auto token = std::string_view{normalised}.substr(pos, end - pos);
        if (token.size() > 1 && token.back() == '*' && token.find(':') == std::string_view::npos) {
            token.remove_prefix(std::min(token.find_first_not_of("+-(\""), token.size()));
            token.remove_suffix(1);
            if (!token.empty()) parsed.wildcards.emplace_back(token);
        }
        pos = end + 1;
    }
    return parsed;
}

} // namespace newsdesk
