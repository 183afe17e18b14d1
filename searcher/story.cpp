#include "searcher/story.hpp"

#include <algorithm>

#include "schema/schema.hpp"
#include "schema/stored_article.hpp"
#include "schema/terms.hpp"
#include "text/story_fingerprint.hpp"

namespace newsdesk {
namespace {

std::optional<text::StoryFingerprint> fingerprint_of(const Xapian::Document& doc) {
    return text::StoryFingerprint::parse(doc.get_value(schema::value_no(schema::Slot::StoryFingerprint)));
}

} // namespace

std::map<std::string, std::vector<StoryVersion>> story_versions(const Xapian::Database& db,
                                                                const std::map<std::string, Xapian::Document>& stories,
                                                                const Xapian::Query& matching, std::size_t limit) {
    std::map<std::string, std::vector<StoryVersion>> out;
    if (stories.empty()) return out;
    std::vector<Xapian::Query> terms;
    for (const auto& [story, against] : stories) terms.emplace_back(schema::exact_term(schema::Story, story));
    Xapian::Enquire enquire(db);
    enquire.set_query(Xapian::Query(Xapian::Query::OP_FILTER, matching,
                                    Xapian::Query(Xapian::Query::OP_AND,
                                                  Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end()),
                                                  Xapian::Query(schema::exact_term(schema::DocKind, schema::ArticleKind)))));
    enquire.set_weighting_scheme(Xapian::BoolWeight());
    enquire.set_docid_order(Xapian::Enquire::DONT_CARE);
    const auto everything = db.get_doccount();
    const auto mset = enquire.get_mset(0, everything);
    std::map<std::string, std::optional<text::StoryFingerprint>> references;
    for (const auto& [story, against] : stories) references[story] = fingerprint_of(against);
    for (auto it = mset.begin(); it != mset.end(); ++it) {
        const auto doc = it.get_document();
        const auto story = doc.get_value(schema::value_no(schema::Slot::Story));
        const auto found = stories.find(story);
        if (found == stories.end()) continue;
        StoryVersion v;
        v.article = header_from_document_data(doc.get_data());
        const auto& reference = references[story];
        const auto fingerprint = fingerprint_of(doc);
        v.same = doc.get_docid() == found->second.get_docid() ? 1.0
                 : reference && fingerprint ? reference->containment(*fingerprint) : 0.0;
        out[story].push_back(std::move(v));
    }
    for (auto& [story, versions] : out) {
        // Oldest first, then by id; undated last.
        std::sort(versions.begin(), versions.end(), [](const StoryVersion& a, const StoryVersion& b) {
            const auto& x = a.article;
            const auto& y = b.article;
            if (x.date.empty() != y.date.empty()) return !x.date.empty();
            return x.date != y.date ? x.date < y.date : x.id < y.id;
        });
        if (versions.size() > limit) versions.resize(limit);
    }
    return out;
}

std::optional<Story> story_of_article(const Xapian::Database& db, std::string_view id) {
    const auto term = schema::exact_term(schema::Id, id);
    const auto posting = db.postlist_begin(term);
    if (posting == db.postlist_end(term)) return std::nullopt;
    const auto doc = db.get_document(*posting);
    Story story;
    story.story = doc.get_value(schema::value_no(schema::Slot::Story));
    if (story.story.empty()) {   // an index made before stories were kept: the article alone
        StoryVersion self{header_from_document_data(doc.get_data()), 1.0};
        story.story = self.article.id;
        story.versions.push_back(std::move(self));
        return story;
    }
    auto versions = story_versions(db, {{story.story, doc}}, Xapian::Query::MatchAll, db.get_doccount());
    story.versions = std::move(versions[story.story]);
    return story;
}

} // namespace newsdesk
