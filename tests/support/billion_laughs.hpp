#pragma once
// The billion-laughs attack: a DOCTYPE whose internal subset defines entities of entities,
// `lol9` ten `lol8`s and so on down to "lol", so that one `&lol9;` would expand to a billion
// "lol"s. Parsers must refuse it or leave it unexpanded.
#include <string>

namespace newsdesk::testing {

// "<!DOCTYPE root [...]>": put the document, using &lol9;, after it.
inline std::string billion_laughs_doctype(const std::string& root) {
    std::string doctype = "<!DOCTYPE " + root + " [<!ENTITY lol \"lol\">";
    std::string previous = "lol";
    for (int i = 1; i <= 9; ++i) {
        const auto name = "lol" + std::to_string(i);
        doctype += "<!ENTITY " + name + " \"";
        for (int k = 0; k < 10; ++k) doctype += "&" + previous + ";";
        doctype += "\">";
        previous = name;
    }
    return doctype + "]>";
}

} // namespace newsdesk::testing
