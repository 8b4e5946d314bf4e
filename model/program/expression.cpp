#include "model/program/expression.h"

#include <cctype>
#include <limits>

#include <fmt/format.h>

#include "model/common/input_error.h"

namespace wqcheck::program {

namespace {

constexpr std::int64_t kMin = std::numeric_limits<std::int64_t>::min();

bool is_name_start(char c) { return std::isalpha(static_cast<unsigned char>(c)) || c == '_'; }
bool is_name_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }

}  // namespace

// Recursive descent over the text, emitting postfix code and tracking the stack depth.
class ExpressionParser {
 public:
  ExpressionParser(const std::string& text, const RegisterResolver& resolve)
      : text_(text), resolve_(resolve) {}

  Expression parse() {
    skip_space();
    if (pos_ >= text_.size()) fail("the expression is empty; expected e.g. \"i + 1\"");
    parse_or();
    skip_space();
    if (pos_ < text_.size()) fail(fmt::format("unexpected '{}' at column {}", text_[pos_], pos_ + 1));
    out_.text_ = text_;
    return std::move(out_);
  }

 private:
  [[noreturn]] void fail(const std::string& what) const {
    throw InputException("", fmt::format("in expression \"{}\": {}", text_, what));
  }

  void skip_space() {
    while (pos_ < text_.size() && std::isspace(static_cast<unsigned char>(text_[pos_]))) ++pos_;
  }

  // Consumes `token` if it comes next (and, for one-character tokens, is not the start of a
  // longer operator listed in `not_followed_by`).
  bool accept(const char* token, const char* not_followed_by = "") {
    skip_space();
    std::size_t n = std::char_traits<char>::length(token);
    if (text_.compare(pos_, n, token) != 0) return false;
    if (pos_ + n < text_.size() && *not_followed_by != '\0' &&
        std::char_traits<char>::find(not_followed_by, std::char_traits<char>::length(not_followed_by),
                                     text_[pos_ + n]) != nullptr) {
      return false;
    }
    pos_ += n;
    return true;
  }

  void emit(OpCode code, std::int64_t arg, int depth_change) {
    out_.code_.push_back(Instr{code, arg});
    depth_ += depth_change;
    if (depth_ > static_cast<int>(Expression::kMaxStack)) {
      fail(fmt::format("nested too deeply (more than {} pending operands)", Expression::kMaxStack));
    }
  }

  void parse_or() {
    parse_and();
    while (accept("||")) {
      std::size_t jump = out_.code_.size();
      emit(OpCode::kJumpIfNonZero, 0, -1);
      parse_and();
      emit(OpCode::kToBool, 0, 0);
      out_.code_[jump].arg = static_cast<std::int64_t>(out_.code_.size());
    }
  }

  void parse_and() {
    parse_equality();
    while (accept("&&")) {
      std::size_t jump = out_.code_.size();
      emit(OpCode::kJumpIfZero, 0, -1);
      parse_equality();
      emit(OpCode::kToBool, 0, 0);
      out_.code_[jump].arg = static_cast<std::int64_t>(out_.code_.size());
    }
  }

  void parse_equality() {
    parse_relational();
    for (;;) {
      if (accept("==")) { parse_relational(); emit(OpCode::kEqual, 0, -1); }
      else if (accept("!=")) { parse_relational(); emit(OpCode::kNotEqual, 0, -1); }
      else return;
    }
  }

  void parse_relational() {
    parse_additive();
    for (;;) {
      if (accept("<=")) { parse_additive(); emit(OpCode::kLessEqual, 0, -1); }
      else if (accept(">=")) { parse_additive(); emit(OpCode::kGreaterEqual, 0, -1); }
      else if (accept("<", "<")) { parse_additive(); emit(OpCode::kLess, 0, -1); }
      else if (accept(">", ">")) { parse_additive(); emit(OpCode::kGreater, 0, -1); }
      else return;
    }
  }

  void parse_additive() {
    parse_multiplicative();
    for (;;) {
      if (accept("+", "+=")) { parse_multiplicative(); emit(OpCode::kAdd, 0, -1); }
      else if (accept("-", "-=")) { parse_multiplicative(); emit(OpCode::kSub, 0, -1); }
      else return;
    }
  }

  void parse_multiplicative() {
    parse_unary();
    for (;;) {
      if (accept("*", "=")) { parse_unary(); emit(OpCode::kMul, 0, -1); }
      else if (accept("/", "=")) { parse_unary(); emit(OpCode::kDiv, 0, -1); }
      else if (accept("%", "=")) { parse_unary(); emit(OpCode::kMod, 0, -1); }
      else return;
    }
  }

  void parse_unary() {
    if (++nesting_ > 200) fail("nested too deeply");
    if (accept("-", "-=")) { parse_unary(); emit(OpCode::kNegate, 0, 0); }
    else if (accept("+", "+=")) { parse_unary(); }
    else if (accept("!", "=")) { parse_unary(); emit(OpCode::kNot, 0, 0); }
    else parse_primary();
    --nesting_;
  }

