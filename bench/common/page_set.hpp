#pragma once
// The pages of the HTML extraction benchmark, read into memory before any engine is timed, so
// that no engine's time holds disk reads or decompression.
#include <filesystem>
#include <string>
#include <vector>

namespace bench {

struct Page {
    std::string id;     // the file name without .gz and .html/.htm: the key of ground-truth.json
    std::string html;   // the page's bytes as served (gzip undone), charset untouched
};

// Every .html/.htm file in `dir`, gzipped or not, in file-name order. Throws std::runtime_error
// if one cannot be read, or if there is none.
std::vector<Page> read_pages(const std::filesystem::path& dir);

} // namespace bench
