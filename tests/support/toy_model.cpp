#include "tests/support/toy_model.h"

#include <nlohmann/json.hpp>

namespace wqcheck::toy {

namespace {

enum Actor : ActorId { kKicker, kCuller, kWorker, kClock };
enum Loc : Location { kPoolLock, kWorklist, kIdleList, kW0Flags, kW0Task, kJiffies };
enum Action : std::uint32_t { kQueueWork, kCull, kWorkerStep, kTick };
enum class Task { kSleeping, kWoken, kRunning, kExited };

struct ToyState final : State {
  int worklist = 0;
  bool idle = true;  // W0 on the idle list with WORKER_IDLE set
  bool die = false;
  Task task = Task::kSleeping;
  bool kicker_done = false, culler_done = false;
  int jiffies = 0;
  bool culled_while_kicked = false;

  std::unique_ptr<State> clone() const override { return std::make_unique<ToyState>(*this); }
  void assign(const State& other) override { *this = static_cast<const ToyState&>(other); }
  std::uint64_t hash() const override {
    return static_cast<std::uint64_t>(worklist) ^ (idle << 4) ^ (die << 5) ^
           (static_cast<std::uint64_t>(task) << 6) ^ (kicker_done << 9) ^ (culler_done << 10) ^
           (static_cast<std::uint64_t>(jiffies) << 12) ^ (culled_while_kicked << 11);
  }
  bool equals(const State& other) const override {
    const auto& o = static_cast<const ToyState&>(other);
    return worklist == o.worklist && idle == o.idle && die == o.die && task == o.task &&
           kicker_done == o.kicker_done && culler_done == o.culler_done && jiffies == o.jiffies &&
           culled_while_kicked == o.culled_while_kicked;
  }
};

const char* task_name(Task t) {
  switch (t) {
    case Task::kSleeping: return "sleeping";
    case Task::kWoken: return "woken";
    case Task::kRunning: return "running";
    case Task::kExited: return "exited";
  }
  return "?";
}

class ToyModel final : public Model {
 public:
  explicit ToyModel(ToyOptions options) : options_(std::move(options)) {}

  std::string kind() const override { return "toy"; }
  std::unique_ptr<State> initial() const override { return std::make_unique<ToyState>(); }
  std::size_t actor_count() const override { return 4; }
  std::string actor_name(ActorId a) const override {
    static const char* names[] = {"CPU0 kicker", "CPU1 culler", "W0", "clock"};
    return names[a];
  }

  ActorStatus status(const State& state, ActorId actor) const override {
    const auto& s = static_cast<const ToyState&>(state);
    switch (actor) {
      case kKicker: return s.kicker_done ? ActorStatus::kFinished : ActorStatus::kEnabled;
      case kCuller: return s.culler_done ? ActorStatus::kFinished : ActorStatus::kEnabled;
      case kWorker:
        if (s.task == Task::kWoken) return ActorStatus::kEnabled;
        return s.task == Task::kSleeping ? ActorStatus::kBlocked : ActorStatus::kFinished;
      default: return s.jiffies < options_.ticks ? ActorStatus::kEnabled : ActorStatus::kFinished;
    }
  }
  void blocking_footprint(const State&, ActorId actor, Footprint& out) const override {
    if (actor == kWorker) out.read(kW0Task);
  }

