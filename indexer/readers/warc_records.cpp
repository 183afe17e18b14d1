#include "indexer/readers/warc_records.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>
#include "indexer/readers/header_field.hpp"
#include "text/unicode.hpp"

namespace newsdesk {
namespace {

// A record header is a few hundred bytes; past these limits the file is not WARC (or hostile),
// and the reader stops rather than hold it.
constexpr std::size_t MaxHeaderLineBytes = 16 << 10;
constexpr std::size_t MaxHeaderLines = 256;

std::string record_name(std::uint64_t n) { return "record " + std::to_string(n); }

bool control_free(std::string_view s) {
    return std::none_of(s.begin(), s.end(), [](unsigned char c) { return c < 0x20 || c == 0x7f; });
}

// A target URI becomes an article's URL and id, which must be UTF-8 text. URIs are ASCII and
// some crawlers write IRIs in UTF-8: both are kept as they are. Anything else (raw Latin-1
// bytes, control characters) is percent-encoded byte by byte, which names the same address.
std::string uri_text(std::string_view uri) {
    if (newsdesk::text::valid_utf8(uri) && control_free(uri)) return std::string(uri);
    static constexpr char hex[] = "0123456789ABCDEF";
    std::string out;
    for (const unsigned char c : uri) {
        if (c > 0x20 && c < 0x7f) {
            out += static_cast<char>(c);
        } else {
            out += '%';
            out += hex[c >> 4];
            out += hex[c & 15];
        }
    }
    return out;
}

} // namespace

bool WarcRecords::next(WarcRecord& record, std::size_t max_block) {
    std::string line;
    bool too_long = false;
    // The version line, after the blank lines that end the record before; any other line means
    // that record's Content-Length was wrong, and the lines up to the next version line are lost.
    const auto version_line = [](const std::string& l) {
        return l.starts_with("WARC/") && l.size() >= 6 && std::isdigit(static_cast<unsigned char>(l[5]));
    };
    std::uint64_t skipped = 0;
    for (;;) {
        if (!file_.next_line(line, MaxHeaderLineBytes, too_long)) {
            if (skipped > 0) throw WarcError(record_name(count_ + 1) + ": " + std::to_string(skipped) +
                                             " lines at the end that are no WARC record");
            return false;
        }
        if (!too_long && version_line(line)) break;
        if (!line.empty() || too_long) ++skipped;
    }
    record = WarcRecord{};
    record.number = ++count_;
    record.lines_skipped = skipped;
    const auto name = record_name(record.number);
    record.version = line.substr(5);
    bool has_length = false;
    for (std::size_t fields = 0;; ++fields) {
        if (fields > MaxHeaderLines) throw WarcError(name + ": header without end (more than 256 fields)");
        if (!file_.next_line(line, MaxHeaderLineBytes, too_long))
            throw WarcError(name + ": the file ends inside the record's header");
        if (too_long) throw WarcError(name + ": header field of more than 16 KB");
        if (line.empty()) break;
        const auto colon = line.find(':');
        if (colon == std::string::npos) continue;   // a continuation line (folded field): not needed
        const auto field = ascii_lower(trim_blanks(std::string_view(line).substr(0, colon)));
        const auto value = trim_blanks(std::string_view(line).substr(colon + 1));
        if (field == "warc-type") {
            record.type = ascii_lower(value);
        } else if (field == "warc-target-uri") {
            auto uri = value;
            if (uri.size() >= 2 && uri.front() == '<' && uri.back() == '>') uri = uri.substr(1, uri.size() - 2);
            record.target_uri = uri_text(uri);
        } else if (field == "content-type") {
            record.content_type = std::string(value);
        } else if (field == "content-length") {
            const auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), record.length);
            if (ec != std::errc{} || end != value.data() + value.size())
                throw WarcError(name + ": Content-Length is not a number (\"" + std::string(value.substr(0, 40)) + "\")");
            has_length = true;
        }
    }
    if (!has_length) throw WarcError(name + ": no Content-Length, so its end is unknown");
    if (record.length <= max_block) {
        record.block.reserve(static_cast<std::size_t>(record.length));
        const auto got = file_.read(record.block, static_cast<std::size_t>(record.length));
        if (got < record.length)
            throw WarcError(name + ": cut short: " + std::to_string(got) + " of its " + std::to_string(record.length) +
                            " bytes");
        record.block_kept = true;
    } else {
        const auto got = file_.skip(record.length);
        if (got < record.length)
            throw WarcError(name + ": cut short: " + std::to_string(got) + " of its " + std::to_string(record.length) +
                            " bytes");
    }
    return true;
}

} // namespace newsdesk
