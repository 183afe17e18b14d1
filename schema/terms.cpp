#include "schema/terms.hpp"

#include <algorithm>
#include <functional>

#include "text/fixed_hash.hpp"
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
    // A fixed hash: the term is stored, and read back by other builds.
    const auto len = std::snprintf(tag, sizeof tag, "#%016llx", static_cast<unsigned long long>(text::fnv1a(term)));
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

std::string story_band_term(std::uint64_t band_key) {
    // Eight bytes as they are: Xapian terms are byte strings, and hex would double them.
    std::string term{StoryBandPrefix};
    for (int i = 0; i < 8; ++i) term += static_cast<char>((band_key >> (8 * i)) & 0xff);
    return term;
}

std::optional<std::uint64_t> story_band_key(std::string_view term) {
    if (term.size() != StoryBandPrefix.size() + 8 || !term.starts_with(StoryBandPrefix)) return std::nullopt;
    std::uint64_t key = 0;
    for (int i = 0; i < 8; ++i)
        key |= std::uint64_t{static_cast<unsigned char>(term[StoryBandPrefix.size() + static_cast<std::size_t>(i)])} << (8 * i);
    return key;
}

std::string word_term(const Field& field, std::string_view word) {
    return bounded(std::string{field.word_prefix} + text::normalise(word));
}

std::vector<std::string> speaker_name_words(std::string_view name) {
    std::vector<std::string> out;
    for (const auto& w : text::words(name)) {
        if (out.size() == MaxSpeakerFormWords) return {};
        out.push_back(text::normalise(w.text));
    }
    return out;
}

std::string speaker_form_prefix(std::string_view surname) {
    std::string prefix{SpeakerFormPrefix};
    prefix += surname;
    prefix += MultiValueSeparator;   // "Li" is not the start of "Lin"
    return prefix;
}

std::optional<std::string> speaker_form_term(std::string_view surname, std::string_view name) {
    auto term = speaker_form_prefix(surname);
    term += name;
    if (term.size() > MaxTermBytes) return std::nullopt;
    return term;
}

std::optional<std::string> speaker_form_term(std::string_view name) {
    const auto words = speaker_name_words(name);
    if (words.empty()) return std::nullopt;
    return speaker_form_term(words.back(), name);
}

std::string_view speaker_form_surname(std::string_view term) {
    term.remove_prefix(std::min(term.size(), SpeakerFormPrefix.size()));
    return term.substr(0, term.find(MultiValueSeparator));
}

std::string_view speaker_form_name(std::string_view term) {
    const auto separator = term.find(MultiValueSeparator, SpeakerFormPrefix.size());
    return separator == std::string_view::npos ? std::string_view{} : term.substr(separator + 1);
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

std::optional<std::string> article_id_of(const Xapian::Document& doc) {
    auto term = doc.termlist_begin();
    term.skip_to(std::string{Id.prefix});
    if (term == doc.termlist_end() || !(*term).starts_with(Id.prefix)) return std::nullopt;
    return (*term).substr(Id.prefix.size());
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
