#include "query_mix.hpp"

#include <fstream>
#include <stdexcept>

namespace bench {
namespace {

struct Token {
    enum class Kind { Word, Phrase, Filter, Open, Close, Or, Not };
    Kind kind;
    std::string text;    // word, phrase body, filter value
    std::string field;   // filter field
};

[[noreturn]] void fail(const std::string& line, const std::string& why) {
    throw std::runtime_error("query mix: " + why + " in: " + line);
}

std::string read_quoted(const std::string& line, std::size_t& i) {
    const auto end = line.find('"', i + 1);
    if (end == std::string::npos) fail(line, "unclosed quote");
    std::string body = line.substr(i + 1, end - i - 1);
    i = end + 1;
    return body;
}

std::vector<Token> tokenize(const std::string& line) {
    std::vector<Token> tokens;
    std::size_t i = 0;
    while (i < line.size()) {
        const char c = line[i];
        if (c == ' ' || c == '\t') {
            ++i;
        } else if (c == '(' || c == ')') {
            tokens.push_back({c == '(' ? Token::Kind::Open : Token::Kind::Close, {}, {}});
            ++i;
        } else if (c == '"') {
            tokens.push_back({Token::Kind::Phrase, read_quoted(line, i), {}});
        } else {
            std::size_t end = i;
            while (end < line.size() && line[end] != ' ' && line[end] != '\t' && line[end] != '(' &&
                   line[end] != ')' && line[end] != '"')
                ++end;
            std::string word = line.substr(i, end - i);
            i = end;
            if (word == "OR") {
                tokens.push_back({Token::Kind::Or, {}, {}});
            } else if (word == "NOT") {
                tokens.push_back({Token::Kind::Not, {}, {}});
            } else if (const auto colon = word.find(':'); colon != std::string::npos) {
                std::string field = word.substr(0, colon);
                if (field != "speaker" && field != "country") fail(line, "unknown field " + field);
                std::string value = word.substr(colon + 1);
                if (value.empty() && i < line.size() && line[i] == '"') value = read_quoted(line, i);
                if (value.empty()) fail(line, "empty filter value");
                tokens.push_back({Token::Kind::Filter, value, field});
            } else {
                tokens.push_back({Token::Kind::Word, word, {}});
            }
        }
    }
    return tokens;
}

std::vector<std::string> split_words(const std::string& phrase) {
    std::vector<std::string> words;
    std::size_t i = 0;
    while (i < phrase.size()) {
        const auto end = phrase.find(' ', i);
        const auto word = phrase.substr(i, end == std::string::npos ? std::string::npos : end - i);
        if (!word.empty()) words.push_back(word);
        if (end == std::string::npos) break;
        i = end + 1;
    }
    return words;
}

Atom to_atom(const Token& t, const std::string& line) {
    switch (t.kind) {
    case Token::Kind::Word: return {Atom::Kind::Word, {t.text}, {}, {}};
    case Token::Kind::Phrase: {
        auto words = split_words(t.text);
        if (words.size() < 2) fail(line, "a phrase needs two words");
        return {Atom::Kind::Phrase, std::move(words), {}, {}};
    }
    case Token::Kind::Filter: return {Atom::Kind::Filter, {}, t.field, t.text};
    default: fail(line, "expected a word, a phrase or a filter");
    }
}

} // namespace

bool MixQuery::has_text() const {
    for (const auto& g : all)
        if (!g.negated && g.any.front().kind != Atom::Kind::Filter) return true;
    return false;
}

std::string quoted(const std::string& s, char quote) { return quote + s + quote; }

MixQuery parse_mix_query(const std::string& line) {
    const auto tokens = tokenize(line);
    MixQuery q{line, {}};
    std::size_t i = 0;
    auto atom_at = [&](std::size_t k) {
        if (k >= tokens.size()) fail(line, "unexpected end");
        return to_atom(tokens[k], line);
    };
    while (i < tokens.size()) {
        Group g;
        if (tokens[i].kind == Token::Kind::Not) {
            g.negated = true;
            ++i;
        }
        if (i < tokens.size() && tokens[i].kind == Token::Kind::Open) {
            ++i;
            g.any.push_back(atom_at(i++));
            while (i < tokens.size() && tokens[i].kind == Token::Kind::Or) {
                g.any.push_back(atom_at(i + 1));
                i += 2;
            }
            if (i >= tokens.size() || tokens[i].kind != Token::Kind::Close) fail(line, "expected )");
            ++i;
        } else {
            g.any.push_back(atom_at(i++));
        }
        q.all.push_back(std::move(g));
        // A bare `a OR b` line: fold what follows into the same group.
        while (i < tokens.size() && tokens[i].kind == Token::Kind::Or) {
            q.all.back().any.push_back(atom_at(i + 1));
            i += 2;
        }
    }
    if (q.all.empty()) fail(line, "empty query");
    for (const auto& g : q.all) {
        const bool has_filter = g.any.front().kind == Atom::Kind::Filter;
        if (has_filter && (g.negated || g.any.size() > 1)) fail(line, "filters must be plain AND terms");
        for (const auto& a : g.any)
            if (a.kind == Atom::Kind::Filter && g.any.size() > 1) fail(line, "filters cannot be OR-ed");
        if (g.any.size() > 1 && q.all.size() > 1 && line.find('(') == std::string::npos)
            fail(line, "put an OR group with other terms in brackets");
    }
    return q;
}

std::vector<MixQuery> read_query_mix(const std::string& path) {
    std::ifstream in(path);
    if (!in) throw std::runtime_error("cannot read " + path);
    std::vector<MixQuery> mix;
    std::string line;
    while (std::getline(in, line)) {
        if (line.empty() || line[0] == '#') continue;
        mix.push_back(parse_mix_query(line));
    }
    return mix;
}

} // namespace bench