  void step(State& state, ActorId actor, Event& out) const override {
    auto& s = static_cast<ToyState&>(state);
    out.actor = actor;
    switch (actor) {
      case kKicker:  // __queue_work(): insert the work, kick_pool() wakes the first idle worker
        out.action = kQueueWork;
        out.footprint.write(kPoolLock);
        out.footprint.write(kWorklist);
        out.footprint.read(kIdleList);
        s.worklist++;
        if (s.idle) {
          out.footprint.write(kW0Task);
          s.task = Task::kWoken;
        }
        s.kicker_done = true;
        break;
      case kCuller:  // idle_cull_fn(): set the idle worker dying
        out.action = kCull;
        out.footprint.write(kPoolLock);
        out.footprint.write(kIdleList);
        out.footprint.read(kW0Task);
        if (s.idle) {
          out.footprint.write(kW0Flags);
          s.idle = false;
          s.die = true;
          if (s.task == Task::kWoken) s.culled_while_kicked = true;
        }
        s.culler_done = true;
        break;
      case kWorker:  // worker_thread(): woke_up, exit on DIE, else take the work
        out.action = kWorkerStep;
        out.footprint.write(kPoolLock);
        out.footprint.write(kW0Task);
        out.footprint.read(kW0Flags);
        if (s.die) {
          s.task = Task::kExited;
        } else {
          out.footprint.write(kW0Flags);
          out.footprint.write(kIdleList);
          out.footprint.write(kWorklist);
          s.idle = false;
          s.worklist = 0;
          s.task = Task::kRunning;
        }
        break;
      default:
        out.action = kTick;
        out.footprint.write(kJiffies);
        s.jiffies++;
        break;
    }
  }

  const std::vector<Property>& properties() const override { return properties_; }
  PropertySet violations(const State& state) const override {
    return static_cast<const ToyState&>(state).culled_while_kicked ? 1 : 0;
  }
  PropertySet terminal_violations(const State& state) const override {
    return static_cast<const ToyState&>(state).worklist > 0 ? 2 : 0;
  }

  std::string action_name(std::uint32_t action) const override {
    switch (action) {
      case kQueueWork: return "queue_work";
      case kCull: return "cull";
      case kWorkerStep: return options_.worker_action;
      default: return "tick";
    }
  }
  std::string action_source(std::uint32_t action) const override {
    switch (action) {
      case kQueueWork: return "__queue_work()";
      case kCull: return "idle_cull_fn()";
      case kWorkerStep: return "worker_thread()";
      default: return "";
    }
  }
  std::string location_name(Location loc) const override {
    static const char* names[] = {"pool.lock", "pool.worklist", "pool.idle_list",
                                  "W0.flags",  "W0.task",       "jiffies"};
    return names[loc];
  }
  nlohmann::json state_json(const State& state) const override {
    const auto& s = static_cast<const ToyState&>(state);
    nlohmann::json flags = nlohmann::json::array();
    if (s.idle) flags.push_back("IDLE");
    if (s.die) flags.push_back("DIE");
    nlohmann::json idle_list = nlohmann::json::array();
    if (s.idle) idle_list.push_back("W0");
    return {
        {"jiffies", s.jiffies},
        {"pool", {{"idle_list", idle_list}, {"worklist", s.worklist}}},
        {"W0", {{"flags", flags}, {"task", task_name(s.task)}}},
    };
  }

 private:
  ToyOptions options_;
  std::vector<Property> properties_ = {
      {"kicked-worker-survives", "a worker that kick_pool() woke is never set dying before it runs"},
      {"no-stranded-work", "in a terminal state the worklist is empty"},
  };
};

}  // namespace

std::unique_ptr<Model> make_toy_model(const ToyOptions& options) {
  return std::make_unique<ToyModel>(options);
}

LoadResult load_toy_document(const nlohmann::json& document, const std::string& label) {
  if (!document.is_object() || document.value("model", "") != "toy") {
    return InputError{label, "model", "expected \"toy\""};
  }
  ToyOptions options;
  if (document.contains("ticks")) {
    if (!document["ticks"].is_number_integer() || document["ticks"].get<int>() < 0) {
      return InputError{label, "ticks", "expected a non-negative integer"};
    }
    options.ticks = document["ticks"].get<int>();
  }
  options.worker_action = document.value("worker_action", options.worker_action);
  ModelFile file;
  file.path = label;
  file.document = document;
  file.model = make_toy_model(options);
  return file;
}

}  // namespace wqcheck::toy
