#!/usr/bin/env bash
# Model × explainer × metric on real data: trains each model with seed 1, then runs
# `pellucid evaluate` for each explainer on 100 test rows, and prints a markdown table.
# Usage: benchmarks/eval-table.sh [DATASET...]   (default: adult magic04; needs the data directory)
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
OUT="$HERE/benchmarks/results/eval"
mkdir -p "$OUT"
DATASETS=("${@:-adult magic04}")
[ $# -eq 0 ] && DATASETS=(adult magic04)
for d in "${DATASETS[@]}"; do
  for m in logistic tree mlp rf gbm; do
    [ -f "$OUT/$d-$m-train.json" ] || "$HERE/pellucid" train "$m" --data "$d" --seed 1 --out "$OUT/$d-$m" --json "$OUT/$d-$m-train.json" >/dev/null 2>&1
    case "$m" in
      logistic) EXPL="built-in kernel-shap lime random" ;;
      tree) EXPL="built-in" ;;
      mlp) EXPL="kernel-shap lime ig smoothgrad saliency random" ;;
      rf|gbm) EXPL="kernel-shap tree-shap lime random" ;;
    esac
    for e in $EXPL; do
      [ -f "$OUT/$d-$m-$e.json" ] && continue
      "$HERE/pellucid" evaluate --model "$OUT/$d-$m" --data "$d" --explainer "$e" --rows 100 \
        --json "$OUT/$d-$m-$e.json" >/dev/null 2>&1 || echo "failed: $d $m $e" >&2
    done
  done
done
/usr/bin/python3 - "$OUT" "${DATASETS[@]}" <<'PY'
import json, os, sys
out = sys.argv[1]
print("| data | model | acc. | explainer | deletion AUC ↓ | insertion AUC ↑ | compreh. ↑ | suffic. ↓ | faithful. ↑ | infidelity ↓ | gap ↓ | size ↓ | fwd-sim ↑ | max-sens. ↓ | simulatable ↑ | ms/row |")
print("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|")
def g(o, grp, k):
    v = o.get(grp, {}).get(k)
    return "—" if v is None else f"{v:.3f}"
for d in sys.argv[2:]:
    for m in ["logistic", "tree", "mlp", "rf", "gbm"]:
        acc = json.load(open(f"{out}/{d}-{m}-train.json"))["test"]["accuracy"]
        for e in ["built-in", "kernel-shap", "tree-shap", "lime", "ig", "smoothgrad", "saliency", "random"]:
            f = f"{out}/{d}-{m}-{e}.json"
            if not os.path.exists(f): continue
            o = json.load(open(f))
            ms = o.get("timing", {}).get("explain_ms_per_row")
            print(f"| {d} | {m} | {acc:.3f} | {e} | {g(o,'fidelity','deletion_auc')} | {g(o,'fidelity','insertion_auc')} | "
                  f"{g(o,'fidelity','comprehensiveness')} | {g(o,'fidelity','sufficiency')} | {g(o,'fidelity','faithfulness_correlation')} | {g(o,'fidelity','infidelity')} | {g(o,'fidelity','completeness_gap')} | "
                  f"{g(o,'simulability','size')} | {g(o,'simulability','forward_simulation')} | {g(o,'stability','max_sensitivity')} | "
                  f"{g(o,'fidelity','simulatable_agreement')} | {'—' if ms is None else f'{ms:.1f}'} |")
PY
