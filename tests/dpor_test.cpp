// The explorer's algorithms against independent truth: trace counts derived by hand, and, on a
// few thousand random access programs, the number of Mazurkiewicz traces counted by brute force
// (AccessModel::count_traces) and the number of interleavings (count_interleavings).
#include <set>
#include <string>
#include <vector>

#include <CppUTest/TestHarness.h>
#include <nlohmann/json.hpp>

#include "explorer/explore.h"
#include "tests/support/access_model.h"
#include "tests/support/class_counter.h"
#include "tests/support/terminal_recorder.h"

using wqcheck::Algorithm;
using wqcheck::Options;
using wqcheck::Result;
using wqcheck::testing::AccessModel;
using wqcheck::testing::AccessOp;
using wqcheck::testing::AccessThread;

namespace {

Result explore_with(const AccessModel& model, Algorithm algorithm) {
  Options options;
  options.algorithm = algorithm;
  options.keep_going = true;
  return wqcheck::explore(model, options);
}

AccessOp R(std::uint32_t x) { return {AccessOp::kRead, x}; }
AccessOp W(std::uint32_t x) { return {AccessOp::kWrite, x}; }
AccessOp L(std::uint32_t m) { return {AccessOp::kLock, m}; }
AccessOp U(std::uint32_t m) { return {AccessOp::kUnlock, m}; }

std::uint64_t factorial(std::uint64_t n) { return n <= 1 ? 1 : n * factorial(n - 1); }

void check_counts(const AccessModel& model, std::uint64_t traces, const std::string& what) {
  Result optimal = explore_with(model, Algorithm::kOptimal);
  Result dpor = explore_with(model, Algorithm::kDpor);
  Result dfs = explore_with(model, Algorithm::kDfs);
  CHECK_EQUAL_TEXT(traces, optimal.stats.executions, ("optimal: " + what).c_str());
  LONGS_EQUAL_TEXT(0, optimal.stats.sleep_blocked, ("optimal sleep-blocked: " + what).c_str());
  CHECK_EQUAL_TEXT(traces, dpor.stats.executions, ("dpor: " + what).c_str());
  CHECK_EQUAL_TEXT(model.count_interleavings(), dfs.stats.executions, ("dfs: " + what).c_str());
  STRCMP_EQUAL_TEXT(dfs.verdict().c_str(), optimal.verdict().c_str(), what.c_str());
  STRCMP_EQUAL_TEXT(dfs.verdict().c_str(), dpor.verdict().c_str(), what.c_str());
}

}  // namespace

TEST_GROUP(Dpor){};

TEST(Dpor, ReadersAreTwoToTheN) {
  // One writer of x and N readers of x: each reader comes before or after the write.
  for (std::uint32_t n = 1; n <= 6; ++n) {
    std::vector<AccessThread> threads{{W(0)}};
    for (std::uint32_t r = 0; r < n; ++r) threads.push_back({R(0)});
    check_counts(AccessModel(threads), 1ULL << n, "readers " + std::to_string(n));
  }
}

TEST(Dpor, WritersAreWFactorial) {
  for (std::uint32_t w = 1; w <= 5; ++w) {
    std::vector<AccessThread> threads(w, AccessThread{W(0)});
    check_counts(AccessModel(threads), factorial(w), "writers " + std::to_string(w));
  }
}

TEST(Dpor, WritersAndAReaderAreWPlusOneFactorial) {
  for (std::uint32_t w = 1; w <= 4; ++w) {
    std::vector<AccessThread> threads(w, AccessThread{W(0)});
    threads.push_back({R(0)});
    check_counts(AccessModel(threads), factorial(w + 1), "writers+reader " + std::to_string(w));
  }
}

TEST(Dpor, LockedIncrementsAreTFactorial) {
  for (std::uint32_t t = 1; t <= 4; ++t) {
    std::vector<AccessThread> threads(t, AccessThread{L(0), R(0), W(0), U(0)});
    check_counts(AccessModel(threads), factorial(t), "lockinc " + std::to_string(t));
  }
}

