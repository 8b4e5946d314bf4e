// The checked-in benchmark programs against published figures: raw interleaving counts under dfs
// (from issue 4's independently computed table), and the number of Mazurkiewicz traces by brute
// force against each file's expect.executions (the published optimal-DPOR counts).
#include <CppUTest/TestHarness.h>

#include <filesystem>
#include <string>

#include "explorer/explore.h"
#include "tests/support/class_counter.h"
#include "tests/support/program_loading.h"

using namespace wqcheck;
using wqcheck::testing::load_program_file;

namespace {

std::uint64_t dfs_executions(const std::string& file) {
  ModelFile f = load_program_file("programs/" + file);
  Options options;
  options.algorithm = Algorithm::kDfs;
  Result r = explore(*f.model, options);
  CHECK(r.exhaustive);
  STRCMP_EQUAL("safe", r.verdict().c_str());
  return r.stats.executions;
}

void check_classes_match_expectation(const std::string& file) {
  ModelFile f = load_program_file("programs/" + file);
  CHECK_TEXT(f.expect.executions.has_value(), file.c_str());
  wqcheck::testing::ClassCount c = wqcheck::testing::count_classes(*f.model);
  if (c.classes != *f.expect.executions) {
    FAIL((file + ": " + std::to_string(c.classes) + " traces, expected " +
          std::to_string(*f.expect.executions)).c_str());
  }
  LONGS_EQUAL(0, c.violated);
}

}  // namespace

TEST_GROUP(ProgramCounts){};

TEST(ProgramCounts, DfsInterleavingsMatchTheIssueTable) {
  LONGS_EQUAL(69, dfs_executions("popl14.json"));
  LONGS_EQUAL(120, dfs_executions("readers-4.json"));
  LONGS_EQUAL(920, dfs_executions("lastzero-3.json"));
  LONGS_EQUAL(44300, dfs_executions("lastzero-4.json"));
  LONGS_EQUAL(674, dfs_executions("opt_lock-2.json"));
}

TEST(ProgramCounts, DfsInterleavingsOfSimpleFamiliesMatchCombinatorics) {
  LONGS_EQUAL(120, dfs_executions("writers-5.json"));                  // 5!
  LONGS_EQUAL(6, dfs_executions("lockinc-3.json"));                    // 3! critical sections
  LONGS_EQUAL(90, dfs_executions("rmwinc-3-2.json"));                  // 6!/(2!)^3
  LONGS_EQUAL(70, dfs_executions("rwinc-2-2.json"));                   // C(8,4)
  LONGS_EQUAL(2520, dfs_executions("casw-4.json"));                    // 8!/(2!)^4
}

TEST(ProgramCounts, TraceCountsMatchPublishedFigures) {
  for (const char* file : {"popl14.json", "readers-2.json", "readers-3.json", "readers-4.json",
                           "readers-8.json", "lastzero-3.json", "lastzero-4.json", "opt_lock-2.json",
                           "writers-2.json", "writers-3.json", "writers-5.json", "writers-reader-2.json",
                           "writers-reader-3.json", "writers-reader-5.json", "lockinc-2.json",
                           "lockinc-3.json", "lockinc-5.json", "rmwinc-3-2.json", "rwinc-2-2.json",
                           "rwinc-3-2.json", "casrot-2.json", "casrot-3.json", "casrot-4.json",
                           "casrot-5.json", "casrot-6.json", "casrot-7.json", "casw-2.json",
                           "casw-3.json", "casw-4.json", "indexer-2.json"}) {
    check_classes_match_expectation(file);
  }
}

TEST(ProgramCounts, EveryCheckedInProgramLoadsAndStatesItsCount) {
  int files = 0;
  for (const auto& entry : std::filesystem::directory_iterator(std::string(WQCHECK_SOURCE_DIR) + "/programs")) {
    if (entry.path().extension() != ".json") continue;
    ModelFile f = load_program_file("programs/" + entry.path().filename().string());
    CHECK_TEXT(f.expect.executions.has_value(), entry.path().c_str());
    CHECK_TEXT(!f.expect.properties.empty(), entry.path().c_str());
    ++files;
  }
  CHECK(files >= 40);
}
