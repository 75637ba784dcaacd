#!/usr/bin/env bash
# Startup of a packaged Portcullis, to the first drawn window: measuring it and training the
# class-data-sharing archive. Sourced by build.sh; also a command:
#   installer/startup.sh measure LAUNCHER [LABEL] [RUNS]   median time to the first window (default 5 runs)
#   installer/startup.sh train LAUNCHER ARCHIVE            writes a class-data archive of opening the workbench
# Both open the workbench with -Dportcullis.exitAfterShown=true (passed through JAVA_TOOL_OPTIONS, which
# any launcher's JVM reads), so it exits once its first frame is drawn. Without a display they run in
# one virtual display (xvfb-run), started before the clock starts.

STARTUP_SH="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/startup.sh"

can_open_window() {
  [ "$(uname -s)" != Linux ] || [ -n "${DISPLAY:-}" ] || command -v xvfb-run >/dev/null 2>&1
}

# Runs "$@" with a display: the current one, or a fresh virtual one.
with_display() {
  if [ "$(uname -s)" != Linux ] || [ -n "${DISPLAY:-}" ]; then
    "$@"
  else
    xvfb-run -a -s '-screen 0 1600x1000x24' "$@"
  fi
}

# Milliseconds from exec to the first drawn frame, for one run of the launcher.
first_window_ms() {
  local launcher="$1" start shown
  start="$(date +%s%3N)"
  shown="$(JAVA_TOOL_OPTIONS="-Dportcullis.exitAfterShown=true ${EXTRA_JAVA_OPTIONS:-}" "$launcher" 2>/dev/null \
    | sed -n 's/^portcullis: first window shown at \([0-9]*\)$/\1/p')"
  [ -n "$shown" ] || { echo "installer: $launcher opened no window" >&2; return 1; }
  echo $((shown - start))
}

measure_startup() {
  with_display "$STARTUP_SH" measure-here "$@"
}

# An archive named *.aot is a JDK 25+ AOT cache; any other name, a dynamic AppCDS archive (JDK 21+).
train_archive() {
  local launcher="$1" archive="$2" option
  case "$archive" in
    *.aot) option="-XX:AOTCacheOutput=$archive" ;;
    *) option="-XX:ArchiveClassesAtExit=$archive" ;;
  esac
  rm -f "$archive"
  with_display env JAVA_TOOL_OPTIONS="-Dportcullis.exitAfterShown=true $option" \
    "$launcher" >/dev/null 2>"${archive}.log" || { cat "${archive}.log" >&2; return 1; }
  [ -s "$archive" ] || { echo "installer: the training run wrote no archive; its log:" >&2; cat "${archive}.log" >&2; return 1; }
  rm -f "${archive}.log"
  echo "installer: startup archive $(basename "$archive") ($(du -h "$archive" | cut -f1))" >&2
}

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
  set -euo pipefail
  command="${1:-}"
  shift || true
  case "$command" in
    measure) measure_startup "$@" ;;
    train) train_archive "$@" ;;
    measure-here)
      launcher="$1" label="${2:-}" runs="${3:-5}" times=()
      first_window_ms "$launcher" >/dev/null # warms the file cache and the display, so runs compare alike
      for _ in $(seq "$runs"); do times+=("$(first_window_ms "$launcher")"); done
      sorted=($(printf '%s\n' "${times[@]}" | sort -n))
      echo "time to first window${label:+ $label}: median ${sorted[$((runs / 2))]} ms (runs: ${times[*]} ms)"
      ;;
    *) echo "usage: installer/startup.sh measure LAUNCHER [LABEL] [RUNS] | train LAUNCHER ARCHIVE" >&2; exit 2 ;;
  esac
fi
