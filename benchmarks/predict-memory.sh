#!/usr/bin/env bash
# Memory of `pellucid predict` on a 1 GB CSV: a generated churn table (id column, target in the
# middle, free text last with quoted commas, NA), a rules model trained on 2,000 rows of it, then
# 11.5 million unlabelled rows scored under a 512 MiB heap cap (-Xmx512m), with GC logging and the
# peak resident set size from /usr/bin/time. Writes into ${WORK:-/tmp/pellucid-predict-memory}.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
W="${WORK:-/tmp/pellucid-predict-memory}"
mkdir -p "$W"
python3 - "$W" <<'PY'
import csv, random, sys
w = sys.argv[1]
random.seed(1)
notes = ["called about billing, asked for a discount", "said the app is slow, wants to cancel", "happy with service",
         "moved house, new address", "complained about outage, twice"]
def row(i):
    plan = random.choice(["basic", "plus", "pro"]); tenure = random.randint(1, 72); fee = round(random.uniform(10, 120), 2)
    churn = "yes" if (plan == "basic" and tenure < 12) or fee > 100 else "no"
    return [f"C{10000+i}", random.randint(18, 90), plan, fee, churn, random.choice(["north", "south", "east", "west", "NA"]),
            tenure, f"{random.choice(notes)} (ticket {random.randint(1000, 999999)})"]
rows = [row(i) for i in range(2000)]
with open(f"{w}/churn.csv", "w", newline="") as f:
    c = csv.writer(f); c.writerow(["customer_id", "age", "plan", "monthly_fee", "churned", "region", "tenure", "note"]); c.writerows(rows)
with open(f"{w}/body.csv", "w", newline="") as f:
    c = csv.writer(f)
    for r in rows[:200]:
        c.writerow(r[:4] + r[5:])
PY
for i in $(seq 1 12); do cat "$W/body.csv" "$W/body.csv" > "$W/b2.csv"; mv "$W/b2.csv" "$W/body.csv"; done
{ echo "customer_id,age,plan,monthly_fee,region,tenure,note"; for i in $(seq 1 14); do cat "$W/body.csv"; done; } > "$W/big.csv"
rm -f "$W/body.csv"
ls -l "$W/big.csv"
"$HERE/pellucid" train rules --data "$W/churn.csv" --target churned --ignore note --id customer_id --out "$W/model" 2>/dev/null
PELLUCID_JAVA_OPTS="-Xmx512m -Xlog:gc:file=$W/gc.log" /usr/bin/time -v "$HERE/pellucid" predict --model "$W/model" \
  --data "$W/big.csv" --id customer_id --out "$W/predictions.csv" --json "$W/predict.json" 2> "$W/time.txt"
grep -E "Maximum resident|Elapsed" "$W/time.txt"
echo "largest heap after a collection: $(grep -o '[0-9]*M->[0-9]*M' "$W/gc.log" | sed 's/.*->//' | sort -n | tail -1)"
wc -l < "$W/predictions.csv"
