#!/usr/bin/env python3
"""Prints the README's comparison table from `pellucid compare --json` files: one row per model."""
import json
import os
import sys

out = sys.argv[1]
print("| data | model | kind | explainer | accuracy | macro-F1 | deletion AUC ↓ | simulatable ↑ | explanation size ↓ | train s |")
print("|---|---|---|---|---|---|---|---|---|---|")


def g(m, group, key, fmt="{:.3f}"):
    v = m.get(group, {}).get(key)
    return "—" if v is None else fmt.format(v)


for d in sys.argv[2:]:
    f = f"{out}/{d}.json"
    if not os.path.exists(f):
        continue
    o = json.load(open(f))
    secs = open(f"{out}/{d}.seconds").read().strip() if os.path.exists(f"{out}/{d}.seconds") else "?"
    for m in o["models"]:
        print(f"| {d} | {m['model']} | {m['kind']} | {m.get('explainer', '—')} | {m['test']['accuracy']:.3f} | "
              f"{m['test']['macro_f1']:.3f} | {g(m, 'fidelity', 'deletion_auc')} | {g(m, 'fidelity', 'simulatable_agreement')} | "
              f"{g(m, 'simulability', 'size', '{:.2f}')} | {m['timing']['train_seconds']:.1f} |")
    for s in o.get("skipped", []):
        print(f"| {d} | {s['model']} | skipped: {s['reason']} | | | | | | | |")
    print(f"| {d} | *whole comparison* | | | | | | | | {secs} s wall |")
