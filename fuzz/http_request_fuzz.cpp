// libFuzzer target: a request as the server reads it, from raw bytes to the answer. The bytes
// go through Beast's parser with the server's limits (in two pieces, split where the input's
// first byte says, as a network delivers them), the checks on the header (request_checks.hpp),
// the target's decoding, and the router, which answers the page's files and errors and runs
// POST /api/extract and the database requests against a small index made at start-up.
// Besides not crashing: every answer has a status the server sends and a JSON body where JSON
// is promised, and an extraction answer is an object.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <string_view>
#include <unistd.h>

#include <boost/asio/buffer.hpp>
#include <nlohmann/json.hpp>

#include <newsdesk/newsdesk.hpp>

#include "check.hpp"
#include "server/request_checks.hpp"
#include "server/router.hpp"

namespace {

using namespace newsdesk::server;

struct Served {
    ServerOptions options;
    HostCheck hosts{{"news.example.org"}};
    std::unique_ptr<Api> api;
    std::unique_ptr<Router> router;
};

// The index the requests run against, removed when the fuzzer exits (each run makes its own).
const std::filesystem::path& served_db() {
    static const auto db = std::filesystem::temp_directory_path() / ("newsdesk-http-fuzz-" + std::to_string(getpid()));
    return db;
}

Served& served() {
    static Served s = [] {
        Served out;
        const auto& db = served_db();
        std::filesystem::remove_all(db);
        std::atexit([] {
            std::error_code ignored;
            std::filesystem::remove_all(served_db(), ignored);
        });
        {
            newsdesk::Writer writer(db);
            newsdesk::Article a;
            a.id = "ankara-1";
            a.title = "Talks in Ankara";
            a.body = "Turkish President Recep Tayyip Erdogan said trade with Iran would grow.";
            writer.add(a);
            writer.commit();
        }
        out.options.db = db;
        out.options.max_body_bytes = 8192;   // small limits, so that inputs reach them
        out.options.max_header_bytes = 2048;
        out.options.max_header_fields = 20;
        out.options.max_target_bytes = 1024;
        out.api = std::make_unique<Api>(db);
        out.router = std::make_unique<Router>(*out.api);
        return out;
    }();
    return s;
}

void check_reply(const Reply& r, bool extraction) {
    NEWSDESK_FUZZ_CHECK(r.status >= 200 && r.status < 600);
    if (r.content_type.starts_with("application/json")) {
        const auto j = nlohmann::json::parse(r.body, nullptr, false);
        NEWSDESK_FUZZ_CHECK(j.is_object());
        if (r.status >= 400) NEWSDESK_FUZZ_CHECK(j.contains("error") && j["status"] == r.status);
        else if (extraction) NEWSDESK_FUZZ_CHECK(j.contains("speakers") && j.contains("quotes"));
    }
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    (void)served();
    newsdesk::Article warm;   // the gazetteer loads once, outside the timings
    warm.body = "\"Tables load once,\" Hassan Rouhani said in Tehran.";
    (void)newsdesk::extract_entities(warm);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) return 0;
    auto& s = served();
    const std::string_view input(reinterpret_cast<const char*>(data) + 1, size - 1);
    const std::size_t split = std::min<std::size_t>(data[0], input.size());

    RequestParser parser;
    apply_limits(parser, s.options);
    parser.eager(true);
    boost::beast::error_code ec;
    std::size_t used = 0;
    // As Beast's read loop does: offer what has arrived; what the parser leaves is offered again
    // with more.
    for (const auto end : {split, input.size()}) {
        while (!ec && used < end && !parser.is_done()) {
            const auto n = parser.put(boost::asio::buffer(input.data() + used, end - used), ec);
            if (ec == boost::beast::http::error::need_more) {
                ec = {};
                break;
            }
            if (n == 0) break;
            used += n;
        }
        if (ec || parser.is_done()) break;
    }
    if (!ec && !parser.is_done()) {
        parser.put_eof(ec);
        if (!ec && !parser.is_done()) return 0;   // a request still coming
    }
    if (ec) {
        if (const auto r = refusal_for(ec, s.options)) check_reply(*r, false);
        return 0;
    }
    NEWSDESK_FUZZ_CHECK(parser.get().body().size() <= s.options.max_body_bytes);
    if (const auto r = refusal_for(parser, s.options, s.hosts)) return check_reply(*r, false), 0;

    const auto& request = parser.get();
    auto target = parse_target(std::string_view(request.target().data(), request.target().size()));
    if (!target) return 0;
    const auto type = request[boost::beast::http::field::content_type];
    Incoming in{std::string(request.method_string()), std::move(*target), std::string(type.data(), type.size()),
                request.body()};
    const auto work = s.router->work(in);
    try {
        check_reply(s.router->answer(in, {}), work == Work::Extraction);
    } catch (const ClientGone&) {
        NEWSDESK_FUZZ_CHECK(false);   // no budget was given that could say so
    }
    return 0;
}
