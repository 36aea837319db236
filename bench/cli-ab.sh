#!/usr/bin/env bash
# Before and after, in one run: `resolve -f <values file>` through the launcher of an earlier
# commit (built in a temporary git worktree, with its own class-data sharing archive) against the
# launcher of this checkout, alternating under hyperfine. Prints medians and the ratio after/before.
#
# Usage: bench/cli-ab.sh REVISION [VALUES_FILE] [RUNS]
#   VALUES_FILE defaults to the README's example file; RUNS to 30.
# Needs hyperfine (apt-get install -y hyperfine).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
revision="${1:?usage: bench/cli-ab.sh REVISION [VALUES_FILE] [RUNS]}"
values="${2:-testdata/examples/values.yaml}"
runs="${3:-30}"
mkdir -p bench/target
before="$(mktemp -d)"
trap 'git -C "$here" worktree remove --force "$before" >/dev/null 2>&1 || true; rm -rf "$before"' EXIT
git worktree add --quiet --detach "$before" "$revision"
# Each launcher builds its jar and records its archive on first use; both runs must succeed.
"$before/bin/platform-secrets" resolve -f "$values" >/dev/null
bin/platform-secrets resolve -f "$values" >/dev/null
echo "before: $(git rev-parse --short "$revision"), after: $(git rev-parse --short HEAD)$(git diff --quiet || echo ' (with uncommitted changes)'); $(uptime | sed 's/.*load/load/')"

hyperfine -N --warmup 3 --runs "$runs" --export-json bench/target/cli-ab.json \
    -n "before" "$before/bin/platform-secrets resolve -f $values" \
    -n "after" "bin/platform-secrets resolve -f $values"

python3 - bench/target/cli-ab.json <<'PY'
import json, statistics, sys
results = {r["command"]: r for r in json.load(open(sys.argv[1]))["results"]}
before = statistics.median(results["before"]["times"])
after = statistics.median(results["after"]["times"])
print(f"median before {before:.3f} s, after {after:.3f} s, after/before {after / before:.2f}")
PY
