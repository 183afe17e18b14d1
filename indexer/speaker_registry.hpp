#pragma once
// One facet value per person across the archive, chosen by the archive's evidence.
#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

#include <xapian.h>

#include <newsdesk/article.hpp>
#include "indexer/name_evidence.hpp"
#include "schema/stored_article.hpp"

namespace newsdesk {

// The speaker values some documents may hold wrongly once the evidence has changed: those of
// any document, and those only documents written since the last commit can hold.
struct StaleSpeakers {
    std::set<std::string> anywhere, since_commit;
    bool empty() const { return anywhere.empty() && since_commit.empty(); }
};

// Settles each person's name to its canonical form (SurnameEvidence) under the archive's
// evidence: how many articles write each spelling of each name. The evidence is in the index
// itself: every article document carries a term per name as the article wrote it
// (schema::SpeakerFormPrefix), so a spelling's count is its term's frequency, summed over the
// shards. It is therefore committed with the documents it counts, atomically, and is the
// same whatever order the articles came in, however often they were indexed again.
//
// A document is settled with the evidence as it stands when it is written; before each
// commit, reconcile() counts again what the batch changed and tells which values the
// documents may now hold wrongly, and the writer settles those documents again
// (IndexWriter::resettle), so that every committed revision holds, for every name, its
// canonical form under the evidence committed with it. A crash leaves the last such revision.
class SpeakerRegistry {
public:
    // Evidence in memory only, counted by count() and settle(): `newsdesk extract`.
    SpeakerRegistry() = default;
    SpeakerRegistry(const SpeakerRegistry&) = delete;
    SpeakerRegistry& operator=(const SpeakerRegistry&) = delete;

    // Weighs the articles of one more shard: `committed` is read when a surname is first met,
    // `writing` (the same database with this batch's changes) when a commit recounts. Both
    // must outlive the registry.
    void add_shard(const Xapian::Database& committed, const Xapian::Database& writing);

    // Counts the article's names as evidence and settles them (apply()); returns the names as
    // the article gave them, for its document (to_document with forms).
    SpeakerForms settle(Article& article);
    // Counts the article's names as evidence, settling nothing.
    void count(const Article& article);
    // Settles the article's people and its quotes' speakers to their canonical forms under
    // the evidence as it stands, counting nothing; names that became one are listed once.
    void apply(Article& article);
    std::string canonical(const std::string& name);

    // Tells the registry that an article writing the name of this form term
    // (schema::speaker_form_term) was replaced or removed: its surname is counted again at
    // the next reconcile().
    void recount(std::string_view form_term);
    // Before a commit: counts again, from the shards' term frequencies (this batch included),
    // the spellings of every surname this batch touched, and returns the values documents may
    // now hold wrongly. Settling those documents again changes no count.
    StaleSpeakers reconcile();
    // After the commit: forgets the surnames met, which the next batch reads again from the
    // committed revision, so that what the registry holds is bounded by a batch, not the run.
    void committed() { surnames_.clear(); }

private:
    struct Surname {
        SurnameEvidence evidence;
        // Each name's canonical form as the committed documents hold it.
        std::map<std::string, std::string> committed;
        bool touched = false;   // since the last reconcile()
    };
    struct Shard {
        const Xapian::Database* committed;
        const Xapian::Database* writing;
    };
    Surname& surname(const std::string& folded);
    std::string canonical(const std::string& name, bool record);
    void apply(Article& article, bool record);

    std::vector<Shard> shards_;
    std::unordered_map<std::string, Surname> surnames_;   // those met since the last commit
    // Since the last commit: the values each name was settled to, with the evidence of the
    // moment (kept only when there are shards to reconcile).
    std::map<std::string, std::set<std::string>> given_;
};

} // namespace newsdesk
