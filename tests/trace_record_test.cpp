// Recording, serialising, reading back and verifying traces, on the toy model whose every step
// is derived by hand in the comments below (tests/support/toy_model.h describes the model).
#include <string>
#include <variant>

#include <CppUTest/TestHarness.h>

#include "tests/support/toy_model.h"
#include "trace/content_hash.h"
#include "trace/record.h"
#include "trace/trace_json.h"
#include "trace/verify.h"

namespace {

using namespace wqcheck;
using nlohmann::json;

constexpr ActorId kKicker = 0, kCuller = 1, kWorker = 2;
constexpr std::size_t kSurvives = 0, kStranded = 1;

const json kDocument = {{"model", "toy"}, {"ticks", 0}};

trace::Trace record(const Model& model, const Schedule& schedule, std::size_t property) {
  trace::RecordContext context{"0.1.0", "toy.json", kDocument, {"dfs", "none", schedule.size()}};
  auto result = trace::record_trace(model, schedule, property, context);
  if (auto* error = std::get_if<std::string>(&result)) FAIL(error->c_str());
  return std::get<trace::Trace>(result);
}

trace::Trace parse(const json& doc) {
  auto result = trace::from_json(doc, "t.json");
  if (auto* error = std::get_if<InputError>(&result)) FAIL(error->to_string().c_str());
  return std::get<trace::Trace>(result);
}

bool contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

}  // namespace

TEST_GROUP(TraceRecord) {
  std::unique_ptr<Model> model = toy::make_toy_model({0, "woke_up"});
  // The seed's race: kick W0, cull it before it runs, W0 sees DIE and exits; the work stays.
  Schedule race = {kKicker, kCuller, kWorker};
};

TEST(TraceRecord, RecordsEachStepInTheModelsTerms) {
  trace::Trace t = record(*model, race, kStranded);
  CHECK_EQUAL(std::string("toy"), t.model_kind);
  CHECK_EQUAL(std::string("no-stranded-work"), t.property);
  CHECK(t.schedule == (std::vector<std::string>{"CPU0 kicker", "CPU1 culler", "W0"}));
  CHECK(t.initial_state == json::parse(R"({"W0": {"flags": ["IDLE"], "task": "sleeping"},
      "jiffies": 0, "pool": {"idle_list": ["W0"], "worklist": 0}})"));
  LONGS_EQUAL(3, t.steps.size());

  // Step 1: __queue_work() takes pool.lock, appends the work, reads the idle list, wakes W0.
  const trace::Step& kick = t.steps[0];
  CHECK_EQUAL(std::string("queue_work"), kick.action);
  CHECK_EQUAL(std::string("__queue_work()"), kick.source);
  CHECK(kick.reads == (std::vector<std::string>{"pool.idle_list"}));
  CHECK(kick.writes == (std::vector<std::string>{"pool.lock", "pool.worklist", "W0.task"}));
  CHECK(kick.changes == (std::vector<trace::Change>{{"/W0/task", json("sleeping"), json("woken")},
                                                    {"/pool/worklist", json(0), json(1)}}));
  // Step 2: the culler finds W0 still idle and sets it dying; it leaves the idle list.
  const trace::Step& cull = t.steps[1];
  CHECK_EQUAL(std::string("idle_cull_fn()"), cull.source);
  CHECK(cull.changes == (std::vector<trace::Change>{
                            {"/W0/flags", json::array({"IDLE"}), json::array({"DIE"})},
                            {"/pool/idle_list", json::array({"W0"}), json::array()}}));
  // Step 3: W0 runs, sees DIE and exits without touching the worklist.
  const trace::Step& exit = t.steps[2];
  CHECK(exit.reads == (std::vector<std::string>{"W0.flags"}));
  CHECK(exit.writes == (std::vector<std::string>{"pool.lock", "W0.task"}));
  CHECK(exit.changes == (std::vector<trace::Change>{{"/W0/task", json("woken"), json("exited")}}));

  CHECK(t.violated_at_end == (std::vector<std::string>{"kicked-worker-survives", "no-stranded-work"}));
  CHECK(t.terminal);
}

TEST(TraceRecord, RefusesAScheduleThatDoesNotViolateTheProperty) {
  // W0 is never woken if the culler runs first, so nobody is culled while kicked.
  trace::RecordContext context{"0.1.0", "toy.json", kDocument, {"dfs", "none", 2}};
  auto result = trace::record_trace(*model, {kCuller, kKicker}, kSurvives, context);
  CHECK(std::holds_alternative<std::string>(result));
}

TEST(TraceRecord, RoundTripGivesIdenticalBytes) {
  trace::Trace t = record(*model, race, kStranded);
  const std::string bytes = trace::serialize(t);
  CHECK_EQUAL(bytes, trace::serialize(record(*model, race, kStranded)));  // same run, same bytes
  trace::Trace back = parse(json::parse(bytes));
  CHECK(back == t);
  CHECK_EQUAL(bytes, trace::serialize(back));
  CHECK(trace::verify_trace(*model, back).kind == trace::Verdict::kReproduced);
}

