#pragma once
// An XML news document (NewsML-G2, NITF, RSS, Atom) read in memory, with everything the reader
// handed back.
#include <string>
#include <vector>

#include "indexer/readers/xml_news_reader.hpp"

namespace newsdesk::testing {

struct XmlNewsRead {
    std::vector<Article> articles;
    std::vector<InputProblem> problems;
    std::vector<std::string> passed_over;
};

inline XmlNewsRead read_xml_news_document(const std::string& xml, const std::string& path,
                                          std::size_t max_bytes = MaxArticleBytes) {
    XmlNewsRead r;
    ReadHandlers h;
    h.article = [&](Article&& a) { r.articles.push_back(std::move(a)); return true; };
    h.problem = [&](const InputProblem& p) { r.problems.push_back(p); return true; };
    h.passed_over = [&](const std::string& kind) { r.passed_over.push_back(kind); };
    h.max_article_bytes = max_bytes;
    read_xml_news(xml, path, h);
    return r;
}

} // namespace newsdesk::testing
