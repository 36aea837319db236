#!/usr/bin/env bash
# The CLI against Helm on the real chart, as users compare them: paired, alternating runs of
#   bin/platform-secrets resolve --rules pachyderm-2.10 -f CHART/values.yaml -f USER.yaml [-f EXTRA] --set deployTarget=LOCAL
#   helm template pach CHART -f USER.yaml [-f EXTRA] --set deployTarget=LOCAL
# where USER.yaml is bench/helm-user-values.yaml and EXTRA makes the input larger:
#   1x, 10x, 100x  the chart's own values.yaml repeated under extra top-level keys, so that the values
#                  read are 1, 10 and 100 times the chart's (its values.yaml included);
#   1MB, 2MB, 4MB  one double-quoted scalar of that many bytes under an extra key.
# Neither tool reads the extra keys for anything but merging, so the output is the same at every size.
#
# Each round runs every command once, the order rotating from round to round; the figure per case
# is the median of the per-round ratios CLI / Helm (and the ratio of the medians beside it), with
# /proc/loadavg before and after the case; the median CPU time (user + system, every thread) of
# each command and its ratio to Helm's go to stderr and the JSON, a figure that load moves less.
# Ratios are robust to a steady load, only partly to a changing one: read them with the load.
#
# Usage: HELM=/path/to/helm PACHYDERM_CHART=/path/to/chart/pachyderm bench/helm-compare.sh [CASES] [RUNS]
#   CASES  space-separated, default "1x 10x 100x 1MB 2MB 4MB"; RUNS rounds per case, default 20
#          (5 for the 100x and MB cases).
#   CLI_JAVAS  optional, space-separated java commands: the CLI is then run once per java in each
#          round (PLATFORM_SECRETS_JAVA set to it), e.g. "auto /usr/lib/jvm/java-17-openjdk-amd64/bin/java"
#          ("auto" is the launcher's own choice, the default).
#   CLI_LAUNCHERS  optional, space-separated launchers, default "bin/platform-secrets": each is run
#          with each java in every round, so that an earlier commit's launcher (from a git worktree,
#          `git worktree add /tmp/before REV`) is timed in the same rounds as this checkout's.
# Writes bench/target/helm-compare.json and prints a Markdown table.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
helm="${HELM:?set HELM to the helm binary}"
chart="${PACHYDERM_CHART:?set PACHYDERM_CHART to the pachyderm chart directory}"
cases="${1:-1x 10x 100x 1MB 2MB 4MB}"
runs="${2:-}"
work="$here/bench/target/helm-compare"
mkdir -p "$work"
user="$here/bench/helm-user-values.yaml"

# The extra values file of a case, written once.
extra_for() {
  local case="$1" file="$work/extra-$1.yaml" copies bytes
  if [ ! -f "$file" ]; then
    case "$case" in
      1x) : >"$file" ;;
      *x) copies=$(( ${case%x} - 1 ))
          for ((i = 1; i <= copies; i++)); do
            printf 'benchmarkCopy%03d:\n' "$i"
            sed -e 's/^/  /' "$chart/values.yaml"
          done >"$file" ;;
      *MB) bytes=$(( ${case%MB} * 1024 * 1024 ))
           python3 -c 'import sys; sys.stdout.write("benchmarkToken: \"" + "a" * int(sys.argv[1]) + "\"\n")' "$bytes" >"$file" ;;
      *) echo "unknown case: $case" >&2; exit 2 ;;
    esac
  fi
  printf '%s' "$file"
}

# Builds the CLI and records its archive or cache before anything is timed.
launchers="${CLI_LAUNCHERS:-bin/platform-secrets}"
for launcher in $launchers; do
  for java in ${CLI_JAVAS:-auto}; do
    if [ "$java" = auto ]; then env -u PLATFORM_SECRETS_JAVA "$launcher" rules >/dev/null
    else PLATFORM_SECRETS_JAVA="$java" "$launcher" rules >/dev/null; fi
  done
done

specs=()
for case in $cases; do
  specs+=("$case" "$(extra_for "$case")")
done

python3 - "$helm" "$chart" "$user" "${runs}" "${CLI_JAVAS:-auto}" "$launchers" "$work/../helm-compare.json" "${specs[@]}" <<'PY'
import json, os, resource, statistics, subprocess, sys, time

