#pragma once
// From a parsed request to its answer: which path is what, which method it takes, and the
// headers every answer carries. No sockets here (server/http_server.cpp has them), so the whole
// way from request to answer can be tested and fuzzed without a network.
#include <functional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "api.hpp"
#include "http_request.hpp"

namespace newsdesk::server {

struct Incoming {
    std::string method;
    Target target;
    std::string content_type;
    std::string body;
};

struct Reply {
    int status = 200;
    std::string content_type;
    std::string body;
    std::vector<std::pair<std::string, std::string>> headers;   // beyond those of every answer
    // A body too long to make at once (exports): written in chunks as a worker makes each,
    // `body` aside; an empty piece ends it.
    std::function<std::string()> next_piece = {};
};

// Where a request's work is done: at once on the thread that reads requests (the page's files,
// errors), or in one of the server's two pools of workers, each with a bound of its own.
enum class Work { Immediate, Database, Extraction };

// A JSON error answer: {"error": message, "status": status}.
Reply error_reply(int status, const std::string& message);
Reply json_reply(const ApiResponse& response);

class Router {
public:
    explicit Router(Api& api) : api_(api) {}

    Work work(const Incoming& request) const;
    Reply answer(const Incoming& request, const Budget& budget) const;

private:
    Api& api_;
};

// Headers every answer carries.
const std::vector<std::pair<std::string, std::string>>& common_headers();
// Request text as logged: printable ASCII, cut short.
std::string loggable(std::string_view s);

} // namespace newsdesk::server
