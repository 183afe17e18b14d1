#pragma once
// The real news the tests read in place, from ../shared/data.
#include <cstdlib>
#include <filesystem>
#include <string>

#include <catch2/catch.hpp>

#include "support/temp_dir.hpp"

namespace newsdesk::testing {

// A file from ../shared/data; when it is missing the test is skipped, except under CI
// (where the data is guaranteed) where it fails.
inline std::filesystem::path shared_data(const std::string& relative) {
    const auto p = shared_dir() / relative;
    if (!std::filesystem::exists(p)) {
        if (std::getenv("CI")) FAIL("missing shared data under CI: " << p);
        WARN("SKIPPED: shared data not found: " << p);
    }
    return p;
}

} // namespace newsdesk::testing
