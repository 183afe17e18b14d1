#pragma once
// Which story each article is a version of, kept right as articles come, change and go.
//
// Two articles are linked when their bodies' fingerprints share a band key and are close enough
// to be copies of one text (text::StoryFingerprint::same_story), and they ran within days of
// each other (linked()). A story is a set of articles
// connected by links, named by its earliest article: the earliest date, then the smallest id,
// undated articles last. Both are properties of the articles alone, not of the order they came
// in: an article that arrives links to the stories it touches and they become one, named by
// the earliest of their articles; an article that leaves (removed, or replaced by a text that
// is not the same) has the rest of its story linked again among themselves, which may part it.
// Articles whose story's name changes are rewritten in place (the writer's restory), value and
// term only.
//
// Finding an article's candidates is one posting-list lookup per band in the committed
// databases (plus a map of what the batch added), so it costs the same at any archive size;
// a filter in memory (BandFilter) spares the lookups of keys no committed article has, and
// a candidate is read whole only when its fingerprint and date link it (committed_member).
// Stories are decided on the deciding thread, in input order, as replacement by id is.
#include <functional>
#include <optional>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include <xapian.h>

#include <newsdesk/article.hpp>
#include "indexer/band_filter.hpp"
#include "text/story_fingerprint.hpp"

namespace newsdesk {

class StoryKeeper {
public:
    // Rewrites the story of an article already written (in this batch or before).
    using Restory = std::function<void(const std::string& article_id, const std::string& story)>;
    explicit StoryKeeper(Restory restory) : restory_(std::move(restory)) {}

    // The databases that hold what is committed (a plain database, the shards, a bulk load's
    // side databases); read again after every commit. They must outlive the keeper's use.
    void read(const std::vector<const Xapian::Database*>& committed);

    // The story of an article about to be written, whose text document (text_document) holds
    // its fingerprint; the article it replaces, if any, leaves its story first.
    std::string arrive(const Article& article, const Xapian::Document& text);
    // The article with this id is removed.
    void leave(const std::string& id);
    // After a commit: what the batch wrote is read from the committed databases now.
    void committed();

private:
    struct Member {
        std::string id;
        std::string date;   // the date slot's "YYYYMMDD", empty when undated
        text::StoryFingerprint fingerprint;
        std::string story;
    };
    // Whether two articles are versions of one story: their texts are (same_story), and they
    // ran within days of each other.
    static bool linked(const Member& a, const Member& b);
    // Which of two articles is the earlier: the story is named by its earliest.
    static bool earlier(const Member& a, const Member& b);

    std::optional<Member> current(const std::string& id) const;       // the article as it stands
    // The committed article under this document id, unless the batch changed it; with linked_to,
    // only if the two are linked.
    std::optional<Member> committed_member(Xapian::docid docid, const Member* linked_to = nullptr) const;
    std::vector<Member> linked_members(const Member& m) const;   // among those sharing a band key
    std::vector<Member> members(const std::string& story) const;
    void depart(const Member& old);
    void restory(Member m, const std::string& story);
    void remember(Member m);   // into the batch, in place of what it held under that id
    void forget(const std::string& id);

    Restory restory_;
    Xapian::Database committed_;
    // What the batch changed, which the committed databases do not show yet: the articles
    // written or restoried (by id), their band keys, and the ids removed.
    std::unordered_map<std::string, Member> batch_;
    std::unordered_multimap<std::uint64_t, std::string> batch_bands_;
    std::unordered_set<std::string> removed_;
    // The band keys the committed databases may hold.
    BandFilter bands_;
    bool bands_known_ = false;
};

} // namespace newsdesk
