// ReversalLog: what a delegated subtree's search logs for the nodes above it must read back
// exactly (events, footprints, happens-before relation), in order, however much of each sequence
// is stored as the prefix it shares with the one before, and when passed on from one log to
// another as the searches above do.
#include <cstdint>
#include <random>
#include <stdexcept>
#include <vector>

#include <CppUTest/TestHarness.h>

#include "explorer/reversal_log.h"
#include "tests/support/random_event.h"

using wqcheck::Event;
using wqcheck::ReversalLog;

namespace {

struct Sequence {
  std::size_t node = 0;
  std::vector<Event> events;
  std::vector<std::vector<bool>> before;  // before[y][x]: x happens before y (x < y)
  std::size_t shared = 0;                 // leading events (and rows) equal to the previous one's
};

Event random_event(std::mt19937_64& random) {
  return wqcheck::testing::random_event(
      random, {.actors = 5, .actions = 1000, .blocked_one_in = 7, .accesses = 4, .locations = 300});
}

// Sequences as log_offer produces them: runs for one node whose members share a prefix, of
// lengths from 1 to 150 (rows of one, two and three words).
std::vector<Sequence> random_sequences(std::uint64_t seed, std::size_t count) {
  std::mt19937_64 random(seed);
  std::vector<Sequence> out;
  for (std::size_t k = 0; k < count; ++k) {
    Sequence s;
    const bool same_node = k > 0 && random() % 4 != 0;
    s.node = same_node ? out.back().node : random() % 6;
    const std::size_t n = 1 + random() % (random() % 3 == 0 ? 150 : 40);
    if (same_node && out.back().events.size() > 1 && n > 1) {
      const std::size_t limit = std::min(n, out.back().events.size()) - 1;
      s.shared = random() % (limit + 1);
    }
    for (std::size_t y = 0; y < n; ++y) {
      if (y < s.shared) {
        s.events.push_back(out.back().events[y]);
        s.before.push_back(out.back().before[y]);
        continue;
      }
      s.events.push_back(random_event(random));
      std::vector<bool> row(y);
      for (std::size_t x = 0; x < y; ++x) row[x] = random() % 3 == 0;
      s.before.push_back(row);
    }
    out.push_back(std::move(s));
  }
  return out;
}

void add(ReversalLog& log, const Sequence& s) {
  const std::size_t n = s.events.size();
  std::uint64_t* rows = log.add_sequence(s.node, n, s.shared, [&](std::size_t x) -> const Event& {
    CHECK_TEXT(x >= s.shared, "a shared event was asked for");
    return s.events[x];
  });
  for (std::size_t y = s.shared; y < n; ++y) {
    for (std::size_t x = 0; x < y; ++x) {
      if (s.before[y][x]) ReversalLog::mark_before(rows, s.shared, x, y);
    }
  }
}

void check_reads_back(const ReversalLog& log, const std::vector<Sequence>& expected) {
  LONGS_EQUAL(expected.size(), log.sequences());
  ReversalLog::Cursor cursor;
  cursor.start(log);
  for (std::size_t k = 0; k < expected.size(); ++k) {
    const Sequence& s = expected[k];
    cursor.load(k);
    LONGS_EQUAL(s.node, cursor.node());
    LONGS_EQUAL(s.events.size(), cursor.size());
    for (std::size_t y = 0; y < s.events.size(); ++y) {
      CHECK(cursor.event(y) == s.events[y]);
      for (std::size_t x = 0; x < y; ++x) CHECK_EQUAL(s.before[y][x], cursor.before(x, y));
    }
  }
}

}  // namespace

TEST_GROUP(ReversalLog){};

TEST(ReversalLog, SequencesReadBackExactlyWhateverPrefixTheyShare) {
  for (std::uint64_t seed = 1; seed <= 20; ++seed) {
    const std::vector<Sequence> sequences = random_sequences(seed, 60);
    ReversalLog log;
    for (const Sequence& s : sequences) add(log, s);
    check_reads_back(log, sequences);
  }
}

TEST(ReversalLog, AClearedLogIsEmptyAndReusable) {
  ReversalLog log;
  for (const Sequence& s : random_sequences(7, 30)) add(log, s);
  log.clear();
  LONGS_EQUAL(0, log.sequences());
  const std::vector<Sequence> again = random_sequences(8, 30);
  for (const Sequence& s : again) add(log, s);
  check_reads_back(log, again);
}

// A search passes the sequences for nodes above its own on up, in order, interleaved with the
// ones it applies itself; a run of consecutive ones keeps its shared prefixes, the first of a
// run is stored whole.
TEST(ReversalLog, SequencesPassedOnReadBackExactly) {
  for (std::uint64_t seed = 1; seed <= 20; ++seed) {
    const std::vector<Sequence> sequences = random_sequences(100 + seed, 80);
    ReversalLog from;
    for (const Sequence& s : sequences) add(from, s);
    ReversalLog to;
    std::vector<Sequence> passed;
    ReversalLog::Cursor cursor;
    cursor.start(from);
    bool continues = false;
    for (std::size_t k = 0; k < sequences.size(); ++k) {
      cursor.load(k);
      if (cursor.node() >= 3) {  // applied here
        continues = false;
        continue;
      }
      to.add_sequence(cursor, continues);
      continues = true;
      passed.push_back(sequences[k]);
    }
    CHECK(!passed.empty());
    check_reads_back(to, passed);
  }
}

TEST(ReversalLog, APrefixIsSharedOnlyWithALongerSequenceOfTheSameNode) {
  const std::vector<Sequence> sequences = random_sequences(3, 1);
  Sequence first = sequences[0];
  first.node = 2;
  first.events.resize(1);
  first.before.resize(1);
  first.events.push_back(Event{});
  first.before.push_back({false});
  first.events.push_back(Event{});
  first.before.push_back({false, true});
  ReversalLog log;
  add(log, first);  // three events, node 2
  Sequence other_node = first;
  other_node.node = 3;
  other_node.shared = 1;
  CHECK_THROWS(std::logic_error, add(log, other_node));
  Sequence too_much = first;
  too_much.shared = 3;  // the whole previous sequence, last event included
  CHECK_THROWS(std::logic_error, add(log, too_much));
  Sequence fine = first;
  fine.shared = 2;
  add(log, fine);
  check_reads_back(log, {first, fine});
}
