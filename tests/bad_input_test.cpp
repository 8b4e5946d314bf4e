// The bad-input corpus (tests/bad-input/): every NAME.json there is a malformed or hostile file,
// and NAME.expect says how the real wqcheck executable must react to it. Each file is run as a
// subprocess, as a user would run it; the test fails on a wrong exit code, a missing or
// different message, a crash (a signal), a hang, or a sanitizer report.
//
// NAME.expect, one directive a line ('#' starts a comment):
//   command: check | replay | show | merge  the subcommand (default check)
//   args: ...                        extra arguments before the file; {tmp} is a fresh directory
//   existing: FILE                   create {tmp}/FILE first; it must be unchanged afterwards
//   exit: N                          the exit code (required)
//   error: PATH | MESSAGE            stderr has a line with "FILE: PATH: " (or "FILE: " when PATH
//                                    is empty) followed later on the line by MESSAGE
//   stdout: TEXT / stderr: TEXT      the stream contains TEXT
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <CppUTest/TestHarness.h>

#include "tests/support/subprocess.h"

namespace {

namespace fs = std::filesystem;
using wqcheck::testing::Ended;
using wqcheck::testing::TempDir;

const std::string kCorpus = "tests/bad-input";
const char* const kSentinel = "a file the user wrote; wqcheck must not overwrite it\n";

struct Expectation {
  std::string command = "check";
  std::vector<std::string> args;
  std::vector<std::string> existing;
  int exit_code = -1;
  std::vector<std::pair<std::string, std::string>> errors;  // (JSON path, message)
  std::vector<std::string> stdout_texts;
  std::vector<std::string> stderr_texts;
};

std::string trim(const std::string& s) {
  std::size_t b = s.find_first_not_of(" \t");
  if (b == std::string::npos) return "";
  return s.substr(b, s.find_last_not_of(" \t\r") - b + 1);
}

// Returns "" or a description of what is wrong with the .expect file itself.
std::string parse_expectation(const fs::path& path, Expectation& e) {
  std::ifstream in(path);
  std::string line;
  while (std::getline(in, line)) {
    if (trim(line).empty() || trim(line)[0] == '#') continue;
    std::size_t colon = line.find(':');
    if (colon == std::string::npos) return "a line without 'key:': " + line;
    std::string key = trim(line.substr(0, colon));
    std::string value = trim(line.substr(colon + 1));
    if (key == "command") {
      e.command = value;
    } else if (key == "args") {
      std::istringstream words(value);
      for (std::string w; words >> w;) e.args.push_back(w);
    } else if (key == "existing") {
      e.existing.push_back(value);
    } else if (key == "exit") {
      e.exit_code = std::stoi(value);
    } else if (key == "error") {
      std::size_t bar = value.find('|');
      if (bar == std::string::npos) return "an error: line without 'PATH | MESSAGE'";
      e.errors.emplace_back(trim(value.substr(0, bar)), trim(value.substr(bar + 1)));
    } else if (key == "stdout") {
      e.stdout_texts.push_back(value);
    } else if (key == "stderr") {
      e.stderr_texts.push_back(value);
    } else {
      return "unknown key '" + key + "'";
    }
  }
  if (e.exit_code < 0) return "no 'exit:' line";
  return "";
}

bool has_error_line(const std::string& err, const std::string& prefix, const std::string& message) {
  std::istringstream lines(err);
  for (std::string line; std::getline(lines, line);) {
    std::size_t at = line.find(prefix);
    if (at != std::string::npos && line.find(message, at + prefix.size()) != std::string::npos) return true;
  }
  return false;
}

std::string read_all(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

// Runs one corpus file; returns "" if it behaved as expected, else what went wrong.
std::string run_case(const std::string& name) {
  Expectation e;
  std::string problem = parse_expectation(fs::path(WQCHECK_SOURCE_DIR) / kCorpus / (name + ".expect"), e);
  if (!problem.empty()) return name + ".expect: " + problem;
  TempDir tmp;
  for (const std::string& file : e.existing) std::ofstream(tmp.path() + "/" + file) << kSentinel;
  const std::string input = kCorpus + "/" + name + ".json";
  std::vector<std::string> argv = {std::string(WQCHECK_BINARY_DIR) + "/wqcheck", e.command};
  for (std::string arg : e.args) {
    if (std::size_t at = arg.find("{tmp}"); at != std::string::npos) arg.replace(at, 5, tmp.path());
    argv.push_back(arg);
  }
  argv.push_back(input);
  Ended ended = wqcheck::testing::run_subprocess(argv, WQCHECK_SOURCE_DIR);

  std::string failures;
  auto fail = [&](const std::string& what) { failures += "\n  " + what; };
  if (ended.timed_out || ended.signal != 0 || ended.exit_code != e.exit_code) {
    fail("expected exit " + std::to_string(e.exit_code) + ", got " + ended.how());
  }
  for (const char* report : {"AddressSanitizer", "LeakSanitizer", "runtime error:", "terminate called"}) {
    if (ended.err.find(report) != std::string::npos) fail(std::string("stderr has a report: ") + report);
  }
  for (const auto& [path, message] : e.errors) {
    std::string prefix = input + ": " + (path.empty() ? "" : path + ": ");
    if (!has_error_line(ended.err, prefix, message)) fail("no error \"" + prefix + "..." + message + "\"");
  }
  for (const std::string& text : e.stdout_texts) {
    if (ended.out.find(text) == std::string::npos) fail("stdout lacks \"" + text + "\"");
  }
  for (const std::string& text : e.stderr_texts) {
    if (ended.err.find(text) == std::string::npos) fail("stderr lacks \"" + text + "\"");
  }
  for (const std::string& file : e.existing) {
    if (read_all(tmp.path() + "/" + file) != kSentinel) fail("overwrote the existing " + file);
  }
  if (failures.empty()) return "";
  return name + ":" + failures + "\n  stdout: " + ended.out.substr(0, 400) + "\n  stderr: " + ended.err.substr(0, 400);
}

std::vector<std::string> corpus_names(const std::string& extension) {
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(fs::path(WQCHECK_SOURCE_DIR) / kCorpus)) {
    if (entry.path().extension() == extension) names.push_back(entry.path().stem().string());
  }
  std::sort(names.begin(), names.end());
  return names;
}

}  // namespace

TEST_GROUP(BadInput){};

TEST(BadInput, EveryFileHasAnExpectationAndTheCorpusIsLarge) {
  std::vector<std::string> inputs = corpus_names(".json");
  std::vector<std::string> expects = corpus_names(".expect");
  CHECK_TRUE(inputs == expects);
  CHECK_TRUE(inputs.size() >= 50);
}

TEST(BadInput, EveryFileGetsItsExpectedErrorAndExitCode) {
  std::string report;
  std::vector<std::string> names = corpus_names(".expect");
  for (const std::string& name : names) {
    std::string failure = run_case(name);
    if (!failure.empty()) report += failure + "\n";
  }
  if (!report.empty()) FAIL(report.c_str());
}
