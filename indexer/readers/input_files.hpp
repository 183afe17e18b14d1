#pragma once
#include <optional>
#include <vector>

#include "indexer/readers/input.hpp"

namespace newsdesk {

struct InputScan {
    std::vector<InputFile> files;        // in a stable order: sorted paths
    std::vector<InputProblem> problems;  // missing paths, unreadable directories, unknown formats
    std::size_t ignored = 0;             // files in walked directories that are not articles
};

// Format from the file name: .jsonl/.ndjson (.gz) are JSON Lines, .txt (.gz) text articles,
// .html/.htm (.gz) web pages, .warc (.gz) web-archive crawls, .xml/.nitf/.rss/.atom (.gz) XML
// news documents (NewsML-G2, NITF, RSS or Atom: the reader tells which by the root).
std::optional<Format> format_of(const std::filesystem::path& path);

// Expands files and directories (walked recursively, without following directory links, so
// a link loop cannot trap the walk) into the article files to read. `forced` overrides the
// format of every file; otherwise a file whose name does not say is recognised by its content
// (format_sniffing.hpp), and files of unknown format named directly are problems and those met
// in a directory are counted as ignored.
InputScan scan_inputs(const std::vector<std::filesystem::path>& paths, std::optional<Format> forced);

// Reads one file with the reader of its format.
void read_file(const InputFile& file, const ReadHandlers& handlers);

} // namespace newsdesk
