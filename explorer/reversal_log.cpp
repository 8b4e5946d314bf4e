#include "explorer/reversal_log.h"

#include <algorithm>
#include <stdexcept>

namespace wqcheck {

void ReversalLog::begin_sequence(std::size_t node, std::size_t n, std::size_t shared) {
  if (shared != 0 && (nodes_.empty() || nodes_.back() != node || shared >= sizes_.back() || shared >= n)) {
    throw std::logic_error("reversal log: a shared prefix must be shorter than the previous sequence of its node");
  }
  nodes_.push_back(node);
  sizes_.push_back(static_cast<std::uint32_t>(n));
  shared_.push_back(static_cast<std::uint32_t>(shared));
}

void ReversalLog::add_event(const Event& e) {
  actors_.push_back(e.actor);
  actions_.push_back(e.action);
  blocked_.push_back(e.blocked_attempt ? 1 : 0);
  for (const Access& a : e.footprint.accesses()) accesses_.push_back(a);
  access_end_.push_back(static_cast<std::uint32_t>(accesses_.size()));
}

std::uint64_t* ReversalLog::end_sequence(std::size_t n, std::size_t shared) {
  event_end_.push_back(static_cast<std::uint32_t>(actors_.size()));
  const std::size_t first = rows_.size();
  rows_.resize(first + row_offset(n) - row_offset(shared), 0);
  rows_end_.push_back(rows_.size());
  return rows_.data() + first;
}

void ReversalLog::add_sequence(const Cursor& cursor, bool continues) {
  const std::size_t n = cursor.size();
  const std::size_t shared = continues ? cursor.shared() : 0;
  begin_sequence(cursor.node(), n, shared);
  for (std::size_t x = shared; x < n; ++x) add_event(cursor.event(x));
  std::uint64_t* rows = end_sequence(n, shared);
  std::copy(cursor.rows_.begin() + static_cast<std::ptrdiff_t>(row_offset(shared)),
            cursor.rows_.begin() + static_cast<std::ptrdiff_t>(row_offset(n)), rows);
}

void ReversalLog::Cursor::start(const ReversalLog& log) {
  log_ = &log;
  k_ = 0;
  size_ = 0;
}

void ReversalLog::Cursor::load(std::size_t k) {
  const ReversalLog& log = *log_;
  k_ = k;
  const std::size_t shared = log.shared_[k];
  size_ = log.sizes_[k];
  if (events_.size() < size_) events_.resize(size_);
  std::size_t e = begin_of(log.event_end_, k);
  for (std::size_t x = shared; x < size_; ++x, ++e) {
    Event& event = events_[x];
    event.actor = log.actors_[e];
    event.action = log.actions_[e];
    event.blocked_attempt = log.blocked_[e] != 0;
    event.footprint.clear();
    for (std::size_t a = begin_of(log.access_end_, e); a < log.access_end_[e]; ++a) event.footprint.add(log.accesses_[a]);
  }
  // Rows before `shared` are the previous sequence's, still here.
  rows_.resize(std::max(rows_.size(), row_offset(size_)));
  const std::size_t first = begin_of(log.rows_end_, k);
  std::copy(log.rows_.begin() + static_cast<std::ptrdiff_t>(first),
            log.rows_.begin() + static_cast<std::ptrdiff_t>(log.rows_end_[k]),
            rows_.begin() + static_cast<std::ptrdiff_t>(row_offset(shared)));
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
  sizes_.clear();
  shared_.clear();
  event_end_.clear();
  rows_end_.clear();
  actors_.clear();
  actions_.clear();
  blocked_.clear();
  access_end_.clear();
  accesses_.clear();
  rows_.clear();
  backtracks_.clear();
  backtrack_hashes_.clear();
}

}  // namespace wqcheck
