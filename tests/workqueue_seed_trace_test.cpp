// The seed's race, replayed step by step from the mail's diagram (shared/seed/), and small
// scenarios explored exhaustively with dfs whose execution counts and verdicts are derived by
// hand in the comments below.
#include <CppUTest/TestHarness.h>

#include <string>

#include "explorer/explore.h"
#include "explorer/schedule.h"
#include "model/common/model_file.h"
#include "model/workqueue/properties.h"
#include "model/workqueue/workqueue_model.h"

using namespace wqcheck;
using namespace wqcheck::wq;

namespace {

Config seed_config(Variant v) {
  Config cfg;
  cfg.variant = v;
  cfg.culler = Culler::kSeed;
  cfg.manager = false;
  cfg.workers = 1;
  cfg.kickers = 1;
  cfg.works_per_kicker = 1;
  return cfg;
}

const WqData& data_of(const State& s) { return static_cast<const WqState&>(s).d; }

Status status_of(const Result& r, const std::string& name) {
  for (const PropertyResult& p : r.properties) {
    if (p.name == name) return p.status;
  }
  FAIL(("no property " + name).c_str());
  return Status::kUnknown;
}

Result explore_all(const Model& m) {
  Options o;
  o.algorithm = Algorithm::kDfs;
  o.keep_going = true;
  return explore(m, o);
}

}  // namespace

TEST_GROUP(SeedTrace){};

// CPU A: lock; pick W (idle_list head); wake_up_process(W); unlock.
// CPU B: lock; too_many_workers() (seed: not checked); W is list_last_entry; set_worker_dying(W);
//        unlock; reap_dying_workers(): kthread_stop_put(W).
// W:     worker_thread(): lock; WORKER_DIE set -> return 0.
TEST(SeedTrace, TheMailsDiagramStrandsTheWork) {
  WorkqueueModel m(seed_config(Variant::kPrepatch));
  Schedule s = {m.kicker_actor(0), m.culler_actor(), m.culler_actor(), m.worker_actor(0),
                m.culler_actor()};
  Replay r = replay(m, s);
  STRCMP_EQUAL("", r.error.c_str());
  LONGS_EQUAL(5, r.steps.size());

  const WqData& a = data_of(*r.steps[0].after);  // CPU A: queued and woke W, W still idle
  LONGS_EQUAL(1, a.pool.worklist);
  CHECK(a.tasks[0].state == TaskState::kRunning);
  CHECK(a.workers[0].flags & kWorkerIdle);
  LONGS_EQUAL(0, a.pool.tail());
  LONGS_EQUAL(1, a.workers[0].kicked);

  const WqData& b = data_of(*r.steps[1].after);  // CPU B: W set dying from the tail
  CHECK(b.workers[0].flags & kWorkerDie);
  LONGS_EQUAL(0, b.pool.nr_idle);
  LONGS_EQUAL(0, b.pool.nr_workers);
  LONGS_EQUAL(1, b.culled_kicked);

  const WqData& c = data_of(*r.steps[2].after);  // kthread_stop(): should-stop, wake (already running)
  LONGS_EQUAL(1, c.tasks[0].should_stop);
  CHECK(c.culler == CullerPc::kPut);

  const WqData& w = data_of(*r.steps[3].after);  // W schedules in, sees DIE, exits
  CHECK(w.workers[0].pc == WorkerPc::kExited);
  CHECK(w.tasks[0].state == TaskState::kExited);
  LONGS_EQUAL(1, w.pool.worklist);

  const WqData& e = data_of(*r.steps[4].after);  // kthread_stop_put() drops the last reference
  CHECK(e.tasks[0].state == TaskState::kFreed);
  CHECK(r.terminal);
  const PropertySet expected = (1u << kNoStrandedWork) | (1u << kKickedWorkerSurvives) |
                               (1u << kNoStrandedKickedWork);
  LONGS_EQUAL(expected, r.violations);
}

TEST(SeedTrace, TheClaimPatchTakesWOffTheCullersList) {
  WorkqueueModel m(seed_config(Variant::kClaim));
  Replay r = replay(m, {m.kicker_actor(0)});
  STRCMP_EQUAL("", r.error.c_str());
  CHECK(m.status(*r.steps[0].after, m.culler_actor()) == ActorStatus::kBlocked);
}

// Seed culler, prepatch, 1 idle expired worker W, 1 work item. Enabled at first: kicker K and
// culler C. K first: then W-first gives one execution (W works, sleeps, expires, is culled); C-first
// gives two (W exits before or after kthread_stop). C first: C,K then a forced sequence (1); C,C
// then K interleaves with W-exit and the final put in 3 ways. 1 + 2 + 1 + 3 = 7 executions; the
// two K-then-C executions are the seed's race, the four C-first ones strand the work without a
// kick (the missing-guard artefact).
TEST(SeedTrace, ExhaustivePrepatchSeedCullerByHand) {
  WorkqueueModel m(seed_config(Variant::kPrepatch));
  Result r = explore_all(m);
  LONGS_EQUAL(7, r.stats.executions);
  CHECK(status_of(r, "no-stranded-work") == Status::kViolated);
  CHECK(status_of(r, "kicked-worker-survives") == Status::kViolated);
  CHECK(status_of(r, "no-stranded-kicked-work") == Status::kViolated);
  CHECK(status_of(r, "no-wakeup-after-free") == Status::kHolds);
  CHECK(status_of(r, "kernel-warns") == Status::kHolds);
  CHECK(status_of(r, "no-hang") == Status::kHolds);
}

// Same with the claim patch: K first claims W, so C is blocked until W has worked and expired
// again (1 execution); the 4 C-first executions are unchanged. 5 executions; work is still
// stranded (by the artefact), but never after a kick.
TEST(SeedTrace, ExhaustiveClaimSeedCullerByHand) {
  WorkqueueModel m(seed_config(Variant::kClaim));
  Result r = explore_all(m);
  LONGS_EQUAL(5, r.stats.executions);
  CHECK(status_of(r, "no-stranded-work") == Status::kViolated);
  CHECK(status_of(r, "kicked-worker-survives") == Status::kHolds);
  CHECK(status_of(r, "no-stranded-kicked-work") == Status::kHolds);
  CHECK(status_of(r, "kernel-warns") == Status::kHolds);
}

// Mainline culler, 1 idle worker: too_many_workers() is false with one idle worker, the timer is
// never armed and nothing is culled; K, W works, W sleeps, W expires: a single execution.
TEST(SeedTrace, MainlineCullerNeverTouchesALoneWorker) {
  Config cfg = seed_config(Variant::kPrepatch);
  cfg.culler = Culler::kMainline;
  WorkqueueModel m(cfg);
  Result r = explore_all(m);
  LONGS_EQUAL(1, r.stats.executions);
  CHECK(r.verdict() == "safe");
}

TEST(SeedTrace, TheCheckedInSeedScenarioLoads) {
  LoadResult loaded = load_model_file(std::string(WQCHECK_SOURCE_DIR) + "/scenarios/seed-race.json");
  CHECK(std::holds_alternative<ModelFile>(loaded));
  const ModelFile& f = std::get<ModelFile>(loaded);
  STRCMP_EQUAL("workqueue", f.model->kind().c_str());
  CHECK(f.expect.properties.at("no-stranded-kicked-work") == Status::kViolated);
}
