#include "reader_pool.hpp"

#include <exception>


namespace newsdesk::server {

ReaderPool::ReaderPool(std::filesystem::path db, std::size_t max_idle) : path_(std::move(db)), max_idle_(max_idle) {}

ReaderPool::Lease ReaderPool::acquire() {
    {
        std::lock_guard lock(mutex_);
        if (!idle_.empty()) {
            auto db = std::move(idle_.back());
            idle_.pop_back();
            return Lease(*this, std::move(db));
        }
    }
    // Opened outside the lock: opening takes a while and other requests need not wait for it.
    return Lease(*this, std::make_unique<Index>(Index::open(path_)));
}

std::size_t ReaderPool::idle() const {
    std::lock_guard lock(mutex_);
    return idle_.size();
}

void ReaderPool::give_back(std::unique_ptr<Index> db) {
    std::lock_guard lock(mutex_);
    if (idle_.size() < max_idle_) idle_.push_back(std::move(db));
}

ReaderPool::Lease::Lease(ReaderPool& pool, std::unique_ptr<Index> db)
    : pool_(pool), db_(std::move(db)), exceptions_(std::uncaught_exceptions()) {}

ReaderPool::Lease::~Lease() {
    if (db_ && std::uncaught_exceptions() == exceptions_) pool_.give_back(std::move(db_));
}

} // namespace newsdesk::server
