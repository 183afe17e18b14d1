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

// A gzipped file's content, unpacked (the shared web pages are stored so).
inline std::string gunzip(const std::string& packed) {
    std::string out;
    z_stream zs{};
    inflateInit2(&zs, 15 + 32);   // gzip or zlib, by the header
    zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(packed.data()));
    zs.avail_in = static_cast<uInt>(packed.size());
    char buffer[1 << 16];
    int status = Z_OK;
    while (status == Z_OK) {
        zs.next_out = reinterpret_cast<Bytef*>(buffer);
        zs.avail_out = sizeof buffer;
        status = inflate(&zs, Z_NO_FLUSH);
        out.append(buffer, sizeof buffer - zs.avail_out);
    }
    inflateEnd(&zs);
    return out;
}

} // namespace newsdesk::testing
