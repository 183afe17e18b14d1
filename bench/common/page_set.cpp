#include "page_set.hpp"

#include <algorithm>
#include <stdexcept>

#include <zlib.h>

namespace bench {
namespace {

// The file name without its extensions, or empty when it is no HTML page.
std::string page_id(const std::filesystem::path& path) {
    auto name = path.filename().string();
    if (name.ends_with(".gz")) name.resize(name.size() - 3);
    for (std::string_view ext : {".html", ".htm"})
        if (name.ends_with(ext)) return name.substr(0, name.size() - ext.size());
    return {};
}

// zlib's gz* functions read plain files as they are, so one path serves both.
std::string read_file(const std::filesystem::path& path) {
    gzFile f = gzopen(path.c_str(), "rb");
    if (!f) throw std::runtime_error(path.string() + ": cannot open");
    std::string out;
    char buffer[1 << 16];
    for (;;) {
        const int n = gzread(f, buffer, sizeof buffer);
        if (n < 0) {
            gzclose(f);
            throw std::runtime_error(path.string() + ": corrupt gzip data");
        }
        if (n == 0) break;
        out.append(buffer, static_cast<std::size_t>(n));
    }
    gzclose(f);
    return out;
}

} // namespace

std::vector<Page> read_pages(const std::filesystem::path& dir) {
    std::vector<Page> pages;
    for (const auto& entry : std::filesystem::directory_iterator(dir)) {
        if (!entry.is_regular_file()) continue;
        auto id = page_id(entry.path());
        if (id.empty()) continue;
        pages.push_back({std::move(id), read_file(entry.path())});
    }
    if (pages.empty()) throw std::runtime_error(dir.string() + ": no .html or .html.gz pages");
    std::sort(pages.begin(), pages.end(), [](const Page& a, const Page& b) { return a.id < b.id; });
    return pages;
}

} // namespace bench
