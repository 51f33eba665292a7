#!/usr/bin/env bash
# Builds examples/contract-user — a stand-alone Maven project with its own model, held to Pellucid's
# contract through the installed artifacts (run after `./mvnw install`) — and checks both ways:
# the honest stump runs more than zero contract checks and passes them; the lying stump fails.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$HERE"
# shellcheck source=find-java.sh
source "$HERE/scripts/find-java.sh"
pellucid_find_java || exit 2
POM=examples/contract-user/pom.xml
REPORTS=examples/contract-user/target/surefire-reports
MVN=(./mvnw -B --no-transfer-progress -f "$POM")

echo "contract-user: the honest stump must pass the contract" >&2
"${MVN[@]}" clean test
runs=$(grep -ho 'tests="[0-9]*"' "$REPORTS"/TEST-*.xml | grep -o '[0-9]*' | awk '{s+=$1} END {print s+0}')
if [ "${runs:-0}" -lt 1 ]; then
  echo "contract-user: no contract checks ran" >&2
  exit 1
fi
echo "contract-user: $runs checks ran and passed" >&2

echo "contract-user: the lying stump must fail the contract" >&2
if "${MVN[@]}" test -Dtest=BrokenStumpContract >"$HERE/examples/contract-user/target/broken.log" 2>&1; then
  echo "contract-user: the lying stump passed the contract; the contract does not bite" >&2
  exit 1
fi
if ! grep -q 'failures="[1-9]' "$REPORTS"/TEST-org.example.stump.BrokenStumpContract.xml; then
  echo "contract-user: the broken build failed, but not on a contract check (see examples/contract-user/target/broken.log)" >&2
  exit 1
fi
echo "contract-user: the lying stump fails $(grep -o 'failures="[0-9]*"' "$REPORTS"/TEST-org.example.stump.BrokenStumpContract.xml | head -1) of its contract checks, as it must" >&2
