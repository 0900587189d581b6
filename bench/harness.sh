# Sourced by the client benchmarks (after they set $root, the repository): what each of them runs in. A JDK 21+ and
# the distribution jar, a work folder removed on exit with the processes started here, the mock server in its own
# JVM, and client runs whose process CPU time is measured.

# bench_init SCRIPT MAVEN_ARGS... : sets $java (a JDK 21 or newer; exit 2 without one) and $jar (AIPERF_JAR, else
# the distribution, built with `./mvnw -B -q -ntp -DskipTests MAVEN_ARGS...` when missing), $work (a fresh folder)
# and a trap that stops the client and mock started here and removes $work on exit.
bench_init() {
  bench_script="$1"; shift
  . "$root/.ci/find-java.sh"
  aiperf_find_java || { echo "$bench_script: needs a JDK 21+ (set JAVA_HOME)" >&2; exit 2; }
  java="$JAVA_HOME/bin/java"
  jar="${AIPERF_JAR:-$root/aiperf-cli/target/aiperf.jar}"   # AIPERF_JAR: measure another build (e.g. a saved baseline)
  [ -f "$jar" ] || (cd "$root" && ./mvnw -B -q -ntp -DskipTests "$@" >&2)
  work="$(mktemp -d)"
  server_pid=""
  client_pid=""
  trap 'stop_processes; rm -rf "$work"' EXIT
}

# Stops the client and the mock server started here, if running, and waits for them.
stop_processes() {
  for pid in "$client_pid" "$server_pid"; do
    if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then kill -TERM "$pid"; wait "$pid" 2>/dev/null || true; fi
  done
  client_pid=""
  server_pid=""
}

# start_mock ARGS... : starts `aiperf mock-server --port 0 ARGS...` in its own JVM (log: $work/server.log) and sets
# $server_pid and $base_url once it listens; exit 1 with its log when it dies, or after 60 s without it listening.
start_mock() {
  : >"$work/server.log"   # there before the first read: the background JVM may not have opened it yet
  "$java" -jar "$jar" mock-server --port 0 "$@" >"$work/server.log" 2>&1 &
  server_pid=$!
  base_url=""
  for _ in $(seq 1 600); do
    base_url="$(sed -n 's/^Mock server listening on \(https\{0,1\}:[^ ]*\)$/\1/p' "$work/server.log")"
    [ -n "$base_url" ] && return 0
    kill -0 "$server_pid" 2>/dev/null || { cat "$work/server.log" >&2; exit 1; }
    sleep 0.1
  done
  echo "$bench_script: the mock server did not start" >&2; exit 1
}

stop_mock() { [ -n "$server_pid" ] && kill -TERM "$server_pid" && wait "$server_pid" 2>/dev/null || true; server_pid=""; }

# timed_profile NAME ARGS... : runs the client, `aiperf profile -m mock-model --url $base_url --ui none` with 64-token
# answers never cut short (ignore_eos), seed 1 and ARGS..., its artifacts in $out ($work/NAME) and its output in
# $work/NAME.log; sets $cpu to the client process's user + sys CPU seconds (the shell's `time` of its only child).
# The client's JVM takes CLIENT_JAVA_OPTS. Exits 1 with the end of the log when the run fails.
timed_profile() {
  local name="$1"; shift
  out="$work/$name"
  local TIMEFORMAT='%U %S %R'
  { time "$java" ${CLIENT_JAVA_OPTS:-} -jar "$jar" profile -m mock-model --url "$base_url" --ui none --osl 64 \
      --extra-inputs ignore_eos:true --random-seed 1 --artifact-dir "$out" "$@" >"$work/$name.log" 2>&1 ; } \
      2>"$work/$name.time" || { echo "client run $name failed:" >&2; tail -20 "$work/$name.log" >&2; exit 1; }
  cpu=$(awk '{print $1 + $2}' "$work/$name.time")
}

# short_then_long RUN NAME ARGS... : the client's CPU per request with start-up, warm-up and JIT cancelled out: runs
# `RUN NAME-short ARGS...` with $SHORT requests, then `RUN NAME ARGS...` with $REQUESTS, both after $WARMUP warm-up
# requests; sets $short_cpu and $cpu_ms_per_request (the CPU difference per extra request, ms), and leaves $cpu,
# $out and whatever else RUN sets as the long run's.
short_then_long() {
  local run="$1" name="$2"; shift 2
  "$run" "$name-short" "$@" --warmup-request-count "$WARMUP" --request-count "$SHORT"
  short_cpu=$cpu
  "$run" "$name" "$@" --warmup-request-count "$WARMUP" --request-count "$REQUESTS"
  cpu_ms_per_request=$(python3 -c "print(1000 * ($cpu - $short_cpu) / ($REQUESTS - $SHORT))")
}

# json FILE POINTER -> the value at that JSON pointer (python3 is on every Debian image; jq may not be).
json() { python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); v=d
for k in sys.argv[2].strip("/").split("/"): v=v[k]
print(v)' "$1" "$2"; }

# error_count SUMMARY -> the failed requests of a run (error_request_count in its profile_export_aiperf.json), 0 for none.
error_count() { python3 -c 'import json,sys; d=json.load(open(sys.argv[1]))
print(int(d.get("error_request_count",{}).get("avg",0)))' "$1"; }
