#pragma once
#include <string>

#include "indexer/readers/input.hpp"

namespace newsdesk {

class XmlStream;

// Whether the element `xml` is at is the root of a feed: RSS 2.0 <rss>, RSS 1.0 / 0.9 <rdf:RDF>
// or Atom <feed> (1.0, or 0.3).
bool is_feed_root(const XmlStream& xml);

// Reads a feed from its root on, streamed: one article per item or entry, with what the feed
// says of itself (its name, its language) for items that do not say it. Items with no text or
// too much are reported as `path:item N` problems. Returns false when a handler asked to stop.
// Throws XmlError when the document turns out malformed.
bool read_feed_items(XmlStream& xml, const std::string& path, const ReadHandlers& handlers);

} // namespace newsdesk
