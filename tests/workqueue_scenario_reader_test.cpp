// Reading workqueue scenarios: defaults from kernel-model.md, and errors that name the JSON path
// and what was expected, with a "did you mean" for near misses.
#include <CppUTest/TestHarness.h>

#include <string>

#include <nlohmann/json.hpp>

#include "model/common/model_file.h"
#include "model/workqueue/properties.h"
#include "model/workqueue/workqueue_model.h"

using namespace wqcheck;
using nlohmann::json;

namespace {

InputError error_of(const json& doc) {
  LoadResult r = load_model_document(doc, "s.json");
  if (!std::holds_alternative<InputError>(r)) FAIL("expected an input error");
  return std::get<InputError>(r);
}

bool contains(const std::string& hay, const std::string& needle) {
  return hay.find(needle) != std::string::npos;
}

}  // namespace

TEST_GROUP(ScenarioReader){};

TEST(ScenarioReader, DefaultsFollowTheDesign) {
  LoadResult r = load_model_document(json{{"model", "workqueue"}, {"variant", "deferred_claim"}}, "s.json");
  CHECK(std::holds_alternative<ModelFile>(r));
  const auto& m = static_cast<const wq::WorkqueueModel&>(*std::get<ModelFile>(r).model);
  CHECK(m.config().culler == wq::Culler::kMainline);
  CHECK(m.config().pool == wq::PoolKind::kUnbound);
  CHECK(m.config().manager);
  CHECK(m.config().expiry == wq::Expiry::kNondet);
  CHECK(m.config().wake_ref);  // v2 uses wake_q
  LONGS_EQUAL(wq::workqueue_properties().size(), std::get<ModelFile>(r).checked.size());  // all
}

TEST(ScenarioReader, DeferredDefaultsToABarePointer) {
  LoadResult r = load_model_document(json{{"model", "workqueue"}, {"variant", "deferred"}}, "s.json");
  const auto& m = static_cast<const wq::WorkqueueModel&>(*std::get<ModelFile>(r).model);
  CHECK_FALSE(m.config().wake_ref);
}

TEST(ScenarioReader, UnknownFieldSuggestsTheNearestName) {
  InputError e = error_of(json{{"model", "workqueue"}, {"workres", 2}});
  STRCMP_EQUAL("s.json", e.file.c_str());
  STRCMP_EQUAL("workres", e.path.c_str());
  CHECK(contains(e.message, "did you mean \"workers\""));
}

TEST(ScenarioReader, UnknownVariantSuggestsTheNearestValue) {
  InputError e = error_of(json{{"model", "workqueue"}, {"variant", "deffered"}});
  STRCMP_EQUAL("variant", e.path.c_str());
  CHECK(contains(e.message, "did you mean \"deferred\""));
}

TEST(ScenarioReader, SizesAreCapped) {
  InputError e = error_of(json{{"model", "workqueue"}, {"workers", 9}});
  STRCMP_EQUAL("workers", e.path.c_str());
  CHECK(contains(e.message, "0 to 8"));
  InputError slots = error_of(json{{"model", "workqueue"}, {"workers", 5}, {"busy_workers", 3}});
  CHECK(contains(slots.message, "at most 8 worker slots"));
}

TEST(ScenarioReader, AnExpectationNeedsItsEvidence) {
  InputError e = error_of(json{{"model", "workqueue"}, {"expect", {{"no-hang", "holds"}}}});
  STRCMP_EQUAL("expect.why", e.path.c_str());
}

TEST(ScenarioReader, ExpectationValuesAndPropertyNamesAreChecked) {
  InputError bad = error_of(json{{"model", "workqueue"}, {"expect", {{"no-hang", "ok"}, {"why", "x"}}}});
  STRCMP_EQUAL("expect.no-hang", bad.path.c_str());
  InputError name = error_of(json{{"model", "workqueue"}, {"properties", {"no-hangs"}}});
  STRCMP_EQUAL("properties[0]", name.path.c_str());
  CHECK(contains(name.message, "did you mean \"no-hang\""));
}

TEST(ScenarioReader, WrongTypesAreReportedNotThrown) {
  InputError e = error_of(json{{"model", "workqueue"}, {"manager", "yes"}});
  STRCMP_EQUAL("manager", e.path.c_str());
  InputError b = error_of(json{{"model", "workqueue"}, {"bounds", {{"max_tick", 1}}}});
  STRCMP_EQUAL("bounds.max_tick", b.path.c_str());
  CHECK(contains(b.message, "did you mean \"max_ticks\""));
}

TEST(ScenarioReader, SelectedPropertiesMaskTheOthers) {
  LoadResult r = load_model_document(
      json{{"model", "workqueue"}, {"properties", {"no-hang", "kernel-warns"}}}, "s.json");
  const ModelFile& f = std::get<ModelFile>(r);
  LONGS_EQUAL(2, f.checked.size());
  const auto& m = static_cast<const wq::WorkqueueModel&>(*f.model);
  LONGS_EQUAL((1u << 6) | (1u << 5), m.config().checked);
}

TEST(ScenarioReader, WorkSleepsIsABooleanOrMaybe) {
  auto sleeps = [](const json& value) {
    LoadResult r = load_model_document(
        json{{"model", "workqueue"}, {"pool", "percpu"}, {"work_sleeps", value}}, "s.json");
    return static_cast<const wq::WorkqueueModel&>(*std::get<ModelFile>(r).model).config().work_sleeps;
  };
  CHECK(sleeps(true) == wq::WorkSleeps::kAlways);
  CHECK(sleeps(false) == wq::WorkSleeps::kNever);
  CHECK(sleeps("maybe") == wq::WorkSleeps::kMaybe);
  InputError e = error_of(json{{"model", "workqueue"}, {"pool", "percpu"}, {"work_sleeps", "sometimes"}});
  STRCMP_EQUAL("work_sleeps", e.path.c_str());
  CHECK(contains(e.message, "\"maybe\""));
  InputError unbound = error_of(json{{"model", "workqueue"}, {"work_sleeps", "maybe"}});
  STRCMP_EQUAL("work_sleeps", unbound.path.c_str());
}
