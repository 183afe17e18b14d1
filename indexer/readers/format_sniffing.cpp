#include "indexer/readers/format_sniffing.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <stdexcept>
#include <string>

#include "indexer/readers/compressed_file.hpp"
#include "text/ascii.hpp"

namespace newsdesk {
namespace {

// Enough for an XML declaration, a DOCTYPE and a few comments before the root.
constexpr std::size_t HeadBytes = 8192;

// Where the first `marker` from `from` on ends in `s`, or npos.
std::size_t past(std::string_view s, std::string_view marker, std::size_t from = 0) {
    const auto at = s.find(marker, from);
    return at == std::string_view::npos ? at : at + marker.size();
}

void skip_space(std::string_view& s) { s.remove_prefix(std::min(s.find_first_not_of(" \t\r\n"), s.size())); }

// Skips what may come before a root element: declarations, comments, processing instructions
// and a DOCTYPE (with its internal subset). False when the head ends first.
bool skip_prolog(std::string_view& s) {
    for (;;) {
        skip_space(s);
        std::size_t end = std::string_view::npos;
        if (s.starts_with("<?")) end = past(s, "?>");
        else if (s.starts_with("<!--")) end = past(s, "-->");
        else if (s.starts_with("<!") && !text::starts_with_ascii_nocase(s, "<!doctype html")) {
            const auto subset = s.find('['), close = s.find('>');
            end = subset < close ? past(s, "]>", subset) : past(s, ">");
        } else return true;
        if (end == std::string_view::npos) return false;
        s.remove_prefix(end);
    }
}

// JSON Lines holds a whole object on its first line: "{...}" up to the line's end (or past
// what was read of it). A pretty-printed JSON document opens with "{" alone, and is no archive.
bool json_line_first(std::string_view head) {
    const auto end = head.find('\n');
    if (end == std::string_view::npos) return true;   // a line longer than the head: an article's
    auto line = head.substr(0, end);
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ' || line.back() == '\t')) line.remove_suffix(1);
    return line.size() > 1 && line.back() == '}';
}

bool is_news_root(std::string_view local) {
    static constexpr std::array roots{"rss",         "RDF",          "feed",          "newsMessage", "newsItem",
                                      "packageItem", "conceptItem",  "knowledgeItem", "planningItem", "catalogItem",
                                      "nitf"};
    for (std::string_view r : roots)
        if (local == r) return true;
    return false;
}

} // namespace

std::optional<Format> format_of_content(std::string_view head) {
    if (head.starts_with("\xEF\xBB\xBF")) head.remove_prefix(3);   // a UTF-8 byte-order mark
    skip_space(head);
    if (head.starts_with("WARC/1.")) return Format::Warc;
    if (head.starts_with("{")) return json_line_first(head) ? std::optional{Format::JsonLines} : std::nullopt;
    if (!head.starts_with("<") || !skip_prolog(head)) return std::nullopt;
    for (std::string_view tag : {"<!doctype html", "<html", "<head", "<body", "<meta", "<title"})
        if (text::starts_with_ascii_nocase(head, tag)) return Format::Html;
    if (!head.starts_with("<")) return std::nullopt;
    head.remove_prefix(1);
    auto name = head.substr(0, std::min(head.find_first_of(" \t\r\n/>"), head.size()));
    if (const auto colon = name.find(':'); colon != std::string_view::npos) name.remove_prefix(colon + 1);
    if (is_news_root(name)) return Format::Xml;
    return std::nullopt;
}

std::optional<Format> sniff_format(const std::filesystem::path& path) {
    try {
        CompressedFile file(path);
        std::string head;
        file.read(head, HeadBytes);
        return format_of_content(head);
    } catch (const std::runtime_error&) {
        return std::nullopt;   // unreadable or corrupt: the file is no article either way
    }
}

} // namespace newsdesk
