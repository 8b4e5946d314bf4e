// Subprocess: runs the real wqcheck executable from a test, as a user would, and reports how it
// ended (exit code, or the signal that killed it) with its stdout and stderr. Output goes to
// temporary files, so a chatty child never blocks on a full pipe. A deadline guards against
// hangs: a child still running at its deadline is killed and reported as timed out.
#pragma once

#include <sys/types.h>

#include <chrono>
#include <string>
#include <vector>

namespace wqcheck::testing {

struct Ended {
  int exit_code = -1;     // when the child exited normally
  int signal = 0;         // when a signal killed it
  bool timed_out = false;
  std::string out;
  std::string err;

  // "exit 2", "killed by signal 11", "timed out": for failure messages.
  std::string how() const;
};

class Subprocess {
 public:
  // Starts argv[0] (a path) with the given arguments in `cwd` ("" = the current directory).
  explicit Subprocess(const std::vector<std::string>& argv, const std::string& cwd = "");
  ~Subprocess();
  Subprocess(const Subprocess&) = delete;
  Subprocess& operator=(const Subprocess&) = delete;

  // Waits until the child's stderr contains `text` or the child ends; true if the text appeared.
  bool wait_for_stderr(const std::string& text, std::chrono::seconds deadline);
  void send(int signal);
  // Waits for the child to end; kills it at the deadline.
  Ended wait(std::chrono::seconds deadline);

 private:
  std::string read_file(const std::string& path) const;

  pid_t pid_ = -1;
  bool reaped_ = false;
  int status_ = 0;
  std::string dir_;
  std::string out_path_;
  std::string err_path_;
};

// Runs to the end (or the deadline) and returns how it ended.
Ended run_subprocess(const std::vector<std::string>& argv, const std::string& cwd = "",
                     std::chrono::seconds deadline = std::chrono::seconds(120));

// A fresh empty directory under $TMPDIR (or /tmp), removed with everything in it on destruction.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

}  // namespace wqcheck::testing
