// `wqcheck regress`: verdicts and execution counts compared with each file's expect, exit codes,
// and the JUnit report.
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <CppUTest/TestHarness.h>

#include "cli/cli_app.h"

namespace fs = std::filesystem;

namespace {

// Two writers of x: 2! = 2 traces.
const char* kWriters = R"({"shared": {"x": 0}, "threads": [{"name": "w", "count": 2, "code": [
    {"op": "store", "var": "x", "value": "tid + 1"}]}], "expect": {"verdict": "safe", "executions": %}})";

std::string writers(int executions) {
  std::string text = kWriters;
  text.replace(text.find('%'), 1, std::to_string(executions));
  return text;
}

struct Run {
  int code;
  std::string out;
  std::string err;
};

Run regress(std::vector<std::string> args) {
  std::vector<const char*> argv{"wqcheck", "regress"};
  for (const std::string& a : args) argv.push_back(a.c_str());
  std::ostringstream out, err;
  int code = wqcheck::run_cli(static_cast<int>(argv.size()), argv.data(), out, err);
  return Run{code, out.str(), err.str()};
}

bool contains(const std::string& s, const std::string& part) { return s.find(part) != std::string::npos; }

fs::path fresh_dir(const std::string& name) {
  fs::path dir = fs::path(WQCHECK_BINARY_DIR) / "regress_test" / name;
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

}  // namespace

TEST_GROUP(Regress){};

TEST(Regress, AsExpectedExitsZero) {
  fs::path dir = fresh_dir("good");
  std::ofstream(dir / "writers.json") << writers(2);
  Run r = regress({dir.string()});
  LONGS_EQUAL(0, r.code);
  CHECK(contains(r.out, "1 passed, 0 failed"));
}

TEST(Regress, AWrongCountFailsAndSaysWhy) {
  fs::path dir = fresh_dir("bad");
  std::ofstream(dir / "a.json") << writers(2);
  std::ofstream(dir / "b.json") << writers(3);
  fs::path junit = dir.parent_path() / "bad.xml";
  Run r = regress({dir.string(), "--junit", junit.string()});
  LONGS_EQUAL(1, r.code);
  CHECK(contains(r.out, "executions: expected 3, got 2"));
  CHECK(contains(r.out, "1 passed, 1 failed"));
  std::ifstream in(junit);
  std::stringstream xml;
  xml << in.rdbuf();
  CHECK(contains(xml.str(), "failures=\"1\""));
  CHECK(contains(xml.str(), "expected 3, got 2"));
}

TEST(Regress, AWrongVerdictFails) {
  fs::path dir = fresh_dir("verdict");
  std::ofstream(dir / "deadlock.json") << R"({"locks": ["a", "b"], "threads": [
      {"name": "p", "code": [{"op": "lock", "lock": "a"}, {"op": "lock", "lock": "b"}]},
      {"name": "q", "code": [{"op": "lock", "lock": "b"}, {"op": "lock", "lock": "a"}]}],
      "expect": {"verdict": "safe"}})";
  Run r = regress({dir.string()});
  LONGS_EQUAL(1, r.code);
  CHECK(contains(r.out, "deadlock: expected holds, got violated"));
}

TEST(Regress, BadInputAndMissingDirectoriesExitTwo) {
  fs::path dir = fresh_dir("input");
  std::ofstream(dir / "broken.json") << "{ not json";
  Run r = regress({dir.string()});
  LONGS_EQUAL(2, r.code);
  CHECK(contains(r.err, "broken.json"));
  Run missing = regress({(dir / "nowhere").string()});
  LONGS_EQUAL(2, missing.code);
  CHECK(contains(missing.err, "not a directory"));
}
