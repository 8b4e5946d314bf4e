#include "model/program/program_model.h"

#include <cstring>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace wqcheck::program {

const char* op_name(Op op) {
  switch (op) {
    case Op::kLoad: return "load";
    case Op::kStore: return "store";
    case Op::kFetchAdd: return "fetch_add";
    case Op::kExchange: return "exchange";
    case Op::kCas: return "cas";
    case Op::kLock: return "lock";
    case Op::kUnlock: return "unlock";
    case Op::kSet: return "set";
    case Op::kBranch: return "branch";
    case Op::kGoto: return "goto";
    case Op::kAssert: return "assert";
    case Op::kAssume: return "assume";
  }
  return "?";
}

void ProgramState::assign(const State& other) {
  const auto& o = static_cast<const ProgramState&>(other).words;
  if (words.size() == o.size()) {
    std::memcpy(words.data(), o.data(), o.size() * sizeof(std::int64_t));
  } else {
    words = o;
  }
}

std::uint64_t ProgramState::hash() const {
  std::uint64_t h = 0x243F6A8885A308D3ull;
  for (std::int64_t w : words) {
    h ^= static_cast<std::uint64_t>(w);
    h *= 0x9E3779B97F4A7C15ull;
    h ^= h >> 29;
  }
  return h;
}

bool ProgramState::equals(const State& other) const {
  return words == static_cast<const ProgramState&>(other).words;
}

ProgramModel::ProgramModel(Program program) : program_(std::move(program)) {
  properties_ = {
      {"assertion", "no assert instruction fails"},
      {"deadlock", "no execution ends with some thread unfinished and none able to step"},
      {"program-error",
       "no run-time error (division by zero, overflow, index out of range, unlocking a mutex not "
       "held, relocking a held mutex, an endless local loop)"},
  };
  cells_ = static_cast<std::uint32_t>(program_.initial_memory.size());
  locks_offset_ = static_cast<std::uint32_t>(kHeader) + cells_;
  std::uint32_t offset = locks_offset_ + program_.lock_slots;
  for (std::uint32_t t = 0; t < program_.threads.size(); ++t) {
    const ThreadCode& code = program_.threads[t];
    for (std::uint32_t tid = 0; tid < code.count; ++tid) {
      Actor a;
      a.thread = t;
      a.tid = tid;
      a.name = code.has_count ? fmt::format("{}[{}]", code.name, tid) : code.name;
      a.offset = offset;
      offset += 2 + static_cast<std::uint32_t>(code.registers.size());
      actors_.push_back(std::move(a));
    }
  }
  state_size_ = offset;
}

std::unique_ptr<State> ProgramModel::initial() const {
  auto state = std::make_unique<ProgramState>();
  std::vector<std::int64_t>& w = state->words;
  w.assign(state_size_, 0);
  std::copy(program_.initial_memory.begin(), program_.initial_memory.end(), w.begin() + kHeader);
  for (ActorId a = 0; a < actors_.size(); ++a) {
    const Actor& actor = actors_[a];
    const ThreadCode& code = program_.threads[actor.thread];
    std::int64_t* block = w.data() + actor.offset;
    block[0] = 0;
    block[1] = -1;
    std::copy(code.initial.begin(), code.initial.end(), block + 2);
    block[2] = actor.tid;
    run_invisible(w.data(), a);
  }
  return state;
}

void ProgramModel::fail(std::int64_t* w, ActorId actor, std::int64_t pc, RunError kind,
                        std::int64_t a, std::int64_t b, std::int64_t c) const {
  if ((w[kFlags] & (kAssertFlag | kErrorFlag)) == 0) {
    w[kErrKind] = static_cast<std::int64_t>(kind);
    w[kErrActor] = actor;
    w[kErrPc] = pc;
    w[kErrA] = a;
    w[kErrB] = b;
    w[kErrC] = c;
  }
  w[kFlags] |= kind == RunError::kAssertFailed ? kAssertFlag : kErrorFlag;
  stop_thread(w, actor);
}

// A thread that failed an assert or an assume, or hit a run-time error, stops there: it counts
// as finished, and the other threads run on to the end of the execution (the explorer decides
// properties per complete execution; see explorer/search.h).
void ProgramModel::stop_thread(std::int64_t* w, ActorId actor) const {
  const Actor& a = actors_[actor];
  std::int64_t* block = w + a.offset;
  block[0] = static_cast<std::int64_t>(program_.threads[a.thread].code.size());
  block[1] = -1;
}

