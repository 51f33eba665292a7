#!/usr/bin/env bash
# The attention model on its four target data sets (seed 1), the deletion-test faithfulness of its
# explanation methods on adult next to KernelSHAP and the random control, and attention flow against
# networkx. Prints markdown tables. Needs the data directory.
# Usage: benchmarks/attention.sh
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
OUT="$HERE/benchmarks/results/attention"
mkdir -p "$OUT"
for d in sms-spam splice mnist adult; do
  [ -f "$OUT/$d-train.json" ] || "$HERE/pellucid" train attention --data "$d" --seed 1 --out "$OUT/$d" --json "$OUT/$d-train.json" >/dev/null 2>&1 \
    || echo "failed: train $d" >&2
done
for m in raw rollout flow grad-rollout; do
  "$HERE/pellucid" evaluate --model "$OUT/adult" --data adult --method "$m" --rows 100 --json "$OUT/adult-$m.json" >/dev/null 2>&1 \
    || echo "failed: evaluate $m" >&2
done
for e in kernel-shap random; do
  "$HERE/pellucid" evaluate --model "$OUT/adult" --data adult --explainer "$e" --rows 100 --json "$OUT/adult-$e.json" >/dev/null 2>&1 \
    || echo "failed: evaluate $e" >&2
done
"$HERE/pellucid" bench attention-flow --layers 4 --tokens 16 --json "$OUT/flow-4x16.json" >/dev/null
"$HERE/pellucid" bench attention-flow --layers 6 --tokens 32 --json "$OUT/flow-6x32.json" >/dev/null
/usr/bin/python3 "$HERE/benchmarks/attention_flow_networkx.py" "$OUT/flow-4x16.json" "$OUT/networkx-4x16.json"
/usr/bin/python3 - "$OUT" <<'PY'
import json, os, sys
out = sys.argv[1]
print("| data | test accuracy | macro-F1 | train s |")
print("|---|---|---|---|")
for d in ["sms-spam", "splice", "mnist", "adult"]:
    f = f"{out}/{d}-train.json"
    if not os.path.exists(f): continue
    o = json.load(open(f))
    print(f"| {d} | {o['test']['accuracy']:.4f} | {o['test']['macro_f1']:.4f} | {o['timing']['train_seconds']:.0f} |")
print()
print("| adult, attention model: explanation | deletion AUC ↓ | insertion AUC ↑ | compreh. ↑ | suffic. ↓ | faithful. ↑ | ms/row |")
print("|---|---|---|---|---|---|---|")
for m in ["raw", "rollout", "flow", "grad-rollout", "kernel-shap", "random"]:
    f = f"{out}/adult-{m}.json"
    if not os.path.exists(f): continue
    o = json.load(open(f)); fi = o["fidelity"]
    print(f"| {m} | {fi['deletion_auc']:.3f} | {fi['insertion_auc']:.3f} | {fi['comprehensiveness']:.3f} | {fi['sufficiency']:.3f} | "
          f"{fi['faithfulness_correlation']:.3f} | {o['timing']['explain_ms_per_row']:.1f} |")
print()
for s in ["4x16", "6x32"]:
    o = json.load(open(f"{out}/flow-{s}.json"))
    print(f"attention flow {s}: {o['ms_per_instance']:.2f} ms per instance (full matrix, {o['max_flows_per_instance']} max-flows), "
          f"{o['output_row_ms_per_instance']:.3f} ms for the output row, rollout {o['rollout_ms_per_instance']:.4f} ms")
n = json.load(open(f"{out}/networkx-4x16.json"))
print(f"networkx (Edmonds-Karp, per pair) 4x16: {n['networkx_ms_per_instance']:.0f} ms per instance; ratio {n['ratio']:.0f}x; "
      f"largest difference {n['max_abs_difference']:.1e}")
PY
