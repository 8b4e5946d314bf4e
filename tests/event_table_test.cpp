// EventTable and StableArray, the storage under optimal DPOR's wakeup trees: interning gives equal
// events one id and different events different ids, ids and references stay valid however many
// events follow, and a wakeup subtree copied from one forest into another (each with its own
// table) holds the same sequences.
#include <cstdint>
#include <random>
#include <vector>

#include <CppUTest/TestHarness.h>

#include "explorer/event_table.h"
#include "explorer/stable_array.h"
#include "explorer/wakeup_forest.h"
#include "tests/support/random_event.h"

using wqcheck::ActorId;
using wqcheck::Event;
using wqcheck::EventTable;
using wqcheck::StableArray;
using wqcheck::WakeupForest;
using wqcheck::WakeupSequence;

namespace {

Event random_event(std::mt19937_64& random) {
  return wqcheck::testing::random_event(
      random, {.actors = 4, .actions = 6, .blocked_one_in = 9, .accesses = 3, .locations = 5});
}

Event event(ActorId actor, wqcheck::Location loc, bool write) {
  Event e;
  e.actor = actor;
  if (write) {
    e.footprint.write(loc);
  } else {
    e.footprint.read(loc);
  }
  return e;
}

}  // namespace

TEST_GROUP(StableArray){};

TEST(StableArray, ElementsStayWhereTheyAreWhileItGrows) {
  StableArray<std::uint64_t> a;
  std::vector<const std::uint64_t*> where;
  for (std::uint64_t i = 0; i < 5000; ++i) {
    const std::size_t k = a.grow();
    LONGS_EQUAL(i, k);
    a[k] = i * 7;
    where.push_back(&a[k]);
  }
  LONGS_EQUAL(5000, a.size());
  for (std::uint64_t i = 0; i < 5000; ++i) {
    POINTERS_EQUAL(where[i], &a[i]);
    LONGS_EQUAL(i * 7, a[i]);
  }
}

TEST(StableArray, ClearKeepsTheChunksForTheNextElements) {
  StableArray<std::uint64_t> a;
  for (int i = 0; i < 1500; ++i) a.grow();
  const std::uint64_t* first = &a[0];
  const std::uint64_t* later = &a[1400];
  a.clear();
  LONGS_EQUAL(0, a.size());
  for (int i = 0; i < 1401; ++i) a.grow();
  POINTERS_EQUAL(first, &a[0]);
  POINTERS_EQUAL(later, &a[1400]);
}

TEST(StableArray, AMovedFromArrayIsEmptyAndUsable) {
  StableArray<int> a;
  for (int i = 0; i < 3000; ++i) a[a.grow()] = i;
  StableArray<int> b(std::move(a));
  LONGS_EQUAL(3000, b.size());
  LONGS_EQUAL(2999, b[2999]);
  LONGS_EQUAL(0, a.size());  // NOLINT(bugprone-use-after-move): documented to be empty
  a[a.grow()] = 5;
  LONGS_EQUAL(5, a[0]);
}

TEST_GROUP(EventTable){};

// Against a brute-force list: the id of an event is that of the first equal event interned.
TEST(EventTable, EqualEventsShareAnIdAndOthersDoNot) {
  std::mt19937_64 random(7);
  EventTable table;
  std::vector<Event> distinct;
  for (int i = 0; i < 20000; ++i) {
    const Event e = random_event(random);
    const EventTable::Id id = table.intern(e);
    std::size_t expected = distinct.size();
    for (std::size_t k = 0; k < distinct.size(); ++k) {
      if (distinct[k] == e) {
        expected = k;
        break;
      }
    }
    if (expected == distinct.size()) distinct.push_back(e);
    LONGS_EQUAL(expected, id);
    CHECK(table[id] == e);
  }
  LONGS_EQUAL(distinct.size(), table.size());
  CHECK(distinct.size() > 1000);  // the index had to grow several times
}

TEST(EventTable, ReferencesSurviveLaterInterning) {
  std::mt19937_64 random(11);
  EventTable table;
  const Event first = event(1, 3, true);
  const EventTable::Id id = table.intern(first);
  const Event* where = &table[id];
  for (int i = 0; i < 5000; ++i) table.intern(random_event(random));
  POINTERS_EQUAL(where, &table[id]);
  LONGS_EQUAL(id, table.intern(first));  // the index still finds it
}

TEST(EventTable, ClearForgetsEveryEvent) {
  EventTable table;
  table.intern(event(0, 1, false));
  table.intern(event(1, 1, true));
  table.clear();
  LONGS_EQUAL(0, table.size());
  LONGS_EQUAL(0, table.intern(event(1, 1, true)));
  LONGS_EQUAL(1, table.intern(event(0, 1, false)));
}

TEST_GROUP(WakeupForest){};

// Branches over a few actors touching one location each; a copied child keeps its sequences
// although the two forests number their events differently.
TEST(WakeupForest, ACopiedChildHoldsTheSameSequencesInAnotherTable) {
  WakeupForest from;
  const WakeupForest::Tree tree = from.make_tree();
  const std::vector<std::vector<Event>> branches = {
      {event(0, 0, true), event(1, 1, true), event(2, 0, false)},
      {event(1, 0, true), event(0, 0, true)},
      {event(0, 0, true), event(2, 2, true), event(1, 0, false)},
  };
  for (const std::vector<Event>& b : branches) {
    WakeupSequence seq;
    for (const Event& e : b) seq.events.push_back(&e);
    seq.before = [&](std::size_t x, std::size_t y) { return wqcheck::dependent(b[x], b[y]); };
    from.insert(tree, seq);
  }
  const std::vector<std::vector<ActorId>> all = from.sequences(tree);
  CHECK_TRUE(all.size() >= 2);

  WakeupForest into;
  into.make_tree();  // so that the copy's nodes and events get other ids than the source's
  WakeupSequence other;
  const Event unrelated = event(3, 9, true);
  other.events.push_back(&unrelated);
  other.before = [](std::size_t, std::size_t) { return false; };
  into.insert(0, other);
  const WakeupForest::Tree to = into.make_tree();
  from.copy_child(from.first_child(tree), into, to);
  std::vector<std::vector<ActorId>> expected;
  for (const auto& s : all) {
    if (s.front() == from.event(from.first_child(tree)).actor) expected.push_back(s);
  }
  CHECK(expected == into.sequences(to));
  CHECK(from.event(from.first_child(tree)) == into.event(into.first_child(to)));
}
