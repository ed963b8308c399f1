#!/usr/bin/env bash
# Types a session into `egress-doctor shell` inside a detached tmux window and checks the screen:
# completion, search, the pager, count, top, timeline, findings, explain, an error, and Ctrl-D.
#
#   shell/src/test/tmux/shell-session.sh            # uses ./egress-doctor (builds the jar if needed)
#   EGRESS_DOCTOR="java -cp CP io.egressdoctor.shell.Main" shell/src/test/tmux/shell-session.sh
#
# Exit 0 when every check passes; on a failure it prints the screen and exits 1.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../../.." && pwd)"
ed="${EGRESS_DOCTOR:-$root/egress-doctor}"
sample="$root/samples/quickstart/access.log"
command -v tmux >/dev/null || { echo "shell-session: tmux is not installed" >&2; exit 2; }

work="$(mktemp -d)"
socket="egress-doctor-shell-test-$$"
cleanup() {
  tmux -L "$socket" kill-server 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

# shellcheck disable=SC2086 # EGRESS_DOCTOR may be a command with arguments
$ed ingest --index "$work/index" "$sample" >/dev/null 2>&1

tmux -L "$socket" -f /dev/null new-session -d -x 120 -y 50 -s shell \
  "TERM=xterm-256color $ed shell --index $work/index; echo SHELL-ENDED; sleep 30"

screen() { tmux -L "$socket" capture-pane -p -J -S -5000 -t shell; }
prompts() { screen | grep -c '^egress-doctor> ' || true; }

fail() {
  echo "shell-session: FAILED: $*" >&2
  echo "----- screen -----" >&2
  screen >&2
  exit 1
}

# Waits until the screen shows $1 (a grep -E pattern), for up to 60 s.
wait_for() {
  for _ in $(seq 1 600); do
    screen | grep -qE -- "$1" && return 0
    sleep 0.1
  done
  fail "timed out waiting for: $1"
}

# Waits until the number of prompts reaches $1.
wait_prompts() {
  for _ in $(seq 1 600); do
    [ "$(prompts)" -ge "$1" ] && return 0
    sleep 0.1
  done
  fail "timed out waiting for prompt $1"
}

# Types a command, waits for the next prompt, and prints what the command wrote.
run() {
  local before
  before="$(prompts)"
  tmux -L "$socket" send-keys -t shell -l -- "$1"
  tmux -L "$socket" send-keys -t shell Enter
  wait_prompts $((before + 1))
  screen | awk -v n="$before" '/^egress-doctor> /{p++} p==n && !/^egress-doctor> /{print}'
}

expect() { # expect OUTPUT PATTERN WHAT
  grep -qE -- "$2" <<<"$1" || fail "$3: no match for /$2/"
}

wait_for '^egress-doctor> '
expect "$(screen)" 'egress-doctor shell: 3,000 events' "greeting"

# Completion: a field name, then one of its values from the index.
before="$(prompts)"
tmux -L "$socket" send-keys -t shell -l -- "count squid.result_c"
tmux -L "$socket" send-keys -t shell Tab
wait_for '^egress-doctor> count squid\.result_code:'
tmux -L "$socket" send-keys -t shell -l -- "TCP_DE"
tmux -L "$socket" send-keys -t shell Tab
wait_for '^egress-doctor> count squid\.result_code:TCP_DENIED'
tmux -L "$socket" send-keys -t shell Enter
wait_prompts $((before + 1))
denied="$(grep -c ' TCP_DENIED/' "$sample")"
expect "$(screen)" "^${denied}\$" "count after completion"

out="$(run 'search --limit 3 squid.result_code:TCP_DENIED')"
expect "$out" 'squid\.result_code' "search header"
expect "$out" "\\(3 of ${denied} matching events shown" "search footer"

# A result taller than the window opens the pager: space pages on, q returns to the prompt.
before="$(prompts)"
tmux -L "$socket" send-keys -t shell -l -- "search --limit 100"
tmux -L "$socket" send-keys -t shell Enter
wait_for 'q: back to the prompt\)'
tmux -L "$socket" send-keys -t shell Space
for _ in $(seq 1 600); do
  [ "$(tmux -L "$socket" capture-pane -p -t shell | sed '/^ *$/d' | tail -n 1)" = ":" ] && break
  sleep 0.1
done
[ "$(tmux -L "$socket" capture-pane -p -t shell | sed '/^ *$/d' | tail -n 1)" = ":" ] ||
  fail "the pager did not page on"
tmux -L "$socket" send-keys -t shell q
wait_prompts $((before + 1))
expect "$(screen)" '^\(paged: 102 lines; ' "pager note"
# The rest of the session reads long output (explain) from the scrollback.
out="$(run 'pager off')"
expect "$out" '^pager off$' "pager off"

out="$(run 'top destination.domain squid.result_code:TCP_DENIED')"
expect "$out" '^destination\.domain +count +share' "top header"

out="$(run 'timeline --bucket 1m --by squid.result_code')"
expect "$out" '^2024-05-01 08:0[01] +[0-9,]+ #+' "timeline bars"
expect "$out" '# TCP_TUNNEL' "timeline legend"
long="$(awk 'length > 119' <<<"$out" | head -n 1)"
[ -z "$long" ] || fail "timeline wider than the 120-column window: $long"

out="$(run 'findings')"
expect "$out" '^1 +(critical|high|medium|low|informational) ' "findings list"

out="$(run 'explain 1')"
expect "$out" '^#1 \[' "explain title"
expect "$out" '^Evidence \(' "explain evidence"
expect "$out" '^Fix:' "explain fix"

out="$(run 'count destination.port:[1 TO')"
expect "$out" '^egress-doctor: ' "bad query error"

# Ctrl-C drops the line being typed and keeps the shell.
before="$(prompts)"
tmux -L "$socket" send-keys -t shell -l -- "count never-run"
tmux -L "$socket" send-keys -t shell C-c
wait_prompts $((before + 1))

out="$(run 'count')"
expect "$out" '^3,000$' "shell alive after an error and Ctrl-C"

tmux -L "$socket" send-keys -t shell C-d
wait_for '^SHELL-ENDED'
echo "shell-session: ok"
