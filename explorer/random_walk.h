// random: seeded random scheduling for models too large to exhaust. Each execution picks, at
// every step, one enabled actor uniformly at random; execution k draws from a generator seeded
// by (seed, k), so any execution can be replayed from the seed alone. It never proves a
// property: without a violation the verdict is "unknown".
#pragma once

#include "explorer/search.h"

namespace wqcheck {

void explore_random(Search& search);

// The generator behind explore_random: splitmix64, a tiny, well-mixed, portable PRNG.
class SplitMix64 {
 public:
  explicit SplitMix64(std::uint64_t seed) : state_(seed) {}
  std::uint64_t next() {
    std::uint64_t z = (state_ += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
  }
  // The generator of sample number `index` of a run seeded with `seed`. Both are mixed through
  // the generator before they meet, so consecutive samples draw unrelated sequences (a plain
  // seed ^ constant * index would make sample k+1's numbers sample k's, shifted by one).
  static SplitMix64 for_sample(std::uint64_t seed, std::uint64_t index) {
    SplitMix64 mixed_seed(seed);
    SplitMix64 mixed_index(index ^ 0xd1b54a32d192ed03ULL);
    return SplitMix64(mixed_seed.next() ^ mixed_index.next());
  }
  // Uniform in [0, bound), bound > 0 (Lemire's multiply-shift; the bias is < 2^-32 for our sizes).
  std::uint64_t below(std::uint64_t bound) {
    return static_cast<std::uint64_t>((static_cast<unsigned __int128>(next()) * bound) >> 64);
  }

 private:
  std::uint64_t state_;
};

}  // namespace wqcheck
