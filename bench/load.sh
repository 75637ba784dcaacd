#!/usr/bin/env bash
# Load run: req/s and p99 with wrk (-t2 -c32, keep-alive) against the local gateway on loopback.
#   bench/load.sh                 the JWT route and the SigV4 route of './portcullis gateway serve --free-ports',
#                                 then nginx answering a static body of the JWT answer's size, in one run
#   TARGETS="gateway nginx soak offline" adds soak: SOAK (default 5m) of wrk on the JWT route with the
#                                 gateway's RSS sampled every 10 s (rss.csv); offline: serverless-offline on
#                                 the same shape of route (OFFLINE_DIR: a folder with serverless and
#                                 serverless-offline installed by npm, see bench/README.md)
#   TARGETS="... netty ..."     adds the ceiling: the gateway's own server library (Netty, epoll, 2 event loops)
#                                 with a trivial handler answering a body of the JWT answer's size
#   RUNS=3 DURATION=20s WARMUP=30s NO_BUILD=1  (defaults: 3, 20s, 30s, build)
# While the gateway runs, its RSS is sampled every 10 s into rss.csv.
# Each route gets one unreported warm-up run (JIT: 5 s was too short, the first measured run was the
# slowest in every build, and on a slower machine the JIT took about 30 s), then RUNS runs; the median.
# The ruling lines 'gateway serve' prints go to bench/target/load/serve.out, emptied after each run.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
RUNS="${RUNS:-3}" DURATION="${DURATION:-20s}" WARMUP="${WARMUP:-30s}" TARGETS="${TARGETS:-gateway nginx}"
OUT="$ROOT/bench/target/load"
SERVER_PID=""
SAMPLER_PID=""

if ! command -v wrk >/dev/null; then
  echo "bench: installing wrk (Debian package)" >&2
  apt-get install -y wrk >/dev/null
fi
if [ -z "${NO_BUILD:-}" ]; then
  # package, never install: ~/.m2 may be shared; ./portcullis runs app/target
  (cd "$ROOT" && ./mvnw -B -q -Pbench -pl app,bench -am package -DskipTests)
fi
source "$ROOT/bench/common.sh"
mkdir -p "$OUT"

stop_server() {
  if [ -n "$SAMPLER_PID" ]; then
    kill "$SAMPLER_PID" 2>/dev/null || true
    SAMPLER_PID=""
  fi
  if [ -n "$SERVER_PID" ]; then
    pkill -TERM -P "$SERVER_PID" 2>/dev/null || true   # the launcher's java, npx's node: children of the one started
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

# The RSS of the java process under $1 (the launcher's child) every 10 s: "seconds,kB" lines in rss.csv.
sample_rss() {
  local pid="$1" java start
  java="$(pgrep -P "$pid" java || echo "$pid")"
  start="$(date +%s)"
  echo "seconds,rss_kb" > "$OUT/rss.csv"
  ( while kill -0 "$java" 2>/dev/null; do
      echo "$(( $(date +%s) - start )),$(awk '/VmRSS/ {print $2}' "/proc/$java/status" 2>/dev/null)" >> "$OUT/rss.csv"
      sleep 10
    done ) &
  SAMPLER_PID=$!
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
      # a fresh signature: SigV4 allows 5 minutes, and the JWT run before it takes about 2
      measure jwt "$OUT/jwt.lua" "$b2b/b2b/settlements"
      trim_log
      "$JAVA" -cp "$BENCH_CP" dev.portcullis.bench.LoadRequests "$bank" "$payments" "$OUT" "$b2b/b2b/settlements" >/dev/null
      measure sigv4 "$OUT/sigv4.lua" "$payments/internal/refresh"
      trim_log
      stop_server
      ;;
    nginx)
      # nginx, both cores (worker_processes auto), no access log, a static body of the JWT answer's size
      bytes="$(cat "$OUT/answer-bytes" 2>/dev/null || echo 1500)"
      mkdir -p "$OUT/nginx"
      head -c "$bytes" /dev/zero | tr '\0' x > "$OUT/nginx/answer.json"
      port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
      cat > "$OUT/nginx/nginx.conf" <<NGINX
worker_processes auto;
daemon off;
pid $OUT/nginx/nginx.pid;
error_log $OUT/nginx/error.log;
events { worker_connections 1024; }
http {
  access_log off;
  default_type application/json;
  server { listen 127.0.0.1:$port; location / { root $OUT/nginx; try_files /answer.json =404; } }
}
NGINX
      nginx -c "$OUT/nginx/nginx.conf" -p "$OUT/nginx" &
      SERVER_PID=$!
      sleep 1
      echo "  nginx: $bytes-byte static answer"
      measure nginx "" "http://127.0.0.1:$port/"
      stop_server
      ;;
    netty)
      # the floor under the gateway: the same server library and transport with a trivial handler (read the
      # request, answer the JWT answer's size), so the gateway's own cost shows as the gap between the two
      bytes="$(cat "$OUT/answer-bytes" 2>/dev/null || echo 1500)"
      start_server "$JAVA" -Xmx512m -cp "$BENCH_CP" dev.portcullis.bench.CandidateServer netty-epoll "$bytes"
      url="$(grep -o -m1 'http://[0-9.:]*' "$OUT/serve.out")/"
      echo "  netty: trivial handler, $bytes-byte answer"
      measure netty "" "$url"
      stop_server
      ;;
    soak)
      start_server "$ROOT/portcullis" gateway serve --free-ports
      sample_rss "$SERVER_PID"
      payments="$(url_of payments)" b2b="$(url_of b2b)" bank="$(url_of 'oidc bank')"
      "$JAVA" -cp "$BENCH_CP" dev.portcullis.bench.LoadRequests "$bank" "$payments" "$OUT" "$b2b/b2b/settlements"
      trim_log
      echo "  soak: ${SOAK:-5m} on the JWT route, RSS every 10 s"
      log="$(wrk -t2 -c32 -d"${SOAK:-5m}" --latency -s "$OUT/jwt.lua" "$b2b/b2b/settlements")"
      echo "$log" > "$OUT/soak-wrk.txt"
      awk '/Requests\/sec:/ {print "  soak: " $2 " req/s"} $1=="99%" {print "  soak: p99 " $2}' <<<"$log" | tee -a "$OUT/summary.txt"
      python3 - "$OUT/rss.csv" <<'PY' | tee -a "$OUT/summary.txt"
