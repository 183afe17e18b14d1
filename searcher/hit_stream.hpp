#pragma once
// Every hit of a search in its order, read one at a time: the order is decided first from a few
// bytes per match, and each article is read as the stream reaches it.
#include <cstdint>
#include <optional>
#include <cstddef>
#include <vector>

#include <xapian.h>

#include <newsdesk/database.hpp>
#include "searcher/query_parser.hpp"

namespace newsdesk {

struct HitStream::Impl {
    // `one_local`: `db` is one local database. Its matches are ordered from what a spy keeps of
    // each (16 bytes). Otherwise from Xapian's own page of every match (about 90 bytes each,
    // for as long as it takes to copy the ids out): a spy sees a shard's documents by the
    // shard's own ids, and xapian-tcpsrv runs no spy of ours.
    Impl(const Xapian::Database& db, const SearchRequest& request, const ExportOptions& options, bool one_local);
    std::optional<Hit> next();
    std::uint64_t total = 0;

    struct Match {
        double weight;
        Xapian::docid docid;
        std::uint32_t date;   // YYYYMMDD as a number; 0 when undated
    };

private:
    Xapian::Database db_;
    SearchRequest request_;
    ExportOptions options_;
    ParsedQuery parsed_;
    std::vector<Match> order_;   // the hits to give, in order
    std::size_t at_ = 0;         // the next to give
};

} // namespace newsdesk
