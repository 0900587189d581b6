#!/usr/bin/env bash
# Measures the mock server itself with wrk, so we know it is never the bottleneck of our own benchmarks.
#
#   bench/mock-server.sh                 # fast mode at 64 and 512 connections, then paced streams
#   DURATION=5s CONNECTIONS="64" bench/mock-server.sh
#   PACED_CONNECTIONS="100 1000 10000" bench/mock-server.sh   # 10000 needs `ulimit -n` above 10000
#
# Fast mode (--fast, all latencies 0): GET /health (the HTTP baseline: a fixed body), a non-streaming chat
# completion, and a streaming one (64 tokens, ignore_eos, usage chunk). Paced mode (default TTFT 20 ms, ITL 5 ms):
# streams of 64 tokens, whose ideal latency is 20 + 63 x 5 = 335 ms; the gap to it is the mock's overhead.
# Needs wrk (apt-get install -y wrk) and builds the distribution through ./aiperf when it is missing.
set -euo pipefail
root="$(cd "$(dirname "$(readlink -f "$0")")/.." && pwd)"
DURATION="${DURATION:-10s}"
CONNECTIONS="${CONNECTIONS:-64 512}"
PACED_CONNECTIONS="${PACED_CONNECTIONS:-100 1000}"
THREADS="${THREADS:-2}"
lua="$root/bench/wrk"

if ! command -v wrk >/dev/null 2>&1; then
  echo "bench/mock-server.sh: needs wrk; install it with: apt-get install -y wrk" >&2
  exit 2
fi

server_pid=""
server_log="$(mktemp)"
stop_server() {
  if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then
    kill -TERM "$server_pid"
    wait "$server_pid" 2>/dev/null || true
  fi
  server_pid=""
}
trap 'stop_server; rm -f "$server_log"' EXIT

# Starts `aiperf mock-server --port 0 ARGS...` and sets $base_url from the line it prints.
start_server() {
  : >"$server_log"
  "$root/aiperf" mock-server --port 0 "$@" >"$server_log" 2>&1 &
  server_pid=$!
  for _ in $(seq 1 600); do
    base_url="$(sed -n 's/^Mock server listening on \(http:[^ ]*\)$/\1/p' "$server_log")"
    [ -n "$base_url" ] && return 0
    kill -0 "$server_pid" 2>/dev/null || { cat "$server_log" >&2; exit 1; }
    sleep 0.2
  done
  echo "bench/mock-server.sh: the mock server did not start; its output:" >&2
  cat "$server_log" >&2
  exit 1
}

# run NAME CONNECTIONS PATH [LUA]: one wrk run, one line of figures.
run() {
  local name="$1" connections="$2" path="$3" script="${4:-}" out
  local args=(-t"$THREADS" -c"$connections" -d"$DURATION" --timeout 10s --latency)
  [ -n "$script" ] && args+=(-s "$lua/$script")
  out="$(wrk "${args[@]}" "$base_url$path")"
  printf '%-28s %6s %12s %10s %10s %10s %8s\n' "$name" "$connections" \
    "$(awk '/^Requests\/sec/ {print $2}' <<<"$out")" \
    "$(awk '/^ +Latency / {print $2; exit}' <<<"$out")" \
    "$(awk '/^ +50%/ {print $2}' <<<"$out")" \
    "$(awk '/^ +99%/ {print $2}' <<<"$out")" \
    "$( (grep -E 'Non-2xx|Socket errors' <<<"$out" || echo ok) | tr -s ' ' | tr '\n' ' ' | sed 's/ $//')"
}

header() {
  echo
  echo "$1"
  printf '%-28s %6s %12s %10s %10s %10s %8s\n' scenario conns req/s lat-avg lat-p50 lat-p99 errors
}

echo "mock server benchmark: wrk -t$THREADS, $DURATION per run, on $(nproc) cores"

start_server --fast
wrk -t"$THREADS" -c64 -d3s -s "$lua/chat.lua" "$base_url/v1/chat/completions" >/dev/null # JIT warm-up
header "fast mode ($base_url)"
for c in $CONNECTIONS; do
  run "GET /health (baseline)" "$c" /health
  run "chat, whole" "$c" /v1/chat/completions chat.lua
  run "chat, streamed 64 tokens" "$c" /v1/chat/completions chat-stream.lua
done
stop_server

start_server
wrk -t"$THREADS" -c64 -d3s -s "$lua/chat-stream.lua" "$base_url/v1/chat/completions" >/dev/null
header "paced: TTFT 20 ms, ITL 5 ms, 64 tokens => ideal latency 335 ms, ideal req/s = conns / 0.335"
for c in $PACED_CONNECTIONS; do
  run "chat, streamed 64 tokens" "$c" /v1/chat/completions chat-stream.lua
done
stop_server
