#pragma once
// Reads a file that may be gzip-compressed (zlib detects it), in chunks or by lines.
#include <cstdint>
#include <filesystem>
#include <string>

namespace newsdesk {

class CompressedFile {
public:
    explicit CompressedFile(const std::filesystem::path& path);   // throws std::runtime_error
    ~CompressedFile();
    CompressedFile(const CompressedFile&) = delete;
    CompressedFile& operator=(const CompressedFile&) = delete;

    // Next line without its '\n' (and '\r'); false at the end. Throws std::runtime_error
    // when the data is corrupt or truncated.
    bool next_line(std::string& line);
    // Everything up to `limit` bytes; throws if the content is larger or corrupt.
    std::string read_all(std::size_t limit);
    // Compressed bytes consumed so far (for progress on the file's size on disk).
    std::uint64_t offset() const;

private:
    bool fill();
    void* file_;   // gzFile, kept opaque so zlib.h stays out of this header
    std::string path_;
    std::string buffer_;
    std::size_t start_ = 0;
    bool eof_ = false;
};

} // namespace newsdesk
