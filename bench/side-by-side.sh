#!/usr/bin/env bash
# egress-doctor beside lnav and GoAccess on one generated Squid access.log, through the launcher
# with its defaults, as a user runs them:
#   bench/side-by-side.sh [LINES] [WORK-DIR]      (default 2000000 lines, /tmp/egress-doctor-side-by-side)
# Times `egress-doctor ingest` (into a fresh index), `egress-doctor report` (JSON, temporary index),
# `egress-doctor search --count` of denied lines on that index, and, when installed, lnav counting
# the denied lines (format file bench/lnav/formats/squid/) and GoAccess writing its JSON report
# (log-format string for Squid native below); `grep -c` is the floor for reading the file at all.
# Prints each tool's wall time, lines/s, peak RSS, and their ratios to `egress-doctor report`.
# The denied counts of egress-doctor, lnav and grep must agree, else the run fails.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"
lines="${1:-2000000}"
work="${2:-/tmp/egress-doctor-side-by-side}"
log="$work/squid-$lines.log"
launcher="$root/egress-doctor"
# GoAccess: epoch.millis, elapsed ms, client, code/status, bytes, method, URL, user, hierarchy, type.
goaccess_format='%x.%^ %~%L %h %^/%s %b %m %U %^ %^ %^'
denied_query='squid.result_code:TCP_DENIED'
lnav_query=";SELECT count(*) FROM squid_native_log WHERE result_code = 'TCP_DENIED'"

if ! [ -x /usr/bin/time ]; then
  echo "side-by-side: needs GNU time at /usr/bin/time (apt-get install time)" >&2
  exit 2
fi
mkdir -p "$work"

# The generator is in the bench module; any JDK 21+ runs it.
if ! [ -s "$log" ]; then
  java=""
  for j in ${JAVA_HOME:+"$JAVA_HOME/bin/java"} "$(command -v java || true)" /usr/lib/jvm/*/bin/java; do
    v="$("$j" -XshowSettings:properties -version 2>&1 |
      sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p')" || continue
    if [ "${v:-0}" -ge 21 ]; then java="$j" && break; fi
  done
  [ -n "$java" ] || { echo "side-by-side: no JDK 21+ to run the generator" >&2; exit 2; }
  if ! [ -f "$root/bench/target/classes/io/egressdoctor/bench/SquidLogGenerator.class" ]; then
    JAVA_HOME="$(dirname "$(dirname "$(readlink -f "$java")")")" "$root/mvnw" -q -B -f "$root/pom.xml" \
      -pl bench -am package -DskipTests -Dspotless.check.skip=true >&2
  fi
  echo "side-by-side: generating $log ($lines lines)" >&2
  "$java" -cp "$root/bench/target/classes" io.egressdoctor.bench.SquidLogGenerator "$log" "$lines" >&2
fi
size_mb="$(( $(wc -c <"$log") / 1048576 ))"

# The launcher builds the jar when it is stale and its start-up cache after that: both before the
# clock starts. Then the file is read once so every tool starts from the page cache.
"$launcher" --version >/dev/null
for _ in $(seq 1 120); do
  ls -d "$root"/shell/target/aot/*.lock >/dev/null 2>&1 || break
  sleep 5
done
cat "$log" >/dev/null

results=()
# measure NAME OUTPUT-FILE COMMAND...: runs it under GNU time, keeps "name|wall kb user sys".
measure() {
  local name="$1" out="$2" t
  shift 2
  local rc=0
  t="$(mktemp)"
  /usr/bin/time -f '%e %M %U %S' -o "$t" "$@" >"$out" 2>"$out.err" || rc=$?
  # report exits 1 when it has findings: that is a result, not a failure.
  if [ "$rc" -ne 0 ] && ! { [ "$rc" -eq 1 ] && [ "$name" = "egress-doctor report" ]; }; then
    echo "side-by-side: $name failed (exit $rc):" >&2
    cat "$out.err" >&2
    exit 4
  fi
  results+=("$name|$(tail -n 1 "$t")")
  rm -f "$t"
}

rm -rf "$work/index"
measure "egress-doctor ingest" "$work/ingest.txt" "$launcher" ingest --index "$work/index" "$log"
measure "egress-doctor report" "$work/report.txt" \
  "$launcher" report "$log" --format json --output "$work/report.json"
measure "egress-doctor search --count" "$work/count.txt" \
  "$launcher" search --index "$work/index" --count "$denied_query"
ours="$(tr -dc '0-9' <"$work/count.txt")"
measure "grep -c (floor)" "$work/grep.txt" grep -c ' TCP_DENIED/' "$log"
floor="$(tr -dc '0-9' <"$work/grep.txt")"
if command -v lnav >/dev/null; then
  measure "lnav count denied" "$work/lnav.txt" \
    lnav -I "$here/lnav" -n -c "$lnav_query" "$log"
  theirs="$(tail -n 1 "$work/lnav.txt" | tr -dc '0-9')"
  [ "$theirs" = "$floor" ] || { echo "side-by-side: lnav counted $theirs, grep $floor" >&2; exit 4; }
else
  echo "side-by-side: lnav is not installed; skipped" >&2
fi
if command -v goaccess >/dev/null; then
  measure "goaccess JSON report" "$work/goaccess.txt" \
    goaccess "$log" --no-global-config --no-progress --log-format="$goaccess_format" \
    --datetime-format=%s -o "$work/goaccess.json"
else
  echo "side-by-side: goaccess is not installed; skipped" >&2
fi
[ "$ours" = "$floor" ] || { echo "side-by-side: egress-doctor counted $ours, grep $floor" >&2; exit 4; }

report="$(printf '%s\n' "${results[@]}" | grep '^egress-doctor report|' | cut -d '|' -f 2)"
echo "$lines Squid lines ($size_mb MB), $(nproc) cores, load average $(cut -d ' ' -f 1-3 /proc/loadavg); denied lines: $floor"
echo "| tool | wall s | CPU s | lines/s | peak RSS | wall vs report | RSS vs report |"
echo "|---|---:|---:|---:|---:|---:|---:|"
for r in "${results[@]}"; do
  # shellcheck disable=SC2086
  awk -v n="${r%%|*}" -v l="$lines" -v m="${r#*|}" -v ref="$report" 'BEGIN {
    split(m, a, " "); split(ref, b, " ")
    printf "| %s | %.2f | %.2f | %d | %d MB | %.2fx | %.2fx |\n",
      n, a[1], a[3] + a[4], (a[1] > 0 ? l / a[1] : 0), a[2] / 1024, a[1] / b[1], a[2] / b[2]
  }'
done
