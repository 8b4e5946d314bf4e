#!/usr/bin/env bash
# Benchmark: partitioned exploration (docs/parallel.md). For each target it runs the unsplit
# sequential search (--units 1), then the search split into --units U with 1 thread and with
# all cores (--jobs), each a separate process, and prints executions, blocked executions, wall
# time, peak RSS, the partition's overhead (transitions split / unsplit) and the speed-up of
# all cores over 1 thread on the same split (and over the unsplit search).
# Usage: bench/parallel.sh [ALGORITHM] [UNITS]   (default: optimal 64)
set -euo pipefail
cd "$(dirname "$0")/.."
[ -x build/wqcheck ] || tools/bootstrap
algorithm=${1:-optimal}
units=${2:-64}
cores=$(nproc)
targets=(programs/lastzero-15.json programs/indexer-15.json scenarios/prepatch-mainline-manager-created2.json
         scenarios/prepatch-mainline-percpu-large.json)

run() {  # file jobs units -> "executions blocked transitions seconds rss_MB"
  build/wqcheck check "$1" --algorithm "$algorithm" --keep-going --jobs "$2" --units "$3" --json | python3 -c '
import json, sys
s = json.loads(sys.stdin.read())["stats"]
print(s["executions"], s["blocked"], s["transitions"], "%.2f" % s["elapsed_s"], "%.0f" % (s["peak_rss_kb"] / 1024))'
}

echo "algorithm $algorithm, $units units, $cores cores"
printf '%-48s %-14s %10s %10s %11s %8s %7s\n' target run executions blocked transitions seconds rss_MB
for t in "${targets[@]}"; do
  read -r e0 b0 tr0 s0 m0 <<<"$(run "$t" 1 1)"
  read -r e1 b1 tr1 s1 m1 <<<"$(run "$t" 1 "$units")"
  read -r e2 b2 tr2 s2 m2 <<<"$(run "$t" "$cores" "$units")"
  printf '%-48s %-14s %10s %10s %11s %8s %7s\n' "$t" "unsplit" "$e0" "$b0" "$tr0" "$s0" "$m0"
  printf '%-48s %-14s %10s %10s %11s %8s %7s\n' "" "split, 1 job" "$e1" "$b1" "$tr1" "$s1" "$m1"
  printf '%-48s %-14s %10s %10s %11s %8s %7s\n' "" "split, $cores jobs" "$e2" "$b2" "$tr2" "$s2" "$m2"
  python3 -c '
import sys
tr0, tr1, s0, s1, s2 = map(float, sys.argv[1:])
print("%-48s overhead %.2fx transitions; speed-up %.2fx over 1 job, %.2fx over unsplit" % ("", tr1 / tr0, s1 / max(s2, 1e-9), s0 / max(s2, 1e-9)))' \
    "$tr0" "$tr1" "$s0" "$s1" "$s2"
done
