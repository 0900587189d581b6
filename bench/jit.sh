#!/usr/bin/env bash
# What the JIT does while the client runs, by run length: C2 and C1 compiler-thread CPU next to the client's other
# busy threads, C2 (tier 4) compilations, methods C2 compiled more than once, and compiled code thrown away by an
# uncommon trap (a deoptimisation: a type profile or branch that changed after compiling). Issue 12 asked why the C2
# thread's CPU grows with the run's length; this prints what a reader needs to answer it for any build:
#   bench/jit.sh /tmp/before.jar aiperf-cli/target/aiperf.jar       # LENGTHS="10000 35000", runs interleaved
# Each run: `aiperf mock-server --fast` in its own JVM, then `aiperf profile` (streaming chat, ISL 128, OSL 64,
# concurrency 64, WARMUP + LENGTH requests) with -XX:+PrintCompilation (diagnostic output only: it does not change
# what is compiled). Knobs: LENGTHS, WARMUP (5000), ROUNDS (1), CONCURRENCY (64), MODE (--streaming, or "" for
# non-streaming), TOP (5: the methods C2 compiled most often). CPU from /proc, sampled every 0.5 s.
set -uo pipefail
root="$(cd "$(dirname "$(readlink -f "$0")")/.." && pwd)"
. "$root/.ci/find-java.sh"
aiperf_find_java || { echo "bench/jit.sh: needs a JDK 21+ (set JAVA_HOME)" >&2; exit 2; }
java="$JAVA_HOME/bin/java"
[ $# -ge 1 ] || { echo "usage: bench/jit.sh JAR [JAR...]" >&2; exit 2; }
LENGTHS="${LENGTHS:-10000 35000}"; WARMUP="${WARMUP:-5000}"; ROUNDS="${ROUNDS:-1}"; CONCURRENCY="${CONCURRENCY:-64}"
MODE="${MODE---streaming}"; TOP="${TOP:-5}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

run() { # run JAR LENGTH NAME
  local jar="$1" length="$2" name="$3" url="" spid cpid
  "$java" -jar "$jar" mock-server --port 0 --fast >"$work/server.log" 2>&1 &
  spid=$!
  for _ in $(seq 1 600); do
    url="$(sed -n 's/^Mock server listening on \(http:[^ ]*\)$/\1/p' "$work/server.log")"; [ -n "$url" ] && break; sleep 0.1
  done
  [ -n "$url" ] || { echo "the mock server did not start" >&2; kill "$spid"; return 1; }
  : >"$work/threads.raw"
  # shellcheck disable=SC2086
  "$java" -XX:+UnlockDiagnosticVMOptions -XX:+PrintCompilation -jar "$jar" profile -m mock-model --url "$url" \
      --ui none --isl 128 --osl 64 --extra-inputs ignore_eos:true --random-seed 1 $MODE --concurrency "$CONCURRENCY" \
      --warmup-request-count "$WARMUP" --request-count "$length" --artifact-dir "$work/$name" >"$work/client.log" 2>&1 &
  cpid=$!
  while kill -0 "$cpid" 2>/dev/null; do
    for t in /proc/"$cpid"/task/*; do
      s=$(cat "$t/stat" 2>/dev/null) || continue; n=$(cat "$t/comm" 2>/dev/null) || continue
      echo "$s" | awk -v n="$n" -v id="${t##*/}" '{sub(/^[^)]*\) /,""); print id, $12+$13, n}'
    done >>"$work/threads.raw"
    sleep 0.5
  done
  wait "$cpid" || { echo "client run $name failed:" >&2; tail -5 "$work/client.log" >&2; }
  kill "$spid"; wait "$spid" 2>/dev/null
  # Per thread name (numbers stripped): the highest CPU seen, in seconds.
  awk '{id=$1; if ($2>=m[id]) m[id]=$2; $1=$2=""; n[id]=$0}
       END{for (k in m) {name=n[k]; sub(/^ +/,"",name); sub(/[-#]?[0-9]+$/,"",name); c[name]+=m[k]}
           for (k in c) printf "%.2f %s\n", c[k]/100, k}' "$work/threads.raw" >"$work/threads"
  # PrintCompilation lines: "<ms> <id> <flags> <tier> <class::method> (<size> bytes)[ @ osr-bci][ made not entrant: why]".
  awk -v top="$TOP" -v name="$name" -v load="$(cut -d' ' -f1 /proc/loadavg)" -v threads="$work/threads" '
    /::/ && $1 ~ /^[0-9]+$/ && $2 ~ /^[0-9]+$/ {
      tier = ""; method = ""
      for (i = 3; i <= NF; i++) {
        if (tier == "" && $i ~ /^[0-4]$/) tier = $i
        if ($i ~ /::/) { method = $i; size = $(i + 1); sub(/^\(/, "", size); break }
      }
      osr = $0 ~ / @ [0-9]+ /
      if (tier != "4") next
      if ($0 ~ /made not entrant/) { if ($0 ~ /uncommon trap/) traps++; next }
      if (osr) { osrs++; next }
      c2++; seen[method "(" size ")"]++   # the bytecode size tells overloads apart
    }
    END {
      while ((getline line < threads) > 0) {
        split(line, f, " "); cpu = f[1]; sub(/^[^ ]+ /, "", line)
        total += cpu
        if (line ~ /^C2 Compiler/) c2cpu += cpu; else if (line ~ /^C1 Compiler/) c1cpu += cpu
        else if (line ~ /^aiperf-http/) http += cpu; else if (line ~ /^aiperf-records/) records += cpu
        else if (line == "java") main += cpu; else if (line ~ /^(GC|G1)/) gc += cpu
      }
      for (m in seen) if (seen[m] > 1) { again += seen[m] - 1; methods++ }
      printf "%-26s load %-5s threads %6.2f s: C2 %5.2f  C1 %5.2f  event loop %5.2f  records %5.2f  main %5.2f  GC %4.2f\n",
          name, load, total, c2cpu, c1cpu, http, records, main, gc
      printf "%-26s C2 compilations %5d (+%d OSR), of which %d again (%d methods); tier-4 code dropped by uncommon traps %d\n",
          "", c2, osrs, again, methods, traps
      for (m in seen) if (seen[m] > 1) print seen[m], m > (threads ".again")
    }' "$work/client.log"
  [ -f "$work/threads.again" ] && sort -rn "$work/threads.again" | head -n "$TOP" | awk '{printf "%-26s   %dx %s\n", "", $1, $2}'
  rm -f "$work/threads.again"
}

for round in $(seq 1 "$ROUNDS"); do
  for length in $LENGTHS; do
    for jar in "$@"; do
      run "$jar" "$length" "r$round-$length-$(basename "$jar" .jar)"
    done
  done
done
