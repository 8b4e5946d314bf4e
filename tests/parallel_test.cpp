// Partitioned exploration (explorer/partition.h, explorer/parallel.h) against independent truth:
// on random access models, random program files and the small workqueue scenarios, dpor and
// optimal split into units still explore exactly one complete execution per Mazurkiewicz trace
// (brute-force class count) and reach dfs's verdicts; results are identical for every number of
// threads; and the shards of a search, combined, equal the search run whole.
#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include <CppUTest/TestHarness.h>

#include "explorer/explore.h"
#include "explorer/parallel.h"
#include "explorer/partition.h"
#include "model/common/model_file.h"
#include "tests/support/access_model.h"
#include "tests/support/class_counter.h"
#include "tests/support/program_loading.h"
#include "tests/support/random_program.h"
#include "tests/support/same_result.h"

using wqcheck::Algorithm;
using wqcheck::Options;
using wqcheck::Result;

namespace {

Result explore_split(const wqcheck::Model& model, Algorithm algorithm, unsigned jobs, std::size_t units,
           bool keep_going = true, wqcheck::Shard shard = {}) {
  Options options;
  options.algorithm = algorithm;
  options.keep_going = keep_going;
  options.jobs = jobs;
  options.units = units;
  options.shard = shard;
  return wqcheck::explore(model, options);
}

std::vector<wqcheck::Status> statuses(const Result& r) {
  std::vector<wqcheck::Status> out;
  for (const auto& p : r.properties) out.push_back(p.status);
  return out;
}


// dpor and optimal, split into `units`, count exactly the classes and agree with dfs.
void check_exact(const wqcheck::Model& model, const std::string& what, std::size_t units) {
  wqcheck::testing::ClassCount truth = wqcheck::testing::count_classes(model);
  Options dfs_options;
  dfs_options.algorithm = Algorithm::kDfs;
  dfs_options.keep_going = true;
  Result dfs = wqcheck::explore(model, dfs_options);
  for (Algorithm algorithm : {Algorithm::kOptimal, Algorithm::kDpor}) {
    const std::string label = wqcheck::algorithm_name(algorithm) + " units " + std::to_string(units) + ": " + what;
    Result split = explore_split(model, algorithm, 2, units);
    CHECK_EQUAL_TEXT(truth.classes, split.stats.executions, label.c_str());
    CHECK_TEXT(statuses(dfs) == statuses(split), ("verdicts, " + label).c_str());
  }
}

}  // namespace

TEST_GROUP(Parallel){};

TEST(Parallel, UnitsAreDistinctPrefixesInOrderAndReachTheTarget) {
  wqcheck::ModelFile file = wqcheck::testing::load_program_file("programs/lastzero-5.json");
  std::vector<wqcheck::WorkUnit> units = wqcheck::partition(*file.model, 20);
  CHECK(units.size() >= 20);
  for (std::size_t k = 1; k < units.size(); ++k) {
    CHECK(units[k - 1].prefix < units[k].prefix);  // lexicographic: the order a sequential search visits them
  }
  // lastzero(5) has 6 threads, all enabled at first: one level gives 6 units, too few; the second
  // level gives at most 6 x 5.
  CHECK(units.size() <= 30);
  for (const wqcheck::WorkUnit& u : units) LONGS_EQUAL(2, u.prefix.size());
  LONGS_EQUAL(1, wqcheck::partition(*file.model, 1).size());
}

TEST(Parallel, RandomAccessModelsSplitIntoUnitsCountEveryTraceOnce) {
  for (std::uint64_t seed = 0; seed < 400; ++seed) {
    wqcheck::testing::AccessModel model =
        wqcheck::testing::random_access_model(seed, seed % 3 == 1, seed % 3 == 2);
    for (std::size_t units : {2u, 5u, 64u}) check_exact(model, "access model seed " + std::to_string(seed), units);
  }
}

TEST(Parallel, RandomProgramsSplitIntoUnitsCountEveryTraceOnce) {
  for (std::uint64_t seed = 0; seed < 300; ++seed) {
    wqcheck::LoadResult loaded =
        wqcheck::load_model_document(wqcheck::testing::random_program(seed), "random program");
    auto& file = std::get<wqcheck::ModelFile>(loaded);
    for (std::size_t units : {3u, 64u}) check_exact(*file.model, "random program seed " + std::to_string(seed), units);
  }
}

TEST(Parallel, SmallWorkqueueScenariosSplitIntoUnitsCountEveryTraceOnce) {
  int compared = 0;
  for (const char* name : {"claim-mainline-minimal", "prepatch-seed-minimal", "seed-race", "claim-seed-minimal",
                           "deferred-mainline-minimal", "prepatch-mainline-manager", "claim-mainline-manager",
                           "claim-mainline-pushdown", "claim-seed-percpu"}) {
    wqcheck::ModelFile file = wqcheck::testing::load_program_file(std::string("scenarios/") + name + ".json");
    wqcheck::testing::ClassCount truth = wqcheck::testing::count_classes(*file.model, 200000);
    if (!truth.complete) continue;
    ++compared;
    Result dpor = explore_split(*file.model, Algorithm::kDpor, 2, 64);
    CHECK_EQUAL_TEXT(truth.classes, dpor.stats.executions, name);
  }
  CHECK(compared >= 6);
}

