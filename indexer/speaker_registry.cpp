#include "indexer/speaker_registry.hpp"

#include <algorithm>
#include <unordered_map>
#include <unordered_set>

#include "schema/schema.hpp"
#include "schema/terms.hpp"
#include "text/unicode.hpp"

namespace newsdesk {
namespace {

constexpr std::string_view MetadataPrefix = "newsdesk:speakers:";
constexpr std::size_t MaxNamesPerSurname = 64;   // far more people than share a surname in the news
// Longer "names" (a list given in the input, a run of capitalised words) are kept as they are:
// comparing them word by word would cost the square of their length.
constexpr std::size_t MaxNameWords = 16;

std::vector<std::string> folded_words(const std::string& name) {
    std::vector<std::string> out;
    for (const auto& w : text::words(name)) out.push_back(text::normalise(w.text));
    return out;
}

// Every word of `part` occurs in `whole`.
bool contained(const std::vector<std::string>& part, const std::vector<std::string>& whole) {
    return std::all_of(part.begin(), part.end(),
                       [&](const std::string& w) { return std::find(whole.begin(), whole.end(), w) != whole.end(); });
}

} // namespace

std::vector<SpeakerRegistry::Known>& SpeakerRegistry::known_with_surname(const std::string& surname) {
    auto [it, added] = by_surname_.try_emplace(surname);
    if (added) {
        const auto stored = db_.get_metadata(std::string{MetadataPrefix} + surname);
        std::size_t pos = 0;
        while (pos < stored.size()) {
            const auto end = std::min(stored.find(schema::MultiValueSeparator, pos), stored.size());
            auto display = stored.substr(pos, end - pos);
            it->second.push_back({display, folded_words(display)});
            pos = end + 1;
        }
    }
    return it->second;
}

void SpeakerRegistry::settle(Article& article) {
    std::vector<std::string> settled;
    std::unordered_map<std::string, std::string> form_of;   // as the article names them -> settled
    std::unordered_set<std::string> listed;
    for (const auto& name : article.speakers) {
        auto form = canonical(name);
        form_of.try_emplace(name, form);
        if (listed.insert(form).second) settled.push_back(std::move(form));
    }
    for (auto& q : article.quotes)
        if (const auto it = form_of.find(q.speaker); it != form_of.end()) q.speaker = it->second;
    article.speakers = std::move(settled);
}

std::string SpeakerRegistry::canonical(const std::string& name) {
    const auto words = folded_words(name);
    if (words.empty() || words.size() > MaxNameWords) return name;
    const auto key = std::string{MetadataPrefix} + words.back();
    if (key.size() > schema::MaxTermBytes) return name;   // not a name Xapian can key
    auto& known = known_with_surname(words.back());
    // A longer known name holding all these words, if exactly one does.
    const Known* longer = nullptr;
    int longer_count = 0;
    for (const auto& k : known)
        if (k.words.size() > words.size() && contained(words, k.words)) longer = &k, ++longer_count;
    if (longer_count == 1) return longer->display;
    for (const auto& k : known)
        if (k.words == words) return k.display;
    if (longer_count > 1) return name;   // ambiguous short form: keep it, do not register it
    // Each new name rewrites its surname's list: a bound keeps that cheap whatever the input.
    if (known.size() >= MaxNamesPerSurname) return name;
    known.push_back({name, words});
    std::string stored;
    for (const auto& k : known) {
        if (!stored.empty()) stored += schema::MultiValueSeparator;
        stored += k.display;
    }
    db_.set_metadata(key, stored);
    return name;
}

} // namespace newsdesk
