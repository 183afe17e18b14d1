#include "indexer/name_evidence.hpp"

#include <algorithm>
#include <tuple>

#include "text/unicode.hpp"

namespace newsdesk {
namespace {

// Spellings weighed per surname: far more people than share a surname in the news. Telling
// which people hold which costs the square of their number, so a surname written in more ways
// (junk, most likely) is weighed by its most written spellings (ties by byte order): still a
// function of the counts, not of the order they came in.
constexpr std::size_t MaxSpellingsWeighed = 256;

// Every word of `part` occurs in `whole`.
bool contained(const std::vector<std::string>& part, const std::vector<std::string>& whole) {
    return std::all_of(part.begin(), part.end(),
                       [&](const std::string& w) { return std::find(whole.begin(), whole.end(), w) != whole.end(); });
}

} // namespace

void SurnameEvidence::set(const std::string& name, const std::vector<std::string>& words, std::uint64_t articles) {
    const auto it = spellings_.find(name);
    if (articles == 0) {
        if (it == spellings_.end()) return;
        spellings_.erase(it);
        weighed_ = false;
        return;
    }
    if (it == spellings_.end()) {
        spellings_.emplace(name, Spelling{words, articles});
        weighed_ = false;
        return;
    }
    it->second.articles = articles;
    // A count decides which spelling of a person is shown (read when asked), and which
    // spellings are weighed only when there are more than can be.
    if (spellings_.size() > MaxSpellingsWeighed) weighed_ = false;
}

std::uint64_t SurnameEvidence::articles(const std::string& name) const {
    const auto it = spellings_.find(name);
    return it == spellings_.end() ? 0 : it->second.articles;
}

std::vector<std::string> SurnameEvidence::names() const {
    std::vector<std::string> out;
    out.reserve(spellings_.size());
    for (const auto& [name, spelling] : spellings_) out.push_back(name);
    return out;
}

void SurnameEvidence::weigh() {
    people_.clear();
    std::vector<const std::pair<const std::string, Spelling>*> weighed;
    weighed.reserve(spellings_.size());
    for (const auto& entry : spellings_) weighed.push_back(&entry);
    if (weighed.size() > MaxSpellingsWeighed) {
        const auto cut = weighed.begin() + static_cast<std::ptrdiff_t>(MaxSpellingsWeighed);
        std::nth_element(weighed.begin(), cut, weighed.end(), [](const auto* a, const auto* b) {
            return a->second.articles != b->second.articles ? a->second.articles > b->second.articles
                                                            : a->first < b->first;
        });
        weighed.erase(cut, weighed.end());
    }
    for (const auto* entry : weighed) people_[entry->second.words].spellings.push_back(entry);
    for (auto& [words, person] : people_)
        for (const auto& [other_words, other] : people_)
            if (other_words.size() > words.size() && contained(words, other_words)) {
                person.largest = false;
                break;
            }
    weighed_ = true;
}

const std::string& SurnameEvidence::shown(const Person& person) const {
    const auto rank = [](const std::pair<const std::string, Spelling>* s) {
        return std::tuple{!text::written_in_capitals(s->first), s->second.articles};
    };
    const auto* best = person.spellings.front();
    for (const auto* s : person.spellings)
        if (rank(s) > rank(best) || (rank(s) == rank(best) && s->first < best->first)) best = s;
    return best->first;
}

std::string SurnameEvidence::canonical(const std::string& name, const std::vector<std::string>& words) {
    if (!weighed_) weigh();
    const Person* holder = nullptr;
    std::size_t holders = 0;
    for (const auto& [person_words, person] : people_)
        if (person.largest && contained(words, person_words)) holder = &person, ++holders;
    if (holders == 1) return shown(*holder);
    if (const auto own = people_.find(words); own != people_.end()) return shown(own->second);
    return name;
}

} // namespace newsdesk
