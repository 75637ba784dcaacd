#!/usr/bin/env bash
# The handler kind's overhead: a warm call through Portcullis's worker (JMH SampleTime) against the same handler
# called directly in Node (bench/handlers/direct.js), and a cold start (JMH SingleShotTime, a new worker each time).
# Usage: bench/handler.sh      JMH_OPTS="-f 1 -wi 1 -i 2" for a quick look;  NO_BUILD=1 to skip the build
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$ROOT/bench/common.sh"
OUT="$ROOT/bench/target/jmh"
export PORTCULLIS_BENCH_HANDLER="$ROOT/engine/src/test/resources/handlers/seed-node"
export PORTCULLIS_BENCH_EVENT="$ROOT/bench/handlers/event.json"
[ -n "${NO_BUILD:-}" ] || (cd "$ROOT" && ./mvnw -B -q -Pbench -pl bench -am package -DskipTests)
mkdir -p "$OUT"
idle="$(wait_quiet)"
echo "bench: handler kind ($(node --version); CPUs $idle % idle just before; $(uptime | sed 's/.*load/load/'))"
node "$ROOT/bench/handlers/direct.js" "$PORTCULLIS_BENCH_HANDLER" "$PORTCULLIS_BENCH_EVENT" 2> "$OUT/handler-direct.json"
idle="$(wait_quiet)"
"$JAVA" -cp "$BENCH_CP" org.openjdk.jmh.Main "HandlerBenchmark" ${JMH_OPTS:-} -rf json -rff "$OUT/handler.json" > "$OUT/handler.log"
python3 - "$OUT/handler.json" "$OUT/handler-direct.json" <<'PY'
import json, sys
rows = {r["benchmark"].split(".")[-1]: r["primaryMetric"] for r in json.load(open(sys.argv[1]))}
direct = json.load(open(sys.argv[2]))
warm = rows["warmInvoke"]["scorePercentiles"]
print("direct in Node            p50 %8.1f us  p99 %8.1f us  (%d calls)" % (direct["p50"], direct["p99"], direct["calls"]))
print("warm call via the worker  p50 %8.1f us  p99 %8.1f us" % (warm["50.0"], warm["99.0"]))
print("warm overhead             p50 %+8.1f us  p99 %+8.1f us" % (warm["50.0"] - direct["p50"], warm["99.0"] - direct["p99"]))
cold = rows["coldStart"]
print("cold start (new worker + first call)  median %6.1f ms  p90 %6.1f ms  max %6.1f ms  (%d starts)" % (
    cold["scorePercentiles"]["50.0"], cold["scorePercentiles"]["90.0"], cold["scorePercentiles"]["100.0"],
    sum(len(f) for f in cold["rawData"])))
PY
