#include "indexer/readers/newsml_reader.hpp"

#include <array>
#include <optional>

#include "indexer/readers/newsml_item.hpp"
#include "indexer/readers/xml_stream.hpp"

namespace newsdesk {
namespace {

constexpr std::string_view G2Namespace = "http://iptc.org/std/nar/2006-10-01/";

bool is_g2_item(std::string_view name) {
    static constexpr std::array items{"newsItem", "packageItem", "conceptItem", "knowledgeItem", "planningItem",
                                      "catalogItem"};
    for (std::string_view i : items)
        if (name == i) return true;
    return false;
}

// "story.xml.gz" -> "story": the id of an article whose document names none.
std::string file_id(const std::string& path) { return name_without_extensions(path, {".gz", ".xml", ".nitf"}); }

} // namespace

bool is_newsml_root(const XmlStream& xml) {
    const auto root = xml.local_name();
    return (xml.namespace_uri() == G2Namespace && (root == "newsMessage" || is_g2_item(root))) || root == "nitf";
}

bool read_newsml_items(XmlStream& xml, const std::string& path, const ReadHandlers& handlers) {
    const bool message = xml.local_name() == "newsMessage";   // is_newsml_root() saw its namespace
    std::optional<NewsItemBuilder> item;
    int item_depth = 0;
    std::size_t number = 0;
    const auto finish_item = [&] {
        const auto where = message ? path + ":item " + std::to_string(number) : path;
        auto result = item->finish();
        item.reset();
        if (auto* skipped = std::get_if<NewsItemBuilder::Skipped>(&result))
            return handlers.problem({where, skipped->reason == NewsItemBuilder::Refusal::TooLarge ? handlers.too_large
                                                                                                : skipped->message});
        auto& a = std::get<Article>(result);
        if (a.id.empty()) a.id = message ? file_id(path) + ":" + std::to_string(number) : file_id(path);
        a.origin = where;
        return handlers.article(std::move(a));
    };
    if (!message) {
        item.emplace(xml, handlers.max_article_bytes);
        number = 1;
    }
    for (auto node = xml.next(); node != XmlStream::Node::Done; node = xml.next()) {
        if (!item) {
            // A message's items are the children of its itemSet.
            if (node == XmlStream::Node::Start && xml.depth() == 2 && is_g2_item(xml.local_name())) {
                item.emplace(xml, handlers.max_article_bytes);
                item_depth = 2;
                ++number;
            }
            continue;
        }
        if (node == XmlStream::Node::Start) item->start(xml);
        else if (node == XmlStream::Node::Text) item->text(xml.text());
        else if (xml.depth() > item_depth) item->end();
        else if (!finish_item()) return false;
    }
    if (item && !finish_item()) return false;   // a single item ends with the document
    if (message && number == 0) return handlers.problem({path, "empty message (a NewsML-G2 message with no items)"});
    return true;
}

} // namespace newsdesk
