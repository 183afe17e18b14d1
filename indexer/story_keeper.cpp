#include "indexer/story_keeper.hpp"

#include <algorithm>
#include <chrono>
#include <numeric>
#include <set>

#include "indexer/article_document.hpp"
#include "schema/date.hpp"
#include "schema/terms.hpp"

namespace newsdesk {

namespace {

// Copies of one story run within days of each other; a report cast in one template and filed
// again every day or week ("Fed adds reserves via customer repurchases", "U.S. to sell 13.2
// billion dlrs in bills") is another story each time, however alike the texts.
constexpr int MostDaysApart = 3;

// Bounds for stories far larger than news makes (a site's empty template indexed ten thousand
// times): an article reads at most this many candidates, enough to find the stories it touches,
// since a story's versions share its bands; and a story this large that loses an article is
// not linked again among itself (the square of its size), only renamed when it lost its earliest.
constexpr std::size_t MostCandidates = 256;
constexpr std::size_t MostRelinked = 2000;

std::optional<std::chrono::sys_days> day_of(const std::string& date_value) {
    if (date_value.size() != 8) return std::nullopt;
    try {
        const std::chrono::year_month_day day{std::chrono::year{std::stoi(date_value.substr(0, 4))},
                                              std::chrono::month{static_cast<unsigned>(std::stoi(date_value.substr(4, 2)))},
                                              std::chrono::day{static_cast<unsigned>(std::stoi(date_value.substr(6, 2)))}};
        if (!day.ok()) return std::nullopt;
        return std::chrono::sys_days{day};
    } catch (const std::exception&) {
        return std::nullopt;
    }
}

} // namespace

bool StoryKeeper::linked(const Member& a, const Member& b) {
    if (!a.fingerprint.same_story(b.fingerprint)) return false;
    const auto x = day_of(a.date), y = day_of(b.date);
    if (!x || !y) return true;   // undated: the text decides alone
    return std::chrono::abs(*x - *y).count() <= MostDaysApart;
}

bool StoryKeeper::earlier(const Member& a, const Member& b) {
    if (a.date.empty() != b.date.empty()) return !a.date.empty();   // undated last
    if (a.date != b.date) return a.date < b.date;
    return a.id < b.id;
}

void StoryKeeper::read(const std::vector<const Xapian::Database*>& committed) {
    committed_ = Xapian::Database();
    for (const auto* db : committed) committed_.add_database(*db);
    if (bands_known_ && !bands_.full()) return;
    // Every band key the databases hold, read once (and again when the filter fills up): one
    // walk of the band terms, about a second per million articles.
    bands_.reset(2 * std::size_t{committed_.get_doccount()} * text::StoryFingerprint::Bands);
    const std::string prefix{schema::StoryBandPrefix};
    for (auto term = committed_.allterms_begin(prefix); term != committed_.allterms_end(prefix); ++term)
        if (const auto key = schema::story_band_key(*term)) bands_.add(*key);
    bands_known_ = true;
}

std::optional<StoryKeeper::Member> StoryKeeper::committed_member(Xapian::docid docid, const Member* linked_to) const {
    const auto doc = committed_.get_document(docid, Xapian::DOC_ASSUME_VALID);
    Member m;
    // Fingerprint and date first: most articles that share a band key with another are not the
    // same story, and each value read is one lookup where the id (from the term list, the only
    // place it is kept) means reading and inflating the whole list. At a million articles, reading
    // every candidate's id first took 89% of the deciding thread.
    if (auto fingerprint = story_fingerprint(doc)) m.fingerprint = std::move(*fingerprint);
    m.date = doc.get_value(schema::value_no(schema::Slot::Date));
    if (linked_to && !linked(*linked_to, m)) return std::nullopt;
    auto id = schema::article_id_of(doc);
    if (!id) return std::nullopt;
    m.id = std::move(*id);
    if (batch_.contains(m.id) || removed_.contains(m.id)) return std::nullopt;   // the batch's is the current one
    m.story = story_of(doc);
    return m;
}

std::optional<StoryKeeper::Member> StoryKeeper::current(const std::string& id) const {
    if (const auto it = batch_.find(id); it != batch_.end()) return it->second;
    if (removed_.contains(id)) return std::nullopt;
    const auto term = schema::exact_term(schema::Id, id);
    const auto posting = committed_.postlist_begin(term);
    if (posting == committed_.postlist_end(term)) return std::nullopt;
    return committed_member(*posting);
}

std::vector<StoryKeeper::Member> StoryKeeper::linked_members(const Member& m) const {
    std::vector<Member> out;
    if (m.fingerprint.empty()) return out;
    std::unordered_set<std::string> seen{m.id};
    std::set<Xapian::docid> docids;
    for (std::size_t band = 0; band < text::StoryFingerprint::Bands; ++band) {
        const auto key = m.fingerprint.band_key(band);
        if (bands_.may_hold(key)) {
            const auto term = schema::story_band_term(key);
            for (auto p = committed_.postlist_begin(term); p != committed_.postlist_end(term) && docids.size() < MostCandidates; ++p)
                docids.insert(*p);
        }
        const auto [from, to] = batch_bands_.equal_range(key);
        for (auto it = from; it != to; ++it)
            if (const auto& c = batch_.at(it->second); seen.insert(c.id).second && linked(m, c)) out.push_back(c);
    }
    for (const auto docid : docids)
        if (auto c = committed_member(docid, &m); c && seen.insert(c->id).second) out.push_back(std::move(*c));
    return out;
}

std::vector<StoryKeeper::Member> StoryKeeper::members(const std::string& story) const {
    std::vector<Member> out;
    const auto term = schema::exact_term(schema::Story, story);
    for (auto p = committed_.postlist_begin(term); p != committed_.postlist_end(term); ++p)
        if (auto m = committed_member(*p)) out.push_back(std::move(*m));
    for (const auto& [id, m] : batch_)
        if (m.story == story) out.push_back(m);
    return out;
}

std::string StoryKeeper::arrive(const Article& article, const Xapian::Document& text) {
    Member m;
    m.id = article.id;
    m.date = date_value(article.date);
    if (auto fingerprint = story_fingerprint(text)) m.fingerprint = *fingerprint;
    if (const auto old = current(m.id)) {
        // Indexed again as it was: the same links, the same story.
        if (!old->story.empty() && old->fingerprint == m.fingerprint && old->date == m.date) {
            m.story = old->story;
            remember(m);
            return m.story;
        }
        forget(m.id);
        depart(*old);
    }
    // The stories this article links to become one, named by the earliest of their articles.
    const Member* root = &m;
    std::vector<Member> roots;
    std::set<std::string> stories;
    for (auto& c : linked_members(m))
        if (!c.story.empty() && stories.insert(c.story).second) {
            if (auto r = current(c.story)) roots.push_back(std::move(*r));
            else roots.push_back(std::move(c));   // named by an article gone: not expected, but any member serves
        }
    for (const auto& r : roots)
        if (earlier(r, *root)) root = &r;
    m.story = root->id;
    for (const auto& story : stories)
        if (story != m.story)
            for (auto& other : members(story)) restory(std::move(other), m.story);
    remember(m);
    return m.story;
}

void StoryKeeper::leave(const std::string& id) {
    const auto old = current(id);
    if (!old) return;
    forget(id);
    removed_.insert(id);
    depart(*old);
}

void StoryKeeper::depart(const Member& old) {
    if (old.story.empty()) return;
    auto rest = members(old.story);
    std::erase_if(rest, [&](const Member& m) { return m.id == old.id; });
    if (rest.empty()) return;
    if (rest.size() > MostRelinked) {
        if (old.story != old.id) return;
        const auto earliest = std::min_element(rest.begin(), rest.end(), earlier);
        const auto name = earliest->id;
        for (auto& m : rest) restory(std::move(m), name);
        return;
    }
    // The rest linked again among themselves: each part is a story of its own, named by its earliest.
    std::vector<std::size_t> parent(rest.size());
    std::iota(parent.begin(), parent.end(), 0);
    const auto find = [&](std::size_t i) {
        while (parent[i] != i) i = parent[i] = parent[parent[i]];
        return i;
    };
    for (std::size_t i = 0; i < rest.size(); ++i)
        for (std::size_t j = i + 1; j < rest.size(); ++j)
            if (find(i) != find(j) && linked(rest[i], rest[j])) parent[find(i)] = find(j);
    std::vector<std::size_t> earliest(rest.size(), rest.size());
    for (std::size_t i = 0; i < rest.size(); ++i) {
        auto& e = earliest[find(i)];
        if (e == rest.size() || earlier(rest[i], rest[e])) e = i;
    }
    std::vector<std::string> names(rest.size());
    for (std::size_t i = 0; i < rest.size(); ++i) names[i] = rest[earliest[find(i)]].id;
    for (std::size_t i = 0; i < rest.size(); ++i)
        if (rest[i].story != names[i]) restory(std::move(rest[i]), names[i]);
}

void StoryKeeper::restory(Member m, const std::string& story) {
    restory_(m.id, story);
    m.story = story;
    remember(std::move(m));
}

void StoryKeeper::remember(Member m) {
    forget(m.id);
    removed_.erase(m.id);
    if (!m.fingerprint.empty())
        for (std::size_t band = 0; band < text::StoryFingerprint::Bands; ++band)
            batch_bands_.emplace(m.fingerprint.band_key(band), m.id);
    auto id = m.id;
    batch_.emplace(std::move(id), std::move(m));
}

void StoryKeeper::forget(const std::string& id) {
    const auto it = batch_.find(id);
    if (it == batch_.end()) return;
    const auto& fingerprint = it->second.fingerprint;
    if (!fingerprint.empty())
        for (std::size_t band = 0; band < text::StoryFingerprint::Bands; ++band) {
            const auto [from, to] = batch_bands_.equal_range(fingerprint.band_key(band));
            for (auto b = from; b != to; ++b)
                if (b->second == id) {
                    batch_bands_.erase(b);
                    break;
                }
        }
    batch_.erase(it);
}

void StoryKeeper::committed() {
    // What the batch wrote is in the databases now (restoried articles' keys were already).
    for (const auto& [key, id] : batch_bands_) bands_.add(key);
    batch_.clear();
    batch_bands_.clear();
    removed_.clear();
}

} // namespace newsdesk
