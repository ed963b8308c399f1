#!/bin/sh
# Checks collect/egress-doctor-collect.ps1 (or the files given) with the tree-sitter PowerShell
# grammar from the npm registry, installed into collect/target/ps1-check (git-ignored) on first
# use. Run by .ci/run; PowerShell itself cannot run on these Linux machines.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
work="$here/../target/ps1-check"
mkdir -p "$work"
if ! [ -d "$work/node_modules/tree-sitter-powershell" ] || ! cmp -s "$here/package-lock.json" "$work/package-lock.json"; then
  cp "$here/package.json" "$here/package-lock.json" "$work/"
  npm ci --prefix "$work" --no-audit --no-fund --loglevel=error
fi
cp "$here/check-ps1.mjs" "$work/"
if [ $# -eq 0 ]; then set -- "$here/../egress-doctor-collect.ps1"; fi
exec node --no-deprecation "$work/check-ps1.mjs" --self-test "$@"
