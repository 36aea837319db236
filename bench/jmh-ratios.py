#!/usr/bin/env python3
"""Prints the JMH results (bench/target/jmh.json) as Markdown tables of ratios to the baselines
measured in the same run: ResolveBenchmark and ValidationBenchmark against baselineCompose of the
same parameter, RuleScaleBenchmark per rule against 100 rules, StoreBenchmark against 10 Secrets."""
import json
import sys

results = json.load(open(sys.argv[1] if len(sys.argv) > 1 else "bench/target/jmh.json"))
rows = {}
for r in results:
    cls, method = r["benchmark"].rsplit(".", 2)[-2:]
    param = next(iter(r.get("params", {}).values()), "")
    unit = r["primaryMetric"]["scoreUnit"]
    score = r["primaryMetric"]["score"] * {"us/op": 1e-3, "ms/op": 1, "ns/op": 1e-6, "s/op": 1e3}[unit]
    error = float(r["primaryMetric"]["scoreError"])  # "NaN" with fewer than three iterations
    rows[(cls, method, param)] = (score, error * score / r["primaryMetric"]["score"])


def table(cls, header, ratio):
    entries = sorted((k, v) for k, v in rows.items() if k[0] == cls)
    if not entries:
        return
    print(f"\n{cls}\n\n| benchmark | {header} | ms/op (± 99.9%) | ratio |\n|---|---:|---:|---:|")
    for (c, method, param), (score, error) in sorted(entries, key=lambda e: (e[0][1], int(e[0][2] or 0))):
        print(f"| {method} | {param} | {score:.3f} ± {error:.3f} | {ratio(method, param, score)} |")


def vs_compose(cls):
    def ratio(method, param, score):
        base = rows.get((cls, "baselineCompose", param))
        return f"{score / base[0]:.2f}x compose" if base else ""
    return ratio


def per_rule(method, param, score):
    base = rows.get(("RuleScaleBenchmark", method, "100"))
    per = score / int(param)
    return f"{per * 1000:.2f} us/rule = {per / (base[0] / 100):.2f}x of 100 rules" if base else ""


def vs_ten(method, param, score):
    base = rows.get(("StoreBenchmark", method, "10"))
    if method == "list":
        return f"{score / int(param) * 1000:.1f} us/Secret = {score / int(param) / (base[0] / 10):.2f}x of 10"
    return f"{score / base[0]:.2f}x of 10" if base else ""


table("ResolveBenchmark", "scale", vs_compose("ResolveBenchmark"))
table("ValidationBenchmark", "Secrets", vs_compose("ValidationBenchmark"))
table("RuleScaleBenchmark", "rules", per_rule)
table("StoreBenchmark", "Secrets", vs_ten)
