#!/usr/bin/env bash
# Peak heap of a whole resolve of a 20 MB values file (ValuesCorpus scale 330), found as the
# smallest -Xmx (serial GC, 10 MB steps) with which it completes, against the same for the bare
# snakeyaml-engine compose of the same bytes (the baseline); then PeakMemory's MXBean figures.
# The file is generated once, beforehand, so that neither JVM counts the generator's memory.
# Usage: bench/memory.sh [SCALE]   (needs the bench jar: mvn -B -ntp -Pbench -DskipTests package -pl bench -am)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
jar="$here/bench/target/benchmarks.jar"
scale="${1:-330}"

fits() { # $1 = heap in MB, $2.. = PeakMemory arguments
  local mb="$1"
  shift
  java -XX:+UseSerialGC -Xmx"${mb}m" -cp "$jar" dev.platformsecrets.bench.PeakMemory "$@" >/dev/null 2>&1
}

smallest_heap() { # binary search between 10 MB and 2 GB, to 10 MB
  local low=10 high=2000 mid
  while [ $((high - low)) -gt 10 ]; do
    mid=$(((low + high) / 2))
    if fits "$mid" "$@"; then high=$mid; else low=$mid; fi
  done
  echo "$high"
}

values="$(mktemp --suffix=.yaml)"
trap 'rm -f "$values"' EXIT
java -cp "$jar" dev.platformsecrets.bench.ValuesCorpus "$scale" > "$values"
bytes=$(wc -c < "$values")
compose=$(smallest_heap "$values" compose)
resolve=$(smallest_heap "$values")
awk -v b="$bytes" -v c="$compose" -v r="$resolve" 'BEGIN {
  mb = b / 1048576
  printf "file %.1f MB\n", mb
  printf "smallest -Xmx, bare compose (baseline): %d MB = %.1f x file\n", c, c / mb
  printf "smallest -Xmx, whole resolve:           %d MB = %.1f x file = %.2f x baseline\n", r, r / mb, r / c
}'
java -XX:+UseSerialGC -Xmx"$((resolve * 2))m" -cp "$jar" dev.platformsecrets.bench.PeakMemory "$values"
