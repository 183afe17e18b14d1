#include "schema/change_log.hpp"

#include <algorithm>
#include <charconv>
#include <deque>
#include <map>
#include <string>
#include <string_view>

#include "schema/schema.hpp"

namespace newsdesk::schema {
namespace {

// How far back the log reaches: commits, and document ids in all (about 7 bytes each, read
// and rewritten with every commit). A reader further behind rebuilds, as it did before the log.
constexpr std::size_t MaxCommits = 64;
constexpr std::size_t MaxDocuments = 16384;
constexpr std::string_view TooMany = "*";   // a commit that changed more than the log keeps

// One line per commit: "UUID REVISION DOCID..." or "UUID REVISION *".
struct Entry {
    std::string uuid;
    Xapian::rev revision = 0;
    bool too_many = false;
    std::vector<Xapian::docid> docids;
};

std::vector<std::string_view> words_of(std::string_view line) {
    std::vector<std::string_view> words;
    std::size_t pos = 0;
    while (pos < line.size()) {
        const auto end = std::min(line.find(' ', pos), line.size());
        if (end > pos) words.push_back(line.substr(pos, end - pos));
        pos = end + 1;
    }
    return words;
}

template <typename Number>
std::optional<Number> number(std::string_view word) {
    Number n{};
    const auto [end, error] = std::from_chars(word.data(), word.data() + word.size(), n);
    if (error != std::errc{} || end != word.data() + word.size()) return std::nullopt;
    return n;
}

// The entries of a log; a line that does not parse (written by something else) is skipped,
// which leaves a gap a reader sees.
std::deque<Entry> parse(std::string_view log) {
    std::deque<Entry> entries;
    std::size_t pos = 0;
    while (pos < log.size()) {
        const auto end = std::min(log.find('\n', pos), log.size());
        const auto words = words_of(log.substr(pos, end - pos));
        pos = end + 1;
        if (words.size() < 2) continue;
        Entry e;
        e.uuid = std::string{words[0]};
        const auto revision = number<Xapian::rev>(words[1]);
        if (!revision) continue;
        e.revision = *revision;
        bool ok = true;
        for (std::size_t k = 2; k < words.size() && ok; ++k) {
            if (words[k] == TooMany) { e.too_many = true; continue; }
            const auto docid = number<Xapian::docid>(words[k]);
            ok = docid.has_value();
            if (ok) e.docids.push_back(*docid);
        }
        if (ok) entries.push_back(std::move(e));
    }
    return entries;
}

std::string format(const std::deque<Entry>& entries) {
    std::string out;
    for (const auto& e : entries) {
        out += e.uuid;
        out += ' ';
        out += std::to_string(e.revision);
        if (e.too_many) {
            out += ' ';
            out += TooMany;
        }
        for (const auto docid : e.docids) {
            out += ' ';
            out += std::to_string(docid);
        }
        out += '\n';
    }
    return out;
}

} // namespace

void log_changed_documents(Xapian::WritableDatabase& db, const std::vector<Xapian::docid>& changed) {
    const auto uuid = db.get_uuid();
    auto entries = parse(db.get_metadata(std::string{ChangeLogKey}));
    // Another database's entries (this one was compacted or swapped in) say nothing of this one.
    std::erase_if(entries, [&](const Entry& e) { return e.uuid != uuid; });
    Entry now;
    now.uuid = uuid;
    now.revision = db.get_revision() + 1;   // the revision the coming commit makes
    if (changed.size() > MaxDocuments) {
        now.too_many = true;
    } else {
        now.docids = changed;
        std::sort(now.docids.begin(), now.docids.end());
        now.docids.erase(std::unique(now.docids.begin(), now.docids.end()), now.docids.end());
    }
    entries.push_back(std::move(now));
    std::size_t documents = 0;
    for (const auto& e : entries) documents += e.docids.size();
    while (entries.size() > MaxCommits || documents > MaxDocuments) {
        documents -= entries.front().docids.size();
        entries.pop_front();
    }
    db.set_metadata(std::string{ChangeLogKey}, format(entries));
}

std::optional<std::vector<Xapian::docid>> documents_changed_since(const Xapian::Database& db, Xapian::rev since) {
    const auto now = db.get_revision();
    if (now < since || now - since > MaxCommits) return std::nullopt;
    std::vector<Xapian::docid> changed;
    if (now == since) return changed;
    const auto uuid = db.get_uuid();
    std::map<Xapian::rev, const Entry*> by_revision;
    const auto entries = parse(db.get_metadata(std::string{ChangeLogKey}));
    for (const auto& e : entries)
        if (e.uuid == uuid && e.revision > since && e.revision <= now) by_revision[e.revision] = &e;
    for (auto revision = since + 1; revision <= now; ++revision) {
        const auto it = by_revision.find(revision);
        if (it == by_revision.end() || it->second->too_many) return std::nullopt;
        changed.insert(changed.end(), it->second->docids.begin(), it->second->docids.end());
    }
    std::sort(changed.begin(), changed.end());
    changed.erase(std::unique(changed.begin(), changed.end()), changed.end());
    return changed;
}

Xapian::rev last_logged_revision(const Xapian::Database& db) {
    const auto uuid = db.get_uuid();
    Xapian::rev last = 0;
    for (const auto& e : parse(db.get_metadata(std::string{ChangeLogKey})))
        if (e.uuid == uuid) last = std::max(last, e.revision);
    return last;
}

} // namespace newsdesk::schema
