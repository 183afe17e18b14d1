#include "indexer/readers/feed_reader.hpp"

#include <optional>

#include "indexer/readers/feed_item.hpp"
#include "indexer/readers/xml_stream.hpp"

namespace newsdesk {
namespace {

constexpr std::string_view Atom10 = "http://www.w3.org/2005/Atom";
constexpr std::string_view Atom03 = "http://purl.org/atom/ns#";
constexpr std::string_view Rdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";

// Where a feed keeps what it says of itself, and its items.
struct FeedLayout {
    int channel_depth;      // of <channel> (RSS) or of the <feed> root (Atom)
    int item_depth;
    std::string_view item;  // "item" or "entry"
};

std::optional<FeedLayout> layout_of(const XmlStream& xml) {
    const auto name = xml.local_name();
    const auto ns = xml.namespace_uri();
    if (name == "rss" && ns.empty()) return FeedLayout{1, 2, "item"};
    if (name == "RDF" && ns == Rdf) return FeedLayout{1, 1, "item"};   // items beside the channel
    if (name == "feed" && (ns == Atom10 || ns == Atom03)) return FeedLayout{0, 1, "entry"};
    return std::nullopt;
}

// "feeds/world.rss.gz" -> "world": the id of an item that has neither link nor guid.
std::string file_id(const std::string& path) { return name_without_extensions(path, {".gz", ".xml", ".rss", ".atom"}); }

} // namespace

bool is_feed_root(const XmlStream& xml) { return layout_of(xml).has_value(); }

bool read_feed_items(XmlStream& xml, const std::string& path, const ReadHandlers& handlers) {
    const auto layout = *layout_of(xml);
    std::optional<FeedItemBuilder> channel, item;
    if (layout.channel_depth == 0) channel.emplace(xml, handlers.max_article_bytes);
    FeedChannel said;          // what the channel has said so far (RSS 1.0 closes it before its items)
    bool said_more = false;    // the channel has gone on since `said` was read from it
    std::size_t number = 0;
    for (auto node = xml.next(); node != XmlStream::Node::Done; node = xml.next()) {
        const int depth = xml.depth();
        if (item) {
            if (node == XmlStream::Node::Start) item->start(xml);
            else if (node == XmlStream::Node::Text) item->text(xml.text());
            else if (depth > layout.item_depth) item->end(xml);
            else {
                if (channel && said_more) said = channel->channel();   // once, not once per item
                said_more = false;
                auto result = item->finish(said);
                item.reset();
                const auto where = path + ":item " + std::to_string(number);
                if (auto* skipped = std::get_if<FeedItemBuilder::Skipped>(&result)) {
                    if (!handlers.problem({where, skipped->too_large ? handlers.too_large : skipped->message})) return false;
                    continue;
                }
                auto& a = std::get<Article>(result);
                if (a.id.empty()) a.id = file_id(path) + ":" + std::to_string(number);
                a.origin = where;
                if (!handlers.article(std::move(a))) return false;
            }
            continue;
        }
        if (node == XmlStream::Node::Start && depth == layout.item_depth && xml.local_name() == layout.item) {
            item.emplace(xml, handlers.max_article_bytes);
            ++number;
        } else if (node == XmlStream::Node::Start && depth == layout.channel_depth && xml.local_name() == "channel") {
            channel.emplace(xml, handlers.max_article_bytes);
        } else if (channel && depth > layout.channel_depth) {
            said_more = true;
            if (node == XmlStream::Node::Start) channel->start(xml);
            else if (node == XmlStream::Node::Text) channel->text(xml.text());
            else channel->end(xml);
        } else if (channel && node == XmlStream::Node::End && depth == layout.channel_depth && layout.channel_depth > 0) {
            said = channel->channel();
            channel.reset();
        }
    }
    if (number == 0 && handlers.passed_over) handlers.passed_over("feeds without items");
    return true;
}

} // namespace newsdesk
