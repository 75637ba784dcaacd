#!/usr/bin/env bash
# The rule book's decision time (JMH, SampleTime: average and p99 per authoriser kind).
# Usage: bench/run.sh [JMH options], e.g. bench/run.sh -f 3   or   bench/run.sh 'jwtRoute'
# Builds the engine and the bench module (-Pbench; never part of ./mvnw verify), then runs JMH.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$ROOT/bench/java.sh"

(cd "$ROOT" && ./mvnw -B -q -Pbench -pl bench -am install -DskipTests)
echo "bench: $(uptime)"
"$JAVA" -cp "$BENCH_CP" org.openjdk.jmh.Main DecisionBenchmark -rf json -rff "$ROOT/bench/target/jmh-decision.json" "$@"

# One line per benchmark: average and p99, in microseconds.
python3 - "$ROOT/bench/target/jmh-decision.json" <<'PY'
import json, sys
for r in json.load(open(sys.argv[1])):
    m = r["primaryMetric"]
    print("%-45s avg %8.1f us   p99 %8.1f us" % (r["benchmark"].rsplit(".", 1)[1], m["score"], m["scorePercentiles"]["99.0"]))
PY
