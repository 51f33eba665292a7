#!/usr/bin/env bash
# `pellucid spark evaluate` against `pellucid evaluate` on the same rows and seed: a logistic model on
# adult, KernelSHAP on ROWS test rows (default 200); prints the wall times and the largest difference
# between the two runs' scores (fidelity, simulability, stability, mean |attribution|). Needs the
# datasets (../shared/datasets or PELLUCID_DATA); writes under OUT.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
OUT="${1:-$HERE/benchmarks/results/spark-evaluate}"
ROWS="${ROWS:-200}"
DATA="${PELLUCID_DATA:-$HERE/../shared/datasets}/tabular"
mkdir -p "$OUT"
python3 "$HERE/benchmarks/adult_csv.py" "$DATA/adult.info" "$DATA/adult.data" "$OUT/adult.csv"
"$HERE/pellucid" train logistic --data "$OUT/adult.csv" --seed 1 --out "$OUT/model" > "$OUT/train.log" 2>&1
t0=$(date +%s.%N)
"$HERE/pellucid" evaluate --model "$OUT/model" --data "$OUT/adult.csv" --explainer kernel-shap --rows "$ROWS" --json "$OUT/single.json" > "$OUT/single.txt" 2>&1
t1=$(date +%s.%N)
echo "single JVM evaluate (kernel-shap, $ROWS rows): $(python3 -c "print(f'{$t1-$t0:.1f} s')")"
for master in "local[1]" "local[2]"; do
  m="${master//[^a-z0-9]/}"
  t0=$(date +%s.%N)
  "$HERE/pellucid" spark evaluate --model "$OUT/model" --data "$OUT/adult.csv" --explainer kernel-shap --rows "$ROWS" \
    --master "$master" --partitions 4 --out "$OUT/spark-$m.json" > "$OUT/spark-$m.txt" 2>>"$OUT/spark.log"
  t1=$(date +%s.%N)
  python3 - "$OUT/single.json" "$OUT/spark-$m.json" "$master" "$(python3 -c "print(f'{$t1-$t0:.1f}')")" <<'PY'
import json, sys
a, b = (json.load(open(p)) for p in sys.argv[1:3])
worst, n = 0.0, 0
for sec in ("fidelity", "simulability", "stability", "mean_abs_attribution"):
    for k, v in a.get(sec, {}).items():
        if isinstance(v, (int, float)):
            worst = max(worst, abs(v - b[sec][k])); n += 1
print(f"spark evaluate ({sys.argv[3]}, partitions 4): {sys.argv[4]} s; {n} scores, largest difference from the single JVM {worst:.2e}")
PY
done
