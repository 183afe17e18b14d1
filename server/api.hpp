#pragma once
// The JSON API of `newsdesk serve`, apart from HTTP: parameters in, a status and a JSON body
// out. Bodies are the JSON of the matching CLI commands (render/json.hpp renders both).
#include <chrono>
#include <cstddef>
#include <filesystem>
#include <functional>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "reader_pool.hpp"

namespace newsdesk::server {

// Query-string parameters; a key may repeat (`facet`). Same type as httplib::Params.
using Params = std::multimap<std::string, std::string>;

struct ApiResponse {
    int status = 200;
    nlohmann::json body;
};

// What one request may spend: its work stops at the deadline (503), and is dropped when its
// client has gone away (`cancelled` answers true), between stages where it cannot be sooner.
struct Budget {
    std::chrono::steady_clock::time_point deadline = std::chrono::steady_clock::time_point::max();
    std::function<bool()> cancelled;   // empty: the client is never gone
};

// The client went away before its answer was ready; nothing is sent.
struct ClientGone : std::runtime_error {
    ClientGone() : std::runtime_error("the client went away") {}
};

// What a request may ask for; larger values are refused with 400.
struct ApiLimits {
    std::size_t max_query_bytes = 4096;
    std::size_t max_limit = 1000;          // hits per page
    std::size_t max_offset = 1'000'000;
    std::size_t max_facets = 16;           // `facet` parameters per request
    std::size_t max_facet_limit = 1000;
    std::size_t max_histogram_series = 20;   // series per histogram: each is a match more
    // Searches run at once (0: one per core) and how long a request waits for its turn.
    std::size_t concurrent_searches = 0;
    std::chrono::milliseconds max_queue_wait{10'000};
};

// An export under way (GET /api/export): its content type and file name, and its rows a piece
// at a time, each call on a worker (it reads the database); an empty piece is the end.
struct ExportRows {
    std::string content_type, filename;
    std::function<std::string()> next_piece;
};

// {"error": message, "status": status}
ApiResponse error_response(int status, const std::string& message);

class Api {
public:
    explicit Api(std::filesystem::path db, ApiLimits limits = {});

    // GET /api/search and /api/quotes: q, facet (repeatable), facet_limit, sort, limit, offset, lang.
    ApiResponse search(const Params& params, const Budget& budget = {});
    ApiResponse quotes(const Params& params, const Budget& budget = {});
    // GET /api/articles/{id}: the stored article with its body; 404 when there is none.
    ApiResponse article(const std::string& id, const Budget& budget = {});
    // GET /api/articles/{id}/story: every version of the article's story; 404 when there is no
    // such article.
    ApiResponse story(const std::string& id, const Budget& budget = {});
    // GET /api/info: facet_limit.
    ApiResponse info(const Params& params, const Budget& budget = {});
    // POST /api/extract: the body is the article's text, or with a JSON content type an object
    // {"title", "body", "language"}; answers speakers, organisations, countries and quotes.
    ApiResponse extract(std::string_view body, std::string_view content_type, const Budget& budget = {});

    // GET /api/export: q, sort, offset, limit (default: every hit), format (csv, jsonl), with
    // (snippet, body; repeatable). The rows, or when the request is refused the error to answer.
    struct Export {
        ApiResponse refused;
        std::optional<ExportRows> rows;
    };
    Export export_rows(const Params& params, const Budget& budget = {});

    // Saved searches (newsdesk/watches.hpp), kept in the database:
    // GET /api/watches: the list.
    ApiResponse watches(const Budget& budget = {});
    // POST /api/watches, a JSON object {"name", "query", "facets"}: 201 with the watch saved.
    ApiResponse add_watch(std::string_view body, const Budget& budget = {});
    // DELETE /api/watches/{name}: 404 when there is no such watch.
    ApiResponse remove_watch(const std::string& name, const Budget& budget = {});
    // POST /api/watches/run, or /api/watches/{name}/run for one: limit, peek (1: mark nothing
    // seen). The JSON of `newsdesk watch run --json`.
    ApiResponse run_watches(const std::string& name, const Params& params, const Budget& budget = {});

    const ApiLimits& limits() const { return limits_; }

private:
    template <typename Handler>
    ApiResponse guarded(const char* what, const Budget& budget, Handler handler);
    template <typename Run>
    ApiResponse searched(const char* what, const Params& params, const Budget& budget, Run run);
    template <typename Read, typename Render>
    ApiResponse by_article_id(const char* what, const std::string& id, const Budget& budget, Read read, Render render);

    std::filesystem::path db_;
    ReaderPool readers_;
    ApiLimits limits_;
};

} // namespace newsdesk::server
