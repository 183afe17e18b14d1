#pragma once
// What readers hand back: articles, and problems with the input that they skipped.
#include <cstdint>
#include <filesystem>
#include <functional>
#include <initializer_list>
#include <string>
#include <string_view>

#include <newsdesk/article.hpp>
#include <newsdesk/indexing.hpp>

namespace newsdesk {

// The largest article a reader accepts: a text file, or one JSON line. News articles are far
// smaller; anything larger is refused as "article too large" rather than indexed, which keeps
// the memory of an indexing run bounded (indexing takes about 16 times the article's size).
inline constexpr std::size_t MaxArticleBytes = 16u << 20;
inline constexpr const char* ArticleTooLarge = "article too large: more than 16 MB (the limit per article)";

struct InputFile {
    std::filesystem::path path;
    Format format;
    std::uintmax_t size = 0;   // bytes on disk
};

// "world.rss.gz" -> "world": a file's name without the extensions listed, each taken off in
// turn when the name ends with it. The id of an article its file names no better.
inline std::string name_without_extensions(const std::filesystem::path& path,
                                           std::initializer_list<std::string_view> extensions) {
    auto name = path.filename().string();
    for (auto ext : extensions)
        if (name.ends_with(ext)) name.resize(name.size() - ext.size());
    return name;
}

// Callbacks of a reader. `article` and `problem` return false to stop reading.
struct ReadHandlers {
    std::function<bool(Article&&)> article;
    std::function<bool(const InputProblem&)> problem;
    std::function<void(std::uint64_t)> bytes_read;   // input bytes consumed since the last call
    // A piece of input that is sound and no article, by kind ("WARC request records"): counted,
    // not a problem. May be empty.
    std::function<void(const std::string&)> passed_over;
    // The largest article to read (a text file, or one JSON line), at most MaxArticleBytes, and
    // the problem reported for a larger one.
    std::size_t max_article_bytes = MaxArticleBytes;
    std::string too_large = ArticleTooLarge;
};

} // namespace newsdesk
