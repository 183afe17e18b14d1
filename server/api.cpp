#include "api.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <optional>
#include <stdexcept>
#include <thread>
#include <utility>

#include <newsdesk/database.hpp>
#include <newsdesk/entities.hpp>
#include <newsdesk/indexing.hpp>
#include <newsdesk/errors.hpp>

#include <newsdesk/unicode.hpp>
#include <newsdesk/watches.hpp>

#include "render/export.hpp"
#include "render/json.hpp"
#include "render/lists.hpp"
#include "log.hpp"

namespace newsdesk::server {
namespace {

// A request the client got wrong: 400 with this message.
struct BadRequest : std::runtime_error {
    using std::runtime_error::runtime_error;
};

// Client text quoted back in a message, cut short.
std::string clip(std::string_view s) {
    constexpr std::size_t Max = 40;
    return s.size() <= Max ? std::string(s) : std::string(s.substr(0, Max)) + "...";
}

const std::string* param(const Params& params, const char* key) {
    const auto it = params.find(key);
    return it == params.end() ? nullptr : &it->second;
}

std::size_t number(const Params& params, const char* key, std::size_t fallback, std::size_t max) {
    const auto* text = param(params, key);
    if (!text) return fallback;
    std::size_t value = 0;
    const auto* end = text->data() + text->size();
    const auto [ptr, ec] = std::from_chars(text->data(), end, value);
    if (text->empty() || ec != std::errc{} || ptr != end || value > max)
        throw BadRequest(std::string(key) + " must be a whole number from 0 to " + std::to_string(max) + ", not '" +
                         clip(*text) + "'");
    return value;
}

SearchRequest search_request(const Params& params, const ApiLimits& limits) {
    SearchRequest r;
    if (const auto* q = param(params, "q")) {
        if (q->size() > limits.max_query_bytes)
            throw BadRequest("query too long: " + std::to_string(q->size()) + " bytes, at most " +
                             std::to_string(limits.max_query_bytes));
        if (!valid_utf8(*q)) throw BadRequest("query is not valid UTF-8");
        r.query = *q;
    }
    const auto [first, last] = params.equal_range("facet");
    for (auto it = first; it != last; ++it) {
        const auto& known = facet_names();
        if (std::find(known.begin(), known.end(), it->second) == known.end())
            throw BadRequest("unknown facet '" + clip(it->second) + "' (facets: " + render::joined(known) + ")");
        if (std::find(r.facets.begin(), r.facets.end(), it->second) == r.facets.end()) r.facets.push_back(it->second);
    }
    if (r.facets.size() > limits.max_facets)
        throw BadRequest("too many facets: at most " + std::to_string(limits.max_facets));
    r.facet_limit = number(params, "facet_limit", r.facet_limit, limits.max_facet_limit);
    r.limit = number(params, "limit", r.limit, limits.max_limit);
    r.offset = number(params, "offset", r.offset, limits.max_offset);
    if (const auto* sort = param(params, "sort")) {
        const auto order = sort_order_named(*sort);
        if (!order)
            throw BadRequest("sort must be " + render::alternatives(sort_order_names()) + ", not '" + clip(*sort) + "'");
        r.sort = *order;
    }
    if (const auto* count = param(params, "count")) {
        const auto counted = facet_count_named(*count);
        if (!counted)
            throw BadRequest("count must be " + render::alternatives(facet_count_names()) + ", not '" + clip(*count) + "'");
        r.count = *counted;
    }
    if (const auto* histogram = param(params, "histogram")) {
        const auto interval = interval_named(*histogram);
        if (!interval)
            throw BadRequest("histogram must be " + render::alternatives(interval_names()) + ", not '" + clip(*histogram) + "'");
        r.histogram = *interval;
    }
    if (const auto* by = param(params, "histogram_by")) {
        const auto& known = facet_names();
        if (std::find(known.begin(), known.end(), *by) == known.end())
            throw BadRequest("unknown facet '" + clip(*by) + "' for histogram_by (facets: " + render::joined(known) + ")");
        r.histogram_by = *by;
    }
    r.histogram_series = number(params, "histogram_series", r.histogram_series, limits.max_histogram_series);
    if (const auto* searched = param(params, "facet_search")) {
        const auto equals = searched->find('=');
        if (equals == std::string::npos)
            throw BadRequest("facet_search takes FACET=PREFIX (speaker=rou), not '" + clip(*searched) + "'");
        const auto facet = searched->substr(0, equals);
        const auto& known = facet_names();
        if (std::find(known.begin(), known.end(), facet) == known.end())
            throw BadRequest("unknown facet '" + clip(facet) + "' for facet_search (facets: " + render::joined(known) + ")");
        if (!valid_utf8(*searched)) throw BadRequest("facet_search is not valid UTF-8");
        r.facet_search = SearchRequest::FacetSearch{facet, searched->substr(equals + 1)};
    }
    if (const auto* collapse = param(params, "collapse")) {
        if (*collapse != "story") throw BadRequest("collapse must be story, not '" + clip(*collapse) + "'");
        r.collapse = true;
    }
    if (const auto* lang = param(params, "lang")) {
        const bool ok = !lang->empty() && lang->size() <= 16 &&
                        std::all_of(lang->begin(), lang->end(), [](char c) {
                            return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '-' || c == '_';
                        });
        if (!ok) throw BadRequest("lang must be a language code such as en, not '" + clip(*lang) + "'");
        r.stem_language = *lang;
    }
    return r;
}

// The request's time is up: 503, with the stage it reached.
struct OutOfTime : std::runtime_error {
    using std::runtime_error::runtime_error;
};

// Between stages: stop if the client has gone or the deadline has passed.
void checkpoint(const Budget& budget) {
    if (budget.cancelled && budget.cancelled()) throw ClientGone();
    if (std::chrono::steady_clock::now() >= budget.deadline)
        throw OutOfTime("the request ran out of time before its answer was ready; try a narrower query");
}

// The request's deadline and cancellation, handed to the search itself, which stops at them
// while it matches rather than only between stages here.
SearchRequest budgeted(SearchRequest request, const Budget& budget) {
    if (budget.deadline != std::chrono::steady_clock::time_point::max()) {
        const auto left = std::chrono::ceil<std::chrono::milliseconds>(budget.deadline - std::chrono::steady_clock::now());
        if (left <= std::chrono::milliseconds::zero())
            throw OutOfTime("the request ran out of time before its search could start; try again");
        request.deadline = left;
    }
    request.cancelled = budget.cancelled;
    return request;
}

// The hits of an export, read as the client takes them: the reader stays lent to it till the end.
class RowsUnderWay {
public:
    RowsUnderWay(ReaderPool& readers, const SearchRequest& request, const ExportOptions& with, render::ExportFormat format)
        : lease_(new ReaderPool::Lease(readers.acquire())), hits_((**lease_).hits(request, with)), with_(with),
          format_(format) {}

