#!/usr/bin/env bash
# Every figure of the README's Performance section, in one go (about 10 minutes on 2 cores):
# CLI timings, JMH (all four benchmark classes, with allocation via -prof gc) and peak memory.
# Outputs go to bench/target/ (cli-timings.*, jmh.json, jmh.txt, memory.txt).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
uptime | tee bench/target/load.txt
bench/cli-timings.sh "" "${CLI_RUNS:-20}" | tee bench/target/cli-timings.txt
java -jar bench/target/benchmarks.jar -wi "${WI:-3}" -i "${I:-4}" -w 1 -r 1 -f 1 -prof gc \
    -rf json -rff bench/target/jmh.json | tee bench/target/jmh.txt | grep -E "^(Resolve|Rule|Store|Validation)"
python3 bench/jmh-ratios.py bench/target/jmh.json | tee bench/target/jmh-ratios.md
bench/memory.sh | tee bench/target/memory.txt
uptime | tee -a bench/target/load.txt
