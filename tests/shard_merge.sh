#!/usr/bin/env bash
# Sharding end to end: tools/run-shards (GNU parallel) runs n = 1, 2, 3, 7 shards of a search and
# merges them; the merged verdict, properties and counts must equal one `check --json` of the
# whole search, with and without --keep-going, on programs and scenarios. Then `merge` must
# refuse what does not make a whole: a missing shard, a shard given twice, shards of different
# splits, a file edited after the shards ran, and a file that is not a shard result.
# Usage: shard_merge.sh WQCHECK SOURCE_DIR OUT_DIR
set -uo pipefail
wqcheck=$1
src=$2
out=$3
fail() { echo "shard_merge: $*" >&2; exit 1; }
rm -rf "$out" && mkdir -p "$out"
cd "$src" || fail "no $src"

# The fields that must agree: everything but time, memory, the shard count, and how threads
# shared the work.
normalise() {
  python3 -c '
import json, sys
for line in sys.stdin:
    d = json.loads(line)
    for k in ("elapsed_s", "peak_rss_kb"):
        d["stats"].pop(k, None)
    d.pop("shards", None)
    d.pop("parallel", None)
    print(json.dumps(d, sort_keys=True))'
}

for file in programs/indexer-13.json programs/opt_lock-2.json scenarios/prepatch-seed-manager.json \
            scenarios/claim-mainline-minimal.json; do
  for mode in "" "--keep-going"; do
    # Shards split the search into work units (64 unless --units says otherwise); the whole
    # search split the same way must give the same counts.
    whole=$("$wqcheck" check "$file" --algorithm optimal --units 64 $mode --json | normalise)
    [ -n "$whole" ] || fail "no result for $file"
    for n in 1 2 3 7; do
      merged=$(WQCHECK=$wqcheck SHARD_DIR="$out/run" tools/run-shards "$n" "$file" --algorithm optimal $mode --json |
               normalise)
      rm -rf "$out/run"
      [ "$merged" = "$whole" ] || fail "$file $mode: $n shards merged to
$merged
but the whole search gives
$whole"
    done
  done
done

# Refusals (exit 2, naming the problem).
file=programs/indexer-12.json
for i in 0 1 2; do "$wqcheck" check "$file" --algorithm optimal --shard $i/3 > "$out/s$i.json" || fail "shard $i"; done
"$wqcheck" check "$file" --algorithm optimal --shard 1/2 > "$out/other-n.json" || fail "shard 1/2"
"$wqcheck" check "$file" --algorithm optimal --shard 1/3 --units 8 > "$out/other-units.json" || fail "units 8"
expect_refusal() {  # message-substring, merge arguments...
  local message=$1
  shift
  "$wqcheck" merge "$@" > /dev/null 2> "$out/err"
  local rc=$?
  [ $rc -eq 2 ] || fail "merge $* should exit 2, got $rc"
  grep -q -- "$message" "$out/err" || fail "merge $*: expected '$message' in: $(cat "$out/err")"
}
expect_refusal "missing shard(s) 2/3" "$out/s0.json" "$out/s1.json"
expect_refusal "is also in" "$out/s0.json" "$out/s1.json" "$out/s1.json" "$out/s2.json"
expect_refusal "shard.count: 2 here, 3 there" "$out/s0.json" "$out/other-n.json" "$out/s2.json"
expect_refusal "shard.units: " "$out/s0.json" "$out/other-units.json" "$out/s2.json"
expect_refusal "shard: missing" "$src/programs/indexer-12.json"
"$wqcheck" check "$file" --algorithm optimal --json > "$out/plain.json"
expect_refusal "not the output of" "$out/plain.json"
# A file edited after its shards ran.
cp "$file" "$out/edited.json"
for i in 0 1; do "$wqcheck" check "$out/edited.json" --algorithm optimal --shard $i/2 > "$out/e$i.json" || fail "e$i"; done
python3 - "$out/edited.json" <<'PY'
import json, sys
doc = json.load(open(sys.argv[1]))
doc["description"] = doc.get("description", "") + " (edited)"
json.dump(doc, open(sys.argv[1], "w"))
PY
expect_refusal "the file changed since the shards ran" "$out/e0.json" "$out/e1.json"
# All three together merge fine, and a violation makes merge exit 1.
"$wqcheck" merge "$out/s0.json" "$out/s1.json" "$out/s2.json" > /dev/null || fail "a complete set should merge (exit 0)"
for i in 0 1; do "$wqcheck" check scenarios/seed-race.json --shard $i/2 > "$out/v$i.json" || fail "v$i"; done
"$wqcheck" merge -q "$out/v0.json" "$out/v1.json" > /dev/null
[ $? -eq 1 ] || fail "merging shards that found a violation should exit 1"
echo "shard_merge: ok"
