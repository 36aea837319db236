#!/usr/bin/env bash
# CLI start-to-finish timings of `resolve -f <values file>` with hyperfine: the launcher
# (bin/platform-secrets: AOT cache or CDS archive, C1 only, serial GC) against plain `java -jar` of
# the same jar with the same java (the baseline), the bare start of a JVM with the launcher's flags (`java -version`: the floor),
# `java -Xshare:off -jar` (no class-data sharing at all, for reference) and the launcher's JVM flags
# without its archive. Medians are in the JSON export; ratios are against the
# baseline of the same run.
#
# Usage: bench/cli-timings.sh [VALUES_FILE] [RUNS]
#   VALUES_FILE defaults to the realistic synthetic file (ValuesCorpus scale 1, 1,461 lines),
#   written to bench/target/values-1.yaml; the example of the README's first command is
#   testdata/examples/values.yaml. RUNS defaults to 20.
# Needs hyperfine (apt-get install -y hyperfine) and the bench jar
# (mvn -B -ntp -Pbench -DskipTests package -pl bench -am).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
runs="${2:-20}"
mkdir -p bench/target
jar=cli/target/platform-secrets-cli.jar
values="${1:-bench/target/values-1.yaml}"
if [ -z "${1:-}" ]; then
  java -cp bench/target/benchmarks.jar dev.platformsecrets.bench.ValuesCorpus 1 >"$values"
fi
# Builds the jar and records the archive if needed, and checks the run works.
bin/platform-secrets resolve -f "$values" >/dev/null
# The java the launcher chose (PLATFORM_SECRETS_JAVA, or its own choice), for every row.
request="${PLATFORM_SECRETS_JAVA:-auto}"
IFS=$'\t' read -r _ java feature _ <"cli/target/platform-secrets-java.${request//[^A-Za-z0-9]/_}"
flags=(-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -XX:-UsePerfData -Xss2m -Dsun.reflect.inflationThreshold=100000
       '-Dpicocli.converters.excludes=java\.(sql|time)\..*')
# The archive or cache must really be used: these modes fail instead of silently running without it.
archive="cli/target/platform-secrets-cli.${java//[^A-Za-z0-9]/_}"
if [ "$feature" -ge 25 ]; then
  "$java" "${flags[@]}" -XX:AOTMode=on -XX:AOTCache="$archive.values.aot" -jar "$jar" resolve -f "$values" >/dev/null
else
  "$java" "${flags[@]}" -Xshare:on -XX:SharedArchiveFile="$archive.jsa" -jar "$jar" resolve -f "$values" >/dev/null
fi
echo "$java (JDK $feature): archive or cache in use; load: $(uptime | sed 's/.*load/load/')"

hyperfine -N --warmup 3 --runs "$runs" \
    --export-json bench/target/cli-timings.json --export-markdown bench/target/cli-timings.md \
    -n "java -jar (baseline)" "$java -jar $jar resolve -f $values" \
    -n "JVM start alone (java -version)" "$java ${flags[*]} -version" \
    -n "java -Xshare:off -jar" "$java -Xshare:off -jar $jar resolve -f $values" \
    -n "launcher flags, no archive" "env PLATFORM_SECRETS_CDS=0 bin/platform-secrets resolve -f $values" \
    -n "bin/platform-secrets" "bin/platform-secrets resolve -f $values"

python3 - bench/target/cli-timings.json <<'PY'
import json, statistics, sys
results = json.load(open(sys.argv[1]))["results"]
base = statistics.median(results[0]["times"])
print(f"{'command':32} {'median s':>9} {'ratio':>6}")
for r in results:
    m = statistics.median(r["times"])
    print(f"{r['command']:32} {m:9.3f} {m / base:6.2f}")
PY
/usr/bin/time -v bin/platform-secrets resolve -f "$values" 2>&1 >/dev/null | grep -E "Maximum resident|Elapsed" || true
