# Sourced by ./pellucid, ./run-tests and .ci/run: sets JAVA_HOME to a JDK >= 25, or stops with one line.
# Order: JAVA_HOME, `java` on PATH, then the usual install locations.
pellucid_java_major() { # prints the major version of the java binary $1
  "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = //p' | cut -d. -f1
}
pellucid_find_java() {
  local c major
  for c in "${JAVA_HOME:-}" \
           "$(dirname "$(dirname "$(readlink -f "$(command -v java 2>/dev/null || echo /nonexistent)")")")" \
           /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/*25* /usr/lib/jvm/*2[6-9]* /usr/lib/jvm/* \
           /opt/java/* /opt/jdk* "$HOME"/.sdkman/candidates/java/* /Library/Java/JavaVirtualMachines/*/Contents/Home; do
    [ -n "$c" ] && [ -x "$c/bin/java" ] && [ -x "$c/bin/javac" ] || continue
    major=$(pellucid_java_major "$c/bin/java")
    if [ -n "$major" ] && [ "$major" -ge 25 ] 2>/dev/null; then export JAVA_HOME="$c"; return 0; fi
  done
  echo "pellucid: no JDK 25 or newer found (checked JAVA_HOME, PATH and /usr/lib/jvm); install one, e.g. Temurin 25 (apt install temurin-25-jdk), and set JAVA_HOME" >&2
  return 1
}
