#include "indexer/readers/newsml_item.hpp"

#include <cctype>

#include "indexer/readers/xml_stream.hpp"
#include "schema/date.hpp"
#include "text/language.hpp"

namespace newsdesk {
namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// XML is pretty-printed: line breaks and indentation inside an element are not the text's.
std::string collapse(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (const char c : s) {
        if (!is_space(c)) out += c;
        else if (!out.empty() && out.back() != ' ') out += ' ';
    }
    if (!out.empty() && out.back() == ' ') out.pop_back();
    return out;
}

// text/plain inline data keeps its own paragraphs: blank lines.
std::vector<std::string> plain_paragraphs(std::string_view text) {
    std::vector<std::string> out;
    std::string current;
    std::size_t pos = 0;
    while (pos <= text.size()) {
        auto end = text.find('\n', pos);
        if (end == std::string_view::npos) end = text.size();
        const auto line = text.substr(pos, end - pos);
        if (line.find_first_not_of(" \t\r") == std::string_view::npos) {
            if (!current.empty()) out.push_back(collapse(current));
            current.clear();
        } else {
            current.append(line).push_back(' ');
        }
        pos = end + 1;
    }
    if (!current.empty()) out.push_back(collapse(current));
    return out;
}

// "nprov:REUTERS" -> "REUTERS": the code without the scheme alias, which each catalog names.
std::string_view code_of(std::string_view qcode) {
    const auto colon = qcode.find(':');
    return colon == std::string_view::npos ? qcode : qcode.substr(colon + 1);
}

// G2 dates are ISO 8601; NITF's norm= dates are its basic form too ("20161021T120000Z").
std::string date_of(std::string_view text) {
    const std::string t = collapse(text);
    if (t.size() >= 8 && t.find_first_not_of("0123456789") >= 8) {
        const auto iso = iso_date(t.substr(0, 4) + "-" + t.substr(4, 2) + "-" + t.substr(6, 2));
        return iso ? *iso : std::string{};
    }
    const auto iso = iso_date(t);
    return iso ? *iso : std::string{};
}

// "MOSCOW, Monday (Reuters)" -> "MOSCOW": the place a dateline starts with.
std::string dateline_place(std::string_view dateline) {
    const auto end = dateline.find_first_of(",(");
    return collapse(dateline.substr(0, end));
}

// "By Meredith Jameson, Staff Reporter" -> "Meredith Jameson"; "By A and B" -> both.
std::vector<std::string> byline_authors(std::string_view byline) {
    constexpr std::size_t MaxName = 80;
    std::string text = collapse(byline);
    if (text.size() > 3 && (text.starts_with("By ") || text.starts_with("by ") || text.starts_with("BY ")))
        text.erase(0, 3);
    text = collapse(text.substr(0, text.find_first_of(",;")));
    std::vector<std::string> out;
    std::size_t pos = 0;
    while (pos < text.size()) {
        auto end = text.find(" and ", pos);
        if (end == std::string::npos) end = text.size();
        if (const auto name = collapse(text.substr(pos, end - pos)); !name.empty() && name.size() <= MaxName)
            out.push_back(name);
        pos = end + 5;
    }
    return out;
}

} // namespace

NewsItemBuilder::NewsItemBuilder(const XmlStream& xml, std::size_t max_bytes)
    : max_bytes_(max_bytes), kind_(xml.local_name()), guid_(xml.attribute("guid")), language_(xml.language()) {}

void NewsItemBuilder::keep(std::string chars) {
    if (too_large_) return;
    kept_bytes_ += chars.size();
    if (kept_bytes_ > max_bytes_) {
        too_large_ = true;
        buffer_.clear();
        return;
    }
    buffer_ += chars;
}

