// A seeded generator of small random program files, for tests only: 2-3 threads, 1-4 visible
// instructions each, over a few shared variables (sometimes an array and a mutex), mixing loads,
// stores, fetch_add, exchange, cas, lock/unlock, branches on loaded values, assume and assert.
// The same seed always gives the same program. Programs are well-formed (the reader accepts them)
// and never relock a mutex; they may deadlock, fail an assert or discard an execution.
#pragma once

#include <cstdint>

#include <nlohmann/json.hpp>

namespace wqcheck::testing {

nlohmann::json random_program(std::uint64_t seed);

}  // namespace wqcheck::testing
