// The edit distance "did you mean" ranks the archive's words by (searcher/suggestion.hpp).
#include <catch2/catch.hpp>

#include "searcher/suggestion.hpp"

using newsdesk::edit_distance;

TEST_CASE("edit distance counts insertions, deletions, changes and swaps of neighbours", "[suggestion]") {
    CHECK(edit_distance("rouhani", "rouhani", 2) == 0);
    CHECK(edit_distance("rouhan", "rouhani", 2) == 1);       // one letter missing
    CHECK(edit_distance("ahmadinejab", "ahmadinejad", 2) == 1);
    CHECK(edit_distance("sanctoins", "sanctions", 2) == 1);  // two neighbours swapped
    CHECK(edit_distance("kitten", "sitting", 3) == 3);
    CHECK(edit_distance("", "abc", 3) == 3);
    // Past the bound it stops: most + 1.
    CHECK(edit_distance("kitten", "sitting", 2) == 3);
    CHECK(edit_distance("a", "abcdef", 2) == 3);
    CHECK(edit_distance("abcdefgh", "hgfedcba", 2) == 3);
}
