#include "indexer/readers/input_files.hpp"

#include <algorithm>
#include <system_error>

#include <unistd.h>

#include "indexer/readers/format_sniffing.hpp"
#include "indexer/readers/html_reader.hpp"
#include "indexer/readers/jsonl_reader.hpp"
#include "indexer/readers/text_article_reader.hpp"
#include "indexer/readers/warc_reader.hpp"
#include "indexer/readers/xml_news_reader.hpp"
#include "text/ascii.hpp"

namespace newsdesk {
namespace fs = std::filesystem;

std::optional<Format> format_of(const fs::path& path) {
    auto name = text::ascii_lower(path.filename().string());
    if (name.ends_with(".gz")) name.resize(name.size() - 3);
    if (name.ends_with(".jsonl") || name.ends_with(".ndjson")) return Format::JsonLines;
    if (name.ends_with(".txt")) return Format::Text;
    if (name.ends_with(".html") || name.ends_with(".htm")) return Format::Html;
    if (name.ends_with(".warc")) return Format::Warc;
    for (std::string_view ext : {".xml", ".nitf", ".rss", ".atom"})
        if (name.ends_with(ext)) return Format::Xml;
    return std::nullopt;
}

InputScan scan_inputs(const std::vector<fs::path>& paths, std::optional<Format> forced) {
    InputScan scan;
    auto add_file = [&](const fs::path& p, bool named) {
        std::error_code ec;
        const auto size = fs::file_size(p, ec);
        auto format = forced ? forced : format_of(p);
        if (!format && !ec && size > 0) format = sniff_format(p);
        if (!format) {
            if (named) scan.problems.push_back({p.string(), "unknown file type: neither its name (.jsonl, .ndjson, .txt, "
                                                            ".html, .htm, .warc, .xml, .nitf, .rss, .atom, optionally .gz) "
                                                            "nor its content says; use --format to say which"});
            else ++scan.ignored;
            return;
        }
        scan.files.push_back({p, *format, ec ? 0 : size});
    };
    for (const auto& path : paths) {
        std::error_code ec;
        const auto status = fs::status(path, ec);
        if (ec && ec != std::errc::no_such_file_or_directory) {   // a link loop, a denied parent
            scan.problems.push_back({path.string(), "cannot read: " + ec.message()});
            continue;
        }
        if (ec || !fs::exists(status)) {
            scan.problems.push_back({path.string(), "no such file or directory"});
            continue;
        }
        if (!fs::is_directory(status)) {
            // A FIFO or device would block or never end: only regular files are articles.
            if (fs::is_regular_file(status)) add_file(path, true);
            else scan.problems.push_back({path.string(), "not a regular file"});
            continue;
        }
        std::vector<fs::path> found;
        fs::recursive_directory_iterator it(path, fs::directory_options::skip_permission_denied, ec), end;
        if (ec) {
            scan.problems.push_back({path.string(), "cannot read directory: " + ec.message()});
            continue;
        }
        for (; it != end; it.increment(ec)) {
            if (ec) {
                scan.problems.push_back({path.string(), "cannot walk directory: " + ec.message()});
                break;
            }
            std::error_code type_ec;
            if (it->is_regular_file(type_ec)) {
                found.push_back(it->path());
            } else if (it->is_directory(type_ec) && !it->is_symlink(type_ec) &&
                       ::access(it->path().c_str(), R_OK | X_OK) != 0) {
                // The walk would skip it silently (skip_permission_denied): say so instead.
                scan.problems.push_back({it->path().string(), "cannot read directory: permission denied"});
                it.disable_recursion_pending();
            }
        }
        std::sort(found.begin(), found.end());
        for (const auto& f : found) add_file(f, false);
    }
    return scan;
}

void read_file(const InputFile& file, const ReadHandlers& handlers) {
    switch (file.format) {
    case Format::JsonLines: read_jsonl(file, handlers); break;
    case Format::Text: read_text_article(file, handlers); break;
    case Format::Html: read_html_page(file, handlers); break;
    case Format::Warc: read_warc(file, handlers); break;
    case Format::Xml: read_xml_news(file, handlers); break;
    }
}

} // namespace newsdesk
