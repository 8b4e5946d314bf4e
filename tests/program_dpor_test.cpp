// DPOR on program files against the brute-force trace counter (tests/support/class_counter):
// on thousands of small random programs — loads, stores, fetch_add, exchange, cas, locks,
// branches, asserts, assumes — optimal explores exactly one execution per Mazurkiewicz trace,
// source-set DPOR the same number of complete executions, and dfs, dpor and optimal agree on
// every property's verdict.
#include <string>
#include <vector>

#include <CppUTest/TestHarness.h>

#include "explorer/explore.h"
#include "model/common/model_file.h"
#include "tests/support/class_counter.h"
#include "tests/support/random_program.h"

using wqcheck::Algorithm;
using wqcheck::LoadResult;
using wqcheck::ModelFile;
using wqcheck::Options;
using wqcheck::Result;

namespace {

Result explore_with(const wqcheck::Model& model, Algorithm algorithm) {
  Options options;
  options.algorithm = algorithm;
  options.keep_going = true;
  return wqcheck::explore(model, options);
}

std::vector<wqcheck::Status> statuses(const Result& r) {
  std::vector<wqcheck::Status> out;
  for (const auto& p : r.properties) out.push_back(p.status);
  return out;
}

}  // namespace

TEST_GROUP(ProgramDpor){};

TEST(ProgramDpor, RandomProgramsMatchTheBruteForceTraceCount) {
  for (std::uint64_t seed = 0; seed < 3000; ++seed) {
    LoadResult loaded = wqcheck::load_model_document(wqcheck::testing::random_program(seed), "random");
    ModelFile& file = std::get<ModelFile>(loaded);
    const wqcheck::Model& model = *file.model;
    wqcheck::testing::ClassCount truth = wqcheck::testing::count_classes(model, 200000);
    if (!truth.complete) continue;
    Result optimal = explore_with(model, Algorithm::kOptimal);
    Result dpor = explore_with(model, Algorithm::kDpor);
    Result dfs = explore_with(model, Algorithm::kDfs);
    const std::string what = "random program seed " + std::to_string(seed);
    CHECK_EQUAL_TEXT(truth.classes, optimal.stats.executions, ("optimal: " + what).c_str());
    CHECK_EQUAL_TEXT(truth.classes, dpor.stats.executions, ("dpor: " + what).c_str());
    CHECK_EQUAL_TEXT(truth.executions, dfs.stats.executions, ("dfs: " + what).c_str());
    LONGS_EQUAL_TEXT(0, optimal.stats.sleep_blocked, ("optimal sleep-blocked: " + what).c_str());
    CHECK_TEXT(statuses(dfs) == statuses(optimal), ("optimal verdicts: " + what).c_str());
    CHECK_TEXT(statuses(dfs) == statuses(dpor), ("dpor verdicts: " + what).c_str());
  }
}
