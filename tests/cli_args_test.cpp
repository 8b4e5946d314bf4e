// The command line's handling of bad arguments and bad files: exit code 2 and a message that
// names what is wrong.
#include <sstream>
#include <string>
#include <vector>

#include <CppUTest/TestHarness.h>

#include "cli/cli_app.h"

namespace {

struct Run {
  int code;
  std::string out;
  std::string err;
};

Run invoke(std::vector<const char*> args) {
  args.insert(args.begin(), "wqcheck");
  std::ostringstream out;
  std::ostringstream err;
  int code = wqcheck::run_cli(static_cast<int>(args.size()), args.data(), out, err);
  return Run{code, out.str(), err.str()};
}

bool contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

}  // namespace

TEST_GROUP(CliArgs){};

TEST(CliArgs, NoSubcommandIsAUsageError) {
  Run r = invoke({});
  LONGS_EQUAL(2, r.code);
  CHECK(contains(r.err, "subcommand"));
}

TEST(CliArgs, UnknownSubcommandIsAUsageError) {
  Run r = invoke({"frobnicate"});
  LONGS_EQUAL(2, r.code);
  CHECK(contains(r.err, "frobnicate"));
}

TEST(CliArgs, UnknownOptionIsAUsageError) {
  Run r = invoke({"check", "--no-such-option", "x.json"});
  LONGS_EQUAL(2, r.code);
  CHECK(contains(r.err, "--no-such-option"));
}

TEST(CliArgs, CheckWithoutFilesIsAUsageError) {
  Run r = invoke({"check"});
  LONGS_EQUAL(2, r.code);
  CHECK(contains(r.err, "files"));
}

TEST(CliArgs, UnknownAlgorithmNamesTheChoices) {
  Run r = invoke({"check", "--algorithm", "telepathy", "x.json"});
  LONGS_EQUAL(2, r.code);
  CHECK(contains(r.err, "telepathy"));
  CHECK(contains(r.err, "dfs"));
}

TEST(CliArgs, NonNumericBoundIsAUsageError) {
  Run r = invoke({"check", "--max-executions", "many", "x.json"});
  LONGS_EQUAL(2, r.code);
  CHECK(contains(r.err, "many"));
}

TEST(CliArgs, MissingFileIsNamed) {
  Run r = invoke({"check", "/nonexistent/scenario.json"});
  LONGS_EQUAL(2, r.code);
  CHECK(contains(r.err, "/nonexistent/scenario.json"));
  CHECK(contains(r.err, "cannot open"));
}

TEST(CliArgs, HelpAndVersionSucceed) {
  Run help = invoke({"--help"});
  LONGS_EQUAL(0, help.code);
  CHECK(contains(help.out, "check"));
  CHECK(contains(help.out, "regress"));
  Run version = invoke({"--version"});
  LONGS_EQUAL(0, version.code);
  CHECK(contains(version.out, "wqcheck"));
}
