#!/usr/bin/env bash
# Local smoke run over the real vendor samples in ../shared/realdata (never copied into the
# repository; CI does not run this). Prints, per file: the detected format, events, rejected lines.
#   bench/realdata-smoke.sh [FOLDER] [PREFIX...]
# Default prefixes: the vendor families read by the built-in firewall and gateway formats.
set -euo pipefail
cd "$(dirname "$0")/.."
folder="${1:-}"
if [ -z "$folder" ]; then
  for f in ../shared/realdata ../../shared/realdata; do [ -d "$f" ] && folder="$f" && break; done
  folder="${folder:-../shared/realdata}"
fi
[ $# -gt 0 ] && shift
prefixes=("$@")
[ ${#prefixes[@]} -eq 0 ] && prefixes=(fortinet_ panw_ zscaler_ cisco_umbrella_ azure_firewall_ forcepoint_ azure_nsg_ azure_vnet_)
if [ ! -d "$folder" ]; then echo "no folder $folder: nothing to do"; exit 0; fi
if [ -z "${JAVA_HOME:-}" ]; then
  for j in /usr/lib/jvm/*/bin/java; do
    v=$("$j" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p')
    if [ "${v:-0}" -ge 21 ]; then JAVA_HOME=$(dirname "$(dirname "$j")"); break; fi
  done
fi
export JAVA_HOME
./mvnw -q -B -o -pl ingest -am test-compile dependency:build-classpath \
  -Dspotless.check.skip=true -Dmdep.outputFile=target/classpath.txt >&2
exec "$JAVA_HOME/bin/java" -cp "ingest/target/test-classes:ingest/target/classes:$(cat ingest/target/classpath.txt)" \
  io.egressdoctor.ingest.smoke.RealDataSmoke "$folder" "${prefixes[@]}"
