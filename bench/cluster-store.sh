#!/usr/bin/env bash
# The CLI's `list secret` against the kubernetes backend (fabric8's CRUD mock on loopback, in a JVM
# of its own) next to the same command on the file store, each holding COUNT Secrets: cold starts
# included, every run a fresh CLI process, the two alternating in one paired loop so that both see
# the same load. Reported as medians and the ratio cluster / file, for plain `java -jar` and for
# the launcher (bin/platform-secrets).
#
# Usage: bench/cluster-store.sh [RUNS] [COUNT]     (defaults: 20 runs, 10 Secrets)
# Needs the CLI jar (mvn -B -ntp -DskipTests package -pl cli -am); builds the kubernetes module's
# test classes for the mock.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
runs="${1:-20}"
count="${2:-10}"
work="$here/bench/target/cluster-store"
rm -rf "$work"
mkdir -p "$work"
jar=cli/target/platform-secrets-cli.jar
[ -f "$jar" ] || { echo "build the CLI first: mvn -B -ntp -DskipTests package -pl cli -am" >&2; exit 2; }

mvn -B -ntp -q -pl kubernetes -am test-compile dependency:build-classpath -Dmdep.includeScope=test \
    -Dmdep.outputFile="$work/test.cp" >/dev/null
cp="kubernetes/target/test-classes:kubernetes/target/classes:core/target/classes:$(cat "$work/test.cp")"

# The mock: stops when the bench's end closes the FIFO that is its standard input.
mkfifo "$work/stdin"
java -cp "$cp" dev.platformsecrets.kubernetes.MockClusterMain "$work/mock" "$count" <"$work/stdin" >"$work/mock.log" 2>&1 &
mock=$!
exec 3>"$work/stdin"
trap 'exec 3>&-; wait $mock 2>/dev/null || true' EXIT
for _ in $(seq 1 600); do [ -f "$work/mock/ready" ] && break; sleep 0.1; done
[ -f "$work/mock/ready" ] || { echo "the mock did not start; see $work/mock.log" >&2; exit 1; }

# The file store with the same number of Secrets.
python3 - "$work/secrets.json" "$count" <<'PY'
import base64, json, sys
items = [{"apiVersion": "v1", "kind": "Secret", "metadata": {"name": "secret-%04d" % i},
          "data": {"password": base64.b64encode(("value-%d" % i).encode()).decode()}} for i in range(int(sys.argv[2]))]
json.dump({"apiVersion": "v1", "kind": "List", "items": items}, open(sys.argv[1], "w"))
PY
java -jar "$jar" create secret -f "$work/secrets.json" --store "$work/files" >/dev/null
bin/platform-secrets list secret --store "$work/files" >/dev/null   # builds the launcher's archive if needed

kubeconfig="$work/mock/kubeconfig"
java -jar "$jar" list secret --backend kubernetes --kubeconfig "$kubeconfig" | head -3
echo "load before: $(uptime | sed 's/.*load/load/')"
python3 - "$runs" "$jar" "$work/files" "$kubeconfig" <<'PY'
import statistics, subprocess, sys, time
runs, jar, files, kubeconfig = int(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4]
commands = {
    "java -jar, file store": ["java", "-jar", jar, "list", "secret", "--store", files],
    "java -jar, kubernetes (mock)": ["java", "-jar", jar, "list", "secret", "--backend", "kubernetes", "--kubeconfig", kubeconfig],
    "launcher, file store": ["bin/platform-secrets", "list", "secret", "--store", files],
    "launcher, kubernetes (mock)": ["bin/platform-secrets", "list", "secret", "--backend", "kubernetes", "--kubeconfig", kubeconfig],
}
times = {name: [] for name in commands}
for name, command in commands.items():   # one warm-up each (page cache, archive)
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
for _ in range(runs):
    for name, command in commands.items():
        start = time.perf_counter()
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
        times[name].append(time.perf_counter() - start)
median = {name: statistics.median(values) for name, values in times.items()}
print("| command (`list secret`, %s runs each, alternating) | median | ratio |" % runs)
print("|---|---:|---:|")
for launcher in ("java -jar", "launcher"):
    base = median[launcher + ", file store"]
    for backend in ("file store", "kubernetes (mock)"):
        name = launcher + ", " + backend
        print("| %s | %.3f s | %.2f |" % (name, median[name], median[name] / base))
PY
echo "load after: $(uptime | sed 's/.*load/load/')"
