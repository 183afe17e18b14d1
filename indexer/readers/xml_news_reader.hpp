#pragma once
#include <string>
#include <string_view>

#include "indexer/readers/input.hpp"

namespace newsdesk {

// Reads an XML news document, told by its root element: NewsML-G2 or NITF (newsml_reader.hpp),
// or an RSS or Atom feed (feed_reader.hpp). A document of another kind is a problem; so is
// malformed XML, after the articles before it.
void read_xml_news(const InputFile& file, const ReadHandlers& handlers);

// The same over a document in memory, reported under `path` (tests, fuzzing).
void read_xml_news(std::string_view document, const std::string& path, const ReadHandlers& handlers);

} // namespace newsdesk
