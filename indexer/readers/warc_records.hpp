#pragma once
// The records of a WARC file (ISO 28500, versions 1.0 and 1.1), read one at a time from a plain
// or gzipped file (Common Crawl gzips each record as its own member; zlib reads on across
// members). Only a record's header and, up to a limit, its block are held: a crawl of many
// gigabytes is read in bounded memory.
#include <cstdint>
#include <stdexcept>
#include <string>

#include "indexer/readers/compressed_file.hpp"

namespace newsdesk {

// A file that stops being WARC: after it no record boundary can be trusted, so reading ends.
struct WarcError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

struct WarcRecord {
    std::uint64_t number = 0;     // 1 for the file's first record: "path:record N" in messages
    std::string version;          // "1.0", "1.1"
    std::string type;             // WARC-Type, lower case: "response", "request", "warcinfo", ...
    std::string target_uri;       // WARC-Target-URI, without the <> some writers put around it;
                                  // always UTF-8: bytes that are not are percent-encoded
    std::string content_type;     // the record's Content-Type: "application/http; msgtype=response"
    std::uint64_t length = 0;     // Content-Length: the block's size
    std::string block;            // the block, when it is at most the limit `next` was given
    bool block_kept = false;      // false: the block was longer than the limit and passed over
    std::uint64_t lines_skipped = 0;   // lines before this record that began none: the record
                                       // before ended elsewhere than its Content-Length said
};

class WarcRecords {
public:
    explicit WarcRecords(CompressedFile& file) : file_(file) {}

    // The next record into `record`, its block kept if at most `max_block` bytes; false at the
    // end of the file. Lines that do not begin a record are passed over to the next that does
    // (counted in `lines_skipped`). Throws WarcError for a record that cannot be read to its end
    // (no Content-Length, a header without end, a block cut short), std::runtime_error for a
    // corrupt gzip stream.
    bool next(WarcRecord& record, std::size_t max_block);

private:
    CompressedFile& file_;
    std::uint64_t count_ = 0;
};

} // namespace newsdesk
