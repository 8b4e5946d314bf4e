// Expression: a C-syntax integer expression from a program file, compiled once at load time into
// a short postfix bytecode over literals and thread registers. Evaluation needs no allocation and
// reports division by zero and 64-bit overflow as values, never as undefined behaviour.
//
// Grammar (C precedence, lowest first): || , && , == != , < <= > >= , + - , * / % , unary - + !,
// then literals, register names and parentheses. Comparisons and logical operators yield 0 or 1;
// && and || short-circuit; / and % truncate toward zero as in C.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace wqcheck::program {

enum class OpCode : std::uint8_t {
  kConst, kRegister, kNegate, kNot, kToBool,
  kAdd, kSub, kMul, kDiv, kMod,
  kLess, kLessEqual, kGreater, kGreaterEqual, kEqual, kNotEqual,
  kJumpIfZero,     // && : if the top is 0, keep it and jump to arg; else pop it
  kJumpIfNonZero,  // || : if the top is not 0, make it 1 and jump to arg; else pop it
};

struct Instr {
  OpCode code;
  std::int64_t arg = 0;  // literal, register index or jump target
};

enum class EvalError : std::uint8_t { kNone, kDivisionByZero, kOverflow };

// What went wrong in an evaluation, with the operands, for run-time error messages.
struct EvalFailure {
  EvalError error = EvalError::kNone;
  char op = 0;  // '+', '-', '*', '/', '%', or 'n' for negation
  std::int64_t lhs = 0;
  std::int64_t rhs = 0;
};

class Expression {
 public:
  static constexpr std::size_t kMaxStack = 32;

  Expression() = default;
  static Expression constant(std::int64_t value);

  bool empty() const { return code_.empty(); }
  const std::string& text() const { return text_; }
  // The literal value if the expression is a single literal.
  bool is_constant() const { return code_.size() == 1 && code_[0].code == OpCode::kConst; }

  // Evaluates over `registers`; on failure returns false and fills `failure`.
  bool evaluate(const std::int64_t* registers, std::int64_t& out, EvalFailure& failure) const;

 private:
  friend class ExpressionParser;
  std::vector<Instr> code_;
  std::string text_;
};

// Maps a name in an expression to a register index; throws InputException (with an empty path)
// if the name may not be used as a register.
using RegisterResolver = std::function<std::int64_t(const std::string& name)>;

// Compiles `text`; throws InputException (empty path, message says what was expected) on a
// syntax error, an out-of-range literal or an expression nested too deeply.
Expression compile_expression(const std::string& text, const RegisterResolver& resolve);

// "division by zero in 7 / 0", "overflow in 9223372036854775807 + 1".
std::string describe_failure(const EvalFailure& failure);

}  // namespace wqcheck::program
