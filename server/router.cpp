#include "router.hpp"

#include "render/json.hpp"
#include "web_assets.hpp"

namespace newsdesk::server {
namespace {

constexpr std::string_view ArticlesPrefix = "/api/articles/";
// /api/articles/{id}/story: an id ending so is read as the story of the id before it.
constexpr std::string_view StorySuffix = "/story";
// /api/watches, /api/watches/run, /api/watches/{name} and /api/watches/{name}/run.
constexpr std::string_view WatchesPath = "/api/watches";
constexpr std::string_view RunSuffix = "/run";

bool watches_path(const std::string& path) {
    return path == WatchesPath || (path.starts_with(WatchesPath) && path[WatchesPath.size()] == '/' && path.size() > WatchesPath.size() + 1);
}

constexpr const char* PageSecurityPolicy =
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
    "base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

bool reading(const std::string& method) { return method == "GET" || method == "HEAD"; }

bool api_read_path(const std::string& path) {
    return path == "/api/search" || path == "/api/quotes" || path == "/api/info" || path == "/api/export" ||
           (path.starts_with(ArticlesPrefix) && path.size() > ArticlesPrefix.size());
}

Reply not_allowed(const Incoming& request, const char* allowed) {
    auto r = error_reply(405, loggable(request.method) + " is not allowed on " + loggable(request.target.path) +
                                  " (only " + allowed + ")");
    r.headers.emplace_back("Allow", allowed);
    return r;
}

} // namespace

const WebAsset* find_web_asset(std::string_view path) {
    for (const auto& asset : web_assets())
        if (asset.path == path) return &asset;
    return nullptr;
}

std::string loggable(std::string_view s) {
    if (s.empty()) return "-";
    std::string out;
    for (char c : s.substr(0, 300)) out += (c >= 0x20 && c < 0x7f) ? c : '?';
    if (s.size() > 300) out += "...";
    return out;
}

const std::vector<std::pair<std::string, std::string>>& common_headers() {
    static const std::vector<std::pair<std::string, std::string>> headers = {
        {"X-Content-Type-Options", "nosniff"}, {"Referrer-Policy", "no-referrer"}, {"X-Frame-Options", "DENY"}};
    return headers;
}

Reply json_reply(const ApiResponse& response) {
    Reply r{response.status, "application/json; charset=utf-8", render::dump(response.body), {{"Cache-Control", "no-store"}}};
    if (response.status == 503) r.headers.emplace_back("Retry-After", "1");
    return r;
}

Reply error_reply(int status, const std::string& message) { return json_reply(error_response(status, message)); }

Work Router::work(const Incoming& request) const {
    const auto& path = request.target.path;
    if (path == "/api/extract" && request.method == "POST") return Work::Extraction;
    if (watches_path(path)) return Work::Database;
    if (api_read_path(path) && reading(request.method)) return Work::Database;
    return Work::Immediate;
}

Reply Router::answer(const Incoming& request, const Budget& budget) const {
    const auto& path = request.target.path;
    const auto& params = request.target.params;
    if (api_read_path(path)) {
        if (!reading(request.method)) return not_allowed(request, "GET, HEAD");
        if (path == "/api/search") return json_reply(api_.search(params, budget));
        if (path == "/api/quotes") return json_reply(api_.quotes(params, budget));
        if (path == "/api/info") return json_reply(api_.info(params, budget));
        if (path == "/api/export") {
            auto exported = api_.export_rows(params, budget);
            if (!exported.rows) return json_reply(exported.refused);
            Reply r{200, exported.rows->content_type, {},
                    {{"Cache-Control", "no-store"},
                     {"Content-Disposition", "attachment; filename=\"" + exported.rows->filename + "\""}}};
            r.next_piece = std::move(exported.rows->next_piece);
            return r;
        }
        const auto id = path.substr(ArticlesPrefix.size());
        if (id.ends_with(StorySuffix)) return json_reply(api_.story(id.substr(0, id.size() - StorySuffix.size()), budget));
        return json_reply(api_.article(id, budget));
    }
    if (watches_path(path)) {
        if (path == WatchesPath) {
            if (reading(request.method)) return json_reply(api_.watches(budget));
            if (request.method == "POST") return json_reply(api_.add_watch(request.body, budget));
            return not_allowed(request, "GET, HEAD, POST");
        }
        auto name = path.substr(WatchesPath.size() + 1);
        if (name.ends_with(RunSuffix) || name == "run") {
            if (request.method != "POST") return not_allowed(request, "POST");
            name = name == "run" ? std::string{} : name.substr(0, name.size() - RunSuffix.size());
            return json_reply(api_.run_watches(name, params, budget));
        }
        if (request.method != "DELETE") return not_allowed(request, "DELETE");
        return json_reply(api_.remove_watch(name, budget));
    }
    if (path == "/api/extract") {
        if (request.method != "POST") return not_allowed(request, "POST");
        return json_reply(api_.extract(request.body, request.content_type, budget));
    }
    if (!path.starts_with("/api/")) {
        if (const auto* asset = find_web_asset(path == "/" ? "/index.html" : std::string_view{path})) {
            if (!reading(request.method)) return not_allowed(request, "GET, HEAD");
            return {200, std::string(asset->content_type), std::string(asset->body),
                    {{"Cache-Control", "no-cache"}, {"Content-Security-Policy", PageSecurityPolicy}}};
        }
    }
    return error_reply(404, "not found: " + loggable(path));
}

} // namespace newsdesk::server
