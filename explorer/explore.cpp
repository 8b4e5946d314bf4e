#include "explorer/explore.h"

#include "explorer/bfs.h"
#include "explorer/dfs.h"
#include "explorer/dpor.h"
#include "explorer/parallel.h"
#include "explorer/pct.h"
#include "explorer/random_walk.h"
#include "explorer/search.h"

namespace wqcheck {

namespace {

struct AlgorithmName {
  Algorithm algorithm;
  const char* name;
};

// The algorithms this build offers, in the order the help text lists them.
constexpr AlgorithmName kAlgorithms[] = {
    {Algorithm::kOptimal, "optimal"},
    {Algorithm::kDpor, "dpor"},
    {Algorithm::kDfs, "dfs"},
    {Algorithm::kBfs, "bfs"},
    {Algorithm::kRandom, "random"},
    {Algorithm::kPct, "pct"},
};

}  // namespace

std::optional<Algorithm> parse_algorithm(const std::string& name) {
  for (const AlgorithmName& a : kAlgorithms) {
    if (name == a.name) return a.algorithm;
  }
  return std::nullopt;
}

std::vector<std::string> algorithm_names() {
  std::vector<std::string> names;
  for (const AlgorithmName& a : kAlgorithms) names.emplace_back(a.name);
  return names;
}

std::string algorithm_name(Algorithm algorithm) {
  for (const AlgorithmName& a : kAlgorithms) {
    if (a.algorithm == algorithm) return a.name;
  }
  return "unknown";
}

std::string status_name(Status status) {
  switch (status) {
    case Status::kHolds: return "holds";
    case Status::kViolated: return "violated";
    case Status::kUnknown: return "unknown";
  }
  return "unknown";
}

std::string Result::verdict() const {
  bool unknown = false;
  for (const PropertyResult& p : properties) {
    if (p.status == Status::kViolated) return "violated";
    if (p.status == Status::kUnknown) unknown = true;
  }
  return unknown ? "unknown" : "safe";
}

Result explore(const Model& model, const Options& options) {
  const bool dpor = options.algorithm == Algorithm::kDpor || options.algorithm == Algorithm::kOptimal;
  if (dpor && options.jobs > 0) return explore_partitioned(model, options);
  Search search(model, options);
  switch (options.algorithm) {
    case Algorithm::kDfs:
      explore_dfs(search);
      break;
    case Algorithm::kDpor:
      explore_dpor(search, DporMode::kSource);
      break;
    case Algorithm::kOptimal:
      explore_dpor(search, DporMode::kOptimal);
      break;
    case Algorithm::kBfs:
      explore_bfs(search);
      break;
    case Algorithm::kRandom:
      explore_random(search);
      break;
    case Algorithm::kPct:
      explore_pct(search);
      break;
  }
  return search.finish();
}

}  // namespace wqcheck
