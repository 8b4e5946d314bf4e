// Resource bounds and Ctrl-C, through the real executable: a time limit, a memory limit, an
// execution bound and a SIGINT each end a run that would otherwise take hours (dfs on
// lastzero-15, bfs on the same) cleanly: exit 0, verdict "unknown" for every property,
// stopped_because saying why, and the statistics explored so far.
#include <signal.h>

#include <string>
#include <vector>

#include <CppUTest/TestHarness.h>
#include <nlohmann/json.hpp>

#include "tests/support/subprocess.h"

namespace {

using wqcheck::testing::Ended;
using wqcheck::testing::Subprocess;

const std::string kBig = "programs/lastzero-15.json";

std::vector<std::string> check_args(std::vector<std::string> options) {
  std::vector<std::string> argv = {std::string(WQCHECK_BINARY_DIR) + "/wqcheck", "check"};
  argv.insert(argv.end(), options.begin(), options.end());
  return argv;
}

// The one JSON object a --json check of one file prints, after checking it ended cleanly as
// "unknown" and said why.
nlohmann::json unknown_result(const Ended& ended, const std::string& because) {
  if (ended.timed_out || ended.signal != 0 || ended.exit_code != 0) {
    FAIL(("expected exit 0, got " + ended.how() + "\nstderr: " + ended.err).c_str());
  }
  nlohmann::json j = nlohmann::json::parse(ended.out);
  STRCMP_EQUAL("unknown", j["verdict"].get<std::string>().c_str());
  for (const auto& property : j["properties"]) {
    STRCMP_EQUAL("unknown", property["status"].get<std::string>().c_str());
  }
  std::string why = j["stopped_because"].get<std::string>();
  CHECK_TEXT(why.find(because) != std::string::npos, why.c_str());
  return j;
}

// Starts a check, waits until it is visibly exploring (its progress line), sends SIGINT.
Ended interrupt(const std::vector<std::string>& options) {
  Subprocess child(check_args(options), WQCHECK_SOURCE_DIR);
  CHECK_TRUE(child.wait_for_stderr("executions", std::chrono::seconds(120)));
  child.send(SIGINT);
  return child.wait(std::chrono::seconds(120));
}

}  // namespace

TEST_GROUP(Interrupt){};

TEST(Interrupt, TimeLimitEndsWithUnknownAndTheStatisticsSoFar) {
  Ended ended = wqcheck::testing::run_subprocess(
      check_args({"--json", "--algorithm", "dfs", "--time-limit", "0.2", kBig}), WQCHECK_SOURCE_DIR);
  nlohmann::json j = unknown_result(ended, "time limit 0.2 s reached");
  CHECK_TRUE(j["stats"]["executions"].get<std::uint64_t>() > 0);
  CHECK_TRUE(j["stats"]["transitions"].get<std::uint64_t>() > 0);
}

TEST(Interrupt, MemoryLimitEndsWithUnknown) {
  // Every process has more than 1 MB resident, so the first check of the limit cuts the run.
  Ended ended = wqcheck::testing::run_subprocess(
      check_args({"--json", "--algorithm", "dfs", "--max-memory", "1", kBig}), WQCHECK_SOURCE_DIR);
  unknown_result(ended, "memory limit 1 MB reached");
}

TEST(Interrupt, BfsHonoursTheMemoryLimitWhileExpandingALevel) {
  // bfs reaches no complete execution of lastzero-15 for millions of states; it used to check
  // its limits only when one ended, and ran out of memory.
  Ended ended = wqcheck::testing::run_subprocess(
      check_args({"--json", "--algorithm", "bfs", "--max-memory", "200", kBig}), WQCHECK_SOURCE_DIR);
  nlohmann::json j = unknown_result(ended, "memory limit 200 MB reached");
  CHECK_TRUE(j["stats"]["states"].get<std::uint64_t>() > 0);
}

TEST(Interrupt, ExecutionBoundStopsAtExactlyThatMany) {
  Ended ended = wqcheck::testing::run_subprocess(
      check_args({"--json", "--algorithm", "dfs", "--max-executions", "10", kBig}), WQCHECK_SOURCE_DIR);
  nlohmann::json j = unknown_result(ended, "execution bound 10 reached");
  // dfs on lastzero has no blocked executions: every one of the 10 runs is a complete one.
  LONGS_EQUAL(10, j["stats"]["executions"].get<std::uint64_t>());
}

TEST(Interrupt, SigintEndsADfsRunCleanly) {
  Ended ended = interrupt({"--json", "--progress", "--algorithm", "dfs", kBig});
  nlohmann::json j = unknown_result(ended, "interrupted");
  CHECK_TRUE(j["stats"]["executions"].get<std::uint64_t>() > 0);
}

TEST(Interrupt, SigintEndsABfsRunCleanly) {
  Ended ended = interrupt({"--json", "--progress", "--algorithm", "bfs", kBig});
  nlohmann::json j = unknown_result(ended, "interrupted");
  CHECK_TRUE(j["stats"]["states"].get<std::uint64_t>() > 0);
}

TEST(Interrupt, SigintPrintsWhatWasExploredAndSkipsTheRemainingFiles) {
  Ended ended = interrupt({"--progress", "--algorithm", "dfs", kBig, "programs/lastzero-4.json"});
  LONGS_EQUAL(0, ended.exit_code);
  CHECK(ended.out.find(kBig + ": unknown (dfs)") != std::string::npos);
  CHECK(ended.out.find("not exhaustive: interrupted") != std::string::npos);
  CHECK(ended.out.find("executions ") != std::string::npos);
  CHECK(ended.out.find("lastzero-4") == std::string::npos);
  CHECK(ended.err.find("interrupted; 1 file(s) not checked") != std::string::npos);
}

TEST(Interrupt, SigintEndsAParallelDporRunCleanly) {
  // Two threads exploring units; the monitor thread sees the flag and stops both.
  Ended ended = interrupt({"--json", "--progress", "--algorithm", "dpor", "--jobs", "2", kBig});
  nlohmann::json j = unknown_result(ended, "interrupted");
  CHECK_TRUE(j["stats"]["executions"].get<std::uint64_t>() > 0);
}

TEST(Interrupt, BoundsEndAParallelOptimalRunWithUnknown) {
  Ended timed = wqcheck::testing::run_subprocess(
      check_args({"--json", "--algorithm", "optimal", "--jobs", "2", "--time-limit", "0.3", kBig}), WQCHECK_SOURCE_DIR);
  unknown_result(timed, "time limit 0.3 s reached");
  Ended memory = wqcheck::testing::run_subprocess(
      check_args({"--json", "--algorithm", "optimal", "--jobs", "2", "--max-memory", "1", kBig}), WQCHECK_SOURCE_DIR);
  unknown_result(memory, "memory limit 1 MB reached");
  Ended counted = wqcheck::testing::run_subprocess(
      check_args({"--json", "--algorithm", "optimal", "--jobs", "2", "--max-executions", "1000", kBig}),
      WQCHECK_SOURCE_DIR);
  unknown_result(counted, "execution bound 1000 reached");
}
