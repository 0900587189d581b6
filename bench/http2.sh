#!/usr/bin/env bash
# HTTP/1.1 against HTTP/2: runs the real `aiperf profile` with --transport http and --transport http2 against one
# `aiperf mock-server` in --fast mode (a separate JVM; its port speaks HTTP/1.1 and h2c) and prints, per transport
# and concurrency, the sustained requests/s and the client's CPU per request (user+sys of the client process,
# start-up, warm-up and JIT subtracted by taking the difference of a long and a short run with the same warm-up),
# plus how many connections the client opened. Streaming chat, 64 output tokens.
#
#   bench/http2.sh                                   # 2 transports x concurrency 64 and 512 (about 2 minutes on 2 cores)
#   REQUESTS=40000 SHORT=10000 ROUNDS=3 bench/http2.sh
#   TLS=1 bench/http2.sh                             # https (ALPN http/1.1) against h2 (ALPN h2), self-signed mock
set -euo pipefail
root="$(cd "$(dirname "$(readlink -f "$0")")/.." && pwd)"
. "$root/bench/harness.sh"
bench_init bench/http2.sh install

REQUESTS="${REQUESTS:-20000}"        # profiling requests of the long run
SHORT="${SHORT:-5000}"               # profiling requests of the short run the CPU cost is taken against
WARMUP="${WARMUP:-5000}"             # warm-up requests before each run (JIT, connections)
ROUNDS="${ROUNDS:-1}"                # alternating rounds; the table shows every round
CONCURRENCY="${CONCURRENCY:-64 512}"

tls_flag=(); [ "${TLS:-0}" = 1 ] && tls_flag=(--tls)
start_mock --fast "${tls_flag[@]}"
export AIPERF_HTTP_SSL_VERIFY=false   # the --tls mock's certificate is self-signed

# CPU seconds the mock server has used so far (user + sys, from /proc).
server_cpu() { awk -v hz="$(getconf CLK_TCK)" '{print ($14 + $15) / hz}' "/proc/$server_pid/stat"; }

# profile NAME TRANSPORT ARGS... : runs the client; sets $cpu (CPU seconds) and $out (artifact dir).
profile() {
  local name="$1" transport="$2"; shift 2
  local server_before; server_before=$(server_cpu)
  timed_profile "$name" --transport "$transport" --streaming --isl 32 "$@"
  server=$(python3 -c "print($(server_cpu) - $server_before)")
}

printf '\n%s\n' "== http vs http2 ($(nproc) CPUs, $("$java" -version 2>&1 | head -1), mock $base_url --fast) =="
printf '%-6s %-7s %5s %12s %16s %16s %8s %12s\n' round transport conc "requests/s" "CPU ms/request" \
    "mock ms/request" errors connections
for round in $(seq 1 "$ROUNDS"); do
  for c in $CONCURRENCY; do
    for transport in http http2; do
      short_then_long profile "$transport-$c" "$transport" --concurrency "$c"
      rps=$(json "$out/profile_export_aiperf.json" /request_throughput/avg)
      errors=$(error_count "$out/profile_export_aiperf.json")
      server_per_request=$(python3 -c "print(1000 * $server / ($WARMUP + $REQUESTS))")
      connections=$(sed -n 's/^Pre-opened \([0-9]*\) connection.*/\1/p' "$work/$transport-$c.log" | head -1)
      printf '%-6s %-7s %5s %12.0f %16.3f %16.3f %8s %12s\n' "$round" "$transport" "$c" "$rps" "$cpu_ms_per_request" \
          "$server_per_request" "$errors" "${connections:-?}"
    done
  done
done
printf '   (CPU ms/request: client user+sys CPU of the run minus that of a %s-request run with the same %s-request\n' "$SHORT" "$WARMUP"
printf '    warm-up, per extra request; mock ms/request: the mock server process'"'"'s CPU during the long run per request\n'
printf '    (warm-up included); connections: what --preconnect opened before the run)\n'

