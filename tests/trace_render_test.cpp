// Renderings of one short trace, the seed's race on the toy model (kick W0, cull it, W0 exits),
// with the expected text written by hand from the trace: the steps and their changes are the
// ones derived in trace_record_test.cpp, and the column positions are counted below.
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include <CppUTest/TestHarness.h>

#include "tests/support/toy_model.h"
#include "trace/record.h"
#include "trace/render_perfetto.h"
#include "trace/render_text.h"

namespace {

using namespace wqcheck;
using nlohmann::json;

trace::Trace race_trace() {
  auto model = toy::make_toy_model({0, "woke_up"});
  trace::RecordContext context{"0.1.0", "toy.json", {{"model", "toy"}, {"ticks", 0}}, {"dfs", "none", 3}};
  return std::get<trace::Trace>(trace::record_trace(*model, {0, 1, 2}, 1, context));
}

// One line with each text starting at the given column.
std::string at(std::vector<std::pair<std::size_t, std::string>> pieces) {
  std::string line;
  for (auto& [column, text] : pieces) {
    line.resize(column, ' ');
    line += text;
  }
  return line + "\n";
}

}  // namespace

TEST_GROUP(TraceRender){};

TEST(TraceRender, TextHasOneColumnPerActorAndOneRowPerStep) {
  // Columns: "#" is 1 wide; CPU0 kicker is as wide as "__queue_work()" (14), CPU1 culler as
  // "idle_cull_fn()" (14), W0 as "worker_thread()" (15); two spaces between columns. So the
  // kicker starts at 3, the culler at 19, W0 at 35 and the state at 52. The clock never steps
  // and gets no column.
  const std::string expected =
      "no-stranded-work violated: in a terminal state the worklist is empty\n"
      "toy model, toy.json; found by dfs in 3 steps, not shortened\n"
      "\n" +
      at({{0, "#"}, {3, "CPU0 kicker"}, {19, "CPU1 culler"}, {35, "W0"}, {52, "state after"}}) +
      at({{0, "-"}, {3, "--------------"}, {19, "--------------"}, {35, "---------------"},
          {52, "-----------"}}) +
      at({{0, "1"}, {3, "queue_work"}, {52, "W0.task: sleeping -> woken"}}) +
      at({{3, "__queue_work()"}, {52, "pool.worklist: 0 -> 1"}}) +
      at({{0, "2"}, {19, "cull"}, {52, "W0.flags: [IDLE] -> [DIE]"}}) +
      at({{19, "idle_cull_fn()"}, {52, "pool.idle_list: [W0] -> []"}}) +
      at({{0, "3"}, {35, "woke_up"}, {52, "W0.task: woken -> exited"}}) +
      at({{35, "worker_thread()"}}) +
      "\n"
      "end: terminal (no actor can step); violated: kicked-worker-survives, no-stranded-work\n";
  STRCMP_EQUAL(expected.c_str(), trace::render_text(race_trace()).c_str());
}

TEST(TraceRender, MarkdownIsATableToPaste) {
  const std::string expected =
      "**no-stranded-work** violated: in a terminal state the worklist is empty\n"
      "\n"
      "toy model, `toy.json`; found by dfs in 3 steps, not shortened\n"
      "\n"
      "| # | CPU0 kicker | CPU1 culler | W0 | state after |\n"
      "|--:|---|---|---|---|\n"
      "| 1 | `queue_work`<br>__queue_work() | | | W0.task: sleeping -> woken<br>pool.worklist: 0 -> 1 |\n"
      "| 2 | | `cull`<br>idle_cull_fn() | | W0.flags: [IDLE] -> [DIE]<br>pool.idle_list: [W0] -> [] |\n"
      "| 3 | | | `woke_up`<br>worker_thread() | W0.task: woken -> exited |\n"
      "\n"
      "end: terminal (no actor can step); violated: kicked-worker-survives, no-stranded-work\n";
  STRCMP_EQUAL(expected.c_str(), trace::render_markdown(race_trace()).c_str());
}

