#pragma once
// The query string scanned once, into tokens that know their offset, field and kind, read the
// way Xapian's QueryParser reads it (words are runs of its word characters; whitespace is its
// whitespace, NBSP and U+3000 included). The checks, the normalisation and the wildcard
// handling of query_parser.cpp all work on these tokens.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "schema/schema.hpp"

namespace newsdesk {

struct QueryToken {
    enum class Kind {
        Space,      // whitespace
        Word,       // a term: a run of word characters (with Xapian's infixes: don't, AT&T, 1,000)
        Wildcard,   // a word followed by '*': every indexed word starting with it
        Operator,   // AND OR NOT XOR NEAR ADJ, outside phrases
        FieldName,  // `title:`, `source:`: a schema field's name and its colon
        Value,      // an exact field's value as typed (`source:"Le Monde"`): its processor reads it
        Quote,      // opens or closes a phrase: " and the curly quotes “ ” „ « »
        Open,       // (
        Close,      // )
        Other,      // anything else, as typed: + - ~ and punctuation
    };
    Kind kind;
    std::size_t offset = 0;   // bytes in the query as given
    std::size_t length = 0;
    // A word's, wildcard's or phrase's field (`title:election`, `title:(a b)`); a FieldName's
    // or Value's own field; null for plain text.
    const schema::Field* field = nullptr;
    bool in_phrase = false;
    // What Xapian's parser is given: words normalised as the indexer normalises them (words of
    // scripts written without spaces made a phrase), quotes made '"', the rest as typed.
    std::string text;
    std::size_t terms = 0;    // the terms this token asks for: words 1 (a phrase of split text:
                              // its words), operators and values 1, the rest 0
};

// A name field's quoted value (`speaker:"Rouhani"`) is that exact value, where a bare word
// (`speaker:rouhani`) is any name holding the word. Xapian's parser drops the quotes before the
// field's processor sees the value, so the scanner marks it with this character, which no
// query can contain (the scanner refuses control characters), right inside the opening quote.
inline constexpr char ExactValueMark = '\x1f';

struct ScannedQuery {
    std::vector<QueryToken> tokens;
    std::string text;   // the tokens' text, joined: what Xapian's parser reads
};

// Scans `query`. Throws QueryError, with the byte offset, for what Xapian's parser would
// silently reinterpret or cannot take: invalid UTF-8, control characters (tabs and line
// breaks are spaces), an unclosed quote or bracket, an unknown field, a field with no value.
ScannedQuery scan_query(std::string_view query);

} // namespace newsdesk