void NewsItemBuilder::start(const XmlStream& xml) {
    Frame frame;
    frame.name = xml.local_name();
    const std::string parent = stack_.empty() ? kind_ : stack_.back().name;
    if (!stack_.empty()) {
        frame.in_body = stack_.back().in_body;
        frame.excluded = stack_.back().excluded;
    }
    const auto& name = frame.name;
    if (capture_ != Field::None) {
        if (name == "byttl") frame.excluded = true;   // the writer's title, not a name
        else if (name == "br") keep(" ");
        stack_.push_back(std::move(frame));
        return;
    }
    const auto capture = [&](Field field, std::string* target) {
        if (target && !target->empty()) return;   // the first one: others repeat it in other languages
        capture_ = field;
        capture_target_ = target;
        capture_depth_ = stack_.size() + 1;
        buffer_.clear();
    };
    if (name == "itemClass") item_class_ = xml.attribute("qcode");
    else if (name == "provider") provider_qcode_ = xml.attribute("qcode");
    else if (name == "creator") creators_.emplace_back();
    else if (name == "name") {
        if (parent == "provider") capture(Field::Name, &provider_name_);
        else if (parent == "copyrightHolder") capture(Field::Name, &holder_name_);
        else if (parent == "creator" && !creators_.empty()) capture(Field::Name, &creators_.back());
        else if (parent == "located") capture(Field::Name, &located_name_);
    }
    else if (name == "contentCreated") capture(Field::Date, &content_created_);
    else if (name == "firstCreated") capture(Field::Date, &first_created_);
    else if (name == "versionCreated") capture(Field::Date, &version_created_);
    else if (name == "headline" && parent == "contentMeta") capture(Field::Headline, &headline_);
    else if (name == "hl1") capture(Field::NitfHeadline, &nitf_headline_);
    else if (name == "title" && parent == "head") capture(Field::DocTitle, &doc_title_);
    else if (name == "p" && frame.in_body) capture(Field::Paragraph, nullptr);
    else if (name == "body.content" || (name == "body" && parent == "html")) frame.in_body = true;
    else if (name == "inlineData" && xml.attribute("contenttype").starts_with("text/plain"))
        capture(Field::PlainText, &plain_text_);
    else if (name == "byline") capture(Field::Byline, &byline_);
    else if (name == "dateline") capture(Field::Dateline, &dateline_);
    else if (name == "doc-id") nitf_id_ = xml.attribute("id-string");
    else if (name == "date.issue") nitf_date_ = xml.attribute("norm");
    else if (name == "doc.copyright") nitf_holder_ = xml.attribute("holder");
    else if (name == "language" && parent == "contentMeta") language_tag_ = xml.attribute("tag");
    else if ((name == "nitf" || name == "html") && language_.empty()) language_ = xml.language();
    stack_.push_back(std::move(frame));
}

void NewsItemBuilder::text(std::string_view chars) {
    if (capture_ != Field::None && !stack_.empty() && !stack_.back().excluded) keep(std::string(chars));
}

void NewsItemBuilder::end() {
    if (stack_.empty()) return;
    stack_.pop_back();
    if (capture_ == Field::None || stack_.size() + 1 != capture_depth_) return;
    if (capture_ == Field::Paragraph) {
        if (auto p = collapse(buffer_); !p.empty()) {
            paragraphs_.push_back(std::move(p));
            kept_bytes_ += 2;   // the blank line between paragraphs counts towards the limit too
            too_large_ = too_large_ || kept_bytes_ > max_bytes_;
        }
    } else if (capture_ == Field::PlainText) {
        *capture_target_ = buffer_;
    } else {
        *capture_target_ = collapse(buffer_);
    }
    capture_ = Field::None;
    capture_target_ = nullptr;
    buffer_.clear();
}

std::variant<Article, NewsItemBuilder::Skipped> NewsItemBuilder::finish() const {
    if (kind_ != "newsItem" && kind_ != "nitf")
        return Skipped{Refusal::NotText, "not a text item (" + kind_ + "), skipped"};
    if (!item_class_.empty() && code_of(item_class_) != "text")
        return Skipped{Refusal::NotText, "not a text item (" + item_class_ + "), skipped"};
    if (too_large_) return Skipped{Refusal::TooLarge, {}};
    Article a;
    a.id = !guid_.empty() ? guid_ : nitf_id_;
    a.title = !headline_.empty() ? headline_ : !nitf_headline_.empty() ? nitf_headline_ : doc_title_;
    auto paragraphs = paragraphs_;
    if (paragraphs.empty() && !plain_text_.empty()) paragraphs = plain_paragraphs(plain_text_);
    for (const auto& p : paragraphs) {
        if (!a.body.empty()) a.body += "\n\n";
        a.body += p;
    }
    if (a.title.empty() && a.body.empty())
        return Skipped{Refusal::Empty, "empty item (no headline, no body text), skipped"};
    for (const auto* d : {&content_created_, &first_created_, &version_created_, &nitf_date_})
        if (a.date.empty() && !d->empty()) a.date = date_of(*d);
    for (const auto& c : creators_)
        if (!c.empty()) a.authors.push_back(c);
    if (a.authors.empty()) a.authors = byline_authors(byline_);
    for (const auto* s : {&provider_name_, &holder_name_, &nitf_holder_})
        if (a.source.empty()) a.source = collapse(*s);
    if (a.source.empty()) a.source = std::string(code_of(provider_qcode_));
    a.dateline = !located_name_.empty() ? located_name_ : dateline_place(dateline_);
    for (const auto* l : {&language_, &language_tag_})
        if (a.language.empty() && language_tag(*l)) a.language = *l;
    return a;
}

} // namespace newsdesk
