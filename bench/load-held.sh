#!/usr/bin/env bash
# Load held: drives STREAMS concurrent slow streams (default 10,000 then 50,000) from one `aiperf profile`
# client to `aiperf mock-server` in its own JVM, and prints for each:
#   - errors the client recorded (error_request_count and the error summary),
#   - client heap used after a full GC and process RSS, sampled while every stream is open,
#   - TTFT error: measured TTFT p50 / p99 / max minus the TTFT the mock injects.
# Target: no client-side error and under 2 GiB of heap at 50,000 streams.
#
# One client address talking to one server address:port has ~28,000 ephemeral ports
# (net.ipv4.ip_local_port_range); the mock listens on 0.0.0.0 and the client gets ADDRESSES loopback
# addresses (127.0.0.1, 127.0.0.2, ...) as separate --url values, so each address has its own port space.
#
# Knobs: STREAMS ("10000 50000"), ADDRESSES (4), TTFT_MS (200), ITL_MS (2000), OSL (10: each stream lasts
# TTFT + OSL x ITL, ~20 s), RAMP_S (10: the concurrency ramp, so streams open at STREAMS/RAMP_S per second and
# all are open together from RAMP_S to ~20 s; 0 sends them all at once), CLIENT_HEAP (-Xmx3g: room to measure past the 2 GiB target instead of failing),
# SERVER_HEAP (-Xmx4g), AIPERF_JAR. Needs a hard open-file limit of STREAMS + 800 per process (or root with
# CAP_SYS_RESOURCE, to raise it), the client and the mock each holding one descriptor per stream,
# `jcmd` from the JDK and python3.
set -euo pipefail
cd "$(dirname "$0")/.."

STREAMS="${STREAMS:-10000 50000}"
ADDRESSES="${ADDRESSES:-4}"
TTFT_MS="${TTFT_MS:-200}"
ITL_MS="${ITL_MS:-2000}"
OSL="${OSL:-10}"
RAMP_S="${RAMP_S:-10}"
CLIENT_HEAP="${CLIENT_HEAP:--Xmx3g}"
SERVER_HEAP="${SERVER_HEAP:--Xmx4g}"
jar="${AIPERF_JAR:-aiperf-cli/target/aiperf.jar}"
# A JDK 21 or newer: JAVA_HOME, else the newest Temurin/OpenJDK 21+ under /usr/lib/jvm.
jdk="${JAVA_HOME:-$( (ls -d /usr/lib/jvm/*-2[5-9]-* /usr/lib/jvm/*-2[1-4]-* 2>/dev/null || true) | head -1)}"
java="${jdk:+$jdk/bin/}java"
jcmd="${jdk:+$jdk/bin/}jcmd"
[ -f "$jar" ] || ./mvnw -B -ntp -q -pl aiperf-cli -am package -DskipTests

max_streams=$(printf '%s\n' $STREAMS | sort -n | tail -1)
files=$((max_streams + 800))
if [ "$(ulimit -Hn)" != unlimited ] && [ "$(ulimit -Hn)" -lt "$files" ]; then
  ulimit -Hn "$files" 2>/dev/null || { echo "load-held.sh: $max_streams streams need an open-file limit of $files;" \
      "the hard limit is $(ulimit -Hn) and cannot be raised here (needs CAP_SYS_RESOURCE)" >&2; exit 1; }
fi
ulimit -n "$files"

work="$(mktemp -d)"
server_pid=""
client_pid=""
stop() {
  for pid in "$client_pid" "$server_pid"; do
    if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then kill -TERM "$pid"; wait "$pid" 2>/dev/null || true; fi
  done
  client_pid=""; server_pid=""
}
trap 'stop; rm -rf "$work"' EXIT

json() { python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); v=d
for k in sys.argv[2].strip("/").split("/"): v=v.get(k) if isinstance(v, dict) else None
print(0 if v is None else v)' "$1" "$2"; }

printf '\n== load held (%s CPUs, %s, %s loopback addresses) ==\n' "$(nproc)" "$("$java" -version 2>&1 | head -1)" "$ADDRESSES"

