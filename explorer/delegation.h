// Delegation: the seam through which a running DPOR search lends subtrees of its exploration
// tree to other threads without changing what it computes (docs/parallel.md).
//
// The search (explorer/dpor.cpp) knows nothing about threads. Between two executions it may
// see that a thread is hungry and hand over one child it has not explored yet: a Subtree, which
// is a snapshot of its path down to that child's node plus everything the child's exploration
// will read. When the search's own depth-first order reaches that child, it claims the outcome:
// the counts and counterexamples of the subtree, and the races it found whose reversals belong
// to nodes above it, which the search then applies as if it had found them itself. An outcome
// is only valid if the child's input did not change in between (optimal DPOR can still insert
// into a pending child's wakeup subtree); the search revokes the delegation when it does, and
// explores the child itself. So the search computes exactly what it computes alone, whatever the
// threads do. explorer/parallel.cpp implements the Delegator with a pool of threads; tests use
// single-threaded ones that explore subtrees early, late, or never.
//
// Each delegated subtree is explored by a Search of its own, so budgets that a Search enforces
// by itself (Bounds::max_executions, max_seconds) would apply to each piece separately; a
// delegating search is given none, and its driver enforces them over the whole run.
#pragma once

#include <cstdint>
#include <memory>

namespace wqcheck {

class Subtree;         // explorer/dpor.h
class SubtreeOutcome;  // explorer/dpor.h

using Ticket = std::uint64_t;

class Delegator {
 public:
  virtual ~Delegator() = default;
  // Called between executions; must be cheap. True if handing over a subtree now would keep an
  // otherwise idle thread busy.
  virtual bool hungry() const = 0;
  // Takes over a subtree the caller will not explore itself unless its claim comes back empty.
  virtual Ticket delegate(std::unique_ptr<Subtree> subtree) = 0;
  // The caller has reached the delegated subtree. Returns its outcome once it has been explored
  // (waiting for it if it is under way), or null if it has not been explored (the caller then
  // explores it itself). The ticket is spent either way.
  virtual std::unique_ptr<SubtreeOutcome> claim(Ticket ticket) = 0;
  // The subtree's input changed, or the caller stops: its outcome will never be claimed.
  // Returns once the subtree's exploration no longer reads the caller's data
  // (Subtree::input_released), so that the caller may change it.
  virtual void revoke(Ticket ticket) = 0;
  // A subtree explored before, whose storage the caller may reuse for the next one it delegates
  // (explore_subtree leaves it there), or null.
  virtual std::unique_ptr<Subtree> spare() { return nullptr; }
};

}  // namespace wqcheck
