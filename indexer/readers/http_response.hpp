#pragma once
// An HTTP response as a crawler recorded it (a WARC "response" record's block): status line,
// headers, and the body with its transfer and content encodings undone.
#include <optional>
#include <string>
#include <string_view>

namespace newsdesk {

struct HttpResponse {
    int status = 0;             // 200, 301, 404, ...
    std::string media_type;     // Content-Type without parameters, lower case: "text/html"
    std::string charset;        // Content-Type's charset parameter, lower case; empty if none
    std::string body;           // decoded: chunks joined, gzip or deflate undone
};

// The response in `block`, its decoded body at most `max_body` bytes; nullopt with `why` set
// when the block is no HTTP response, its chunks or compression are broken, or the decoded body
// is larger than `max_body`.
std::optional<HttpResponse> parse_http_response(std::string_view block, std::size_t max_body, std::string& why);

} // namespace newsdesk
