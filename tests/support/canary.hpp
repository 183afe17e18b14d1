#pragma once
// A program that creates a file if anything ever runs it, and the stub line (Xapian's program
// backend) that would run it: for tests that no stub makes newsdesk run a program.
#include <filesystem>
#include <string>

#include "support/temp_dir.hpp"

namespace newsdesk::testing {

struct Canary {
    explicit Canary(const TempDir& dir) : program(dir.write("canary", "#!/bin/sh\ntouch \"$1\"\n")), ran(dir / "ran") {
        std::filesystem::permissions(program, std::filesystem::perms::owner_all);
    }
    // `remote :PROGRAM ARG`: runs the canary, which then creates `target` (by default `ran`).
    std::string stub_line(const std::filesystem::path& target) const {
        return "remote :" + program.string() + " " + target.string() + "\n";
    }
    std::string stub_line() const { return stub_line(ran); }

    std::filesystem::path program, ran;
};

} // namespace newsdesk::testing
