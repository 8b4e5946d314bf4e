#include "tests/support/class_counter.h"

#include <algorithm>
#include <memory>
#include <set>
#include <tuple>
#include <vector>

namespace wqcheck::testing {

namespace {

class Enumerator {
 public:
  Enumerator(const Model& model, std::uint64_t limit) : model_(model), limit_(limit) {}

  ClassCount run() {
    states_.push_back(model_.initial());
    visit(0);
    result_.classes = keys_.size();
    return result_;
  }

 private:
  bool out_of_budget() {
    if (limit_ != 0 && result_.executions + result_.discarded >= limit_) {
      result_.complete = false;
      return true;
    }
    return false;
  }

  // Executions run until no actor is enabled; then, as in the explorer (explorer/search.h),
  // a discarded one is counted apart and any other is one execution with the properties its
  // steps flagged plus those of its final state.
  void visit(std::size_t depth) {
    if (out_of_budget()) return;
    const State& here = *states_[depth];
    bool any_enabled = false;
    for (ActorId a = 0; a < model_.actor_count(); ++a) {
      if (model_.status(here, a) != ActorStatus::kEnabled) continue;
      any_enabled = true;
      if (states_.size() <= depth + 1) {
        states_.push_back(here.clone());
      } else {
        states_[depth + 1]->assign(here);
      }
      Event event;
      model_.step(*states_[depth + 1], a, event);
      event.actor = a;
      events_.push_back(event);
      visit(depth + 1);
      events_.pop_back();
      if (out_of_budget()) return;
    }
    if (any_enabled) return;
    if (model_.discarded(here)) {
      ++result_.discarded;
      return;
    }
    for (ActorId a = 0; a < model_.actor_count(); ++a) {
      if (model_.status(here, a) != ActorStatus::kFinished) {
        ++result_.deadlocked;
        break;
      }
    }
    result_.violated |= model_.violations(here) | model_.terminal_violations(here);
    ++result_.executions;
    keys_.insert(key());
  }

  // Per-actor event sequences, then the sorted list of ordered dependent pairs.
  std::vector<std::uint64_t> key() const {
    const std::size_t actors = model_.actor_count();
    std::vector<std::vector<std::uint64_t>> per_actor(actors);
    std::vector<std::uint64_t> position(events_.size());
    for (std::size_t i = 0; i < events_.size(); ++i) {
      const Event& e = events_[i];
      std::vector<std::uint64_t>& seq = per_actor[e.actor];
      position[i] = std::count_if(events_.begin(), events_.begin() + static_cast<std::ptrdiff_t>(i),
                                  [&](const Event& x) { return x.actor == e.actor; });
      seq.push_back(e.action);
      seq.push_back(e.footprint.accesses().size());
      for (const Access& a : e.footprint.accesses()) seq.push_back(a.loc * 2 + (a.write ? 1 : 0));
    }
    std::vector<std::tuple<std::uint64_t, std::uint64_t, std::uint64_t, std::uint64_t>> pairs;
    for (std::size_t i = 0; i < events_.size(); ++i) {
      for (std::size_t j = i + 1; j < events_.size(); ++j) {
        if (dependent(events_[i], events_[j])) {
          pairs.emplace_back(events_[i].actor, position[i], events_[j].actor, position[j]);
        }
      }
    }
    std::sort(pairs.begin(), pairs.end());
    std::vector<std::uint64_t> k;
    for (const auto& seq : per_actor) {
      k.push_back(seq.size());
      k.insert(k.end(), seq.begin(), seq.end());
    }
    for (const auto& [a, i, b, j] : pairs) k.insert(k.end(), {a, i, b, j});
    return k;
  }

  const Model& model_;
  std::uint64_t limit_;
  ClassCount result_;
  std::vector<std::unique_ptr<State>> states_;
  std::vector<Event> events_;
  std::set<std::vector<std::uint64_t>> keys_;
};

}  // namespace

ClassCount count_classes(const Model& model, std::uint64_t max_executions) {
  return Enumerator(model, max_executions).run();
}

}  // namespace wqcheck::testing