import csv, sys
rows = [r for r in csv.DictReader(open(sys.argv[1])) if r["rss_kb"]]
mb = [int(r["rss_kb"]) / 1024 for r in rows]
half = len(mb) // 2
print("  soak: RSS %d samples, first %.0f MB, max %.0f MB, last %.0f MB; max of first half %.0f MB, of second half %.0f MB"
      % (len(mb), mb[0], max(mb), mb[-1], max(mb[:half] or mb), max(mb[half:])))
PY
      stop_server
      ;;
    offline)
      # serverless-offline on the same shape of route: the JWT-authorised POST echoing its event (bench/offline),
      # with the bank token of the gateway run before it (TARGETS="gateway ... offline")
      : "${OFFLINE_DIR:?set OFFLINE_DIR to a folder with serverless and serverless-offline installed (bench/README.md)}"
      python3 - "$OUT/jwt.lua" "$ROOT/bench/offline/serverless.yml" "$OFFLINE_DIR/serverless.yml" <<'PY'
import base64, json, re, sys
token = re.search(r'Bearer ([\w.-]+)', open(sys.argv[1]).read()).group(1)
claims = json.loads(base64.urlsafe_b64decode(token.split('.')[1] + '=='))
aud = claims.get('aud') or claims.get('client_id')
aud = aud[0] if isinstance(aud, list) else aud
open(sys.argv[3], 'w').write(open(sys.argv[2]).read().replace('__ISSUER__', claims['iss']).replace('__AUDIENCE__', aud))
PY
      cp "$ROOT/bench/offline/handler.js" "$OFFLINE_DIR/"
      : > "$OUT/serve.out"
      # --ignoreJWTSignature: serverless-offline cannot check a JWT's signature, only decode its claims
      (cd "$OFFLINE_DIR" && exec npx serverless offline start --httpPort 4999 --lambdaPort 4998 --ignoreJWTSignature --noTimeout) \
        >> "$OUT/serve.out" 2> "$OUT/serve.err" &
      SERVER_PID=$!
      for _ in $(seq 600); do grep -q "Server ready" "$OUT/serve.out" "$OUT/serve.err" && break; sleep 0.1; done
      measure offline "$OUT/jwt.lua" "http://127.0.0.1:4999/b2b/settlements"
      stop_server
      ;;
    *) echo "bench: unknown target $target (gateway, nginx, netty, soak, offline)" >&2; exit 2 ;;
  esac
done
