#include "storage/compaction.hpp"

#include <cerrno>
#include <cstdio>   // renameat2
#include <system_error>

#include <fcntl.h>   // AT_FDCWD
#include <unistd.h>  // fsync

#include <xapian.h>

namespace newsdesk {
namespace {

// A rename lasts through a power cut once the directory that holds the names is synced; before
// that the old name may come back. Best effort: the swap itself is done either way.
void sync_directory(const std::filesystem::path& dir) {
    const int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0) return;
    (void)::fsync(fd);
    ::close(fd);
}

// Waits until the disk holds every file of the database at `dir`, and their names: what a
// writer left to the system to write (a bulk load's side databases are written without
// syncing) must be on the disk before the database it makes replaces one that is.
void sync_database(const std::filesystem::path& dir) {
    std::error_code ec;
    for (auto it = std::filesystem::directory_iterator(dir, ec); !ec && it != std::filesystem::directory_iterator(); it.increment(ec)) {
        if (!it->is_regular_file(ec)) continue;
        const int fd = ::open(it->path().c_str(), O_RDONLY | O_CLOEXEC);
        if (fd < 0) continue;
        (void)::fsync(fd);
        ::close(fd);
    }
    sync_directory(dir);
}

} // namespace

void compact_in_place(const std::filesystem::path& path) {
    const auto target = std::filesystem::absolute(path).lexically_normal();
    auto scratch = target;
    scratch += ".compacting";
    std::filesystem::remove_all(scratch);
    // Document ids stay as they are: where they lie is part of the schema (quote records far
    // above the articles, schema::quote_docids_from).
    try {
        Xapian::Database(target.string())
            .compact(scratch.string(), Xapian::Compactor::FULL | Xapian::DBCOMPACT_NO_RENUMBER);
    } catch (...) {
        // A full disk, most often: the partial copy would keep it full.
        std::error_code ignored;
        std::filesystem::remove_all(scratch, ignored);
        throw;
    }
    swap_in(scratch, target);
}

void swap_in(const std::filesystem::path& replacement, const std::filesystem::path& target) {
    sync_database(replacement);
    // Linux's RENAME_EXCHANGE swaps the two directories in one step: there is no moment when
    // `target` holds nothing. Searches that have the old files open go on reading them until
    // they reopen.
    if (renameat2(AT_FDCWD, replacement.c_str(), AT_FDCWD, target.c_str(), RENAME_EXCHANGE) != 0) {
        const int error = errno;
        std::filesystem::remove_all(replacement);
        throw std::system_error(error, std::generic_category(), "cannot swap in the new " + target.string());
    }
    sync_directory(target.parent_path());
    std::filesystem::remove_all(replacement);   // now the old database
}

void rename_durably(const std::filesystem::path& made, const std::filesystem::path& name) {
    sync_database(made);
    std::filesystem::rename(made, name);
    sync_directory(name.parent_path());
}

} // namespace newsdesk
