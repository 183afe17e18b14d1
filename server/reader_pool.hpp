#pragma once
// Readers for concurrent requests. An Index must not be used by two threads at once, so each
// request borrows one from the pool and gives it back when done. The pool also bounds how many
// searches run at once: a search is CPU work, and on a machine with few cores running more of
// them at once only makes each one slower and the memory they hold larger. Requests beyond
// the bound wait their turn, up to a deadline, and are then refused as busy.
#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <filesystem>
#include <memory>
#include <mutex>
#include <stdexcept>
#include <vector>

#include <newsdesk/database.hpp>

namespace newsdesk::server {

// No reader became free before the deadline: the server is overloaded (HTTP 503).
struct ServerBusy : std::runtime_error {
    using std::runtime_error::runtime_error;
};

class ReaderPool {
public:
    // Readers are opened on demand (Index::open: the schema version is checked); at most
    // `max_active` are lent at once, and those are kept between requests.
    ReaderPool(std::filesystem::path db, std::size_t max_active, std::chrono::milliseconds max_wait);

    // One borrowed reader. It goes back to the pool when the lease ends, unless the lease ends
    // by an exception (the handle may be in a bad state then: it is dropped and reopened later).
    class Lease {
    public:
        Lease(ReaderPool& pool, std::unique_ptr<Index> db);
        ~Lease();
        Lease(const Lease&) = delete;
        Lease& operator=(const Lease&) = delete;
        const Index& operator*() const { return *db_; }

    private:
        ReaderPool& pool_;
        std::unique_ptr<Index> db_;
        int exceptions_;   // std::uncaught_exceptions() when the lease began
    };

    // Waits for a free slot; throws ServerBusy after max_wait.
    Lease acquire();
    std::size_t idle() const;   // readers waiting in the pool, for tests

private:
    void give_back(std::unique_ptr<Index> db);

    std::filesystem::path path_;
    std::size_t max_active_;
    std::chrono::milliseconds max_wait_;
    mutable std::mutex mutex_;
    std::condition_variable slot_freed_;
    std::size_t active_ = 0;
    std::uint64_t next_ticket_ = 0;
    std::deque<std::uint64_t> waiting_;   // tickets of the requests waiting, oldest first
    std::vector<std::unique_ptr<Index>> idle_;
};

} // namespace newsdesk::server
