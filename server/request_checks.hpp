#pragma once
// The checks a request passes as it is read, apart from sockets: the limits its parser holds it
// to, and what is refused once its header is in. The server (http_server.cpp) and the HTTP fuzz
// target (fuzz/http_request_fuzz.cpp) both use these, so what is fuzzed is what is served.
#include <optional>

#include <boost/beast/http/parser.hpp>
#include <boost/beast/http/string_body.hpp>

#include "http_request.hpp"
#include "http_server.hpp"
#include "router.hpp"

namespace newsdesk::server {

using RequestParser = boost::beast::http::request_parser<boost::beast::http::string_body>;

// Header and body limits (the body's however it is sent: Content-Length or chunked).
void apply_limits(RequestParser& parser, const ServerOptions& options);

// The answer to a request the parser stopped on (too large, malformed); nullopt when the error
// means the client has gone or was too slow, where nothing is answered.
std::optional<Reply> refusal_for(const boost::beast::error_code& ec, const ServerOptions& options);

// The answer to a request whose header breaks a limit or names a host not served; nullopt
// when it may go on.
std::optional<Reply> refusal_for(const RequestParser& parser, const ServerOptions& options, const HostCheck& hosts);

} // namespace newsdesk::server
