#!/usr/bin/env bash
# Builds aiperf-bench (Maven profile "bench") and runs the plugin-registry benchmarks:
# cold discovery in fresh JVMs, then JMH (discovery, cached getClass, validateAll over 2,000 entries).
# Extra arguments go to JMH, e.g.: bench/plugin-registry.sh -prof gc
set -euo pipefail
cd "$(dirname "$0")/.."

. .ci/find-java.sh
aiperf_find_java || { echo "plugin-registry.sh: no JDK 21+ found; set JAVA_HOME" >&2; exit 1; }
JAVA="$JAVA_HOME/bin/java"

./mvnw -B -q -ntp -Pbench package -DskipTests -pl aiperf-bench -am
JAR=aiperf-bench/target/benchmarks.jar

echo "== Cold start (fresh JVM each)"
"$JAVA" -cp "$JAR" dev.aiperf.bench.ColdDiscovery builtin
"$JAVA" -cp "$JAR" dev.aiperf.bench.ColdDiscovery jars

echo "== JMH"
"$JAVA" -jar "$JAR" PluginRegistryBenchmark -wi 3 -i 5 -f 1 -w 1s -r 1s "$@"
