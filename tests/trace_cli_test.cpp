// The trace commands end to end on files: replay's exit codes and messages, show, and
// check's trace output (write, refuse to overwrite, --force), on the toy model.
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <variant>

#include <CppUTest/TestHarness.h>

#include "cli/cli_app.h"
#include "cli/replay_command.h"
#include "cli/trace_output.h"
#include "tests/support/toy_model.h"
#include "trace/record.h"
#include "trace/trace_json.h"

namespace {

using namespace wqcheck;
using nlohmann::json;
namespace fs = std::filesystem;

const fs::path kDir = fs::path(WQCHECK_BINARY_DIR) / "trace_cli_test";
const json kDocument = {{"model", "toy"}, {"ticks", 0}};

struct Run {
  int code;
  std::string out;
  std::string err;
};

bool contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

std::string write(const std::string& name, const std::string& bytes) {
  fs::create_directories(kDir);
  std::string path = (kDir / name).string();
  std::ofstream(path, std::ios::binary | std::ios::trunc) << bytes;
  return path;
}

// The seed's race on the toy model (kick, cull, W0 exits): no-stranded-work.
json race_json() {
  auto model = toy::make_toy_model({0, "woke_up"});
  trace::RecordContext context{"0.1.0", "toy.json", kDocument, {"dfs", "none", 3}};
  return trace::to_json(std::get<trace::Trace>(trace::record_trace(*model, {0, 1, 2}, 1, context)));
}

Run replay(const std::string& path) {
  std::ostringstream out, err;
  int code = run_replay(path, out, err, toy::load_toy_document);
  return {code, out.str(), err.str()};
}

Run cli(std::vector<const char*> args) {
  args.insert(args.begin(), "wqcheck");
  std::ostringstream out, err;
  int code = run_cli(static_cast<int>(args.size()), args.data(), out, err);
  return {code, out.str(), err.str()};
}

}  // namespace

TEST_GROUP(TraceCli) {
  void setup() override { fs::remove_all(kDir); }
};

TEST(TraceCli, ReplayReproducingTheViolationExitsOne) {
  Run r = replay(write("race.json", race_json().dump(2)));
  LONGS_EQUAL(1, r.code);
  CHECK(contains(r.out, "reproduced: no-stranded-work violated after 3 steps"));
}

TEST(TraceCli, ReplayOfADivergingTraceExitsTwoNamingTheStep) {
  json doc = race_json();
  doc["steps"][1]["footprint"]["write"] = {"pool.lock"};
  Run r = replay(write("diverges.json", doc.dump()));
  LONGS_EQUAL(2, r.code);
  CHECK_TEXT(contains(r.err, "diverges from the recorded trace at step 2 (CPU1 culler)"), r.err.c_str());
}

TEST(TraceCli, ReplayOfATraceThatDoesNotViolateExitsTwo) {
  json doc = race_json();
  doc["property"]["name"] = "kernel-warns";
  Run r = replay(write("other.json", doc.dump()));
  LONGS_EQUAL(2, r.code);
  CHECK(contains(r.err, "does not reproduce its violation: the model has no property 'kernel-warns'"));
}

TEST(TraceCli, ReplayOfAnEditedDocumentExitsTwo) {
  json doc = race_json();
  doc["document"]["content"]["ticks"] = 2;  // more clock ticks: the hash no longer matches
  Run r = replay(write("edited.json", doc.dump()));
  LONGS_EQUAL(2, r.code);
  CHECK(contains(r.err, "document.hash"));
  CHECK(contains(r.err, "edited"));
}

TEST(TraceCli, ReplayOfAMalformedTraceExitsTwoWithFileAndPath) {
  json doc = race_json();
  doc["schedule"][0] = 7;
  std::string path = write("malformed.json", doc.dump());
  Run r = replay(path);
  LONGS_EQUAL(2, r.code);
  CHECK_TEXT(contains(r.err, path + ": schedule[0]: expected a string"), r.err.c_str());

  Run truncated = replay(write("truncated.json", "{\"format\": \"wqcheck-trace/1\", "));
  LONGS_EQUAL(2, truncated.code);
  CHECK(contains(truncated.err, "not valid JSON"));

  Run missing = replay((kDir / "no-such-trace.json").string());
  LONGS_EQUAL(2, missing.code);
  CHECK(contains(missing.err, "cannot open"));
}

TEST(TraceCli, ReplayThroughTheCommandLineUsesTheRealLoaders) {
  // The executable knows no "toy" model: the embedded document cannot be loaded.
  std::string path = write("race.json", race_json().dump());
  Run r = cli({"replay", path.c_str()});
  LONGS_EQUAL(2, r.code);
  CHECK(contains(r.err, "embedded document.content"));
}

