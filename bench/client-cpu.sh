#!/usr/bin/env bash
# Client CPU per request, whole process and per thread, of one or more builds, runs interleaved:
#   bench/client-cpu.sh /tmp/before.jar aiperf-cli/target/aiperf.jar     # ROUNDS=2 by default
#   bench/client-cpu.sh "/tmp/b.jar::--io-engine nio" "/tmp/b.jar::--io-engine epoll"   # JAR::extra profile options
# For each round and jar: `aiperf mock-server --fast` in its own JVM, then `aiperf profile` (streaming chat,
# ISL 128, OSL 64, concurrency 64, WARMUP + REQUESTS requests); prints the client's user+sys CPU seconds, CPU ms
# per request (start-up, warm-up and JIT included), the load average, the CPU of its busiest threads (from
# /proc, sampled every 0.5 s) with their read/write system calls and voluntary context switches (sleeps: parks, waits), and the JIT compiler threads' part.
# Knobs: ROUNDS, REQUESTS (20000), WARMUP (5000), CONCURRENCY (64), MODE (--streaming, or "" for non-streaming), RATE (unset: as
# fast as the concurrency allows; else requests/s), TOP (busiest threads shown, 6),
# CLIENT_JAVA_OPTS (e.g. a JFR recording: -XX:StartFlightRecording=filename=run.jfr,settings=profile, then bench/jfr-summary.py run.jfr).
set -uo pipefail
root="$(cd "$(dirname "$(readlink -f "$0")")/.." && pwd)"
. "$root/.ci/find-java.sh"
aiperf_find_java || { echo "bench/client-cpu.sh: needs a JDK 21+ (set JAVA_HOME)" >&2; exit 2; }
java="$JAVA_HOME/bin/java"
[ $# -ge 1 ] || { echo "usage: bench/client-cpu.sh JAR [JAR...]" >&2; exit 2; }
ROUNDS="${ROUNDS:-2}"; REQUESTS="${REQUESTS:-20000}"; WARMUP="${WARMUP:-5000}"; CONCURRENCY="${CONCURRENCY:-64}"
MODE="${MODE---streaming}"; RATE="${RATE:-}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# User + sys CPU seconds of every child this shell has waited for, as of the last `times >"$work/times"` (bash's
# `times` must run in this shell, not in a $(...) subshell, which has no children of its own).
children_cpu() {
  sed -n 2p "$work/times" | awk '{split($1,u,"m"); split($2,s,"m"); sub("s","",u[2]); sub("s","",s[2]);
      print u[1]*60+u[2]+s[1]*60+s[2]}'
}

run() { # run JAR NAME [PROFILE_OPTIONS]
  local jar="$1" name="$2" extra="${3:-}" url="" spid cpid
  "$java" -jar "$jar" mock-server --port 0 --fast >"$work/server.log" 2>&1 &
  spid=$!
  for _ in $(seq 1 600); do
    url="$(sed -n 's/^Mock server listening on \(http:[^ ]*\)$/\1/p' "$work/server.log")"; [ -n "$url" ] && break; sleep 0.1
  done
  [ -n "$url" ] || { echo "the mock server did not start" >&2; kill "$spid"; return 1; }
  : >"$work/threads.raw"
  times >"$work/times"; local before; before=$(children_cpu)
  # shellcheck disable=SC2086
  "$java" ${CLIENT_JAVA_OPTS:-} -jar "$jar" profile -m mock-model --url "$url" --ui none --isl 128 --osl 64 \
      --extra-inputs ignore_eos:true --random-seed 1 $MODE --concurrency "$CONCURRENCY" ${RATE:+--request-rate "$RATE"} \
      --warmup-request-count "$WARMUP" --request-count "$REQUESTS" --artifact-dir "$work/$name" $extra >"$work/client.log" 2>&1 &
  cpid=$!
  while kill -0 "$cpid" 2>/dev/null; do
    for t in /proc/"$cpid"/task/*; do
      s=$(cat "$t/stat" 2>/dev/null) || continue; n=$(cat "$t/comm" 2>/dev/null) || continue
      io=$(awk '/syscr|syscw/{printf "%s ", $2}' "$t/io" 2>/dev/null) || true; [ -n "$io" ] || io="0 0"
      cs=$(awk '/^voluntary_ctxt_switches/{print $2}' "$t/status" 2>/dev/null) || true
      echo "$s" | awk -v n="$n" -v io="$io" -v cs="${cs:-0}" -v id="${t##*/}" '{sub(/^[^)]*\) /,""); print id, $12+$13, io, cs, n}'
    done >>"$work/threads.raw"
    sleep 0.5
  done
  wait "$cpid" || { echo "client run $name failed:" >&2; tail -25 "$work/client.log" >&2; }
  times >"$work/times"
  local spent; spent=$(awk -v a="$(children_cpu)" -v b="$before" 'BEGIN{printf "%.2f", a-b}')
  kill "$spid"; wait "$spid" 2>/dev/null
  printf '%-28s cpu %7.2f s  %.4f ms/request  load %s\n' "$name" "$spent" \
      "$(awk -v c="$spent" -v n=$((REQUESTS + WARMUP)) 'BEGIN{print 1000*c/n}')" "$(cut -d' ' -f1 /proc/loadavg)"
  awk '{id=$1; if ($2>=m[id]) m[id]=$2; if ($3>=r[id]) r[id]=$3; if ($4>=w[id]) w[id]=$4; if ($5>=v[id]) v[id]=$5
        $1=$2=$3=$4=$5=""; n[id]=$0}
       END{for (k in m) {name=n[k]; sub(/^ +/,"",name); sub(/[-#]?[0-9]+$/,"",name); c[name]+=m[k]; R[name]+=r[k]; W[name]+=w[k]; V[name]+=v[k]}
           for (k in c) printf "    %6.2f s  reads %7d  writes %7d  sleeps %7d  %s\n", c[k]/100, R[k], W[k], V[k], k}' "$work/threads.raw" \
      | sort -rn | head -${TOP:-6}
  # The compiler threads apart: on 2 cores C2 is still warming up after tens of thousands of requests
  # (bench/README.md, "JIT and the other threads"), so this part of a run's CPU is not a cost per request.
  awk -v total="$spent" -v n=$((REQUESTS + WARMUP)) '{id=$1; if ($2>=m[id]) m[id]=$2; $1=$2=$3=$4=$5=""; nm[id]=$0}
       END{for (k in m) if (nm[k] ~ /C[12] CompilerThre/) jit += m[k] / 100
           printf "    %6.2f s  JIT compiler threads (C1 + C2); the rest %.4f ms/request\n", jit, 1000 * (total - jit) / n}' \
      "$work/threads.raw"
}

for round in $(seq 1 "$ROUNDS"); do
  for spec in "$@"; do
    # JAR or JAR::PROFILE_OPTIONS (e.g. /tmp/b.jar::--io-engine nio): one build with different options, interleaved.
    jar="${spec%%::*}"; extra=""; [ "$spec" != "$jar" ] && extra="${spec#*::}"
    run "$jar" "r$round-$(basename "$jar" .jar)${extra:+-${extra//[ -]/}}" "$extra"
  done
done
