// Footprint and the dependency relation that partial-order reduction rests on.
#include <CppUTest/TestHarness.h>

#include "explorer/model.h"

using wqcheck::Event;
using wqcheck::Footprint;

TEST_GROUP(Footprint){};

TEST(Footprint, ReadsOfTheSameLocationCommute) {
  Footprint a, b;
  a.read(1);
  b.read(1);
  CHECK_FALSE(a.conflicts_with(b));
}

TEST(Footprint, AWriteConflictsWithAReadOrWriteOfTheSameLocation) {
  Footprint w, r, w2;
  w.write(7);
  r.read(7);
  w2.write(7);
  CHECK(w.conflicts_with(r));
  CHECK(r.conflicts_with(w));
  CHECK(w.conflicts_with(w2));
}

TEST(Footprint, DisjointLocationsDoNotConflict) {
  Footprint a, b;
  a.write(1);
  a.write(3);
  b.write(2);
  b.write(4);
  CHECK_FALSE(a.conflicts_with(b));
}

TEST(Footprint, AWriteSubsumesAReadOfTheSameLocation) {
  Footprint a;
  a.read(5);
  a.write(5);
  a.read(5);
  LONGS_EQUAL(1, a.accesses().size());
  CHECK(a.accesses()[0].write);
}

TEST(Footprint, EventsOfOneActorAreNeverDependent) {
  Event a, b;
  a.actor = b.actor = 3;
  a.footprint.write(1);
  b.footprint.write(1);
  CHECK_FALSE(wqcheck::dependent(a, b));
  b.actor = 4;
  CHECK(wqcheck::dependent(a, b));
}
