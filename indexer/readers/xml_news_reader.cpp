#include "indexer/readers/xml_news_reader.hpp"

#include "indexer/readers/compressed_file.hpp"
#include "indexer/readers/feed_reader.hpp"
#include "indexer/readers/newsml_reader.hpp"
#include "indexer/readers/xml_stream.hpp"

namespace newsdesk {
namespace {

void read_document(XmlStream& xml, const std::string& path, const ReadHandlers& handlers) {
    try {
        auto node = xml.next();
        while (node != XmlStream::Node::Start && node != XmlStream::Node::Done) node = xml.next();
        if (node == XmlStream::Node::Done) {
            handlers.problem({path, "malformed XML: no element"});
        } else if (is_newsml_root(xml)) {
            read_newsml_items(xml, path, handlers);
        } else if (is_feed_root(xml)) {
            read_feed_items(xml, path, handlers);
        } else {
            handlers.problem({path, "not a news document: neither NewsML-G2, NITF, RSS nor Atom (root <" +
                                        std::string(xml.qualified_name()) + ">)"});
        }
    } catch (const XmlError& e) {
        // Without a line the parser has not begun: there is no rest to speak of.
        handlers.problem({e.line > 0 ? path + ":" + std::to_string(e.line) : path,
                          e.line > 0 ? std::string(e.what()) + "; the rest of the file is skipped" : std::string(e.what())});
    }
}

} // namespace

void read_xml_news(std::string_view document, const std::string& path, const ReadHandlers& handlers) {
    XmlStream xml(document);
    read_document(xml, path, handlers);
}

void read_xml_news(const InputFile& file, const ReadHandlers& handlers) {
    const auto path = file.path.string();
    try {
        CompressedFile in(file.path);
        XmlStream xml(in);
        read_document(xml, path, handlers);
    } catch (const std::runtime_error& e) {
        handlers.problem({path, e.what()});
    }
    if (handlers.bytes_read) handlers.bytes_read(file.size);
}

} // namespace newsdesk
