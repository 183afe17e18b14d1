#include "text/stemmers.hpp"

#include <map>
#include <optional>
#include <string>

namespace newsdesk {

const Xapian::Stem* stemmer_for(std::string_view language) {
    // Xapian::Stem objects are cheap to copy but not to create; keep one per language per thread.
    thread_local std::map<std::string, std::optional<Xapian::Stem>, std::less<>> cache;
    if (language.empty()) return nullptr;
    auto it = cache.find(language);
    if (it == cache.end()) {
        std::optional<Xapian::Stem> stem;
        try {
            stem.emplace(std::string{language});
        } catch (const Xapian::InvalidArgumentError&) {   // no stemmer for this language
        }
        it = cache.emplace(std::string{language}, std::move(stem)).first;
    }
    return it->second ? &*it->second : nullptr;
}

} // namespace newsdesk
