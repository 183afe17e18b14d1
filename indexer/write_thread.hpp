#pragma once
// Runs a database's writes, in the order they were posted, on a thread of their own.
//
// Xapian's writer is single-threaded, and in a bulk load it is most of the work: inverting
// each document into the batch's ordered maps, then flushing those into the B-trees at each
// commit (on the real articles, 73% of the CPU time was the one thread that wrote). Deciding
// what to write (replacement by id, the archive's names) must stay in input order on the
// caller's thread; the writes themselves need not. Posting them here lets the caller decide
// the next article while Xapian inverts this one, and lets the shards of a sharded database
// be written at once, each by its own thread.
//
// The caller must wait() before it reads the database or commits it: jobs run while the caller
// goes on, and a Xapian database is not to be used by two threads at once.
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <exception>
#include <functional>
#include <mutex>
#include <thread>

namespace newsdesk {

class WriteThread {
public:
    // Queued jobs are bounded by count and by the text bytes they carry: what waits here is
    // memory the run's limit must cover. A job larger than `max_bytes` waits for an empty queue.
    // Without `threaded`, post() runs each job at once on the caller's thread.
    WriteThread(bool threaded, std::size_t max_jobs, std::size_t max_bytes);
    // Runs what is queued (Xapian's destructor would commit it, as it would have done had the
    // jobs run at once), unless a job failed, then stops.
    ~WriteThread();
    WriteThread(const WriteThread&) = delete;
    WriteThread& operator=(const WriteThread&) = delete;

    // Queues a job of `bytes` text bytes, waiting while the queue is full. Rethrows the error
    // of a job that failed before: once one fails, the ones after it are dropped, and every
    // later post() and wait() throws that error, so nothing builds on a write that was lost.
    void post(std::function<void()> job, std::size_t bytes = 0);
    // Waits until every job posted has run; rethrows a failed job's error.
    void wait();

private:
    struct Job {
        std::function<void()> run;
        std::size_t bytes;
    };
    void run();
    void throw_if_failed();   // with mutex_ held

    bool threaded_;
    std::size_t max_jobs_, max_bytes_;
    std::mutex mutex_;
    std::condition_variable posted_, done_;
    std::deque<Job> jobs_;
    std::size_t queued_bytes_ = 0;
    bool running_ = false;   // a job taken from the queue is running
    bool closing_ = false;
    std::exception_ptr error_;
    std::thread thread_;
};

} // namespace newsdesk