TEST(TraceRender, ProvenanceSaysHowTheScheduleWasShortened) {
  STRCMP_EQUAL("found by dpor in 12 steps, shrunk to 3",
               trace::describe_provenance({"dpor", "shrink", 12}, 3).c_str());
  STRCMP_EQUAL("found by optimal in 9 steps, shortest by bfs: 4",
               trace::describe_provenance({"optimal", "bfs", 9}, 4).c_str());
}

namespace {

std::vector<json> events_named(const json& perfetto, const std::string& phase, const std::string& name) {
  std::vector<json> out;
  for (const json& e : perfetto["traceEvents"]) {
    if (e["ph"] == phase && e["name"] == name) out.push_back(e);
  }
  return out;
}

bool encloses(const json& outer, const json& inner) {
  return outer["tid"] == inner["tid"] && outer["ts"].get<long>() <= inner["ts"].get<long>() &&
         outer["ts"].get<long>() + outer["dur"].get<long>() >= inner["ts"].get<long>() + inner["dur"].get<long>();
}

}  // namespace

TEST(TraceRender, PerfettoHasOneTrackPerActorAndOneSlicePerStep) {
  json p = trace::render_perfetto(race_trace());
  std::vector<json> names = events_named(p, "M", "thread_name");
  LONGS_EQUAL(4, names.size());  // every actor of the model, the clock too
  CHECK_EQUAL(std::string("CPU1 culler"), names[1]["args"]["name"].get<std::string>());

  std::vector<json> kick = events_named(p, "X", "queue_work");
  std::vector<json> cull = events_named(p, "X", "cull");
  std::vector<json> exit = events_named(p, "X", "woke_up");
  LONGS_EQUAL(1, kick.size());
  LONGS_EQUAL(1, cull.size());
  LONGS_EQUAL(1, exit.size());
  CHECK(kick[0]["tid"] == names[0]["tid"]);
  CHECK(cull[0]["tid"] == names[1]["tid"]);
  CHECK(exit[0]["tid"] == names[2]["tid"]);
  CHECK(kick[0]["ts"].get<long>() < cull[0]["ts"].get<long>());
  CHECK(cull[0]["ts"].get<long>() < exit[0]["ts"].get<long>());
  CHECK_EQUAL(std::string("idle_cull_fn()"), cull[0]["args"]["source"].get<std::string>());

  // All three steps write pool.lock, so each is a stretch under it, drawn around the step.
  std::vector<json> locks = events_named(p, "X", "holds pool.lock");
  LONGS_EQUAL(3, locks.size());
  CHECK(encloses(locks[0], kick[0]));
  CHECK(encloses(locks[1], cull[0]));
  CHECK(encloses(locks[2], exit[0]));
  LONGS_EQUAL(1, events_named(p, "i", "no-stranded-work violated").size());
}

TEST(TraceRender, PerfettoSpansADeclaredLockFromLockToUnlock) {
  // A program-file style trace: T0 locks m, writes x, unlocks m; T1 reads x meanwhile.
  trace::Trace t;
  t.document = {{"locks", {"m"}}};
  t.actors = {"T0", "T1"};
  t.schedule = {"T0", "T0", "T1", "T0"};
  t.steps = {{"T0", "lock", "", {}, {"m"}, {}},
             {"T0", "store", "", {}, {"x"}, {}},
             {"T1", "load", "", {"x"}, {}, {}},
             {"T0", "unlock", "", {}, {"m"}, {}}};
  json p = trace::render_perfetto(t);
  std::vector<json> held = events_named(p, "X", "holds m");
  LONGS_EQUAL(1, held.size());
  LONGS_EQUAL(0, held[0]["ts"].get<long>());
  LONGS_EQUAL(4000, held[0]["dur"].get<long>());  // steps 1 to 4, 1 ms each
  CHECK(encloses(held[0], events_named(p, "X", "store")[0]));
  CHECK_FALSE(encloses(held[0], events_named(p, "X", "load")[0]));  // another track
}
