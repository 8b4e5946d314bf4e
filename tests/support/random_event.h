// A seeded random Event for the tests of the explorer's event storage (reversal logs, the event
// table): its actor, action, blocked flag and footprint drawn from ranges the test chooses, small
// ones to make equal events common, large ones to make them rare.
#pragma once

#include <cstdint>
#include <random>

#include "explorer/model.h"

namespace wqcheck::testing {

struct EventRanges {
  std::uint64_t actors;
  std::uint64_t actions;
  std::uint64_t blocked_one_in;  // an event is a blocked attempt with probability 1/this
  std::uint64_t accesses;        // fewer than this many accesses
  std::uint64_t locations;
};

inline Event random_event(std::mt19937_64& random, const EventRanges& r) {
  Event e;
  e.actor = static_cast<ActorId>(random() % r.actors);
  e.action = static_cast<std::uint32_t>(random() % r.actions);
  e.blocked_attempt = random() % r.blocked_one_in == 0;
  for (std::uint64_t a = random() % r.accesses; a > 0; --a) {
    if (random() % 2 == 0) {
      e.footprint.read(random() % r.locations);
    } else {
      e.footprint.write(random() % r.locations);
    }
  }
  return e;
}

}  // namespace wqcheck::testing
