#!/usr/bin/env bash
# Benchmark: how many schedules the two sampling strategies, random (uniform random scheduling)
# and pct (PCT with bug depth d), need to hit a violated property of the workqueue scenarios.
#
# For each scenario and each property its `expect` block marks "violated", it runs
# `wqcheck check --algorithm ALGO --seed S --executions BUDGET --json` on a temporary copy of
# the scenario that checks that property alone (the "properties" list only masks what is
# reported; the state space is unchanged), for seeds 1..K. The search stops at the first
# violation; the schedules it sampled, the hit included, are stats.executions + stats.blocked
# (a schedule the model discards, e.g. past max_created, is sampled too and counted as blocked).
# A run that samples BUDGET schedules without a violation is a miss.
#
# Per (scenario, property, strategy) it prints the mean, median and max schedules to the first hit
# over the K seeds, and the misses. With misses, mean is a lower bound (a miss counts as BUDGET)
# and shown as ">N"; median and max are "> BUDGET" when misses reach them. Counts, not seconds:
# the output depends only on the seeds, the budget and the binary. Runs are sequential.
#
# Usage: bench/schedules_to_hit.sh [options] [SCENARIO.json...]
#   --wqcheck PATH   the wqcheck binary (default: $WQCHECK, else build/wqcheck of this checkout)
#   --seeds K        seeds 1..K per strategy (default 20)
#   --budget N       schedules per run before it counts as a miss (default 100000)
#   --depths LIST    comma-separated PCT depths (default 1,2,3); "" runs random only
#   --no-random      skip the random strategy
#   --any            check all the expected-violated properties at once: the first violation of
#                    any of them is a hit, and "property" lists which were hit first (with counts)
#   --markdown       print a markdown table instead: one row per (scenario, property), one
#                    column per strategy, each cell "mean / median / max"
# Default scenarios: every scenarios/*.json of this checkout whose expect block has a "violated"
# property. Paths given on the command line are relative to the current directory.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"

exec python3 - "$root" "$@" <<'PYTHON'
import argparse, glob, json, os, shutil, statistics, subprocess, sys, tempfile

root = sys.argv[1]

ap = argparse.ArgumentParser(prog="bench/schedules_to_hit.sh")
ap.add_argument("--wqcheck", default=os.environ.get("WQCHECK", os.path.join(root, "build", "wqcheck")))
ap.add_argument("--seeds", type=int, default=20)
ap.add_argument("--budget", type=int, default=100000)
ap.add_argument("--depths", default="1,2,3")
ap.add_argument("--no-random", action="store_true")
ap.add_argument("--any", action="store_true")
ap.add_argument("--markdown", action="store_true")
ap.add_argument("scenarios", nargs="*")
args = ap.parse_args(sys.argv[2:])
if args.seeds < 1 or args.budget < 1:
    sys.exit("schedules_to_hit: --seeds and --budget must be positive")
if shutil.which(args.wqcheck) is None:
    sys.exit(f"schedules_to_hit: no executable {args.wqcheck} (build first, or pass --wqcheck)")

strategies = [] if args.no_random else [("random", ["--algorithm", "random"])]
for d in filter(None, (x.strip() for x in args.depths.split(","))):
    strategies.append((f"pct d={int(d)}", ["--algorithm", "pct", "--pct-depth", str(int(d))]))
if not strategies:
    sys.exit("schedules_to_hit: no strategy to run")

def violated(doc):
    return [k for k, v in doc.get("expect", {}).items() if k != "why" and v == "violated"]

files = args.scenarios or sorted(glob.glob(os.path.join(root, "scenarios", "*.json")))
targets = []  # (scenario name, scenario document, properties to check together)
for f in files:
    with open(f) as fh:
        doc = json.load(fh)
    props = violated(doc)
    if not props:
        if args.scenarios:
            print(f"schedules_to_hit: {f} expects no violation, skipped", file=sys.stderr)
        continue
    name = os.path.basename(f)[:-len(".json")] if f.endswith(".json") else os.path.basename(f)
    groups = [props] if args.any else [[p] for p in props]
    for g in groups:
        targets.append((name, doc, g))

