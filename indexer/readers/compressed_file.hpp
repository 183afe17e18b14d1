#pragma once
// Reads a file that may be gzip-compressed (zlib detects it), in chunks or by lines.
#include <cstdint>
#include <filesystem>
#include <stdexcept>
#include <string>

namespace newsdesk {

// Thrown by read_all() when the content is larger than its limit.
struct InputTooLarge : std::runtime_error {
    using std::runtime_error::runtime_error;
};

class CompressedFile {
public:
    explicit CompressedFile(const std::filesystem::path& path);   // throws std::runtime_error
    ~CompressedFile();
    CompressedFile(const CompressedFile&) = delete;
    CompressedFile& operator=(const CompressedFile&) = delete;

    // Next line without its '\n' (and '\r'); false at the end. Throws std::runtime_error
    // when the data is corrupt or truncated.
    bool next_line(std::string& line);
    // The same, but a line longer than `limit` bytes is read to its end without being kept
    // (memory stays bounded): `line` is then empty and `too_long` true.
    bool next_line(std::string& line, std::size_t limit, bool& too_long);
    // Everything up to `limit` bytes; throws InputTooLarge if the content is larger,
    // std::runtime_error if it is corrupt.
    std::string read_all(std::size_t limit);
    // Appends up to `n` bytes to `out`; fewer only at the end. Returns how many were appended.
    std::size_t read(std::string& out, std::size_t n);
    // Reads past up to `n` bytes without keeping them (memory stays bounded); returns how many.
    std::uint64_t skip(std::uint64_t n);
    // Up to `size` bytes into `out`, for a parser that streams the file; 0 at the end. Throws
    // std::runtime_error when the data is corrupt or truncated.
    std::size_t read_some(char* out, std::size_t size);
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
