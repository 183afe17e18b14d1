#include "indexer/speaker_registry.hpp"

#include <unordered_set>

#include "schema/terms.hpp"

namespace newsdesk {

void SpeakerRegistry::add_shard(const Xapian::Database& committed, const Xapian::Database& writing) {
    shards_.push_back({&committed, &writing});
}

SpeakerRegistry::Surname& SpeakerRegistry::surname(const std::string& folded) {
    auto [it, added] = surnames_.try_emplace(folded);
    if (!added) return it->second;
    // Read from the committed revisions: asking the writer would make Xapian merge its
    // uncommitted postings. Nothing uncommitted names this surname yet: every document
    // naming it is settled here first.
    auto& known = it->second;
    std::map<std::string, Xapian::doccount> articles;
    const auto prefix = schema::speaker_form_prefix(folded);
    for (const auto& shard : shards_)
        for (auto t = shard.committed->allterms_begin(prefix); t != shard.committed->allterms_end(prefix); ++t)
            articles[std::string{schema::speaker_form_name(*t)}] += t.get_termfreq();
    for (const auto& [name, count] : articles) {
        const auto words = schema::speaker_name_words(name);
        if (!words.empty() && words.back() == folded) known.evidence.set(name, words, count);
    }
    for (const auto& name : known.evidence.names())
        known.committed[name] = known.evidence.canonical(name, schema::speaker_name_words(name));
    return known;
}

void SpeakerRegistry::count(const Article& article) {
    std::unordered_set<std::string> counted;   // an article is one piece of evidence for a spelling
    for (const auto& name : article.speakers) {
        if (!counted.insert(name).second) continue;
        const auto words = schema::speaker_name_words(name);
        if (words.empty() || !schema::speaker_form_term(words.back(), name)) continue;
        auto& known = surname(words.back());
        known.evidence.add(name, words);
        known.touched = true;
    }
}

SpeakerForms SpeakerRegistry::settle(Article& article) {
    auto forms = forms_of(article);
    count(article);
    apply(article, !shards_.empty());
    return forms;
}

void SpeakerRegistry::apply(Article& article) { apply(article, false); }

void SpeakerRegistry::apply(Article& article, bool record) {
    std::vector<std::string> settled;
    std::unordered_map<std::string, std::string> form_of;   // as the article names them -> settled
    std::unordered_set<std::string> listed;
    for (const auto& name : article.speakers) {
        auto form = canonical(name, record);
        form_of.try_emplace(name, form);
        if (listed.insert(form).second) settled.push_back(std::move(form));
    }
    for (auto& q : article.quotes)
        if (const auto it = form_of.find(q.speaker); it != form_of.end()) q.speaker = it->second;
    article.speakers = std::move(settled);
}

std::string SpeakerRegistry::canonical(const std::string& name) { return canonical(name, false); }

std::string SpeakerRegistry::canonical(const std::string& name, bool record) {
    const auto words = schema::speaker_name_words(name);
    if (words.empty()) return name;
    auto form = surname(words.back()).evidence.canonical(name, words);
    if (record) given_[name].insert(form);
    return form;
}

void SpeakerRegistry::recount(std::string_view form_term) {
    surname(std::string{schema::speaker_form_surname(form_term)}).touched = true;
}

StaleSpeakers SpeakerRegistry::reconcile() {
    StaleSpeakers stale;
    for (auto& [folded, known] : surnames_) {
        if (!known.touched) continue;
        known.touched = false;
        // Every spelling known now or at the last commit, counted again exactly: the articles
        // replaced or removed since then no longer count.
        auto names = known.evidence.names();
        for (const auto& [name, settled] : known.committed) names.push_back(name);
        for (const auto& name : names) {
            const auto term = schema::speaker_form_term(folded, name);
            Xapian::doccount articles = 0;
            for (const auto& shard : shards_) articles += shard.writing->get_termfreq(*term);
            known.evidence.set(name, schema::speaker_name_words(name), articles);
        }
        std::map<std::string, std::string> now;
        for (const auto& name : known.evidence.names())
            now[name] = known.evidence.canonical(name, schema::speaker_name_words(name));
        // A name no article writes any more gives no document its value.
        for (const auto& [name, settled] : known.committed)
            if (const auto it = now.find(name); it != now.end() && it->second != settled) stale.anywhere.insert(settled);
        known.committed = std::move(now);
    }
    for (const auto& [name, values] : given_) {
        const auto words = schema::speaker_name_words(name);
        const auto form = surname(words.back()).evidence.canonical(name, words);
        for (const auto& value : values)
            if (value != form) stale.since_commit.insert(value);
    }
    given_.clear();
    return stale;
}

} // namespace newsdesk
