#include "explorer/reversal_log.h"

#include <algorithm>

namespace wqcheck {

void ReversalLog::add_sequence_from(const ReversalLog& other, std::size_t k) {
  nodes_.push_back(other.nodes_[k]);
  for (std::size_t e = other.event_begin(k); e < other.event_end_[k]; ++e) {
    actors_.push_back(other.actors_[e]);
    actions_.push_back(other.actions_[e]);
    blocked_.push_back(other.blocked_[e]);
    const std::size_t from = e == 0 ? 0 : other.access_end_[e - 1];
    accesses_.insert(accesses_.end(), other.accesses_.begin() + static_cast<std::ptrdiff_t>(from),
                     other.accesses_.begin() + static_cast<std::ptrdiff_t>(other.access_end_[e]));
    access_end_.push_back(static_cast<std::uint32_t>(accesses_.size()));
  }
  event_end_.push_back(static_cast<std::uint32_t>(actors_.size()));
  const std::size_t first = k == 0 ? 0 : other.bits_end_[k - 1];
  bits_.insert(bits_.end(), other.bits_.begin() + static_cast<std::ptrdiff_t>(first),
               other.bits_.begin() + static_cast<std::ptrdiff_t>(other.bits_end_[k]));
  bits_end_.push_back(bits_.size());
}

void ReversalLog::load_events(std::size_t k, std::vector<Event>& out) const {
  const std::size_t begin = event_begin(k);
  out.resize(event_end_[k] - begin);
  for (std::size_t x = 0; x < out.size(); ++x) {
    const std::size_t e = begin + x;
    Event& event = out[x];
    event.actor = actors_[e];
    event.action = actions_[e];
    event.blocked_attempt = blocked_[e] != 0;
    event.footprint.clear();
    for (std::size_t a = e == 0 ? 0 : access_end_[e - 1]; a < access_end_[e]; ++a) event.footprint.add(accesses_[a]);
  }
}

void ReversalLog::add_backtrack(Backtrack b) {
  std::uint64_t h = (b.node * 0x9e3779b97f4a7c15ULL) ^ b.first;
  for (ActorId a : b.initials) h = (h ^ a) * 0x100000001b3ULL;
  // A hash seen before is only a hint: the entries are compared in full.
  if (!backtrack_hashes_.insert(h).second &&
      std::find(backtracks_.begin(), backtracks_.end(), b) != backtracks_.end()) {
    return;
  }
  backtracks_.push_back(std::move(b));
}

void ReversalLog::clear() {
  nodes_.clear();
  event_end_.clear();
  bits_end_.clear();
  actors_.clear();
  actions_.clear();
  blocked_.clear();
  access_end_.clear();
  accesses_.clear();
  bits_.clear();
  backtracks_.clear();
  backtrack_hashes_.clear();
}

}  // namespace wqcheck