for streams in $STREAMS; do
  "$java" "$SERVER_HEAP" -jar "$jar" mock-server --host 0.0.0.0 --port 0 --ttft "$TTFT_MS" --itl "$ITL_MS" \
      >"$work/server.log" 2>&1 &
  server_pid=$!
  port=""
  for _ in $(seq 1 300); do
    port="$(sed -n 's/^Mock server listening on http:[^ ]*:\([0-9]*\)$/\1/p' "$work/server.log")"
    [ -n "$port" ] && break
    sleep 0.1
  done
  [ -n "$port" ] || { cat "$work/server.log" >&2; exit 1; }
  urls=()
  for i in $(seq 1 "$ADDRESSES"); do urls+=(--url "http://127.0.0.$i:$port"); done

  ramp=(); [ "$RAMP_S" != 0 ] && ramp=(--concurrency-ramp-duration "$RAMP_S")
  out="$work/run-$streams"
  start=$(date +%s)
  AIPERF_HTTP_CONNECTION_LIMIT=$((streams + 100)) "$java" "$CLIENT_HEAP" -jar "$jar" profile -m mock-model \
      "${urls[@]}" --streaming --ui none --isl 16 --osl "$OSL" --extra-inputs ignore_eos:true \
      --concurrency "$streams" "${ramp[@]}" --request-count "$streams" \
      --request-timeout-seconds 600 \
      --artifact-dir "$out" >"$work/client-$streams.log" 2>&1 &
  client_pid=$!

  # Sample memory while the most streams are open (established connections to the mock's port).
  peak=0; heap_kb=0; rss_kb=0
  while kill -0 "$client_pid" 2>/dev/null; do
    open=$(ss -Htn state established "( dport = :$port )" 2>/dev/null | wc -l)
    if [ "$open" -gt "$peak" ]; then peak=$open; fi
    if [ "$open" -ge "$streams" ] && [ "$heap_kb" = 0 ]; then
      "$jcmd" "$client_pid" GC.run >/dev/null 2>&1 || true
      heap_kb=$("$jcmd" "$client_pid" GC.heap_info 2>/dev/null | awk '/used/ {for (i=1;i<=NF;i++) if ($i=="used") {print $(i+1); exit}}' | tr -d 'K')
      rss_kb=$(awk '/VmRSS/ {print $2}' "/proc/$client_pid/status")
      heap_at=$open
    fi
    sleep 0.5
  done
  wait "$client_pid" && exit_code=0 || exit_code=$?
  client_pid=""
  elapsed=$(( $(date +%s) - start ))
  kill -TERM "$server_pid"; wait "$server_pid" 2>/dev/null || true; server_pid=""

  summary="$out/profile_export_aiperf.json"
  printf '\n%s streams (peak %s open), client exit %s, %s s\n' "$streams" "$peak" "$exit_code" "$elapsed"
  if [ ! -f "$summary" ]; then tail -20 "$work/client-$streams.log"; continue; fi
  printf '   requests ok %s, errors %s\n' "$(json "$summary" /request_count/avg)" \
      "$(json "$summary" /error_request_count/avg)"
  python3 - "$summary" <<'PY'
import json, sys
doc = json.load(open(sys.argv[1]))
for e in doc.get("error_summary") or []:
    d = e["error_details"]
    print(f"     {e['count']:>7} x {d.get('type')}: {str(d.get('message'))[:120]}")
health = doc.get("client_health")
if health:
    print(f"   client health: kept up {health.get('kept_up')}; {health.get('verdict')}")
PY
  if [ "$heap_kb" != 0 ]; then
    printf '   client heap after full GC with %s streams open: %.0f MB; RSS %.0f MB\n' "$heap_at" \
        "$(python3 -c "print($heap_kb / 1024)")" "$(python3 -c "print($rss_kb / 1024)")"
  else
    printf '   (never all %s streams open at once: no heap sample)\n' "$streams"
  fi
  printf '   TTFT minus injected %s ms: p50 %+.1f ms, p99 %+.1f ms, max %+.1f ms\n' "$TTFT_MS" \
      "$(python3 -c "print($(json "$summary" /time_to_first_token/p50) - $TTFT_MS)")" \
      "$(python3 -c "print($(json "$summary" /time_to_first_token/p99) - $TTFT_MS)")" \
      "$(python3 -c "print($(json "$summary" /time_to_first_token/max) - $TTFT_MS)")"
done
