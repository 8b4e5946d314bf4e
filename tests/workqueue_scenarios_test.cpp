// The checked-in scenarios: every one loads and carries its evidence, and the minimal ones (the
// seed's own setting, whose executions are few enough to enumerate by hand; see
// workqueue_seed_trace_test.cpp and docs/findings.md) give the verdicts they expect under dfs.
#include <CppUTest/TestHarness.h>

#include <filesystem>
#include <string>

#include "explorer/explore.h"
#include "model/common/model_file.h"

using namespace wqcheck;

namespace {

std::string scenarios_dir() { return std::string(WQCHECK_SOURCE_DIR) + "/scenarios"; }

}  // namespace

TEST_GROUP(CheckedInScenarios){};

TEST(CheckedInScenarios, EveryScenarioLoadsWithExpectationsAndEvidence) {
  int count = 0;
  for (const auto& entry : std::filesystem::directory_iterator(scenarios_dir())) {
    if (entry.path().extension() != ".json") continue;
    LoadResult loaded = load_model_file(entry.path().string());
    if (auto* e = std::get_if<InputError>(&loaded)) FAIL(e->to_string().c_str());
    const ModelFile& f = std::get<ModelFile>(loaded);
    CHECK_FALSE(f.expect.properties.empty());
    CHECK_FALSE(f.expect.why.empty());
    ++count;
  }
  CHECK(count >= 50);
}

TEST(CheckedInScenarios, MinimalScenariosGiveTheirExpectedVerdicts) {
  int checked = 0;
  for (const auto& entry : std::filesystem::directory_iterator(scenarios_dir())) {
    const std::string name = entry.path().filename().string();
    if (name.find("-minimal.json") == std::string::npos && name != "seed-race.json") continue;
    LoadResult loaded = load_model_file(entry.path().string());
    const ModelFile& f = std::get<ModelFile>(loaded);
    Options o;
    o.algorithm = Algorithm::kDfs;
    o.keep_going = true;
    Result r = explore(*f.model, o);
    CHECK_TRUE(r.exhaustive);
    for (const PropertyResult& p : r.properties) {
      auto want = f.expect.properties.find(p.name);
      if (want == f.expect.properties.end()) continue;
      if (want->second != p.status) FAIL((name + ": " + p.name + " is " + status_name(p.status)).c_str());
    }
    ++checked;
  }
  LONGS_EQUAL(9, checked);
}
