#include "indexer/name_evidence.hpp"

#include <algorithm>
#include <optional>
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
    // A count decides which spelling and form of a person are shown (read when asked), and
    // which spellings are weighed only when there are more than can be.
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
    forms_.clear();
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
    for (const auto* entry : weighed) {
        auto& form = forms_[entry->second.words];
        form.spellings.push_back(entry);
        form.words = entry->second.words.size();
    }
    // Full names linked by the words of one holding the other's are one person: the sets of a
    // union-find over them.
    std::vector<std::pair<const std::vector<std::string>*, Form*>> full;
    for (auto& [words, form] : forms_)
        if (words.size() > 1) full.emplace_back(&words, &form);
    std::vector<std::size_t> parent(full.size());
    for (std::size_t i = 0; i < parent.size(); ++i) parent[i] = i;
    const auto root = [&](std::size_t i) {
        while (parent[i] != i) i = parent[i] = parent[parent[i]];
        return i;
    };
    for (std::size_t i = 0; i < full.size(); ++i)
        for (std::size_t j = i + 1; j < full.size(); ++j)
            if (contained(*full[i].first, *full[j].first) || contained(*full[j].first, *full[i].first))
                parent[root(i)] = root(j);
    std::vector<std::size_t> person_of_root(full.size(), full.size());
    for (std::size_t i = 0; i < full.size(); ++i) {
        auto& person = person_of_root[root(i)];
        if (person == full.size()) {
            person = people_.size();
            people_.emplace_back();
        }
        people_[person].push_back(full[i].second);
        full[i].second->person = person;
    }
    weighed_ = true;
}

std::uint64_t SurnameEvidence::Form::articles() const {
    std::uint64_t n = 0;
    for (const auto* s : spellings) n += s->second.articles;
    return n;
}

const std::string& SurnameEvidence::shown(const Form& form) const {
    const auto rank = [](const std::pair<const std::string, Spelling>* s) {
        return std::tuple{!text::written_in_capitals(s->first), s->second.articles};
    };
    const auto* best = form.spellings.front();
    for (const auto* s : form.spellings)
        if (rank(s) > rank(best) || (rank(s) == rank(best) && s->first < best->first)) best = s;
    return best->first;
}

const std::string& SurnameEvidence::shown(std::size_t person) const {
    // The person's best-supported form: in normal case, then the most articles (any
    // spelling), then the most words, then the first in byte order.
    const auto rank = [&](const Form* form) {
        return std::tuple{!text::written_in_capitals(shown(*form)), form->articles(), form->words};
    };
    const Form* best = people_[person].front();
    for (const auto* form : people_[person])
        if (rank(form) > rank(best) || (rank(form) == rank(best) && shown(*form) < shown(*best))) best = form;
    return shown(*best);
}

std::string SurnameEvidence::canonical(const std::string& name, const std::vector<std::string>& words) {
    if (!weighed_) weigh();
    const auto own = forms_.find(words);
    if (words.size() > 1) {
        if (own != forms_.end()) return shown(own->second.person);
        // A full name not weighed (past the bound): the one person its words link it to.
        std::optional<std::size_t> person;
        for (const auto& [form_words, form] : forms_) {
            if (form_words.size() < 2 || !(contained(words, form_words) || contained(form_words, words))) continue;
            if (person && *person != form.person) return name;
            person = form.person;
        }
        return person ? shown(*person) : name;
    }
    if (people_.size() == 1) return shown(0);   // the surname alone: no rival
    return own != forms_.end() ? shown(own->second) : name;
}

} // namespace newsdesk
