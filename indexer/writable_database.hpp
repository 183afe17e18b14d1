#pragma once
#include <filesystem>

#include <xapian.h>

namespace newsdesk {

// Opens the glass database at `path` for writing, creating it if need be. Throws
// DatabaseLocked, naming `database`, when another process is writing it.
//
// Commits are newsdesk's alone (IndexWriter's batches, cut short by --memory-limit): Xapian
// would otherwise commit on its own every 10,000 changed documents, and a batch of articles
// with their quote records is often more. Such a commit would show readers half a batch, leave
// half of one behind after a crash, and free the revision the writer reads what is committed
// from (a DatabaseModifiedError mid-run). So Xapian's threshold (read from
// XAPIAN_FLUSH_THRESHOLD when a writable database opens) is set out of reach, once, before
// the first one opens.
//
// `durable`: each commit waits until the disk holds it (fsync), so that a power cut leaves the
// last commit. Without it the commits are left to the system to write when it will, which
// made loads about a tenth faster: for the side databases of a bulk load only, which are
// checked before a later load takes them up (ShardedWriter::bulk_load) and whose merge is
// synced before it replaces the database.
Xapian::WritableDatabase open_writable(const std::filesystem::path& path, const std::filesystem::path& database,
                                       bool durable = true);

} // namespace newsdesk
