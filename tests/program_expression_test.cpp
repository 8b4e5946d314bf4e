// Expressions in program files: C precedence and semantics, truncating division, overflow and
// division by zero as errors, and rejection of malformed text.
#include <CppUTest/TestHarness.h>

#include <cstdint>
#include <limits>
#include <map>
#include <string>

#include "model/common/input_error.h"
#include "model/program/expression.h"

using wqcheck::InputException;
using wqcheck::program::compile_expression;
using wqcheck::program::EvalError;
using wqcheck::program::EvalFailure;
using wqcheck::program::Expression;

namespace {

constexpr std::int64_t kMax = std::numeric_limits<std::int64_t>::max();
constexpr std::int64_t kMin = std::numeric_limits<std::int64_t>::min();

// Registers a, b, c, big, small hold 7, -2, 0, INT64_MAX, INT64_MIN.
const std::int64_t kRegs[] = {7, -2, 0, kMax, kMin};

Expression compile(const std::string& text) {
  static const std::map<std::string, std::int64_t> names = {
      {"a", 0}, {"b", 1}, {"c", 2}, {"big", 3}, {"small", 4}};
  return compile_expression(text, [](const std::string& n) {
    auto it = names.find(n);
    if (it == names.end()) throw InputException("", "no register " + n);
    return it->second;
  });
}

std::int64_t eval(const std::string& text) {
  std::int64_t out = 0;
  EvalFailure f;
  Expression e = compile(text);
  if (!e.evaluate(kRegs, out, f)) FAIL(("evaluation failed: " + text).c_str());
  return out;
}

EvalFailure failure(const std::string& text) {
  std::int64_t out = 0;
  EvalFailure f;
  CHECK_FALSE(compile(text).evaluate(kRegs, out, f));
  return f;
}

bool rejected(const std::string& text) {
  try {
    compile(text);
  } catch (const InputException&) {
    return true;
  }
  return false;
}

}  // namespace

TEST_GROUP(ProgramExpression){};

TEST(ProgramExpression, PrecedenceFollowsC) {
  LONGS_EQUAL(7, eval("1 + 2 * 3"));
  LONGS_EQUAL(9, eval("(1 + 2) * 3"));
  LONGS_EQUAL(1, eval("1 + 2 == 3"));
  LONGS_EQUAL(1, eval("1 < 2 == 1"));  // (1 < 2) == 1
  LONGS_EQUAL(1, eval("0 || 1 && 0 || 1"));
  LONGS_EQUAL(-5, eval("-a + 2"));
  LONGS_EQUAL(5, eval("a - 2"));
  LONGS_EQUAL(3, eval("10 - 4 - 3"));  // left associative
  LONGS_EQUAL(2, eval("100 / 10 / 5"));
}

TEST(ProgramExpression, RegistersAndLiterals) {
  LONGS_EQUAL(5, eval("a + b"));
  LONGS_EQUAL(-14, eval("a * b"));
  LONGS_EQUAL(0, eval("c"));
  LONGS_EQUAL(42, eval("  42 "));
}

TEST(ProgramExpression, DivisionAndRemainderTruncateTowardZero) {
  LONGS_EQUAL(-3, eval("a / b"));   // 7 / -2 = -3.5 -> -3
  LONGS_EQUAL(1, eval("a % b"));    // 7 % -2 = 1
  LONGS_EQUAL(-3, eval("-a / 2"));  // -7 / 2 -> -3
  LONGS_EQUAL(-1, eval("-a % 2"));  // sign of the dividend
  LONGS_EQUAL(0, eval("small % -1"));
}

TEST(ProgramExpression, ComparisonsAndLogicYieldZeroOrOne) {
  LONGS_EQUAL(1, eval("a > b"));
  LONGS_EQUAL(0, eval("a <= b"));
  LONGS_EQUAL(1, eval("a >= 7"));
  LONGS_EQUAL(1, eval("a != b"));
  LONGS_EQUAL(0, eval("!a"));
  LONGS_EQUAL(1, eval("!c"));
  LONGS_EQUAL(1, eval("a && b"));
  LONGS_EQUAL(1, eval("c || 5"));
  LONGS_EQUAL(0, eval("c && 5"));
}

TEST(ProgramExpression, LogicalOperatorsShortCircuit) {
  // The right operands would divide by zero; C never evaluates them.
  LONGS_EQUAL(0, eval("c && 1 / c"));
  LONGS_EQUAL(1, eval("a || 1 / c"));
}

TEST(ProgramExpression, DivisionByZeroIsAnErrorWithItsOperands) {
  EvalFailure f = failure("a / c");
  CHECK(f.error == EvalError::kDivisionByZero);
  LONGS_EQUAL(7, f.lhs);
  LONGS_EQUAL(0, f.rhs);
  CHECK(failure("a % c").error == EvalError::kDivisionByZero);
}

TEST(ProgramExpression, SixtyFourBitOverflowIsAnError) {
  CHECK(failure("big + 1").error == EvalError::kOverflow);
  CHECK(failure("small - 1").error == EvalError::kOverflow);
  CHECK(failure("big * 2").error == EvalError::kOverflow);
  CHECK(failure("-small").error == EvalError::kOverflow);
  CHECK(failure("small / -1").error == EvalError::kOverflow);
  LONGS_EQUAL(kMax, eval("big + 0"));
  LONGS_EQUAL(kMin + 1, eval("-big"));
}

TEST(ProgramExpression, MalformedTextIsRejected) {
  CHECK(rejected(""));
  CHECK(rejected("1 +"));
  CHECK(rejected("(1"));
  CHECK(rejected("1 2"));
  CHECK(rejected("a $ b"));
  CHECK(rejected("nosuchreg + 1"));
  CHECK(rejected("99999999999999999999"));
  CHECK(rejected("12abc"));
  CHECK_FALSE(rejected("9223372036854775807"));
}

TEST(ProgramExpression, DeepNestingIsRejectedNotACrash) {
  std::string deep(5000, '(');
  deep += "1" + std::string(5000, ')');
  CHECK(rejected(deep));
  std::string wide = "1";
  for (int i = 0; i < 40; ++i) wide = "1 + (" + wide + ")";
  CHECK(rejected(wide));  // more pending operands than the evaluation stack holds
}
