"""Writes UCI adult (../shared/datasets/tabular/adult.{info,data}) as a CSV with a header, for the
benchmarks: adult_csv.py INFO DATA FULL [TAIL BIG ROWS] -- FULL is every row; TAIL the last 2,000 rows
with a row id; BIG ROWS rows (the data repeated) with a row id."""
import sys

info, data, full = sys.argv[1:4]
names = [l.split()[0] for l in open(info) if l.strip() and not l.startswith("LABEL_POS")]
lines = [",".join(v.strip() for v in l.rstrip("\n").split(",")) for l in open(data) if l.strip()]
open(full, "w").write(",".join(names) + "\n" + "\n".join(lines) + "\n")
if len(sys.argv) > 4:
    tail, big, rows = sys.argv[4:7]
    head = ",".join(["row"] + names) + "\n"
    open(tail, "w").write(head + "".join(f"{i},{l}\n" for i, l in enumerate(lines[-2000:])))
    with open(big, "w") as f:
        f.write(head)
        for i in range(int(rows)):
            f.write(f"{i},{lines[i % len(lines)]}\n")
