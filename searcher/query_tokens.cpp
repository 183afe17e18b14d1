#include "searcher/query_tokens.hpp"

#include <cstdint>
#include <cstdio>
#include <utility>

#include <unicode/uscript.h>
#include <unicode/utf8.h>
#include <xapian/unicode.h>

#include <newsdesk/errors.hpp>
#include "text/punctuation.hpp"
#include "text/unicode.hpp"

namespace newsdesk {
namespace {

using Kind = QueryToken::Kind;
using Xapian::Unicode::is_whitespace;
using Xapian::Unicode::is_wordchar;


bool is_quote(char32_t c) { return text::is_quotation_mark(c); }   // " and the curly quotes people paste

// Characters that join two words into a phrase (`u.s`, `e-mail`, `a/b`), as Xapian's parser has them.
bool is_phrase_generator(char c) { return std::string_view{".-/:\\@"}.find(c) != std::string_view::npos; }

bool is_operator(std::string_view word) {
    return word == "AND" || word == "OR" || word == "NOT" || word == "XOR" || word == "NEAR" || word == "ADJ";
}

bool is_digit(char32_t c) {
    return Xapian::Unicode::get_category(c) == Xapian::Unicode::DECIMAL_DIGIT_NUMBER;
}

// Whether Xapian's parser keeps `c`, between word characters `prev` and `next`, inside one
// word: apostrophes and '&' (don't, AT&T), separators between digits (1,000), invisible joiners.
bool is_infix(char32_t c, char32_t prev, char32_t next) {
    if (c >= 0x200B && (c <= 0x200D || c == 0x2060 || c == 0xFEFF)) return true;
    if (is_digit(prev) && is_digit(next))
        return c == ',' || c == '.' || c == ';' || c == 0x037E || c == 0x0589 || c == 0x060D || c == 0x07F8 ||
               c == 0x2044 || c == 0xFE10 || c == 0xFE13 || c == 0xFE14;
    return c == '\'' || c == '&' || c == 0x00B7 || c == 0x05F4 || c == 0x2027 || c == 0x2019 || c == 0x201B;
}

// `c` normalised, when that is one character ("‘" and "＇" are "'"), or `c`. A word keeps what
// its normalised form keeps: Xapian reads the normalised text.
char32_t folded(char32_t c) {
    if (c < 0x80) return c;
    char utf8[4];
    std::int32_t length = 0;
    U8_APPEND_UNSAFE(utf8, length, static_cast<UChar32>(c));
    const auto normal = text::normalise(std::string_view(utf8, static_cast<std::size_t>(length)));
    std::int32_t i = 0;
    UChar32 first;
    U8_NEXT(normal.data(), i, static_cast<std::int32_t>(normal.size()), first);
    return first >= 0 && static_cast<std::size_t>(i) == normal.size() ? static_cast<char32_t>(first) : c;
}

// A field name as typed before a colon: ASCII letters and '_' (so `10:30` is no field).
bool looks_like_field_name(std::string_view word) {
    for (const char c : word)
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_')) return false;
    return !word.empty();
}

// Scripts written without spaces between words: ICU finds the words, we make them a phrase.
bool unspaced_script(std::string_view word) {
    for (std::int64_t i = 0; i < static_cast<std::int64_t>(word.size());) {
        UChar32 c;
        U8_NEXT(word.data(), i, static_cast<std::int64_t>(word.size()), c);
        UErrorCode status = U_ZERO_ERROR;
        switch (uscript_getScript(c, &status)) {
        case USCRIPT_HAN: case USCRIPT_HIRAGANA: case USCRIPT_KATAKANA: case USCRIPT_THAI:
        case USCRIPT_LAO: case USCRIPT_KHMER: case USCRIPT_MYANMAR: return true;
        default: break;
        }
    }
    return false;
}

// The number of words in normalised text: runs of word characters, with the infixes that
// Xapian's parser keeps inside a word (don't is one word).
std::size_t count_words(std::string_view text) {
    std::vector<char32_t> code;
    for (std::int64_t i = 0; i < static_cast<std::int64_t>(text.size());) {
        UChar32 c;
        U8_NEXT(text.data(), i, static_cast<std::int64_t>(text.size()), c);
        code.push_back(c < 0 ? 0xFFFD : static_cast<char32_t>(c));
    }
    std::size_t words = 0;
    bool in_word = false;
    char32_t prev = 0;
    for (std::size_t k = 0; k < code.size(); ++k) {
        if (is_wordchar(code[k])) {
            if (!in_word) ++words;
            in_word = true;
            prev = code[k];
        } else if (!(in_word && k + 1 < code.size() && is_wordchar(code[k + 1]) && is_infix(code[k], prev, code[k + 1]))) {
            in_word = false;
        }
    }
    return words;
}

// A word normalised as the indexer normalises words. Compatibility forms can bring syntax
// with them (NFKC makes "⑴" "(1)"): those characters become spaces, so that normalising
// never changes how the query parses.
std::string normalised_word(std::string_view word) {
    auto out = text::normalise(word);
    for (auto& c : out)
        if (c == '"' || c == '(' || c == ')' || c == '*' || c == ':') c = ' ';
    return out;
}

class Scanner {
public:
    explicit Scanner(std::string_view query) : q_(query) {}

