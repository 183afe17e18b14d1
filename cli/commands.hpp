#pragma once
// The newsdesk subcommands: each parses its own options and returns the exit code.
#include <string>
#include <vector>

namespace newsdesk::cli {

// Exit codes, part of the interface (README "Exit codes").
enum Exit : int {
    Ok = 0,              // success; search found hits
    Incomplete = 1,      // search: no hits; index/extract: some input was skipped
    Usage = 2,           // bad options or a malformed query
    DatabaseProblem = 3, // missing, locked, or written by another schema version
    Failure = 4,         // anything else
    Locked = 5,          // another process is writing the database
    Interrupted = 130,   // index: stopped by SIGINT or SIGTERM after committing its work
};

using Args = std::vector<std::string>;
int index_command(const Args& args);
int search_command(const Args& args);
int quotes_command(const Args& args);
int extract_command(const Args& args);
int info_command(const Args& args);
int story_command(const Args& args);
int serve_command(const Args& args);
int watch_command(const Args& args);

} // namespace newsdesk::cli
