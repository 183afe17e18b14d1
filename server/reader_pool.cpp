#include "reader_pool.hpp"

#include <algorithm>
#include <exception>

namespace newsdesk::server {

ReaderPool::ReaderPool(std::filesystem::path db, std::size_t max_active, std::chrono::milliseconds max_wait)
    : path_(std::move(db)), max_active_(max_active ? max_active : 1), max_wait_(max_wait) {}

ReaderPool::Lease ReaderPool::acquire() {
    std::unique_ptr<Index> db;
    {
        std::unique_lock lock(mutex_);
        // First come, first served: without the queue a condition variable wakes waiters in no
        // particular order, and under load some requests would wait far longer than the rest.
        const auto ticket = next_ticket_++;
        waiting_.push_back(ticket);
        const bool turn = slot_freed_.wait_for(lock, max_wait_, [&] {
            return active_ < max_active_ && waiting_.front() == ticket;
        });
        waiting_.erase(std::find(waiting_.begin(), waiting_.end(), ticket));
        slot_freed_.notify_all();   // the next in line may be able to go now
        if (!turn)
            throw ServerBusy("the server is busy: " + std::to_string(max_active_) +
                             " searches are running and others are waiting; try again");
        ++active_;
        if (!idle_.empty()) {
            db = std::move(idle_.back());
            idle_.pop_back();
        }
    }
    if (!db) {
        try {   // opened outside the lock: opening takes a while and other requests need not wait
            db = std::make_unique<Index>(Index::open(path_));
        } catch (...) {
            give_back(nullptr);
            throw;
        }
    }
    return Lease(*this, std::move(db));
}

std::size_t ReaderPool::idle() const {
    std::lock_guard lock(mutex_);
    return idle_.size();
}

void ReaderPool::give_back(std::unique_ptr<Index> db) {
    {
        std::lock_guard lock(mutex_);
        --active_;
        if (db) idle_.push_back(std::move(db));
    }
    slot_freed_.notify_all();
}

ReaderPool::Lease::Lease(ReaderPool& pool, std::unique_ptr<Index> db)
    : pool_(pool), db_(std::move(db)), exceptions_(std::uncaught_exceptions()) {}

ReaderPool::Lease::~Lease() {
    // Dropped (not kept) when the lease ends by an exception; the slot is freed either way.
    if (std::uncaught_exceptions() != exceptions_) db_.reset();
    pool_.give_back(std::move(db_));
}

} // namespace newsdesk::server
