#!/usr/bin/env bash
# Builds spark/target/pellucid-spark.jar (the spark-submit jar: Pellucid, its models, DJL and the CPU
# natives, without Spark) and runs it the way spark-submit would: beside Spark's own jars only (those
# of spark/target/lib that are not Pellucid's, DJL's, Smile's, picocli's or Gson's), predicting 200
# synthetic rows with a freshly trained model in local[2]. Prints one line; exit 0 when it worked.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=scripts/find-java.sh
source "$HERE/scripts/find-java.sh"
pellucid_find_java || exit 2
export MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow"
cd "$HERE"
./mvnw -B -q --no-transfer-progress install -DskipTests -Dcheckstyle.skip -Dmaven.javadoc.skip -pl spark -am
[ -d spark/target/lib ] || { echo "check-shaded-spark: spark/target/lib is missing (the install above makes it)" >&2; exit 1; }
./mvnw -B -q --no-transfer-progress -pl spark -Pshaded package -DskipTests -Dcheckstyle.skip -Dmaven.javadoc.skip
TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT
"$HERE/pellucid" train logistic --data synthetic:rule:600 --seed 1 --out "$TMP/model" > /dev/null 2>&1
python3 - "$TMP/rows.csv" <<'PY'
import random, sys
random.seed(1)
with open(sys.argv[1], "w") as f:
    f.write("income,debt_ratio,employment,age,tenure,region,n_cards,score_noise\n")
    for _ in range(200):
        f.write(f"{random.uniform(10,240):.1f},{random.uniform(0,0.8):.3f},{random.choice(['employed','self-employed','unemployed'])},"
                f"{random.randint(18,77)},{random.randint(0,29)},{random.choice(['north','south','east','west'])},{random.randint(0,7)},"
                f"{random.gauss(0,1):.3f}\n")
PY
CP="spark/target/pellucid-spark.jar:$(ls spark/target/lib/*.jar | grep -v -E '/(pellucid-|api-0|pytorch-|smile-|picocli-|gson-)' | tr '\n' ':')"
OPENS=$(grep -o '<spark.test.opens>[^<]*' spark/pom.xml | sed 's/<spark.test.opens>//')
# shellcheck disable=SC2086
"$JAVA_HOME/bin/java" $OPENS --sun-misc-unsafe-memory-access=allow -Dlog4j2.level=ERROR -cp "$CP" org.pellucid.spark.SparkMain predict \
  --model "$TMP/model" --data "$TMP/rows.csv" --out "$TMP/out" --master "local[2]" 2>/dev/null
echo "check-shaded-spark: $(du -m spark/target/pellucid-spark.jar | cut -f1) MB jar ran beside Spark's jars alone"