    std::string next_piece() {
        constexpr std::size_t PieceBytes = 64 * 1024;
        std::string piece = std::exchange(header_, {});
        while (piece.size() < PieceBytes) {
            const auto hit = hits_.next();
            if (!hit) break;
            piece += render::export_row(format_, *hit, with_);
        }
        return piece;
    }
    void begin() { header_ = render::export_header(format_, with_); }

private:
    std::unique_ptr<ReaderPool::Lease> lease_;   // a lease cannot move: held where it was made
    HitStream hits_;
    ExportOptions with_;
    render::ExportFormat format_;
    std::string header_;
};

const SpeakerAliases& default_aliases() {
    static const SpeakerAliases aliases{};
    return aliases;
}

} // namespace

ApiResponse error_response(int status, const std::string& message) {
    return {status, {{"error", message}, {"status", status}}};
}

Api::Api(std::filesystem::path db, ApiLimits limits)
    : db_(db),
      readers_(std::move(db),
               limits.concurrent_searches ? limits.concurrent_searches : std::max(1u, std::thread::hardware_concurrency()),
               limits.max_queue_wait),
      limits_(limits) {}

template <typename Handler>
ApiResponse Api::guarded(const char* what, const Budget& budget, Handler handler) {
    try {
        checkpoint(budget);
        return handler();
    } catch (const ClientGone&) {
        throw;   // nobody to answer
    } catch (const BadRequest& e) {
        return error_response(400, e.what());
    } catch (const QueryError& e) {
        if (e.position == std::string::npos) return error_response(400, std::string("bad query: ") + e.what());
        auto r = error_response(400, "bad query at position " + std::to_string(e.position + 1) + ": " + e.what());
        r.body["position"] = e.position + 1;
        return r;
    } catch (const InvalidRequest& e) {
        return error_response(400, e.what());
    } catch (const ServerBusy& e) {
        return error_response(503, e.what());
    } catch (const DatabaseLocked& e) {
        return error_response(503, e.what());
    } catch (const OutOfTime& e) {
        return error_response(503, e.what());
    } catch (const Timeout& e) {
        return error_response(503, e.what());
    } catch (const Cancelled&) {
        throw ClientGone();
    } catch (const std::exception& e) {
        log_line(std::string("newsdesk: ") + what + ": " + e.what());
    } catch (...) {
        log_line(std::string("newsdesk: ") + what + ": unknown exception");
    }
    return error_response(500, "internal error (reported in the server's log)");
}

// Articles or quote records: the same parameters, budget and checks; `run` is the search.
template <typename Run>
ApiResponse Api::searched(const char* what, const Params& params, const Budget& budget, Run run) {
    return guarded(what, budget, [&] {
        const auto request = budgeted(search_request(params, limits_), budget);
        const auto reader = readers_.acquire();
        checkpoint(budget);
        auto results = run(*reader, request);
        checkpoint(budget);
        return ApiResponse{200, render::to_json(results)};
    });
}

ApiResponse Api::search(const Params& params, const Budget& budget) {
    return searched("search", params, budget, [](const Index& index, const SearchRequest& r) { return index.search(r); });
}

ApiResponse Api::quotes(const Params& params, const Budget& budget) {
    return searched("quotes", params, budget, [](const Index& index, const SearchRequest& r) { return index.quotes(r); });
}

ApiResponse Api::info(const Params& params, const Budget& budget) {
    return guarded("info", budget, [&] {
        const auto facet_limit = number(params, "facet_limit", 10, limits_.max_facet_limit);
        const auto reader = readers_.acquire();
        checkpoint(budget);
        return ApiResponse{200, render::to_json((*reader).info(facet_limit))};
    });
}

// What one article id answers (the article, its story): 404 when no article has that id.
template <typename Read, typename Render>
ApiResponse Api::by_article_id(const char* what, const std::string& id, const Budget& budget, Read read, Render render) {
    return guarded(what, budget, [&] {
        const auto missing = error_response(404, "no article with id '" + clip(id) + "'");
        if (id.empty() || id.size() > 1024 || !valid_utf8(id)) return missing;
        const auto reader = readers_.acquire();
        const auto found = read(*reader);
        if (!found) return missing;
        return ApiResponse{200, render(*found)};
    });
}

ApiResponse Api::article(const std::string& id, const Budget& budget) {
    return by_article_id("article", id, budget, [&](const Index& index) { return index.article(id); },
                         [](const Article& a) { return render::article_with_body(a); });
}

ApiResponse Api::story(const std::string& id, const Budget& budget) {
    return by_article_id("story", id, budget, [&](const Index& index) { return index.story(id); },
                         [](const Story& s) { return render::to_json(s); });
}

ApiResponse Api::extract(std::string_view body, std::string_view content_type, const Budget& budget) {
    return guarded("extract", budget, [&] {
        Article a;
        std::string type(content_type.substr(0, content_type.find(';')));
        std::transform(type.begin(), type.end(), type.begin(), [](unsigned char c) { return std::tolower(c); });
        if (type == "application/json" || type.ends_with("+json")) {
            const auto j = nlohmann::json::parse(body, nullptr, false);
            if (!j.is_object()) throw BadRequest("the body must be a JSON object {\"title\", \"body\", \"language\"}");
            const auto text = [&](const char* key, std::string& out) {
                const auto it = j.find(key);
                if (it == j.end() || it->is_null()) return;
                if (!it->is_string()) throw BadRequest(std::string("\"") + key + "\" must be a string");
                out = it->get<std::string>();
            };
            text("title", a.title);
            text("body", a.body);
            text("language", a.language);
        } else {
            // A text or a web page is read as `newsdesk extract` reads such a file: title,
            // dateline and date from the text's own layout, boilerplate cut, names settled.
            if (type != "text/html" && !valid_utf8(body)) throw BadRequest("the body is not valid UTF-8");
            if (body.find_first_not_of(" \t\r\n") == std::string_view::npos)
                throw BadRequest("nothing to extract: give a text, or a JSON object with \"title\" and \"body\"");
            checkpoint(budget);
            std::string problem;
            auto read = extract_content(body, type == "text/html" ? Format::Html : Format::Text,
                                        [&](const InputProblem& p) { if (problem.empty()) problem = p.message; });
            if (!read) throw BadRequest("no article could be read from the body" + (problem.empty() ? "" : ": " + problem));
            read->id.clear();
            return ApiResponse{200, render::extraction(*read)};
        }
        if (a.title.empty() && a.body.find_first_not_of(" \t\r\n") == std::string::npos)
            throw BadRequest("nothing to extract: give a text, or a JSON object with \"title\" and \"body\"");
        if (a.language.size() > 16) throw BadRequest("language must be a language code such as en");
        checkpoint(budget);
        enrich(a, "", default_aliases());
        return ApiResponse{200, render::extraction(a)};
    });
}

namespace {
// A watch's change waits this long for an index run to let go of the database, then is 503.
constexpr std::chrono::milliseconds WatchWait{2000};
} // namespace

ApiResponse Api::watches(const Budget& budget) {
    return guarded("watches", budget, [&] {
        auto out = nlohmann::json::array();
        for (const auto& w : list_watches(db_)) out.push_back(render::to_json(w));
        return ApiResponse{200, {{"watches", out}}};
    });
}

ApiResponse Api::add_watch(std::string_view body, const Budget& budget) {
    return guarded("add watch", budget, [&] {
        const auto j = nlohmann::json::parse(body, nullptr, false);
        if (!j.is_object() || !j.contains("name") || !j["name"].is_string())
            throw BadRequest("the body must be a JSON object {\"name\", \"query\", \"facets\"}");
        Watch w;
        w.name = j["name"].get<std::string>();
        if (const auto q = j.find("query"); q != j.end() && !q->is_null()) {
            if (!q->is_string()) throw BadRequest("\"query\" must be a string");
            w.query = q->get<std::string>();
        }
        if (w.query.size() > limits_.max_query_bytes || !valid_utf8(w.query) || !valid_utf8(w.name))
            throw BadRequest("the query must be valid UTF-8 of at most " + std::to_string(limits_.max_query_bytes) + " bytes");
        if (const auto f = j.find("facets"); f != j.end() && !f->is_null()) {
            if (!f->is_array() || f->size() > limits_.max_facets)
                throw BadRequest("\"facets\" must be a list of at most " + std::to_string(limits_.max_facets) + " facet names");
            for (const auto& name : *f) {
                if (!name.is_string()) throw BadRequest("\"facets\" must be a list of facet names");
                w.facets.push_back(name.get<std::string>());
            }
        }
        return ApiResponse{201, render::to_json(newsdesk::add_watch(db_, w, WatchWait))};
    });
}

ApiResponse Api::remove_watch(const std::string& name, const Budget& budget) {
    return guarded("remove watch", budget, [&] {
        if (!newsdesk::remove_watch(db_, name, WatchWait)) return error_response(404, "no watch is named '" + clip(name) + "'");
        return ApiResponse{200, {{"removed", name}}};
    });
}

ApiResponse Api::run_watches(const std::string& name, const Params& params, const Budget& budget) {
    return guarded("run watches", budget, [&] {
        const auto limit = number(params, "limit", 100, limits_.max_limit);
        const auto peek = number(params, "peek", 0, 1) == 1;
        std::vector<std::string> names;
        if (!name.empty()) {
            const auto known = list_watches(db_);
            if (std::none_of(known.begin(), known.end(), [&](const Watch& w) { return w.name == name; }))
                return error_response(404, "no watch is named '" + clip(name) + "'");
            names.push_back(name);
        }
        auto out = nlohmann::json::array();
        for (const auto& run : newsdesk::run_watches(db_, names, limit, !peek, WatchWait)) out.push_back(render::to_json(run));
        return ApiResponse{200, {{"watches", out}}};
    });
}

Api::Export Api::export_rows(const Params& params, const Budget& budget) {
    std::optional<ExportRows> rows;
    auto refused = guarded("export", budget, [&] {
        for (const char* key : {"facet", "collapse", "histogram", "histogram_by", "count", "facet_search"})
            if (param(params, key))
                throw BadRequest(std::string("an export lists every matching article, a row each: ") + key + " does not apply");
        const auto* name = param(params, "format");
        const auto format = render::export_format_named(name ? *name : "csv");
        if (!format)
            throw BadRequest("format must be " + render::alternatives(render::export_format_names()) + ", not '" +
                             clip(*name) + "'");
        ExportOptions with;
        const auto [first, last] = params.equal_range("with");
        for (auto it = first; it != last; ++it) {
            if (it->second == "snippet") with.snippets = true;
            else if (it->second == "body") with.bodies = true;
            else throw BadRequest("with must be snippet or body, not '" + clip(it->second) + "'");
        }
        // The window: every hit unless asked otherwise, so the page's limits do not apply.
        Params searched = params;
        for (const char* key : {"limit", "offset", "format", "with"}) searched.erase(key);
        auto request = search_request(searched, limits_);
        constexpr std::size_t Most = 4'000'000'000;   // Xapian 1.4 counts documents in 32 bits
        request.offset = number(params, "offset", 0, Most);
        request.limit = number(params, "limit", Most, Most);
        auto under_way = std::make_shared<RowsUnderWay>(readers_, request, with, *format);
        under_way->begin();
        rows = ExportRows{std::string{render::content_type(*format)},
                          *format == render::ExportFormat::Csv ? "newsdesk-export.csv" : "newsdesk-export.jsonl",
                          [under_way] { return under_way->next_piece(); }};
        return ApiResponse{200, nullptr};
    });
    return {std::move(refused), std::move(rows)};
}

} // namespace newsdesk::server
