#include "pages/json_ld.hpp"

#include <nlohmann/json.hpp>

#include "pages/html_document.hpp"

namespace newsdesk::pages {
namespace {
using nlohmann::json;

// JSON-LD nests an article a few levels down at most (@graph, arrays).
constexpr int MaxSearchDepth = 8;

bool article_type(const json& type) {
    auto is_article = [](const json& t) {
        if (!t.is_string()) return false;
        const auto& s = t.get_ref<const std::string&>();
        return s.ends_with("Article") || s == "BlogPosting" || s == "Report" || s == "LiveBlogPosting";
    };
    if (type.is_array()) {
        for (const auto& t : type)
            if (is_article(t)) return true;
        return false;
    }
    return is_article(type);
}

std::string string_of(const json& j, const char* key) {
    const auto it = j.find(key);
    if (it == j.end()) return {};
    if (it->is_string()) return collapse_space(it->get_ref<const std::string&>());
    if (it->is_object()) {
        for (const char* inner : {"name", "@id", "url"})
            if (const auto n = it->find(inner); n != it->end() && n->is_string())
                return collapse_space(n->get_ref<const std::string&>());
    }
    if (it->is_array() && !it->empty() && it->front().is_string()) return collapse_space(it->front().get_ref<const std::string&>());
    return {};
}

std::vector<std::string> names_of(const json& value) {
    std::vector<std::string> out;
    auto add = [&](const json& one) {
        std::string name;
        if (one.is_string()) name = one.get<std::string>();
        else if (one.is_object())
            if (const auto n = one.find("name"); n != one.end() && n->is_string()) name = n->get<std::string>();
        name = collapse_space(name);
        if (!name.empty()) out.push_back(name);
    };
    if (value.is_array())
        for (const auto& one : value) add(one);
    else add(value);
    return out;
}

const json* find_article(const json& j, int depth) {
    if (depth > MaxSearchDepth) return nullptr;
    if (j.is_object()) {
        if (const auto t = j.find("@type"); t != j.end() && article_type(*t)) return &j;
        if (const auto g = j.find("@graph"); g != j.end())
            if (const auto* a = find_article(*g, depth + 1)) return a;
        if (const auto m = j.find("mainEntity"); m != j.end())
            if (const auto* a = find_article(*m, depth + 1)) return a;
    } else if (j.is_array()) {
        for (const auto& e : j)
            if (const auto* a = find_article(e, depth + 1)) return a;
    }
    return nullptr;
}

} // namespace

JsonLdArticle json_ld_article(const std::vector<std::string>& scripts) {
    JsonLdArticle out;
    for (const auto& script : scripts) {
        const auto doc = json::parse(script, nullptr, false);
        if (doc.is_discarded()) continue;
        const json* a = find_article(doc, 0);
        if (!a) continue;
        out.found = true;
        out.headline = string_of(*a, "headline");
        if (out.headline.empty()) out.headline = string_of(*a, "name");
        out.date_published = string_of(*a, "datePublished");
        if (out.date_published.empty()) out.date_published = string_of(*a, "dateCreated");
        out.publisher = string_of(*a, "publisher");
        out.url = string_of(*a, "url");
        if (out.url.empty()) out.url = string_of(*a, "mainEntityOfPage");
        out.language = string_of(*a, "inLanguage");
        if (const auto au = a->find("author"); au != a->end()) out.authors = names_of(*au);
        if (out.authors.empty())
            if (const auto cr = a->find("creator"); cr != a->end()) out.authors = names_of(*cr);
        return out;
    }
    return out;
}

} // namespace newsdesk::pages
