// Reading program files: what is accepted, and for bad input an error naming the JSON path and
// what was expected (with a suggestion for a misspelt name).
#include <CppUTest/TestHarness.h>

#include <string>

#include "tests/support/program_loading.h"

using namespace wqcheck;
using wqcheck::testing::load_error;
using wqcheck::testing::load_program_text;

namespace {

bool contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

// Checks that `text` is rejected at `path` with a message containing `words`.
void check_rejected(const std::string& text, const std::string& path, const std::string& words) {
  InputError e = load_error(text);
  if (e.message.empty()) FAIL(("accepted: " + text).c_str());
  if (e.path != path || !contains(e.message, words)) FAIL(e.to_string().c_str());
  STRCMP_EQUAL("bad.json", e.file.c_str());
}

const char* kThreadStart = R"({"shared": {"x": 0, "a": [0, 0]}, "locks": ["m"], "threads": [)";

std::string with_code(const std::string& code) {
  return std::string(kThreadStart) + R"({"name": "t", "code": [)" + code + "]}]}";
}

}  // namespace

TEST_GROUP(ProgramReader){};

TEST(ProgramReader, TheFormatDocumentsExampleLoads) {
  ModelFile f = load_program_text(R"({
    "name": "lastzero-3", "description": "POPL'14 lastzero with N=3",
    "shared": { "a": [0, 0, 0, 0], "flag": 0 }, "locks": ["m"],
    "threads": [
      { "name": "reader", "locals": { "i": 3 }, "code": [
          { "label": "loop", "op": "load", "reg": "v", "var": "a", "index": "i" },
          { "op": "branch", "if": "v == 0", "goto": "done" },
          { "op": "set", "reg": "i", "expr": "i - 1" },
          { "op": "goto", "to": "loop" },
          { "label": "done", "op": "assert", "cond": "i >= 0" } ] },
      { "name": "writer", "count": 3, "code": [
          { "op": "load", "reg": "t", "var": "a", "index": "tid" },
          { "op": "store", "var": "a", "index": "tid + 1", "value": "t + 1" } ] } ],
    "expect": { "verdict": "safe", "executions": 12 } })");
  LONGS_EQUAL(4, f.model->actor_count());
  CHECK(f.expect.executions && *f.expect.executions == 12);
  LONGS_EQUAL(3, f.expect.properties.size());
  CHECK(f.expect.properties.at("deadlock") == Status::kHolds);
  LONGS_EQUAL(3, f.checked.size());
  STRCMP_EQUAL("program", f.model->kind().c_str());
}

TEST(ProgramReader, VerdictsNameViolatedPropertiesAndBoundsAreRead) {
  ModelFile f = load_program_text(R"({"threads": [{"name": "t", "code": []}],
      "expect": {"verdict": ["assertion", "deadlock"]}, "bounds": {"max_depth": 50, "max_seconds": 2.5}})");
  LONGS_EQUAL(2, f.expect.properties.size());
  CHECK(f.expect.properties.at("assertion") == Status::kViolated);
  LONGS_EQUAL(50, f.bounds.max_depth);
  DOUBLES_EQUAL(2.5, f.bounds.max_seconds, 0);
  ModelFile g = load_program_text(R"({"threads": [{"name": "t", "code": []}], "expect": {"verdict": "deadlock"}})");
  CHECK(g.expect.properties.at("deadlock") == Status::kViolated);
}

TEST(ProgramReader, UnknownFieldsAreErrorsWithASuggestion) {
  check_rejected(R"({"threads": [{"name": "t", "code": []}], "shraed": {}})", "shraed",
                 "unknown field \"shraed\" (did you mean \"shared\"?)");
  check_rejected(with_code(R"({"op": "load", "reg": "v", "var": "x", "indx": 0})"), "threads[0].code[0].indx",
                 "did you mean \"index\"?");
  check_rejected(R"({"threads": [{"name": "t", "cout": 2, "code": []}]})", "threads[0].cout",
                 "did you mean \"count\"?");
}

TEST(ProgramReader, UnknownOpsSuggestTheClosest) {
  check_rejected(with_code(R"({"op": "fetchadd", "var": "x", "value": 1})"), "threads[0].code[0].op",
                 "unknown op \"fetchadd\" (did you mean \"fetch_add\"?)");
}

TEST(ProgramReader, IndexIsRequiredOnArraysAndAnErrorOnScalars) {
  check_rejected(with_code(R"({"op": "load", "reg": "v", "var": "a"})"), "threads[0].code[0]",
                 "missing field \"index\"");
  check_rejected(with_code(R"({"op": "load", "reg": "v", "var": "x", "index": 0})"), "threads[0].code[0].index",
                 "\"x\" is not an array");
  check_rejected(with_code(R"({"op": "lock", "lock": "m", "index": 1})"), "threads[0].code[0].index",
                 "\"m\" is not an array");
}

