#!/usr/bin/env bash
# crosswatch launcher: builds app/target/crosswatch.jar when it is missing or older than any
# source or pom, then runs it with the caller's arguments and working directory.
set -euo pipefail

self="${BASH_SOURCE[0]}"
if command -v readlink >/dev/null 2>&1 && readlink -f "$self" >/dev/null 2>&1; then
  self="$(readlink -f "$self")"
fi
root="$(cd "$(dirname "$self")" && pwd -P)"
jar="$root/app/target/crosswatch.jar"

# Prints the first source file or pom newer than the jar (nothing when the jar is fresh).
stale() {
  [[ -f "$jar" ]] || { echo "$jar"; return; }
  find "$root" \( -name target -o -name .git -o -name node_modules \) -prune -o \
    -type f \( -path '*/src/*' -o -name pom.xml \) -newer "$jar" -print -quit
}

build() {
  local log status
  log="$(mktemp "${TMPDIR:-/tmp}/cw-build.XXXXXX")"
  status=0
  (cd "$root" && mvn -q -B -DskipTests package) >"$log" 2>&1 || status=$?
  if [[ $status -ne 0 ]]; then
    echo "cw: building crosswatch failed (mvn exit $status):" >&2
    cat "$log" >&2
    rm -f "$log"
    exit 1
  fi
  rm -f "$log"
  touch "$jar"
}

if [[ -n "$(stale)" ]]; then
  if command -v flock >/dev/null 2>&1; then
    mkdir -p "$root/app/target"
    exec 9>"$root/app/target/.cw-build.lock"
    flock 9
    # Another launcher may have built it while this one waited.
    [[ -z "$(stale)" ]] || build
    exec 9>&-
  else
    build
  fi
fi

java_bin="java"
if [[ -n "${JAVA_HOME:-}" && -x "$JAVA_HOME/bin/java" ]]; then
  java_bin="$JAVA_HOME/bin/java"
fi
# A sync run is short and mostly I/O and parsing: the quick JIT tier and the serial collector
# halve its CPU time and memory on small boxes. CW_JAVA_OPTS replaces these defaults.
exec "$java_bin" ${CW_JAVA_OPTS:--XX:TieredStopAtLevel=1 -XX:+UseSerialGC} -jar "$jar" "$@"
