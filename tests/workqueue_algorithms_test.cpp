// Every checked-in scenario small enough for dfs: dpor and optimal reach the same verdict on
// every property as dfs (which explores every interleaving) and the same set of terminal pool
// states, and each completes exactly one execution per Mazurkiewicz trace, as counted by brute
// force (tests/support/class_counter). The workqueue model is where an atomic step branches on
// what it reads, so that reversing a race can make a step touch locations it did not touch on
// the path; optimal once lost traces there (docs/explorer.md, "Steps that branch").
#include <algorithm>
#include <filesystem>
#include <set>
#include <string>
#include <vector>

#include <CppUTest/TestHarness.h>

#include "explorer/explore.h"
#include "model/common/model_file.h"
#include "model/workqueue/workqueue_model.h"
#include "tests/support/class_counter.h"
#include "tests/support/terminal_recorder.h"

using wqcheck::Algorithm;
using wqcheck::Options;
using wqcheck::Result;
using wqcheck::testing::explore_recording;
using wqcheck::testing::RecordedRun;

namespace {

constexpr std::uint64_t kDfsBudget = 20000;  // executions; larger scenarios are left to regress

// dfs, dpor and optimal on `model`; false if dfs cannot exhaust it within `budget` executions.
bool agrees_with_dfs(const wqcheck::Model& model, const std::string& what,
                     std::uint64_t budget = kDfsBudget) {
  RecordedRun dfs = explore_recording(model, Algorithm::kDfs, true, budget);
  if (!dfs.result.exhaustive) return false;
  RecordedRun dpor = explore_recording(model, Algorithm::kDpor);
  RecordedRun optimal = explore_recording(model, Algorithm::kOptimal);
  CHECK_TEXT(dpor.result.exhaustive && optimal.result.exhaustive, what.c_str());
  CHECK_TEXT(dfs.statuses() == dpor.statuses(), ("dpor verdicts: " + what).c_str());
  CHECK_TEXT(dfs.statuses() == optimal.statuses(), ("optimal verdicts: " + what).c_str());
  CHECK_TEXT(dfs.terminals == dpor.terminals, ("dpor terminal states: " + what).c_str());
  CHECK_TEXT(dfs.terminals == optimal.terminals, ("optimal terminal states: " + what).c_str());
  wqcheck::testing::ClassCount truth = wqcheck::testing::count_classes(model, budget);
  CHECK_TEXT(truth.complete, what.c_str());
  CHECK_EQUAL_TEXT(truth.classes, dpor.result.stats.executions, ("dpor trace count: " + what).c_str());
  CHECK_EQUAL_TEXT(truth.classes, optimal.result.stats.executions, ("optimal trace count: " + what).c_str());
  return true;
}

}  // namespace

TEST_GROUP(WorkqueueAlgorithms){};

TEST(WorkqueueAlgorithms, DporAndOptimalAgreeWithDfsOnEverySmallScenario) {
  std::vector<std::filesystem::path> files;
  for (const auto& e : std::filesystem::directory_iterator(std::string(WQCHECK_SOURCE_DIR) + "/scenarios")) {
    if (e.path().extension() == ".json") files.push_back(e.path());
  }
  std::sort(files.begin(), files.end());
  int compared = 0;
  for (const auto& path : files) {
    wqcheck::LoadResult loaded = wqcheck::load_model_file(path.string());
    auto& file = std::get<wqcheck::ModelFile>(loaded);
    if (agrees_with_dfs(*file.model, path.filename().string())) ++compared;
  }
  // The suite means something only if a good share of the scenarios fit the budget.
  CHECK(compared >= 20);
}

namespace {

// `base` (no manager, a clock that ticks once) in each of the four variants, with wake_ref as
// each variant has it by default.
void check_every_variant(wqcheck::wq::Config base, std::uint64_t budget = kDfsBudget) {
  using namespace wqcheck::wq;
  base.manager = false;
  base.expiry = Expiry::kClock;
  base.max_ticks = 1;
  for (Variant v : {Variant::kPrepatch, Variant::kDeferred, Variant::kClaim, Variant::kDeferredClaim}) {
    Config cfg = base;
    cfg.variant = v;
    cfg.wake_ref = v == Variant::kDeferredClaim;
    CHECK_TEXT(agrees_with_dfs(WorkqueueModel(cfg), variant_name(v), budget), variant_name(v).c_str());
  }
}

}  // namespace

// Blocker actors (work_sleeps "maybe") are enabled by a worker taking an item and disabled by it
// finishing: per-CPU pools of one idle and one busy worker.
TEST(WorkqueueAlgorithms, DporAndOptimalAgreeWithDfsWhenWorkMayBlock) {
  wqcheck::wq::Config cfg;
  cfg.pool = wqcheck::wq::PoolKind::kPercpu;
  cfg.workers = 1;
  cfg.busy_workers = 1;
  cfg.work_sleeps = wqcheck::wq::WorkSleeps::kMaybe;
  check_every_variant(cfg);
}

// put_unbound_pool() while the idle timer and idle_cull_fn() run (three idle workers: too many):
// the destroyer waits for a cull that is reaping, and stops the timer and the cull work.
TEST(WorkqueueAlgorithms, DporAndOptimalAgreeWithDfsWhenThePoolIsDestroyedWhileCulling) {
  wqcheck::wq::Config cfg;
  cfg.workers = 3;
  cfg.destroy = true;
  check_every_variant(cfg, 200000);
}
