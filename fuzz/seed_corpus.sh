#!/usr/bin/env bash
# Collects the seed corpus for the fuzz harnesses into DIR: every program, scenario, trace and
# bad-input file in the repository (JSON files only; libFuzzer mutates from these).
# Usage: fuzz/seed_corpus.sh DIR
set -euo pipefail
cd "$(dirname "$0")/.."
out=$1
mkdir -p "$out"
for dir in programs scenarios traces tests/data tests/bad-input; do
  [ -d "$dir" ] || continue
  for f in "$dir"/*.json; do
    [ -f "$f" ] || continue
    # Flattened names keep files from different directories apart.
    cp "$f" "$out/$(echo "$f" | tr '/' '_')"
  done
done
echo "seed_corpus: $(ls "$out" | wc -l) files in $out" >&2
