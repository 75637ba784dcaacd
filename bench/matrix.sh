#!/usr/bin/env bash
# The matrix benchmark: wall time of ./portcullis matrix (JVM start included) on the demo, and on a
# generated workspace of 500 routes x 6 callers. Needs hyperfine (apt-get install -y hyperfine).
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q install -DskipTests
./mvnw -B -q -pl app test-compile
CP="app/target/test-classes:app/target/portcullis-app.jar:$(ls app/target/lib/*.jar | grep -v javafx | tr '\n' ':')"
JDK="$(for h in /usr/lib/jvm/*; do [ -x "$h/bin/java" ] && "$h/bin/java" -version 2>&1 | grep -qE 'version "(2[1-9]|[3-9][0-9])' && echo "$h/bin/java" && break; done)"
"$JDK" -cp "$CP" dev.portcullis.app.bench.BenchWorkspace bench/bench-500.json 500
hyperfine --warmup 1 --runs "${RUNS:-5}" -i './portcullis matrix' \
  './portcullis matrix --workspace bench/bench-500.json --parallel 6'
