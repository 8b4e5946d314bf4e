#include "explorer/event_table.h"

#include <absl/hash/hash.h>

namespace wqcheck {

std::size_t EventTable::Hash::operator()(const Event& e) const {
  std::size_t h = absl::HashOf(e.actor, e.action, e.blocked_attempt);
  for (const Access& a : e.footprint.accesses()) h = absl::HashOf(h, a.loc, a.write);
  return h;
}

EventTable::EventTable() : index_(0, Hash{&events_}, Equal{&events_}) {}

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
