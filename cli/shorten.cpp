#include "cli/shorten.h"

#include "explorer/shrink.h"

namespace wqcheck {

namespace {

// The budget within which bfs counts as fitting; past it, shrinking takes over.
constexpr double kBfsSeconds = 20;
constexpr std::uint64_t kBfsMemoryMb = 2048;

// A shortest counterexample by bfs, or nothing if bfs is not in this build or does not fit.
std::optional<Schedule> shortest_by_bfs(const Model& model, const Schedule& found, std::size_t property) {
  if (!parse_algorithm("bfs")) return std::nullopt;  // the explorer offers bfs once it is built
  Options options;
  options.algorithm = Algorithm::kBfs;
  options.keep_going = true;  // a violation of another property must not end the search
  // Nothing longer than what we have is of interest.
  options.bounds.max_depth = found.size();
  options.bounds.max_seconds = kBfsSeconds;
  options.bounds.max_memory_mb = kBfsMemoryMb;
  Result result = explore(model, options);
  if (property >= result.properties.size()) return std::nullopt;
  const PropertyResult& p = result.properties[property];
  if (p.status != Status::kViolated || !p.counterexample) return std::nullopt;
  // bfs visits shorter schedules first, so any violation it found is a shortest one; check it.
  auto length = violating_prefix(model, *p.counterexample, property);
  if (!length || *length > found.size()) return std::nullopt;
  return Schedule(p.counterexample->begin(), p.counterexample->begin() + static_cast<std::ptrdiff_t>(*length));
}

}  // namespace

Shortened shorten(const Model& model, const Schedule& found, std::size_t property,
                  Algorithm found_by, ShortenMode mode) {
  if (mode == ShortenMode::kNone || found_by == Algorithm::kBfs) return {found, "none"};
  if (mode == ShortenMode::kAuto) {
    if (auto shortest = shortest_by_bfs(model, found, property)) return {*shortest, "bfs"};
  }
  return {shrink(model, found, property).schedule, "shrink"};
}

}  // namespace wqcheck
