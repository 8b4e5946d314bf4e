#!/usr/bin/env bash
# Benchmark: how the workqueue search grows with the pool. For the prepatch and claim variants
# under both cullers, it checks unbound pools of W idle + W busy workers and K kickers (one work
# item each; default expiry and bounds), growing W for each K until a configuration is not
# exhausted within the time limit on all cores. Each exhausted configuration is then re-run on
# one core (--jobs 1). Both explore exactly the same executions (threads share the tree by
# delegation; UNITS > 1 splits it statically instead). It prints executions, blocked executions,
# the search's time on one core and on all cores, and the verdict; the docs/findings.md scaling
# table comes from here.
# Usage: bench/scaling.sh [ALGORITHM] [SECONDS] [MAX_KICKERS] [UNITS]   (default: dpor 60 2 64)
set -euo pipefail
cd "$(dirname "$0")/.."
[ -x build/wqcheck ] || tools/bootstrap
algorithm=${1:-dpor}
limit=${2:-60}
max_kickers=${3:-2}
units=${4:-64}
cores=$(nproc)
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT

stats() {  # json-line -> "executions blocked seconds verdict exhaustive"
  python3 -c '
import json, sys
d = json.loads(sys.stdin.read()); s = d["stats"]
print(s["executions"], s["blocked"], "%.1f" % s["elapsed_s"], d["verdict"], "no" if "stopped_because" in d else "yes")'
}

echo "algorithm $algorithm, time limit ${limit} s, $cores cores ($units units); W idle + W busy workers, K kickers"
printf '%-9s %-9s %2s %2s %12s %12s %9s %9s %-9s\n' variant culler W K executions blocked "1 core" "$cores cores" verdict
for variant in prepatch claim; do
  for culler in mainline seed; do
    for kickers in $(seq 1 "$max_kickers"); do
      for workers in 1 2 3 4; do
        f=$dir/$variant-$culler-w$workers-k$kickers.json
        cat > "$f" <<JSON
{"model": "workqueue", "description": "scaling", "variant": "$variant", "culler": "$culler",
 "pool": "unbound", "manager": false, "workers": $workers, "busy_workers": $workers,
 "kickers": $kickers, "works_per_kicker": 1}
JSON
        read -r e b t_all verdict exhaustive <<<"$(build/wqcheck check "$f" --algorithm "$algorithm" --keep-going \
            --time-limit "$limit" --units "$units" --json | stats)"
        if [ "$exhaustive" != yes ]; then
          printf '%-9s %-9s %2s %2s %12s %12s %9s %9s %-9s\n' "$variant" "$culler" "$workers" "$kickers" \
            ">$e" ">$b" "-" ">$limit" "unknown"
          break
        fi
        read -r _ _ t_one _ one_exhaustive <<<"$(build/wqcheck check "$f" --algorithm "$algorithm" --keep-going \
            --time-limit "$limit" --jobs 1 --units "$units" --json | stats)"
        [ "$one_exhaustive" = yes ] || t_one=">$limit"
        printf '%-9s %-9s %2s %2s %12s %12s %9s %9s %-9s\n' "$variant" "$culler" "$workers" "$kickers" \
          "$e" "$b" "$t_one" "$t_all" "$verdict"
      done
    done
  done
done
