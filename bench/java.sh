#!/usr/bin/env bash
# Sourced by run.sh and load.sh: sets JAVA to a java of version 21 or newer (the one ./portcullis would pick).
find_bench_java() {
  local home v
  for home in "${PORTCULLIS_JAVA_HOME:-}" "${JAVA_HOME:-}" /usr/lib/jvm/* /opt/java/* "$HOME"/.jdks/*; do
    [ -n "$home" ] && [ -x "$home/bin/java" ] || continue
    v="$(sed -n 's/^JAVA_VERSION="\{0,1\}\([0-9]*\).*/\1/p' "$home/release" 2>/dev/null | head -n 1)"
    if [ -n "$v" ] && [ "$v" -ge 21 ]; then
      echo "$home/bin/java"
      return 0
    fi
  done
  echo "bench: no JDK 21 or newer found; set PORTCULLIS_JAVA_HOME" >&2
  return 1
}
JAVA="$(find_bench_java)"
BENCH_CP="$ROOT/bench/target/classes:$ROOT/bench/target/lib/*"
