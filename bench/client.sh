#!/usr/bin/env bash
# Proof of speed of the aiperf client: runs the real `aiperf profile` against `aiperf mock-server` in a
# separate JVM (so the client's CPU is measured alone) and prints
#   1. maximum sustained requests/s, non-streaming and streaming (64-token responses), at concurrency 64 and 512,
#      with the rate wrk reaches on the same mock for the non-streaming case as the reference ratio;
#   2. client CPU seconds per 1,000 requests (process user+sys; start-up, warm-up and JIT subtracted by
#      taking the difference of a long and a short run);
#   3. measured minus injected TTFT (p50, p99) with the mock at TTFT 20 ms, ITL 5 ms, concurrency 1,000;
#   4. client heap (used after a full GC) and RSS while 10,000 streams are open at once.
#
#   bench/client.sh                       # everything (about 4 minutes on 2 cores)
#   REQUESTS=20000 SHORT=5000 WARMUP=5000 DURATION=5s bench/client.sh
#   AIPERF_JAR=/tmp/before.jar bench/client.sh   # the same measurement of another build (client and mock)
#   ISL=128 SCENARIOS="streaming:64 streaming:512 non-streaming:64" PARTS=throughput bench/client.sh
#                                         # issue 12's table only
#
# Needs wrk (apt-get install -y wrk) for the reference figures; builds the distribution when it is missing.
set -euo pipefail
root="$(cd "$(dirname "$(readlink -f "$0")")/.." && pwd)"
. "$root/bench/harness.sh"
bench_init bench/client.sh install

REQUESTS="${REQUESTS:-40000}"        # profiling requests of a throughput run
SHORT="${SHORT:-10000}"              # profiling requests of the shorter run the CPU cost is taken against
WARMUP="${WARMUP:-10000}"            # warm-up requests before each throughput run (JIT, connections)
DURATION="${DURATION:-10s}"          # per wrk run
STREAMS="${STREAMS:-10000}"          # concurrent streams for the heap figure
ISL="${ISL:-32}"                     # prompt tokens of every request
SCENARIOS="${SCENARIOS:-non-streaming:64 non-streaming:512 streaming:64 streaming:512}"   # mode:concurrency
PARTS="${PARTS:-throughput ttft memory}"   # which of the sections below to run
# profile NAME ARGS... : runs the client with ISL-token prompts; sets $cpu (CPU seconds) and $out (artifact dir).
profile() {
  local name="$1"; shift
  timed_profile "$name" --isl "$ISL" "$@"
}

printf '\n%s\n' "== aiperf client benchmark ($(nproc) CPUs, $("$java" -version 2>&1 | head -1)) =="

# ---- 1 + 2: throughput and CPU per request, mock in fast mode (all latencies 0) --------------------------------
if [[ " $PARTS " == *" throughput "* ]]; then
start_mock --fast
rows=()
for scenario in $SCENARIOS; do
    mode="${scenario%%:*}"
    c="${scenario##*:}"
    stream_flag=(); [ "$mode" = streaming ] && stream_flag=(--streaming)
    # Two runs with the same warm-up (JIT compiled, connections open); the CPU difference is the
    # marginal cost of the extra requests, the longer run's profiling phase the sustained rate.
    short_then_long profile "$mode-$c" "${stream_flag[@]}" --concurrency "$c"
    rps=$(json "$out/profile_export_aiperf.json" /request_throughput/avg)
    errors=$(error_count "$out/profile_export_aiperf.json")
    whole=$(python3 -c "print($cpu / (($WARMUP + $REQUESTS) / 1000))")
    rows+=("$(printf '%-14s %6s %12.0f %12.3f %12.3f %8s' "$mode" "$c" "$rps" "$cpu_ms_per_request" "$whole" "$errors")")
done
lua="$work/chat.lua"
cat >"$lua" <<'EOF'
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"model":"mock-model","max_completion_tokens":64,"ignore_eos":true,"messages":[{"role":"user","name":"text","content":"Shall I compare thee to a summer day? Thou art more lovely and more temperate, rough winds do shake the darling buds."}]}'
EOF
wrk_rows=()
if command -v wrk >/dev/null 2>&1; then
  for c in $(printf '%s\n' $SCENARIOS | sed -n 's/^non-streaming://p'); do
    wrk_rps=$(wrk -t 2 -c "$c" -d "$DURATION" -s "$lua" "$base_url/v1/chat/completions" | awk '/Requests\/sec/ {print $2}')
    wrk_rows+=("$c $wrk_rps")
  done
