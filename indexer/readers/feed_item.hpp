#pragma once
// One RSS item or Atom entry (or a feed's own channel), gathered from its elements as they
// stream past.
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include <newsdesk/article.hpp>

namespace newsdesk {

class XmlStream;

// What a feed says of itself, which its items inherit when they say nothing.
struct FeedChannel {
    std::string source;     // the publication's name, from the feed's title
    std::string language;   // ISO 639-1
};

class FeedItemBuilder {
public:
    // `xml` is at the item's own element (item, entry; or channel, feed); the text kept is
    // bounded by `max_bytes` (more makes the item "too large").
    FeedItemBuilder(const XmlStream& xml, std::size_t max_bytes);

    void start(const XmlStream& xml);   // an element inside the item begins
    void text(std::string_view chars);
    void end(const XmlStream& xml);     // an element inside the item ends

    // Read as a channel: its title cut to the publication's name, and its language.
    FeedChannel channel() const;

    // After the item's end: its article (title, body, url, id, date, authors, source,
    // language; the caller sets origin and a missing id), or why there is none.
    struct Skipped {
        bool too_large = false;
        std::string message;
    };
    std::variant<Article, Skipped> finish(const FeedChannel& channel) const;

private:
    enum class Field { None, Title, Link, Guid, Id, Published, Updated, Author, Creator, Description, Content, Source, Language };
    enum class Markup { Text, Html, Xhtml, Other };   // how a field's text is written
    void keep(std::string_view chars);
    std::string text_of(const std::string& raw, Markup markup) const;

    std::size_t max_bytes_;
    std::size_t kept_bytes_ = 0;
    bool too_large_ = false;
    int level_ = 0;                   // elements open inside the item
    bool in_author_ = false;          // inside an Atom author
    Field capture_ = Field::None;     // the field whose text is being gathered
    int capture_level_ = 0;           // the level it began at
    Markup capture_markup_ = Markup::Text;
    std::string buffer_;

    std::string language_tag_;        // xml:lang in scope at the item
    std::string title_, link_, guid_, id_, published_, updated_, description_, content_, source_, language_;
    Markup title_markup_ = Markup::Text, description_markup_ = Markup::Html, content_markup_ = Markup::Html;
    bool guid_is_link_ = true;        // RSS guid isPermaLink, "true" unless said otherwise
    std::string about_;               // RSS 1.0 rdf:about: the item's address
    std::vector<std::string> authors_;
};

} // namespace newsdesk
