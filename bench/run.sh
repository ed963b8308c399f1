#!/usr/bin/env bash
# Runs one benchmark main class with the project's class path and -Xmx512m.
#   bench/run.sh IngestBenchmark 10000000
# Results print to stdout; generated data goes to bench/data (git-ignored).
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -z "${JAVA_HOME:-}" ]; then
  for j in /usr/lib/jvm/*/bin/java; do
    v=$("$j" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p')
    if [ "${v:-0}" -ge 21 ]; then JAVA_HOME=$(dirname "$(dirname "$j")"); break; fi
  done
fi
export JAVA_HOME
main="$1"; shift
./mvnw -q -B -pl bench -am package dependency:build-classpath \
  -DskipTests -Dspotless.check.skip=true -Dmdep.outputFile=target/classpath.txt >&2
exec "$JAVA_HOME/bin/java" -Xmx512m ${BENCH_JAVA_OPTS:-} \
  -cp "bench/target/classes:$(cat bench/target/classpath.txt)" "io.egressdoctor.bench.$main" "$@"
