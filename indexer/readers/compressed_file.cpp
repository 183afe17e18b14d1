#include "indexer/readers/compressed_file.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <stdexcept>

#include <zlib.h>

namespace newsdesk {
namespace {
constexpr unsigned ChunkBytes = 1 << 16;
gzFile gz(void* f) { return static_cast<gzFile>(f); }

// zlib's message without the file name it puts in front (the caller names the file).
std::string zlib_message(const char* msg, const std::string& path) {
    std::string m = msg ? msg : "";
    if (m.starts_with(path + ": ")) m.erase(0, path.size() + 2);
    return m;
}
} // namespace

CompressedFile::CompressedFile(const std::filesystem::path& path) : path_(path.string()) {
    errno = 0;
    file_ = gzopen(path_.c_str(), "rb");
    if (!file_)
        throw std::runtime_error(std::string("cannot open: ") + (errno ? std::strerror(errno) : "out of memory"));
    gzbuffer(gz(file_), ChunkBytes);
}

CompressedFile::~CompressedFile() { gzclose(gz(file_)); }

bool CompressedFile::fill() {
    if (eof_) return false;
    buffer_.erase(0, start_);
    start_ = 0;
    const auto old = buffer_.size();
    buffer_.resize(old + ChunkBytes);
    const int n = gzread(gz(file_), buffer_.data() + old, ChunkBytes);
    if (n < 0) {
        int code = 0;
        const char* msg = gzerror(gz(file_), &code);
        buffer_.resize(old);
        throw std::runtime_error(code == Z_ERRNO ? std::string("read error: ") + std::strerror(errno)
                                                 : "corrupt compressed data: " + zlib_message(msg, path_));
    }
    buffer_.resize(old + static_cast<std::size_t>(n));
    if (n == 0) {
        eof_ = true;
        // zlib reports a truncated gzip stream only as an early end: ask it.
        int code = 0;
        const char* msg = gzerror(gz(file_), &code);
        if (code != Z_OK && code != Z_STREAM_END)
            throw std::runtime_error("truncated or corrupt compressed data: " + zlib_message(msg, path_));
        return false;
    }
    return true;
}

bool CompressedFile::next_line(std::string& line) {
    bool too_long = false;
    return next_line(line, std::string::npos, too_long);
}

bool CompressedFile::next_line(std::string& line, std::size_t limit, bool& too_long) {
    too_long = false;
    std::size_t scanned = start_;
    for (;;) {
        const auto nl = buffer_.find('\n', scanned);
        if (nl != std::string::npos) {
            auto end = nl;
            if (end > start_ && buffer_[end - 1] == '\r') --end;
            if (too_long || end - start_ > limit) {
                too_long = true;
                line.clear();
            } else {
                line.assign(buffer_, start_, end - start_);
            }
            start_ = nl + 1;
            return true;
        }
        if (buffer_.size() - start_ > limit) {   // drop what is read of an overlong line
            too_long = true;
            start_ = buffer_.size();
        }
        scanned = buffer_.size() - start_;   // fill() moves the unread part to the front
        if (!fill()) {
            if (start_ >= buffer_.size()) {
                line.clear();
                return too_long;   // an overlong last line is still a line
            }
            line.assign(buffer_, start_);
            if (!line.empty() && line.back() == '\r') line.pop_back();
            start_ = buffer_.size();
            if (line.size() > limit) {
                too_long = true;
                line.clear();
            }
            return true;
        }
    }
}

std::string CompressedFile::read_all(std::size_t limit) {
    while (fill())
        if (buffer_.size() - start_ > limit) throw InputTooLarge("larger than the size limit");
    std::string all = buffer_.substr(start_);
    start_ = buffer_.size();
    return all;
}

std::size_t CompressedFile::read(std::string& out, std::size_t n) {
    std::size_t taken = 0;
    while (taken < n) {
        if (start_ >= buffer_.size() && !fill()) break;
        const auto part = std::min(n - taken, buffer_.size() - start_);
        out.append(buffer_, start_, part);
        start_ += part;
        taken += part;
    }
    return taken;
}

std::uint64_t CompressedFile::skip(std::uint64_t n) {
    std::uint64_t passed = 0;
    while (passed < n) {
        if (start_ >= buffer_.size() && !fill()) break;
        const auto part = static_cast<std::size_t>(std::min<std::uint64_t>(n - passed, buffer_.size() - start_));
        start_ += part;
        passed += part;
    }
    return passed;
}

std::size_t CompressedFile::read_some(char* out, std::size_t size) {
    if (start_ >= buffer_.size() && !fill()) return 0;
    const auto n = std::min(size, buffer_.size() - start_);
    std::memcpy(out, buffer_.data() + start_, n);
    start_ += n;
    return n;
}

std::uint64_t CompressedFile::offset() const {
    const auto off = gzoffset(gz(file_));
    return off < 0 ? 0 : static_cast<std::uint64_t>(off);
}

} // namespace newsdesk
