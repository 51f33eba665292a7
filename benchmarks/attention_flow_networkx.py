#!/usr/bin/env python3
"""The peer for `pellucid bench attention-flow`: attention flow computed the way Abnar & Zuidema's
reference code does it — networkx maximum_flow with Edmonds–Karp on the layered attention graph, once per
(input token, output token) pair — on the same residual-adjusted capacities that Pellucid's JSON carries. Checks the values
agree and prints the time per instance and the ratio.

Usage: benchmarks/attention_flow_networkx.py PELLUCID_JSON [OUT_JSON]
"""
import json
import sys
import time

import networkx as nx


def flows(cap):
    """F[o][k]: max flow from input token k to output token o, one networkx max-flow per pair."""
    layers = len(cap)
    t = len(cap[0])
    g = nx.DiGraph()
    for l in range(layers):
        for i in range(t):
            for j in range(t):
                if cap[l][i][j] > 0:
                    g.add_edge((l, j), (l + 1, i), capacity=cap[l][i][j])
    ek = nx.algorithms.flow.edmonds_karp
    return [[nx.maximum_flow_value(g, (0, s), (layers, o), flow_func=ek) for s in range(t)] for o in range(t)]


def main():
    o = json.load(open(sys.argv[1]))
    cap = o["check_capacities"]
    t0 = time.perf_counter()
    f = flows(cap)
    secs = time.perf_counter() - t0
    worst = max(abs(a - b) for ra, rb in zip(f, o["check_flows"]) for a, b in zip(ra, rb))
    ms = secs * 1000
    print(f"networkx: {ms:.1f} ms per instance ({o['layers']} layers x {o['tokens']} tokens); "
          f"pellucid: {o['ms_per_instance']:.3f} ms; ratio {ms / o['ms_per_instance']:.0f}x; "
          f"largest flow difference {worst:.2e}")
    if len(sys.argv) > 2:
        json.dump({"networkx_ms_per_instance": ms, "pellucid_ms_per_instance": o["ms_per_instance"],
                   "ratio": ms / o["ms_per_instance"], "max_abs_difference": worst,
                   "layers": o["layers"], "tokens": o["tokens"]}, open(sys.argv[2], "w"))
    if worst > 1e-6:
        sys.exit("flows disagree")


if __name__ == "__main__":
    main()