TEST(TraceCli, ShowRendersAndRejectsUnknownFormats) {
  std::string path = write("race.json", race_json().dump());
  Run text = cli({"show", path.c_str()});
  LONGS_EQUAL(0, text.code);
  CHECK(contains(text.out, "CPU0 kicker"));
  Run md = cli({"show", path.c_str(), "--format", "markdown"});
  LONGS_EQUAL(0, md.code);
  CHECK(contains(md.out, "| # | CPU0 kicker |"));
  Run perfetto = cli({"show", path.c_str(), "--format", "perfetto"});
  LONGS_EQUAL(0, perfetto.code);
  CHECK(json::parse(perfetto.out).contains("traceEvents"));
  Run bad = cli({"show", path.c_str(), "--format", "svg"});
  LONGS_EQUAL(2, bad.code);
  CHECK(contains(bad.err, "svg"));
}

TEST(TraceCli, CheckWritesShrunkTracesAndNeverClobbers) {
  LoadResult loaded = toy::load_toy_document({{"model", "toy"}, {"ticks", 2}}, "scenarios/toy-race.json");
  ModelFile& file = std::get<ModelFile>(loaded);
  Options options;
  options.algorithm = Algorithm::kDfs;
  Result result = explore(*file.model, options);
  // dfs tries actors in order: kicker, culler, and the cull of the woken W0 violates
  // kicked-worker-survives after exactly those 2 steps, which no deletion can shorten.
  CHECK(result.properties[0].counterexample.has_value());
  LONGS_EQUAL(2, result.properties[0].counterexample->size());

  TraceOutput output{kDir.string(), false, ShortenMode::kShrink};
  std::ostringstream report, err;
  CHECK(write_counterexamples(file, result, output, report, err));
  const std::string path = trace_path_for(kDir.string(), file.path, "kicked-worker-survives");
  CHECK_EQUAL((kDir / "toy-race.kicked-worker-survives.json").string(), path);
  CHECK(contains(report.str(), path));
  Run r = replay(path);
  LONGS_EQUAL(1, r.code);

  std::ifstream in(path);
  json written = json::parse(in);
  CHECK_EQUAL(std::string("shrink"), written["found"]["shortened_by"].get<std::string>());
  CHECK_EQUAL(std::string("dfs"), written["found"]["algorithm"].get<std::string>());

  std::ostringstream report2, err2;
  CHECK_FALSE(write_counterexamples(file, result, output, report2, err2));
  CHECK(contains(err2.str(), path + " exists; not overwriting it (use --force)"));

  output.force = true;
  std::ostringstream report3, err3;
  CHECK(write_counterexamples(file, result, output, report3, err3));
}

TEST(TraceCli, ShrinkingDropsStepsAStartingSearchTookOnTheWay) {
  // A found schedule with clock ticks in it; the trace keeps only kick and cull.
  LoadResult loaded = toy::load_toy_document({{"model", "toy"}, {"ticks", 2}}, "toy.json");
  ModelFile& file = std::get<ModelFile>(loaded);
  Result result;
  result.algorithm = Algorithm::kDfs;
  result.properties = {{"kicked-worker-survives", "", Status::kViolated, Schedule{3, 0, 3, 1}},
                       {"no-stranded-work", "", Status::kHolds, std::nullopt}};
  for (ShortenMode mode : {ShortenMode::kShrink, ShortenMode::kAuto}) {
    TraceOutput output{kDir.string(), true, mode};
    std::ostringstream report, err;
    CHECK(write_counterexamples(file, result, output, report, err));
    std::ifstream in(trace_path_for(kDir.string(), "toy.json", "kicked-worker-survives"));
    json written = json::parse(in);
    CHECK(written["schedule"] == json({"CPU0 kicker", "CPU1 culler"}));
    LONGS_EQUAL(4, written["found"]["found_steps"].get<int>());
    // auto prefers bfs, which fits this tiny model.
    CHECK(contains(report.str(), mode == ShortenMode::kShrink ? "(2 steps, shrunk from 4)"
                                                                : "(2 steps, shortest by bfs from 4)"));
  }
}

TEST(TraceCli, WritesASampleTraceForTheSchemaTest) {
  // Kept in the build tree for trace_schema_test (tests/CMakeLists.txt), which validates it.
  const fs::path samples = fs::path(WQCHECK_BINARY_DIR) / "trace_samples";
  fs::create_directories(samples);
  std::ofstream(samples / "toy-race.no-stranded-work.json", std::ios::binary | std::ios::trunc)
      << race_json().dump(2) << "\n";
  CHECK(fs::exists(samples / "toy-race.no-stranded-work.json"));
}
