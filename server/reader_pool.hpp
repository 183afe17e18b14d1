#pragma once
// Readers for concurrent requests: an Index must not be used by two threads at once, so each
// request borrows one from the pool and gives it back when done.
#include <cstddef>
#include <filesystem>
#include <memory>
#include <mutex>
#include <vector>

#include <newsdesk/database.hpp>

namespace newsdesk::server {

class ReaderPool {
public:
    // Readers are opened on demand (Index::open: the schema version is checked) and at most
    // `max_idle` are kept between requests.
    explicit ReaderPool(std::filesystem::path db, std::size_t max_idle = 16);

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

    Lease acquire();
    std::size_t idle() const;   // readers waiting in the pool, for tests

private:
    void give_back(std::unique_ptr<Index> db);

    std::filesystem::path path_;
    std::size_t max_idle_;
    mutable std::mutex mutex_;
    std::vector<std::unique_ptr<Index>> idle_;
};

} // namespace newsdesk::server
