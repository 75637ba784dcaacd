#!/usr/bin/env bash
# The engine's overhead per request over a bare OkHttp call to the same local endpoint (JMH SampleTime).
# Usage: bench/overhead.sh      JMH_OPTS="-f 1 -wi 1 -i 2" for a quick look;  NO_BUILD=1 to skip the build
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$ROOT/bench/common.sh"
OUT="$ROOT/bench/target/jmh"
[ -n "${NO_BUILD:-}" ] || (cd "$ROOT" && ./mvnw -B -q -Pbench -pl bench -am package -DskipTests)
mkdir -p "$OUT"
idle="$(wait_quiet)"
echo "bench: OverheadBenchmark (CPUs $idle % idle just before; $(uptime | sed 's/.*load/load/'))"
"$JAVA" -cp "$BENCH_CP" org.openjdk.jmh.Main "OverheadBenchmark" ${JMH_OPTS:-} -rf json -rff "$OUT/overhead.json" > "$OUT/overhead.log"
python3 - "$OUT/overhead.json" <<'PY'
import json, sys
rows = {r["benchmark"].split(".")[-1]: r["primaryMetric"] for r in json.load(open(sys.argv[1]))}
for name, m in rows.items():
    print("%-26s avg %8.1f us  p50 %8.1f us  p99 %8.1f us" % (name, m["score"], m["scorePercentiles"]["50.0"], m["scorePercentiles"]["99.0"]))
bare = rows["bareOkHttp"]
for name in ("engineRun", "engineRunApiKeyAndLambda"):
    m = rows[name]
    print("overhead of %-26s p50 %+8.1f us  p99 %+8.1f us" % (name, m["scorePercentiles"]["50.0"] - bare["scorePercentiles"]["50.0"],
          m["scorePercentiles"]["99.0"] - bare["scorePercentiles"]["99.0"]))
PY
