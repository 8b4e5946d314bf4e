// Delegation (explorer/delegation.h) on one thread, deterministically: a search that hands
// subtrees to a Delegator must compute exactly what it computes alone (every count, verdict and
// counterexample), whether the delegated subtrees are explored at once (from a snapshot that
// later insertions may make stale, which the search must notice and revoke), only when claimed,
// never, or in a seeded mixture of the three, however deep delegation nests, and with the
// storage of explored subtrees reused for the next ones.
#include <cstdint>
#include <map>
#include <memory>
#include <random>
#include <string>
#include <variant>
#include <vector>

#include <CppUTest/TestHarness.h>

#include "explorer/dpor.h"
#include "explorer/explore.h"
#include "explorer/partition.h"
#include "explorer/search.h"
#include "model/common/model_file.h"
#include "tests/support/access_model.h"
#include "tests/support/program_loading.h"
#include "tests/support/random_program.h"
#include "tests/support/same_result.h"

using wqcheck::Algorithm;
using wqcheck::DporMode;
using wqcheck::Options;
using wqcheck::Result;
using wqcheck::Ticket;

namespace {

enum class Policy { kEager, kLazy, kRefuse, kDeferred, kMixed };

// Explores delegated subtrees on the calling thread, when the policy says: at once (kEager), at
// the claim (kLazy), never (kRefuse: the claim comes back empty), at some seeded later moment
// between two of the delegating search's executions (kDeferred: each time it asks whether the
// delegator is hungry, a pending subtree may be explored), or a seeded choice per subtree.
class SerialDelegator : public wqcheck::Delegator {
 public:
  SerialDelegator(const wqcheck::Model& model, const Options& options, DporMode mode, Policy policy,
                  std::uint64_t seed)
      : model_(model), options_(options), mode_(mode), policy_(policy), random_(seed) {}

  bool hungry() const override {
    if (!exploring_) {
      for (auto& [ticket, entry] : entries_) {
        if (entry.policy != Policy::kDeferred || !entry.subtree || random_() % 4 != 0) continue;
        exploring_ = true;
        entry.outcome = const_cast<SerialDelegator*>(this)->explore(std::move(entry.subtree));
        exploring_ = false;
        break;
      }
    }
    if (policy_ != Policy::kMixed) return true;
    return (random_() & 3) != 0;
  }

  Ticket delegate(std::unique_ptr<wqcheck::Subtree> subtree) override {
    ++delegated;
    const Ticket ticket = next_++;
    Policy policy = policy_;
    if (policy == Policy::kMixed) policy = static_cast<Policy>(random_() % 4);
    Entry& entry = entries_[ticket];
    entry.policy = policy;
    if (policy == Policy::kEager) {
      entry.outcome = explore(std::move(subtree));
    } else {
      entry.subtree = std::move(subtree);
    }
    return ticket;
  }

  std::unique_ptr<wqcheck::SubtreeOutcome> claim(Ticket ticket) override {
    auto it = entries_.find(ticket);
    CHECK_TEXT(it != entries_.end(), "claimed an unknown or spent ticket");
    Entry entry = std::move(it->second);
    entries_.erase(it);
    ++claimed;
    if (entry.policy == Policy::kRefuse) return nullptr;
    if (entry.subtree) return explore(std::move(entry.subtree));  // lazy, or deferred not yet explored
    return std::move(entry.outcome);
  }

  void revoke(Ticket ticket) override {
    auto it = entries_.find(ticket);
    CHECK_TEXT(it != entries_.end(), "revoked an unknown or spent ticket");
    entries_.erase(it);
    ++revoked;
  }

  // Storage of explored subtrees goes back into circulation, so that delegate() reuses it.
  std::unique_ptr<wqcheck::Subtree> spare() override {
    if (spares_.empty()) return nullptr;
    std::unique_ptr<wqcheck::Subtree> s = std::move(spares_.back());
    spares_.pop_back();
    return s;
  }

  bool all_settled() const { return entries_.empty(); }

  wqcheck::DporWorkspaces workspaces;

  std::uint64_t delegated = 0, claimed = 0, revoked = 0;

 private:
  struct Entry {
    Policy policy = Policy::kLazy;
    std::unique_ptr<wqcheck::Subtree> subtree;
    std::unique_ptr<wqcheck::SubtreeOutcome> outcome;
  };

  std::unique_ptr<wqcheck::SubtreeOutcome> explore(std::unique_ptr<wqcheck::Subtree> subtree) {
    wqcheck::Search search(model_, options_);
    // Nested delegation; the searches share this delegator's workspaces, as a thread's do.
    auto outcome = wqcheck::explore_subtree(search, *subtree, this, &workspaces);
    spares_.push_back(std::move(subtree));
    return outcome;
  }

