#pragma once
#include <string>
#include <string_view>

#include "indexer/readers/input.hpp"

namespace newsdesk {

// Reads a NewsML-G2 document (a newsItem, or a newsMessage of items; in namespace
// http://iptc.org/std/nar/2006-10-01/) or an NITF document, streamed: one article per text
// item, with its body from inline NITF, XHTML or plain text. Items that are not text (pictures,
// videos, packages...), items with no text and a document of another kind are reported as
// problems; so is malformed XML, after the items before it.
void read_newsml(const InputFile& file, const ReadHandlers& handlers);

// The same over a document in memory, reported under `path` (tests, fuzzing).
void read_newsml(std::string_view document, const std::string& path, const ReadHandlers& handlers);

} // namespace newsdesk