TEST(Parallel, ResultsDoNotDependOnTheNumberOfThreads) {
  for (const char* name : {"programs/lastzero-5.json", "programs/opt_lock-3.json", "scenarios/seed-race.json",
                           "scenarios/prepatch-seed-manager.json"}) {
    wqcheck::ModelFile file = wqcheck::testing::load_program_file(name);
    for (Algorithm algorithm : {Algorithm::kOptimal, Algorithm::kDpor}) {
      for (bool keep_going : {true, false}) {
        Result one = explore_split(*file.model, algorithm, 1, 64, keep_going);
        for (unsigned jobs : {2u, 3u, 8u}) {
          wqcheck::testing::check_same_result(one, explore_split(*file.model, algorithm, jobs, 64, keep_going),
                     std::string(name) + " jobs " + std::to_string(jobs));
        }
      }
    }
  }
}

// With one unit the threads share the tree by delegation (explorer/delegation.h): whatever they
// do, the result is the sequential search's, to the last count and counterexample.
TEST(Parallel, ThreadsSharingOneTreeGiveTheSequentialResult) {
  std::uint64_t delegated = 0;
  auto compare = [&](const wqcheck::Model& model, const std::string& what) {
    for (Algorithm algorithm : {Algorithm::kOptimal, Algorithm::kDpor}) {
      for (bool keep_going : {true, false}) {
        Result sequential = explore_split(model, algorithm, 0, 1, keep_going);
        for (unsigned jobs : {2u, 3u, 8u}) {
          Result shared = explore_split(model, algorithm, jobs, 1, keep_going);
          wqcheck::testing::check_same_result(sequential, shared, what + " " + wqcheck::algorithm_name(algorithm) + " jobs " + std::to_string(jobs));
          CHECK(shared.delegation.has_value());
          delegated += shared.delegation->delegated;
        }
      }
    }
  };
  for (std::uint64_t seed = 0; seed < 60; ++seed) {
    compare(wqcheck::testing::random_access_model(seed, seed % 3 == 1, seed % 3 == 2), "access model " + std::to_string(seed));
    wqcheck::LoadResult loaded =
        wqcheck::load_model_document(wqcheck::testing::random_program(seed), "random program");
    compare(*std::get<wqcheck::ModelFile>(loaded).model, "random program " + std::to_string(seed));
  }
  for (const char* name : {"programs/lastzero-5.json", "programs/readers-8.json", "programs/indexer-12.json",
                           "tests/data/lost-update.program.json", "scenarios/seed-race.json",
                           "scenarios/prepatch-mainline-manager.json", "scenarios/claim-mainline-pushdown.json",
                           "scenarios/deferred-seed-percpu.json"}) {
    wqcheck::ModelFile file = wqcheck::testing::load_program_file(name);
    compare(*file.model, name);
  }
  // Not vacuous: with idle threads about, the searches did hand subtrees over.
  CHECK(delegated > 100);
}

TEST(Parallel, ShardsCombinedEqualTheWholeSearch) {
  for (const char* name : {"programs/indexer-12.json", "programs/popl14.json", "programs/casw-3.json",
                           "scenarios/seed-race.json", "scenarios/claim-seed-minimal.json",
                           "scenarios/prepatch-seed-manager.json"}) {
    wqcheck::ModelFile file = wqcheck::testing::load_program_file(name);
    for (bool keep_going : {true, false}) {
      Result whole = explore_split(*file.model, Algorithm::kOptimal, 2, 64, keep_going);
      for (std::size_t n : {1u, 2u, 3u, 7u}) {
        std::vector<wqcheck::UnitOutcome> outcomes;
        for (std::size_t i = 0; i < n; ++i) {
          Result shard = explore_split(*file.model, Algorithm::kOptimal, 1, 64, keep_going, {i, n});
          CHECK_EQUAL(whole.unit_count, shard.unit_count);
          for (auto& o : shard.units) outcomes.push_back(std::move(o));
        }
        std::vector<std::size_t> all(whole.unit_count);
        for (std::size_t u = 0; u < all.size(); ++u) all[u] = u;
        Result merged = wqcheck::combine_units(*file.model, Algorithm::kOptimal, keep_going, outcomes,
                                               whole.unit_count, all);
        wqcheck::testing::check_same_result(whole, merged, std::string(name) + " shards " + std::to_string(n));
      }
    }
  }
}

TEST(Parallel, AMissingShardMakesTheCombinationInconclusive) {
  wqcheck::ModelFile file = wqcheck::testing::load_program_file("programs/indexer-12.json");
  Result shard0 = explore_split(*file.model, Algorithm::kOptimal, 1, 64, true, {0, 2});
  std::vector<std::size_t> all(shard0.unit_count);
  for (std::size_t u = 0; u < all.size(); ++u) all[u] = u;
  Result half = wqcheck::combine_units(*file.model, Algorithm::kOptimal, true, shard0.units, shard0.unit_count, all);
  CHECK_FALSE(half.exhaustive);
  STRCMP_EQUAL("unknown", half.verdict().c_str());
}
