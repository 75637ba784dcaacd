#!/usr/bin/env bash
# The candidate HTTP servers for the local gateway side by side (CandidateServer, TrivialServer):
# the same trivial handler answering a fixed body, wrk -t2 -c32 -d${DURATION:-10}s each, the time
# from JVM start to listening, the jars each needs, and whether a header name reaches the handler
# as the client sent it ("user-AGENT") and leaves as written ("x-amzn-RequestId").
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
source "$ROOT/bench/common.sh"
BODY="${BODY:-100}"
OUT="$ROOT/bench/target/servers"
mkdir -p "$OUT"
if [ -z "${NO_BUILD:-}" ]; then
  (cd "$ROOT" && JAVA_HOME="$(dirname "$(dirname "$JAVA")")" ./mvnw -B -q -Pbench -pl bench -am package -DskipTests)
fi

jars() {
  case "$1" in
    jetty) ls "$ROOT"/bench/target/lib/jetty-*.jar ;;
    netty) ls "$ROOT"/bench/target/lib/netty-{buffer,codec-base,codec-http,common,handler,resolver,transport}-[0-9]*.jar ;;
    netty-epoll) ls "$ROOT"/bench/target/lib/netty-{buffer,codec-base,codec-http,common,handler,resolver,transport,transport-classes-epoll,transport-native-unix-common}-[0-9]*.jar "$ROOT"/bench/target/lib/netty-transport-native-epoll-*.jar ;;
    undertow) ls "$ROOT"/bench/target/lib/{undertow-core,xnio-api,xnio-nio,jboss-logging,jboss-threads,wildfly-common,wildfly-client-config}-*.jar ;;
    jdk) ;;
  esac
}

printf '%-9s %10s %9s %9s %9s  %s\n' server req/s p99 start jars "names (request in, response out)"
for server in ${SERVERS:-jdk jetty netty netty-epoll undertow}; do
  if [ "$server" = jdk ]; then main=(dev.portcullis.bench.TrivialServer "$BODY" virtual); else main=(dev.portcullis.bench.CandidateServer "$server" "$BODY"); fi
  "$JAVA" -Xmx512m -cp "$BENCH_CP" "${main[@]}" >"$OUT/$server.out" 2>&1 &
  pid=$!
  until grep -q ready "$OUT/$server.out" 2>/dev/null; do sleep 0.1; done
  url="$(grep -o 'http://[0-9.:]*' "$OUT/$server.out")"
  port="${url##*:}"
  start="$(sed -n 's/listening after \([0-9]*\) ms/\1 ms/p' "$OUT/$server.out")"
  exec 3<>"/dev/tcp/127.0.0.1/$port"
  printf 'GET / HTTP/1.1\r\nuser-AGENT: probe\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n' >&3
  reply="$(timeout 5 cat <&3 | tr -d '\r' | grep -i '^x-amzn-requestid:' || true)"
  exec 3>&-
  wrk -t2 -c32 -d"${DURATION:-10}s" -d"${DURATION:-10}s" --latency "$url/" >"$OUT/$server.wrk" 2>&1 || true
  rps="$(awk '/Requests\/sec/ {print $2}' "$OUT/$server.wrk")"
  p99="$(awk '$1 == "99%" {print $2}' "$OUT/$server.wrk")"
  size="$(jars "$server" | xargs -r du -cb | tail -1 | cut -f1)"
  printf '%-9s %10s %9s %9s %8sK  %s\n' "$server" "$rps" "$p99" "${start:-?}" "$(( ${size:-0} / 1024 ))" "$reply"
  kill "$pid"; wait "$pid" 2>/dev/null || true
done
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
