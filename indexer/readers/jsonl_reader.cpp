#include "indexer/readers/jsonl_reader.hpp"

#include <simdjson.h>

#include "schema/date.hpp"
#include "text/language.hpp"
#include "indexer/readers/compressed_file.hpp"

namespace newsdesk {
namespace {

using simdjson::dom::element;

struct FieldError {
    std::string message;
};

// A string field's text. A "\u0000" escape is refused like a raw NUL byte: no text holds one,
// and it would end the text early wherever it is read as a C string.
std::string checked(std::string_view text, std::string_view key) {
    if (text.find('\0') != std::string_view::npos)
        throw FieldError{"field \"" + std::string{key} + "\" holds a NUL character (\\u0000)"};
    return std::string{text};
}

std::string as_text(element value, std::string_view key) {
    if (value.is_string()) return checked(std::string_view(value), key);
    if (value.is_null()) return {};
    if (key == "id" && (value.is_int64() || value.is_uint64()))   // numeric ids are common
        return simdjson::to_string(value);
    throw FieldError{"field \"" + std::string{key} + "\" should be a string"};
}

// More names than any article has: a list this long is not data the indexer should spend
// time on (speakers are settled against the index one by one).
constexpr std::size_t MaxListEntries = 1000;

std::vector<std::string> as_list(element value, std::string_view key) {
    std::vector<std::string> out;
    if (value.is_null()) return out;
    if (value.is_string()) {   // "authors": "A. Writer" is a common shorthand for one
        out.push_back(checked(std::string_view(value), key));
        return out;
    }
    if (!value.is_array()) throw FieldError{"field \"" + std::string{key} + "\" should be a list of strings"};
    if (value.get_array().size() > MaxListEntries)
        throw FieldError{"field \"" + std::string{key} + "\" has more than " + std::to_string(MaxListEntries) + " entries"};
    for (element item : value.get_array()) {
        if (item.is_string()) out.push_back(checked(std::string_view(item), key));
        else if (item.is_object() && item["name"].is_string()) out.push_back(checked(std::string_view(item["name"]), key));
        else if (item.is_object() && item["code"].is_string()) out.push_back(checked(std::string_view(item["code"]), key));
        else throw FieldError{"field \"" + std::string{key} + "\" should be a list of strings"};
    }
    return out;
}

// At most `max` bytes of `text` for a message, cut at a character boundary.
std::string excerpt(std::string_view text, std::size_t max = 40) {
    if (text.size() <= max) return std::string{text};
    while (max > 0 && (static_cast<unsigned char>(text[max]) & 0xC0) == 0x80) --max;
    return std::string{text.substr(0, max)} + "\u2026";
}

} // namespace

JsonLineResult parse_json_line(std::string_view line) {
    // One parser per thread: it owns buffers sized to the largest line so far, about ten times
    // its size. A long line gets a parser of its own, so that its buffers go with it.
    constexpr std::size_t LongLine = 1u << 20;
    thread_local simdjson::dom::parser shared_parser;
    std::optional<simdjson::dom::parser> own_parser;
    if (line.size() > LongLine) own_parser.emplace();
    auto& parser = own_parser ? *own_parser : shared_parser;
    if (const auto nul = line.find('\0'); nul != std::string_view::npos)   // simdjson would call it unescaped
        return {std::nullopt, "binary data (NUL byte at column " + std::to_string(nul + 1) + "), not JSON"};
    element root;
    if (const auto err = parser.parse(line.data(), line.size()).get(root))
        return {std::nullopt, err == simdjson::UTF8_ERROR ? "not valid UTF-8"
                                                          : std::string("malformed JSON: ") + simdjson::error_message(err)};
    if (!root.is_object()) return {std::nullopt, "not a JSON object"};
    Article a;
    std::string date;
    try {
        for (const auto field : root.get_object()) {
            const auto key = field.key;
            if (key == "id") a.id = as_text(field.value, key);
            else if (key == "title") a.title = as_text(field.value, key);
            else if (key == "body" || key == "text" || key == "content") {
                if (a.body.empty()) a.body = as_text(field.value, key);
            }
            else if (key == "date") date = as_text(field.value, key);
            else if (key == "source") a.source = as_text(field.value, key);
            else if (key == "url") a.url = as_text(field.value, key);
            else if (key == "language" || key == "lang") a.language = as_text(field.value, key);
            else if (key == "authors" || key == "author") a.authors = as_list(field.value, key);
            else if (key == "speakers") a.speakers = as_list(field.value, key);
            else if (key == "countries") a.countries = as_list(field.value, key);
        }
    } catch (const FieldError& e) {
        return {std::nullopt, e.message};
    }
    if (!date.empty()) {
        const auto iso = iso_date(date);
        if (!iso) return {std::nullopt, "field \"date\" is not an ISO 8601 date: \"" + excerpt(date) + "\""};
        a.date = *iso;
    }
    if (!a.language.empty() && !language_tag(a.language))
        return {std::nullopt, "field \"language\" is not a language code such as en or pt-BR: \"" + excerpt(a.language) + "\""};
    if (a.title.empty() && a.body.empty()) return {std::nullopt, "no title and no body"};
    return {std::move(a), {}};
}

void read_jsonl(const InputFile& file, const ReadHandlers& handlers) {
    const auto path = file.path.string();
    try {
        CompressedFile in(file.path);
        std::string line;
        std::size_t number = 0, nonblank = 0;
        std::uint64_t reported = 0;
        bool too_long = false;
        try {
            while (in.next_line(line, handlers.max_article_bytes, too_long)) {
                ++number;
                if (number == 1 && line.starts_with("\xEF\xBB\xBF")) line.erase(0, 3);   // a byte order mark
                if (!too_long && line.find_first_not_of(" \t") == std::string::npos) continue;   // blank line
                ++nonblank;
                auto result = too_long ? JsonLineResult{std::nullopt, handlers.too_large} : parse_json_line(line);
                const auto where = path + ":" + std::to_string(number);
                bool go_on;
                if (result.article) {
                    auto& a = *result.article;
                    if (a.id.empty()) a.id = file.path.filename().string() + ":" + std::to_string(number);
                    a.origin = where;
                    go_on = handlers.article(std::move(a));
                } else {
                    go_on = handlers.problem({where, result.problem});
                }
                if (handlers.bytes_read && in.offset() != reported) {
                    handlers.bytes_read(in.offset() - reported);
                    reported = in.offset();
                }
                if (!go_on) return;
            }
        } catch (const std::runtime_error& e) {
            handlers.problem({path + ":" + std::to_string(number + 1), e.what()});
            return;
        }
        if (handlers.bytes_read && file.size > reported) handlers.bytes_read(file.size - reported);
        if (nonblank == 0) handlers.problem({path, "empty file"});
    } catch (const std::runtime_error& e) {
        handlers.problem({path, e.what()});
    }
}

} // namespace newsdesk
