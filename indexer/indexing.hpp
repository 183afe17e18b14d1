#pragma once
// Indexing internals shared by the indexing run and its tests.
#include <string>

#include <newsdesk/indexing.hpp>

namespace newsdesk {

// The short reason of a problem message, for the summary's counts by reason.
std::string problem_reason(const std::string& message);

} // namespace newsdesk
