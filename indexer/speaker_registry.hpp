#pragma once
// One facet value per person across the archive.
#include <map>
#include <string>
#include <vector>

#include <xapian.h>

#include <newsdesk/article.hpp>

namespace newsdesk {

// Settles each person's name to the form the archive already knows, so that articles naming
// one person differently still count under one speaker. Two names are the same person when
// they fold to the same text (case, accents: "Erdoğan", "ERDOGAN"), or when every word of the
// shorter occurs in exactly one longer known name ending in the same surname ("Tayyip Erdogan"
// -> "Recep Tayyip Erdogan"). Known names live in the database's metadata, written with the
// writer's next commit; a name first seen in a shorter form keeps it in articles indexed before.
class SpeakerRegistry {
public:
    // Keeps known names in `db`'s metadata (an in-memory database serves a single run).
    explicit SpeakerRegistry(Xapian::WritableDatabase& db) : db_(db) {}
    std::string canonical(const std::string& name);
    // Settles the article's people and the speakers of its quotes; forms that became one
    // name are listed once.
    void settle(Article& article);

private:
    struct Known {
        std::string display;
        std::vector<std::string> words;   // folded
    };
    std::vector<Known>& known_with_surname(const std::string& surname);

    Xapian::WritableDatabase& db_;
    std::map<std::string, std::vector<Known>> by_surname_;   // cache of what metadata holds
};

} // namespace newsdesk
