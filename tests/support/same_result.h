// CHECKs that two search results agree in everything but time and memory: every count, the
// exhaustiveness, and per property the status and the counterexample. For the tests that hold a
// search to another one (threads vs one thread, delegated vs alone, shards vs whole).
#pragma once

#include <string>

#include <CppUTest/TestHarness.h>

#include "explorer/explore.h"

namespace wqcheck::testing {

inline void check_same_result(const Result& a, const Result& b, const std::string& what) {
  CHECK_EQUAL_TEXT(a.stats.executions, b.stats.executions, ("executions: " + what).c_str());
  CHECK_EQUAL_TEXT(a.stats.deadlocked, b.stats.deadlocked, ("deadlocked: " + what).c_str());
  CHECK_EQUAL_TEXT(a.stats.sleep_blocked, b.stats.sleep_blocked, ("sleep-blocked: " + what).c_str());
  CHECK_EQUAL_TEXT(a.stats.assume_blocked, b.stats.assume_blocked, ("assume-blocked: " + what).c_str());
  CHECK_EQUAL_TEXT(a.stats.transitions, b.stats.transitions, ("transitions: " + what).c_str());
  CHECK_EQUAL_TEXT(a.exhaustive, b.exhaustive, ("exhaustive: " + what).c_str());
  CHECK_EQUAL_TEXT(a.stopped_because, b.stopped_because, ("stopped because: " + what).c_str());
  LONGS_EQUAL_TEXT(a.properties.size(), b.properties.size(), ("properties: " + what).c_str());
  for (std::size_t i = 0; i < a.properties.size(); ++i) {
    CHECK_TEXT(a.properties[i].status == b.properties[i].status, ("status: " + what).c_str());
    CHECK_TEXT(a.properties[i].counterexample == b.properties[i].counterexample,
               ("counterexample: " + what).c_str());
  }
}

}  // namespace wqcheck::testing
