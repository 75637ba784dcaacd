#!/usr/bin/env bash
# Issue 13's 2,000-route import (JMH): an OpenAPI 3 export and a SAM template of 2,000 routes each, warm
# (SampleTime: p50/p99), and the first SAM import in a fresh JVM (SingleShotTime, 10 forks), as a CLI run pays it.
# Usage: bench/import.sh      JMH_OPTS="-f 1 -wi 1 -i 2" for a quick look;  NO_BUILD=1 to skip the build
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$ROOT/bench/common.sh"
OUT="$ROOT/bench/target/jmh"
[ -n "${NO_BUILD:-}" ] || (cd "$ROOT" && ./mvnw -B -q -Pbench -pl bench -am package -DskipTests)
mkdir -p "$OUT"
idle="$(wait_quiet)"
echo "bench: 2,000-route import (CPUs $idle % idle just before; $(uptime | sed 's/.*load/load/'))"
"$JAVA" -cp "$BENCH_CP" org.openjdk.jmh.Main "ImportBenchmark" ${JMH_OPTS:-} -rf json -rff "$OUT/import.json" > "$OUT/import.log"
python3 - "$OUT/import.json" <<'PY'
import json, sys
results = json.load(open(sys.argv[1]))
if not results:
    sys.exit("bench: no results; see bench/target/jmh/import.log")
for r in results:
    name, m = r["benchmark"].split(".")[-1], r["primaryMetric"]
    p = m["scorePercentiles"]
    if r["mode"] == "ss":
        runs = sorted(x for fork in m["rawData"] for x in fork)
        print("%-20s first import in a fresh JVM: median %7.1f ms  max %7.1f ms  (%d JVMs)" % (name, runs[len(runs) // 2], runs[-1], len(runs)))
    else:
        print("%-20s warm: p50 %7.1f ms  p99 %7.1f ms  max %7.1f ms" % (name, p["50.0"], p["99.0"], p["100.0"]))
PY
