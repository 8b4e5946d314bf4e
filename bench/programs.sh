#!/usr/bin/env bash
# Benchmark: the explorer on the classic DPOR benchmark programs. For each program and algorithm
# it prints executions explored, wall time, executions/s, transitions/s and peak RSS, each run
# a separate process (so the RSS is that run's own). Single-threaded and unsplit (--jobs 1
# --units 1): the sequential algorithms; bench/parallel.sh measures them on all cores.
# Usage: bench/programs.sh [ALGORITHM...]   (default: optimal dpor)
set -euo pipefail
cd "$(dirname "$0")/.."
[ -x build/wqcheck ] || tools/bootstrap
algorithms=("$@")
[ ${#algorithms[@]} -gt 0 ] || algorithms=(optimal dpor)
programs=(lastzero-10 lastzero-15 indexer-13 indexer-15 readers-13 filesystem-19 casw-5 rwinc-3-2)

printf '%-14s %-8s %10s %9s %8s %12s %12s %9s\n' program algo executions blocked seconds exec/s trans/s rss_MB
for p in "${programs[@]}"; do
  for a in "${algorithms[@]}"; do
    build/wqcheck check "programs/$p.json" --algorithm "$a" --jobs 1 --units 1 --json | python3 -c '
import json, sys
d = json.loads(sys.stdin.read()); s = d["stats"]; t = max(s["elapsed_s"], 1e-9)
print("%-14s %-8s %10d %9d %8.3f %12.0f %12.0f %9.1f" % (sys.argv[1], sys.argv[2], s["executions"], s["blocked"],
      s["elapsed_s"], s["executions"] / t, s["transitions"] / t, s["peak_rss_kb"] / 1024))' "$p" "$a"
  done
done
