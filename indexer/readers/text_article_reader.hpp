#pragma once
#include <functional>
#include <string>
#include <string_view>

#include "indexer/readers/input.hpp"

namespace newsdesk {

// Parses a plain-text article: an optional title line, a dateline lead
// "Place (Agency) – lead", body paragraphs, and trailing link lists ("Read more:") that are
// cut off. Without a title line the title is the lead's first sentence. Sets title, body,
// dateline and source (the agency); the caller sets id and origin.
Article parse_text_article(std::string_view text);

// The article a text file's `content` holds, as read_text_article() reads it (id and origin
// left to the caller); problems are reported at `where` ("where:line"), and none is returned.
void read_text_content(std::string content, const std::string& where, const ReadHandlers& handlers,
                       const std::function<void(Article&)>& place);

// Reads one `.txt` or `.txt.gz` file as one article whose id is the file name without its
// extensions. Problems (unreadable, empty, not UTF-8, binary) are reported, not thrown.
void read_text_article(const InputFile& file, const ReadHandlers& handlers);

} // namespace newsdesk
