#pragma once
// What readers hand back: articles, and problems with the input that they skipped.
#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>

#include "indexer/article.hpp"

namespace newsdesk {

enum class Format { JsonLines, Text };

struct InputFile {
    std::filesystem::path path;
    Format format;
    std::uintmax_t size = 0;   // bytes on disk
};

// A piece of input that was not indexed, and why: "path:line: what is wrong".
struct InputProblem {
    std::string location;   // "path" or "path:line"
    std::string message;
    std::string to_string() const { return location + ": " + message; }
};

// Callbacks of a reader. `article` and `problem` return false to stop reading.
struct ReadHandlers {
    std::function<bool(Article&&)> article;
    std::function<bool(const InputProblem&)> problem;
    std::function<void(std::uint64_t)> bytes_read;   // input bytes consumed since the last call
};

} // namespace newsdesk
