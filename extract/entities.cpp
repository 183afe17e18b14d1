#include <newsdesk/entities.hpp>

#include <map>
#include <set>

#include "extract/country_extractor.hpp"
#include "extract/country_gazetteer.hpp"
#include "extract/country_roles.hpp"
#include "extract/quote_extractor.hpp"
#include "extract/speaker_extractor.hpp"
#include "extract/token_stream.hpp"
#include "text/unicode.hpp"

namespace newsdesk {
namespace {

// What one article may yield, whatever its length: ten times the most speakers and quotes any
// article of the development sets has (24 and 116), and as many names as an input list may
// give. Past that an article is a list or an attack, and each quote is a document to index.
constexpr std::size_t MaxSpeakersPerArticle = 1000;
constexpr std::size_t MaxQuotesPerArticle = 1000;

// The country of the dateline place: a bare place name, so any known form counts, or the
// first accepted match in it ("WASHINGTON, D.C.", "Kyiv, Ukraine").
std::optional<std::string> dateline_country(const std::string& dateline) {
    using namespace entities;
    if (dateline.empty() || !text::valid_utf8(dateline)) return std::nullopt;
    if (auto code = CountryGazetteer::instance().code_of(dateline)) return code;
    const auto ts = tokenise(dateline);
    for (const auto& m : match_countries(ts, false))
        if (m.accepted || (m.kind == FormKind::place && !m.code.empty())) return m.code;
    return std::nullopt;
}

} // namespace

Entities extract_entities(const Article& article) {
    static const SpeakerAliases defaults;
    return extract_entities(article, defaults);
}

Entities extract_entities(const Article& article, const SpeakerAliases& aliases) {
    using namespace entities;
    std::vector<Segment> segments;
    segments.reserve(2);
    std::vector<bool> headline;
    std::optional<std::size_t> body_segment;
    for (const auto* part : {&article.title, &article.body}) {
        if (part->empty() || !text::valid_utf8(*part)) continue;
        Segment s;
        s.tokens = tokenise(*part);
        s.countries = match_countries(s.tokens, part == &article.title);
        if (part == &article.body) body_segment = segments.size();
        headline.push_back(part == &article.title);
        segments.push_back(std::move(s));
    }
    Entities out;
    {
        std::vector<const TokenStream*> texts;
        std::vector<std::vector<CountryMatch>*> matches;
        std::vector<MatchedText> counted;
        for (std::size_t i = 0; i < segments.size(); ++i) {
            texts.push_back(&segments[i].tokens);
            matches.push_back(&segments[i].countries);
            counted.push_back({&segments[i].countries, headline[i]});
        }
        confirm_places(texts, matches);
        out.countries = country_mentions(counted, dateline_country(article.dateline));
    }

    auto found = extract_speakers(segments);
    // One name per speaker across the archive: the alias table's canonical form when it knows
    // the name (people only), else the article's fullest form.
    std::map<std::string, std::string> renamed;
    auto name_of = [&](const std::string& name, bool organisation) -> const std::string& {
        auto [it, fresh] = renamed.emplace(name, name);
        if (fresh && !organisation)
            if (auto canonical = aliases.canonical(name)) it->second = std::move(*canonical);
        return it->second;
    };
    std::set<std::pair<std::string, bool>> listed;
    std::set<std::string> organisations;
    for (const auto& s : found.speakers) {
        const auto& name = name_of(s.name, s.organisation);
        if (s.organisation) organisations.insert(s.name);
        if (out.speakers.size() < MaxSpeakersPerArticle && listed.emplace(name, s.organisation).second)
            out.speakers.push_back({name, s.organisation ? SpeakerKind::Organisation : SpeakerKind::Person});
    }
    if (body_segment) {
        std::vector<SpeechCue> body_cues;
        for (const auto& c : found.cues)
            if (c.segment == *body_segment) body_cues.push_back(c);
        out.quotes = extract_quotes(segments[*body_segment].tokens, body_cues);
        if (out.quotes.size() > MaxQuotesPerArticle) out.quotes.resize(MaxQuotesPerArticle);
        // a sentence's subject speaks where a quote was found to be theirs
        for (const auto& c : body_cues)
            if (c.named_only && c.organisation) organisations.insert(c.speaker);
        for (auto& q : out.quotes) {
            const bool organisation = organisations.contains(q.speaker);
            q.speaker = name_of(q.speaker, organisation);
            if (out.speakers.size() < MaxSpeakersPerArticle && listed.emplace(q.speaker, organisation).second)
                out.speakers.push_back({q.speaker, organisation ? SpeakerKind::Organisation : SpeakerKind::Person});
        }
    }
    return out;
}

std::optional<std::string> country_code(std::string_view name_or_code) {
    if (!text::valid_utf8(name_or_code)) return std::nullopt;
    if (auto code = entities::CountryGazetteer::as_code(name_or_code)) return code;   // without loading the names
    return entities::CountryGazetteer::instance().code_of(name_or_code);
}

std::string country_name(std::string_view code) {
    return entities::CountryGazetteer::english_name(code);
}

} // namespace newsdesk
