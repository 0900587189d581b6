#!/usr/bin/env bash
# Builds the example plugin (examples/my-plugin) against the installed aiperf-api/aiperf-testkit, runs
# its tests, installs its jar in a temporary plugins directory, and checks that the aiperf command line
# discovers it and validates its manifest. Needs the root installed first: ./mvnw install -DskipTests.
# Usage: examples/verify-example.sh   (exit 0 when every check passes)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
mvn_flags=(-B -ntp)
[ -n "${AIPERF_OFFLINE:-}" ] && mvn_flags+=(-o)

echo "== building examples/my-plugin"
./mvnw "${mvn_flags[@]}" -q -f examples/my-plugin/pom.xml verify
jar="$root/examples/my-plugin/target/aiperf-my-plugin-1.0.0.jar"
manifest="examples/my-plugin/src/main/resources/com/example/aiperf/plugins.yaml"
[ -f "$jar" ] || { echo "FAIL: $jar was not built" >&2; exit 1; }

plugins_dir="$(mktemp -d)"
trap 'rm -rf "$plugins_dir"' EXIT
cp "$jar" "$plugins_dir/"

echo "== aiperf plugins list-implementations endpoint --plugins-dir $plugins_dir"
listing="$(./aiperf plugins list-implementations endpoint --plugins-dir "$plugins_dir")"
echo "$listing"
if ! grep -Eq '^my_custom[[:space:]]+10[[:space:]]+aiperf-my-plugin[[:space:]]+com\.example\.aiperf\.MyCustomEndpoint' <<<"$listing"; then
  echo "FAIL: my_custom with priority 10 from aiperf-my-plugin is not listed" >&2
  exit 1
fi

echo "== aiperf plugins validate $manifest --classpath $jar"
if ! ./aiperf plugins validate "$manifest" --classpath "$jar" --plugins-dir "$plugins_dir"; then
  echo "FAIL: the example's manifest does not validate" >&2
  exit 1
fi

echo "== aiperf plugins validate $plugins_dir/$(basename "$jar")"
./aiperf plugins validate "$plugins_dir/$(basename "$jar")" --plugins-dir "$plugins_dir" \
  || { echo "FAIL: the installed jar does not validate" >&2; exit 1; }

echo "example plugin verified: built, tested, discovered (my_custom, priority 10) and validated"
