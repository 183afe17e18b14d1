#include "pages/class_cues.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <string>
#include <string_view>

#include "pages/html_document.hpp"
#include "text/ascii.hpp"

namespace newsdesk::pages {
namespace {

// Words that name the article's text in class and id names, as whole words.
constexpr std::array ContentWords{"article", "articlebody", "body", "content", "entry", "main", "post", "story",
                                  "text", "prose", "blog", "paywall"};
// Words that name what surrounds it: whole words...
constexpr std::array BoilerplateWords{"nav", "menu", "footer", "comment", "comments", "share", "sharing", "social",
                                      "related", "promo", "sidebar", "widget", "ad", "ads", "advert", "banner",
                                      "cookie", "newsletter", "subscribe", "subscription", "signup", "breadcrumb",
                                      "breadcrumbs", "masthead", "popup", "modal", "recommended", "outbrain",
                                      "taboola", "trending", "popular", "sponsor", "sponsored", "tags", "tag",
                                      "byline", "author", "caption", "disclaimer", "rail", "toolbar", "print",
                                      "hidden", "skip", "pagination", "more", "teaser", "next", "prev", "jump",
                                      "contact", "login", "credits", "copyright", "dateline", "timestamp",
                                      "meta", "read"};
// ...and parts of words, for names written as one ("relatedstories", "socialshare").
constexpr std::array BoilerplateParts{"comment", "related", "social", "sidebar", "newsletter", "subscribe",
                                      "advert", "cookie", "breadcrumb", "recommend", "outbrain", "taboola",
                                      "trending", "sponsor", "promo", "share", "footer", "navigation", "byline"};

template <class Words>
bool has(const Words& words, std::string_view w) {
    return std::find(words.begin(), words.end(), w) != words.end();
}

} // namespace

Cue class_cue(const xmlNode* element) {
    std::string names = attribute(element, "class");
    names += ' ';
    names += attribute(element, "id");
    names = text::ascii_lower(names);
    bool content = false, boilerplate = false;
    std::size_t i = 0;
    while (i < names.size()) {
        while (i < names.size() && !std::isalnum(static_cast<unsigned char>(names[i]))) ++i;
        const auto start = i;
        while (i < names.size() && std::isalnum(static_cast<unsigned char>(names[i]))) ++i;
        const std::string_view word{names.data() + start, i - start};
        if (word.empty()) continue;
        if (has(ContentWords, word)) content = true;
        else if (has(BoilerplateWords, word)) boilerplate = true;
        else
            for (std::string_view part : BoilerplateParts)
                if (word.find(part) != std::string_view::npos) boilerplate = true;
    }
    const auto role = attribute(element, "role");
    if (role == "navigation" || role == "complementary" || role == "contentinfo" || role == "banner") return Cue::Boilerplate;
    // "article-comments", "story-related": the part of the article a name describes is what
    // counts, so a boilerplate word wins over a content word.
    if (boilerplate) return Cue::Boilerplate;
    return content ? Cue::Content : Cue::None;
}

bool marks_article_body(const xmlNode* element) {
    const auto prop = attribute(element, "itemprop");
    return prop == "articleBody" || prop == "articlebody" || attribute(element, "property") == "articleBody";
}

} // namespace newsdesk::pages