helm, chart, user, runs_arg, javas, launchers, out = sys.argv[1:8]
specs = sys.argv[8:]
launchers = launchers.split()
cases = list(zip(specs[0::2], specs[1::2]))
javas = javas.split()

def load():
    with open("/proc/loadavg") as f:
        return " ".join(f.read().split()[:3])

def commands(extra):
    extra_args = ["-f", extra] if os.path.getsize(extra) else []
    helm_cmd = [helm, "template", "pach", chart, "-f", user, *extra_args, "--set", "deployTarget=LOCAL"]
    result = [("helm", helm_cmd, dict(os.environ))]
    for launcher in launchers:
        for java in javas:
            env = dict(os.environ)
            env.pop("PLATFORM_SECRETS_JAVA", None)
            if java != "auto":
                env["PLATFORM_SECRETS_JAVA"] = java
            cli_cmd = [launcher, "resolve", "--rules", "pachyderm-2.10", "-f", chart + "/values.yaml",
                       "-f", user, *extra_args, "--set", "deployTarget=LOCAL"]
            name = java if len(launchers) == 1 else java + " " + launcher
            result.append(("cli " + name, cli_cmd, env))
    return result

def cpu_of_children():
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime

def timed(name, cmd, env):
    """Wall time, and CPU time (user + system, all threads and child processes) of one run."""
    cpu = cpu_of_children()
    start = time.perf_counter()
    done = subprocess.run(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    elapsed = time.perf_counter() - start
    if done.returncode != 0:
        sys.exit(f"failed ({done.returncode}): {' '.join(cmd[:6])} ...\n{done.stderr.decode()[-2000:]}")
    cpu_times.setdefault(name, []).append(cpu_of_children() - cpu)
    return elapsed

report = {"cases": []}
cpu_times = {}
print(f"helm: {subprocess.run([helm, 'version', '--short'], capture_output=True, text=True).stdout.strip()}; "
      f"chart: {chart}; {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}")
rows = []
for case, extra in cases:
    runs = int(runs_arg) if runs_arg else (20 if case in ("1x", "10x") else 5)
    cmds = commands(extra)
    for name, cmd, env in cmds:  # one warm-up each: file cache, Helm's chart read
        timed(name, cmd, env)
    times = {name: [] for name, _, _ in cmds}
    cpu_times.clear()
    load_before = load()
    for r in range(runs):
        shift = r % len(cmds)
        for name, cmd, env in cmds[shift:] + cmds[:shift]:
            times[name].append(timed(name, cmd, env))
    load_after = load()
    entry = {"case": case, "extra_bytes": os.path.getsize(extra), "runs": runs,
             "load_before": load_before, "load_after": load_after, "times": times}
    cpu = {name: statistics.median(values[1:]) for name, values in cpu_times.items()}  # without the warm-up
    entry["cpu_median"] = cpu
    report["cases"].append(entry)
    helm_median = statistics.median(times["helm"])
    for name, _, _ in cmds[1:]:
        paired = [c / h for c, h in zip(times[name], times["helm"])]
        rows.append((case, name, runs, helm_median, statistics.median(times[name]),
                     statistics.median(paired), statistics.median(times[name]) / helm_median,
                     load_before, load_after))
    print(f"{case}: CPU (user + system) medians: "
          + ", ".join(f"{name} {value:.3f} s ({value / cpu['helm']:.2f}x)" for name, value in cpu.items()), file=sys.stderr)
    print(f"{case}: done, load {load_before} -> {load_after}", file=sys.stderr)
with open(out, "w") as f:
    json.dump(report, f, indent=1)
print()
print("| case | CLI (java) | rounds | Helm median s | CLI median s | CLI / Helm, median of pairs | ratio of medians | load before → after |")
print("|---|---|---:|---:|---:|---:|---:|---|")
for case, name, runs, h, c, paired, ratio, lb, la in rows:
    print(f"| {case} | {name[4:]} | {runs} | {h:.3f} | {c:.3f} | **{paired:.2f}×** | {ratio:.2f}× | {lb} → {la} |")
PY
