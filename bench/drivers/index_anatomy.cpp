// Where an index's bytes go: per term prefix, the distinct terms, postings, wdf and positions,
// apart for articles and quote records; the document data and each value slot's bytes; and the
// size of each table file on disk. The prefixes come from schema/, so that a term is counted
// under the field that made it and nothing here spells one (see bench/README.md).
//
// usage: index_anatomy DB OUT.json    (writes the JSON, prints the Markdown tables)
#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>
#include <xapian.h>

#include "schema/schema.hpp"
#include "schema/terms.hpp"

namespace {

namespace schema = newsdesk::schema;

// Counts of one group of terms in one kind of document.
struct Counts {
    std::uint64_t postings = 0;    // sum of termfreq: (term, document) pairs
    std::uint64_t wdf = 0;
    std::uint64_t positions = 0;

    Counts& operator+=(const Counts& o) {
        postings += o.postings;
        wdf += o.wdf;
        positions += o.positions;
        return *this;
    }
};

struct Group {
    std::uint64_t terms = 0;        // distinct terms, in either kind of document
    std::uint64_t term_bytes = 0;   // their names' bytes: each is a key in the posting table
    Counts article, quote;
};

// A prefix the schema declares, and the name its terms are reported under.
struct Prefix {
    std::string prefix;
    std::string label;
};

// Every prefix a term can start with, longest first so that "XSPEAKERWORD:" wins over a
// shorter prefix it begins with. The body's prefix is empty: its terms are what is left.
std::vector<Prefix> schema_prefixes() {
    std::vector<Prefix> out;
    for (const auto& field : schema::Fields) {
        if (!field.prefix.empty()) out.push_back({std::string{field.prefix}, std::string{field.name}});
        if (!field.word_prefix.empty())
            out.push_back({std::string{field.word_prefix}, std::string{field.name} + " (words)"});
    }
    out.push_back({std::string{schema::SpeakerFormPrefix}, "speaker forms"});
    std::sort(out.begin(), out.end(), [](const Prefix& a, const Prefix& b) { return a.prefix.size() > b.prefix.size(); });
    return out;
}

// The group a term belongs to: its field (stemmed terms apart), or, for a prefix the schema
// does not declare (a peer's index), a guess from Omega's conventions so that it still shows:
// "X" and what follows up to a ':' (or one more letter when there is none), else the first
// capital. The guess cannot be exact: a prefix's value may itself start with capitals.
std::string group_of(std::string_view term, const std::vector<Prefix>& prefixes) {
    std::string stem;
    if (term.starts_with(schema::StemPrefix)) {
        term.remove_prefix(schema::StemPrefix.size());
        stem = "stems of ";
    }
    for (const auto& p : prefixes)
        if (term.starts_with(p.prefix)) return stem + p.label + " [" + std::string{stem.empty() ? "" : schema::StemPrefix} + p.prefix + "]";
    const auto capital = [&](std::size_t i) { return i < term.size() && term[i] >= 'A' && term[i] <= 'Z'; };
    if (capital(0)) {
        std::size_t length = 1;
        if (term[0] == 'X') {
            while (capital(length)) ++length;
            length = length < term.size() && term[length] == ':' ? length + 1 : std::min<std::size_t>(2, term.size());
        }
        return stem + "undeclared [" + std::string{term.substr(0, length)} + "]";
    }
    return stem + std::string{schema::Body.name} + " [" + std::string{stem.empty() ? "" : schema::StemPrefix} + "]";
}

std::string with_commas(std::uint64_t n) {
    auto s = std::to_string(n);
    for (auto i = static_cast<std::ptrdiff_t>(s.size()) - 3; i > 0; i -= 3) s.insert(static_cast<std::size_t>(i), ",");
    return s;
}

nlohmann::json counts_json(const Counts& c) {
    return {{"postings", c.postings}, {"wdf", c.wdf}, {"positions", c.positions}};
}

} // namespace

