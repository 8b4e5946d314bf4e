// The program interpreter as a Model: step grouping, blocking, footprints, assume/assert and
// run-time errors, on tiny programs whose behaviour is worked out by hand in each test.
#include <CppUTest/TestHarness.h>

#include <string>

#include <nlohmann/json.hpp>

#include "explorer/explore.h"
#include "tests/support/program_loading.h"

using namespace wqcheck;
using wqcheck::testing::load_program_text;

namespace {

Event step(const Model& model, State& state, ActorId actor) {
  CHECK(model.status(state, actor) == ActorStatus::kEnabled);
  Event e;
  model.step(state, actor, e);
  return e;
}

Result dfs(const Model& model, bool keep_going = true) {
  Options options;
  options.algorithm = Algorithm::kDfs;
  options.keep_going = keep_going;
  return explore(model, options);
}

Status status_of(const Result& r, const std::string& name) {
  for (const PropertyResult& p : r.properties) {
    if (p.name == name) return p.status;
  }
  FAIL(("no property " + name).c_str());
  return Status::kUnknown;
}

std::string error_of(const Model& model, const State& state) {
  nlohmann::json j = model.state_json(state);
  return j.contains("error") ? j["error"].get<std::string>() : "";
}

bool contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

}  // namespace

TEST_GROUP(ProgramInterpreter){};

TEST(ProgramInterpreter, AStepIsOneVisibleInstructionPlusTheInvisibleOnesAfterIt) {
  ModelFile f = load_program_text(R"({"shared": {"x": 5, "y": 0}, "threads": [{"name": "t", "code": [
      {"op": "set", "reg": "a", "expr": 1},
      {"op": "load", "reg": "v", "var": "x"},
      {"op": "set", "reg": "a", "expr": "a + v"},
      {"op": "set", "reg": "b", "expr": "a * 2"},
      {"op": "store", "var": "y", "value": "b"},
      {"op": "set", "reg": "c", "expr": 9}]}]})");
  const Model& m = *f.model;
  auto s = m.initial();
  nlohmann::json j = m.state_json(*s);
  CHECK_EQUAL(1, j["threads"][0]["registers"]["a"].get<int>());  // the prefix ran in the initial state
  CHECK_EQUAL(1, j["threads"][0]["pc"].get<int>());
  step(m, *s, 0);
  j = m.state_json(*s);
  CHECK_EQUAL(6, j["threads"][0]["registers"]["a"].get<int>());
  CHECK_EQUAL(12, j["threads"][0]["registers"]["b"].get<int>());
  CHECK_EQUAL(4, j["threads"][0]["pc"].get<int>());
  step(m, *s, 0);
  j = m.state_json(*s);
  CHECK_EQUAL(12, j["shared"]["y"].get<int>());
  CHECK_EQUAL(9, j["threads"][0]["registers"]["c"].get<int>());
  CHECK(j["threads"][0]["pc"] == "end");
  CHECK(m.status(*s, 0) == ActorStatus::kFinished);
}

TEST(ProgramInterpreter, TwoAndThreeIndependentStepsInterleaveTenWays) {
  // C(5,2) = 10 interleavings of 2 + 3 steps.
  ModelFile f = load_program_text(R"({"shared": {"x": 0, "y": 0}, "threads": [
      {"name": "a", "code": [{"op": "store", "var": "x", "value": 1}, {"op": "store", "var": "x", "value": 2}]},
      {"name": "b", "code": [{"op": "load", "reg": "r", "var": "y"}, {"op": "store", "var": "y", "value": 1},
                             {"op": "fetch_add", "var": "y", "value": 1}]}]})");
  Result r = dfs(*f.model);
  LONGS_EQUAL(10, r.stats.executions);
  STRCMP_EQUAL("safe", r.verdict().c_str());
}