namespace {

// Packs an evaluation failure into one word: the operator, plus 256 for division by zero.
std::int64_t pack_failure(const EvalFailure& f) {
  return static_cast<unsigned char>(f.op) + (f.error == EvalError::kDivisionByZero ? 256 : 0);
}

}  // namespace

void ProgramModel::run_invisible(std::int64_t* w, ActorId actor) const {
  const Actor& a = actors_[actor];
  const std::vector<Instruction>& code = program_.threads[a.thread].code;
  std::int64_t* block = w + a.offset;
  std::int64_t* regs = block + 2;
  std::size_t pc = static_cast<std::size_t>(block[0]);
  const std::size_t n = code.size();
  std::uint32_t run = 0;
  EvalFailure f;
  std::int64_t v = 0;
  while (pc < n) {
    const Instruction& in = code[pc];
    if (is_visible(in.op)) break;
    if (++run > kMaxInvisibleRun) {
      block[0] = static_cast<std::int64_t>(pc);
      fail(w, actor, static_cast<std::int64_t>(pc), RunError::kInvisibleBound);
      return;
    }
    if (in.op == Op::kGoto) {
      pc = in.target;
      continue;
    }
    if (!in.value.evaluate(regs, v, f)) {
      block[0] = static_cast<std::int64_t>(pc);
      fail(w, actor, static_cast<std::int64_t>(pc), RunError::kEvaluation, f.lhs, f.rhs, pack_failure(f));
      return;
    }
    switch (in.op) {
      case Op::kSet: regs[in.reg] = v; ++pc; break;
      case Op::kBranch: pc = v != 0 ? in.target : pc + 1; break;
      case Op::kAssert:
        if (v == 0) {
          block[0] = static_cast<std::int64_t>(pc);
          fail(w, actor, static_cast<std::int64_t>(pc), RunError::kAssertFailed);
          return;
        }
        ++pc;
        break;
      case Op::kAssume:
        if (v == 0) {
          w[kFlags] |= kDiscardFlag;
          stop_thread(w, actor);
          return;
        }
        ++pc;
        break;
      default: ++pc; break;
    }
  }
  block[0] = static_cast<std::int64_t>(pc);
  prepare_wait(w, actor);
}

void ProgramModel::prepare_wait(std::int64_t* w, ActorId actor) const {
  const Actor& a = actors_[actor];
  const std::vector<Instruction>& code = program_.threads[a.thread].code;
  std::int64_t* block = w + a.offset;
  block[1] = -1;
  auto pc = static_cast<std::size_t>(block[0]);
  if (pc >= code.size() || code[pc].op != Op::kLock) return;
  const Instruction& in = code[pc];
  const Object& m = program_.mutexes[in.object];
  std::int64_t i = 0;
  EvalFailure f;
  if (m.is_array && !in.index.evaluate(block + 2, i, f)) return;  // the step reports it
  if (i < 0 || i >= m.size) return;
  block[1] = m.base + i;
}

std::int64_t ProgramModel::resolve_index(std::int64_t* w, ActorId actor, std::int64_t pc,
                                         const Instruction& in, const Object& object) const {
  if (!object.is_array) return object.base;
  std::int64_t i = 0;
  EvalFailure f;
  if (!in.index.evaluate(w + actors_[actor].offset + 2, i, f)) {
    fail(w, actor, pc, RunError::kEvaluation, f.lhs, f.rhs, pack_failure(f));
    return -1;
  }
  if (i < 0 || i >= object.size) {
    fail(w, actor, pc, RunError::kIndexOutOfRange, i, object.size,
         in.op == Op::kLock || in.op == Op::kUnlock ? 1 : 0);
    return -1;
  }
  return object.base + i;
}

ActorStatus ProgramModel::status(const State& state, ActorId actor) const {
  const std::int64_t* w = static_cast<const ProgramState&>(state).words.data();
  const Actor& a = actors_[actor];
  const std::int64_t* block = w + a.offset;
  if (static_cast<std::size_t>(block[0]) >= program_.threads[a.thread].code.size()) {
    return ActorStatus::kFinished;
  }
  if (block[1] >= 0) {
    std::int64_t owner = w[locks_offset_ + block[1]];
    if (owner != 0 && owner != static_cast<std::int64_t>(actor) + 1) return ActorStatus::kBlocked;
  }
  return ActorStatus::kEnabled;
}

