#!/usr/bin/env bash
# Benchmark: parallel exploration (docs/parallel.md). For each target it runs, as separate
# processes, the sequential search (--jobs 1 --units 1), all cores sharing the one tree by
# delegation (--jobs N --units 1: the same executions, counts and counterexamples), and all cores
# on the static partition that sharding uses (--jobs N --units 64). It prints the counts, the
# median exploration time over REPS runs (the search's own elapsed_s, without start-up), the
# peak RSS, the speed-up over the sequential search, the partition's overhead in transitions,
# and how the threads shared the tree (subtrees delegated, explored elsewhere, revoked).
# Usage: bench/parallel.sh [REPS]   (default 5; the largest scenario runs once whatever REPS says)
set -euo pipefail
cd "$(dirname "$0")/.."
[ -x build/wqcheck ] || tools/bootstrap
reps=${1:-5}
cores=$(nproc)
# file algorithm repetitions
targets=("programs/lastzero-15.json optimal $reps"
         "programs/indexer-15.json optimal $reps"
         "scenarios/deferred-mainline-large.json dpor $reps"
         "scenarios/prepatch-mainline-percpu-large.json dpor 1")
[ "${QUICK:-}" = 1 ] && unset "targets[3]"

# file algorithm jobs units reps -> "executions blocked transitions median_seconds rss_MB delegation"
run() {
  local out
  out=$(for _ in $(seq "$5"); do
          build/wqcheck check "$1" --algorithm "$2" --keep-going --jobs "$3" --units "$4" --json
        done)
  python3 -c '
import json, statistics, sys
runs = [json.loads(line) for line in sys.stdin.read().splitlines()]
s = runs[0]["stats"]
p = runs[-1].get("parallel", {})
deleg = "%d/%d/%d" % (p.get("delegated", 0), p.get("claimed", 0), p.get("revoked", 0))
print(s["executions"], s["blocked"], s["transitions"],
      "%.3f" % statistics.median(r["stats"]["elapsed_s"] for r in runs),
      "%.0f" % (max(r["stats"]["peak_rss_kb"] for r in runs) / 1024), deleg)' <<<"$out"
}

echo "$cores cores; median of the search's own time over the runs; delegated/explored elsewhere/revoked"
printf '%-46s %-9s %-20s %9s %9s %10s %8s %6s %12s\n' target algorithm run executions blocked transitions seconds rss_MB delegations
for t in "${targets[@]}"; do
  read -r file algorithm n <<<"$t"
  read -r e0 b0 tr0 s0 m0 d0 <<<"$(run "$file" "$algorithm" 1 1 "$n")"
  read -r e1 b1 tr1 s1 m1 d1 <<<"$(run "$file" "$algorithm" "$cores" 1 "$n")"
  read -r e2 b2 tr2 s2 m2 d2 <<<"$(run "$file" "$algorithm" "$cores" 64 "$n")"
  printf '%-46s %-9s %-20s %9s %9s %10s %8s %6s %12s\n' "$file" "$algorithm" "sequential" "$e0" "$b0" "$tr0" "$s0" "$m0" "-"
  printf '%-46s %-9s %-20s %9s %9s %10s %8s %6s %12s\n' "" "" "$cores threads, shared" "$e1" "$b1" "$tr1" "$s1" "$m1" "$d1"
  printf '%-46s %-9s %-20s %9s %9s %10s %8s %6s %12s\n' "" "" "$cores threads, 64 units" "$e2" "$b2" "$tr2" "$s2" "$m2" "$d2"
  python3 -c '
import sys
tr0, tr2, s0, s1, s2 = map(float, sys.argv[1:])
print("%-46s speed-up %.2fx shared, %.2fx on 64 units (whose transitions are %.2fx the sequential search'"'"'s)"
      % ("", s0 / max(s1, 1e-9), s0 / max(s2, 1e-9), tr2 / tr0))' "$tr0" "$tr2" "$s0" "$s1" "$s2"
done
