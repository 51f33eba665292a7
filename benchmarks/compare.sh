#!/usr/bin/env bash
# `pellucid compare` on the README's five data sets (seed 1, 50 explained rows per model): writes
# each JSON and HTML report under benchmarks/results/compare and prints the README's table.
# Usage: benchmarks/compare.sh [DATASET...]   (default: tic-tac-toe magic04 compas adult bank-marketing)
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
OUT="$HERE/benchmarks/results/compare"
mkdir -p "$OUT"
DATA=("$@")
[ $# -eq 0 ] && DATA=(tic-tac-toe magic04 compas adult bank-marketing)
for d in "${DATA[@]}"; do
  start=$(date +%s)
  "$HERE/pellucid" compare --data "$d" --seed 1 --rows 50 --json "$OUT/$d.json" --report "$OUT/$d.html" >/dev/null 2>&1 \
    || echo "failed: $d" >&2
  echo $(( $(date +%s) - start )) > "$OUT/$d.seconds"
done
/usr/bin/python3 "$HERE/benchmarks/compare_table.py" "$OUT" "${DATA[@]}"
