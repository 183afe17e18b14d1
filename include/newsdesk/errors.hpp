#pragma once
// The errors newsdesk throws: one hierarchy, each type a situation a caller can act on.
#include <cstddef>
#include <stdexcept>
#include <string>

namespace newsdesk {

// Base of every newsdesk error; what() is a message for people.
struct Error : std::runtime_error {
    using std::runtime_error::runtime_error;
};

// There is no newsdesk database at the path given.
struct DatabaseMissing : Error {
    using Error::Error;
};

// Another process (or Writer) is writing the database.
struct DatabaseLocked : Error {
    using Error::Error;
};

// The database was written with another schema version: re-index into a new one.
struct SchemaMismatch : Error {
    using Error::Error;
};

// The storage failed: corrupt, unreadable, disk full. The message is the storage's own.
struct DatabaseError : Error {
    using Error::Error;
};

// A query that cannot be parsed. `position` is the byte offset in the query where the parser
// knows it, or npos.
struct QueryError : Error {
    QueryError(const std::string& message, std::size_t where) : Error(message), position(where) {}
    std::size_t position;
};

// A search that took longer than its SearchRequest::deadline: stopped, its partial results
// dropped. The message names the query and the deadline.
struct Timeout : Error {
    using Error::Error;
};

// A search stopped because its SearchRequest::cancelled said so.
struct Cancelled : Error {
    using Error::Error;
};

// A request that is not valid whatever the data: an unknown facet, a bad option value, an
// unreadable alias file.
struct InvalidRequest : Error {
    using Error::Error;
};

} // namespace newsdesk