TEST(ProgramInterpreter, CopiesAreNamedAndNumbered) {
  ModelFile f = load_program_text(R"({"shared": {"a": [0, 0, 0]}, "threads": [
      {"name": "solo", "code": [{"op": "store", "var": "a", "index": "tid", "value": 7}]},
      {"name": "w", "count": 2, "code": [{"op": "store", "var": "a", "index": "tid + 1", "value": "tid + 10"}]}]})");
  const Model& m = *f.model;
  LONGS_EQUAL(3, m.actor_count());
  STRCMP_EQUAL("solo", m.actor_name(0).c_str());
  STRCMP_EQUAL("w[0]", m.actor_name(1).c_str());
  STRCMP_EQUAL("w[1]", m.actor_name(2).c_str());
  auto s = m.initial();
  Event e0 = step(m, *s, 0), e1 = step(m, *s, 1), e2 = step(m, *s, 2);
  CHECK(m.state_json(*s)["shared"]["a"] == nlohmann::json({7, 10, 11}));
  STRCMP_EQUAL("a[0]", m.location_name(e0.footprint.accesses()[0].loc).c_str());
  STRCMP_EQUAL("a[2]", m.location_name(e2.footprint.accesses()[0].loc).c_str());
  CHECK(e1.footprint.accesses()[0].write);
}

TEST(ProgramInterpreter, AThreadWaitingForAHeldMutexIsBlockedOnIt) {
  ModelFile f = load_program_text(R"({"shared": {"x": 0}, "locks": {"L": 2}, "threads": [
      {"name": "a", "code": [{"op": "lock", "lock": "L", "index": 1}, {"op": "store", "var": "x", "value": 1},
                             {"op": "unlock", "lock": "L", "index": 1}]},
      {"name": "b", "code": [{"op": "lock", "lock": "L", "index": 1}]}]})");
  const Model& m = *f.model;
  auto s = m.initial();
  Event lock = step(m, *s, 0);
  LONGS_EQUAL(1, lock.footprint.accesses().size());
  CHECK(lock.footprint.accesses()[0].write);
  STRCMP_EQUAL("L[1]", m.location_name(lock.footprint.accesses()[0].loc).c_str());
  CHECK(m.status(*s, 1) == ActorStatus::kBlocked);
  Footprint waits;
  m.blocking_footprint(*s, 1, waits);
  LONGS_EQUAL(1, waits.accesses().size());
  CHECK_FALSE(waits.accesses()[0].write);
  CHECK(waits.accesses()[0].loc == lock.footprint.accesses()[0].loc);
  step(m, *s, 0);
  CHECK(m.status(*s, 1) == ActorStatus::kBlocked);
  Event unlock = step(m, *s, 0);
  CHECK(unlock.footprint.conflicts_with(waits));
  CHECK(m.status(*s, 1) == ActorStatus::kEnabled);
  CHECK(m.state_json(*s)["locks"]["L"] == nlohmann::json({nullptr, nullptr}));
  step(m, *s, 1);
  CHECK(m.state_json(*s)["locks"]["L"] == nlohmann::json({nullptr, "b"}));
}

TEST(ProgramInterpreter, ASuccessfulCasWritesAndAFailedOneReads) {
  ModelFile f = load_program_text(R"({"shared": {"x": 0}, "threads": [
      {"name": "a", "code": [{"op": "cas", "var": "x", "expected": 0, "desired": 1, "reg": "ok"}]},
      {"name": "b", "code": [{"op": "cas", "var": "x", "expected": 0, "desired": 2, "reg": "ok"}]}]})");
  const Model& m = *f.model;
  auto s = m.initial();
  Event won = step(m, *s, 0);
  Event lost = step(m, *s, 1);
  CHECK(won.footprint.accesses()[0].write);
  CHECK_FALSE(lost.footprint.accesses()[0].write);
  nlohmann::json j = m.state_json(*s);
  CHECK_EQUAL(1, j["shared"]["x"].get<int>());
  CHECK_EQUAL(1, j["threads"][0]["registers"]["ok"].get<int>());
  CHECK_EQUAL(0, j["threads"][1]["registers"]["ok"].get<int>());
}

TEST(ProgramInterpreter, FetchAddAndExchangeReturnTheOldValue) {
  ModelFile f = load_program_text(R"({"shared": {"x": 5}, "threads": [{"name": "a", "code": [
      {"op": "fetch_add", "var": "x", "value": 3, "reg": "old"},
      {"op": "exchange", "var": "x", "value": -1, "reg": "prev"}]}]})");
  const Model& m = *f.model;
  auto s = m.initial();
  CHECK(step(m, *s, 0).footprint.accesses()[0].write);
  CHECK(step(m, *s, 0).footprint.accesses()[0].write);
  nlohmann::json j = m.state_json(*s);
  CHECK_EQUAL(-1, j["shared"]["x"].get<int>());
  CHECK_EQUAL(5, j["threads"][0]["registers"]["old"].get<int>());
  CHECK_EQUAL(8, j["threads"][0]["registers"]["prev"].get<int>());
}

