#!/usr/bin/env bash
# A local smoke run over the real public samples in ../shared/realdata (never in CI: the folder is
# not part of the repository). Ingests each file on its own into a throw-away index and prints the
# format detected, the events read and the lines rejected, so that what is not read shows.
#   bench/realdata-smoke.sh                 # the aws_* files
#   bench/realdata-smoke.sh 'squid_*'       # any other glob in the folder
set -euo pipefail
cd "$(dirname "$0")/.."
data="${REALDATA:-../shared/realdata}"
[ -d "$data" ] || data=/work/shared/realdata
glob="${1:-aws_*}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
printf '%-62s %-22s %7s %9s\n' FILE FORMAT EVENTS REJECTED
for f in "$data"/$glob; do
  case "$f" in *-expected.json) continue ;; esac
  [ -f "$f" ] || continue
  out="$(./egress-doctor ingest --index "$work/$(basename "$f")" "$f" 2>&1 || true)"
  line="$(printf '%s\n' "$out" | grep -E '^Read [0-9]+ of' | head -n 1)"
  events="$(printf '%s\n' "$line" | sed -n 's/.*: \([0-9,]*\) events.*/\1/p')"
  fmt="$(printf '%s\n' "$line" | sed -n 's/.* events (\([^)]*\)).*/\1/p')"
  rejected="$(printf '%s\n' "$line" | sed -n 's/.* \([0-9,]*\) lines\{0,1\} rejected.*/\1/p')"
  if printf '%s\n' "$out" | grep -q 'unrecognized:'; then fmt=unrecognized; fi
  if [ -z "$fmt" ] && [ -n "$line" ]; then fmt="read, no events"; fi
  printf '%-62s %-22s %7s %9s\n' "$(basename "$f")" "${fmt:--}" "${events:--}" "${rejected:--}"
  if [ "${VERBOSE:-0}" = 1 ] || [ -z "$line" ]; then
    printf '%s\n' "$out" | sed 's/^/    /'
  fi
done
