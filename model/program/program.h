// Program: a program file compiled for the interpreter. Names are resolved to dense indices at
// load time (variables to cells, mutexes to lock slots, registers to per-thread slots, labels to
// instruction indices), and every expression is compiled, so running a step touches no strings.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "model/program/expression.h"

namespace wqcheck::program {

enum class Op : std::uint8_t {
  // visible: touch shared memory or a mutex
  kLoad, kStore, kFetchAdd, kExchange, kCas, kLock, kUnlock,
  // invisible: read only registers
  kSet, kBranch, kGoto, kAssert, kAssume,
};

inline bool is_visible(Op op) { return op <= Op::kUnlock; }
const char* op_name(Op op);

// A shared variable (scalar or array) or a mutex (single or array): a run of dense slots.
struct Object {
  std::string name;
  std::uint32_t base = 0;   // first cell (variables) or first lock slot (mutexes)
  std::uint32_t size = 1;
  bool is_array = false;
};

struct Instruction {
  Op op = Op::kSet;
  std::int32_t reg = -1;     // destination register, -1 if none
  std::int32_t object = -1;  // variable (memory ops) or mutex (lock/unlock) index
  Expression index;          // empty for a scalar
  Expression value;          // store/fetch_add/exchange value, set expr, branch/assert/assume cond, cas expected
  Expression desired;        // cas only
  std::uint32_t target = 0;  // branch/goto: instruction index; code.size() means "end"
  std::string path;          // JSON path, e.g. "threads[1].code[0]", for messages
};

struct ThreadCode {
  std::string name;
  std::uint32_t count = 1;
  bool has_count = false;                 // copies are named name[tid] only with "count"
  std::vector<Instruction> code;
  std::vector<std::string> registers;     // registers[0] is "tid"
  std::vector<std::int64_t> initial;      // initial register values (tid filled per copy)
  std::uint32_t first_action = 0;         // global action id of code[0]
};

struct Program {
  std::string name;
  std::vector<Object> variables;
  std::vector<std::int64_t> initial_memory;  // one entry per cell
  std::vector<Object> mutexes;
  std::uint32_t lock_slots = 0;
  std::vector<ThreadCode> threads;
};

// More invisible instructions than this in a row is a run-time error (a local infinite loop).
constexpr std::uint32_t kMaxInvisibleRun = 10000;

}  // namespace wqcheck::program
