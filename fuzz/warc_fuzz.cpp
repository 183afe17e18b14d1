// libFuzzer target: a WARC file, read twice: record by record (WarcRecords, and each kept
// block as parse_http_response sees it), and whole, as read_warc hands articles to the indexer.
// The first byte picks the file's form: plain, or gzipped with one member per record as Common
// Crawl writes it (split before each "WARC/" that starts a line), so that the gzip path reads
// records that are worth reading, not only broken gzip headers. The lowest bit decides: the
// seeds start with 'p' (plain) or 'g' (gzip).
// Besides not crashing: no exception escapes but the documented ones (WarcError, and
// std::runtime_error for corrupt gzip); a record's block is its Content-Length when kept and
// nothing when not; every article read has valid UTF-8 text, a body, an id, and a place in the file;
// and every record becomes at most one article or passed-over count, records that are neither
// being problems.
#include <cstddef>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>
#include <sys/mman.h>
#include <unistd.h>

#include <zlib.h>

#include "check.hpp"
#include "indexer/readers/http_response.hpp"
#include "indexer/readers/warc_reader.hpp"
#include "indexer/readers/warc_records.hpp"
#include "text/unicode.hpp"

namespace {

constexpr std::size_t Limit = 4096;   // blocks and articles: small, so the too-large paths run too

// One gzip member holding `data`.
std::string gzip_member(std::string_view data) {
    z_stream z{};
    NEWSDESK_FUZZ_CHECK(deflateInit2(&z, 1, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) == Z_OK);
    std::string out(deflateBound(&z, static_cast<uLong>(data.size())) + 32, '\0');
    z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
    z.avail_in = static_cast<uInt>(data.size());
    z.next_out = reinterpret_cast<Bytef*>(out.data());
    z.avail_out = static_cast<uInt>(out.size());
    NEWSDESK_FUZZ_CHECK(deflate(&z, Z_FINISH) == Z_STREAM_END);
    out.resize(z.total_out);
    deflateEnd(&z);
    return out;
}

std::string gzip_per_record(std::string_view data) {
    std::string out;
    std::size_t start = 0;
    for (std::size_t at = data.find("\nWARC/"); at != std::string_view::npos; at = data.find("\nWARC/", at + 1)) {
        out += gzip_member(data.substr(start, at + 1 - start));
        start = at + 1;
    }
    return out + gzip_member(data.substr(start));
}

// The file the readers open: in memory (memfd), reached by a path, rewritten for each input.
const std::string& file_with(std::string_view content) {
    static const int fd = memfd_create("fuzz.warc", 0);
    static const std::string path = "/proc/self/fd/" + std::to_string(fd);
    NEWSDESK_FUZZ_CHECK(fd >= 0);
    NEWSDESK_FUZZ_CHECK(ftruncate(fd, 0) == 0);
    NEWSDESK_FUZZ_CHECK(pwrite(fd, content.data(), content.size(), 0) == static_cast<ssize_t>(content.size()));
    return path;
}

// Record by record; returns how many were read.
std::uint64_t read_records(const std::string& path) {
    newsdesk::CompressedFile file(path);
    newsdesk::WarcRecords records(file);
    newsdesk::WarcRecord r;
    std::uint64_t n = 0;
    try {
        while (records.next(r, Limit)) {
            NEWSDESK_FUZZ_CHECK(r.number == ++n);
            NEWSDESK_FUZZ_CHECK(r.block_kept ? r.block.size() == r.length : r.block.empty() && r.length > Limit);
            if (!r.block_kept) continue;
            std::string why;
            const auto response = newsdesk::parse_http_response(r.block, Limit, why);
            if (!response) {
                NEWSDESK_FUZZ_CHECK(!why.empty());
                continue;
            }
            NEWSDESK_FUZZ_CHECK(response->status >= 100 && response->status <= 599);
            NEWSDESK_FUZZ_CHECK(response->body.size() <= Limit);
        }
    } catch (const std::runtime_error&) {   // WarcError, or corrupt gzip: reading ends there
    }
    return n;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using newsdesk::text::valid_utf8;
    if (size == 0) return -1;
    const std::string_view warc{reinterpret_cast<const char*>(data) + 1, size - 1};
    const auto& path = file_with(data[0] & 1 ? gzip_per_record(warc) : std::string(warc));

    const auto records = read_records(path);

    std::uint64_t articles = 0, passed_over = 0, problems = 0;
    newsdesk::ReadHandlers handlers;
    handlers.max_article_bytes = Limit;
    handlers.article = [&](newsdesk::Article&& a) {
        ++articles;
        for (const auto* s : {&a.title, &a.body, &a.date, &a.source, &a.url, &a.language}) NEWSDESK_FUZZ_CHECK(valid_utf8(*s));
        for (const auto& author : a.authors) NEWSDESK_FUZZ_CHECK(valid_utf8(author));
        NEWSDESK_FUZZ_CHECK(!a.body.empty());
        NEWSDESK_FUZZ_CHECK(!a.id.empty());   // the writer refuses an article without one
        NEWSDESK_FUZZ_CHECK(a.body.size() <= 3 * Limit + 16);
        NEWSDESK_FUZZ_CHECK(a.origin.starts_with(path + ":record "));
        return true;
    };
    handlers.problem = [&](const newsdesk::InputProblem& p) {
        ++problems;
        NEWSDESK_FUZZ_CHECK(p.location.starts_with(path));
        NEWSDESK_FUZZ_CHECK(!p.message.empty());
        return true;
    };
    handlers.passed_over = [&](const std::string& kind) {
        ++passed_over;
        NEWSDESK_FUZZ_CHECK(kind.starts_with("WARC "));
    };
    newsdesk::read_warc({path, newsdesk::Format::Warc, warc.size()}, handlers);
    NEWSDESK_FUZZ_CHECK(articles + passed_over <= records);
    NEWSDESK_FUZZ_CHECK(articles + passed_over + problems >= records);
    return 0;
}
