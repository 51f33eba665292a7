#!/usr/bin/env bash
# Runs Pellucid's train-step benchmark and the PyTorch eager peer back to back, three rounds each,
# interleaved, and prints the median ratio. Needs Debian's python3-torch with an optimised BLAS:
#   apt-get install python3-torch libopenblas0-pthread
# (Debian builds torch against the generic BLAS interface; without OpenBLAS it falls back to the
# reference BLAS and runs ~3x slower, which would flatter Pellucid.)
set -euo pipefail
export OPENBLAS_NUM_THREADS=1 OMP_NUM_THREADS=1
if ! /usr/bin/python3 -c 'import torch' 2>/dev/null; then
  echo "train-step.sh: python3-torch is missing (apt-get install python3-torch libopenblas0-pthread)" >&2; exit 2
fi
if ! readlink -f /usr/lib/x86_64-linux-gnu/libblas.so.3 | grep -q openblas; then
  echo "train-step.sh: the system BLAS is the reference one; apt-get install libopenblas0-pthread for a fair peer" >&2; exit 2
fi
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
OUT="${1:-$HERE/benchmarks/results}"
mkdir -p "$OUT"
for i in 1 2 3; do
  "$HERE/pellucid" bench train-step --json "$OUT/pellucid-$i.json" >/dev/null
  /usr/bin/python3 "$HERE/benchmarks/train_step_torch.py" > "$OUT/torch-$i.json"
done
/usr/bin/python3 - "$OUT" <<'PY'
import json, statistics, sys
out = sys.argv[1]
p = [json.load(open(f"{out}/pellucid-{i}.json"))["steps_per_second"] for i in (1, 2, 3)]
t = [json.load(open(f"{out}/torch-{i}.json"))["steps_per_second"] for i in (1, 2, 3)]
ratio = statistics.median(p) / statistics.median(t)
print(f"pellucid (DJL) steps/s: {', '.join(f'{v:.0f}' for v in p)}  median {statistics.median(p):.0f}")
print(f"pytorch eager  steps/s: {', '.join(f'{v:.0f}' for v in t)}  median {statistics.median(t):.0f}")
print(f"ratio pellucid / pytorch: {ratio:.2f}")
json.dump({"pellucid_steps_per_second": p, "pytorch_steps_per_second": t, "ratio_median": ratio},
          open(f"{out}/summary.json", "w"), indent=2)
PY
