#pragma once
#include <cstddef>
#include <map>
#include <string>

#include <newsdesk/indexing.hpp>

namespace newsdesk::cli {

// Prints input problems to stderr, at most a screenful per file: a binary file read as JSON
// Lines would otherwise print one line per "line". Problems are still counted in summaries.
class ProblemPrinter {
public:
    void print(const InputProblem& problem);

private:
    std::map<std::string, std::size_t> per_file_;
};

} // namespace newsdesk::cli