fi
stop_mock

printf '\n%s\n' "1-2. Sustained throughput against the mock in --fast mode ($WARMUP warm-up + $REQUESTS requests, ISL $ISL, OSL 64)"
printf '%-14s %6s %12s %12s %12s %8s\n' mode conc "requests/s" "CPU s/1000" "whole s/1000" errors
printf '%s\n' "${rows[@]}"
printf '   (CPU s/1000 = ms per request: client user+sys CPU of the run minus that of a %s-request run with the same warm-up,\n    per 1,000; whole s/1000: all CPU of the longer run, start-up included, per request sent)\n' "$SHORT"
if [ "${#wrk_rows[@]}" -gt 0 ]; then
  for row in "${wrk_rows[@]}"; do
    set -- $row
    ours=$(printf '%s\n' "${rows[@]}" | awk -v c="$1" '$1=="non-streaming" && $2==c {print $3}')
    printf '   wrk, non-streaming, %4s connections: %10.0f requests/s  -> aiperf reaches %.0f%% of it\n' \
        "$1" "$2" "$(python3 -c "print(100 * $ours / $2)")"
  done
else
  echo "   (wrk not installed: apt-get install -y wrk for the reference figures)"
fi
fi

# ---- 3: TTFT accuracy at concurrency 1,000 ----------------------------------------------------------------------
if [[ " $PARTS " == *" ttft "* ]]; then
start_mock --ttft 20 --itl 5
printf '\n%s\n' "3. TTFT accuracy: mock TTFT 20 ms / ITL 5 ms, streaming 64 tokens, 10 requests per stream slot (+1 warm-up)"
for c in ${TTFT_CONCURRENCY:-100 1000}; do
  profile "ttft-$c" --streaming --concurrency "$c" --request-count $((c * 10)) --warmup-request-count "$c"
  p50=$(json "$out/profile_export_aiperf.json" /time_to_first_token/p50)
  p99=$(json "$out/profile_export_aiperf.json" /time_to_first_token/p99)
  itl=$(json "$out/profile_export_aiperf.json" /inter_token_latency/avg)
  printf '   concurrency %5s: measured - injected TTFT p50 %+8.2f ms, p99 %+8.2f ms   (ITL avg %.2f ms vs 5 injected)\n' \
      "$c" "$(python3 -c "print($p50 - 20)")" "$(python3 -c "print($p99 - 20)")" "$itl"
done
stop_mock
fi

# ---- 4: memory with 10,000 concurrent streams --------------------------------------------------------------------
if [[ " $PARTS " == *" memory "* ]]; then
start_mock --ttft 20 --itl 50
port="${base_url##*:}"
export AIPERF_HTTP_CONNECTION_LIMIT=$((STREAMS + 100))
"$java" ${CLIENT_JAVA_OPTS:-} -jar "$jar" profile -m mock-model --url "$base_url" --ui none --streaming --isl 32 \
    --osl 600 --extra-inputs ignore_eos:true --concurrency "$STREAMS" --request-count "$STREAMS" \
    --artifact-dir "$work/heap" >"$work/heap.log" 2>&1 &
client_pid=$!
open=0
for _ in $(seq 1 600); do
  open=$(ss -Htn state established "( dport = :$port )" 2>/dev/null | wc -l)
  [ "$open" -ge "$STREAMS" ] && break
  kill -0 "$client_pid" 2>/dev/null || break
  sleep 0.1
done
sleep 2
jcmd "$client_pid" GC.run >/dev/null
heap_kb=$(jcmd "$client_pid" GC.heap_info | awk '/used/ {for (i=1;i<=NF;i++) if ($i=="used") {print $(i+1); exit}}' | tr -d 'K')
rss_kb=$(awk '/VmRSS/ {print $2}' "/proc/$client_pid/status")
open=$(ss -Htn state established "( dport = :$port )" 2>/dev/null | wc -l)
kill -INT "$client_pid"; wait "$client_pid" 2>/dev/null || true; client_pid=""
stop_mock
printf '\n%s\n' "4. Memory with $open streams open at once (mock ITL 50 ms, 600 tokens each)"
printf '   client heap used after full GC: %.1f MB (%.1f KB per stream); process RSS %.1f MB\n' \
    "$(python3 -c "print($heap_kb / 1024)")" "$(python3 -c "print($heap_kb / max(1, $open))")" \
    "$(python3 -c "print($rss_kb / 1024)")"
fi
