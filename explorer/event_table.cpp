#include "explorer/event_table.h"

#include <utility>

#include <absl/hash/hash.h>

namespace wqcheck {

std::size_t EventTable::Hash::operator()(const Event& e) const {
  std::size_t h = absl::HashOf(e.actor, e.action, e.blocked_attempt);
  for (const Access& a : e.footprint.accesses()) h = absl::HashOf(h, a.loc, a.write);
  return h;
}

EventTable::EventTable() : index_(0, Hash{&events_}, Equal{&events_}) {}

// The index's functors point at events_, so a move rebuilds the index around the new place.
EventTable::EventTable(EventTable&& other) noexcept : EventTable() { *this = std::move(other); }

EventTable& EventTable::operator=(EventTable&& other) noexcept {
  if (this == &other) return *this;
  events_ = std::move(other.events_);
  index_ = absl::flat_hash_set<Id, Hash, Equal>(0, Hash{&events_}, Equal{&events_});
  index_.reserve(events_.size());
  for (std::size_t id = 0; id < events_.size(); ++id) index_.insert(static_cast<Id>(id));
  other.index_.clear();
  return *this;
}

EventTable::Id EventTable::intern(const Event& event) {
  auto it = index_.find(event);
  if (it != index_.end()) return *it;
  const auto id = static_cast<Id>(events_.grow());
  events_[static_cast<std::size_t>(id)] = event;  // reuses the footprint storage a clear() left
  index_.insert(id);
  return id;
}

void EventTable::clear() {
  index_.clear();
  events_.clear();
}

}  // namespace wqcheck
