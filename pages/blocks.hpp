#pragma once
// A page cut into blocks of text, as a reader sees them: each paragraph, heading, list item or
// table cell, with what it links and where it sits in the page.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include <libxml/tree.h>

namespace newsdesk::pages {

struct Block {
    std::string text;                 // whitespace collapsed
    std::size_t link_bytes = 0;       // of `text`, inside links
    const xmlNode* owner = nullptr;   // the nearest block-level element holding the text
    std::string_view tag;             // owner's tag ("p", "li", "h2", "div")
    bool boilerplate = false;         // inside an element named as navigation, sharing, ...
    double link_density() const { return text.empty() ? 0 : double(link_bytes) / double(text.size()); }
};

struct SegmentOptions {
    bool class_cues = true;   // flag blocks under elements whose class/id names boilerplate
    bool drop_chrome = true;  // skip <nav>, <aside>, <footer>, <header>, aria-hidden elements
};

// The blocks of `root` in document order. Scripts, styles, hidden elements and (with
// drop_chrome) page chrome are skipped; elements deeper than MaxDepth are not entered.
std::vector<Block> segment(const xmlNode* root, const SegmentOptions& options);

// Block-level elements: they end the block before them and begin a new one.
bool is_block_tag(std::string_view tag);

} // namespace newsdesk::pages
