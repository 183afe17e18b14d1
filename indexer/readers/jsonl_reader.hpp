#pragma once
#include <optional>
#include <string_view>

#include "indexer/readers/input.hpp"

namespace newsdesk {

// Reads JSON Lines (plain or gzip): one article per line with `id`, `url`, `title`,
// `body` (or `text`, `content`), `date`, `source`, `language`, `authors`, `speakers`,
// `countries`; other keys are ignored. A line that is not a usable article is reported
// as a problem with its line number and skipped.
void read_jsonl(const InputFile& file, const ReadHandlers& handlers);

// Parses one line; `location` is "path:line". Returns the problem instead when the line is
// not an article. Exposed for tests.
struct JsonLineResult {
    std::optional<Article> article;
    std::string problem;
};
JsonLineResult parse_json_line(std::string_view line);

} // namespace newsdesk
