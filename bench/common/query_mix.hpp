#pragma once
// The query mix (bench/queries.txt), parsed once into a small tree that every driver turns
// into its own engine's syntax. The file is written in newsdesk's query language, restricted
// to what all five engines can express the same way:
//   words, "phrases", (a OR b OR "c d"), NOT word, NOT (a OR b),
//   country:FR, speaker:"Tony Blair"   (filters: top level only, never negated or OR-ed,
//                                       because Sphinx filters attributes outside MATCH()).
// A line that is only `a OR b` is one OR group. `#` starts a comment line.
#include <string>
#include <vector>

namespace bench {

struct Atom {
    enum class Kind { Word, Phrase, Filter };
    Kind kind = Kind::Word;
    std::vector<std::string> words;   // Word: one; Phrase: several, in order
    std::string field;                // Filter: "speaker" or "country"
    std::string value;                // Filter: the value as the facet shows it ("FR", "Tony Blair")
};

// Atoms joined by OR; the whole group may be negated.
struct Group {
    std::vector<Atom> any;
    bool negated = false;
};

// Groups joined by AND.
struct MixQuery {
    std::string text;   // the line as written: newsdesk's syntax
    std::vector<Group> all;

    bool has_text() const;   // false for a query of filters only (no full-text part)
};

// Throws std::runtime_error naming the line for anything outside the grammar above.
std::vector<MixQuery> read_query_mix(const std::string& path);
MixQuery parse_mix_query(const std::string& line);

// Helpers the drivers share to print their own syntax.
std::string quoted(const std::string& s, char quote = '"');

} // namespace bench
