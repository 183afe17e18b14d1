#include "indexer/stored_article.hpp"

#include <nlohmann/json.hpp>

namespace newsdesk {

std::string to_document_data(const Article& a) {
    nlohmann::json j = {{"id", a.id},          {"title", a.title},   {"body", a.body},
                        {"date", a.date},      {"source", a.source}, {"url", a.url},
                        {"language", a.language}, {"authors", a.authors},
                        {"speakers", a.speakers}, {"countries", a.countries},
                        {"dateline", a.dateline}};
    // Input may hold invalid UTF-8 in corners we do not validate; never fail on output.
    return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

Article from_document_data(std::string_view data) {
    Article a;
    const auto j = nlohmann::json::parse(data, nullptr, false);
    if (!j.is_object()) return a;
    auto text = [&](const char* key, std::string& out) {
        if (auto it = j.find(key); it != j.end() && it->is_string()) out = it->get<std::string>();
    };
    auto list = [&](const char* key, std::vector<std::string>& out) {
        if (auto it = j.find(key); it != j.end() && it->is_array())
            for (const auto& v : *it)
                if (v.is_string()) out.push_back(v.get<std::string>());
    };
    text("id", a.id);
    text("title", a.title);
    text("body", a.body);
    text("date", a.date);
    text("source", a.source);
    text("url", a.url);
    text("language", a.language);
    text("dateline", a.dateline);
    list("authors", a.authors);
    list("speakers", a.speakers);
    list("countries", a.countries);
    return a;
}

} // namespace newsdesk
