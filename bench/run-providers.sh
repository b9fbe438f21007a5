#!/usr/bin/env bash
# Runs the provider benchmarks against fakes started in the harness process, each sync going
# through ./cw run as a child process (JVM start included):
#   1. FILE → fake Trakt (real limits, real clock): 10,000 plays + 2,000 watchlist + 2,000 ratings,
#      once per TRAKT chunk size (default "1000"; e.g. "100,1000,10000").
#   2. fake Jellyfin and fake Plex (5 ms per request) → FILE: 20,000 library items.
# Usage: bench/run-providers.sh [trakt chunk sizes] [media server items] [work dir]
# Results (markdown tables) go to stdout; per-run logs, --json summaries and request logs stay in
# the work dir. Builds the whole reactor first (never installs).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)"
chunks="${1:-1000}"
items="${2:-20000}"
work="${3:-$(mktemp -d "${TMPDIR:-/tmp}/crosswatch-bench-providers.XXXXXX")}"
mkdir -p "$work"

cd "$root"
mvn -q -B -DskipTests package
jar="$root/bench/target/crosswatch-bench.jar"

echo "## Trakt (uptime: $(uptime))"
java -cp "$jar" io.crosswatch.bench.TrackerRunBenchmark ./cw "$chunks" "$work/trakt"
echo
echo "## Media servers (uptime: $(uptime))"
java -cp "$jar" io.crosswatch.bench.MediaServerRunBenchmark ./cw "$items" "$work/servers"
echo
echo "work dir: $work"
