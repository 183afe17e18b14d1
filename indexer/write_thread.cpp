#include "indexer/write_thread.hpp"

#include <algorithm>

namespace newsdesk {

WriteThread::WriteThread(bool threaded, std::size_t max_jobs, std::size_t max_bytes)
    : threaded_(threaded), max_jobs_(std::max<std::size_t>(max_jobs, 1)), max_bytes_(max_bytes) {
    if (threaded_) thread_ = std::thread([this] { run(); });
}

WriteThread::~WriteThread() {
    if (!threaded_) return;
    {
        std::lock_guard lock(mutex_);
        closing_ = true;
    }
    posted_.notify_all();
    thread_.join();
}

void WriteThread::throw_if_failed() {
    if (error_) std::rethrow_exception(error_);
}

void WriteThread::post(std::function<void()> job, std::size_t bytes) {
    if (!threaded_) {
        job();
        return;
    }
    std::unique_lock lock(mutex_);
    done_.wait(lock, [&] {
        if (error_ || jobs_.empty()) return true;
        return jobs_.size() < max_jobs_ && queued_bytes_ + bytes <= max_bytes_;
    });
    throw_if_failed();
    jobs_.push_back({std::move(job), bytes});
    queued_bytes_ += bytes;
    posted_.notify_one();
}

void WriteThread::wait() {
    if (!threaded_) return;
    std::unique_lock lock(mutex_);
    done_.wait(lock, [&] { return error_ || (jobs_.empty() && !running_); });
    throw_if_failed();
}

void WriteThread::run() {
    std::unique_lock lock(mutex_);
    for (;;) {
        posted_.wait(lock, [&] { return closing_ || !jobs_.empty(); });
        if (jobs_.empty()) return;   // closing, and every job has run
        // The job stays counted in the queue while it runs: its memory is still held.
        running_ = true;
        auto job = std::move(jobs_.front().run);
        lock.unlock();
        std::exception_ptr failed;
        try {
            job();
        } catch (...) {
            failed = std::current_exception();
        }
        job = nullptr;   // its document freed before the queue has room again
        lock.lock();
        running_ = false;
        queued_bytes_ -= jobs_.front().bytes;
        jobs_.pop_front();
        if (failed && !error_) error_ = failed;
        if (error_) {   // the jobs after a failed one are dropped
            jobs_.clear();
            queued_bytes_ = 0;
        }
        done_.notify_all();
    }
}

} // namespace newsdesk
