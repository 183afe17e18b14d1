#pragma once
// "Did you mean": a query whose words the archive lacks (or has once or twice), spelt as the
// archive spells them, from its own words and, for `speaker:` and the other name fields, its
// own names.
#include <optional>
#include <string>
#include <string_view>

#include <xapian.h>

namespace newsdesk {

// The query with each word the archive lacks replaced by its word nearest to it (at most two
// letters apart, one for words of four letters or fewer; the most frequent of the nearest), and
// each word it has in one or two articles by such a word twenty times as frequent; a name
// field's word becomes the name most articles write with it as the
// surname (`speaker:rouhan` -> `speaker:"hassan rouhani"`), or, when the archive quotes no one
// so called but has the word, the word alone (`speaker:ahmadinejab` -> `ahmadinejad`). Quoted
// phrases, operators and other fields are left as they are. Nullopt when nothing is replaced.
std::optional<std::string> spelling_suggestion(const Xapian::Database& db, std::string_view query);

// Damerau-Levenshtein distance between two byte strings (a swap of neighbours costs one), or
// `most` + 1 once it is sure to exceed `most`. Exposed for tests.
std::size_t edit_distance(std::string_view a, std::string_view b, std::size_t most);

} // namespace newsdesk
