#include <newsdesk/entities.hpp>

#include <algorithm>
#include <set>

#include <newsdesk/entities.hpp>
#include "text/ascii.hpp"
#include "text/language.hpp"
#include "text/unicode.hpp"

namespace newsdesk {
namespace {

// "en-US", "EN", "en_GB" -> "en".
std::string language_code(std::string_view tag) {
    return text::ascii_lower(tag.substr(0, tag.find_first_of("-_")));
}

void merge_names(std::vector<std::string>& names, const std::vector<std::string>& more) {
    std::set<std::string> seen;
    for (const auto& n : names) seen.insert(text::normalise(n));
    for (const auto& n : more)
        if (seen.insert(text::normalise(n)).second) names.push_back(n);
}

void merge_codes(std::vector<std::string>& codes, const std::vector<std::string>& more) {
    std::set<std::string> all;
    for (const auto& list : {std::cref(codes), std::cref(more)})
        for (const auto& given : list.get())
            if (const auto code = country_code(given)) all.insert(*code);
    codes.assign(all.begin(), all.end());
}

} // namespace

void enrich(Article& a, std::string_view default_language, const SpeakerAliases& aliases) {
    if (!a.language.empty()) a.language = language_code(a.language);
    else if (!default_language.empty()) a.language = language_code(default_language);
    else a.language = detect_language(a.title + "\n\n" + a.body);
    const auto found = extract_entities(a, aliases);
    std::vector<std::string> people, organisations;
    for (const auto& s : found.speakers)
        (s.kind == SpeakerKind::Person ? people : organisations).push_back(s.name);
    merge_names(a.speakers, people);
    merge_names(a.organisations, organisations);
    std::vector<std::string> codes;
    for (const auto& c : found.countries) codes.push_back(c.code);
    merge_codes(a.countries, codes);
    a.country_mentions = found.countries;
    a.quotes = found.quotes;
}

} // namespace newsdesk
