#!/usr/bin/env bash
# CPU cost of the tokenizers (bench/tokenizers/TokenizerCost.java): per count of a ~150-token text, and per
# exact-length 128-token prompt, for tiktoken cl100k_base and the Qwen3 and Llama 3 tokenizer.json files
# the build fetches for the tests (.ci/fetch-test-tokenizers.sh).
#   bench/tokenizers.sh
set -euo pipefail
root="$(cd "$(dirname "$(readlink -f "$0")")/.." && pwd)"
. "$root/.ci/find-java.sh"
aiperf_find_java || { echo "bench/tokenizers.sh: needs a JDK 21+ (set JAVA_HOME)" >&2; exit 2; }
jar="${AIPERF_JAR:-$root/aiperf-cli/target/aiperf.jar}"
[ -f "$jar" ] || (cd "$root" && ./mvnw -B -q -ntp -DskipTests install >&2)
dir="$root/target/test-tokenizers"
bash "$root/.ci/fetch-test-tokenizers.sh" "$dir" >&2
"$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -cp "$jar" "$root/bench/tokenizers/TokenizerCost.java" \
    cl100k_base "$dir/qwen3" "$dir/llama3"