  void parse_primary() {
    skip_space();
    if (pos_ >= text_.size()) fail("unexpected end; expected a number, a register or '('");
    char c = text_[pos_];
    if (c == '(') {
      ++pos_;
      parse_or();
      if (!accept(")")) fail(fmt::format("expected ')' at column {}", pos_ + 1));
      return;
    }
    if (std::isdigit(static_cast<unsigned char>(c))) {
      std::int64_t value = 0;
      std::size_t start = pos_;
      while (pos_ < text_.size() && std::isdigit(static_cast<unsigned char>(text_[pos_]))) {
        int digit = text_[pos_] - '0';
        if (__builtin_mul_overflow(value, 10, &value) || __builtin_add_overflow(value, digit, &value)) {
          fail(fmt::format("the literal starting at column {} does not fit in a 64-bit signed integer",
                           start + 1));
        }
        ++pos_;
      }
      if (pos_ < text_.size() && is_name_char(text_[pos_])) {
        fail(fmt::format("malformed number at column {}; expected decimal digits", start + 1));
      }
      emit(OpCode::kConst, value, +1);
      return;
    }
    if (is_name_start(c)) {
      std::size_t start = pos_;
      while (pos_ < text_.size() && is_name_char(text_[pos_])) ++pos_;
      std::string name = text_.substr(start, pos_ - start);
      std::int64_t reg = 0;
      try {
        reg = resolve_(name);
      } catch (const InputException& e) {
        fail(e.message());
      }
      emit(OpCode::kRegister, reg, +1);
      return;
    }
    fail(fmt::format("unexpected '{}' at column {}; expected a number, a register or '('", c, pos_ + 1));
  }

  const std::string& text_;
  const RegisterResolver& resolve_;
  std::size_t pos_ = 0;
  int depth_ = 0;
  int nesting_ = 0;
  Expression out_;
};

Expression Expression::constant(std::int64_t value) {
  Expression e;
  e.code_.push_back(Instr{OpCode::kConst, value});
  e.text_ = std::to_string(value);
  return e;
}

Expression compile_expression(const std::string& text, const RegisterResolver& resolve) {
  return ExpressionParser(text, resolve).parse();
}

bool Expression::evaluate(const std::int64_t* registers, std::int64_t& out,
                          EvalFailure& failure) const {
  if (code_.size() == 1) {
    out = code_[0].code == OpCode::kConst ? code_[0].arg : registers[code_[0].arg];
    return true;
  }
  std::int64_t stack[kMaxStack];
  std::size_t top = 0;  // number of operands on the stack
  const std::size_t n = code_.size();
  for (std::size_t pc = 0; pc < n; ++pc) {
    const Instr& in = code_[pc];
    switch (in.code) {
      case OpCode::kConst: stack[top++] = in.arg; continue;
      case OpCode::kRegister: stack[top++] = registers[in.arg]; continue;
      case OpCode::kNegate:
        if (stack[top - 1] == kMin) {
          failure = EvalFailure{EvalError::kOverflow, 'n', stack[top - 1], 0};
          return false;
        }
        stack[top - 1] = -stack[top - 1];
        continue;
      case OpCode::kNot: stack[top - 1] = stack[top - 1] == 0; continue;
      case OpCode::kToBool: stack[top - 1] = stack[top - 1] != 0; continue;
      case OpCode::kJumpIfZero:
        if (stack[top - 1] == 0) { pc = static_cast<std::size_t>(in.arg) - 1; } else { --top; }
        continue;
      case OpCode::kJumpIfNonZero:
        if (stack[top - 1] != 0) { stack[top - 1] = 1; pc = static_cast<std::size_t>(in.arg) - 1; }
        else { --top; }
        continue;
      default: break;
    }
    const std::int64_t a = stack[top - 2];
    const std::int64_t b = stack[top - 1];
    std::int64_t r = 0;
    switch (in.code) {
      case OpCode::kAdd:
        if (__builtin_add_overflow(a, b, &r)) { failure = {EvalError::kOverflow, '+', a, b}; return false; }
        break;
      case OpCode::kSub:
        if (__builtin_sub_overflow(a, b, &r)) { failure = {EvalError::kOverflow, '-', a, b}; return false; }
        break;
      case OpCode::kMul:
        if (__builtin_mul_overflow(a, b, &r)) { failure = {EvalError::kOverflow, '*', a, b}; return false; }
        break;
      case OpCode::kDiv:
        if (b == 0) { failure = {EvalError::kDivisionByZero, '/', a, b}; return false; }
        if (a == kMin && b == -1) { failure = {EvalError::kOverflow, '/', a, b}; return false; }
        r = a / b;
        break;
      case OpCode::kMod:
        if (b == 0) { failure = {EvalError::kDivisionByZero, '%', a, b}; return false; }
        r = (b == -1) ? 0 : a % b;
        break;
      case OpCode::kLess: r = a < b; break;
      case OpCode::kLessEqual: r = a <= b; break;
      case OpCode::kGreater: r = a > b; break;
      case OpCode::kGreaterEqual: r = a >= b; break;
      case OpCode::kEqual: r = a == b; break;
      case OpCode::kNotEqual: r = a != b; break;
      default: break;
    }
    stack[top - 2] = r;
    --top;
  }
  out = stack[0];
  return true;
}

std::string describe_failure(const EvalFailure& f) {
  if (f.error == EvalError::kDivisionByZero) {
    return fmt::format("division by zero in {} {} {}", f.lhs, f.op, f.rhs);
  }
  if (f.op == 'n') return fmt::format("overflow in -({})", f.lhs);
  return fmt::format("overflow in {} {} {}", f.lhs, f.op, f.rhs);
}

}  // namespace wqcheck::program
