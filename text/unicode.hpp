#pragma once
// Text analysis shared by indexer and searcher: ICU word segmentation and the one
// normalisation that decides when two words are "the same" for matching.
#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace newsdesk::text {

// A word of the input: a view into the text it came from, and its byte offset there.
struct Word {
    std::string_view text;
    std::size_t offset = 0;
};

// Calls `each` for every word (letters, digits, ideographs, kana; ICU word-break rules),
// skipping spaces and punctuation. The text must be valid UTF-8.
void for_each_word(std::string_view utf8, const std::function<void(const Word&)>& each);
std::vector<Word> words(std::string_view utf8);

// NFKC with case folding, then accents and script variants folded ("Erdoğan" -> "erdogan",
// "İstanbul"/"ıstanbul" -> "istanbul", Arabic/Persian yeh and kaf unified, tatweel dropped).
std::string normalise(std::string_view utf8);

// True if `utf8` starts with an upper-case or title-case letter (for name recognition).
bool starts_upper(std::string_view utf8);

// True if `utf8` holds no lower-case ASCII letter and no other script's letter: written in
// capitals, as a wire headline's "SUBROTO" is. Of two spellings of a name, one in normal case
// is shown over this.
bool written_in_capitals(std::string_view utf8);

// The byte offset of the first invalid UTF-8 sequence, or npos when the text is valid.
std::size_t invalid_utf8_offset(std::string_view bytes);
inline bool valid_utf8(std::string_view bytes) { return invalid_utf8_offset(bytes) == std::string_view::npos; }

} // namespace newsdesk::text