int main(int argc, char** argv) try {
    if (argc != 3) {
        std::cerr << "usage: index_anatomy DB OUT.json\n";
        return 2;
    }
    const std::filesystem::path path = argv[1];
    Xapian::Database db(path.string());
    // Articles lie below quote records (schema::quote_docids_from), so the last article's id
    // tells the two kinds apart without a lookup per posting. A database without kind terms
    // (a peer's) is all articles.
    const auto article_kind = schema::exact_term(schema::DocKind, schema::ArticleKind);
    const auto last_article = db.term_exists(article_kind) ? schema::last_docid_holding(db, article_kind)
                                                            : db.get_lastdocid();

    // Distinct terms from the term list of the whole database; postings, wdf and positions from
    // each document's term list, whose iterator counts positions (Xapian 1.4's posting iterator
    // does not).
    const auto prefixes = schema_prefixes();
    std::map<std::string, Group> groups;
    for (auto t = db.allterms_begin(); t != db.allterms_end(); ++t) {
        const std::string term = *t;
        auto& group = groups[group_of(term, prefixes)];
        ++group.terms;
        group.term_bytes += term.size();
    }
    for (auto d = db.postlist_begin(""); d != db.postlist_end(""); ++d) {
        const bool article = *d <= last_article;
        for (auto t = db.termlist_begin(*d); t != db.termlist_end(*d); ++t) {
            auto& group = groups[group_of(*t, prefixes)];
            auto& c = article ? group.article : group.quote;
            ++c.postings;
            c.wdf += t.get_wdf();
            c.positions += t.positionlist_count();
        }
    }

    struct Bytes {
        std::uint64_t article = 0, quote = 0, article_docs = 0, quote_docs = 0;
    };
    Bytes data;
    for (auto p = db.postlist_begin(""); p != db.postlist_end(""); ++p) {
        const auto size = db.get_document(*p).get_data().size();
        if (*p <= last_article) {
            data.article += size;
            ++data.article_docs;
        } else {
            data.quote += size;
            ++data.quote_docs;
        }
    }

    std::map<std::string, Bytes> slots;   // by the field that owns the slot
    for (const auto& field : schema::Fields) {
        if (!field.slot) continue;
        const auto slot = schema::value_no(*field.slot);
        auto& b = slots[std::string{field.name} + " [" + std::to_string(slot) + "]"];
        for (auto v = db.valuestream_begin(slot); v != db.valuestream_end(slot); ++v) {
            const auto size = (*v).size();
            if (v.get_docid() <= last_article) {
                b.article += size;
                ++b.article_docs;
            } else {
                b.quote += size;
                ++b.quote_docs;
            }
        }
    }

    std::map<std::string, std::uintmax_t> files;   // the directory as listed: glass tables and the rest
    for (const auto& entry : std::filesystem::directory_iterator(path))
        if (entry.is_regular_file()) files[entry.path().filename().string()] = entry.file_size();

    nlohmann::json out;
    out["database"] = path.string();
    out["documents"] = {{"articles", data.article_docs}, {"quotes", data.quote_docs}};
    for (const auto& [name, g] : groups)
        out["prefixes"][name] = {{"terms", g.terms}, {"term_bytes", g.term_bytes},
                                 {"articles", counts_json(g.article)}, {"quotes", counts_json(g.quote)}};
    out["document_data"] = {{"articles", data.article}, {"quotes", data.quote}};
    for (const auto& [name, b] : slots)
        out["value_slots"][name] = {{"articles", b.article}, {"quotes", b.quote},
                                    {"article_documents", b.article_docs}, {"quote_documents", b.quote_docs}};
    for (const auto& [name, size] : files) out["files"][name] = size;
    std::ofstream(argv[2]) << out.dump(2) << '\n';

    // The same as Markdown, groups by positions then postings (what the tables' sizes follow).
    std::vector<std::pair<std::string, Group>> sorted(groups.begin(), groups.end());
    std::sort(sorted.begin(), sorted.end(), [](const auto& a, const auto& b) {
        const auto key = [](const Group& g) {
            return std::pair{g.article.positions + g.quote.positions, g.article.postings + g.quote.postings};
        };
        return key(a.second) > key(b.second);
    });
    std::cout << "Documents: " << with_commas(data.article_docs) << " articles, " << with_commas(data.quote_docs)
              << " quote records.\n\n"
              << "| terms of [prefix] | distinct terms | term bytes | postings (articles) | postings (quotes) "
                 "| wdf (articles) | wdf (quotes) | positions (articles) | positions (quotes) |\n"
              << "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n";
    Group sum;
    for (const auto& [name, g] : sorted) {
        std::cout << "| " << name << " | " << with_commas(g.terms) << " | " << with_commas(g.term_bytes) << " | "
                  << with_commas(g.article.postings) << " | " << with_commas(g.quote.postings) << " | "
                  << with_commas(g.article.wdf) << " | " << with_commas(g.quote.wdf) << " | "
                  << with_commas(g.article.positions) << " | " << with_commas(g.quote.positions) << " |\n";
        sum.terms += g.terms;
        sum.term_bytes += g.term_bytes;
        sum.article += g.article;
        sum.quote += g.quote;
    }
    std::cout << "| **all** | " << with_commas(sum.terms) << " | " << with_commas(sum.term_bytes) << " | "
              << with_commas(sum.article.postings) << " | " << with_commas(sum.quote.postings) << " | "
              << with_commas(sum.article.wdf) << " | " << with_commas(sum.quote.wdf) << " | "
              << with_commas(sum.article.positions) << " | " << with_commas(sum.quote.positions) << " |\n\n";

    std::cout << "| stored | articles (bytes) | quote records (bytes) |\n| --- | ---: | ---: |\n"
              << "| document data | " << with_commas(data.article) << " | " << with_commas(data.quote) << " |\n";
    for (const auto& [name, b] : slots)
        std::cout << "| value slot " << name << " | " << with_commas(b.article) << " | " << with_commas(b.quote) << " |\n";

    std::cout << "\n| file | bytes |\n| --- | ---: |\n";
    for (const auto& [name, size] : files) std::cout << "| " << name << " | " << with_commas(size) << " |\n";
    return 0;
} catch (const Xapian::Error& e) {
    std::cerr << "index_anatomy: " << e.get_description() << '\n';
    return 1;
} catch (const std::exception& e) {
    std::cerr << "index_anatomy: " << e.what() << '\n';
    return 1;
}
