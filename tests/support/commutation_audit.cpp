#include "tests/support/commutation_audit.h"

#include <nlohmann/json.hpp>

#include "explorer/random_walk.h"

namespace wqcheck::testing {

namespace {

std::string describe(const Model& model, ActorId a, const Event& e) {
  std::string out = model.actor_name(a) + ":" + model.action_name(e.action) + " {";
  for (const Access& x : e.footprint.accesses()) {
    out += (x.write ? " w " : " r ") + model.location_name(x.loc);
  }
  return out + " }";
}

}  // namespace

std::vector<std::string> audit_commutation(const Model& model, std::uint64_t seed, int walks,
                                           std::size_t max_reports) {
  std::vector<std::string> problems;
  SplitMix64 rng(seed);
  auto report = [&](const std::string& what) {
    if (problems.size() < max_reports) problems.push_back(what);
  };
  for (int walk = 0; walk < walks && problems.size() < max_reports; ++walk) {
    std::unique_ptr<State> state = model.initial();
    for (int depth = 0; depth < 200; ++depth) {
      std::vector<ActorId> enabled;
      for (ActorId a = 0; a < model.actor_count(); ++a) {
        if (model.status(*state, a) == ActorStatus::kEnabled) enabled.push_back(a);
      }
      if (enabled.empty()) break;
      for (ActorId a : enabled) {
        for (ActorId b = 0; b < model.actor_count(); ++b) {
          if (a == b) continue;
          Event ea;
          std::unique_ptr<State> after_a = state->clone();
          model.step(*after_a, a, ea);
          ea.actor = a;
          ActorStatus before = model.status(*state, b);
          ActorStatus after = model.status(*after_a, b);
          if (before != ActorStatus::kEnabled) {
            // Stepping a may change b's blocking only by writing what b's blocking reads.
            if (before != after) {
              Footprint blocking;
              model.blocking_footprint(*state, b, blocking);
              Footprint written;
              for (const Access& x : ea.footprint.accesses()) {
                if (x.write) written.write(x.loc);
              }
              if (!written.conflicts_with(blocking)) {
                report("stepping " + describe(model, a, ea) + " changed the status of " +
                       model.actor_name(b) + " without writing its blocking footprint; state " +
                       model.state_json(*state).dump());
              }
            }
            continue;
          }
          Event eb;
          std::unique_ptr<State> after_b = state->clone();
          model.step(*after_b, b, eb);
          eb.actor = b;
          if (dependent(ea, eb)) continue;
          if (after != ActorStatus::kEnabled) {
            report(describe(model, a, ea) + " disabled " + describe(model, b, eb) +
                   " though independent; state " + model.state_json(*state).dump());
            continue;
          }
          Event eb2, ea2;
          std::unique_ptr<State> ab = after_a->clone();
          model.step(*ab, b, eb2);
          eb2.actor = b;
          std::unique_ptr<State> ba = after_b->clone();
          model.step(*ba, a, ea2);
          ea2.actor = a;
          if (!(eb2 == eb) || !(ea2 == ea)) {
            report("independent " + describe(model, a, ea) + " and " + describe(model, b, eb) +
                   " change each other's events; state " + model.state_json(*state).dump());
          } else if (!ab->equals(*ba)) {
            report("independent " + describe(model, a, ea) + " and " + describe(model, b, eb) +
                   " do not commute: " + model.state_json(*ab).dump() + " vs " + model.state_json(*ba).dump());
          }
        }
      }
      Event e;
      model.step(*state, enabled[rng.below(enabled.size())], e);
    }
  }
  return problems;
}

}  // namespace wqcheck::testing
