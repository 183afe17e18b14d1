#pragma once
// One NewsML-G2 item or NITF document, gathered from its elements as they stream past.
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include <newsdesk/article.hpp>

namespace newsdesk {

class XmlStream;

class NewsItemBuilder {
public:
    // `xml` is at the item's own element (newsItem, packageItem..., or nitf); the text kept is
    // bounded by `max_bytes` (more makes the item "too large").
    NewsItemBuilder(const XmlStream& xml, std::size_t max_bytes);

    void start(const XmlStream& xml);   // an element inside the item begins
    void text(std::string_view chars);
    void end();                         // the element last begun and not ended ends

    // After the item's end: its article (id, title, body, date, authors, source, dateline,
    // language; the caller sets origin and a missing id), or why there is none.
    enum class Refusal { NotText, TooLarge, Empty };
    struct Skipped {
        Refusal reason;
        std::string message;
    };
    std::variant<Article, Skipped> finish() const;

private:
    enum class Field { None, Headline, NitfHeadline, DocTitle, Paragraph, PlainText, Byline, Dateline, Name, Date };
    struct Frame {
        std::string name;
        bool in_body = false;    // inside NITF body.content or an XHTML body
        bool excluded = false;   // text not kept (a byline's title)
    };
    void keep(std::string chars);

    std::size_t max_bytes_;
    std::size_t kept_bytes_ = 0;
    bool too_large_ = false;
    std::vector<Frame> stack_;
    Field capture_ = Field::None;
    std::size_t capture_depth_ = 0;   // stack size when the captured element began
    std::string* capture_target_ = nullptr;
    std::string buffer_;

    std::string kind_;          // the item element's name
    std::string item_class_;    // G2 itemClass qcode ("ninat:text")
    std::string guid_, nitf_id_;
    std::string language_, language_tag_;
    std::string headline_, nitf_headline_, doc_title_;
    std::vector<std::string> paragraphs_;
    std::string plain_text_;
    std::string provider_qcode_, provider_name_, holder_name_, nitf_holder_;
    std::vector<std::string> creators_;
    std::string creator_name_;
    std::string byline_;
    std::string located_name_, dateline_;
    std::string content_created_, first_created_, version_created_, nitf_date_;
};

} // namespace newsdesk
