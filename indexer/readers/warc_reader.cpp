#include "indexer/readers/warc_reader.hpp"

#include "indexer/readers/compressed_file.hpp"
#include "indexer/readers/http_response.hpp"
#include "indexer/readers/warc_records.hpp"
#include "pages/html_article.hpp"

namespace newsdesk {
namespace {

// What a record that is no article is, as counted: "WARC request records", ...
std::string passed_over_kind(const std::string& what) { return "WARC " + what; }

bool html(const std::string& media_type) { return media_type == "text/html" || media_type == "application/xhtml+xml"; }

} // namespace

void read_warc(const InputFile& file, const ReadHandlers& handlers) {
    const auto path = file.path.string();
    const auto problem = [&](const std::string& where, const std::string& message) {
        return handlers.problem({where.empty() ? path : path + ":" + where, message});
    };
    const auto pass_over = [&](const std::string& what) {
        if (handlers.passed_over) handlers.passed_over(passed_over_kind(what));
    };
    std::uint64_t reported = 0;
    const auto progress = [&](const CompressedFile& f) {
        if (!handlers.bytes_read) return;
        const auto now = f.offset();
        if (now > reported) handlers.bytes_read(now - reported);
        reported = now;
    };
    try {
        CompressedFile in(file.path);
        WarcRecords records(in);
        WarcRecord r;
        for (;;) {
            bool more = false;
            try {
                more = records.next(r, handlers.max_article_bytes);
            } catch (const WarcError& e) {
                problem("", std::string(e.what()) + "; the rest of the file is not read");
                break;
            }
            progress(in);
            if (!more) break;
            const auto where = "record " + std::to_string(r.number);
            if (r.lines_skipped > 0 &&
                !problem(where, std::to_string(r.lines_skipped) +
                                    " lines before this record are no WARC record (the record before is longer than its "
                                    "Content-Length said); they are passed over"))
                return;
            if (r.type != "response") {
                pass_over((r.type.empty() ? std::string("untyped") : r.type) + " records");
                continue;
            }
            if (r.content_type.find("application/http") == std::string::npos) {
                pass_over("responses that are no HTTP");
                continue;
            }
            if (!r.block_kept) {
                if (!problem(where, handlers.too_large + " (" + r.target_uri + ")")) return;
                continue;
            }
            std::string why;
            const auto response = parse_http_response(r.block, handlers.max_article_bytes, why);
            if (!response) {
                if (!problem(where, why + " (" + r.target_uri + ")")) return;
                continue;
            }
            if (response->status >= 300 && response->status < 400) { pass_over("redirects"); continue; }
            if (response->status != 200) { pass_over("error responses"); continue; }
            if (!html(response->media_type)) { pass_over("responses that are no HTML page"); continue; }
            Article a = pages::article_from_html(response->body, pages::PageOrigin{r.target_uri, response->charset});
            if (a.body.empty()) {
                if (!problem(where, "no article text found in the page (" + r.target_uri + ")")) return;
                continue;
            }
            // the record's URI is where the page was; the page's canonical URL, when it gives
            // one, is the article's identity, so a page crawled twice is indexed once
            a.id = a.url.empty() ? r.target_uri : a.url;
            // a response without WARC-Target-URI breaks the standard, but its page may be
            // sound; without an id the writer would refuse it, so it is named by its place
            if (a.id.empty()) a.id = file.path.filename().string() + ":" + where;
            a.url = r.target_uri;
            a.origin = path + ":" + where;
            if (!handlers.article(std::move(a))) return;
        }
    } catch (const std::exception& e) {
        problem("", e.what());
    }
}

} // namespace newsdesk
