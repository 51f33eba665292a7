#!/usr/bin/env bash
# Spark against one JVM on this machine: KernelSHAP rows/s of `pellucid explain` (single JVM) and of
# `pellucid spark explain --master local[2]` on the adult test rows, and `pellucid spark predict`
# rows/s on ROWS generated rows (both with --partitions 4, so local[2] has work for its two cores) (default 1,000,000: the adult rows repeated). Needs the datasets
# (../shared/datasets or PELLUCID_DATA). Prints one line per measurement; writes under OUT.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
OUT="${1:-$HERE/benchmarks/results/spark}"
ROWS="${ROWS:-1000000}"
DATA="${PELLUCID_DATA:-$HERE/../shared/datasets}/tabular"
mkdir -p "$OUT"
# adult as a CSV with a header (the .info file names the columns), and its last 2,000 rows to explain
python3 "$HERE/benchmarks/adult_csv.py" "$DATA/adult.info" "$DATA/adult.data" "$OUT/adult.csv" "$OUT/adult-tail.csv" "$OUT/adult-1m.csv" "$ROWS"
"$HERE/pellucid" train logistic --data "$OUT/adult.csv" --seed 1 --out "$OUT/model" > "$OUT/train.log" 2>&1
t0=$(date +%s.%N)
"$HERE/pellucid" explain --model "$OUT/model" --data "$OUT/adult-tail.csv" --rows 0:500 --explainer kernel-shap --json "$OUT/single.json" > /dev/null 2>&1
t1=$(date +%s.%N)
echo "single JVM explain (kernel-shap, 500 rows): $(python3 -c "print(f'{500/($t1-$t0):.1f} rows/s, {$t1-$t0:.1f} s')")"
for master in "local[1]" "local[2]"; do
  "$HERE/pellucid" spark explain --model "$OUT/model" --data "$OUT/adult-tail.csv" --id row --explainer kernel-shap \
    --background "$OUT/adult.csv" --master "$master" --partitions 4 --out "$OUT/explained-${master//[^a-z0-9]/}" 2>>"$OUT/spark.log" | sed "s/^/spark explain (kernel-shap, 2,000 rows, $master): /"
done
for master in "local[1]" "local[2]"; do
  "$HERE/pellucid" spark predict --model "$OUT/model" --data "$OUT/adult-1m.csv" --id row --master "$master" --partitions 4 \
    --out "$OUT/predicted-${master//[^a-z0-9]/}" 2>>"$OUT/spark.log" | sed "s/^/spark predict ($ROWS rows, $master): /"
done
