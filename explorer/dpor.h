// Dynamic partial-order reduction, in the two forms of Abdulla, Aronis, Jonsson and Sagonas
// ("Source Sets: A Foundation for Optimal Dynamic Partial Order Reduction", POPL 2014 and
// JACM 2017):
//  * source-set DPOR with sleep sets (`dpor`): backtrack sets seeded from races; it explores at
//    least one execution per Mazurkiewicz trace, plus some that end sleep-set blocked;
//  * optimal DPOR with wakeup trees (`optimal`): exactly one execution per trace.
// Both run over stored states (one per depth of the current path), detect races with vector
// clocks at the end of each execution, and treat a blocked actor that a race asks for as an
// attempt that reads its blocking locations and ends the execution as blocked (the usual
// "await = assume" reading of blocking), so that blocking needs no special case.
#pragma once

#include <atomic>
#include <cstddef>
#include <memory>
#include <vector>

#include "explorer/delegation.h"
#include "explorer/partition.h"
#include "explorer/search.h"

namespace wqcheck {

enum class DporMode { kSource, kOptimal };

// The storage a search writes at every step: its path (nodes and their states), its wakeup trees
// and its happens-before relation. A thread that runs searches one after another, or nested (a
// delegated subtree's search inside a claim), keeps a DporWorkspaces of its own and passes it to
// each, so that a search works in memory its own thread allocated and kept from the searches
// before. A delegated subtree's search that worked in storage its delegating thread had
// allocated took 15-25 % longer per step than the same search alone (docs/parallel.md), while
// two independent searches in one process lost nothing. Not thread-safe: one per thread.
class DporWorkspaces {
 public:
  struct Workspace;  // explorer/dpor_search.h
  DporWorkspaces();
  ~DporWorkspaces();
  DporWorkspaces(const DporWorkspaces&) = delete;
  DporWorkspaces& operator=(const DporWorkspaces&) = delete;
  // One not in use (made if need be), to give back once the search is done.
  std::unique_ptr<Workspace> take();
  void give_back(std::unique_ptr<Workspace> workspace);

 private:
  std::vector<std::unique_ptr<Workspace>> free_;
};

// Explores the whole tree, or only the subtree of `unit` (explorer/partition.h): then the unit's
// prefix is replayed, the search starts from its node with its sleep set, and races that would
// schedule work above that node are left to the partition (docs/parallel.md says why). With a
// delegator, subtrees may be explored elsewhere (explorer/delegation.h); what the search finds
// and counts is the same. Without workspaces the search makes its own storage.
void explore_dpor(Search& search, DporMode mode, const WorkUnit* unit = nullptr,
                  Delegator* delegator = nullptr, DporWorkspaces* workspaces = nullptr);

// A delegated part of a search: a snapshot of its path down to one node, and the one child it
// has left to explore there. Opaque outside the explorer/dpor*.cpp files.
class Subtree {
 public:
  struct Impl;
  explicit Subtree(std::unique_ptr<Impl> impl);
  ~Subtree();
  Impl& impl() { return *impl_; }
  // The depth of the node whose child it is.
  std::size_t depth() const;
  // Becomes true once the exploration of this subtree no longer reads the delegating search's
  // data (which it does at its very start); a revoked delegation waits for it.
  std::shared_ptr<const std::atomic<bool>> input_released() const;

 private:
  std::unique_ptr<Impl> impl_;
};

// What exploring a Subtree found, for the search that delegated it to take over.
class SubtreeOutcome {
 public:
  struct Impl;
  explicit SubtreeOutcome(std::unique_ptr<Impl> impl);
  ~SubtreeOutcome();
  Impl& impl() { return *impl_; }

 private:
  std::unique_ptr<Impl> impl_;
};

// Explores `subtree` with a fresh `search` (same model and options as the delegating one),
// which may itself delegate parts of it. The search copies the snapshot into its workspace
// first (Subtree::input_released); the snapshot's storage is left for the delegator to reuse
// (Delegator::spare).
std::unique_ptr<SubtreeOutcome> explore_subtree(Search& search, Subtree& subtree, Delegator* delegator,
                                                DporWorkspaces* workspaces = nullptr);

}  // namespace wqcheck