TEST(ProgramInterpreter, AFailedAssumeDiscardsTheExecution) {
  // b reads 1 only after a's store: of the 2 interleavings, the one reading 0 is discarded.
  ModelFile f = load_program_text(R"({"shared": {"x": 0}, "threads": [
      {"name": "a", "code": [{"op": "store", "var": "x", "value": 1}]},
      {"name": "b", "code": [{"op": "load", "reg": "v", "var": "x"}, {"op": "assume", "cond": "v == 1"}]}]})");
  Result r = dfs(*f.model);
  LONGS_EQUAL(1, r.stats.executions);
  LONGS_EQUAL(1, r.stats.assume_blocked);
  ModelFile g = load_program_text(R"({"threads": [{"name": "a", "code": [{"op": "assume", "cond": 0}]}]})");
  CHECK(g.model->discarded(*g.model->initial()));
}

TEST(ProgramInterpreter, AFailedAssertIsAViolationOfTheStepThatRanIt) {
  ModelFile f = load_program_text(R"({"shared": {"x": 0}, "threads": [
      {"name": "a", "code": [{"op": "store", "var": "x", "value": 1}]},
      {"name": "b", "code": [{"op": "load", "reg": "v", "var": "x"}, {"op": "assert", "cond": "v == 0"}]}]})");
  const Model& m = *f.model;
  auto s = m.initial();
  LONGS_EQUAL(0, m.violations(*s));
  step(m, *s, 0);
  LONGS_EQUAL(0, m.violations(*s));
  step(m, *s, 1);
  LONGS_EQUAL(1, m.violations(*s));  // bit 0: assertion
  CHECK(contains(error_of(m, *s), "thread b"));
  CHECK(contains(error_of(m, *s), "assertion failed: v == 0"));
  Result r = dfs(m);
  CHECK(status_of(r, "assertion") == Status::kViolated);
  CHECK(status_of(r, "deadlock") == Status::kHolds);
  LONGS_EQUAL(2, r.stats.executions);  // both interleavings count, one of them violating
}

TEST(ProgramInterpreter, AnAssertFailingInThePrefixActsInTheInitialState) {
  ModelFile f = load_program_text(R"({"threads": [{"name": "a", "locals": {"i": 3}, "code": [
      {"op": "assert", "cond": "i < 3"}]}]})");
  LONGS_EQUAL(1, f.model->violations(*f.model->initial()));
}

TEST(ProgramInterpreter, OppositeLockOrdersDeadlock) {
  ModelFile f = load_program_text(R"({"locks": ["m", "n"], "threads": [
      {"name": "a", "code": [{"op": "lock", "lock": "m"}, {"op": "lock", "lock": "n"},
                             {"op": "unlock", "lock": "n"}, {"op": "unlock", "lock": "m"}]},
      {"name": "b", "code": [{"op": "lock", "lock": "n"}, {"op": "lock", "lock": "m"},
                             {"op": "unlock", "lock": "m"}, {"op": "unlock", "lock": "n"}]}]})");
  Result r = dfs(*f.model);
  CHECK(status_of(r, "deadlock") == Status::kViolated);
  // By hand: if a locks m first, then either b locks n (deadlock) or a takes n too; after a
  // unlocks n, either a unlocks m and b runs alone, or b locks n first and a then unlocks m: 3
  // executions, one deadlocked. Symmetrically 3 more when b starts: 6 executions, 2 deadlocked.
  LONGS_EQUAL(6, r.stats.executions);
  LONGS_EQUAL(2, r.stats.deadlocked);
}

