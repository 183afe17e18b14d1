#include "schema/stored_article.hpp"

#include <nlohmann/json.hpp>

namespace newsdesk {

// nlohmann's ADL hooks; lenient in reading so that older records still load.
void to_json(nlohmann::json& j, const Quote& q) {
    j = {{"speaker", q.speaker}, {"text", q.text}, {"verb", q.verb}, {"offset", q.offset}, {"direct", q.direct}};
}
void from_json(const nlohmann::json& j, Quote& q) {
    q.speaker = j.value("speaker", "");
    q.text = j.value("text", "");
    q.verb = j.value("verb", "");
    q.offset = j.value("offset", std::size_t{0});
    q.direct = j.value("direct", false);
}
void to_json(nlohmann::json& j, const CountryMention& c) {
    j = {{"code", c.code}, {"count", c.count}, {"dateline", c.dateline}, {"focus", c.focus}};
}
void from_json(const nlohmann::json& j, CountryMention& c) {
    c.code = j.value("code", "");
    c.count = j.value("count", 0u);
    c.dateline = j.value("dateline", false);
    c.focus = j.value("focus", false);
}

namespace {

// Input may hold invalid UTF-8 in corners we do not validate; never fail on output.
std::string dump(const nlohmann::json& j) { return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace); }

nlohmann::json header(const Article& a) {
    return {{"id", a.id},         {"title", a.title},       {"date", a.date},
            {"source", a.source}, {"url", a.url},           {"language", a.language},
            {"authors", a.authors}, {"dateline", a.dateline}, {"countries", a.countries}};
}

template <typename T>
void read(const nlohmann::json& j, const char* key, T& out) {
    if (const auto it = j.find(key); it != j.end() && !it->is_null()) {
        try {
            out = it->get<T>();
        } catch (const nlohmann::json::exception&) {   // a field of another type: leave it empty
        }
    }
}

Article read_header(const nlohmann::json& j) {
    Article a;
    read(j, "id", a.id);
    read(j, "title", a.title);
    read(j, "date", a.date);
    read(j, "source", a.source);
    read(j, "url", a.url);
    read(j, "language", a.language);
    read(j, "authors", a.authors);
    read(j, "dateline", a.dateline);
    read(j, "countries", a.countries);
    return a;
}

nlohmann::json article_json(const Article& a) {
    auto j = header(a);
    j["body"] = a.body;
    j["speakers"] = a.speakers;
    j["organisations"] = a.organisations;
    j["country_mentions"] = a.country_mentions;
    j["quotes"] = a.quotes;
    return j;
}

// Keys of the forms an article was settled from, apart from the settled values shown.
constexpr const char* SpeakerFormsKey = "speaker_forms";
constexpr const char* QuoteSpeakerFormsKey = "quote_speaker_forms";

} // namespace

std::string to_document_data(const Article& a) { return dump(article_json(a)); }

SpeakerForms forms_of(const Article& a) {
    SpeakerForms forms{a.speakers, {}};
    for (const auto& q : a.quotes) forms.quote_speakers.push_back(q.speaker);
    return forms;
}

std::string to_document_data(const Article& a, const SpeakerForms& forms) {
    auto j = article_json(a);
    const auto settled = forms_of(a);
    if (forms.speakers != settled.speakers) j[SpeakerFormsKey] = forms.speakers;
    if (forms.quote_speakers != settled.quote_speakers) j[QuoteSpeakerFormsKey] = forms.quote_speakers;
    return dump(j);
}

SpeakerForms speaker_forms_from_document_data(std::string_view data) {
    const auto j = nlohmann::json::parse(data, nullptr, false);
    if (!j.is_object()) return {};
    Article settled;
    read(j, "speakers", settled.speakers);
    read(j, "quotes", settled.quotes);
    auto forms = forms_of(settled);
    read(j, SpeakerFormsKey, forms.speakers);
    read(j, QuoteSpeakerFormsKey, forms.quote_speakers);
    return forms;
}

Article from_document_data(std::string_view data) {
    const auto j = nlohmann::json::parse(data, nullptr, false);
    if (!j.is_object()) return {};
    auto a = read_header(j);
    read(j, "body", a.body);
    read(j, "speakers", a.speakers);
    read(j, "organisations", a.organisations);
    read(j, "country_mentions", a.country_mentions);
    read(j, "quotes", a.quotes);
    return a;
}

Article header_from_document_data(std::string_view data) {
    const auto j = nlohmann::json::parse(data, nullptr, false);
    return j.is_object() ? read_header(j) : Article{};
}

// The speaker's kind is stored as "organisation": true or false, as in records written before it
// had a name.
std::string quote_document_data(const Article& article, const Quote& quote, SpeakerKind speaker_kind) {
    return dump({{"article", article.id}, {"quote", quote}, {"organisation", speaker_kind == SpeakerKind::Organisation}});
}

QuoteRecord quote_from_document_data(std::string_view data) {
    QuoteRecord r;
    const auto j = nlohmann::json::parse(data, nullptr, false);
    if (!j.is_object()) return r;
    read(j, "article", r.article.id);
    read(j, "quote", r.quote);
    bool organisation = false;
    read(j, "organisation", organisation);
    r.speaker_kind = organisation ? SpeakerKind::Organisation : SpeakerKind::Person;
    return r;
}

} // namespace newsdesk
