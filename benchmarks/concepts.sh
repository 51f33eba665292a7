#!/usr/bin/env bash
# Concept models on the synthetic concept tasks (and tic-tac-toe when the data directory is there):
# task and concept accuracy, accuracy with hard and with true concepts, leakage, per training mode.
# Usage: benchmarks/concepts.sh [DATA...]   (default: synthetic:xor synthetic:trig synthetic:dot tic-tac-toe)
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
OUT="$HERE/benchmarks/results/concepts"
mkdir -p "$OUT"
DATA=("$@")
[ $# -eq 0 ] && DATA=(synthetic:xor synthetic:trig synthetic:dot tic-tac-toe)
for d in "${DATA[@]}"; do
  f="${d//:/_}"
  for km in "cbm joint" "cbm sequential" "cbm independent" "cem joint"; do
    set -- $km
    "$HERE/pellucid" train "$1" --mode "$2" --data "$d" --seed 1 --intervention-curve --policy random \
      --json "$OUT/$f-$1-$2.json" >/dev/null 2>&1 || echo "failed: $d $1 $2" >&2
  done
done
/usr/bin/python3 - "$OUT" "${DATA[@]}" <<'PY'
import json, os, sys
out = sys.argv[1]
print("| data | model | mode | task acc. | concept acc. | acc. hard concepts | acc. true concepts | leakage | curve (random policy) | train s |")
print("|---|---|---|---|---|---|---|---|---|---|")
for d in sys.argv[2:]:
    f = d.replace(":", "_")
    for k, m in [("cbm", "joint"), ("cbm", "sequential"), ("cbm", "independent"), ("cem", "joint")]:
        p = f"{out}/{f}-{k}-{m}.json"
        if not os.path.exists(p): continue
        o = json.load(open(p)); t = o["test"]
        curve = " ".join(f"{v:.2f}" for v in o.get("intervention_curve", []))
        print(f"| {d} | {k} | {m} | {t['accuracy']:.3f} | {t['concept_accuracy']:.3f} | {t['accuracy_hard_concepts']:.3f} | "
              f"{t['accuracy_true_concepts']:.3f} | {o['leakage']:+.3f} | {curve} | {o['timing']['train_seconds']:.1f} |")
PY
