#include "indexer/readers/html_reader.hpp"

#include "indexer/readers/whole_file.hpp"
#include "pages/html_article.hpp"

namespace newsdesk {
namespace {

bool blank(std::string_view s) { return s.find_first_not_of(" \t\r\n") == std::string_view::npos; }

} // namespace

void read_html_content(std::string_view content, const std::string& where, const ReadHandlers& handlers,
                       const std::function<void(Article&)>& place) {
    if (blank(content)) {
        handlers.problem({where, "empty file"});
        return;
    }
    auto a = pages::article_from_html(content, pages::PageOrigin{});
    if (blank(a.body)) {
        handlers.problem({where, "no article text found"});
        return;
    }
    a.id = a.url;
    place(a);
    handlers.article(std::move(a));
}

void read_html_page(const InputFile& file, const ReadHandlers& handlers) {
    const auto path = file.path.string();
    const auto content = read_whole_file(file, handlers);
    if (!content) return;
    read_html_content(*content, path, handlers, [&](Article& a) {
        if (a.id.empty()) a.id = name_without_extensions(file.path, {".gz", ".GZ", ".html", ".htm", ".HTML", ".HTM"});
        a.origin = path;
    });
}

} // namespace newsdesk