    ScannedQuery run() {
        std::size_t i = 0;
        while (i < q_.size()) {
            const auto [c, next] = at(i);
            if (is_quote(c)) {
                quote(i, next);
                i = next;
            } else if (is_whitespace(c)) {
                add(Kind::Space, i, next, c < 0x20 ? std::string(" ") : std::string{q_.substr(i, next - i)});
                i = next;
            } else if (is_wordchar(c)) {
                i = word(i);
            } else if (c == '(' && !in_phrase_) {
                groups_.push_back({i, pending_ ? pending_ : group_field()});
                pending_ = nullptr;
                add(Kind::Open, i, next, "(");
                i = next;
            } else if (c == ')' && !in_phrase_) {
                if (groups_.empty()) throw QueryError("')' without a matching '('", i);
                groups_.pop_back();
                add(Kind::Close, i, next, ")");
                i = next;
            } else {
                add(Kind::Other, i, next, std::string{q_.substr(i, next - i)});
                i = next;
            }
        }
        if (in_phrase_) throw QueryError("'\"' opens a phrase that is never closed", phrase_at_);
        if (!groups_.empty()) throw QueryError("'(' is never closed", groups_.back().first);
        ScannedQuery scanned;
        for (const auto& t : tokens_) scanned.text += t.text;
        scanned.tokens = std::move(tokens_);
        return scanned;
    }

private:
    // The code point at byte `i` and the offset after it; refuses control characters other
    // than tabs and line breaks (from pasted text), which are whitespace.
    std::pair<char32_t, std::size_t> at(std::size_t i) const {
        UChar32 c;
        auto next = static_cast<std::int64_t>(i);
        U8_NEXT(q_.data(), next, static_cast<std::int64_t>(q_.size()), c);
        if (c < 0) throw QueryError("not valid UTF-8", i);   // checked before: cannot happen
        if ((c < 0x20 && !(c >= '\t' && c <= '\r')) || c == 0x7f) {
            char code[16];
            std::snprintf(code, sizeof code, "U+%04X", static_cast<unsigned>(c));
            throw QueryError(std::string("control character ") + code + " in the query", i);
        }
        return {static_cast<char32_t>(c), static_cast<std::size_t>(next)};
    }

    const schema::Field* group_field() const { return groups_.empty() ? nullptr : groups_.back().second; }

    // Appends a token; whitespace and other characters in a row make one token.
    void add(Kind kind, std::size_t from, std::size_t to, std::string text, const schema::Field* field = nullptr,
             std::size_t terms = 0) {
        if ((kind == Kind::Space || kind == Kind::Other) && !tokens_.empty() && tokens_.back().kind == kind &&
            tokens_.back().offset + tokens_.back().length == from) {
            tokens_.back().length = to - tokens_.back().offset;
            tokens_.back().text += text;
            return;
        }
        tokens_.push_back({kind, from, to - from, field, in_phrase_, std::move(text), terms});
    }

    void quote(std::size_t i, std::size_t next) {
        if (!in_phrase_) {
            add(Kind::Quote, i, next, "\"");
            in_phrase_ = true;
            phrase_at_ = i;
            phrase_field_ = pending_ ? pending_ : group_field();
            pending_ = nullptr;
        } else {
            in_phrase_ = false;
            phrase_field_ = nullptr;
            add(Kind::Quote, i, next, "\"");
        }
    }

    // The end of the word starting at `i`: word characters and the infixes Xapian keeps.
    std::size_t word_end(std::size_t i) const {
        auto [prev, j] = at(i);
        while (j < q_.size()) {
            const auto [c, next] = at(j);
            if (is_wordchar(c)) {
                prev = c;
                j = next;
                continue;
            }
            if (next >= q_.size()) break;
            const auto following = at(next).first;
            if (!is_wordchar(following) || !(is_infix(c, prev, following) || is_infix(folded(c), prev, following))) break;
            j = next;
        }
        return j;
    }

    // Whether the word at `i` follows the last word joined by phrase characters (`u.s`):
    // Xapian reads it as part of a phrase, never as a field name or a wildcard.
    bool phrased(std::size_t i) const {
        std::size_t j = i;
        while (j > 0 && is_phrase_generator(q_[j - 1])) --j;
        return j < i && j == last_word_end_;
    }