  const wqcheck::Model& model_;
  const Options& options_;
  const DporMode mode_;
  const Policy policy_;
  mutable std::mt19937_64 random_;
  Ticket next_ = 1;
  mutable std::map<Ticket, Entry> entries_;
  mutable bool exploring_ = false;  // a deferred subtree is being explored (hungry() re-enters)
  std::vector<std::unique_ptr<wqcheck::Subtree>> spares_;
};

constexpr Policy kPolicies[] = {Policy::kEager, Policy::kLazy, Policy::kRefuse, Policy::kDeferred, Policy::kMixed};

Result alone(const wqcheck::Model& model, const Options& options, DporMode mode, const wqcheck::WorkUnit* unit) {
  wqcheck::Search search(model, options);
  wqcheck::explore_dpor(search, mode, unit);
  return search.finish();
}

struct Totals {
  std::uint64_t delegated = 0, claimed = 0, revoked = 0;
};

// Every policy, both algorithms, with and without keep_going; the whole tree or one unit of a
// partition (whose nodes above it are frozen and whose sleepers are inherited); with or without a
// depth bound.
void check_model(const wqcheck::Model& model, const std::string& what, Totals& totals, std::uint64_t seed,
                 const wqcheck::WorkUnit* unit = nullptr, std::uint64_t max_depth = 0) {
  for (DporMode mode : {DporMode::kOptimal, DporMode::kSource}) {
    for (bool keep_going : {true, false}) {
      Options options;
      options.algorithm = mode == DporMode::kOptimal ? Algorithm::kOptimal : Algorithm::kDpor;
      options.keep_going = keep_going;
      if (max_depth != 0) options.bounds.max_depth = max_depth;
      const Result reference = alone(model, options, mode, unit);
      for (Policy policy : kPolicies) {
        SerialDelegator delegator(model, options, mode, policy, seed);
        wqcheck::Search search(model, options);
        wqcheck::explore_dpor(search, mode, unit, &delegator, &delegator.workspaces);
        const std::string label = what + (mode == DporMode::kOptimal ? " optimal" : " dpor") +
                                  (keep_going ? " keep-going" : "") + " policy " +
                                  std::to_string(static_cast<int>(policy));
        wqcheck::testing::check_same_result(reference, search.finish(), label);
        CHECK_TEXT(delegator.all_settled(), ("every ticket claimed or revoked: " + label).c_str());
        totals.delegated += delegator.delegated;
        totals.claimed += delegator.claimed;
        totals.revoked += delegator.revoked;
      }
    }
  }
}

}  // namespace

TEST_GROUP(Delegation){};

TEST(Delegation, RandomAccessModelsComputeWhatTheyComputeAlone) {
  Totals totals;
  for (std::uint64_t seed = 0; seed < 300; ++seed) {
    wqcheck::testing::AccessModel model = wqcheck::testing::random_access_model(seed, seed % 3 == 1, seed % 3 == 2);
    check_model(model, "access model seed " + std::to_string(seed), totals, seed);
  }
  // The cases are not vacuous: subtrees were delegated, claimed, and (optimal DPOR inserting
  // into a delegated child's wakeup subtree, or a search stopping early) revoked.
  CHECK(totals.delegated > 1000);
  CHECK(totals.claimed > 500);
  CHECK(totals.revoked > 10);
}

TEST(Delegation, RandomProgramsComputeWhatTheyComputeAlone) {
  Totals totals;
  for (std::uint64_t seed = 0; seed < 200; ++seed) {
    wqcheck::LoadResult loaded = wqcheck::load_model_document(wqcheck::testing::random_program(seed), "random program");
    auto& file = std::get<wqcheck::ModelFile>(loaded);
    check_model(*file.model, "random program seed " + std::to_string(seed), totals, seed);
  }
  CHECK(totals.delegated > 500);
}

TEST(Delegation, BenchmarksAndWorkqueueScenariosComputeWhatTheyComputeAlone) {
  Totals totals;
  std::uint64_t seed = 1;
  for (const char* name : {"programs/lastzero-4.json", "programs/readers-4.json", "programs/indexer-12.json",
                           "programs/opt_lock-2.json", "programs/casw-3.json", "scenarios/seed-race.json",
                           "scenarios/claim-mainline-minimal.json", "scenarios/prepatch-mainline-manager.json",
                           "scenarios/deferred-seed-percpu.json", "scenarios/claim-mainline-pushdown.json"}) {
    wqcheck::ModelFile file = wqcheck::testing::load_program_file(name);
    check_model(*file.model, name, totals, seed++);
  }
  CHECK(totals.revoked > 0);
}

TEST(Delegation, UnitsOfAPartitionAndDepthBoundsComputeWhatTheyComputeAlone) {
  Totals totals;
  auto check_units = [&](const wqcheck::Model& model, const std::string& what, std::uint64_t seed, std::size_t target) {
    for (const wqcheck::WorkUnit& unit : wqcheck::partition(model, target)) {
      check_model(model, what + " unit", totals, seed, &unit);
    }
  };
  for (std::uint64_t seed = 0; seed < 60; ++seed) {
    wqcheck::testing::AccessModel model = wqcheck::testing::random_access_model(seed, seed % 3 == 1, seed % 3 == 2);
    check_units(model, "access model seed " + std::to_string(seed), seed, 5);
    check_model(model, "access model seed " + std::to_string(seed) + " depth-bounded", totals, seed, nullptr,
                3 + seed % 5);
  }
  for (std::uint64_t seed = 0; seed < 25; ++seed) {
    wqcheck::LoadResult loaded = wqcheck::load_model_document(wqcheck::testing::random_program(seed), "random program");
    auto& file = std::get<wqcheck::ModelFile>(loaded);
    check_units(*file.model, "random program seed " + std::to_string(seed), seed, 4);
    check_model(*file.model, "random program seed " + std::to_string(seed) + " depth-bounded", totals, seed,
                nullptr, 4 + seed % 6);
  }
  for (const char* name : {"programs/lastzero-4.json", "scenarios/seed-race.json"}) {
    wqcheck::ModelFile file = wqcheck::testing::load_program_file(name);
    check_units(*file.model, name, 7, 6);
  }
  CHECK(totals.delegated > 1000);
  CHECK(totals.revoked > 10);
}
