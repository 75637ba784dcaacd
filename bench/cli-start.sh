#!/usr/bin/env bash
# CLI start (issue 19): `portcullis --version` and `portcullis matrix` on the embedded demo, JVM start included,
# timed with hyperfine through the launcher users run. Aims: under 0.5 s and under 2.5 s.
# Usage: bench/cli-start.sh      RUNS=N (default 10);  NO_BUILD=1 to skip the build;
#   COMPARE=path/to/other-launcher  also times the same commands through another copy of the launcher (before/after)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$ROOT/bench/common.sh"
OUT="$ROOT/bench/target/cli"
command -v hyperfine >/dev/null || { echo "bench: hyperfine is missing (apt-get install -y hyperfine, brew install hyperfine)" >&2; exit 2; }
[ -n "${NO_BUILD:-}" ] || (cd "$ROOT" && ./mvnw -B -q -DskipTests -pl app -am package)
mkdir -p "$OUT"
cd "$ROOT"
# The first real command writes the CLI's class-data archive (app/target/portcullis-cli.jsa): not timed, as a
# user's first run after a build is not. --no-attach: a world another process serves would change what is timed.
./portcullis matrix --no-attach >/dev/null
# (a name must not start with "-": hyperfine would read "--version" as its own option)
commands=(-n "portcullis version" "./portcullis --version" -n "portcullis matrix (demo)" "./portcullis matrix --no-attach")
if [ -n "${COMPARE:-}" ]; then
  commands+=(-n "$COMPARE version" "$COMPARE --version" -n "$COMPARE matrix (demo)" "$COMPARE matrix --no-attach")
fi
idle="$(wait_quiet)"
echo "bench: CLI start (CPUs $idle % idle just before; $(uptime | sed 's/.*load/load/'))"
hyperfine --warmup 2 --runs "${RUNS:-10}" --style basic --export-json "$OUT/cli-start.json" "${commands[@]}" >"$OUT/hyperfine.txt"
python3 - "$OUT/cli-start.json" <<'PY'
import json, sys
for r in json.load(open(sys.argv[1]))["results"]:
    t = sorted(r["times"])
    print("%-40s median %6.3f s  min %6.3f s  max %6.3f s  CPU user %6.3f s + sys %5.3f s  (%d runs)" % (
        r["command"], r["median"], t[0], t[-1], r["user"], r["system"], len(t)))
PY
