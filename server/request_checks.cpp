#include "request_checks.hpp"

#include <iterator>

#include <boost/asio/error.hpp>
#include <boost/beast/core/error.hpp>
#include <boost/beast/http/error.hpp>

namespace newsdesk::server {

namespace http = boost::beast::http;
namespace net = boost::asio;

void apply_limits(RequestParser& parser, const ServerOptions& options) {
    parser.header_limit(static_cast<std::uint32_t>(options.max_header_bytes));
    parser.body_limit(options.max_body_bytes);
}

std::optional<Reply> refusal_for(const boost::beast::error_code& ec, const ServerOptions& options) {
    if (ec == http::error::end_of_stream || ec == net::error::eof || ec == boost::beast::error::timeout ||
        ec == net::error::operation_aborted || ec == net::error::connection_reset)
        return std::nullopt;
    if (ec == http::error::body_limit)
        return error_reply(413, "request body too large: at most " + std::to_string(options.max_body_bytes) + " bytes");
    if (ec == http::error::header_limit || ec == http::error::buffer_overflow)
        return error_reply(431, "request headers too large: at most " + std::to_string(options.max_header_bytes) +
                                    " bytes");
    return error_reply(400, "malformed request: " + ec.message());
}

std::optional<Reply> refusal_for(const RequestParser& parser, const ServerOptions& options, const HostCheck& hosts) {
    const auto& request = parser.get();
    if (static_cast<std::size_t>(std::distance(request.begin(), request.end())) > options.max_header_fields)
        return error_reply(431, "too many header lines: at most " + std::to_string(options.max_header_fields));
    if (request.target().size() > options.max_target_bytes)
        return error_reply(414, "request URI too long: at most " + std::to_string(options.max_target_bytes) + " bytes");
    const auto field = request[http::field::host];
    const std::string_view host(field.data(), field.size());
    if (host.empty() && request.version() >= 11) return error_reply(400, "an HTTP/1.1 request needs a Host header");
    if (!hosts.allows(host))
        return error_reply(403, "this server does not answer for host '" + loggable(host) + "' (it answers " +
                                    hosts.describe() + "; start it with --host NAME to add a name)");
    return std::nullopt;
}

} // namespace newsdesk::server
