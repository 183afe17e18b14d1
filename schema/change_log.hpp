#pragma once
// Which articles each commit changed under ids that readers have seen: the ones it rewrote in
// place (a replacement, names settled again) or deleted. New articles take new, higher ids
// and need no entry. A reader that built something per document at one revision (the server's
// facet columns) reads the entries of the commits since and updates only those documents and
// the new ones, instead of rebuilding from every value of every article after each commit.
//
// The log is one metadata entry, written in the commit it describes, tagged with the
// database's UUID (a compacted or bulk-loaded database is a new one, whose log an old one's
// entries must not pass for) and bounded: a reader further behind than it reaches rebuilds.
#include <optional>
#include <vector>

#include <xapian.h>

namespace newsdesk::schema {

// Records, for the commit `db` is about to make, that these documents changed in place.
// Called on the writing thread just before commit(); an empty list is recorded too, so that
// a reader can tell a commit that changed nothing from one that did not log.
void log_changed_documents(Xapian::WritableDatabase& db, const std::vector<Xapian::docid>& changed);

// The documents changed in place by the commits after `since` up to the revision `db` is at,
// sorted and each once; nullopt when the log cannot tell (a commit did not log, the log no
// longer reaches back that far, or one commit changed more than the log keeps).
std::optional<std::vector<Xapian::docid>> documents_changed_since(const Xapian::Database& db, Xapian::rev since);

// The revision of the last commit `db` logged, 0 if none: the last commit that wrote to it
// through this log, which a commit that failed does not change (Xapian moves a database's
// revision on past one that failed, with nothing in it changed).
Xapian::rev last_logged_revision(const Xapian::Database& db);

} // namespace newsdesk::schema
