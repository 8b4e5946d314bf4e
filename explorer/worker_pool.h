// WorkerPool: the threads parallel searches (explorer/parallel.h) run on. They are started once
// and then wait for the next search, so that a search does not wait for new threads to get a
// processor (on the project's 2-core virtual machines a new thread's first run came up to a few
// milliseconds after it was created, a tenth of a 30 ms search) and so that searches in a row
// (`wqcheck regress`) reuse them. A front end that knows it will search in parallel can start
// them early (reserve), while it reads its input.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

namespace wqcheck {

class WorkerPool {
 public:
  // The process's pool.
  static WorkerPool& shared();

  WorkerPool() = default;
  WorkerPool(const WorkerPool&) = delete;
  WorkerPool& operator=(const WorkerPool&) = delete;
  ~WorkerPool();

  // Starts threads until at least `n` are idle.
  void reserve(std::size_t n);

  class Batch;
  // Runs `job` once on each of `n` threads of the pool, at once; wait() for them.
  std::shared_ptr<Batch> start(std::size_t n, std::function<void()> job);
  // Returns once every run of the batch's job has returned.
  void wait(const std::shared_ptr<Batch>& batch);

 private:
  void loop();

  std::mutex mutex_;
  std::condition_variable wake_;      // a batch was started, or the pool stops
  std::condition_variable finished_;  // a run of a job returned
  std::vector<std::thread> threads_;
  std::vector<std::shared_ptr<Batch>> open_;  // batches with runs not yet taken
  std::size_t idle_ = 0;
  bool stopping_ = false;
};

}  // namespace wqcheck