def run(path, algo, seed):
    """Schedules sampled up to and including the first violation, or None for a miss."""
    cmd = [args.wqcheck, "check", path, *algo, "--seed", str(seed),
           "--executions", str(args.budget), "--json"]
    p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        d = json.loads(p.stdout)
    except ValueError:
        sys.exit(f"schedules_to_hit: no JSON from {' '.join(cmd)} (exit {p.returncode}): {p.stderr.strip()}")
    s = d["stats"]
    sampled = s["executions"] + s["blocked"]
    hit = [q["name"] for q in d["properties"] if q["status"] == "violated"]
    if d["verdict"] == "violated" and hit:
        return sampled, hit, s["blocked"]
    if d["verdict"] == "unknown" and sampled == args.budget:
        return None, [], s["blocked"]
    sys.exit(f"schedules_to_hit: unexpected result of {' '.join(cmd)}: verdict {d['verdict']}, "
             f"{sampled} schedules, {d.get('stopped_because', '')}")

def fmt_stats(counts):
    budget = args.budget
    hits = [c for c in counts if c is not None]
    misses = len(counts) - len(hits)
    full = sorted(c if c is not None else float("inf") for c in counts)
    if misses:
        mean = ">%.1f" % (sum(min(c, budget) for c in full) / len(full))
    else:
        mean = "%.1f" % statistics.mean(full)
    med = statistics.median(full)  # inf once misses reach the middle
    median = "> %d" % budget if med == float("inf") else ("%g" % med)
    mx = "> %d" % budget if misses else str(full[-1])
    return mean, median, mx, misses

blocked_total = 0  # schedules the model discarded, counted in the figures like any other

def sampled_schedules(path, algo, seed):
    global blocked_total
    n, hit, blocked = run(path, algo, seed)
    blocked_total += blocked
    return n, hit

if args.markdown:
    # One row per (scenario, property), one column per strategy: "mean / median / max".
    print("| scenario | property | " + " | ".join(label for label, _ in strategies) + " |")
    print("|---|---|" + "--:|" * len(strategies))
else:
    header = ["scenario", "property", "strategy", "mean", "median", "max", "misses"]
    widths = [40, 24, 9, 10, 10, 10, 6]
    print(" ".join(h.ljust(w) if i < 3 else h.rjust(w) for i, (h, w) in enumerate(zip(header, widths))))
sys.stdout.flush()

with tempfile.TemporaryDirectory(prefix="schedules_to_hit.") as tmp:
    for name, doc, props in targets:
        copy = {k: v for k, v in doc.items() if k != "expect"}
        copy["properties"] = props
        path = os.path.join(tmp, name + ".json")
        with open(path, "w") as fh:
            json.dump(copy, fh)
        cells = []
        for label, algo in strategies:
            counts, first = [], {}
            for seed in range(1, args.seeds + 1):
                n, hit = sampled_schedules(path, algo, seed)
                counts.append(n)
                for h in hit:
                    first[h] = first.get(h, 0) + 1
            mean, median, mx, misses = fmt_stats(counts)
            if args.any:
                prop = ",".join(f"{p}({first[p]})" for p in props if p in first) or "-"
            else:
                prop = props[0]
            if args.markdown:
                if misses == len(counts):
                    cells.append("> %d (all %d missed)" % (args.budget, misses))
                else:
                    cells.append(f"{mean} / {median} / {mx}" + (f" ({misses} missed)" if misses else ""))
                continue
            row = [name, prop, label, mean, median, mx, "%d/%d" % (misses, args.seeds)]
            print(" ".join(c.ljust(w) if i < 3 else c.rjust(w) for i, (c, w) in enumerate(zip(row, widths))))
            sys.stdout.flush()
        if args.markdown:
            prop = ",".join(props) if args.any else props[0]
            print(f"| `{name}` | `{prop}` | " + " | ".join(cells) + " |")
            sys.stdout.flush()

print(f"seeds 1..{args.seeds}, budget {args.budget} schedules per run; "
      f"schedules discarded by the model (counted as blocked, included above): {blocked_total}",
      file=sys.stderr)
PYTHON
