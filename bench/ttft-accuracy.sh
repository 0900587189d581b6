#!/usr/bin/env bash
# Issue 12's TTFT accuracy goal: how long after the mock's first-token send stamp the client stamped its arrival
# (`aiperf calibrate`'s "client error: TTFT"), against a zero-latency mock (`aiperf mock-server --fast`, its own JVM)
# at concurrency 64. The goal: p99 within 1 ms.
#   bench/ttft-accuracy.sh /tmp/before.jar aiperf-cli/target/aiperf.jar
# Every round runs each jar on each engine, interleaved, against one mock (MOCK_JAR, default the last jar) started
# once per round. Prints per run the client error of the first token and of every chunk (p50 / p99 / max, ms), the
# client's own verdict, and the load average.
# Knobs: ROUNDS (2), REQUESTS (20000), WARMUP (5000), CONCURRENCY (64), RATE (empty: as fast as the concurrency
# allows; e.g. RATE=1000 for an open-loop rate the box can sustain), ENGINES ("epoll nio": --io-engine values;
# "default" runs without the option, as a jar from before it had one), MOCK_JAR, CLIENT_JAVA_OPTS.
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
  if [ "$engine" != default ]; then
    grep -q -- "--io-engine" <<<"$help" || { echo "$(basename "$jar"): no --io-engine option, skipped"; return; }
    args+=(--io-engine "$engine")
  fi
  # shellcheck disable=SC2086
  "$java" ${CLIENT_JAVA_OPTS:-} -jar "$jar" calibrate "${args[@]}" >"$work/out.txt" 2>&1
  # The table's data row: concurrency, chunk p50 / p99 / max, TTFT p50 / p99 / max, then the rest.
  awk -v name="$(basename "$jar") $engine" -v load="$(cut -d' ' -f1 /proc/loadavg)" '
      $1 ~ /^[0-9]+$/ && NF > 8 {
        verdict = $0; sub(/.*(yes|no)/, "&", verdict); sub(/^ *[0-9]+ +([^ ]+ \/ [^ ]+ \/ [^ ]+ +){3}[^ ]+ +[^ ]+ \/ [^ ]+ \/ [^ ]+ +[^ ]+ +/, "", verdict)
        printf "%-34s TTFT error p50 %7s p99 %8s max %8s ms | chunk p99 %8s | load %s | %s\n", name, $6, $8, $10, $4, load, substr(verdict, 1, 110)
        found = 1
      }
      END { if (!found) printf "%-34s no result (see the output below)\n", name }' "$work/out.txt"
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
