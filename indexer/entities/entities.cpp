#include "indexer/entities/entities.hpp"

#include <set>

#include "indexer/entities/country_extractor.hpp"
#include "indexer/entities/country_gazetteer.hpp"
#include "indexer/entities/speaker_extractor.hpp"
#include "indexer/entities/token_stream.hpp"
#include "schema/text.hpp"

namespace newsdesk {

Entities extract_entities(const Article& article) {
    static const SpeakerAliases defaults;
    return extract_entities(article, defaults);
}

Entities extract_entities(const Article& article, const SpeakerAliases& aliases) {
    using namespace entities;
    std::vector<Segment> segments;
    segments.reserve(2);
    std::set<std::string> codes;
    for (const auto* part : {&article.title, &article.body}) {
        if (part->empty() || !text::valid_utf8(*part)) continue;
        Segment s;
        s.tokens = tokenise(*part);
        s.countries = match_countries(s.tokens, part == &article.title);
        segments.push_back(std::move(s));
    }
    {
        std::vector<const TokenStream*> texts;
        std::vector<std::vector<CountryMatch>*> matches;
        for (auto& s : segments) {
            texts.push_back(&s.tokens);
            matches.push_back(&s.countries);
        }
        confirm_places(texts, matches);
        for (const auto& s : segments) collect_countries(s.countries, codes);
    }
    // The dateline is a bare place name: any known form counts, common-word caveats aside.
    if (!article.dateline.empty() && text::valid_utf8(article.dateline)) {
        if (auto code = CountryGazetteer::instance().code_of(article.dateline)) codes.insert(*code);
        else {
            const auto ts = tokenise(article.dateline);
            collect_countries(match_countries(ts, false), codes);
        }
    }
    Entities out;
    for (auto& name : extract_speakers(segments)) {
        const auto canonical = aliases.canonical(name);
        out.speakers.push_back({canonical ? *canonical : std::move(name), SpeakerKind::Person});
    }
    for (const auto& code : codes) out.countries.push_back({code, 1, false, false});
    return out;
}

std::optional<std::string> country_code(std::string_view name_or_code) {
    if (!text::valid_utf8(name_or_code)) return std::nullopt;
    return entities::CountryGazetteer::instance().code_of(name_or_code);
}

std::string country_name(std::string_view code) {
    return entities::CountryGazetteer::instance().english_name(code);
}

} // namespace newsdesk
