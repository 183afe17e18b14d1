#pragma once
// What extraction finds in a text, in the forms the extraction tests compare: names in the order
// found, and each direct quote as "speaker: first word".
#include <string>
#include <vector>

#include <newsdesk/entities.hpp>

#include "support/articles.hpp"

namespace newsdesk::testing {

inline std::vector<std::string> names_of(const Entities& e) {
    std::vector<std::string> out;
    for (const auto& s : e.speakers) out.push_back(s.name);
    return out;
}

// The speakers, people and organisations, of an article with this body.
inline std::vector<std::string> speakers(const std::string& body) {
    return names_of(extract_entities(text_article(body)));
}

// Each direct quote as "speaker: first word", in text order.
inline std::vector<std::string> turns(const std::string& body) {
    std::vector<std::string> out;
    for (const auto& q : extract_entities(text_article(body)).quotes)
        if (q.direct) out.push_back(q.speaker + ": " + q.text.substr(0, q.text.find(' ')));
    return out;
}

} // namespace newsdesk::testing
