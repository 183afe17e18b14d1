#pragma once
// Rendering shared by the subcommands: JSON objects of results, and terminal text.
#include <map>
#include <string>

#include <nlohmann/json.hpp>

#include <newsdesk/article.hpp>
#include <newsdesk/indexing.hpp>
#include <newsdesk/search.hpp>

namespace newsdesk::cli {

nlohmann::json to_json(const SearchResults& results);
nlohmann::json to_json(const QuoteResults& results);
nlohmann::json quote_json(const Quote& quote);
nlohmann::json mentions_json(const std::vector<CountryMention>& mentions);
nlohmann::json to_json(const IndexInfo& info);
nlohmann::json facets_json(const std::vector<FacetResult>& facets);

// Snippet text with its matches marked: `<mark>` in HTML-escaped text for JSON, or the
// given markers for a terminal.
std::string marked_html(const Snippet& s);
std::string marked_text(const Snippet& s, std::string_view open, std::string_view close);

// JSON text that never throws on invalid UTF-8 (replaced by U+FFFD).
std::string dump(const nlohmann::json& j);

// Prints input problems to stderr, at most a screenful per file: a binary file read as JSON
// Lines would otherwise print one line per "line". Problems are still counted in summaries.
class ProblemPrinter {
public:
    void print(const InputProblem& problem);

private:
    std::map<std::string, std::size_t> per_file_;
};

bool stdout_is_terminal();
bool stderr_is_terminal();

} // namespace newsdesk::cli
