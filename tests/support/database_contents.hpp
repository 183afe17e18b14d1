#pragma once
// What a database holds, read back for tests that compare databases built different ways.
#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

#include "schema/schema.hpp"
#include "schema/terms.hpp"

namespace newsdesk::testing {

// The document ids of the documents of one kind (schema::ArticleKind, schema::QuoteKind), ascending.
inline std::vector<Xapian::docid> docids_of(const Xapian::Database& db, std::string_view kind) {
    std::vector<Xapian::docid> ids;
    const auto term = schema::exact_term(schema::DocKind, kind);
    for (auto it = db.postlist_begin(term); it != db.postlist_end(term); ++it) ids.push_back(*it);
    return ids;
}

// Everything a document is, its id aside: its data, its terms with wdf and positions, its
// values and its length.
inline std::string document_contents(const Xapian::Database& db, Xapian::docid docid) {
    const auto doc = db.get_document(docid);
    std::string s = doc.get_data();
    for (auto t = doc.termlist_begin(); t != doc.termlist_end(); ++t) {
        s += "|" + *t + ":" + std::to_string(t.get_wdf());
        for (auto p = t.positionlist_begin(); p != t.positionlist_end(); ++p) s += "," + std::to_string(*p);
    }
    for (auto v = doc.values_begin(); v != doc.values_end(); ++v) s += "|" + std::to_string(v.get_valueno()) + "=" + *v;
    return s + "|length " + std::to_string(db.get_doclength(docid));
}

} // namespace newsdesk::testing
