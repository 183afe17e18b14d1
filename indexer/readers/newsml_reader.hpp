#pragma once
#include <string>

#include "indexer/readers/input.hpp"

namespace newsdesk {

class XmlStream;

// Whether the element `xml` is at is the root of a NewsML-G2 document (a newsItem or other
// item, or a newsMessage of items; namespace http://iptc.org/std/nar/2006-10-01/) or of an
// NITF document.
bool is_newsml_root(const XmlStream& xml);

// Reads a NewsML-G2 or NITF document from its root on, streamed: one article per text item,
// with its body from inline NITF, XHTML or plain text. Items that are not text (pictures,
// videos, packages...) and items with no text are reported as problems. Returns false when a
// handler asked to stop. Throws XmlError when the document turns out malformed.
bool read_newsml_items(XmlStream& xml, const std::string& path, const ReadHandlers& handlers);

} // namespace newsdesk
