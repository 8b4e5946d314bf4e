#include "tests/support/access_model.h"

#include <functional>
#include <set>

#include <nlohmann/json.hpp>

#include "explorer/random_walk.h"

namespace wqcheck::testing {

namespace {

constexpr Location kLockBase = 1000;

struct AccessState : State {
  std::vector<std::uint8_t> pc;
  std::vector<std::int8_t> holder;  // per mutex, -1 if free
  std::vector<std::uint8_t> written;  // per variable
  bool failed = false;                // a kCheck found its variable unwritten

  std::unique_ptr<State> clone() const override { return std::make_unique<AccessState>(*this); }
  void assign(const State& other) override { *this = static_cast<const AccessState&>(other); }
  std::uint64_t hash() const override {
    std::uint64_t h = 1469598103934665603ULL;
    for (auto v : pc) h = (h ^ v) * 1099511628211ULL;
    for (auto v : holder) h = (h ^ static_cast<std::uint8_t>(v)) * 1099511628211ULL;
    for (auto v : written) h = (h ^ v) * 1099511628211ULL;
    h ^= failed;
    return h;
  }
  bool equals(const State& other) const override {
    const auto& o = static_cast<const AccessState&>(other);
    return pc == o.pc && holder == o.holder && written == o.written && failed == o.failed;
  }
};

std::size_t mutex_count(const std::vector<AccessThread>& threads) {
  std::size_t n = 0;
  for (const auto& t : threads) {
    for (const auto& op : t) {
      if (op.kind == AccessOp::kLock || op.kind == AccessOp::kUnlock) n = std::max<std::size_t>(n, op.loc + 1);
    }
  }
  return n;
}

}  // namespace

AccessModel::AccessModel(std::vector<AccessThread> threads)
    : threads_(std::move(threads)),
      properties_{{"deadlock", "some thread is unfinished and none can step"},
                  {"unwritten", "a check read a variable nothing had written"}} {}

std::unique_ptr<State> AccessModel::initial() const {
  auto s = std::make_unique<AccessState>();
  s->pc.assign(threads_.size(), 0);
  s->holder.assign(mutex_count(threads_), -1);
  s->written.assign(64, 0);
  return s;
}

ActorStatus AccessModel::status(const State& state, ActorId actor) const {
  const auto& s = static_cast<const AccessState&>(state);
  if (s.pc[actor] >= threads_[actor].size()) return ActorStatus::kFinished;
  const AccessOp& op = threads_[actor][s.pc[actor]];
  if (op.kind == AccessOp::kLock && s.holder[op.loc] >= 0) return ActorStatus::kBlocked;
  if (op.kind == AccessOp::kWait && !s.written[op.loc]) return ActorStatus::kBlocked;
  return ActorStatus::kEnabled;
}

void AccessModel::blocking_footprint(const State& state, ActorId actor, Footprint& out) const {
  const auto& s = static_cast<const AccessState&>(state);
  const AccessOp& op = threads_[actor][s.pc[actor]];
  out.read(op.kind == AccessOp::kWait ? Location{op.loc} : kLockBase + op.loc);
}

void AccessModel::step(State& state, ActorId actor, Event& out) const {
  auto& s = static_cast<AccessState&>(state);
  const AccessOp& op = threads_[actor][s.pc[actor]++];
  out.action = op.kind;
  switch (op.kind) {
    case AccessOp::kRead: out.footprint.read(op.loc); break;
    case AccessOp::kWrite:
      out.footprint.write(op.loc);
      s.written[op.loc] = 1;
      break;
    case AccessOp::kWait:
      out.footprint.read(op.loc);
      break;
    case AccessOp::kClear:
      out.footprint.write(op.loc);
      s.written[op.loc] = 0;
      break;
    case AccessOp::kSwap:
      out.footprint.read(op.loc);
      out.footprint.write(op.loc + 1);
      s.written[op.loc + 1] = 1;
      break;
    case AccessOp::kCheck:
      out.footprint.read(op.loc);
      if (!s.written[op.loc]) s.failed = true;
      break;
    case AccessOp::kLock:
      s.holder[op.loc] = static_cast<std::int8_t>(actor);
      out.footprint.write(kLockBase + op.loc);
      break;
    case AccessOp::kUnlock:
      s.holder[op.loc] = -1;
      out.footprint.write(kLockBase + op.loc);
      break;
  }
}

PropertySet AccessModel::violations(const State& state) const {
  return static_cast<const AccessState&>(state).failed ? 2 : 0;
}

PropertySet AccessModel::terminal_violations(const State& state) const {
  const auto& s = static_cast<const AccessState&>(state);
  for (std::size_t t = 0; t < threads_.size(); ++t) {
    if (s.pc[t] < threads_[t].size()) return 1;
  }
  return 0;
}

std::string AccessModel::action_name(std::uint32_t action) const {
  static const char* names[] = {"read", "write", "lock", "unlock", "check", "wait", "swap", "clear"};
  return action < 8 ? names[action] : "?";
}

std::string AccessModel::location_name(Location loc) const {
  return loc >= kLockBase ? "m" + std::to_string(loc - kLockBase) : "x" + std::to_string(loc);
}

nlohmann::json AccessModel::state_json(const State& state) const {
  const auto& s = static_cast<const AccessState&>(state);
  return {{"pc", s.pc}, {"holder", s.holder}, {"failed", s.failed}};
}

namespace {

// Enumerates every maximal interleaving and calls `done` with its sequence of (thread, op index).
void enumerate(const AccessModel& model,
               const std::function<void(const std::vector<std::pair<ActorId, std::size_t>>&)>& done) {
  std::unique_ptr<State> state = model.initial();
  std::vector<std::pair<ActorId, std::size_t>> path;
  std::function<void(const State&)> go = [&](const State& s) {
    if (model.violations(s) != 0) {
      done(path);
      return;
    }
    bool any = false;
    for (ActorId a = 0; a < model.actor_count(); ++a) {
      if (model.status(s, a) != ActorStatus::kEnabled) continue;
      any = true;
      std::unique_ptr<State> next = s.clone();
      std::size_t pc = static_cast<const AccessState&>(s).pc[a];
      Event e;
      model.step(*next, a, e);
      path.emplace_back(a, pc);
      go(*next);
      path.pop_back();
    }
    if (!any) done(path);
  };
  go(*state);
}

}  // namespace

std::uint64_t AccessModel::count_interleavings() const {
  std::uint64_t n = 0;
  enumerate(*this, [&](const auto&) { ++n; });
  return n;
}

std::uint64_t AccessModel::count_traces() const {
  std::set<std::vector<std::int64_t>> keys;
  enumerate(*this, [&](const std::vector<std::pair<ActorId, std::size_t>>& full_path) {
    const std::vector<std::pair<ActorId, std::size_t>>& path = full_path;
    std::unique_ptr<State> replayed = initial();
    Event ignored;
    for (auto [t, i] : full_path) step(*replayed, t, ignored);
    const bool violated = !full_path.empty() && violations(*replayed) != 0;
    // Key: per location (variables, then mutexes), its conflict-relevant history.
    std::map<std::int64_t, std::vector<std::int64_t>> per_loc;
    std::map<std::int64_t, std::int64_t> writes_so_far;
    std::vector<std::int64_t> key;
    for (auto [t, i] : path) {
      const AccessOp& op = threads_[t][i];
      std::int64_t loc = op.kind != AccessOp::kLock && op.kind != AccessOp::kUnlock
                             ? static_cast<std::int64_t>(op.loc)
                             : static_cast<std::int64_t>(kLockBase + op.loc);
      if (op.kind == AccessOp::kRead || op.kind == AccessOp::kCheck || op.kind == AccessOp::kWait) {
        // A read is placed by how many writes precede it; encode (thread, index, writes).
        per_loc[loc].push_back(-1 - static_cast<std::int64_t>(t * 1000 + i) * 1000 - writes_so_far[loc]);
      } else {
        per_loc[loc].push_back(static_cast<std::int64_t>(t * 1000 + i));
        ++writes_so_far[loc];
      }
    }
    for (auto& [loc, seq] : per_loc) {
      // Reads between the same two writes commute: sort each run of reads.
      std::size_t begin = 0;
      for (std::size_t k = 0; k <= seq.size(); ++k) {
        if (k == seq.size() || seq[k] >= 0) {
          std::sort(seq.begin() + static_cast<std::ptrdiff_t>(begin), seq.begin() + static_cast<std::ptrdiff_t>(k));
          begin = k + 1;
        }
      }
      key.push_back(loc);
      key.push_back(static_cast<std::int64_t>(seq.size()));
      key.insert(key.end(), seq.begin(), seq.end());
    }
    // Deadlocked executions also differ by where each thread stopped.
    std::vector<std::size_t> ends(threads_.size(), 0);
    for (auto [t, i] : path) ends[t] = i + 1;
    for (std::size_t e : ends) key.push_back(static_cast<std::int64_t>(e));
    key.push_back(violated ? 1 : 0);
    keys.insert(key);
  });
  return keys.size();
}

AccessModel random_access_model(std::uint64_t seed, bool checks, bool waits) {
  SplitMix64 rng(seed);
  std::size_t threads = 2 + rng.below(2);
  std::size_t vars = 1 + rng.below(3);
  bool locks = rng.below(3) == 0;
  std::vector<AccessThread> program(threads);
  // At most 11 events in all, so that brute-force enumeration stays in the thousands.
  const std::size_t budget = threads == 2 ? 11 : 9;
  std::size_t used = 0;
  for (auto& t : program) {
    std::size_t ops = 1 + rng.below(4);
    for (std::size_t k = 0; k < ops && used + 3 <= budget; ++k) {
      std::size_t before = t.size();
      if (locks && rng.below(3) == 0) {
        std::uint32_t m = static_cast<std::uint32_t>(rng.below(2));
        t.push_back({AccessOp::kLock, m});
        t.push_back({rng.below(2) ? AccessOp::kWrite : AccessOp::kRead, static_cast<std::uint32_t>(rng.below(vars))});
        if (rng.below(4) != 0) {
          t.push_back({AccessOp::kUnlock, m});
        } else {
          used += t.size() - before;
          break;  // sometimes finish holding the mutex: others may deadlock
        }
      } else if (waits && rng.below(7) == 0) {
        t.push_back({AccessOp::kClear, static_cast<std::uint32_t>(rng.below(vars))});
      } else if (waits && rng.below(6) == 0) {
        t.push_back({AccessOp::kSwap, static_cast<std::uint32_t>(rng.below(vars))});
      } else if (waits && rng.below(5) == 0) {
        t.push_back({AccessOp::kWait, static_cast<std::uint32_t>(rng.below(vars))});
      } else if (checks && rng.below(6) == 0) {
        t.push_back({AccessOp::kCheck, static_cast<std::uint32_t>(rng.below(vars))});
      } else {
        t.push_back({rng.below(2) ? AccessOp::kWrite : AccessOp::kRead, static_cast<std::uint32_t>(rng.below(vars))});
      }
      used += t.size() - before;
    }
  }
  return AccessModel(std::move(program));
}

}  // namespace wqcheck::testing
