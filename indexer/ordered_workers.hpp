#pragma once
// Runs one function over a stream of items on worker threads and hands the results back on
// the caller's thread in the order the items came. Indexing uses it to analyse articles
// (language, speakers, countries, quotes, tokens) in parallel while a single thread writes
// them: Xapian's writer is single-threaded, and keeping the input order keeps replacement by
// id, the archive-wide speaker registry and the "committed batches are an exact prefix"
// guarantee the same as with one thread.
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <exception>
#include <functional>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

namespace newsdesk {

template <typename Item>
class OrderedWorkers {
public:
    using Work = std::function<void(Item&)>;
    using Done = std::function<void(Item&&)>;

    // `max_in_flight` bounds the items queued or being worked on: the memory of a run does
    // not grow with the input.
    OrderedWorkers(std::size_t workers, std::size_t max_in_flight, Work work)
        : work_(std::move(work)), max_in_flight_(std::max<std::size_t>(max_in_flight, workers)) {
        for (std::size_t i = 0; i < workers; ++i) threads_.emplace_back([this] { run(); });
    }
    ~OrderedWorkers() {
        {
            std::lock_guard lock(mutex_);
            closing_ = true;
        }
        work_ready_.notify_all();
        for (auto& t : threads_) t.join();
    }
    OrderedWorkers(const OrderedWorkers&) = delete;
    OrderedWorkers& operator=(const OrderedWorkers&) = delete;

    // Queues an item. Finished items are handed to `done` here, in order; while the limit is
    // reached this waits for the oldest one. An exception thrown by the work is rethrown
    // here, when its item's turn comes.
    void push(Item item, const Done& done) {
        std::unique_lock lock(mutex_);
        deliver_ready(lock, done);
        while (slots_.size() >= max_in_flight_) {
            finished_.wait(lock, [&] { return slots_.front().finished; });
            deliver_ready(lock, done);
        }
        slots_.push_back(Slot{std::move(item), false, false, nullptr});
        ++unclaimed_;
        work_ready_.notify_one();
    }

    // Waits for every queued item and hands each to `done`, in order.
    void drain(const Done& done) {
        std::unique_lock lock(mutex_);
        while (!slots_.empty()) {
            finished_.wait(lock, [&] { return slots_.front().finished; });
            deliver_ready(lock, done);
        }
    }

private:
    struct Slot {
        Item item;
        bool claimed = false, finished = false;
        std::exception_ptr error;
    };

    // Hands over the finished items at the head of the queue; the lock is released while
    // `done` runs, so workers go on meanwhile.
    void deliver_ready(std::unique_lock<std::mutex>& lock, const Done& done) {
        while (!slots_.empty() && slots_.front().finished) {
            Slot slot = std::move(slots_.front());
            slots_.pop_front();
            lock.unlock();
            if (slot.error) {
                lock.lock();
                std::rethrow_exception(slot.error);
            }
            done(std::move(slot.item));
            lock.lock();
        }
    }

    void run() {
        std::unique_lock lock(mutex_);
        for (;;) {
            work_ready_.wait(lock, [&] { return closing_ || unclaimed_ > 0; });
            if (closing_) return;
            // The oldest unclaimed item: a deque's elements stay where they are while others
            // are added at the back or removed at the front, so the reference stays valid.
            Slot* slot = nullptr;
            for (auto& s : slots_)
                if (!s.claimed) {
                    slot = &s;
                    break;
                }
            slot->claimed = true;
            --unclaimed_;
            lock.unlock();
            try {
                work_(slot->item);
            } catch (...) {
                slot->error = std::current_exception();
            }
            lock.lock();
            slot->finished = true;
            finished_.notify_all();
        }
    }

    Work work_;
    std::size_t max_in_flight_;
    std::mutex mutex_;
    std::condition_variable work_ready_, finished_;
    std::deque<Slot> slots_;   // queued items, oldest first
    std::size_t unclaimed_ = 0;
    bool closing_ = false;
    std::vector<std::thread> threads_;
};

} // namespace newsdesk