TEST(ProgramReader, SharedVariablesAreNotRegisters) {
  check_rejected(with_code(R"({"op": "set", "reg": "r", "expr": "x + 1"})"), "threads[0].code[0].expr",
                 "\"x\" is a shared variable, not a register");
  check_rejected(with_code(R"({"op": "load", "reg": "x", "var": "x"})"), "threads[0].code[0].reg",
                 "\"x\" is a shared variable");
}

TEST(ProgramReader, TidIsReadOnly) {
  check_rejected(R"({"threads": [{"name": "t", "locals": {"tid": 1}, "code": []}]})", "threads[0].locals.tid",
                 "locals may not set \"tid\"");
  check_rejected(with_code(R"({"op": "set", "reg": "tid", "expr": 1})"), "threads[0].code[0].reg",
                 "\"tid\" is read-only");
}

TEST(ProgramReader, LabelsMustBeUniqueKnownAndNotEnd) {
  check_rejected(with_code(R"({"label": "l", "op": "goto", "to": "l"}, {"label": "l", "op": "goto", "to": "end"})"),
                 "threads[0].code[1].label", "duplicate label \"l\"");
  check_rejected(with_code(R"({"label": "loop", "op": "goto", "to": "lop"})"), "threads[0].code[0].to",
                 "unknown label \"lop\" (did you mean \"loop\"?)");
  check_rejected(with_code(R"({"label": "end", "op": "goto", "to": "end"})"), "threads[0].code[0].label",
                 "reserved");
}

TEST(ProgramReader, UnknownVariablesAndLocksAreErrors) {
  check_rejected(with_code(R"({"op": "store", "var": "y", "value": 1})"), "threads[0].code[0].var",
                 "unknown shared variable \"y\"");
  check_rejected(with_code(R"({"op": "lock", "lock": "x"})"), "threads[0].code[0].lock",
                 "it is a shared variable, not a lock");
}

TEST(ProgramReader, MissingAndMistypedFieldsSayWhatWasExpected) {
  check_rejected(with_code(R"({"op": "store", "var": "x"})"), "threads[0].code[0]",
                 "missing field \"value\"");
  check_rejected(with_code(R"({"op": "store", "var": "x", "value": 1.5})"), "threads[0].code[0].value",
                 "expected an expression");
  check_rejected(with_code(R"({"op": "set", "reg": "r", "expr": "1 +"})"), "threads[0].code[0].expr",
                 "in expression \"1 +\"");
  check_rejected(R"({"shared": {"x": "zero"}, "threads": [{"name": "t", "code": []}]})", "shared.x",
                 "expected an integer or an array of integers");
  check_rejected(R"({"shared": {"a": [0, 1.5]}, "threads": [{"name": "t", "code": []}]})", "shared.a[1]",
                 "expected an integer");
  check_rejected(R"({"threads": [{"name": "t", "count": 0, "code": []}]})", "threads[0].count",
                 "expected a number of copies");
  check_rejected(R"({"threads": []})", "threads", "non-empty array");
  check_rejected(R"({"threads": [{"code": []}]})", "threads[0]", "missing field \"name\"");
  check_rejected(R"({"threads": [{"name": "t", "code": [7]}]})", "threads[0].code[0]", "expected an instruction");
}

TEST(ProgramReader, DuplicateNamesAreErrors) {
  check_rejected(R"({"threads": [{"name": "t", "code": []}, {"name": "t", "code": []}]})", "threads[1].name",
                 "duplicate thread name");
  check_rejected(R"({"shared": {"m": 0}, "locks": ["m"], "threads": [{"name": "t", "code": []}]})", "locks[0]",
                 "declared twice");
}

TEST(ProgramReader, ExpectIsChecked) {
  check_rejected(R"({"threads": [{"name": "t", "code": []}], "expect": {"verdict": "asertion"}})", "expect.verdict",
                 "unknown property \"asertion\" (did you mean \"assertion\"?)");
  check_rejected(R"({"threads": [{"name": "t", "code": []}], "expect": {"executions": -1}})", "expect.executions",
                 "non-negative");
  check_rejected(R"({"threads": [{"name": "t", "code": []}], "bounds": {"max_dept": 3}})", "bounds.max_dept",
                 "did you mean \"max_depth\"?");
}

TEST(ProgramReader, ErrorsNameTheFileWhenLoadedFromDisk) {
  LoadResult r = load_model_file(std::string(WQCHECK_SOURCE_DIR) + "/no/such/file.json");
  CHECK(std::holds_alternative<InputError>(r));
}
