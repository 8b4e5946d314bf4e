// Determinism: the same `wqcheck check --json` command, run twice as separate processes, prints
// the same JSON apart from the timing and memory fields (stats.elapsed_s, stats.peak_rss_kb),
// and writes byte-identical trace files; for every algorithm, on safe and violating programs and
// workqueue scenarios; and the same whatever --jobs says.
// Separate processes matter: addresses, and so anything ordered by pointer, differ between runs.
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <CppUTest/TestHarness.h>
#include <nlohmann/json.hpp>

#include "tests/support/subprocess.h"

namespace {

namespace fs = std::filesystem;
using wqcheck::testing::Ended;
using wqcheck::testing::TempDir;

const std::vector<std::string> kAlgorithms = {"dfs", "dpor", "optimal", "bfs", "random", "pct"};
const std::vector<std::string> kPrograms = {
    "programs/lastzero-4.json", "programs/readers-3.json",  "programs/popl14.json",
    "programs/casrot-3.json",   "programs/opt_lock-2.json", "programs/writers-reader-2.json",
    "tests/data/lost-update.program.json",  // violates its assertion: exercises counterexamples
    "scenarios/claim-seed-minimal.json",    // the seed's race: a workqueue counterexample
    "scenarios/claim-mainline-manager.json", "scenarios/deferred-mainline-percpu.json",
};

// Runs check on one file; returns its JSON lines without the fields that may differ.
std::string run_check(const std::string& algorithm, const std::string& file, const std::string& trace_dir,
                      const std::vector<std::string>& extra = {}) {
  std::vector<std::string> argv = {std::string(WQCHECK_BINARY_DIR) + "/wqcheck", "check", "--json",
                                   "--keep-going", "--algorithm", algorithm, "--trace-out", trace_dir, file};
  argv.insert(argv.end(), extra.begin(), extra.end());
  Ended ended = wqcheck::testing::run_subprocess(argv, WQCHECK_SOURCE_DIR);
  if (ended.exit_code != 0 && ended.exit_code != 1) {
    FAIL(("check " + algorithm + " " + file + ": " + ended.how() + "\n" + ended.err).c_str());
  }
  std::istringstream lines(ended.out);
  std::string result;
  for (std::string line; std::getline(lines, line);) {
    nlohmann::json j = nlohmann::json::parse(line);
    CHECK_TRUE(j["stats"].contains("elapsed_s"));
    j["stats"].erase("elapsed_s");
    j["stats"].erase("peak_rss_kb");
    j.erase("parallel");  // how subtrees were shared between threads: timing, not result
    result += j.dump() + "\n";
  }
  return result;
}

std::string read_all(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

// The files in `dir` by name, with their bytes.
std::vector<std::pair<std::string, std::string>> files_in(const std::string& dir) {
  std::vector<std::pair<std::string, std::string>> files;
  if (!fs::exists(dir)) return files;
  for (const auto& entry : fs::directory_iterator(dir)) {
    files.emplace_back(entry.path().filename().string(), read_all(entry.path()));
  }
  std::sort(files.begin(), files.end());
  return files;
}

}  // namespace

TEST_GROUP(Determinism){};

TEST(Determinism, SameCommandTwiceGivesTheSameJsonAndTraceFiles) {
  for (const std::string& algorithm : kAlgorithms) {
    for (const std::string& file : kPrograms) {
      TempDir first;
      TempDir second;
      std::string a = run_check(algorithm, file, first.path() + "/traces");
      std::string b = run_check(algorithm, file, second.path() + "/traces");
      const std::string what = algorithm + " on " + file;
      STRCMP_EQUAL_TEXT(a.c_str(), b.c_str(), what.c_str());
      CHECK_TEXT(files_in(first.path() + "/traces") == files_in(second.path() + "/traces"), what.c_str());
    }
  }
}

TEST(Determinism, TheNumberOfThreadsChangesNothing) {
  // dpor and optimal split the search into units (docs/parallel.md); --jobs only says how many
  // threads explore them. Without --keep-going too: the first violation must not depend on it.
  for (const std::string& algorithm : {std::string("dpor"), std::string("optimal")}) {
    for (const std::string& file : kPrograms) {
      TempDir one;
      const std::string expected = run_check(algorithm, file, one.path() + "/traces", {"--jobs", "1"});
      for (const char* jobs : {"2", "3", "5"}) {
        TempDir other;
        const std::string what = algorithm + " on " + file + " with --jobs " + std::string(jobs);
        STRCMP_EQUAL_TEXT(expected.c_str(), run_check(algorithm, file, other.path() + "/traces", {"--jobs", jobs}).c_str(),
                          what.c_str());
        CHECK_TEXT(files_in(one.path() + "/traces") == files_in(other.path() + "/traces"), what.c_str());
      }
    }
  }
}

TEST(Determinism, TheViolatingProgramWritesATraceWithEveryAlgorithm) {
  // Guards the test above against comparing two empty directories.
  for (const std::string& algorithm : kAlgorithms) {
    TempDir dir;
    run_check(algorithm, "tests/data/lost-update.program.json", dir.path() + "/traces");
    CHECK_TEXT(files_in(dir.path() + "/traces").size() == 1, algorithm.c_str());
  }
}
