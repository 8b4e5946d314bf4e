// ProgramModel's descriptions in the program's own terms: action and location names, the state as
// JSON and run-time error messages. None of this is on the exploration's hot path.
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "model/program/program_model.h"

namespace wqcheck::program {

namespace {

std::string object_ref(const Object& object, const Instruction& in) {
  if (!object.is_array) return object.name;
  return fmt::format("{}[{}]", object.name, in.index.text());
}

}  // namespace

const Instruction* ProgramModel::find_action(std::uint32_t action, std::uint32_t* thread) const {
  for (std::uint32_t t = 0; t < program_.threads.size(); ++t) {
    const ThreadCode& code = program_.threads[t];
    if (action >= code.first_action && action - code.first_action < code.code.size()) {
      if (thread != nullptr) *thread = t;
      return &code.code[action - code.first_action];
    }
  }
  return nullptr;
}

std::string ProgramModel::action_name(std::uint32_t action) const {
  std::uint32_t t = 0;
  const Instruction* in = find_action(action, &t);
  if (in == nullptr) return fmt::format("action {}", action);
  const std::vector<std::string>& regs = program_.threads[t].registers;
  std::string reg = in->reg >= 0 ? regs[static_cast<std::size_t>(in->reg)] : "";
  switch (in->op) {
    case Op::kLoad:
      return fmt::format("load {} = {}", reg, object_ref(program_.variables[in->object], *in));
    case Op::kStore:
      return fmt::format("store {} = {}", object_ref(program_.variables[in->object], *in),
                         in->value.text());
    case Op::kFetchAdd:
    case Op::kExchange:
      return fmt::format("{}{} {}, {}", reg.empty() ? "" : reg + " = ", op_name(in->op),
                         object_ref(program_.variables[in->object], *in), in->value.text());
    case Op::kCas:
      return fmt::format("{}cas {}, {}, {}", reg.empty() ? "" : reg + " = ",
                         object_ref(program_.variables[in->object], *in), in->value.text(),
                         in->desired.text());
    case Op::kLock:
    case Op::kUnlock:
      return fmt::format("{} {}", op_name(in->op), object_ref(program_.mutexes[in->object], *in));
    default: return op_name(in->op);
  }
}

std::string ProgramModel::action_source(std::uint32_t action) const {
  const Instruction* in = find_action(action, nullptr);
  return in == nullptr ? "" : in->path;
}

std::string ProgramModel::location_name(Location loc) const {
  const bool is_lock = loc >= cells_;
  const std::uint64_t slot = is_lock ? loc - cells_ : loc;
  for (const Object& o : is_lock ? program_.mutexes : program_.variables) {
    if (slot >= o.base && slot < o.base + o.size) {
      return o.is_array ? fmt::format("{}[{}]", o.name, slot - o.base) : o.name;
    }
  }
  return fmt::format("location {}", loc);
}

std::string ProgramModel::error_message(const State& state) const {
  const std::vector<std::int64_t>& w = static_cast<const ProgramState&>(state).words;
  if ((w[kFlags] & (kAssertFlag | kErrorFlag)) == 0) return "";
  const Actor& actor = actors_[static_cast<std::size_t>(w[kErrActor])];
  const ThreadCode& thread = program_.threads[actor.thread];
  const Instruction& in = thread.code[static_cast<std::size_t>(w[kErrPc])];
  const std::string where = fmt::format("thread {}, instruction {} ({})", actor.name, w[kErrPc], in.path);
  const std::int64_t a = w[kErrA], b = w[kErrB], c = w[kErrC];
  auto mutex_name = [&](std::int64_t slot) { return location_name(cells_ + static_cast<Location>(slot)); };
  switch (static_cast<RunError>(w[kErrKind])) {
    case RunError::kAssertFailed:
      return fmt::format("{}: assertion failed: {}", where, in.value.text());
    case RunError::kEvaluation: {
      EvalFailure f{(c & 256) ? EvalError::kDivisionByZero : EvalError::kOverflow,
                    static_cast<char>(c & 255), a, b};
      return fmt::format("{}: {}", where, describe_failure(f));
    }
    case RunError::kIndexOutOfRange:
      return fmt::format("{}: index {} is out of range for {} {} of size {}", where, a,
                         c ? "lock array" : "array",
                         c ? program_.mutexes[in.object].name : program_.variables[in.object].name, b);
    case RunError::kUnlockNotHeld:
      return fmt::format("{}: unlock of {}, which this thread does not hold ({})", where, mutex_name(a),
                         b == 0 ? "it is free" : "held by " + actors_[static_cast<std::size_t>(b - 1)].name);
    case RunError::kRelock:
      return fmt::format("{}: lock of {}, which this thread already holds", where, mutex_name(a));
    case RunError::kInvisibleBound:
      return fmt::format("{}: more than {} invisible instructions in a row (a local loop that never "
                         "reaches a load, store, lock or other visible instruction)",
                         where, kMaxInvisibleRun);
    case RunError::kNone: break;
  }
  return where;
}

nlohmann::json ProgramModel::state_json(const State& state) const {
  const std::vector<std::int64_t>& w = static_cast<const ProgramState&>(state).words;
  nlohmann::json shared = nlohmann::json::object();
  for (const Object& v : program_.variables) {
    if (!v.is_array) {
      shared[v.name] = w[kHeader + v.base];
    } else {
      nlohmann::json values = nlohmann::json::array();
      for (std::uint32_t i = 0; i < v.size; ++i) values.push_back(w[kHeader + v.base + i]);
      shared[v.name] = values;
    }
  }
  auto owner_json = [&](std::uint32_t slot) -> nlohmann::json {
    std::int64_t owner = w[locks_offset_ + slot];
    if (owner == 0) return nullptr;
    return actors_[static_cast<std::size_t>(owner - 1)].name;
  };
  nlohmann::json locks = nlohmann::json::object();
  for (const Object& m : program_.mutexes) {
    if (!m.is_array) {
      locks[m.name] = owner_json(m.base);
    } else {
      nlohmann::json owners = nlohmann::json::array();
      for (std::uint32_t i = 0; i < m.size; ++i) owners.push_back(owner_json(m.base + i));
      locks[m.name] = owners;
    }
  }
  nlohmann::json threads = nlohmann::json::array();
  for (const Actor& a : actors_) {
    const ThreadCode& code = program_.threads[a.thread];
    const std::int64_t* block = w.data() + a.offset;
    nlohmann::json regs = nlohmann::json::object();
    for (std::size_t r = 0; r < code.registers.size(); ++r) regs[code.registers[r]] = block[2 + r];
    nlohmann::json pc = static_cast<std::size_t>(block[0]) >= code.code.size() ? nlohmann::json("end")
                                                                             : nlohmann::json(block[0]);
    threads.push_back({{"name", a.name}, {"pc", pc}, {"registers", regs}});
  }
  nlohmann::json out = {{"shared", shared}, {"locks", locks}, {"threads", threads}};
  if (std::string error = error_message(state); !error.empty()) out["error"] = error;
  if (discarded(state)) out["discarded"] = true;
  return out;
}

}  // namespace wqcheck::program
