#!/usr/bin/env bash
# Issue 12's TTFT accuracy goal: how long after the mock's first-token send stamp the client stamped its arrival
# (`aiperf calibrate`'s "client error: TTFT"), against a zero-latency mock (`aiperf mock-server --fast`, its own JVM)
# at concurrency 64. The goal: p99 within 1 ms.
#   bench/ttft-accuracy.sh /tmp/before.jar aiperf-cli/target/aiperf.jar
# Every round runs each jar on each engine, interleaved, against one mock (MOCK_JAR, default the last jar) started
# once per round. Prints per run the client error of the first token and of every chunk (p50 / p99 / max, ms), the
# client's own verdict, the load average, and how long the client's event-loop threads (aiperf-http-*) waited on the
# run queue for a CPU (/proc/<pid>/task/<tid>/schedstat, whole run, warm-up included): time the loop was ready to
# read but not running, which no engine or handler change can remove.
# Knobs: ROUNDS (2), REQUESTS (20000), WARMUP (5000), CONCURRENCY (64), RATE (empty: as fast as the concurrency
# allows; e.g. RATE=1000 for an open-loop rate the box can sustain), ENGINES ("epoll nio": --io-engine values;
# "default" runs without the option; a jar from before the option runs once, on NIO), MOCK_JAR, CLIENT_JAVA_OPTS.
set -uo pipefail
root="$(cd "$(dirname "$(readlink -f "$0")")/.." && pwd)"
. "$root/.ci/find-java.sh"
aiperf_find_java || { echo "bench/ttft-accuracy.sh: needs a JDK 21+ (set JAVA_HOME)" >&2; exit 2; }
java="$JAVA_HOME/bin/java"
[ $# -ge 1 ] || { echo "usage: bench/ttft-accuracy.sh JAR [JAR...]" >&2; exit 2; }
ROUNDS="${ROUNDS:-2}"; REQUESTS="${REQUESTS:-20000}"; WARMUP="${WARMUP:-5000}"; CONCURRENCY="${CONCURRENCY:-64}"
RATE="${RATE:-}"; ENGINES="${ENGINES:-epoll nio}"; MOCK_JAR="${MOCK_JAR:-${!#}}"
work="$(mktemp -d)"
spid=""
trap '[ -n "$spid" ] && kill "$spid" 2>/dev/null; rm -rf "$work"' EXIT

start_mock() {
  "$java" -jar "$MOCK_JAR" mock-server --port 0 --fast >"$work/server.log" 2>&1 &
  spid=$!
  url=""
  for _ in $(seq 1 600); do
    url="$(sed -n 's/^Mock server listening on \(http:[^ ]*\)$/\1/p' "$work/server.log")"; [ -n "$url" ] && break; sleep 0.1
  done
  [ -n "$url" ] || { echo "the mock server did not start" >&2; exit 1; }
}

calibrate() { # calibrate JAR ENGINE
  local jar="$1" engine="$2" help args
  help="$("$java" -jar "$jar" calibrate --help 2>&1)"
  args=(--url "$url" --concurrency "$CONCURRENCY" --ttft 0 --itl 0 --request-count "$REQUESTS")
  [ -n "$RATE" ] && args+=(--request-rate "$RATE")
  if grep -q -- "--warmup-request-count" <<<"$help"; then
    args+=(--warmup-request-count "$WARMUP")
  fi
  if ! grep -q -- "--io-engine" <<<"$help"; then
    # A build from before the option: NIO only, run once (for the first engine of the list).
    [ "$engine" = "${ENGINES%% *}" ] || return 0
    engine="nio(only)"
  elif [ "$engine" != default ]; then
    args+=(--io-engine "$engine")
  fi
  # shellcheck disable=SC2086
  "$java" ${CLIENT_JAVA_OPTS:-} -jar "$jar" calibrate "${args[@]}" >"$work/out.txt" 2>&1 &
  local cpid=$!
  : >"$work/sched.raw"
  while kill -0 "$cpid" 2>/dev/null; do
    for t in /proc/"$cpid"/task/*; do
      n=$(cat "$t/comm" 2>/dev/null) || continue
      case "$n" in aiperf-http*) echo "${t##*/} $(cat "$t/schedstat" 2>/dev/null)" >>"$work/sched.raw" ;; esac
    done
    sleep 0.5
  done
  wait "$cpid"
  # The table's data row: concurrency, chunk p50 / p99 / max, TTFT p50 / p99 / max, ..., the verdict ("yes" or "no: ...").
  awk -v name="$(basename "$jar") $engine" -v load="$(cut -d' ' -f1 /proc/loadavg)" '
      $1 ~ /^[0-9]+$/ && $3 == "/" && $8 == "/" {
        verdict = $0; i = index(verdict, " no"); if (i == 0) i = index(verdict, " yes"); verdict = substr(verdict, i + 1)
        printf "%-26s TTFT error p50 %7s p99 %8s max %8s ms | chunk p99 %8s | load %s\n    %s\n", name, $7, $9, $11, $4, load, substr(verdict, 1, 150)
        found = 1
      }
      END { if (!found) printf "%-26s no result (see the output below)\n", name }' "$work/out.txt"
  # schedstat: CPU ns, run-queue wait ns, time slices; cumulative, so the last sample of each thread counts.
  awk 'NF == 4 {cpu[$1] = $2; wait[$1] = $3; slices[$1] = $4}
       END {for (t in cpu) {c += cpu[t]; w += wait[t]; s += slices[t]}
            if (s > 0) printf "    event loops: cpu %.2f s, run-queue wait %.2f s over %d wake-ups (%.0f us each)\n", c / 1e9, w / 1e9, s, w / s / 1e3}' \
      "$work/sched.raw"
  grep -q "^ *[0-9]\+ .* / " "$work/out.txt" || tail -5 "$work/out.txt"
}

for round in $(seq 1 "$ROUNDS"); do
  start_mock
  echo "round $round: mock $(basename "$MOCK_JAR") at $url; c $CONCURRENCY, ${RATE:-max} req/s, $REQUESTS requests after $WARMUP warm-up"
  for jar in "$@"; do
    for engine in $ENGINES; do
      calibrate "$jar" "$engine"
    done
  done
  kill "$spid"; wait "$spid" 2>/dev/null; spid=""
done
