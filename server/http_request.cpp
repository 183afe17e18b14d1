#include "http_request.hpp"

#include <algorithm>
#include <arpa/inet.h>

namespace newsdesk::server {
namespace {

int hex_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

// Percent-decodes `text` (and '+' as a space in query components); nullopt for a broken escape
// or a NUL, which no path or parameter of ours may hold.
std::optional<std::string> decoded(std::string_view text, bool plus_is_space) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        char c = text[i];
        if (c == '%') {
            if (i + 2 >= text.size()) return std::nullopt;
            const int hi = hex_value(text[i + 1]), lo = hex_value(text[i + 2]);
            if (hi < 0 || lo < 0) return std::nullopt;
            c = static_cast<char>(hi * 16 + lo);
            i += 2;
        } else if (c == '+' && plus_is_space) {
            c = ' ';
        }
        if (c == '\0') return std::nullopt;
        out += c;
    }
    return out;
}

std::string lower(std::string_view s) {
    std::string out(s);
    std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return out;
}

bool ip_literal(const std::string& host) {
    unsigned char buf[sizeof(in6_addr)];
    if (host.size() > 2 && host.front() == '[' && host.back() == ']')
        return inet_pton(AF_INET6, host.substr(1, host.size() - 2).c_str(), buf) == 1;
    return inet_pton(AF_INET, host.c_str(), buf) == 1;
}

} // namespace

std::optional<Target> parse_target(std::string_view target) {
    if (target.empty() || target.front() != '/') return std::nullopt;
    const auto question = target.find('?');
    Target out;
    auto path = decoded(target.substr(0, question), false);
    if (!path) return std::nullopt;
    out.path = std::move(*path);
    if (question == std::string_view::npos) return out;
    auto query = target.substr(question + 1);
    if (const auto hash = query.find('#'); hash != std::string_view::npos) query = query.substr(0, hash);
    while (!query.empty()) {
        const auto amp = query.find('&');
        const auto pair = query.substr(0, amp);
        query = amp == std::string_view::npos ? std::string_view{} : query.substr(amp + 1);
        if (pair.empty()) continue;
        const auto eq = pair.find('=');
        auto key = decoded(pair.substr(0, eq), true);
        auto value = decoded(eq == std::string_view::npos ? std::string_view{} : pair.substr(eq + 1), true);
        if (!key || !value) return std::nullopt;
        out.params.emplace(std::move(*key), std::move(*value));
    }
    return out;
}

HostCheck::HostCheck(std::vector<std::string> names) {
    names_.push_back("localhost");
    for (const auto& n : names)
        if (!n.empty()) names_.push_back(lower(n));
}

bool HostCheck::allows(std::string_view host) const {
    if (host.empty()) return true;
    // Cut the port: "name:8080", "[::1]:8080"; a bare IPv6 literal is always bracketed.
    std::string_view name = host;
    if (const auto colon = host.rfind(':'); colon != std::string_view::npos && host.find(']', colon) == std::string_view::npos) {
        const auto port = host.substr(colon + 1);
        if (!std::all_of(port.begin(), port.end(), [](char c) { return c >= '0' && c <= '9'; })) return false;
        name = host.substr(0, colon);
    }
    if (!name.empty() && name.back() == '.') name.remove_suffix(1);   // "localhost." is the same name
    const auto wanted = lower(name);
    if (ip_literal(wanted)) return true;
    return std::find(names_.begin(), names_.end(), wanted) != names_.end();
}

std::string HostCheck::describe() const {
    std::string out;
    for (const auto& n : names_) out += (out.empty() ? "" : ", ") + n;
    return out + " and IP addresses";
}

} // namespace newsdesk::server
