// TerminalRecorder: a Model that forwards everything to another model and remembers every
// terminal state the explorer classifies (as JSON text), so tests can compare the sets of
// reachable terminal states across algorithms.
#pragma once

#include <set>
#include <string>

#include <nlohmann/json.hpp>

#include "explorer/explore.h"
#include "explorer/model.h"

namespace wqcheck::testing {

class TerminalRecorder final : public Model {
 public:
  explicit TerminalRecorder(const Model& inner) : inner_(inner) {}

  const std::set<std::string>& terminals() const { return terminals_; }

  std::string kind() const override { return inner_.kind(); }
  std::unique_ptr<State> initial() const override { return inner_.initial(); }
  std::size_t actor_count() const override { return inner_.actor_count(); }
  std::string actor_name(ActorId a) const override { return inner_.actor_name(a); }
  ActorStatus status(const State& s, ActorId a) const override { return inner_.status(s, a); }
  void blocking_footprint(const State& s, ActorId a, Footprint& out) const override {
    inner_.blocking_footprint(s, a, out);
  }
  void step(State& s, ActorId a, Event& out) const override { inner_.step(s, a, out); }
  const std::vector<Property>& properties() const override { return inner_.properties(); }
  PropertySet violations(const State& s) const override { return inner_.violations(s); }
  PropertySet terminal_violations(const State& s) const override {
    terminals_.insert(inner_.state_json(s).dump());
    return inner_.terminal_violations(s);
  }
  bool discarded(const State& s) const override { return inner_.discarded(s); }
  std::string action_name(std::uint32_t a) const override { return inner_.action_name(a); }
  std::string location_name(Location l) const override { return inner_.location_name(l); }
  nlohmann::json state_json(const State& s) const override { return inner_.state_json(s); }

 private:
  const Model& inner_;
  mutable std::set<std::string> terminals_;
};

// An exploration with keep_going, and the terminal states it reached (when `record` is set;
// recording costs a JSON rendering per terminal state).
struct RecordedRun {
  Result result;
  std::set<std::string> terminals;
  std::vector<Status> statuses() const {
    std::vector<Status> out;
    for (const PropertyResult& p : result.properties) out.push_back(p.status);
    return out;
  }
};

inline RecordedRun explore_recording(const Model& model, Algorithm algorithm, bool record = true,
                                     std::uint64_t max_executions = 0) {
  Options options;
  options.algorithm = algorithm;
  options.keep_going = true;
  options.bounds.max_executions = max_executions;
  if (!record) return RecordedRun{explore(model, options), {}};
  TerminalRecorder recorder(model);
  Result result = explore(recorder, options);
  return RecordedRun{result, recorder.terminals()};
}

}  // namespace wqcheck::testing
