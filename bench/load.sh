#!/usr/bin/env bash
# Load run: req/s and p99 with wrk (-t2 -c32, keep-alive) against the local gateway on loopback.
#   bench/load.sh                 the JWT route and the SigV4 route of './portcullis gateway serve --free-ports',
#                                 then the JDK HTTP server's ceiling (a trivial handler, same server and executor)
#   TARGETS=gateway bench/load.sh only the gateway;  TARGETS=trivial  only the ceiling
#   RUNS=3 DURATION=20s WARMUP=5s NO_BUILD=1 TRIVIAL_EXECUTOR=pool8|virtual|direct  (defaults: 3, 20s, 5s, build, pool8)
# Each route gets one unreported warm-up run (JIT), then RUNS runs; the median is reported.
# The ruling lines 'gateway serve' prints go to bench/target/load/serve.out, emptied after each run.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
RUNS="${RUNS:-3}" DURATION="${DURATION:-20s}" WARMUP="${WARMUP:-5s}" TARGETS="${TARGETS:-gateway trivial}"
OUT="$ROOT/bench/target/load"
SERVER_PID=""

if ! command -v wrk >/dev/null; then
  echo "bench: installing wrk (Debian package)" >&2
  apt-get install -y wrk >/dev/null
fi
if [ -z "${NO_BUILD:-}" ]; then
  (cd "$ROOT" && ./mvnw -B -q -Pbench install -DskipTests)
fi
source "$ROOT/bench/common.sh"
mkdir -p "$OUT"

stop_server() {
  if [ -n "$SERVER_PID" ]; then
    kill "$SERVER_PID" 2>/dev/null || true
    wait "$SERVER_PID" 2>/dev/null || true
    SERVER_PID=""
  fi
}
trap stop_server EXIT

# Starts "$@" in the background with stdout appended to serve.out; waits (30 s at most) for 'ready'.
start_server() {
  : > "$OUT/serve.out"
  "$@" >> "$OUT/serve.out" 2> "$OUT/serve.err" &
  SERVER_PID=$!
  for _ in $(seq 300); do
    grep -qx ready "$OUT/serve.out" && return 0
    kill -0 "$SERVER_PID" 2>/dev/null || { cat "$OUT/serve.err" >&2; return 1; }
    sleep 0.1
  done
  echo "bench: the server did not print 'ready' within 30 s" >&2
  return 1
}

url_of() { grep -m1 "^$1 " "$OUT/serve.out" | awk '{print $NF}'; }

# wrk once; prints "<req/s> <p99 ms>" and fails if any answer was not 2xx (refusals would be measured).
wrk_once() {
  local script="$1" url="$2" duration="$3" log
  log="$(wrk -t2 -c32 -d"$duration" --latency ${script:+-s "$script"} "$url")"
  echo "$log" > "$OUT/last-wrk.txt"
  if grep -q "Non-2xx" <<<"$log"; then
    echo "bench: some answers were not 2xx:" >&2
    echo "$log" >&2
    return 1
  fi
  awk '/Requests\/sec:/ {rps=$2}
       $1=="99%" {v=$2; u=v; sub(/[0-9.]+/, "", u); sub(/[a-z]+$/, "", v);
                  ms = (u=="us") ? v/1000 : (u=="s") ? v*1000 : v}
       END {printf "%.0f %.2f\n", rps, ms}' <<<"$log"
}

# Keep the ruling log file small between runs (appending, so truncation is safe while the server writes).
trim_log() { head -c 4096 "$OUT/serve.out" > "$OUT/serve.head"; : > "$OUT/serve.out"; cat "$OUT/serve.head" >> "$OUT/serve.out"; }

# Warm-up, then RUNS runs; prints each run and the medians.
measure() {
  local name="$1" script="$2" url="$3" results=()
  wrk_once "$script" "$url" "$WARMUP" >/dev/null
  for i in $(seq "$RUNS"); do
    idle="$(wait_quiet)"
    results+=("$(wrk_once "$script" "$url" "$DURATION")")
    trim_log
    echo "  $name run $i: ${results[-1]% *} req/s, p99 ${results[-1]#* } ms   (CPUs ${idle} % idle just before)"
  done
  printf '%s\n' "${results[@]}" | python3 -c "
import sys, statistics
rows = [l.split() for l in sys.stdin if l.strip()]
rps = [float(r[0]) for r in rows]; p99 = [float(r[1]) for r in rows]
print('%-8s median %.0f req/s (min %.0f, max %.0f), p99 median %.2f ms (min %.2f, max %.2f)' % (
    '$name', statistics.median(rps), min(rps), max(rps), statistics.median(p99), min(p99), max(p99)))" | tee -a "$OUT/summary.txt"
}


echo "bench: $(uptime)" | tee "$OUT/summary.txt"
for target in $TARGETS; do
  case "$target" in
    gateway)
      start_server "$ROOT/portcullis" gateway serve --free-ports
      payments="$(url_of payments)" b2b="$(url_of b2b)" bank="$(url_of 'oidc bank')"
      "$JAVA" -cp "$BENCH_CP" dev.portcullis.bench.LoadRequests "$bank" "$payments" "$OUT" "$b2b/b2b/settlements"
      trim_log
      # a fresh signature: SigV4 allows 5 minutes, and the JWT run before it takes about 1.5
      measure jwt "$OUT/jwt.lua" "$b2b/b2b/settlements"
      trim_log
      "$JAVA" -cp "$BENCH_CP" dev.portcullis.bench.LoadRequests "$bank" "$payments" "$OUT" "$b2b/b2b/settlements" >/dev/null
      measure sigv4 "$OUT/sigv4.lua" "$payments/internal/refresh"
      trim_log
      stop_server
      ;;
    trivial)
      bytes="$(cat "$OUT/answer-bytes" 2>/dev/null || echo 1500)"
      start_server "$JAVA" -cp "$BENCH_CP" dev.portcullis.bench.TrivialServer "$bytes" "${TRIVIAL_EXECUTOR:-pool8}"
      echo "  trivial handler: $bytes-byte answer, executor ${TRIVIAL_EXECUTOR:-pool8}"
      measure trivial "" "$(url_of trivial)/"
      stop_server
      ;;
    *) echo "bench: unknown target $target (gateway, trivial)" >&2; exit 2 ;;
  esac
done
