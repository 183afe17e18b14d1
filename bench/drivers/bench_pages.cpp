// newsdesk's main-text extraction, timed alone: pages::article_from_html on each page held in
// memory, as the HTML and WARC readers call it (charset from the page itself, no HTTP header),
// metadata included since it is part of every call. Its `body` is the prediction.
#include "page_rounds.hpp"
#include "pages/html_article.hpp"

int main(int argc, char** argv) {
    return bench::run_page_driver("newsdesk", argc, argv, [](const bench::Page& p) {
        return newsdesk::pages::article_from_html(p.html, newsdesk::pages::PageOrigin{}).body;
    });
}
