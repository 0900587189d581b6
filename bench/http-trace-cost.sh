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
. "$root/bench/harness.sh"
bench_init bench/http-trace-cost.sh package

REQUESTS="${REQUESTS:-12000}"        # profiling requests of the long run
SHORT="${SHORT:-2000}"               # profiling requests of the short run the CPU cost is taken against
WARMUP="${WARMUP:-2000}"             # warm-up requests before each run (JIT, connections)
ROUNDS="${ROUNDS:-3}"
CONCURRENCY="${CONCURRENCY:-64}"
streaming=(--streaming); [ "${STREAMING:-1}" = 0 ] && streaming=()

start_mock --fast

# run NAME TRACE(true|false) EXTRA... : runs the client; sets $cpu (CPU seconds) and $out.
run() {
  local name="$1" trace="$2"; shift 2
  AIPERF_HTTP_TRACE="$trace" timed_profile "$name" "${streaming[@]}" --isl 32 --concurrency "$CONCURRENCY" "$@"
}

# per_request MODE TRACE EXTRA... : CPU ms per request of one mode (long minus short run)
per_request() {
  local mode="$1" trace="$2"; shift 2
  short_then_long run "$mode" "$trace" "$@"
  if [ "$trace" = true ]; then
    grep -q '"http_req_waiting"' "$out/profile_export_aiperf.json" || { echo "no http_req_* in $mode" >&2; exit 1; }
  elif grep -q '"http_req_waiting"' "$out/profile_export_aiperf.json"; then
    echo "http_req_* although tracing is off in $mode" >&2; exit 1
  fi
  echo "$cpu_ms_per_request"
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
