#include "schema/terms.hpp"

#include <functional>

#include "text/unicode.hpp"

namespace newsdesk::schema {
namespace {

std::size_t utf8_floor(std::string_view s, std::size_t n) {
    while (n > 0 && (static_cast<unsigned char>(s[n]) & 0xC0) == 0x80) --n;
    return n;
}

std::string bounded(std::string term) {
    if (term.size() <= MaxTermBytes) return term;
    char tag[20];
    const auto len = std::snprintf(tag, sizeof tag, "#%016zx", std::hash<std::string>{}(term));
    term.resize(utf8_floor(term, MaxTermBytes - static_cast<std::size_t>(len)));
    term.append(tag, static_cast<std::size_t>(len));
    return term;
}

} // namespace

std::string exact_term(const Field& field, std::string_view value) {
    // Ids are identities, compared byte for byte; every other value matches as people type it.
    if (field.kind == Kind::Id) return bounded(std::string{field.prefix} + std::string{value});
    return bounded(std::string{field.prefix} + text::normalise(value));
}

std::string word_term(const Field& field, std::string_view word) {
    return bounded(std::string{field.word_prefix} + text::normalise(word));
}

void check_version(const Xapian::Database& db) {
    const auto stored = db.get_metadata(std::string{VersionKey});
    if (stored.empty()) {
        if (db.get_doccount() == 0) return;
        throw SchemaMismatch("this database was not written by newsdesk (no schema version)");
    }
    if (stored != std::to_string(Version))
        throw SchemaMismatch("this database has schema version " + stored + ", newsdesk reads version " +
                              std::to_string(Version) + ": re-index the archive into a new database");
}

Xapian::docid last_docid_holding(const Xapian::Database& db, const std::string& term) {
    if (!db.term_exists(term)) return 0;
    Xapian::docid low = 1, high = db.get_lastdocid();   // some id in [low, high] holds the term
    while (low < high) {
        const Xapian::docid mid = low + (high - low + 1) / 2;
        auto it = db.postlist_begin(term);
        it.skip_to(mid);
        if (it == db.postlist_end(term)) high = mid - 1;
        else low = mid;
    }
    return low;
}

} // namespace newsdesk::schema
