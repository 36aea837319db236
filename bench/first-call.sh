#!/usr/bin/env bash
# What an embedding program pays for the real chart's workload (ChartBenchmark.resolveChart): the
# first call in a fresh JVM, and a call after 1,000 calls, each with the JDK's default tiered
# compilation and with the CLI's C1 only (-XX:TieredStopAtLevel=1), the first call also with an AOT
# cache trained on one such run (JDK 25 and later). JMH single-shot runs, one call per iteration;
# the yardstick is baselineCompose measured the same way in the same run.
#
# Usage: PACHYDERM_CHART=/path/to/chart/pachyderm [JAVA=/path/to/java] [FORKS=10] bench/first-call.sh
# Needs the bench jar (mvn -B -ntp -Pbench -DskipTests package -pl bench -am).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
: "${PACHYDERM_CHART:?set PACHYDERM_CHART to the pachyderm chart directory}"
java="${JAVA:-java}"
forks="${FORKS:-10}"
jar=bench/target/benchmarks.jar
out=bench/target/first-call
mkdir -p "$out"
c1="-XX:TieredStopAtLevel=1"
feature="$("$java" -XshowSettings:properties -version 2>&1 | sed -n 's/.*java.specification.version = //p')"
echo "$("$java" -version 2>&1 | head -1); load $(cut -d' ' -f1-3 /proc/loadavg)"

jmh() {  # NAME JVM_ARGS JMH_ARGS...
  local name="$1" args="$2"; shift 2
  "$java" -jar "$jar" 'ChartBenchmark.(resolveChart|baselineCompose)' -bm ss -tu ms -f "$forks" \
      ${args:+-jvmArgsAppend "$args"} -rf json -rff "$out/$name.json" "$@" >"$out/$name.txt" 2>&1
  echo "$name: done, load $(cut -d' ' -f1-3 /proc/loadavg)" >&2
}

runs=(first-tiered "" first-c1 "$c1")
jmh first-tiered "" -wi 0 -i 1
jmh first-c1 "$c1" -wi 0 -i 1
if [ "${feature%%.*}" -ge 25 ] 2>/dev/null; then
  cache="$out/chart.aot"
  rm -f "$cache"
  FORKS=1 "$java" -jar "$jar" 'ChartBenchmark.resolveChart' -bm ss -f 1 -wi 0 -i 1 \
      -jvmArgsAppend "$c1 -XX:AOTCacheOutput=$cache" >"$out/train.txt" 2>&1
  jmh first-c1-aot "$c1 -XX:AOTCache=$cache" -wi 0 -i 1
  runs+=(first-c1-aot "")
fi
jmh call1000-tiered "" -wi 999 -i 20
jmh call1000-c1 "$c1" -wi 999 -i 20
runs+=(call1000-tiered "" call1000-c1 "")

python3 - "$out" "${runs[@]}" <<'PY'
import json, sys
out = sys.argv[1]
names = sys.argv[2::2]
print("| run | resolveChart ms | baselineCompose ms | ratio |")
print("|---|---:|---:|---:|")
for name in names:
    scores = {r["benchmark"].rsplit(".", 1)[1]: r["primaryMetric"]["score"] for r in json.load(open(f"{out}/{name}.json"))}
    print(f"| {name} | {scores['resolveChart']:.2f} | {scores['baselineCompose']:.2f} | "
          f"{scores['resolveChart'] / scores['baselineCompose']:.2f}x |")
PY
