// EventTable: each distinct event stored once and named by a dense 32-bit id. The wakeup trees of
// optimal DPOR hold hundreds of thousands of nodes but only as many distinct events as the model
// has steps (an actor's step at one program point, with one footprint): a node that names its
// event by id is 12 bytes instead of an Event and its footprint's heap block, which on
// lastzero(15) is 25 MB less memory to fault in. Ids are stable; events are immutable once
// interned, and live in a StableArray, so another thread may read an event by an id it was given
// while the owner interns more.
#pragma once

#include <cstddef>
#include <cstdint>

#include <absl/container/flat_hash_set.h>

#include "explorer/model.h"
#include "explorer/stable_array.h"

namespace wqcheck {

class EventTable {
 public:
  using Id = std::int32_t;

  EventTable();
  // The index points into the table: it stays where it is made.
  EventTable(const EventTable&) = delete;
  EventTable& operator=(const EventTable&) = delete;

  // The id of `event`, interning a copy of it if it is new.
  Id intern(const Event& event);
  const Event& operator[](Id id) const { return events_[static_cast<std::size_t>(id)]; }
  std::size_t size() const { return events_.size(); }
  // Forgets every event (ids given out before become invalid); keeps the storage.
  void clear();

 private:
  // The index hashes and compares ids by the events they name, and looks events up directly.
  struct Hash {
    using is_transparent = void;
    const StableArray<Event>* events;
    std::size_t operator()(Id id) const { return (*this)((*events)[static_cast<std::size_t>(id)]); }
    std::size_t operator()(const Event& e) const;
  };
  struct Equal {
    using is_transparent = void;
    const StableArray<Event>* events;
    const Event& of(Id id) const { return (*events)[static_cast<std::size_t>(id)]; }
    bool operator()(Id a, Id b) const { return a == b; }
    bool operator()(Id a, const Event& b) const { return of(a) == b; }
    bool operator()(const Event& a, Id b) const { return a == of(b); }
  };

  StableArray<Event> events_;
  absl::flat_hash_set<Id, Hash, Equal> index_;
};

}  // namespace wqcheck
