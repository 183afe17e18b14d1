#pragma once
// A text as a sequence of words with what lies between them: both extractors need the words
// (ICU segmentation, normalised for matching) and the punctuation around them (commas, quotes,
// sentence ends), which text::words drops.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace newsdesk::entities {

struct Token {
    std::string_view raw;       // as written
    std::string norm;           // text::normalise(raw)
    std::string_view gap;       // text between the previous token (or the start) and this one
    std::size_t offset = 0;
    bool upper = false;         // starts with an upper-case letter
    bool lower = false;         // starts with a lower-case letter (false for scripts without case)
    bool all_caps = false;      // two or more letters, none lower-case ("US", "FBI")
    bool sentence_start = false;
    bool possessive = false;    // ends in 's / ’s / s’ ("Iran's")
};

struct TokenStream {
    std::string_view text;
    std::vector<Token> tokens;

    std::size_t size() const { return tokens.size(); }
    const Token& operator[](std::size_t i) const { return tokens[i]; }
    // Text after token i up to the next token (or the end).
    std::string_view gap_after(std::size_t i) const;
    // The written span from token `first` to token `last` inclusive.
    std::string_view span(std::size_t first, std::size_t last) const;
};

TokenStream tokenise(std::string_view text);

// "iran's" -> "iran", "rouhani’s" -> "rouhani"; other words unchanged.
std::string_view strip_possessive(std::string_view norm);

// Gap classification.
bool gap_is_space(std::string_view gap);          // only blanks and at most one line break
bool gap_has(std::string_view gap, std::string_view chars);
bool gap_has_paragraph(std::string_view gap);     // blank line

} // namespace newsdesk::entities