TEST(Dpor, IndependentThreadsAreOneTrace) {
  check_counts(AccessModel({{W(0), R(0)}, {W(1), R(1)}, {W(2)}}), 1, "disjoint");
}

TEST(Dpor, LockOrderInversionDeadlocks) {
  // T0: lock a; lock b   T1: lock b; lock a. Traces: T0 takes both first (then T1 finishes),
  // T1 takes both first, or each takes its first mutex and they deadlock: 3.
  AccessModel model({{L(0), L(1), U(1), U(0)}, {L(1), L(0), U(0), U(1)}});
  CHECK_EQUAL(3, model.count_traces());
  check_counts(model, 3, "lock inversion");
  Result optimal = explore_with(model, Algorithm::kOptimal);
  STRCMP_EQUAL("violated", optimal.verdict().c_str());
  LONGS_EQUAL(1, optimal.stats.deadlocked);
}

TEST(Dpor, RandomProgramsMatchBruteForce) {
  for (std::uint64_t seed = 1; seed <= 2000; ++seed) {
    AccessModel model = wqcheck::testing::random_access_model(seed);
    check_counts(model, model.count_traces(), "random seed " + std::to_string(seed));
  }
}

TEST(Dpor, BfsCountsDistinctStatesAndFindsTheShortestDeadlock) {
  AccessModel model({{L(0), L(1), U(1), U(0)}, {L(1), L(0), U(0), U(1)}});
  Options options;
  options.algorithm = Algorithm::kBfs;
  Result bfs = wqcheck::explore(model, options);
  STRCMP_EQUAL("violated", bfs.verdict().c_str());
  // The shortest deadlock: each thread takes its first mutex.
  LONGS_EQUAL(2, bfs.properties[0].counterexample->size());
}

TEST(Dpor, RandomProgramsWithChecksAgreeOnPropertiesAndTerminalStates) {
  // Where checks can fail, executions are cut short and counts stop being comparable; what
  // must agree is which properties are violated and which terminal states are reachable.
  for (std::uint64_t seed = 1; seed <= 2000; ++seed) {
    std::vector<std::string> verdicts;
    std::vector<std::set<std::string>> terminals;
    std::vector<std::vector<wqcheck::Status>> statuses;
    for (Algorithm a : {Algorithm::kDfs, Algorithm::kDpor, Algorithm::kOptimal}) {
      AccessModel program = wqcheck::testing::random_access_model(seed, true);
      wqcheck::testing::TerminalRecorder model(program);
      Options options;
      options.algorithm = a;
      options.keep_going = true;
      Result r = wqcheck::explore(model, options);
      std::vector<wqcheck::Status> s;
      for (const auto& p : r.properties) s.push_back(p.status);
      statuses.push_back(s);
      terminals.push_back(model.terminals());
    }
    std::string what = "random seed " + std::to_string(seed);
    CHECK_TEXT(statuses[0] == statuses[1], ("dpor properties: " + what).c_str());
    CHECK_TEXT(statuses[0] == statuses[2], ("optimal properties: " + what).c_str());
    CHECK_TEXT(terminals[0] == terminals[1], ("dpor terminal states: " + what).c_str());
    CHECK_TEXT(terminals[0] == terminals[2], ("optimal terminal states: " + what).c_str());
  }
}

TEST(Dpor, RandomProgramsWithWaitsAndTwoLocationStepsMatchTheClassCounter) {
  // Waits block until a variable is written (blocking that is not a mutex); swaps touch two
  // locations in one step. Truth: the footprint-based brute-force class counter.
  for (std::uint64_t seed = 1; seed <= 2000; ++seed) {
    AccessModel model = wqcheck::testing::random_access_model(seed, true, true);
    wqcheck::testing::ClassCount truth = wqcheck::testing::count_classes(model);
    const std::string what = "random seed " + std::to_string(seed);
    CHECK_EQUAL_TEXT(truth.classes, explore_with(model, Algorithm::kOptimal).stats.executions,
                     ("optimal: " + what).c_str());
    CHECK_EQUAL_TEXT(truth.classes, explore_with(model, Algorithm::kDpor).stats.executions,
                     ("dpor: " + what).c_str());
  }
}
