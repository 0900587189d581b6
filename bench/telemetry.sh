#!/usr/bin/env bash
# Cost of server-metrics scraping and GPU telemetry to the client (issue 9): the real `aiperf profile` against
# `aiperf mock-server` in a separate JVM, streaming 64-token responses, with
#   off: --no-server-metrics --no-gpu-telemetry
#   on:  the default scraping of <url>/metrics (the mock's vLLM-style page, every 333 ms, json and csv files) plus
#        --gpu-telemetry on the mock's two DCGM pages (4 GPUs, every 333 ms); JSONL=1 adds the opt-in
#        server_metrics_export.jsonl
# and prints the client's CPU per request (process user+sys; start-up, warm-up and JIT removed by taking the
# difference of a long and a short run), off against on, runs alternating.
#
#   bench/telemetry.sh                                  # about 3 minutes on 2 cores
#   LONG=20000 SHORT=5000 ROUNDS=3 CONCURRENCY=64 bench/telemetry.sh
#   RATE=200 LONG=4000 SHORT=1000 bench/telemetry.sh    # at a fixed request rate: longer runs, more scrapes per request
set -euo pipefail
root="$(cd "$(dirname "$(readlink -f "$0")")/.." && pwd)"
. "$root/bench/harness.sh"
bench_init bench/telemetry.sh package -pl aiperf-cli -am

LONG="${LONG:-20000}"              # profiling requests of the long run
SHORT="${SHORT:-5000}"             # profiling requests of the short run
WARMUP="${WARMUP:-2000}"           # warm-up requests of every run
ROUNDS="${ROUNDS:-3}"              # off/on pairs
CONCURRENCY="${CONCURRENCY:-64}"
RATE="${RATE:-}"                   # a request rate instead of as fast as possible

start_mock --fast

# run MODE REQUESTS -> prints "cpu_seconds wall_seconds scrapes"
run() {
  local mode="$1" requests="$2" out="$work/$1-$2-$RANDOM"
  local extra=(--no-server-metrics --no-gpu-telemetry)
  if [ "$mode" = on ]; then
    extra=(--gpu-telemetry "$base_url/dcgm1/metrics" "$base_url/dcgm2/metrics")
    [ -n "${JSONL:-}" ] && extra+=(--server-metrics-formats json csv jsonl)
  fi
  local load=(--concurrency "$CONCURRENCY")
  [ -n "$RATE" ] && load+=(--request-rate "$RATE")
  local TIMEFORMAT='%U %S %R'
  { time "$java" -jar "$jar" profile -m mock-model --url "$base_url" --ui none --streaming --isl 32 --osl 64 \
      --extra-inputs ignore_eos:true --random-seed 1 --warmup-request-count "$WARMUP" --request-count "$requests" \
      "${load[@]}" --artifact-dir "$out" "${extra[@]}" >"$out.log" 2>&1 ; } 2>"$out.time" &
  local runner=$!
  # CPU of the telemetry threads themselves, from /proc while the client runs: the scraping thread, the HTTP
  # client's executor and selector threads (names cut to 15 characters by Linux). Polled; the last poll before a
  # thread ends is kept, so the figure is a lower bound by at most one poll interval of scraping.
  : >"$out.threads"
  while kill -0 "$runner" 2>/dev/null; do
    local pid
    pid=$(pgrep -f -- "--artifact-dir $out" | head -1 || true)
    if [ -n "$pid" ]; then
      for task in /proc/"$pid"/task/*; do
        local comm
        comm=$(cat "$task/comm" 2>/dev/null || true)
        case "$comm" in
          aiperf-telemetr*|aiperf-metrics-*|HttpClient-*)
            awk -v t="${task##*/}" '{print t, $14 + $15}' "$task/stat" 2>/dev/null >>"$out.threads" || true ;;
        esac
      done
    fi
    sleep 0.5
  done
  wait "$runner" || { echo "client run failed:" >&2; tail -20 "$out.log" >&2; exit 1; }
  local ticks
  ticks=$(awk '{last[$1] = $2} END {s = 0; for (t in last) s += last[t]; print s}' "$out.threads")
  local hz
  hz=$(getconf CLK_TCK)
  local scrapes=0
  [ -f "$out/server_metrics_export.json" ] && scrapes=$(python3 -c 'import json,sys
d=json.load(open(sys.argv[1]))["summary"]["endpoint_info"]; print(sum(v["total_fetches"] for v in d.values()))' \
      "$out/server_metrics_export.json")
  awk -v s="$scrapes" -v t="$ticks" -v hz="$hz" '{printf "%.3f %.3f %d %.2f\n", $1 + $2, $3, s, t / hz}' "$out.time"
}

printf '\n== telemetry cost (%s CPUs, %s), streaming 64 tokens, concurrency %s%s ==\n' "$(nproc)" \
  "$("$java" -version 2>&1 | head -1)" "$CONCURRENCY" "${RATE:+, rate $RATE/s}"
printf '%-5s %-4s %11s %11s %9s %8s %13s %13s %18s\n' round mode "cpu long s" "cpu short s" "wall long" \
  "/metrics" "telemetry s" "telemetry %" "CPU ms per request"
declare -a offs ons shares
for round in $(seq 1 "$ROUNDS"); do
  for mode in off on; do
    read -r cl wl sl tl < <(run "$mode" "$LONG")
    read -r cs _ _ _ < <(run "$mode" "$SHORT")
    per=$(awk -v a="$cl" -v b="$cs" -v n="$LONG" -v m="$SHORT" 'BEGIN {printf "%.4f", (a - b) * 1000 / (n - m)}')
    share=$(awk -v t="$tl" -v c="$cl" 'BEGIN {printf "%.2f", t * 100 / c}')
    printf '%-5s %-4s %11s %11s %9s %8s %13s %13s %18s\n' "$round" "$mode" "$cl" "$cs" "$wl" "$sl" "$tl" "$share" "$per"
    if [ "$mode" = off ]; then offs+=("$per"); else ons+=("$per"); shares+=("$share"); fi
  done
done
median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2}'; }
off=$(median "${offs[@]}")
on=$(median "${ons[@]}")
share=$(median "${shares[@]}")
awk -v off="$off" -v on="$on" -v share="$share" 'BEGIN {
  printf "\nmedian client CPU per request: off %.4f ms, on %.4f ms, difference %+.4f ms (%+.1f %% of the off cost)\n",
    off, on, on - off, (on - off) * 100 / off
  printf "median CPU of the telemetry threads in the long \"on\" runs: %.2f %% of the client process CPU\n", share }'
