#!/usr/bin/env bash
# Rule models, 5-fold stratified CV (seed 1): macro-F1, rule count and training time per data set,
# and the fate of injected rules on iris. Prints a markdown table. Needs the data directory.
# Usage: benchmarks/rules.sh [DATASET...]   (default: tic-tac-toe magic04 adult bank-marketing)
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
OUT="$HERE/benchmarks/results/rules"
mkdir -p "$OUT"
DATA=("$@")
[ $# -eq 0 ] && DATA=(tic-tac-toe magic04 adult bank-marketing)
for d in "${DATA[@]}"; do
  start=$(date +%s)
  "$HERE/pellucid" train rules --data "$d" --cv 5 --seed 1 --json "$OUT/$d.json" >/dev/null 2>&1 || echo "failed: $d" >&2
  echo $(( $(date +%s) - start )) > "$OUT/$d.seconds"
done
printf 'IF petal length (cm) < 2.45 THEN setosa\nIF petal width (cm) > 1.75 THEN virginica\nIF sepal width (cm) > 10 THEN versicolor\n' > "$OUT/iris-rules.txt"
"$HERE/pellucid" train rules --data iris --seed 1 --rules "$OUT/iris-rules.txt" --json "$OUT/iris-injected.json" > "$OUT/iris-injected.txt" 2>&1 || true
/usr/bin/python3 - "$OUT" "${DATA[@]}" <<'PY'
import json, os, sys
out = sys.argv[1]
print("| data | CV macro-F1 (5-fold) | ± | rules | rules per fold | conditions | test acc. (single split) | crisp / soft valid acc. | wall s (5 folds + split) |")
print("|---|---|---|---|---|---|---|---|---|")
for d in sys.argv[2:]:
    f = f"{out}/{d}.json"
    if not os.path.exists(f): continue
    o = json.load(open(f)); c = o["complexity"]
    secs = open(f"{out}/{d}.seconds").read().strip()
    folds = ", ".join(str(f["rules"]) for f in o["cv"].get("complexity", []))
    print(f"| {d} | {o['cv']['macro_f1_mean']:.4f} | {o['cv']['macro_f1_std']:.4f} | {c['rules']} | {folds} | {c['literals']} | "
          f"{o['test']['accuracy']:.4f} | {o['training'].get('crisp_valid_accuracy', float('nan')):.3f} / {o['training'].get('soft_valid_accuracy', float('nan')):.3f} | {secs} |")
f = f"{out}/iris-injected.json"
if os.path.exists(f):
    o = json.load(open(f))
    print()
    print(f"iris with injected rules (test accuracy {o['test']['accuracy']:.3f}):")
    for r in o.get("injected_rules", []):
        print(f"- {r['status']}: {r['injected']}" + (f" → {r['now']}" if r['status'] == 'changed' else ""))
PY