TEST(ProgramInterpreter, AThreadMayFinishHoldingAMutex) {
  ModelFile f = load_program_text(R"({"locks": ["m"], "threads": [
      {"name": "a", "code": [{"op": "lock", "lock": "m"}]},
      {"name": "b", "code": [{"op": "lock", "lock": "m"}]}]})");
  Result r = dfs(*f.model);
  LONGS_EQUAL(2, r.stats.executions);
  LONGS_EQUAL(2, r.stats.deadlocked);  // whoever locks second waits forever
  CHECK(status_of(r, "program-error") == Status::kHolds);
}

namespace {

// Runs the single-thread program to its first error and returns the message.
std::string run_to_error(const std::string& text) {
  ModelFile f = load_program_text(text);
  const Model& m = *f.model;
  auto s = m.initial();
  while (m.violations(*s) == 0 && m.status(*s, 0) == ActorStatus::kEnabled) step(m, *s, 0);
  LONGS_EQUAL(4, m.violations(*s));  // bit 2: program-error
  return error_of(m, *s);
}

}  // namespace

TEST(ProgramInterpreter, RunTimeErrorsNameThreadInstructionAndValues) {
  std::string e = run_to_error(R"({"shared": {"x": 0}, "threads": [{"name": "t", "code": [
      {"op": "load", "reg": "v", "var": "x"}, {"op": "set", "reg": "q", "expr": "10 / v"}]}]})");
  CHECK(contains(e, "thread t, instruction 1 (threads[0].code[1])"));
  CHECK(contains(e, "division by zero in 10 / 0"));

  e = run_to_error(R"({"shared": {"a": [0, 0]}, "threads": [{"name": "t", "locals": {"i": 2}, "code": [
      {"op": "store", "var": "a", "index": "i", "value": 1}]}]})");
  CHECK(contains(e, "index 2 is out of range for array a of size 2"));

  e = run_to_error(R"({"locks": ["m"], "threads": [{"name": "t", "code": [{"op": "unlock", "lock": "m"}]}]})");
  CHECK(contains(e, "unlock of m, which this thread does not hold (it is free)"));

  e = run_to_error(R"({"locks": ["m"], "threads": [{"name": "t", "code": [
      {"op": "lock", "lock": "m"}, {"op": "lock", "lock": "m"}]}]})");
  CHECK(contains(e, "lock of m, which this thread already holds"));

  e = run_to_error(R"({"shared": {"x": 9223372036854775807}, "threads": [{"name": "t", "code": [
      {"op": "fetch_add", "var": "x", "value": 1}]}]})");
  CHECK(contains(e, "overflow in 9223372036854775807 + 1"));

  e = run_to_error(R"({"shared": {"x": 0}, "threads": [{"name": "t", "code": [
      {"op": "load", "reg": "v", "var": "x"}, {"label": "spin", "op": "goto", "to": "spin"}]}]})");
  CHECK(contains(e, "more than 10000 invisible instructions"));
}

TEST(ProgramInterpreter, UnlockingAnotherThreadsMutexIsAnError) {
  ModelFile f = load_program_text(R"({"locks": ["m"], "threads": [
      {"name": "a", "code": [{"op": "lock", "lock": "m"}]},
      {"name": "b", "code": [{"op": "unlock", "lock": "m"}]}]})");
  const Model& m = *f.model;
  auto s = m.initial();
  step(m, *s, 0);
  step(m, *s, 1);
  CHECK(contains(error_of(m, *s), "held by a"));
  Result r = dfs(m);
  CHECK(status_of(r, "program-error") == Status::kViolated);
}

TEST(ProgramInterpreter, StatesCopyCompareAndHashByValue) {
  ModelFile f = load_program_text(R"({"shared": {"x": 0, "y": 0}, "threads": [
      {"name": "a", "code": [{"op": "store", "var": "x", "value": 1}]},
      {"name": "b", "code": [{"op": "store", "var": "y", "value": 1}]}]})");
  const Model& m = *f.model;
  auto ab = m.initial();
  auto ba = m.initial();
  step(m, *ab, 0);
  step(m, *ab, 1);
  step(m, *ba, 1);
  CHECK_FALSE(ab->equals(*ba));
  step(m, *ba, 0);
  CHECK(ab->equals(*ba));
  CHECK(ab->hash() == ba->hash());
  auto copy = m.initial();
  copy->assign(*ab);
  CHECK(copy->equals(*ab));
}
