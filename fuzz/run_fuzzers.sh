#!/usr/bin/env bash
# Runs every fuzz harness in BUILD_DIR/fuzz for SECONDS each, from a fresh copy of the seed
# corpus (fuzz/seed_corpus.sh), and prints the executions and time per harness and in total.
# Exits 1 if a harness found a crash, a leak, a timeout or an out-of-memory; the input is then
# in BUILD_DIR/fuzz-artifacts/: add it to tests/bad-input/ with its .expect and fix the reader.
# Usage: fuzz/run_fuzzers.sh BUILD_DIR [SECONDS]
set -uo pipefail
cd "$(dirname "$0")/.."
build=$1
seconds=${2:-60}
work=$build/fuzz-work
artifacts=$build/fuzz-artifacts
rm -rf "$work" && mkdir -p "$work/seeds" "$artifacts"
fuzz/seed_corpus.sh "$work/seeds"

status=0
total_runs=0
total_seconds=0
for harness in "$build"/fuzz/*_fuzz; do
  name=$(basename "$harness")
  mkdir -p "$work/$name"
  log=$work/$name.log
  # -rss_limit_mb and -timeout make unbounded memory or time a finding, not a stuck CI.
  "$harness" -max_total_time="$seconds" -rss_limit_mb=2048 -timeout=10 -max_len=65536 \
      -dict=fuzz/json.dict -artifact_prefix="$artifacts/$name-" -print_final_stats=1 \
      "$work/$name" "$work/seeds" >"$log" 2>&1
  rc=$?
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  took=$(sed -n 's/^Done [0-9]* runs in \([0-9]*\) second.*/\1/p' "$log" | tail -1)
  runs=${runs:-0}
  took=${took:-0}
  total_runs=$((total_runs + runs))
  total_seconds=$((total_seconds + took))
  echo "fuzz: $name: $runs executions in $took s (exit $rc)"
  if [ "$rc" -ne 0 ]; then
    status=1
    grep -E "ERROR|SUMMARY|Test unit written" "$log" | head -20
    echo "fuzz: $name: full log in $log; the input is in $artifacts/" >&2
  fi
done
echo "fuzz: total: $total_runs executions in $total_seconds s"
exit $status
