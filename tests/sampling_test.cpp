// random and pct: they find shallow bugs, are deterministic for a seed, replay their
// counterexamples, and never claim that a property holds.
#include <CppUTest/TestHarness.h>

#include "explorer/explore.h"
#include "explorer/schedule.h"
#include "tests/support/access_model.h"

using wqcheck::Algorithm;
using wqcheck::Options;
using wqcheck::Result;
using wqcheck::testing::AccessModel;
using wqcheck::testing::AccessOp;

namespace {

// T0 checks x before anyone wrote it unless T1 or T2 wrote it first: violated when T0 runs
// before both writers (one interleaving order in three).
AccessModel race() {
  return AccessModel({{{AccessOp::kCheck, 0}}, {{AccessOp::kWrite, 0}}, {{AccessOp::kWrite, 0}}});
}

Result sample(const AccessModel& model, Algorithm algorithm, std::uint64_t seed, std::uint64_t runs) {
  Options options;
  options.algorithm = algorithm;
  options.seed = seed;
  options.random_executions = runs;
  options.pct_depth = 2;
  return wqcheck::explore(model, options);
}

}  // namespace

TEST_GROUP(Sampling){};

TEST(Sampling, FindAShallowBugAndReplayIt) {
  AccessModel model = race();
  for (Algorithm a : {Algorithm::kRandom, Algorithm::kPct}) {
    for (std::uint64_t seed = 1; seed <= 20; ++seed) {
      Result r = sample(model, a, seed, 200);
      STRCMP_EQUAL("violated", r.verdict().c_str());
      const auto& schedule = *r.properties[1].counterexample;
      wqcheck::Replay replayed = wqcheck::replay(model, schedule);
      CHECK(replayed.error.empty());
      CHECK((replayed.violations & 2) != 0);
    }
  }
}

TEST(Sampling, AreDeterministicForASeed) {
  AccessModel model = race();
  for (Algorithm a : {Algorithm::kRandom, Algorithm::kPct}) {
    Result first = sample(model, a, 7, 200);
    Result second = sample(model, a, 7, 200);
    CHECK(first.properties[1].counterexample == second.properties[1].counterexample);
    LONGS_EQUAL(first.stats.executions, second.stats.executions);
  }
}

TEST(Sampling, NeverProveAProperty) {
  AccessModel safe({{{AccessOp::kWrite, 0}}, {{AccessOp::kWrite, 1}}});
  for (Algorithm a : {Algorithm::kRandom, Algorithm::kPct}) {
    Result r = sample(safe, a, 1, 50);
    STRCMP_EQUAL("unknown", r.verdict().c_str());
    LONGS_EQUAL(50, r.stats.executions);
  }
}
