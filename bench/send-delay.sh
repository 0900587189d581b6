#!/usr/bin/env bash
# How long a request waits between the transport taking it and going on the wire, for one or more builds:
#   bench/send-delay.sh /tmp/before.jar aiperf-cli/target/aiperf.jar
# For each jar: `aiperf mock-server --fast` in its own JVM, then `aiperf profile` (streaming chat, ISL 128, OSL 64,
# concurrency 64, WARMUP + REQUESTS requests, RATE requests/s if set); prints http_req_blocked (the HTTP trace's
# wait from the hand-off to the transport until the request is bound to a connection, right before it is written:
# pool wait and event-loop queueing) and TTFT from profile_export_aiperf.json, with the load average.
# Knobs: REQUESTS (10000), WARMUP (2000), RATE (unset: as fast as the concurrency allows), MODE (--streaming or "").
set -uo pipefail
root="$(cd "$(dirname "$(readlink -f "$0")")/.." && pwd)"
. "$root/.ci/find-java.sh"
aiperf_find_java || { echo "bench/send-delay.sh: needs a JDK 21+ (set JAVA_HOME)" >&2; exit 2; }
java="$JAVA_HOME/bin/java"
[ $# -ge 1 ] || { echo "usage: bench/send-delay.sh JAR [JAR...]" >&2; exit 2; }
REQUESTS="${REQUESTS:-10000}"; WARMUP="${WARMUP:-2000}"; RATE="${RATE:-}"; MODE="${MODE---streaming}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

for jar in "$@"; do
  "$java" -jar "$jar" mock-server --port 0 --fast >"$work/server.log" 2>&1 &
  spid=$!; url=""
  for _ in $(seq 1 600); do
    url="$(sed -n 's/^Mock server listening on \(http:[^ ]*\)$/\1/p' "$work/server.log")"; [ -n "$url" ] && break; sleep 0.1
  done
  [ -n "$url" ] || { echo "the mock server did not start" >&2; kill "$spid"; exit 1; }
  rm -rf "$work/out"
  # shellcheck disable=SC2086
  "$java" -jar "$jar" profile -m mock-model --url "$url" --ui none --isl 128 --osl 64 --extra-inputs ignore_eos:true \
      --random-seed 1 $MODE --concurrency 64 ${RATE:+--request-rate "$RATE"} --warmup-request-count "$WARMUP" \
      --request-count "$REQUESTS" --artifact-dir "$work/out" >"$work/client.log" 2>&1 \
      || { echo "client run with $jar failed:" >&2; tail -5 "$work/client.log" >&2; }
  kill "$spid"; wait "$spid" 2>/dev/null
  summary="$(find "$work/out" -name profile_export_aiperf.json | head -1)"
  [ -n "$summary" ] || continue
  python3 - "$summary" "$jar" "$(cut -d' ' -f1 /proc/loadavg)" <<'PY'
import json, sys

def find(node, key):
    if isinstance(node, dict):
        if isinstance(node.get(key), dict):
            return node[key]
        for value in node.values():
            found = find(value, key)
            if found:
                return found
    return None

summary = json.load(open(sys.argv[1]))
print(f"{sys.argv[2]}  load {sys.argv[3]}")
for key in ("http_req_blocked", "time_to_first_token", "request_throughput"):
    m = find(summary, key)
    if m:
        fmt = lambda v: "-" if v is None else f"{v:.3f}"
        print(f"  {key:22s} avg {fmt(m.get('avg'))}  p50 {fmt(m.get('p50'))}  p99 {fmt(m.get('p99'))}  {m.get('unit', '')}")
PY
done
