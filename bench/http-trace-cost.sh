#!/usr/bin/env bash
# What HTTP tracing costs the client: runs the real `aiperf profile` against one `aiperf mock-server --fast` (a
# separate JVM) with tracing off (AIPERF_HTTP_TRACE=false: no http_req_* metrics), on (the default: every phase
# stamped, the http_req_* metrics computed) and on with --export-http-trace (trace_data written to every
# profile_export.jsonl line), and prints the client's CPU time per request for each: user+sys CPU of the client
# process of a long run minus that of a short run with the same warm-up, per extra request, so JVM start-up,
# warm-up and JIT cancel out. The modes alternate within each round, so they share the machine's conditions.
#
#   bench/http-trace-cost.sh                           # 3 rounds x 3 modes, streaming chat, 64 tokens, concurrency 64
#   REQUESTS=20000 SHORT=5000 ROUNDS=5 bench/http-trace-cost.sh
#   STREAMING=0 bench/http-trace-cost.sh               # non-streaming
set -euo pipefail
root="$(cd "$(dirname "$(readlink -f "$0")")/.." && pwd)"
. "$root/.ci/find-java.sh"
aiperf_find_java || { echo "bench/http-trace-cost.sh: needs a JDK 21+ (set JAVA_HOME)" >&2; exit 2; }
java="$JAVA_HOME/bin/java"
jar="${AIPERF_JAR:-$root/aiperf-cli/target/aiperf.jar}"
[ -f "$jar" ] || (cd "$root" && ./mvnw -B -q -ntp -DskipTests package >&2)

REQUESTS="${REQUESTS:-12000}"        # profiling requests of the long run
SHORT="${SHORT:-2000}"               # profiling requests of the short run the CPU cost is taken against
WARMUP="${WARMUP:-2000}"             # warm-up requests before each run (JIT, connections)
ROUNDS="${ROUNDS:-3}"
CONCURRENCY="${CONCURRENCY:-64}"
streaming=(--streaming); [ "${STREAMING:-1}" = 0 ] && streaming=()
work="$(mktemp -d)"
server_pid=""
trap '[ -n "$server_pid" ] && kill -TERM "$server_pid" 2>/dev/null; wait 2>/dev/null; rm -rf "$work"' EXIT

"$java" -jar "$jar" mock-server --port 0 --fast >"$work/server.log" 2>&1 &
server_pid=$!
base_url=""
for _ in $(seq 1 600); do
  base_url="$(sed -n 's/^Mock server listening on \(http:[^ ]*\)$/\1/p' "$work/server.log")"
  [ -n "$base_url" ] && break
  kill -0 "$server_pid" 2>/dev/null || { cat "$work/server.log" >&2; exit 1; }
  sleep 0.1
done
[ -n "$base_url" ] || { echo "bench/http-trace-cost.sh: the mock server did not start" >&2; exit 1; }

# run NAME TRACE(true|false) REQUEST_COUNT EXTRA... : runs the client; sets $cpu (CPU seconds) and $out.
run() {
  local name="$1" trace="$2" count="$3"; shift 3
  out="$work/$name"
  local TIMEFORMAT='%U %S %R'
  { time AIPERF_HTTP_TRACE="$trace" "$java" ${CLIENT_JAVA_OPTS:-} -jar "$jar" profile -m mock-model --url "$base_url" \
      --ui none "${streaming[@]}" --isl 32 --osl 64 --extra-inputs ignore_eos:true --random-seed 1 \
      --concurrency "$CONCURRENCY" --warmup-request-count "$WARMUP" --request-count "$count" \
      --artifact-dir "$out" "$@" >"$work/$name.log" 2>&1 ; } 2>"$work/$name.time" \
      || { echo "client run $name failed:" >&2; tail -20 "$work/$name.log" >&2; exit 1; }
  cpu=$(awk '{print $1 + $2}' "$work/$name.time")
}

# per_request MODE TRACE EXTRA... : CPU ms per request of one mode (long minus short run)
per_request() {
  local mode="$1" trace="$2"; shift 2
  run "$mode-short" "$trace" "$SHORT" "$@"; local short_cpu=$cpu
  run "$mode-long" "$trace" "$REQUESTS" "$@"; local long_cpu=$cpu
  if [ "$trace" = true ]; then
    grep -q '"http_req_waiting"' "$out/profile_export_aiperf.json" || { echo "no http_req_* in $mode" >&2; exit 1; }
  elif grep -q '"http_req_waiting"' "$out/profile_export_aiperf.json"; then
    echo "http_req_* although tracing is off in $mode" >&2; exit 1
  fi
  python3 -c "print(1000 * ($long_cpu - $short_cpu) / ($REQUESTS - $SHORT))"
}

printf '\n%s\n' "== HTTP trace cost ($(nproc) CPUs, $("$java" -version 2>&1 | head -1), mock $base_url --fast," \
    "${streaming[*]:-non-streaming} 64 tokens, concurrency $CONCURRENCY) =="
printf '%-6s %14s %14s %20s %12s %12s\n' round "off ms/req" "on ms/req" "on+export ms/req" "on vs off" "export vs off"
offs=(); ons=(); exports=()
for round in $(seq 1 "$ROUNDS"); do
  off=$(per_request off false)
  on=$(per_request on true)
  exported=$(per_request export true --export-http-trace)
  offs+=("$off"); ons+=("$on"); exports+=("$exported")
  printf '%-6s %14.4f %14.4f %20.4f %11.1f%% %11.1f%%\n' "$round" "$off" "$on" "$exported" \
      "$(python3 -c "print(100 * ($on - $off) / $off)")" "$(python3 -c "print(100 * ($exported - $off) / $off)")"
done
python3 - "${offs[*]}" "${ons[*]}" "${exports[*]}" <<'PY'
import statistics, sys
off, on, ex = ([float(x) for x in a.split()] for a in sys.argv[1:4])
m = statistics.median
print(f"median {m(off):14.4f} {m(on):14.4f} {m(ex):20.4f} {100 * (m(on) - m(off)) / m(off):11.1f}% "
      f"{100 * (m(ex) - m(off)) / m(off):11.1f}%")
PY
printf '   (client user+sys CPU of a %s-request run minus that of a %s-request run, both after %s warm-up requests,\n' \
    "$REQUESTS" "$SHORT" "$WARMUP"
printf '    per extra request; off: AIPERF_HTTP_TRACE=false, on: the default, export: --export-http-trace)\n'
