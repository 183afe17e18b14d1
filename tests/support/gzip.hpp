#pragma once
// Gzip data as the tests write it: one member per call (WARC crawls gzip each record as its own
// member, and readers must read on across them).
#include <string>

#include <zlib.h>

namespace newsdesk::testing {

inline std::string gzip_member(const std::string& content) {
    std::string packed(compressBound(static_cast<uLong>(content.size())) + 64, '\0');
    z_stream zs{};
    deflateInit2(&zs, Z_DEFAULT_COMPRESSION, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY);   // gzip wrapper
    zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(content.data()));
    zs.avail_in = static_cast<uInt>(content.size());
    zs.next_out = reinterpret_cast<Bytef*>(packed.data());
    zs.avail_out = static_cast<uInt>(packed.size());
    deflate(&zs, Z_FINISH);
    packed.resize(zs.total_out);
    deflateEnd(&zs);
    return packed;
}

} // namespace newsdesk::testing
