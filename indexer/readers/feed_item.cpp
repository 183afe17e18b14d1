#include "indexer/readers/feed_item.hpp"

#include <algorithm>
#include <cctype>

#include "indexer/readers/xml_stream.hpp"
#include "pages/html_article.hpp"
#include "pages/html_document.hpp"
#include "pages/metadata.hpp"
#include "schema/date.hpp"
#include "text/ascii.hpp"

namespace newsdesk {
namespace {

// RSS 2.0 has no namespace; RSS 1.0 and 0.9 are RDF with their own, and borrow Dublin Core's
// and the content module's elements, which RSS 2.0 feeds use as well.
constexpr std::string_view Atom10 = "http://www.w3.org/2005/Atom";
constexpr std::string_view Atom03 = "http://purl.org/atom/ns#";
constexpr std::string_view Rss10 = "http://purl.org/rss/1.0/";
constexpr std::string_view Rss09 = "http://my.netscape.com/rdf/simple/0.9/";
constexpr std::string_view ContentModule = "http://purl.org/rss/1.0/modules/content/";
constexpr std::string_view DublinCore = "http://purl.org/dc/elements/1.1/";

bool is_address(std::string_view s) { return s.starts_with("http://") || s.starts_with("https://"); }

std::string trimmed(std::string_view s) {
    const auto start = s.find_first_not_of(" \t\r\n");
    if (start == std::string_view::npos) return {};
    return std::string{s.substr(start, s.find_last_not_of(" \t\r\n") - start + 1)};
}

// Plain text as feeds write it: lines joined, blank lines kept as paragraph breaks.
std::string plain_paragraphs(std::string_view s) {
    std::string out, paragraph;
    auto flush = [&] {
        auto p = pages::collapse_space(paragraph);
        paragraph.clear();
        if (p.empty()) return;
        if (!out.empty()) out += "\n\n";
        out += p;
    };
    std::size_t start = 0;
    while (start <= s.size()) {
        const auto end = std::min(s.find('\n', start), s.size());
        const auto line = s.substr(start, end - start);
        if (line.find_first_not_of(" \t\r") == std::string_view::npos) flush();
        else (paragraph += ' ') += line;
        start = end + 1;
    }
    flush();
    return out;
}

// RSS's author is an e-mail address, with the name in brackets when there is one
// ("jane@example.com (Jane Doe)"); an address alone names no one.
std::string rss_author_name(const std::string& author) {
    const auto open = author.find('('), close = author.rfind(')');
    if (open != std::string::npos && close != std::string::npos && close > open)
        return trimmed(std::string_view{author}.substr(open + 1, close - open - 1));
    if (author.find('@') != std::string::npos) return {};
    return author;
}

// The label of a host that names its site: "feeds.bbci.co.uk" -> "bbci", "www.nytimes.com" ->
// "nytimes" (the longest label: second-level domains and "www" are shorter than names).
std::string site_label(std::string_view link) {
    if (!is_address(link)) return {};
    link.remove_prefix(link.find("//") + 2);
    link = link.substr(0, std::min(link.find_first_of("/:?#"), link.size()));
    std::string best;
    std::size_t start = 0;
    while (start <= link.size()) {
        const auto end = std::min(link.find('.', start), link.size());
        const auto label = link.substr(start, end - start);
        if (end < link.size() && label.size() > best.size() && label != "www" && label != "feeds" && label != "rss")
            best = std::string{label};
        start = end + 1;
    }
    return text::ascii_lower(best);
}

// Letters and digits, lower case: "The Guardian" -> "theguardian".
std::string squashed(std::string_view s) {
    std::string out;
    for (unsigned char c : s)
        if (std::isalnum(c)) out += static_cast<char>(std::tolower(c));
    return out;
}

// A feed's title names its section as well as its publication ("BBC News - World", "World
// news | The Guardian", "NYT > World News"): the part that its address names is the
// publication. Without such a part, the whole title.
std::string source_name(const std::string& title, const std::string& link) {
    static constexpr std::string_view separators[] = {" - ", " | ", " \u2013 ", " \u2014 ", " > ", " \u00bb ", ": "};
    std::vector<std::string_view> parts{title};
    for (auto sep : separators) {
        std::vector<std::string_view> split;
        for (auto part : parts) {
            for (auto at = part.find(sep); at != std::string_view::npos; at = part.find(sep)) {
                split.push_back(part.substr(0, at));
                part.remove_prefix(at + sep.size());
            }
            split.push_back(part);
        }
        parts = std::move(split);
    }
    const auto label = site_label(link);
    if (parts.size() < 2 || label.size() < 3) return title;
    std::string_view best;
    std::size_t best_shared = 0;
    for (auto part : parts) {
        const auto name = squashed(part);
        const auto bare = name.starts_with("the") ? name.substr(3) : name;
        std::size_t shared = 0;
        for (const auto* candidate : {&name, &bare}) {
            std::size_t n = 0;
            while (n < candidate->size() && n < label.size() && (*candidate)[n] == label[n]) ++n;
            shared = std::max(shared, n);
        }
        // Most of the shorter of the two must agree: "bbcnews" with "bbci", "nyt" with "nytimes".
        if (shared >= 3 && 2 * shared >= std::min(bare.size(), label.size()) && shared > best_shared) {
            best = part;
            best_shared = shared;
        }
    }
    return best_shared ? trimmed(best) : title;
}

bool is_void_element(std::string_view name) {
    return name == "br" || name == "hr" || name == "img" || name == "wbr" || name == "meta" || name == "link";
}

void escape_into(std::string& out, std::string_view text) {
    for (char c : text) {
        if (c == '&') out += "&amp;";
        else if (c == '<') out += "&lt;";
        else if (c == '>') out += "&gt;";
        else out += c;
    }
}

} // namespace

FeedItemBuilder::FeedItemBuilder(const XmlStream& xml, std::size_t max_bytes)
    : max_bytes_(max_bytes), language_tag_(xml.language()) {
    about_ = xml.attribute("rdf:about");
}

void FeedItemBuilder::keep(std::string_view chars) {
    if (too_large_) return;
    if (kept_bytes_ + chars.size() > max_bytes_) {
        too_large_ = true;
        buffer_.clear();
        return;
    }
    kept_bytes_ += chars.size();
    buffer_ += chars;
}

void FeedItemBuilder::start(const XmlStream& xml) {
    ++level_;
    const auto name = xml.local_name();
    if (capture_ != Field::None) {
        // Inside a field: markup keeps its elements (XHTML, or HTML a feed left unescaped),
        // so its paragraphs stay paragraphs; plain text gives only its text.
        if (capture_markup_ == Markup::Xhtml || capture_markup_ == Markup::Html) keep("<" + std::string{name} + ">");
        return;
    }
    const auto ns = xml.namespace_uri();
    const bool atom = ns == Atom10 || ns == Atom03;
    if (in_author_ && level_ == 2 && name == "name") {   // Atom's author/name
        capture_ = Field::Author;
        capture_level_ = level_;
        capture_markup_ = Markup::Text;
        return;
    }
    if (level_ != 1) return;

    auto field = Field::None;
    auto markup = Markup::Text;
    if (atom) {
        // Atom says how its text is written: text (the default), html, xhtml, or a MIME type.
        const auto type = xml.attribute("type");
        markup = type.empty() || type == "text" || type == "text/plain" ? Markup::Text
                 : type == "html" || type == "text/html"                ? Markup::Html
                 : type == "xhtml" || type == "application/xhtml+xml"   ? Markup::Xhtml
                                                                        : Markup::Other;
        if (name == "title") field = Field::Title;
        else if (name == "id") field = Field::Id;
        else if (name == "published" || name == "issued") field = Field::Published;
        else if (name == "updated" || name == "modified") field = Field::Updated;
        else if (name == "summary") field = Field::Description;
        else if (name == "content" && xml.attribute("src").empty()) field = Field::Content;
        else if (name == "author") in_author_ = true;
        else if (name == "link") {
            const auto rel = xml.attribute("rel");
            if (link_.empty() && (rel.empty() || rel == "alternate")) link_ = trimmed(xml.attribute("href"));
        }
    } else if (ns.empty() || ns == Rss10 || ns == Rss09) {
        markup = name == "description" ? Markup::Html : Markup::Text;
        if (name == "title") field = Field::Title;
        else if (name == "link") field = Field::Link;
        else if (name == "guid") {
            field = Field::Guid;
            guid_is_link_ = xml.attribute("isPermaLink") != "false";
        } else if (name == "pubDate") field = Field::Published;
        else if (name == "author") field = Field::Author;
        else if (name == "description") field = Field::Description;
        else if (name == "source") field = Field::Source;
        else if (name == "language") field = Field::Language;
    } else if (ns == ContentModule && name == "encoded") {
        field = Field::Content;
        markup = Markup::Html;
    } else if (ns == DublinCore) {
        if (name == "creator") field = Field::Creator;
        else if (name == "date") field = Field::Published;
        else if (name == "language") field = Field::Language;
        else if (name == "title") field = Field::Title;
    }
    if (field == Field::None) return;
    capture_ = field;
    capture_level_ = level_;
    capture_markup_ = markup;
    buffer_.clear();
}

void FeedItemBuilder::text(std::string_view chars) {
    if (capture_ == Field::None) return;
    if (capture_markup_ != Markup::Xhtml) return keep(chars);
    std::string escaped;
    escape_into(escaped, chars);
    keep(escaped);
}

void FeedItemBuilder::end(const XmlStream& xml) {
    if (capture_ != Field::None && level_ > capture_level_) {
        const auto name = xml.local_name();
        if ((capture_markup_ == Markup::Xhtml || capture_markup_ == Markup::Html) && !is_void_element(name))
            keep("</" + std::string{name} + ">");
    } else if (capture_ != Field::None) {
        auto value = std::move(buffer_);
        buffer_.clear();
        const auto first = [&](std::string& field) {
            if (field.empty()) field = std::move(value);
        };
        switch (capture_) {
        case Field::Title:
            if (title_.empty()) title_markup_ = capture_markup_;
            first(title_);
            break;
        case Field::Link: link_ = link_.empty() ? trimmed(value) : link_; break;
        case Field::Guid: first(guid_); break;
        case Field::Id: first(id_); break;
        case Field::Published: first(published_); break;
        case Field::Updated: first(updated_); break;
        case Field::Description:
            if (description_.empty()) description_markup_ = capture_markup_;
            first(description_);
            break;
        case Field::Content:
            if (trimmed(content_).empty()) {
                content_markup_ = capture_markup_;
                content_ = std::move(value);
            }
            break;
        case Field::Source: first(source_); break;
        case Field::Language: first(language_); break;
        case Field::Author:
            if (auto name = level_ == 2 ? trimmed(value) : rss_author_name(trimmed(value)); !name.empty())
                authors_.push_back(std::move(name));
            break;
        case Field::Creator:
            for (auto& name : pages::author_names(trimmed(value))) authors_.push_back(std::move(name));
            break;
        case Field::None: break;
        }
        capture_ = Field::None;
    }
    if (level_ == 1) in_author_ = false;
    --level_;
}

std::string FeedItemBuilder::text_of(const std::string& raw, Markup markup) const {
    switch (markup) {
    case Markup::Text: return plain_paragraphs(raw);
    case Markup::Html:
    case Markup::Xhtml: return pages::text_of_html(raw);
    case Markup::Other: break;   // base64 or another MIME type: no text to read
    }
    return {};
}

FeedChannel FeedItemBuilder::channel() const {
    FeedChannel c;
    c.source = source_name(pages::collapse_space(text_of(title_, title_markup_)), link_);
    c.language = pages::iso_language(trimmed(language_.empty() ? language_tag_ : language_));
    return c;
}

std::variant<Article, FeedItemBuilder::Skipped> FeedItemBuilder::finish(const FeedChannel& channel) const {
    if (too_large_) return Skipped{true, {}};
    Article a;
    a.title = pages::collapse_space(text_of(title_, title_markup_));
    a.body = text_of(content_, content_markup_);
    if (a.body.empty()) a.body = text_of(description_, description_markup_);
    if (a.title.empty() && a.body.empty())
        return Skipped{false, "no text: the item has neither a title nor a description"};

    const auto guid = trimmed(guid_), id = trimmed(id_);
    for (const std::string* candidate : std::initializer_list<const std::string*>{&link_, guid_is_link_ ? &guid : nullptr, &id, &about_})
        if (candidate && a.url.empty() && is_address(*candidate)) a.url = *candidate;
    // The page's address first, as a web page or crawl of it has: the same story read from a
    // feed and from its page is one article.
    for (const std::string* candidate : std::initializer_list<const std::string*>{&a.url, &guid, &id})
        if (a.id.empty()) a.id = *candidate;

    for (const auto& when : {published_, updated_}) {
        if (!a.date.empty()) break;
        const auto t = trimmed(when);
        if (auto d = iso_date(t)) a.date = *d;
        else if (auto m = internet_date(t)) a.date = *m;
    }
    a.source = pages::collapse_space(source_);
    if (a.source.empty()) a.source = channel.source;
    for (const auto& tag : {language_, language_tag_})
        if (a.language.empty()) a.language = pages::iso_language(trimmed(tag));
    if (a.language.empty()) a.language = channel.language;
    for (const auto& name : authors_)
        if (std::find(a.authors.begin(), a.authors.end(), name) == a.authors.end()) a.authors.push_back(name);
    return a;
}

} // namespace newsdesk