TEST(TraceRecord, TheHashIgnoresFormattingButNotContent) {
  CHECK_EQUAL(trace::content_hash(json::parse(R"({"a": 1, "b": [2, 3]})")),
              trace::content_hash(json::parse("{\"b\":[2,3],\n \"a\":1}")));
  CHECK(trace::content_hash(json::parse(R"({"a": 1})")) != trace::content_hash(json::parse(R"({"a": 2})")));
  CHECK(contains(trace::content_hash(kDocument), "xxh64:"));
  LONGS_EQUAL(6 + 16, trace::content_hash(kDocument).size());
}

TEST(TraceRecord, AnEditedActionDivergesAtThatStep) {
  json doc = trace::to_json(record(*model, race, kStranded));
  doc["steps"][1]["action"] = "cull_everything";
  trace::Verdict v = trace::verify_trace(*model, parse(doc));
  CHECK(v.kind == trace::Verdict::kDiverged);
  LONGS_EQUAL(2, v.step);
  CHECK(contains(v.message, "step 2 (CPU1 culler)"));
  CHECK(contains(v.message, "cull_everything"));
}

TEST(TraceRecord, AnEditedStateChangeDivergesAtThatStep) {
  json doc = trace::to_json(record(*model, race, kStranded));
  doc["steps"][2]["changes"][0]["after"] = "running";
  trace::Verdict v = trace::verify_trace(*model, parse(doc));
  CHECK(v.kind == trace::Verdict::kDiverged);
  LONGS_EQUAL(3, v.step);
  CHECK(contains(v.message, "W0.task"));
}

TEST(TraceRecord, AChangedModelDivergesAtTheFirstAffectedStep) {
  trace::Trace t = record(*model, race, kStranded);
  auto renamed = toy::make_toy_model({0, "worker_thread"});
  trace::Verdict v = trace::verify_trace(*renamed, t);
  CHECK(v.kind == trace::Verdict::kDiverged);
  LONGS_EQUAL(3, v.step);
  CHECK(contains(v.message, "recorded action 'woke_up', replay ran 'worker_thread'"));
}

TEST(TraceRecord, AnActorThatCannotStepDiverges) {
  json doc = trace::to_json(record(*model, race, kStranded));
  // W0 first: nobody has woken it yet, so it is blocked at step 1.
  doc["schedule"] = {"W0", "CPU1 culler", "CPU0 kicker"};
  doc["steps"][0]["actor"] = "W0";
  doc["steps"][2]["actor"] = "CPU0 kicker";
  trace::Verdict v = trace::verify_trace(*model, parse(doc));
  CHECK(v.kind == trace::Verdict::kDiverged);
  LONGS_EQUAL(1, v.step);
  CHECK(contains(v.message, "step 1 (W0)"));
  CHECK(contains(v.message, "blocked"));
}

TEST(TraceRecord, AnUnknownActorDiverges) {
  json doc = trace::to_json(record(*model, race, kStranded));
  doc["schedule"][2] = "W7";
  doc["steps"][2]["actor"] = "W7";
  trace::Verdict v = trace::verify_trace(*model, parse(doc));
  CHECK(v.kind == trace::Verdict::kDiverged);
  LONGS_EQUAL(3, v.step);
  CHECK(contains(v.message, "no actor 'W7'"));
}

TEST(TraceRecord, ATraceWhoseViolationDoesNotHappenIsNotReproduced) {
  // culler, kicker: W0 is never woken and the work is stranded, but nobody was culled while kicked.
  json doc = trace::to_json(record(*model, {kCuller, kKicker}, kStranded));
  doc["property"]["name"] = "kicked-worker-survives";
  trace::Verdict v = trace::verify_trace(*model, parse(doc));
  CHECK(v.kind == trace::Verdict::kNotReproduced);
  CHECK(contains(v.message, "kicked-worker-survives is not violated"));
}

TEST(TraceRecord, MalformedTracesNameThePathAndWhatWasExpected) {
  const json good = trace::to_json(record(*model, race, kStranded));
  struct Case {
    std::function<void(json&)> edit;
    const char* path;
    const char* expected;
  };
  const Case cases[] = {
      {[](json& d) { d["format"] = "wqcheck-trace/0"; }, "format", "wqcheck-trace/1"},
      {[](json& d) { d.erase("schedule"); }, "", "missing field \"schedule\""},
      {[](json& d) { d["steps"][1]["footprint"]["read"] = "W0.task"; }, "steps[1].footprint.read",
       "expected an array"},
      {[](json& d) { d["steps"][0]["colour"] = "red"; }, "steps[0].colour", "unknown field"},
      {[](json& d) { d["steps"][2]["step"] = 7; }, "steps[2].step", "expected 3"},
      {[](json& d) { d["steps"][0]["actor"] = "W0"; }, "steps[0].actor", "as in schedule[0]"},
      {[](json& d) { d["end"]["terminal"] = "yes"; }, "end.terminal", "expected true or false"},
  };
  for (const Case& c : cases) {
    json doc = good;
    c.edit(doc);
    auto result = trace::from_json(doc, "t.json");
    auto* error = std::get_if<InputError>(&result);
    CHECK_TEXT(error != nullptr, c.path);
    CHECK_EQUAL(std::string("t.json"), error->file);
    CHECK_EQUAL(std::string(c.path), error->path);
    CHECK_TEXT(contains(error->message, c.expected), error->message.c_str());
  }
}
