#include "explorer/happens_before.h"

#include <algorithm>

namespace wqcheck {

HappensBefore::HappensBefore(std::size_t actors) { reset(actors); }

void HappensBefore::reset(std::size_t actors) {
  actors_ = actors;
  actor_.clear();
  local_index_.clear();
  clocks_.clear();
  races_.clear();
  footprints_.clear();
  actor_count_.assign(actors, 0);
  last_of_actor_.assign(actors, -1);
  history_.clear();
  history_valid_ = true;
}

void HappensBefore::truncate(std::size_t size) {
  if (size >= actor_.size()) return;
  actor_.resize(size);
  local_index_.resize(size);
  clocks_.resize(size * actors_);
  races_.resize(size);
  footprints_.resize(size);
  std::fill(actor_count_.begin(), actor_count_.end(), 0);
  std::fill(last_of_actor_.begin(), last_of_actor_.end(), -1);
  for (std::size_t i = 0; i < size; ++i) {
    ++actor_count_[actor_[i]];
    last_of_actor_[actor_[i]] = static_cast<std::int64_t>(i);
  }
  history_valid_ = false;
}

void HappensBefore::record_access(std::uint32_t index, const Event& event) {
  for (const Access& a : event.footprint.accesses()) {
    LocationHistory& h = history_[a.loc];
    if (a.write) {
      h.last_write = index;
      h.reads.clear();
    } else {
      h.reads.push_back(index);
    }
  }
}

void HappensBefore::rebuild_history() {
  for (auto& [loc, h] : history_) {
    h.last_write = -1;
    h.reads.clear();
  }
  for (std::size_t i = 0; i < actor_.size(); ++i) {
    for (const Access& a : footprints_[i].accesses()) {
      LocationHistory& h = history_[a.loc];
      if (a.write) {
        h.last_write = static_cast<std::int64_t>(i);
        h.reads.clear();
      } else {
        h.reads.push_back(static_cast<std::uint32_t>(i));
      }
    }
  }
  history_valid_ = true;
}

void HappensBefore::push(const Event& event) {
  if (!history_valid_) rebuild_history();
  const auto j = static_cast<std::uint32_t>(actor_.size());
  const ActorId a = event.actor;

  // Immediate conflicting predecessors: per location, the reads since the last write if this
  // event writes and there are any, else the last write.
  candidates_.clear();
  for (const Access& access : event.footprint.accesses()) {
    auto it = history_.find(access.loc);
    if (it == history_.end()) continue;
    const LocationHistory& h = it->second;
    if (access.write && !h.reads.empty()) {
      candidates_.insert(candidates_.end(), h.reads.begin(), h.reads.end());
    } else if (h.last_write >= 0) {
      candidates_.push_back(static_cast<std::uint32_t>(h.last_write));
    }
  }
  std::sort(candidates_.begin(), candidates_.end());
  candidates_.erase(std::unique(candidates_.begin(), candidates_.end()), candidates_.end());

  actor_.push_back(a);
  local_index_.push_back(++actor_count_[a]);
  footprints_.push_back(event.footprint);
  clocks_.resize(clocks_.size() + actors_, 0);
  std::uint32_t* mine = clock(j);
  const std::int64_t previous = last_of_actor_[a];
  if (previous >= 0) std::copy_n(clock(static_cast<std::size_t>(previous)), actors_, mine);
  for (std::uint32_t c : candidates_) {
    const std::uint32_t* theirs = clock(c);
    for (std::size_t k = 0; k < actors_; ++k) mine[k] = std::max(mine[k], theirs[k]);
  }
  mine[a] = local_index_[j];
  last_of_actor_[a] = j;

  // A candidate of another actor races with j unless it already happens before j's program
  // order predecessor or before another candidate.
  races_.emplace_back();
  std::vector<std::uint32_t>& races = races_.back();
  for (std::uint32_t c : candidates_) {
    if (actor_[c] == a) continue;
    if (previous >= 0 && precedes(c, static_cast<std::size_t>(previous))) continue;
    bool covered = false;
    for (std::uint32_t d : candidates_) {
      if (d != c && precedes(c, d)) {
        covered = true;
        break;
      }
    }
    if (!covered) races.push_back(c);
  }
  record_access(j, event);
}

}  // namespace wqcheck
