#!/usr/bin/env bash
# Every checked-in trace must still replay: `wqcheck replay` exits 1 (violation reproduced) for
# each traces/*.json. A trace that diverges or no longer violates means the model or a scenario
# changed: regenerate with tools/regen-traces and review the diff.
# Usage: replay_traces.sh WQCHECK TRACES_DIR
set -uo pipefail
wqcheck=$1
dir=$2
count=0
failed=0
for t in "$dir"/*.json; do
  [ -e "$t" ] || continue
  count=$((count + 1))
  "$wqcheck" replay "$t" >/dev/null
  status=$?
  if [ "$status" -ne 1 ]; then
    echo "replay_traces: $t: expected exit 1 (reproduced), got $status" >&2
    failed=$((failed + 1))
  fi
done
echo "replay_traces: $count trace(s), $failed failed"
[ "$failed" -eq 0 ]
