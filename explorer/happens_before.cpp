#include "explorer/happens_before.h"

#include <algorithm>

namespace wqcheck {

HappensBefore::HappensBefore(std::size_t actors) { reset(actors); }

void HappensBefore::reset(std::size_t actors) {
  actors_ = actors;
  size_ = 0;
  actor_.clear();
  local_index_.clear();
  previous_.clear();
  clocks_.clear();
  races_.clear();
  slots_begin_.assign(1, 0);
  slots_.clear();
  actor_count_.assign(actors, 0);
  last_of_actor_.assign(actors, -1);
  for (auto& stack : stacks_) stack.clear();
}

std::uint32_t HappensBefore::slot_of(Location loc) {
  auto [it, added] = slot_.try_emplace(loc, static_cast<std::uint32_t>(slot_.size()));
  if (added) stacks_.emplace_back();
  return it->second;
}

void HappensBefore::truncate(std::size_t size) {
  while (size_ > size) {
    const std::size_t i = --size_;
    for (std::uint32_t k = slots_begin_[i]; k < slots_begin_[i + 1]; ++k) stacks_[slots_[k]].pop_back();
    slots_.resize(slots_begin_[i]);
    slots_begin_.resize(i + 1);
    --actor_count_[actor_[i]];
    last_of_actor_[actor_[i]] = previous_[i];
  }
}

void HappensBefore::push(const Event& event) {
  const auto j = static_cast<std::uint32_t>(size_);
  const ActorId a = event.actor;

  // Immediate conflicting predecessors: per location, the reads since the last write if this
  // event writes and there are any, else the last write.
  candidates_.clear();
  const std::size_t first_slot = slots_.size();
  for (const wqcheck::Access& access : event.footprint.accesses()) {
    const std::uint32_t slot = slot_of(access.loc);
    slots_.push_back(slot);
    const std::vector<Access>& stack = stacks_[slot];
    if (stack.empty()) continue;
    const auto top = static_cast<std::int32_t>(stack.size()) - 1;
    const std::int32_t last_write = stack.back().write ? top : stack.back().last_write;
    if (access.write && last_write < top) {
      for (std::int32_t k = last_write + 1; k <= top; ++k) candidates_.push_back(stack[static_cast<std::size_t>(k)].event);
    } else if (last_write >= 0) {
      candidates_.push_back(stack[static_cast<std::size_t>(last_write)].event);
    }
  }
  std::sort(candidates_.begin(), candidates_.end());
  candidates_.erase(std::unique(candidates_.begin(), candidates_.end()), candidates_.end());

  // The event's row; storage beyond size_ is reused.
  if (actor_.size() <= j) {
    actor_.push_back(a);
    local_index_.push_back(0);
    previous_.push_back(-1);
    races_.emplace_back();
    clocks_.resize(clocks_.size() + actors_);
  }
  ++size_;
  actor_[j] = a;
  local_index_[j] = ++actor_count_[a];
  const std::int64_t previous = last_of_actor_[a];
  previous_[j] = previous;
  std::uint32_t* mine = clock(j);
  if (previous >= 0) {
    std::copy_n(clock(static_cast<std::size_t>(previous)), actors_, mine);
  } else {
    std::fill_n(mine, actors_, 0);
  }
  for (std::uint32_t c : candidates_) {
    const std::uint32_t* theirs = clock(c);
    for (std::size_t k = 0; k < actors_; ++k) mine[k] = std::max(mine[k], theirs[k]);
  }
  mine[a] = local_index_[j];
  last_of_actor_[a] = j;

  // A candidate of another actor races with j unless it already happens before j's program
  // order predecessor or before another candidate.
  std::vector<std::uint32_t>& races = races_[j];
  races.clear();
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

  // Record the accesses.
  std::size_t k = first_slot;
  for (const wqcheck::Access& access : event.footprint.accesses()) {
    std::vector<Access>& stack = stacks_[slots_[k++]];
    std::int32_t last_write = -1;
    if (!stack.empty()) {
      last_write = stack.back().write ? static_cast<std::int32_t>(stack.size()) - 1 : stack.back().last_write;
    }
    stack.push_back(Access{j, access.write, last_write});
  }
  slots_begin_.push_back(static_cast<std::uint32_t>(slots_.size()));
}

}  // namespace wqcheck
