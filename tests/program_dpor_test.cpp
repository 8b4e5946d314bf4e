// DPOR on program files against the brute-force trace counter (tests/support/class_counter):
// on thousands of small random programs — loads, stores, fetch_add, exchange, cas, locks,
// branches, asserts, assumes — optimal explores exactly one execution per Mazurkiewicz trace,
// source-set DPOR the same number of complete executions, and dfs, dpor and optimal agree on
// every property's verdict and on the set of reachable terminal states.
#include <set>
#include <string>
#include <vector>

#include <CppUTest/TestHarness.h>

#include "explorer/explore.h"
#include "model/common/model_file.h"
#include "tests/support/class_counter.h"
#include "tests/support/random_program.h"
#include "tests/support/terminal_recorder.h"

using wqcheck::Algorithm;
using wqcheck::LoadResult;
using wqcheck::ModelFile;
using wqcheck::Options;
using wqcheck::Result;
using wqcheck::testing::explore_recording;
using wqcheck::testing::RecordedRun;

TEST_GROUP(ProgramDpor){};

TEST(ProgramDpor, RandomProgramsMatchTheBruteForceTraceCount) {
  for (std::uint64_t seed = 0; seed < 3000; ++seed) {
    LoadResult loaded = wqcheck::load_model_document(wqcheck::testing::random_program(seed), "random");
    ModelFile& file = std::get<ModelFile>(loaded);
    const wqcheck::Model& model = *file.model;
    wqcheck::testing::ClassCount truth = wqcheck::testing::count_classes(model, 200000);
    if (!truth.complete) continue;
    const bool record = truth.executions <= 2000;
    RecordedRun optimal_run = explore_recording(model, Algorithm::kOptimal, record);
    RecordedRun dpor_run = explore_recording(model, Algorithm::kDpor, record);
    RecordedRun dfs_run = explore_recording(model, Algorithm::kDfs, record);
    const Result& optimal = optimal_run.result;
    const Result& dpor = dpor_run.result;
    const Result& dfs = dfs_run.result;
    const std::string what = "random program seed " + std::to_string(seed);
    CHECK_EQUAL_TEXT(truth.classes, optimal.stats.executions, ("optimal: " + what).c_str());
    CHECK_EQUAL_TEXT(truth.classes, dpor.stats.executions, ("dpor: " + what).c_str());
    CHECK_EQUAL_TEXT(truth.executions, dfs.stats.executions, ("dfs: " + what).c_str());
    LONGS_EQUAL_TEXT(0, optimal.stats.sleep_blocked, ("optimal sleep-blocked: " + what).c_str());
    CHECK_TEXT(dfs_run.statuses() == optimal_run.statuses(), ("optimal verdicts: " + what).c_str());
    CHECK_TEXT(dfs_run.statuses() == dpor_run.statuses(), ("dpor verdicts: " + what).c_str());
    CHECK_TEXT(dfs_run.terminals == optimal_run.terminals, ("optimal terminal states: " + what).c_str());
    CHECK_TEXT(dfs_run.terminals == dpor_run.terminals, ("dpor terminal states: " + what).c_str());
  }
}