void ProgramModel::blocking_footprint(const State& state, ActorId actor, Footprint& out) const {
  const std::int64_t* w = static_cast<const ProgramState&>(state).words.data();
  std::int64_t wait = w[actors_[actor].offset + 1];
  if (wait >= 0) out.read(cells_ + static_cast<Location>(wait));
}

void ProgramModel::step(State& state, ActorId actor, Event& out) const {
  std::int64_t* w = static_cast<ProgramState&>(state).words.data();
  const Actor& a = actors_[actor];
  const ThreadCode& thread = program_.threads[a.thread];
  std::int64_t* block = w + a.offset;
  std::int64_t* regs = block + 2;
  const std::int64_t pc = block[0];
  const Instruction& in = thread.code[static_cast<std::size_t>(pc)];
  out.actor = actor;
  out.action = thread.first_action + static_cast<std::uint32_t>(pc);
  EvalFailure f;
  std::int64_t v = 0;
  std::int64_t d = 0;
  auto eval_failed = [&]() {
    fail(w, actor, pc, RunError::kEvaluation, f.lhs, f.rhs, pack_failure(f));
  };
  if (in.op == Op::kLock || in.op == Op::kUnlock) {
    const std::int64_t slot = resolve_index(w, actor, pc, in, program_.mutexes[in.object]);
    if (slot < 0) return;
    out.footprint.write(cells_ + static_cast<Location>(slot));
    std::int64_t& owner = w[locks_offset_ + slot];
    const std::int64_t me = static_cast<std::int64_t>(actor) + 1;
    if (in.op == Op::kLock) {
      if (owner == me) return fail(w, actor, pc, RunError::kRelock, slot);
      owner = me;
    } else {
      if (owner != me) return fail(w, actor, pc, RunError::kUnlockNotHeld, slot, owner);
      owner = 0;
    }
  } else {
    const std::int64_t cell = resolve_index(w, actor, pc, in, program_.variables[in.object]);
    if (cell < 0) return;
    std::int64_t& mem = w[kHeader + cell];
    switch (in.op) {
      case Op::kLoad:
        out.footprint.read(cell);
        regs[in.reg] = mem;
        break;
      case Op::kStore:
        out.footprint.write(cell);
        if (!in.value.evaluate(regs, v, f)) return eval_failed();
        mem = v;
        break;
      case Op::kFetchAdd: {
        out.footprint.write(cell);
        if (!in.value.evaluate(regs, v, f)) return eval_failed();
        std::int64_t sum = 0;
        if (__builtin_add_overflow(mem, v, &sum)) {
          return fail(w, actor, pc, RunError::kEvaluation, mem, v, '+');
        }
        if (in.reg >= 0) regs[in.reg] = mem;
        mem = sum;
        break;
      }
      case Op::kExchange:
        out.footprint.write(cell);
        if (!in.value.evaluate(regs, v, f)) return eval_failed();
        if (in.reg >= 0) regs[in.reg] = mem;
        mem = v;
        break;
      case Op::kCas:
        if (!in.value.evaluate(regs, v, f) || !in.desired.evaluate(regs, d, f)) {
          out.footprint.write(cell);
          return eval_failed();
        }
        if (mem == v) {
          out.footprint.write(cell);
          mem = d;
          if (in.reg >= 0) regs[in.reg] = 1;
        } else {
          out.footprint.read(cell);
          if (in.reg >= 0) regs[in.reg] = 0;
        }
        break;
      default: break;
    }
  }
  block[0] = pc + 1;
  run_invisible(w, actor);
}

PropertySet ProgramModel::violations(const State& state) const {
  const std::int64_t flags = static_cast<const ProgramState&>(state).words[kFlags];
  PropertySet set = 0;
  if (flags & kAssertFlag) set |= PropertySet{1} << kAssertion;
  if (flags & kErrorFlag) set |= PropertySet{1} << kProgramError;
  return set;
}

PropertySet ProgramModel::terminal_violations(const State& state) const {
  for (ActorId a = 0; a < actors_.size(); ++a) {
    if (status(state, a) != ActorStatus::kFinished) return PropertySet{1} << kDeadlock;
  }
  return 0;
}

bool ProgramModel::discarded(const State& state) const {
  return (static_cast<const ProgramState&>(state).words[kFlags] & kDiscardFlag) != 0;
}

}  // namespace wqcheck::program
