// The test-only brute-force trace counter and the random program generator that the lead uses to
// cross-check DPOR: the counter on programs whose traces are counted by hand, and both on random
// programs (the counter must agree with dfs on interleavings and must not depend on thread order).
#include <CppUTest/TestHarness.h>

#include <string>

#include "explorer/explore.h"
#include "tests/support/class_counter.h"
#include "tests/support/program_loading.h"
#include "tests/support/random_program.h"

using namespace wqcheck;
using wqcheck::testing::count_classes;
using wqcheck::testing::load_program_text;
using wqcheck::testing::random_program;

namespace {

std::uint64_t classes_of(const std::string& text) {
  ModelFile f = load_program_text(text);
  return count_classes(*f.model).classes;
}

ModelFile load_json(const nlohmann::json& j) {
  LoadResult r = load_model_document(j, "random.json");
  if (auto* e = std::get_if<InputError>(&r)) FAIL(e->to_string().c_str());
  return std::move(std::get<ModelFile>(r));
}

}  // namespace

TEST_GROUP(ClassCounter){};

TEST(ClassCounter, TwoReadersAndAWriterGiveFourTraces) {
  LONGS_EQUAL(4, classes_of(R"({"shared": {"x": 0}, "threads": [
      {"name": "w", "code": [{"op": "store", "var": "x", "value": 1}]},
      {"name": "r", "count": 2, "code": [{"op": "load", "reg": "v", "var": "x"}]}]})"));
}

TEST(ClassCounter, TwoWritersOfOneVariableGiveTwoTraces) {
  LONGS_EQUAL(2, classes_of(R"({"shared": {"x": 0}, "threads": [
      {"name": "w", "count": 2, "code": [{"op": "store", "var": "x", "value": "tid"}]}]})"));
}

TEST(ClassCounter, DisjointVariablesGiveOneTrace) {
  LONGS_EQUAL(1, classes_of(R"({"shared": {"x": 0, "y": 0}, "threads": [
      {"name": "a", "code": [{"op": "store", "var": "x", "value": 1}, {"op": "load", "reg": "v", "var": "x"}]},
      {"name": "b", "code": [{"op": "store", "var": "y", "value": 1}, {"op": "load", "reg": "v", "var": "y"}]}]})"));
}

TEST(ClassCounter, ReadsOfTheSameVariableCommute) {
  LONGS_EQUAL(1, classes_of(R"({"shared": {"x": 0}, "threads": [
      {"name": "r", "count": 3, "code": [{"op": "load", "reg": "v", "var": "x"}]}]})"));
}

TEST(ClassCounter, DeadlocksCountAndDiscardedExecutionsDoNot) {
  ModelFile f = load_program_text(R"({"locks": ["m", "n"], "threads": [
      {"name": "a", "code": [{"op": "lock", "lock": "m"}, {"op": "lock", "lock": "n"}]},
      {"name": "b", "code": [{"op": "lock", "lock": "n"}, {"op": "lock", "lock": "m"}]}]})");
  wqcheck::testing::ClassCount c = count_classes(*f.model);
  // Nobody unlocks, so every execution deadlocks: a takes both (b waits), b takes both, or one
  // each -- the last in two interleavings (a's lock m and b's lock n commute): 3 traces, 4
  // interleavings.
  LONGS_EQUAL(3, c.classes);
  LONGS_EQUAL(4, c.executions);
  LONGS_EQUAL(4, c.deadlocked);
  ModelFile g = load_program_text(R"({"shared": {"x": 0}, "threads": [
      {"name": "a", "code": [{"op": "store", "var": "x", "value": 1}]},
      {"name": "b", "code": [{"op": "load", "reg": "v", "var": "x"}, {"op": "assume", "cond": "v == 1"}]}]})");
  wqcheck::testing::ClassCount d = count_classes(*g.model);
  LONGS_EQUAL(1, d.classes);
  LONGS_EQUAL(1, d.discarded);
}

TEST(ClassCounter, RandomProgramsAreDeterministicAndWellFormed) {
  CHECK(random_program(7) == random_program(7));
  CHECK(random_program(7) != random_program(8));
  for (std::uint64_t seed = 0; seed < 300; ++seed) {
    ModelFile f = load_json(random_program(seed));
    CHECK(f.model->actor_count() >= 2 && f.model->actor_count() <= 3);
  }
}

TEST(ClassCounter, OnRandomProgramsTheCounterAgreesWithDfsAndIgnoresThreadOrder) {
  for (std::uint64_t seed = 0; seed < 300; ++seed) {
    nlohmann::json program = random_program(seed);
    ModelFile f = load_json(program);
    wqcheck::testing::ClassCount c = count_classes(*f.model);
    Options options;
    options.algorithm = Algorithm::kDfs;
    options.keep_going = true;
    Result r = explore(*f.model, options);
    LONGS_EQUAL(r.stats.executions, c.executions);
    LONGS_EQUAL(r.stats.assume_blocked, c.discarded);
    CHECK(c.classes >= 1 || c.executions == 0);
    CHECK(c.classes <= c.executions);
    // The same threads listed in reverse order are the same program: same number of traces.
    nlohmann::json reversed = program;
    std::reverse(reversed["threads"].begin(), reversed["threads"].end());
    ModelFile g = load_json(reversed);
    wqcheck::testing::ClassCount d = count_classes(*g.model);
    if (c.classes != d.classes) FAIL(("seed " + std::to_string(seed) + ": order changes the count").c_str());
  }
}
