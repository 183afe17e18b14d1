#pragma once
// Reading a file that is one article (a text article, a web page) whole, the same way for
// every such reader.
#include <optional>
#include <string>

#include "indexer/readers/input.hpp"

namespace newsdesk {

// The file's content (decompressed), at most handlers.max_article_bytes; its size on disk is
// counted as read. Nothing, with the problem reported, when it cannot be read, is corrupt or
// is too large.
std::optional<std::string> read_whole_file(const InputFile& file, const ReadHandlers& handlers);

} // namespace newsdesk
