#!/usr/bin/env bash
# crosswatch launcher: builds app/target/crosswatch.jar when it is missing or older than any
# source or pom (with mvn when installed, else with the Maven Wrapper ./mvnw, which fetches Maven
# from Maven Central on first use), then runs it with the caller's arguments and working directory.
# Java 17 or newer is the only thing a machine needs.
set -euo pipefail

self="${BASH_SOURCE[0]}"
if command -v readlink >/dev/null 2>&1 && readlink -f "$self" >/dev/null 2>&1; then
  self="$(readlink -f "$self")"
fi
root="$(cd "$(dirname "$self")" && pwd -P)"
jar="$root/app/target/crosswatch.jar"

java_bin="java"
if [[ -n "${JAVA_HOME:-}" && -x "$JAVA_HOME/bin/java" ]]; then
  java_bin="$JAVA_HOME/bin/java"
fi

# Stops with what to install when there is no Java to build and run with.
need_java() {
  if ! command -v "$java_bin" >/dev/null 2>&1; then
    echo "cw: Java 17 or newer is needed, and no 'java' was found (nor \$JAVA_HOME/bin/java)." >&2
    echo "cw: install a JDK, e.g. on Debian or Ubuntu: sudo apt-get install openjdk-17-jdk-headless" >&2
    echo "cw: (Fedora: sudo dnf install java-17-openjdk-devel; macOS: brew install openjdk@17)" >&2
    exit 1
  fi
}

# Stops with what to install when the Java found is older than 17 (checked before building only:
# starting a JVM to ask costs time on every run).
need_java_17() {
  local version major
  version="$("$java_bin" -version 2>&1 | sed -n 's/.*version "\([^"]*\)".*/\1/p' | sed -n 1p)"
  major="${version%%.*}"
  [[ "$major" == 1 ]] && major=8
  if [[ "$major" =~ ^[0-9]+$ ]] && ((major < 17)); then
    echo "cw: Java 17 or newer is needed; $java_bin is Java $version." >&2
    echo "cw: install a JDK, e.g. on Debian or Ubuntu: sudo apt-get install openjdk-17-jdk-headless" >&2
    exit 1
  fi
}

# The Maven to build with: mvn when installed, else the wrapper in the repository.
maven() {
  if command -v mvn >/dev/null 2>&1; then
    mvn "$@"
  else
    "$root/mvnw" "$@"
  fi
}

# Prints the first source file or pom newer than the jar (nothing when the jar is fresh).
stale() {
  [[ -f "$jar" ]] || { echo "$jar"; return; }
  find "$root" \( -name target -o -name .git -o -name node_modules \) -prune -o \
    -type f \( -path '*/src/*' -o -name pom.xml \) -newer "$jar" -print -quit
}

build() {
  local log status
  need_java_17
  log="$(mktemp "${TMPDIR:-/tmp}/cw-build.XXXXXX")"
  status=0
  command -v mvn >/dev/null 2>&1 ||
    echo "cw: Maven is not installed; building with ./mvnw (the first build fetches Maven)…" >&2
  (cd "$root" && maven -q -B -DskipTests package) >"$log" 2>&1 || status=$?
  if [[ $status -ne 0 ]]; then
    echo "cw: building crosswatch failed (maven exit $status):" >&2
    cat "$log" >&2
    rm -f "$log"
    exit 1
  fi
  rm -f "$log"
  touch "$jar"
}

need_java
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

# A sync run is short and mostly I/O and parsing: the quick JIT tier and the serial collector
# halve its CPU time and memory on small boxes. The service (cw serve) answers requests while runs
# build their snapshots, so it uses G1, whose pauses stay short as a run's data grows (the serial
# collector stopped every request for 80-180 ms at a time during a large run). CW_JAVA_OPTS
# replaces these defaults.
default_opts="-XX:TieredStopAtLevel=1 -XX:+UseSerialGC"
[[ "${1:-}" == serve ]] && default_opts="-XX:TieredStopAtLevel=1 -XX:+UseG1GC"
opts=(${CW_JAVA_OPTS:-$default_opts})
# JVM warnings go to stderr, so that they never mix with a --json summary on stdout.
opts+=(-Xlog:disable -Xlog:all=warning:stderr -Xlog:cds*=off:stderr)

# Class-data sharing: the classes a run loads are archived once per build (at the end of the first
# run after it) and mapped by later runs, which then start faster. CW_CDS=0 turns it off.
jsa="$root/app/target/crosswatch.jsa"
if [[ "${CW_CDS:-1}" != 0 ]]; then
  if [[ -f "$jsa" && "$jsa" -nt "$jar" ]]; then
    exec "$java_bin" "${opts[@]}" -XX:SharedArchiveFile="$jsa" -jar "$jar" "$@"
  fi
  # This run writes the archive when it ends: to a file of its own, renamed into place only when
  # complete, so that a concurrent or killed run never leaves a half-written archive behind.
  tmp_jsa="$jsa.$$.tmp"
  status=0
  "$java_bin" "${opts[@]}" -XX:ArchiveClassesAtExit="$tmp_jsa" -jar "$jar" "$@" || status=$?
  if [[ -s "$tmp_jsa" ]]; then
    mv -f "$tmp_jsa" "$jsa" 2>/dev/null || rm -f "$tmp_jsa"
  else
    rm -f "$tmp_jsa"
  fi
  exit "$status"
fi
exec "$java_bin" "${opts[@]}" -jar "$jar" "$@"
