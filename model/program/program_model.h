// ProgramModel: a compiled Program run as a wqcheck::Model. Each copy of each thread is an actor;
// a step runs one visible instruction plus the invisible ones after it (see program-format.md).
//
// Properties: `assertion` (a failed assert), `deadlock` (some thread unfinished and none enabled)
// and `program-error` (a run-time error in the program: division by zero, overflow, an index out
// of range, unlocking a mutex the thread does not hold, relocking one it holds, or more than
// kMaxInvisibleRun invisible instructions in a row). A run-time error ends the execution at the
// step that caused it, like a failed assert; state_json() carries its message under "error".
//
// Locations: cell i of the flattened shared memory is Location i; lock slot j is cells + j.
// A load reads its cell; a store, a fetch_add, an exchange and a successful cas write it; a failed
// cas reads it. lock and unlock write their mutex; a thread waiting on a held mutex is blocked,
// and its blocking footprint reads that mutex.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "explorer/model.h"
#include "model/program/program.h"

namespace wqcheck::program {

// The state is one flat vector of integers (see ProgramModel's layout constants).
class ProgramState final : public State {
 public:
  std::vector<std::int64_t> words;

  std::unique_ptr<State> clone() const override { return std::make_unique<ProgramState>(*this); }
  void assign(const State& other) override;
  std::uint64_t hash() const override;
  bool equals(const State& other) const override;
};

enum class RunError : std::int64_t {
  kNone, kAssertFailed, kEvaluation, kIndexOutOfRange, kUnlockNotHeld, kRelock, kInvisibleBound,
};

class ProgramModel final : public Model {
 public:
  explicit ProgramModel(Program program);

  const Program& program() const { return program_; }

  std::string kind() const override { return "program"; }
  std::unique_ptr<State> initial() const override;
  std::size_t actor_count() const override { return actors_.size(); }
  std::string actor_name(ActorId actor) const override { return actors_[actor].name; }
  ActorStatus status(const State& state, ActorId actor) const override;
  void blocking_footprint(const State& state, ActorId actor, Footprint& out) const override;
  void step(State& state, ActorId actor, Event& out) const override;
  const std::vector<Property>& properties() const override { return properties_; }
  PropertySet violations(const State& state) const override;
  PropertySet terminal_violations(const State& state) const override;
  bool discarded(const State& state) const override;
  std::string action_name(std::uint32_t action) const override;
  std::string action_source(std::uint32_t action) const override;
  std::string location_name(Location loc) const override;
  nlohmann::json state_json(const State& state) const override;

  // The run-time error or failed assertion recorded in `state`, as a sentence; "" if none.
  std::string error_message(const State& state) const;
  // Property indices.
  static constexpr std::size_t kAssertion = 0, kDeadlock = 1, kProgramError = 2;

 private:
  struct Actor {
    std::uint32_t thread = 0;
    std::int64_t tid = 0;
    std::string name;
    std::uint32_t offset = 0;  // of this actor's block: pc, waiting mutex, registers
  };

  // Header words of the state.
  static constexpr std::size_t kFlags = 0, kErrKind = 1, kErrActor = 2, kErrPc = 3, kErrA = 4,
                               kErrB = 5, kErrC = 6, kHeader = 7;
  static constexpr std::int64_t kAssertFlag = 1, kErrorFlag = 4, kDiscardFlag = 8;

  void run_invisible(std::int64_t* w, ActorId actor) const;
  void prepare_wait(std::int64_t* w, ActorId actor) const;
  void fail(std::int64_t* w, ActorId actor, std::int64_t pc, RunError kind, std::int64_t a = 0,
            std::int64_t b = 0, std::int64_t c = 0) const;
  // Marks the actor's thread finished (after a failed assert/assume or a run-time error).
  void stop_thread(std::int64_t* w, ActorId actor) const;
  // Cell (or lock slot) addressed by `in` for the actor's registers; -1 after recording an error.
  std::int64_t resolve_index(std::int64_t* w, ActorId actor, std::int64_t pc, const Instruction& in,
                             const Object& object) const;
  const Instruction* find_action(std::uint32_t action, std::uint32_t* thread) const;

  Program program_;
  std::vector<Actor> actors_;
  std::vector<Property> properties_;
  std::uint32_t cells_ = 0;
  std::uint32_t locks_offset_ = 0;
  std::uint32_t state_size_ = 0;
};

}  // namespace wqcheck::program
