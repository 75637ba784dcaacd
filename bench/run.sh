#!/usr/bin/env bash
# The rule book's decision time (JMH SampleTime: average and p99 per authoriser kind).
# Usage: bench/run.sh [benchmark ...]   e.g. bench/run.sh jwtRoute sigv4Route   (default: all five)
#   JMH_OPTS="-f 1 -wi 1 -i 2"  extra JMH options;  NO_BUILD=1  skip the build
# Builds the engine and the bench module (-Pbench; never part of ./mvnw verify), then runs each
# benchmark in its own JMH run after waiting for a quiet CPU (the machine is shared).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$ROOT/bench/common.sh"
OUT="$ROOT/bench/target/jmh"
BENCHMARKS=("$@")
[ ${#BENCHMARKS[@]} -gt 0 ] || BENCHMARKS=(jwtRoute sigv4Route cognitoRoute lambdaRulesRoute lambdaRulesRouteUncached)

[ -n "${NO_BUILD:-}" ] || (cd "$ROOT" && ./mvnw -B -q -Pbench -pl bench -am package -DskipTests)
mkdir -p "$OUT"
for b in "${BENCHMARKS[@]}"; do
  idle="$(wait_quiet)"
  echo "bench: $b (CPUs $idle % idle just before; $(uptime | sed 's/.*load/load/'))" | tee "$OUT/$b.quiet"
  "$JAVA" -cp "$BENCH_CP" org.openjdk.jmh.Main "DecisionBenchmark\.$b\$" ${JMH_OPTS:-} -rf json -rff "$OUT/$b.json" > "$OUT/$b.log"
done

# One line per benchmark: average and p99 in microseconds (all forks' samples together).
python3 - "$OUT" "${BENCHMARKS[@]}" <<'PY'
import json, sys, os
out = sys.argv[1]
for b in sys.argv[2:]:
    for r in json.load(open(os.path.join(out, b + ".json"))):
        m = r["primaryMetric"]
        print("%-26s avg %7.1f us  p50 %7.1f us  p99 %7.1f us   %s" % (b, m["score"], m["scorePercentiles"]["50.0"],
              m["scorePercentiles"]["99.0"], open(os.path.join(out, b + ".quiet")).read().split("(")[1].split(";")[0]))
PY
