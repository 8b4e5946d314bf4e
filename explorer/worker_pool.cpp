#include "explorer/worker_pool.h"

#include <algorithm>
#include <atomic>
#include <chrono>

namespace wqcheck {

class WorkerPool::Batch {
 public:
  Batch(std::size_t n, std::function<void()> job) : wanted(n), job(std::move(job)) {}
  const std::size_t wanted;
  const std::function<void()> job;
  std::size_t taken = 0;  // guarded by the pool's mutex
  std::size_t done = 0;   // likewise
};

namespace {

// How long an idle thread spins (yielding) before it blocks: a processor that has gone idle can
// take milliseconds to wake up again.
constexpr std::chrono::microseconds kSpin{2000};

// Bumped whenever a batch starts, so that spinning threads need not take the lock to see it.
std::atomic<std::uint64_t> starts{0};

}  // namespace

WorkerPool& WorkerPool::shared() {
  static WorkerPool pool;
  return pool;
}

WorkerPool::~WorkerPool() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  for (std::thread& t : threads_) t.join();
}

void WorkerPool::reserve(std::size_t n) {
  std::lock_guard<std::mutex> lock(mutex_);
  std::size_t waiting = 0;
  for (const auto& b : open_) waiting += b->wanted - b->taken;
  while (idle_ < n + waiting) {
    ++idle_;
    threads_.emplace_back([this] { loop(); });
  }
}

std::shared_ptr<WorkerPool::Batch> WorkerPool::start(std::size_t n, std::function<void()> job) {
  reserve(n);
  auto batch = std::make_shared<Batch>(n, std::move(job));
  {
    std::lock_guard<std::mutex> lock(mutex_);
    open_.push_back(batch);
    starts.fetch_add(1, std::memory_order_release);
  }
  wake_.notify_all();
  return batch;
}

void WorkerPool::wait(const std::shared_ptr<Batch>& batch) {
  std::unique_lock<std::mutex> lock(mutex_);
  finished_.wait(lock, [&] { return batch->done == batch->wanted; });
}

void WorkerPool::loop() {
  std::unique_lock<std::mutex> lock(mutex_);
  while (true) {
    if (stopping_) return;
    if (!open_.empty()) {
      std::shared_ptr<Batch> batch = open_.front();
      if (++batch->taken == batch->wanted) open_.erase(open_.begin());
      --idle_;
      lock.unlock();
      batch->job();
      lock.lock();
      ++idle_;
      ++batch->done;
      if (batch->done == batch->wanted) finished_.notify_all();
      continue;
    }
    const std::uint64_t seen = starts.load(std::memory_order_acquire);
    lock.unlock();
    const auto until = std::chrono::steady_clock::now() + kSpin;
    while (starts.load(std::memory_order_acquire) == seen && std::chrono::steady_clock::now() < until) {
      std::this_thread::yield();
    }
    lock.lock();
    wake_.wait(lock, [&] { return stopping_ || !open_.empty(); });
  }
}

}  // namespace wqcheck
