#include "pages/metadata.hpp"

#include <algorithm>
#include <cctype>
#include <initializer_list>

#include "pages/json_ld.hpp"

namespace newsdesk::pages {
namespace {

std::string first_meta(const PageTags& tags, std::initializer_list<const char*> names) {
    for (const char* name : names)
        if (const auto it = tags.meta.find(name); it != tags.meta.end() && !it->second.empty()) return it->second;
    return {};
}

template <class... Strings>
std::string first_of(const Strings&... candidates) {
    std::string out;
    ((out.empty() ? void(out = candidates) : void()), ...);
    return out;
}

bool is_address(std::string_view s) { return s.starts_with("http://") || s.starts_with("https://"); }

// Authors from a meta tag: "A. Writer and B. Writer", "A. Writer, B. Writer"; profile
// addresses (article:author often holds one) are no names.
std::vector<std::string> split_authors(const std::string& list) {
    std::vector<std::string> out;
    if (list.empty() || is_address(list)) return out;
    auto add = [&](std::string_view name) {
        const auto start = name.find_first_not_of(' ');
        if (start == std::string_view::npos) return;
        name = name.substr(start, name.find_last_not_of(' ') - start + 1);
        if (name.starts_with("By ") || name.starts_with("by ")) name.remove_prefix(3);
        if (!name.empty()) out.emplace_back(name);
    };
    const std::string_view text{list};
    std::size_t begin = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        std::size_t sep = 0;
        if (text[i] == ',' || text[i] == ';' || text[i] == '|') sep = 1;
        else if (text.substr(i, 5) == " and ") sep = 5;
        if (!sep) continue;
        add(text.substr(begin, i - begin));
        begin = i + sep;
        i = begin - 1;
    }
    add(text.substr(begin));
    return out;
}

std::vector<std::string> clean_authors(std::vector<std::string> names) {
    std::vector<std::string> out;
    for (auto& n : names)
        if (!n.empty() && !is_address(n) && n.size() < 100 && std::find(out.begin(), out.end(), n) == out.end())
            out.push_back(std::move(n));
    return out;
}

} // namespace

std::vector<std::string> author_names(const std::string& byline) { return clean_authors(split_authors(byline)); }

std::string iso_date(std::string_view when) {
    const auto start = when.find_first_not_of(' ');
    if (start == std::string_view::npos) return {};
    when.remove_prefix(start);
    if (when.size() < 10) return {};
    for (std::size_t i : {0u, 1u, 2u, 3u, 5u, 6u, 8u, 9u})
        if (!std::isdigit(static_cast<unsigned char>(when[i]))) return {};
    if (when[4] != '-' || when[7] != '-') return {};
    if (when.size() > 10 && std::isdigit(static_cast<unsigned char>(when[10]))) return {};
    const int month = (when[5] - '0') * 10 + (when[6] - '0'), day = (when[8] - '0') * 10 + (when[9] - '0');
    if (month < 1 || month > 12 || day < 1 || day > 31) return {};
    return std::string{when.substr(0, 10)};
}

std::string iso_language(std::string_view tag) {
    std::string code;
    for (char c : tag) {
        if (c == '-' || c == '_') break;
        code += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    if (code.size() != 2 || !std::all_of(code.begin(), code.end(), [](char c) { return c >= 'a' && c <= 'z'; }))
        return {};
    return code;
}

PageMetadata metadata_of(const PageTags& tags) {
    const auto ld = json_ld_article(tags.json_ld);
    PageMetadata m;
    m.title = first_of(ld.headline, first_meta(tags, {"og:title", "twitter:title", "headline", "dc.title"}), tags.h1,
                       tags.title);
    for (const auto& candidate :
         {ld.date_published, first_meta(tags, {"article:published_time", "datepublished", "og:published_time",
                                                "pubdate", "publishdate", "date", "dc.date", "dc.date.issued",
                                                "dcterms.created", "sailthru.date", "parsely-pub-date"}),
          tags.published_time, tags.first_time})
        if (m.date.empty()) m.date = iso_date(candidate);
    m.source = first_of(ld.publisher, first_meta(tags, {"og:site_name", "application-name", "publisher", "dc.publisher"}));
    m.authors = clean_authors(ld.authors);
    if (m.authors.empty())
        m.authors = clean_authors(split_authors(
            first_meta(tags, {"author", "article:author", "byl", "dc.creator", "sailthru.author", "parsely-author"})));
    m.url = first_of(tags.canonical, first_meta(tags, {"og:url"}), ld.url);
    for (const auto& candidate : {tags.html_lang, ld.language, first_meta(tags, {"content-language", "language",
                                                                               "og:locale", "dc.language"})})
        if (m.language.empty()) m.language = iso_language(candidate);
    return m;
}

} // namespace newsdesk::pages
