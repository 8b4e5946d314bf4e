#!/usr/bin/env bash
# The trace machinery on a real model (the program interpreter): check writes a trace of
# tests/data/lost-update.program.json, refuses to overwrite it, writes identical bytes again with
# --force, replay reproduces it (exit 1), an edited step makes replay exit 2 naming the step,
# and show renders it in all three formats.
# Usage: trace_end_to_end.sh WQCHECK SOURCE_DIR OUT_DIR
set -uo pipefail
wqcheck=$1
src=$2
out=$3
program=$src/tests/data/lost-update.program.json
trace=$out/lost-update.program.assertion.json
fail() { echo "trace_end_to_end: $*" >&2; exit 1; }

rm -rf "$out"
"$wqcheck" check --algorithm optimal --trace-out "$out" "$program" >/dev/null
[ $? -eq 1 ] || fail "check should report the violation (exit 1)"
[ -f "$trace" ] || fail "no trace written at $trace"
first=$(cat "$trace")

"$wqcheck" check --algorithm optimal --trace-out "$out" "$program" >/dev/null 2>"$out/err"
[ $? -eq 2 ] || fail "check should refuse to overwrite $trace (exit 2)"
grep -q "exists; not overwriting" "$out/err" || fail "no clear error about the existing file"
"$wqcheck" check --algorithm optimal --trace-out "$out" --force "$program" >/dev/null
[ "$first" = "$(cat "$trace")" ] || fail "the same run wrote different bytes"

"$wqcheck" replay "$trace" >/dev/null
[ $? -eq 1 ] || fail "replay should reproduce the violation (exit 1)"

# Step 4 is the locked thread's store "x = t + 1"; claim it wrote x = 5 instead of 1.
python3 - "$trace" "$out/edited.json" <<'PY'
import json, sys
doc = json.load(open(sys.argv[1]))
for change in doc["steps"][3]["changes"]:
    if change["path"] == "/shared/x":
        change["after"] = 5
        break
else:
    sys.exit("step 4 does not change /shared/x")
json.dump(doc, open(sys.argv[2], "w"))
PY
[ $? -eq 0 ] || fail "could not edit the trace"
"$wqcheck" replay "$out/edited.json" >/dev/null 2>"$out/err"
[ $? -eq 2 ] || fail "replay of an edited trace should exit 2"
grep -q "step 4 (locked)" "$out/err" || fail "replay did not name step 4: $(cat "$out/err")"

for format in text markdown perfetto; do
  "$wqcheck" show --format "$format" "$trace" >/dev/null || fail "show --format $format failed"
done
echo "trace_end_to_end: ok"
