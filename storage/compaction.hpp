#pragma once
// Rewriting a database compactly, in place.
#include <filesystem>

namespace newsdesk {

// Rewrites the database at `path` with Xapian's compactor (B-tree blocks filled, the free
// space a growing index leaves behind dropped: about half the size, and faster to search),
// then swaps the new copy in with one atomic rename. The caller must hold the database's
// write lock (an open IndexWriter) so that nothing is committed meanwhile. A crash at any
// point leaves the old database or the new one at `path`, never neither; leftovers of an
// interrupted compaction are removed by the next, and a failed one (a full disk) removes its
// partial copy before the error goes on to the caller.
void compact_in_place(const std::filesystem::path& path);

// Puts the database at `replacement` where the one at `target` is, in one atomic rename, and
// removes the one that was there. Throws std::system_error (replacement removed) if the rename fails.
void swap_in(const std::filesystem::path& replacement, const std::filesystem::path& target);

// Renames the database made at `made` to `name` once the disk holds it whole, and syncs the
// name: after a crash `name` holds the whole database or nothing.
void rename_durably(const std::filesystem::path& made, const std::filesystem::path& name);

} // namespace newsdesk
