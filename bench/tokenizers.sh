#!/usr/bin/env bash
# CPU cost of the tokenizers (bench/tokenizers/TokenizerCost.java): per count of a ~150-token text, and per
# exact-length 128-token prompt, for tiktoken cl100k_base and the Qwen3 and Llama 3 tokenizer.json files
# the build fetches for the tests (.ci/fetch-test-tokenizers.sh).
#   bench/tokenizers.sh
set -euo pipefail
root="$(cd "$(dirname "$(readlink -f "$0")")/.." && pwd)"
. "$root/bench/harness.sh"
bench_init bench/tokenizers.sh install
dir="$root/target/test-tokenizers"
bash "$root/.ci/fetch-test-tokenizers.sh" "$dir" >&2
"$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -cp "$jar" "$root/bench/tokenizers/TokenizerCost.java" \
    cl100k_base "$dir/qwen3" "$dir/llama3"