    std::size_t word(std::size_t i) {
        const auto end = word_end(i);
        const auto word = q_.substr(i, end - i);
        const auto* prefixed = pending_;
        pending_ = nullptr;
        const bool term_start = !prefixed && !in_phrase_ && !phrased(i);
        if (term_start && end < q_.size() && q_[end] == ':' && looks_like_field_name(word)) {
            const auto value = end + 1;
            const bool url = q_.substr(value, 2) == "//";
            const bool no_value = value == q_.size() || q_[value] == ')' || is_whitespace(at(value).first);
            const auto* field = schema::named(schema::Fields, word);
            if (field && no_value)
                throw QueryError("'" + std::string{word} + ":' needs a value right after the colon", i);
            if (!field && !url && !no_value)
                throw QueryError("unknown field '" + std::string{word} + ":' (fields: " + schema::listed(schema::Fields) + ")", i);
            if (field && field_prefix(field, i, value))
                return field->kind == schema::Kind::Text ? value : exact_value(field, value);
        }
        const auto* field = prefixed ? prefixed : in_phrase_ ? phrase_field_ : group_field();
        if (term_start && is_operator(word)) {
            add(Kind::Operator, i, end, std::string{word}, nullptr, 1);
            return end;
        }
        if (unspaced_script(word)) {
            std::string joined;
            std::size_t words = 0;
            for (const auto& w : text::words(word)) {
                joined += (joined.empty() ? "" : " ") + normalised_word(w.text);
                ++words;
            }
            add(Kind::Word, i, end, in_phrase_ || joined.empty() ? joined : "\"" + joined + "\"", field, words);
            if (in_phrase_) last_word_end_ = end;   // otherwise the parser reads a closing quote here
            return end;
        }
        auto norm = normalised_word(word);
        const auto words = count_words(norm);
        const bool star = end < q_.size() && q_[end] == '*';
        if (star && !in_phrase_ && !phrased(i) && words == 1 && (end + 1 == q_.size() || !is_wordchar(at(end + 1).first))) {
            add(Kind::Wildcard, i, end + 1, norm + "*", field, 1);
            return end + 1;
        }
        add(Kind::Word, i, end, std::move(norm), field, words);
        last_word_end_ = end;
        return end;
    }

    // The field name `field:` at `i`, its value at `value`. For a text field, whether the
    // parser takes it as a prefix: it does when a word, a phrase or a bracket follows (after
    // any phrase characters: `title:-x`); otherwise it reads the name as a word.
    bool field_prefix(const schema::Field* field, std::size_t i, std::size_t value) {
        if (field->kind == schema::Kind::Text) {
            std::size_t j = value;
            if (q_[j] != ':')
                while (j < q_.size() && is_phrase_generator(q_[j])) ++j;
            if (j == q_.size()) return false;
            const auto c = at(j).first;
            const bool word = is_wordchar(c);
            if (!word && ((j > value) || (!is_quote(c) && c != '('))) return false;
            pending_ = field;
        }
        add(Kind::FieldName, i, value, std::string{q_.substr(i, value - i)}, field);
        return true;
    }

    // An exact field's value at `i`, as Xapian's parser reads it: a quoted string ("" is a
    // quote), or everything up to a space or ')'. Returns where it ends.
    std::size_t exact_value(const schema::Field* field, std::size_t i) {
        std::string value;
        std::size_t j = i;
        if (const auto [c, next] = at(i); is_quote(c)) {
            value += '"';
            if (!field->word_prefix.empty()) value += ExactValueMark;
            bool closed = false;
            for (j = next; j < q_.size() && !closed;) {
                const auto [d, after] = at(j);
                const auto from = j;
                j = after;
                if (!is_quote(d)) {
                    value += d < 0x20 ? std::string(" ") : std::string{q_.substr(from, after - from)};
                    continue;
                }
                value += '"';
                if (j < q_.size() && is_quote(at(j).first)) {   // "" stands for one quote
                    value += '"';
                    j = at(j).second;
                    continue;
                }
                closed = true;
            }
            if (!closed) throw QueryError("'\"' opens a phrase that is never closed", i);
        } else {
            while (j < q_.size()) {
                const auto [d, after] = at(j);
                if (d <= ' ' || d == ')') break;
                value += is_quote(d) ? std::string("\"") : std::string{q_.substr(j, after - j)};
                j = after;
            }
            // The parser ends the value at ')', so `source:a(b)` would search for "a(b".
            if (j < q_.size() && q_[j] == ')' && value.find('(') != std::string::npos)
                throw QueryError("a value with brackets needs quotes: " + std::string{field->name} + ":\"" + value +
                                 ")\"", i);
        }
        add(Kind::Value, i, j, std::move(value), field, 1);
        return j;
    }

    std::string_view q_;
    std::vector<QueryToken> tokens_;
    bool in_phrase_ = false;
    std::size_t phrase_at_ = 0;
    const schema::Field* phrase_field_ = nullptr;
    std::vector<std::pair<std::size_t, const schema::Field*>> groups_;   // open brackets: offset, field
    const schema::Field* pending_ = nullptr;   // a text field's name just read: the next token's field
    std::size_t last_word_end_ = std::string_view::npos;
};

} // namespace

ScannedQuery scan_query(std::string_view query) {
    if (const auto bad = text::invalid_utf8_offset(query); bad != std::string_view::npos)
        throw QueryError("not valid UTF-8", bad);
    return Scanner(query).run();
}

} // namespace newsdesk
