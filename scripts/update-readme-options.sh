#!/usr/bin/env bash
# Rewrites README.md's model option tables from the families' option tables (ReadmeOptionsTest
# fails while they differ). Builds the CLI first if needed, as ./pellucid does.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
"$HERE/pellucid" --version > /dev/null
source "$HERE/scripts/find-java.sh"
pellucid_find_java
"$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -cp "$HERE/examples/target/pellucid.jar:$HERE/examples/target/lib/*" \
  org.pellucid.examples.cli.OptionDocs "$HERE/README.md"
echo "README.md: model option tables updated"
