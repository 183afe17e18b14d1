#include "problem_printer.hpp"

#include <iostream>

namespace newsdesk::cli {

void ProblemPrinter::print(const InputProblem& p) {
    constexpr std::size_t MostPerFile = 20;
    // "path:line" -> "path"
    auto file = p.location;
    if (const auto colon = file.rfind(':');
        colon != std::string::npos && colon + 1 < file.size() &&
        file.find_first_not_of("0123456789", colon + 1) == std::string::npos)
        file.resize(colon);
    const auto n = ++per_file_[file];
    if (n <= MostPerFile) std::cerr << p.to_string() << '\n';
    if (n == MostPerFile)
        std::cerr << file << ": more problems in this file are counted but not shown\n";
}

} // namespace newsdesk::cli
