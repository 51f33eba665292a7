#!/usr/bin/env python3
"""Compares two directories written by scripts/snapshot-outputs.sh: every JSON file (timings, dates
and paths left out), the SVG and CSV files, the exit codes, and the demo's report (timings masked).
Prints what differs and exits 1 when anything does."""
import glob, json, os, re, sys

# what legitimately differs between two runs: paths, clocks and durations
SKIP_KEYS = {"model_dir", "out", "data", "created", "generated", "timing", "seconds"}
SKIP_SUFFIXES = ("_seconds", "_ms", "_ms_per_row", "_ms_per_instance")


def skipped(key):
    return key in SKIP_KEYS or key.endswith(SKIP_SUFFIXES)


def strip(o):
    if isinstance(o, dict):
        return {k: strip(v) for k, v in o.items() if not skipped(k)}
    if isinstance(o, list):
        return [strip(x) for x in o]
    return o


def masked(html):
    html = re.sub(r'<td( class="best")?>\d+\.\d</td></tr>', "<td>T</td></tr>", html)  # the train-seconds column
    return re.sub(r"\d+\.\d+ ?(s|ms)\b", "T", html)


def main(before, after):
    diffs = []
    for f in sorted(glob.glob(os.path.join(before, "*.json")) + glob.glob(os.path.join(before, "demo", "*.json"))):
        rel = os.path.relpath(f, before)
        other = os.path.join(after, rel)
        if not os.path.exists(other):
            diffs.append(rel + ": missing after")
        elif strip(json.load(open(f))) != strip(json.load(open(other))):
            diffs.append(rel + ": differs")
    for pattern in ("*.svg", "*.csv", "rc.txt"):
        for f in sorted(glob.glob(os.path.join(before, pattern))):
            rel = os.path.relpath(f, before)
            if open(f).read() != open(os.path.join(after, rel)).read():
                diffs.append(rel + ": differs")
    report = os.path.join("demo", "report.html")
    if os.path.exists(os.path.join(before, report)):
        if masked(open(os.path.join(before, report)).read()) != masked(open(os.path.join(after, report)).read()):
            diffs.append(report + ": differs (timings masked)")
    print("\n".join(diffs) if diffs else "no differences")
    return 1 if diffs else 0


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit("usage: compare-snapshots.py BEFORE AFTER")
    sys.exit(main(sys.argv[1], sys.argv[2]))
