#pragma once
// Web-archive crawls: a WARC file (ISO 28500 1.0 or 1.1, plain or gzipped, as Common Crawl's
// CC-NEWS publishes them). Each "response" record holding an HTML page with status 200 is an
// article, read as a web page is (pages/html_article.hpp), its URL the record's target URI.
// Other records (requests, metadata, revisits, warcinfo, redirects, errors, images, robots.txt)
// are passed over and counted by kind; a record that is broken is a problem, and reading goes
// on with the next record while record boundaries can be trusted.
#include "indexer/readers/input.hpp"

namespace newsdesk {

void read_warc(const InputFile& file, const ReadHandlers& handlers);

} // namespace newsdesk
