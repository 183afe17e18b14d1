#include "indexer/readers/jsonl_reader.hpp"

#include <simdjson.h>

#include "indexer/date.hpp"
#include "indexer/readers/compressed_file.hpp"

namespace newsdesk {
namespace {

using simdjson::dom::element;

struct FieldError {
    std::string message;
};

std::string as_text(element value, std::string_view key) {
    if (value.is_string()) return std::string{std::string_view(value)};
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
        out.emplace_back(std::string_view(value));
        return out;
    }
    if (!value.is_array()) throw FieldError{"field \"" + std::string{key} + "\" should be a list of strings"};
    if (value.get_array().size() > MaxListEntries)
        throw FieldError{"field \"" + std::string{key} + "\" has more than " + std::to_string(MaxListEntries) + " entries"};
    for (element item : value.get_array()) {
        if (item.is_string()) out.emplace_back(std::string_view(item));
        else if (item.is_object() && item["name"].is_string()) out.emplace_back(std::string_view(item["name"]));
        else if (item.is_object() && item["code"].is_string()) out.emplace_back(std::string_view(item["code"]));
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
    // One parser per thread: it owns buffers sized to the largest line so far.
    thread_local simdjson::dom::parser parser;
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
            while (in.next_line(line, MaxArticleBytes, too_long)) {
                ++number;
                if (number == 1 && line.starts_with("\xEF\xBB\xBF")) line.erase(0, 3);   // a byte order mark
                if (!too_long && line.find_first_not_of(" \t") == std::string::npos) continue;   // blank line
                ++nonblank;
                auto result = too_long ? JsonLineResult{std::nullopt, ArticleTooLarge} : parse_json_line(line);
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
