#pragma once
// A parsed HTML page: libxml2's HTML parser, which builds a tree from tag soup as browsers
// would, and small helpers over its nodes.
#include <functional>
#include <memory>
#include <string>
#include <string_view>

#include <libxml/HTMLparser.h>

namespace newsdesk::pages {

struct DocumentFree {
    void operator()(xmlDoc* doc) const { xmlFreeDoc(doc); }
};
using Document = std::unique_ptr<xmlDoc, DocumentFree>;

// Parses UTF-8 HTML, recovering from errors, without network access or messages on stderr.
// Null only when libxml2 cannot build any tree (empty input).
Document parse_html(std::string_view utf8);

// Deeper elements than this are not looked into: no news page nests so deep, and walking a
// page that does (100,000 nested <div>s) stays bounded.
inline constexpr int MaxDepth = 256;

// What a tree walk does after visiting a node.
enum class Walk { Into, Over, Stop };   // into its children, on to its next sibling, stop

// Visits the nodes below `root` in document order, without recursion (no stack to exhaust)
// and no deeper than MaxDepth: `visit` says whether to look into each node's children.
void walk_tree(const xmlNode* root, const std::function<Walk(const xmlNode*)>& visit);

// The element's name in lower case ("div"); empty for other nodes.
std::string_view tag_of(const xmlNode* node);
// An attribute's value; empty when absent.
std::string attribute(const xmlNode* node, const char* name);
// Whitespace runs (ASCII and no-break spaces) as one space, trimmed.
void append_collapsed(std::string& out, std::string_view text);
std::string collapse_space(std::string_view text);

// The first `limit` bytes of UTF-8 text, not cutting a character.
std::string_view utf8_prefix(std::string_view text, std::size_t limit);

// The element's text (descendants in order), whitespace collapsed, at most `limit` bytes.
std::string text_content(const xmlNode* node, std::size_t limit = 4096);

} // namespace newsdesk::pages
