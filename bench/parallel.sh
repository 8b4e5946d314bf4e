#!/usr/bin/env bash
# Benchmark: parallel exploration (docs/parallel.md). For each target it runs, as separate
# processes and in turn within each repetition (so that a machine whose speed drifts slows all of
# them alike):
#   sequential  the sequential search (--jobs 1 --units 1);
#   shared      all N cores sharing the one tree by delegation (--jobs N --units 1: the same
#               executions, counts and counterexamples);
#   units       all N cores on the static partition that sharding uses (--jobs N --units 64);
#   N copies    N sequential searches at once, as independent processes: what the machine itself
#               gives N busy processes of this workload. On a shared virtual machine it can be well
#               under N (neighbours, shared caches, the hypervisor), and no parallel search can beat
#               it; the efficiency column is the speed-up divided by it.
# It prints the counts, the median of the search's own time (elapsed_s, without start-up), the
# peak RSS, how the threads shared the tree (subtrees delegated / explored elsewhere / revoked),
# and per target the median over repetitions of the paired ratios: speed-up = sequential / shared
# (and / units), machine = N x sequential / mean of the N copies, efficiency = speed-up / machine.
# Usage: bench/parallel.sh [REPS]   (default 5; indexer(15), a 50 ms search whose paired ratios
#        scatter most, runs 4 x REPS times; the largest scenario once whatever REPS says;
#        QUICK=1 leaves it out)
set -euo pipefail
cd "$(dirname "$0")/.."
[ -x build/wqcheck ] || tools/bootstrap
exec python3 - "${1:-5}" "$(nproc)" "${QUICK:-}" <<'EOF'
import json, statistics, subprocess, sys

reps, cores, quick = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3] == "1"
targets = [("programs/lastzero-15.json", "optimal", reps),
           ("programs/indexer-15.json", "optimal", 4 * reps),  # a 50 ms search: its ratios scatter most
           ("scenarios/deferred-mainline-large.json", "dpor", reps)]
if not quick:
    targets.append(("scenarios/prepatch-mainline-percpu-large.json", "dpor", 1))


def command(file, algorithm, jobs, units):
    # Through a shell that forks it: a process exec'd straight from this one would report this
    # interpreter's memory (about 14 MB) as the floor of its peak RSS.
    return ["sh", "-c", '"$@"; exit $?', "sh", "build/wqcheck", "check", file, "--algorithm", algorithm,
            "--keep-going", "--jobs", str(jobs), "--units", str(units), "--json"]


def run(file, algorithm, jobs, units):
    out = subprocess.run(command(file, algorithm, jobs, units), capture_output=True, text=True)
    if out.returncode not in (0, 1):  # 1: a property is violated, as some targets' are
        sys.exit("bench/parallel.sh: %s exited %d: %s" % (" ".join(command(file, algorithm, jobs, units)),
                                                          out.returncode, out.stderr.strip()))
    return json.loads(out.stdout)


def copies(file, algorithm):
    """N sequential searches started together; their mean time."""
    procs = [subprocess.Popen(command(file, algorithm, 1, 1), stdout=subprocess.PIPE, text=True)
             for _ in range(cores)]
    times = [json.loads(p.communicate()[0])["stats"]["elapsed_s"] for p in procs]
    return sum(times) / len(times)


def row(name, label, runs, elapsed):
    s = runs[0]["stats"]
    p = runs[-1].get("parallel", {})
    deleg = "%d/%d/%d" % (p.get("delegated", 0), p.get("claimed", 0), p.get("revoked", 0)) if p.get("threads", 1) > 1 else "-"
    rss = max(r["stats"]["peak_rss_kb"] for r in runs) / 1024
    print("%-46s %-20s %9d %9d %10d %8.3f %6.0f %12s" % (name, label, s["executions"], s["blocked"],
          s["transitions"], statistics.median(elapsed), rss, deleg))


print("%d cores; median of the search's own time; delegated/explored elsewhere/revoked" % cores)
print("%-46s %-20s %9s %9s %10s %8s %6s %12s" % ("target (algorithm)", "run", "executions", "blocked",
      "transitions", "seconds", "rss_MB", "delegations"))
for file, algorithm, n in targets:
    runs = {"seq": [], "shared": [], "units": []}
    time = {"seq": [], "shared": [], "units": [], "copies": []}
    for _ in range(n):
        for key, jobs, units in (("seq", 1, 1), ("shared", cores, 1), ("units", cores, 64)):
            r = run(file, algorithm, jobs, units)
            runs[key].append(r)
            time[key].append(r["stats"]["elapsed_s"])
        time["copies"].append(copies(file, algorithm))
    for key in ("shared", "units"):  # the counts the sequential search has, and the static split's
        if key == "shared" and any(r["stats"]["executions"] != runs["seq"][0]["stats"]["executions"] for r in runs[key]):
            sys.exit("bench/parallel.sh: %s: the shared tree explored other executions than the sequential search" % file)
    row("%s (%s)" % (file, algorithm), "sequential", runs["seq"], time["seq"])
    row("", "%d threads, shared" % cores, runs["shared"], time["shared"])
    row("", "%d threads, 64 units" % cores, runs["units"], time["units"])
    print("%-46s %-20s %50.3f" % ("", "%d copies at once" % cores, statistics.median(time["copies"])))
    paired = lambda key: statistics.median(s / max(t, 1e-9) for s, t in zip(time["seq"], time[key]))
    machine = statistics.median(cores * s / max(c, 1e-9) for s, c in zip(time["seq"], time["copies"]))
    shared, units = paired("shared"), paired("units")
    transitions = runs["units"][0]["stats"]["transitions"] / max(runs["seq"][0]["stats"]["transitions"], 1)
    print("%-46s speed-up %.2fx shared, %.2fx on 64 units (%.2fx the transitions); machine %.2fx; "
          "efficiency %.0f%% shared, %.0f%% units" % ("", shared, units, transitions, machine,
                                                     100 * shared / machine, 100 * units / machine))
EOF
