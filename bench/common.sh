#!/usr/bin/env bash
# Sourced by run.sh and load.sh: JAVA (a java of version 21 or newer, as ./portcullis picks), BENCH_CP,
# and wait_quiet, because the machine is shared and a neighbour's build skews any measurement.
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

# Percent of CPU time idle over the next second, all CPUs together.
cpu_idle_pct() {
  local a b i idle total=0
  a=($(head -1 /proc/stat)); sleep 1; b=($(head -1 /proc/stat))
  idle=$(( (b[4] + b[5]) - (a[4] + a[5]) ))
  for i in 1 2 3 4 5 6 7 8; do total=$(( total + b[i] - a[i] )); done
  echo $(( total > 0 ? 100 * idle / total : 0 ))
}

# Waits (at most QUIET_WAIT seconds, default 60) for a second with the CPUs at least 85 % idle;
# prints the idle percentage it measured last, for the report.
wait_quiet() {
  local idle waited=0
  while idle="$(cpu_idle_pct)"; [ "$idle" -lt 85 ] && [ "$waited" -lt "${QUIET_WAIT:-60}" ]; do
    waited=$((waited + 1))
  done
  echo "$idle"
}
