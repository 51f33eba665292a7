#!/usr/bin/env bash
# Fidelity of distilled trees against leaf budget, with and without TREPAN-style sampling, next to a
# tree of the same budget trained on the true labels. Teachers: gbm on magic04 and bank-marketing,
# mlp on adult, each trained once with seed 1 and saved. Prints a markdown table.
# Usage: benchmarks/distill-sweep.sh   (needs the data directory)
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
OUT="$HERE/benchmarks/results/distill"
mkdir -p "$OUT"
RUNS=("magic04 gbm" "adult mlp" "bank-marketing gbm")
for r in "${RUNS[@]}"; do
  set -- $r
  d=$1; t=$2
  [ -d "$OUT/$d-$t" ] || "$HERE/pellucid" train "$t" --data "$d" --seed 1 --out "$OUT/$d-$t" --json "$OUT/$d-$t-train.json" >/dev/null 2>&1
  for leaves in 8 16 32 64; do
    "$HERE/pellucid" distill --teacher "$OUT/$d-$t" --data "$d" --max-leaves "$leaves" --seed 1 \
      --json "$OUT/$d-$t-$leaves.json" >/dev/null 2>&1 || echo "failed: $d $t $leaves" >&2
  done
done
/usr/bin/python3 - "$OUT" <<'PY'
import json, os, sys
out = sys.argv[1]
print("| data | teacher | teacher acc. | leaves | agreement (sampling) | agreement (no sampling) | agreement (true-label CART) | tree acc. | teacher queries |")
print("|---|---|---|---|---|---|---|---|---|")
for d, t in [("magic04", "gbm"), ("adult", "mlp"), ("bank-marketing", "gbm")]:
    acc = json.load(open(f"{out}/{d}-{t}-train.json"))["test"]["accuracy"]
    for leaves in [8, 16, 32, 64]:
        f = f"{out}/{d}-{t}-{leaves}.json"
        if not os.path.exists(f): continue
        o = json.load(open(f))
        fi = o["fidelity"]
        print(f"| {d} | {t} | {acc:.3f} | {leaves} | {fi['test_agreement']:.3f} | {fi['baseline_cart_agreement']:.3f} | "
              f"{fi.get('true_label_cart_agreement', float('nan')):.3f} | {o['test']['accuracy']:.3f} | {o.get('teacher_queries', '—')} |")
PY
