#pragma once
// The parts of an HTTP request the server reads itself, apart from sockets: the request target
// (path and query parameters, percent-decoded) and the Host header.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "api.hpp"

namespace newsdesk::server {

// "/api/search?q=a+b&facet=x" -> path "/api/search", params {q: "a b", facet: "x"}.
struct Target {
    std::string path;
    Params params;
};

// Nullopt when the target is not an origin-form path ("/..."), or holds a broken percent
// escape or a NUL.
std::optional<Target> parse_target(std::string_view target);

// Which Host headers the server answers. A page on another origin that gets the browser to send
// requests here (DNS rebinding: a name of the attacker's that resolves to 127.0.0.1) sends the
// attacker's name as Host, so only names the user chose are served: `localhost`, the names given
// with --host, and addresses written as IP literals, which a rebinding page cannot make its
// browser send for its own origin.
class HostCheck {
public:
    explicit HostCheck(std::vector<std::string> names = {});
    // `host` is the header's value, with or without a port; empty when the request had none
    // (allowed: only HTTP/1.0 clients omit it, and browsers always send it).
    bool allows(std::string_view host) const;
    // The names served, for messages.
    std::string describe() const;

private:
    std::vector<std::string> names_;   // lower case
};

} // namespace newsdesk::server
