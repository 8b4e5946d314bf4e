#include "model/workqueue/workqueue_model.h"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "model/workqueue/actors.h"
#include "model/workqueue/predicates.h"
#include "model/workqueue/properties.h"

namespace wqcheck::wq {

namespace {
const WqData& data(const State& s) { return static_cast<const WqState&>(s).d; }
WqData& data(State& s) { return static_cast<WqState&>(s).d; }

const char* destroyer_pc_name(DestroyerPc pc) {
  switch (pc) {
    case DestroyerPc::kWaitIdle: return "wait_for_last_pwq";
    case DestroyerPc::kManagerWait: return "manager_wait";
    case DestroyerPc::kStop: return "kthread_stop";
    case DestroyerPc::kPut: return "kthread_stop_put";
    case DestroyerPc::kShutdown: return "shutdown";
    case DestroyerPc::kDone: return "done";
  }
  return "?";
}

}  // namespace

WorkqueueModel::WorkqueueModel(Config config)
    : config_(config),
      kickers_(static_cast<unsigned>(config_.kickers)),
      slots_(static_cast<unsigned>(config_.slots())) {}

WqData WorkqueueModel::initial_data() const {
  const Config& cfg = config_;
  WqData d;
  const std::uint8_t unbound = cfg.percpu() ? 0 : kWorkerUnbound;
  // Idle workers: slot 0 is the head (most recently idled), the last idle slot is the tail.
  for (int s = 0; s < cfg.workers; ++s) {
    WorkerSlot& w = d.workers[s];
    w.flags = static_cast<std::uint8_t>(kWorkerIdle | kWorkerPrep | unbound);
    w.pc = WorkerPc::kAsleep;
    w.last_active = cfg.expiry == Expiry::kClock ? (cfg.initially_expired ? 0 : 1)
                                                 : (cfg.initially_expired ? 1 : 0);
    d.tasks[s].state = TaskState::kIdle;
    d.pool.idle_list[d.pool.idle_len++] = static_cast<std::uint8_t>(s);
  }
  // Busy workers: running a work item's function, PREP cleared (per-CPU: counted in nr_running).
  for (int s = cfg.workers; s < cfg.workers + cfg.busy_workers; ++s) {
    WorkerSlot& w = d.workers[s];
    w.flags = unbound;
    w.pc = WorkerPc::kInWork;
    w.current_work = 1;
    d.tasks[s].state = TaskState::kRunning;
    if (cfg.percpu()) ++d.pool.nr_running;
  }
  d.pool.nr_workers = static_cast<std::uint8_t>(cfg.workers + cfg.busy_workers);
  d.pool.nr_idle = static_cast<std::uint8_t>(cfg.workers);
  for (int k = 0; k < cfg.kickers; ++k) {
    d.kickers[k].remaining = static_cast<std::uint8_t>(cfg.works_per_kicker);
  }
  for (int k = cfg.kickers; k < kMaxKickers; ++k) d.kickers[k].pc = KickerPc::kDone;
  // As if the head had just gone idle: worker_enter_idle() armed the timer for its expiry.
  if (cfg.workers > 0 &&
      too_many_workers_formula(cfg.workers, cfg.workers + cfg.busy_workers, false)) {
    d.pool.timer_armed = 1;
    d.pool.timer_at = cfg.expiry == Expiry::kClock ? static_cast<std::uint8_t>(d.workers[0].last_active + 1) : 0;
  }
  return d;
}

std::unique_ptr<State> WorkqueueModel::initial() const {
  auto s = std::make_unique<WqState>();
  s->d = initial_data();
  return s;
}

std::string WorkqueueModel::actor_name(ActorId a) const {
  if (a < timer_actor()) return fmt::format("kicker{}", a);
  if (a == timer_actor()) return "idle_timer";
  if (a == culler_actor()) return "culler";
  if (a < expiry_actor(0)) return fmt::format("worker{}", a - worker_actor(0));
  if (a < clock_actor()) return fmt::format("expiry{}", a - expiry_actor(0));
  if (a == clock_actor()) return "clock";
  if (a == destroyer_actor()) return "destroyer";
  return fmt::format("blocker{}", a - blocker_actor(0));
}

ActorStatus WorkqueueModel::status_of(const WqData& d, ActorId a) const {
  const Config& cfg = config_;
  if (a < timer_actor()) return kicker_status(d, cfg, a);
  if (a == timer_actor()) return timer_status(d, cfg);
  if (a == culler_actor()) return culler_status(d, cfg);
  if (a < expiry_actor(0)) return worker_status(d, cfg, a - worker_actor(0));
  if (a < clock_actor()) return expiry_status(d, cfg, a - expiry_actor(0));
  if (a == clock_actor()) return clock_status(d, cfg);
  if (a == destroyer_actor()) return destroyer_status(d, cfg);
  return blocker_status(d, cfg, a - blocker_actor(0));
}

ActorStatus WorkqueueModel::status(const State& s, ActorId a) const { return status_of(data(s), a); }

void WorkqueueModel::blocking_footprint(const State& s, ActorId a, Footprint& out) const {
  blocking_footprint_of(data(s), a, out);
}

void WorkqueueModel::blocking_footprint_of(const WqData& d, ActorId a, Footprint& out) const {
  const Config& cfg = config_;
  if (a < timer_actor()) return kicker_blocking(d, cfg, a, out);
  if (a == timer_actor()) return timer_blocking(d, cfg, out);
  if (a == culler_actor()) return culler_blocking(d, cfg, out);
  if (a < expiry_actor(0)) return worker_blocking(d, cfg, a - worker_actor(0), out);
  if (a < clock_actor()) return expiry_blocking(d, cfg, a - expiry_actor(0), out);
  if (a == clock_actor()) return clock_blocking(d, cfg, out);
  if (a == destroyer_actor()) return destroyer_blocking(d, cfg, out);
  return blocker_blocking(d, cfg, a - blocker_actor(0), out);
}

std::uint32_t WorkqueueModel::step_data(WqData& d, ActorId a, Footprint& fp) const {
  // A step reads what decided that its actor could take it.
  blocking_footprint_of(d, a, fp);
  StepContext c{d, config_, fp};
  if (a < timer_actor()) return kicker_step(c, a);
  if (a == timer_actor()) return timer_step(c);
  if (a == culler_actor()) return culler_step(c);
  if (a < expiry_actor(0)) return worker_step(c, a - worker_actor(0));
  if (a < clock_actor()) return expiry_step(c, a - expiry_actor(0));
  if (a == clock_actor()) return clock_step(c);
  if (a == destroyer_actor()) return destroyer_step(c);
  return blocker_step(c, a - blocker_actor(0));
}

void WorkqueueModel::step(State& s, ActorId a, Event& out) const {
  out.actor = a;
  out.action = step_data(data(s), a, out.footprint);
}

const std::vector<Property>& WorkqueueModel::properties() const { return workqueue_properties(); }

PropertySet WorkqueueModel::violations(const State& s) const {
  return data(s).violated & config_.checked;
}

PropertySet WorkqueueModel::terminal_violations(const State& s) const {
  return terminal_property_violations(data(s)) & config_.checked;
}

bool WorkqueueModel::discarded(const State& s) const { return data(s).discarded != 0; }

std::string WorkqueueModel::action_name(std::uint32_t action) const { return action_label(action); }
std::string WorkqueueModel::action_source(std::uint32_t action) const {
  return action_kernel_source(action);
}
std::string WorkqueueModel::location_name(Location l) const { return location_string(l); }

nlohmann::json WorkqueueModel::state_json(const State& s) const {
  const WqData& d = data(s);
  nlohmann::json pool;
  nlohmann::json idle = nlohmann::json::array();
  for (std::uint8_t i = 0; i < d.pool.idle_len; ++i) idle.push_back(d.pool.idle_list[i]);
  pool["worklist"] = d.pool.worklist;
  pool["nr_workers"] = d.pool.nr_workers;
  pool["nr_idle"] = d.pool.nr_idle;
  pool["nr_running"] = d.pool.nr_running;
  pool["manager_active"] = d.pool.manager_active != 0;
  pool["idle_list_head_to_tail"] = idle;
  pool["idle_timer"] = d.pool.timer_armed ? nlohmann::json(d.pool.timer_at) : nlohmann::json(nullptr);
  pool["idle_cull_work_pending"] = d.pool.cull_queued != 0;
  if (config_.expiry == Expiry::kClock) pool["jiffies"] = d.pool.jiffies;
  nlohmann::json workers = nlohmann::json::array();
  for (int i = 0; i < config_.slots(); ++i) {
    const WorkerSlot& w = d.workers[i];
    const TaskSlot& t = d.tasks[i];
    nlohmann::json j;
    j["id"] = i;
    j["at"] = worker_pc_name(w.pc);
    j["flags"] = worker_flags_string(w.flags);
    j["current_work"] = w.current_work != 0;
    if (config_.expiry == Expiry::kClock) {
      j["last_active"] = w.last_active;
    } else {
      j["expired"] = w.last_active != 0;
    }
    j["kicked"] = w.kicked != 0;
    if (config_.blockers() && w.blocks) j["work_blocks"] = true;
    if (w.wake_target) j["deferred_wake_of"] = w.wake_target - 1;
    j["task"] = task_state_name(t.state);
    if (t.refs) j["task_extra_refs"] = t.refs;
    if (t.should_stop) j["kthread_should_stop"] = true;
    workers.push_back(j);
  }
  nlohmann::json kickers = nlohmann::json::array();
  for (int k = 0; k < config_.kickers; ++k) {
    const KickerSlot& ks = d.kickers[k];
    nlohmann::json j;
    j["remaining"] = ks.remaining;
    j["at"] = ks.pc == KickerPc::kQueue ? "queue" : ks.pc == KickerPc::kDeferredWake ? "deferred_wake" : "done";
    if (ks.wake_target) j["deferred_wake_of"] = ks.wake_target - 1;
    kickers.push_back(j);
  }
  nlohmann::json culler;
  culler["at"] = d.culler == CullerPc::kWait ? "wait" : d.culler == CullerPc::kStop ? "kthread_stop" : "kthread_stop_put";
  nlohmann::json victims = nlohmann::json::array();
  for (std::uint8_t i = 0; i < d.cull.count; ++i) victims.push_back(d.cull.victims[i]);
  culler["cull_list"] = victims;
  nlohmann::json out;
  out["pool"] = pool;
  out["workers"] = workers;
  out["kickers"] = kickers;
  out["culler"] = culler;
  out["culled_kicked_worker"] = d.culled_kicked != 0;
  if (config_.destroy) {
    out["destroyer"] = destroyer_pc_name(d.destroyer);
    out["pool"]["freed"] = d.pool_freed != 0;
  }
  if (d.freed_wake_site != WakeSite::kNone) {
    out["freed_wake_from"] = d.freed_wake_site == WakeSite::kQueueWork
                                 ? "__queue_work (rcu_read_lock, IRQs off)"
                                 : "process_one_work (preemptible, no RCU)";
  }
  return out;
}

}  // namespace wqcheck::wq
