#include "indexer/readers/http_response.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>

#include <zlib.h>

#include "indexer/readers/header_field.hpp"

namespace newsdesk {
namespace {

// The next line of `s` from `at` (without its CR LF), moving `at` past it.
std::optional<std::string_view> take_line(std::string_view s, std::size_t& at) {
    if (at >= s.size()) return std::nullopt;
    const auto nl = s.find('\n', at);
    auto line = s.substr(at, nl == std::string_view::npos ? std::string_view::npos : nl - at);
    at = nl == std::string_view::npos ? s.size() : nl + 1;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    return line;
}

// "Transfer-Encoding: chunked": hexadecimal sizes, each before its chunk, a zero size last.
bool unchunk(std::string_view s, std::size_t max, std::string& out, std::string& why) {
    std::size_t at = 0;
    for (;;) {
        const auto line = take_line(s, at);
        if (!line) { why = "chunked body without its last chunk"; return false; }
        const auto size_text = trim_blanks(line->substr(0, line->find(';')));
        std::size_t size = 0;
        const auto [end, ec] = std::from_chars(size_text.data(), size_text.data() + size_text.size(), size, 16);
        if (ec != std::errc{} || end != size_text.data() + size_text.size()) { why = "chunk size is not a number"; return false; }
        if (size == 0) return true;
        if (size > s.size() - at) { why = "chunk longer than the body"; return false; }
        if (out.size() + size > max) { why = "body larger than the limit"; return false; }
        out.append(s.substr(at, size));
        at += size;
        if (at < s.size() && s[at] == '\r') ++at;
        if (at < s.size() && s[at] == '\n') ++at;
    }
}

// gzip or zlib-wrapped deflate (windowBits 15 + 32 detects which), or raw deflate.
bool inflate_body(std::string_view s, std::size_t max, bool raw, std::string& out, std::string& why) {
    z_stream z{};
    if (inflateInit2(&z, raw ? -15 : 15 + 32) != Z_OK) { why = "cannot start decompression"; return false; }
    z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(s.data()));
    z.avail_in = static_cast<uInt>(s.size());
    char buffer[1 << 15];
    int rc = Z_OK;
    while (rc == Z_OK) {
        z.next_out = reinterpret_cast<Bytef*>(buffer);
        z.avail_out = sizeof buffer;
        rc = inflate(&z, Z_NO_FLUSH);
        const auto produced = sizeof buffer - z.avail_out;
        if (out.size() + produced > max) { inflateEnd(&z); why = "body larger than the limit"; return false; }
        out.append(buffer, produced);
        if (rc == Z_BUF_ERROR && z.avail_in == 0) break;   // a body cut short: keep what was decoded
    }
    inflateEnd(&z);
    if (rc != Z_STREAM_END && rc != Z_BUF_ERROR) { why = "corrupt compressed body"; return false; }
    return true;
}

} // namespace

std::optional<HttpResponse> parse_http_response(std::string_view block, std::size_t max_body, std::string& why) {
    std::size_t at = 0;
    const auto status_line = take_line(block, at);
    if (!status_line || !status_line->starts_with("HTTP/")) { why = "not an HTTP response"; return std::nullopt; }
    HttpResponse r;
    {
        const auto sp = status_line->find(' ');
        const auto code = sp == std::string_view::npos ? std::string_view{} : trim_blanks(status_line->substr(sp + 1, 4));
        const auto [end, ec] = std::from_chars(code.data(), code.data() + code.size(), r.status);
        if (ec != std::errc{} || r.status < 100 || r.status > 599) { why = "HTTP status line without a status"; return std::nullopt; }
    }
    std::string transfer, encoding;
    for (;;) {
        const auto line = take_line(block, at);
        if (!line) { why = "HTTP headers without end"; return std::nullopt; }
        if (line->empty()) break;
        const auto colon = line->find(':');
        if (colon == std::string_view::npos) continue;
        const auto field = ascii_lower(trim_blanks(line->substr(0, colon)));
        const auto value = trim_blanks(line->substr(colon + 1));
        if (field == "content-type") {
            const auto semi = value.find(';');
            r.media_type = ascii_lower(trim_blanks(value.substr(0, semi)));
            if (semi != std::string_view::npos) {
                const auto params = ascii_lower(value.substr(semi));
                if (const auto cs = params.find("charset="); cs != std::string::npos) {
                    auto v = std::string_view(params).substr(cs + 8);
                    v = v.substr(0, v.find(';'));
                    v = trim_blanks(v);
                    if (v.size() >= 2 && (v.front() == '"' || v.front() == '\'')) v = v.substr(1, v.size() - 2);
                    r.charset = std::string(v);
                }
            }
        } else if (field == "transfer-encoding") {
            transfer = ascii_lower(value);
        } else if (field == "content-encoding") {
            encoding = ascii_lower(value);
        }
    }
    std::string_view body = block.substr(std::min(at, block.size()));
    std::string unchunked;
    if (transfer.find("chunked") != std::string::npos) {
        if (!unchunk(body, max_body, unchunked, why)) return std::nullopt;
        body = unchunked;
    }
    if (encoding == "gzip" || encoding == "x-gzip" || encoding == "deflate") {
        if (!inflate_body(body, max_body, false, r.body, why)) {
            // some servers send raw deflate under "deflate"
            r.body.clear();
            if (encoding != "deflate" || !inflate_body(body, max_body, true, r.body, why)) return std::nullopt;
        }
    } else if (!encoding.empty() && encoding != "identity") {
        why = "body in an encoding newsdesk does not read (" + encoding + ")";
        return std::nullopt;
    } else {
        if (body.size() > max_body) { why = "body larger than the limit"; return std::nullopt; }
        r.body.assign(body);
    }
    return r;
}

} // namespace newsdesk
