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

std::vector<StoryVersion> story_versions(const Xapian::Database& db, const std::string& story,
                                         const Xapian::Query& matching, const Xapian::Document& against,
                                         std::size_t limit, std::uint64_t& count) {
    Xapian::Enquire enquire(db);
    enquire.set_query(Xapian::Query(Xapian::Query::OP_FILTER, matching,
                                    Xapian::Query(Xapian::Query::OP_AND,
                                                  Xapian::Query(schema::exact_term(schema::Story, story)),
                                                  Xapian::Query(schema::exact_term(schema::DocKind, schema::ArticleKind)))));
    enquire.set_weighting_scheme(Xapian::BoolWeight());
    const auto everything = db.get_doccount();
    const auto mset = enquire.get_mset(0, everything, everything);
    count = mset.get_matches_estimated();
    const auto reference = fingerprint_of(against);
    std::vector<StoryVersion> versions;
    for (auto it = mset.begin(); it != mset.end(); ++it) {
        const auto doc = it.get_document();
        StoryVersion v;
        v.article = header_from_document_data(doc.get_data());
        const auto fingerprint = fingerprint_of(doc);
        v.same = doc.get_docid() == against.get_docid() ? 1.0
                 : reference && fingerprint ? reference->containment(*fingerprint) : 0.0;
        versions.push_back(std::move(v));
    }
    // Oldest first, then by id; undated last. A story has a few dozen versions, not millions.
    std::sort(versions.begin(), versions.end(), [](const StoryVersion& a, const StoryVersion& b) {
        const auto& x = a.article;
        const auto& y = b.article;
        if (x.date.empty() != y.date.empty()) return !x.date.empty();
        return x.date != y.date ? x.date < y.date : x.id < y.id;
    });
    if (versions.size() > limit) versions.resize(limit);
    return versions;
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
    std::uint64_t count = 0;
    story.versions = story_versions(db, story.story, Xapian::Query::MatchAll, doc, db.get_doccount(), count);
    return story;
}

} // namespace newsdesk
