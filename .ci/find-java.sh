# Sourced by .ci/run, ./aiperf and bench scripts: exports JAVA_HOME pointing at a JDK 21 or newer.
# Order: an existing JAVA_HOME, then the usual install locations, then the `java` on PATH.
aiperf_java_major() {
  "$1/bin/java" -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -n 1
}
aiperf_find_java() {
  local candidate major
  for candidate in "${JAVA_HOME:-}" /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/temurin-25* \
      /usr/lib/jvm/java-25* /usr/lib/jvm/temurin-21* /usr/lib/jvm/java-21* /usr/lib/jvm/*25* /usr/lib/jvm/*21* \
      /opt/java/openjdk /Library/Java/JavaVirtualMachines/*/Contents/Home; do
    [ -n "$candidate" ] && [ -x "$candidate/bin/javac" ] || continue
    major=$(aiperf_java_major "$candidate")
    if [ -n "$major" ] && [ "$major" -ge 21 ]; then
      export JAVA_HOME="$candidate"; return 0
    fi
  done
  if command -v javac >/dev/null 2>&1; then
    candidate=$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")
    major=$(aiperf_java_major "$candidate")
    if [ -n "$major" ] && [ "$major" -ge 21 ]; then export JAVA_HOME="$candidate"; return 0; fi
  fi
  return 1
}
