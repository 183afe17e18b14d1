#pragma once
// Dashes and double quotation marks, defined once for every part that reads them: extraction
// (speech cues, quotes, datelines), the text reader's datelines and the query parser's phrases.
#include <array>
#include <cstddef>
#include <optional>
#include <string_view>

namespace newsdesk::text {

// The dash characters, as UTF-8. The horizontal bar is the quotation dash that signs a quote
// ("“...” ― Eva Longoria").
inline constexpr std::string_view EnDash = "\u2013";
inline constexpr std::string_view EmDash = "\u2014";
inline constexpr std::string_view HorizontalBar = "\u2015";
// A dash typed on a keyboard: a hyphen, or two, between spaces ("WASHINGTON -- ").
inline constexpr std::string_view SpacedHyphen = " - ";
inline constexpr std::string_view SpacedDoubleHyphen = " -- ";
// Dashes that set a dateline off from its story ("Nairobi – ...", "WASHINGTON -- ..."): written
// between spaces, so that a hyphenated word is none. The horizontal bar signs quotes instead.
inline constexpr std::array<std::string_view, 4> SpacedDashes{" \u2013 ", " \u2014 ", SpacedHyphen, SpacedDoubleHyphen};

// True if `text` holds a dash character or a spaced hyphen (single or double).
bool has_dash(std::string_view text);
// Where the first dash of `text` starts, npos if none. A space before a hyphen starts one, also
// when no space follows (" -Eva Longoria").
std::size_t first_dash(std::string_view text);

// Double quotation marks, and which way each faces: “ „ « open, ” » close, the straight mark can
// do either (as can TwoApostrophes). `code` is the mark's code point, `utf8` its bytes.
enum class QuoteFacing { opening, closing, either };
struct QuotationMark {
    std::string_view utf8;
    char32_t code;
    QuoteFacing facing;
};
inline constexpr std::array<QuotationMark, 6> QuotationMarks{{
    {"\u201C", 0x201C, QuoteFacing::opening},   // “
    {"\u201E", 0x201E, QuoteFacing::opening},   // „
    {"\u00AB", 0x00AB, QuoteFacing::opening},   // «
    {"\u201D", 0x201D, QuoteFacing::closing},   // ”
    {"\u00BB", 0x00BB, QuoteFacing::closing},   // »
    {"\"", U'"', QuoteFacing::either},
}};
// Two apostrophes standing for a double quotation mark (typewriter style: ''quoted'').
inline constexpr std::string_view TwoApostrophes = "''";

// True if `c` is one of QuotationMarks.
bool is_quotation_mark(char32_t c);
// True if `text` holds a double quotation mark, TwoApostrophes included.
bool has_quotation_mark(std::string_view text);

// The double quotation mark that `text` starts with, if any: its size in bytes and its facing.
struct MarkAtStart {
    std::size_t size = 0;
    QuoteFacing facing = QuoteFacing::either;
};
std::optional<MarkAtStart> quotation_mark_at_start(std::string_view text);

} // namespace newsdesk::text
