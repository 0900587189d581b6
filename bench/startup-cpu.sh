#!/usr/bin/env bash
# The client's fixed cost per run: CPU seconds (user + sys, whole process: start-up, JIT, one request, export) of
# a one-request `aiperf profile` of one or more builds, runs interleaved, against one `mock-server --fast`:
#   bench/startup-cpu.sh /tmp/before.jar aiperf-cli/target/aiperf.jar        # ROUNDS=5 by default
# Prints each run, then per build the median, mean and minimum; and `--version` once per build for scale.
# Each build first does one untimed run: the first run after a build hashes the fat jar for plugins_used.json
# and remembers the digest beside it (<jar>.sha256); later runs read it.
# Knobs: ROUNDS (5), ARGS (the profile options after --url; default streaming chat, ISL 128, OSL 64, 1 request),
# CLIENT_JAVA_OPTS (JVM options of the client).
set -uo pipefail
root="$(cd "$(dirname "$(readlink -f "$0")")/.." && pwd)"
. "$root/.ci/find-java.sh"
aiperf_find_java || { echo "bench/startup-cpu.sh: needs a JDK 21+ (set JAVA_HOME)" >&2; exit 2; }
java="$JAVA_HOME/bin/java"
[ $# -ge 1 ] || { echo "usage: bench/startup-cpu.sh JAR [JAR...]" >&2; exit 2; }
ROUNDS="${ROUNDS:-5}"
ARGS="${ARGS:---ui none --isl 128 --osl 64 --streaming --request-count 1}"
work="$(mktemp -d)"
spid=""
trap '[ -n "$spid" ] && kill "$spid" 2>/dev/null; rm -rf "$work"' EXIT

"$java" -jar "$1" mock-server --port 0 --fast >"$work/server.log" 2>&1 &
spid=$!
url=""
for _ in $(seq 1 600); do
  url="$(sed -n 's/^Mock server listening on \(http:[^ ]*\)$/\1/p' "$work/server.log")"; [ -n "$url" ] && break; sleep 0.1
done
[ -n "$url" ] || { echo "the mock server did not start" >&2; exit 1; }

# User + sys CPU seconds of every child this shell has waited for, as of the last `times >"$work/times"` (bash's
# `times` must run in this shell, not in a $(...) subshell, which has no children of its own).
children_cpu() {
  sed -n 2p "$work/times" | awk '{split($1,u,"m"); split($2,s,"m"); sub("s","",u[2]); sub("s","",s[2]);
      print u[1]*60+u[2]+s[1]*60+s[2]}'
}

cpu=""
client() { # client JAR: one run; its CPU seconds in $cpu
  local before
  times >"$work/times"; before=$(children_cpu)
  rm -rf "$work/run"
  # shellcheck disable=SC2086
  "$java" ${CLIENT_JAVA_OPTS:-} -jar "$1" profile -m mock-model --url "$url" $ARGS --artifact-dir "$work/run" \
      >"$work/client.log" 2>&1 || { echo "client run failed:" >&2; tail -5 "$work/client.log" >&2; }
  times >"$work/times"
  cpu=$(awk -v a="$(children_cpu)" -v b="$before" 'BEGIN{printf "%.2f", a-b}')
}

for jar in "$@"; do
  client "$jar"
  times >"$work/times"; before=$(children_cpu)
  "$java" -jar "$jar" --version >/dev/null 2>&1
  times >"$work/times"
  printf '%-32s --version  cpu %5.2f s\n' "$(basename "$jar")" "$(awk -v a="$(children_cpu)" -v b="$before" 'BEGIN{print a-b}')"
done
for round in $(seq 1 "$ROUNDS"); do
  for jar in "$@"; do
    client "$jar"
    echo "$jar $cpu" >>"$work/cpu"
    printf 'round %d  %-32s cpu %5.2f s  load %s\n' "$round" "$(basename "$jar")" "$cpu" "$(cut -d' ' -f1 /proc/loadavg)"
  done
done
for jar in "$@"; do
  awk -v j="$jar" '$1==j{print $2}' "$work/cpu" | sort -n | awk -v name="$(basename "$jar")" \
      '{v[NR]=$1; s+=$1} END{m=(NR%2)?v[(NR+1)/2]:(v[NR/2]+v[NR/2+1])/2;
        printf "%-32s one-request run: median %.2f s  mean %.2f s  min %.2f s  (%d runs)\n", name, m, s/NR, v[1], NR}'
done
