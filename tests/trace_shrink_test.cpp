// Shrinking schedules on the toy model, against minima derived by hand.
#include <CppUTest/TestHarness.h>

#include "explorer/shrink.h"
#include "tests/support/toy_model.h"

namespace {

using namespace wqcheck;
constexpr ActorId kKicker = 0, kCuller = 1, kWorker = 2, kClock = 3;
constexpr std::size_t kSurvives = 0, kStranded = 1;

}  // namespace

TEST_GROUP(Shrink) {
  std::unique_ptr<Model> model = toy::make_toy_model({3, "woke_up"});
};

TEST(Shrink, ViolatingPrefixStopsAtTheFirstViolatingStep) {
  // kicked-worker-survives is violated by the culler's step, the 3rd here.
  Schedule s = {kClock, kKicker, kCuller, kWorker, kClock};
  auto prefix = violating_prefix(*model, s, kSurvives);
  CHECK(prefix.has_value());
  LONGS_EQUAL(3, *prefix);
}

TEST(Shrink, ATerminalViolationNeedsATerminalState) {
  // kicker, culler, W0 strands the work, but the clock can still tick: not terminal yet.
  CHECK_FALSE(violating_prefix(*model, {kKicker, kCuller, kWorker}, kStranded).has_value());
  auto prefix = violating_prefix(*model, {kKicker, kCuller, kWorker, kClock, kClock, kClock}, kStranded);
  CHECK(prefix.has_value());
  LONGS_EQUAL(6, *prefix);
}

TEST(Shrink, AnUnrunnableScheduleViolatesNothing) {
  CHECK_FALSE(violating_prefix(*model, {kWorker}, kSurvives).has_value());  // W0 is not woken
}

TEST(Shrink, DeletesTheStepsTheViolationDoesNotNeed) {
  // The clock ticks are independent; the violation needs exactly "kick, then cull" (2 steps).
  Schedule noisy = {kClock, kKicker, kClock, kClock, kCuller, kWorker};
  ShrinkResult r = shrink(*model, noisy, kSurvives);
  CHECK((r.schedule == Schedule{kKicker, kCuller}));
  CHECK(r.replays > 1);
}

TEST(Shrink, KeepsTheStepsATerminalViolationNeeds) {
  // No-stranded-work needs a terminal state, so all three ticks stay, and kick, cull and W0's
  // exit are each needed (without W0 the state is not terminal; without the culler W0 takes the
  // work; without the kicker there is no work): nothing can be deleted.
  Schedule s = {kClock, kKicker, kClock, kCuller, kClock, kWorker};
  CHECK((shrink(*model, s, kStranded).schedule == s));
}

TEST(Shrink, IsDeterministicAndLeavesANonViolatingScheduleAlone) {
  Schedule noisy = {kClock, kKicker, kClock, kClock, kCuller, kWorker};
  CHECK((shrink(*model, noisy, kSurvives).schedule == shrink(*model, noisy, kSurvives).schedule));
  Schedule safe = {kKicker, kWorker, kCuller};
  CHECK((shrink(*model, safe, kSurvives).schedule == safe));
}
