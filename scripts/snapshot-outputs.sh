#!/usr/bin/env bash
# Runs a fixed set of CLI commands (training, every explainer kind, counterfactuals, global effects,
# predict with ids and --explain, distill, the demo) with seed 1 and keeps their outputs in DIR, so a
# refactoring can be checked to change nothing: snapshot before, snapshot after, then
#   python3 scripts/compare-snapshots.py BEFORE AFTER
# Needs no data directory: the tables are synthetic or written here. Takes about 6 minutes.
# Usage: scripts/snapshot-outputs.sh DIR
set -uo pipefail
[ $# -eq 1 ] || { echo "usage: scripts/snapshot-outputs.sh DIR" >&2; exit 2; }
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# DIR must be new, empty, or an earlier snapshot (it has rc.txt): never wipe a folder that is not ours
if [ -d "$1" ] && [ -n "$(ls -A "$1")" ] && [ ! -f "$1/rc.txt" ]; then
  echo "snapshot-outputs.sh: $1 is not empty and not an earlier snapshot; give a new folder" >&2; exit 2
fi
mkdir -p "$1" && O="$(cd "$1" && pwd)"
rm -rf "${O:?}"/* && mkdir -p "$O/m"
P="$HERE/pellucid"
run() { local name=$1; shift; "$P" "$@" > "$O/$name.out" 2> "$O/$name.err"; echo "$name rc=$?" >> "$O/rc.txt"; }
# a table with a categorical column, an id, quoted fields and missing values
python3 - "$O" <<'PY'
import csv, random, sys
o = sys.argv[1]
r = random.Random(1)
jobs = ["clerk", "engineer", "nurse", "driver, long-haul", "teacher"]
with open(o + "/table.csv", "w", newline="") as f, open(o + "/new.csv", "w", newline="") as g:
    w = csv.writer(f); v = csv.writer(g, quoting=csv.QUOTE_NONNUMERIC)
    w.writerow(["age", "job", "hours", "debt", "label"]); v.writerow(["row_id", "age", "job", "hours", "debt"])
    for i in range(1200):
        age = r.randint(18, 80); job = r.choice(jobs); hours = round(r.uniform(5, 60), 1); debt = round(r.uniform(0, 1), 3)
        label = "yes" if (hours > 35 and debt < 0.5) or job == "engineer" else "no"
        if r.random() < 0.1: label = "no" if label == "yes" else "yes"
        w.writerow([age, job, hours, debt, label])
        if i < 300:
            v.writerow(["id-%04d" % i, age if i % 7 else "", job, hours, debt])
PY
T="$O/table.csv"
run t-rules train rules --data synthetic:rule:3000 --seed 1 --out "$O/m/rules" --json "$O/t-rules.json"
run t-logistic train logistic --data "$T" --seed 1 --out "$O/m/logistic" --json "$O/t-logistic.json"
run t-mlp train mlp --data synthetic:rule:3000 --seed 1 --out "$O/m/mlp" --json "$O/t-mlp.json"
run t-tree train tree --data "$T" --seed 1 --out "$O/m/tree" --json "$O/t-tree.json"
run t-gbm train gbm --data "$T" --seed 1 --json "$O/t-gbm.json"
run t-rf train rf --data "$T" --seed 1 --json "$O/t-rf.json"
run t-ga2m train ga2m --data synthetic:rule:3000 --seed 1 --json "$O/t-ga2m.json"
run t-nam train nam --data synthetic:rule:2000 --seed 1 --json "$O/t-nam.json"
run t-lassonet train lassonet --data synthetic:rule:2000 --seed 1 --json "$O/t-lassonet.json"
run t-cbm train cbm --data synthetic:xor:2000 --seed 1 --json "$O/t-cbm.json"
for e in ig smoothgrad saliency gradient-x-input lrp kernel-shap; do
  run "x-$e" explain --model "$O/m/mlp" --data synthetic:rule:3000 --explainer "$e" --rows 0:4 --json "$O/x-$e.json"
done
run x-lime explain --model "$O/m/tree" --data "$T" --explainer lime --rows 0:4 --json "$O/x-lime.json"
run x-builtin explain --model "$O/m/rules" --data synthetic:rule:3000 --rows 0:4 --json "$O/x-builtin.json"
run x-probe explain --model "$O/m/mlp" --data synthetic:rule:3000 --concepts probe --json "$O/x-probe.json"
run cf-mlp explain --model "$O/m/mlp" --data synthetic:rule:3000 --counterfactual --rows 0:4 --json "$O/cf-mlp.json"
run cf-tree explain --model "$O/m/tree" --data "$T" --counterfactual --rows 0:6 --json "$O/cf-tree.json"
run cf-logistic explain --model "$O/m/logistic" --data "$T" --counterfactual --rows 0:4 --json "$O/cf-logistic.json"
for g in pdp ice ale permutation; do
  run "g-$g" explain --model "$O/m/tree" --data "$T" --global "$g" --svg "$O/g-$g.svg" --json "$O/g-$g.json"
done
run p-id predict --model "$O/m/tree" --data "$O/new.csv" --id row_id --explain --out "$O/p-id.csv" --json "$O/p-id.json"
run d-tree distill --teacher "$O/m/mlp" --data synthetic:rule:3000 --seed 1 --json "$O/d-tree.json"
run demo demo --out "$O/demo"
echo "snapshot in $O: $(grep -c 'rc=0' "$O/rc.txt") of $(wc -l < "$O/rc.txt") commands exited 0"
