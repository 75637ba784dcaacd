#!/usr/bin/env bash
# Coverage-guided fuzzing of the parsers a hostile input reaches (issue 12), one target after another,
# each for FUZZ_SECONDS (default 60). The test suite only replays the checked-in inputs; this script
# fuzzes, in rounds of the @FuzzTest's maxDuration (30 s; Jazzer takes no override), keeping the corpus
# between rounds. Crashes are written by Jazzer under engine/src/test/resources/.../<Class>Inputs/<method>/,
# where the suite then replays them. Loopback only (the Cognito target talks to a local server).
#   bench/fuzz.sh                  # all targets, 60 s each
#   FUZZ_SECONDS=600 bench/fuzz.sh JwtParserFuzzTest
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_EACH="${FUZZ_SECONDS:-60}"
ROUNDS=$(( (SECONDS_EACH + 29) / 30 ))
TARGETS=("$@")
[ ${#TARGETS[@]} -eq 0 ] && TARGETS=(JwtParserFuzzTest SigV4ParserFuzzTest WorkspaceLoaderFuzzTest CognitoProtocolFuzzTest)
LOGS="engine/target/fuzz"
mkdir -p "$LOGS"
./mvnw -B -q -o -pl engine -DskipTests test-compile >/dev/null 2>&1 || ./mvnw -B -q -pl engine -DskipTests test-compile
status=0
for t in "${TARGETS[@]}"; do
  log="$LOGS/$t.log"
  : >"$log"
  result=ok
  for _ in $(seq "$ROUNDS"); do
    if ! JAZZER_FUZZ=1 ./mvnw -B -o -pl engine -Dtest="$t" -Dsurefire.failIfNoSpecifiedTests=false test >>"$log" 2>&1; then
      result=FAILED; status=1; break
    fi
  done
  runs=$(grep -aoE '^Done [0-9]+ runs' "$log" | awk '{s+=$2} END {print s+0}')
  crashes=$(grep -acE '== Java Exception|crash-[0-9a-f]+' "$log" || true)
  hangs=$(grep -acE 'ALARM: working on the last Unit|timeout-[0-9a-f]+' "$log" || true)
  printf '%-26s %-6s inputs tried: %-9s crashes: %-3s hangs: %s  (log: %s)\n' "$t" "$result" "$runs" "$crashes" "$hangs" "$log"
done
rm -rf engine/.cifuzz-corpus
exit $status
