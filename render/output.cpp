#include "render/output.hpp"

#include <unistd.h>

#include <iostream>

namespace newsdesk::cli {
namespace {

void escape_html(std::string& out, std::string_view s) {
    for (char c : s) {
        switch (c) {
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '&': out += "&amp;"; break;
        default: out += c;
        }
    }
}

template <typename Escape>
std::string marked(const Snippet& s, std::string_view open, std::string_view close, Escape escape) {
    std::string out;
    std::size_t pos = 0;
    for (const auto& m : s.matches) {
        escape(out, std::string_view{s.text}.substr(pos, m.offset - pos));
        out += open;
        escape(out, std::string_view{s.text}.substr(m.offset, m.length));
        out += close;
        pos = m.offset + m.length;
    }
    escape(out, std::string_view{s.text}.substr(pos));
    return out;
}

} // namespace

std::string marked_html(const Snippet& s) { return marked(s, "<mark>", "</mark>", escape_html); }

std::string marked_text(const Snippet& s, std::string_view open, std::string_view close) {
    return marked(s, open, close, [](std::string& out, std::string_view t) { out += t; });
}

nlohmann::json facets_json(const std::vector<FacetResult>& facets) {
    auto out = nlohmann::json::object();
    for (const auto& facet : facets) {
        auto values = nlohmann::json::array();
        for (const auto& v : facet.values) {
            nlohmann::json value = {{"value", v.value}, {"count", v.count}};
            if (v.label != v.value) value["name"] = v.label;
            if (!v.type.empty()) value["type"] = v.type;
            values.push_back(std::move(value));
        }
        out[facet.name] = std::move(values);
    }
    return out;
}

nlohmann::json quote_json(const Quote& q) {
    return {{"speaker", q.speaker}, {"verb", q.verb}, {"text", q.text}, {"direct", q.direct}, {"offset", q.offset}};
}

nlohmann::json mentions_json(const std::vector<CountryMention>& mentions) {
    auto out = nlohmann::json::array();
    for (const auto& m : mentions)
        out.push_back({{"code", m.code}, {"count", m.count}, {"dateline", m.dateline}, {"focus", m.focus}});
    return out;
}

nlohmann::json to_json(const SearchResults& r) {
    auto hits = nlohmann::json::array();
    for (const auto& h : r.hits) {
        const auto& a = h.article;
        auto quotes = nlohmann::json::array();
        for (const auto& q : a.quotes) quotes.push_back(quote_json(q));
        hits.push_back({{"rank", h.rank},         {"score", h.score},       {"id", a.id},
                        {"title", a.title},       {"date", a.date},         {"source", a.source},
                        {"url", a.url},           {"language", a.language}, {"authors", a.authors},
                        {"dateline", a.dateline}, {"speakers", a.speakers}, {"organisations", a.organisations},
                        {"countries", a.countries}, {"country_mentions", mentions_json(a.country_mentions)},
                        {"quotes", std::move(quotes)}, {"snippet", marked_html(h.snippet)}});
    }
    return {{"query", r.query}, {"total", r.total},         {"offset", r.offset},
            {"limit", r.limit}, {"hits", std::move(hits)}, {"facets", facets_json(r.facets)}};
}

nlohmann::json to_json(const QuoteResults& r) {
    auto hits = nlohmann::json::array();
    for (const auto& h : r.hits) {
        const auto& a = h.record.article;
        auto quote = quote_json(h.record.quote);
        quote["speaker_type"] = h.record.organisation ? "organisation" : "person";
        quote["marked"] = marked_html(h.text);
        hits.push_back({{"rank", h.rank}, {"score", h.score}, {"quote", std::move(quote)},
                        {"article", {{"id", a.id}, {"title", a.title}, {"date", a.date}, {"source", a.source},
                                     {"url", a.url}, {"countries", a.countries}}}});
    }
    return {{"query", r.query}, {"total", r.total},         {"offset", r.offset},
            {"limit", r.limit}, {"hits", std::move(hits)}, {"facets", facets_json(r.facets)}};
}

nlohmann::json to_json(const IndexInfo& info) {
    return {{"articles", info.articles},
            {"first_date", info.first_date.empty() ? nlohmann::json(nullptr) : nlohmann::json(info.first_date)},
            {"last_date", info.last_date.empty() ? nlohmann::json(nullptr) : nlohmann::json(info.last_date)},
            {"facets", facets_json(info.facets)}};
}

std::string dump(const nlohmann::json& j) { return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace); }

void ProblemPrinter::print(const InputProblem& p) {
    constexpr std::size_t MostPerFile = 20;
    // "path:line" -> "path"
    auto file = p.location;
    if (const auto colon = file.rfind(':');
        colon != std::string::npos && colon + 1 < file.size() &&
        file.find_first_not_of("0123456789", colon + 1) == std::string::npos)
        file.resize(colon);
    const auto n = ++per_file_[file];
    if (n <= MostPerFile) std::cerr << p.to_string() << '\n';
    if (n == MostPerFile)
        std::cerr << file << ": more problems in this file are counted but not shown\n";
}

bool stdout_is_terminal() { return isatty(STDOUT_FILENO); }
bool stderr_is_terminal() { return isatty(STDERR_FILENO); }

} // namespace newsdesk::cli
