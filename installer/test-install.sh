#!/usr/bin/env bash
# The installer's acceptance test, on a Debian/Ubuntu machine where we are root: builds the .deb
# (./mvnw -Pinstaller package), installs it with dpkg -i, and runs the installed `portcullis` with
# JAVA_HOME unset and no java on the PATH: --version, the headless demo, the workbench in a virtual
# display (also on a double-clicked .pcws), then removes the package and checks nothing is left.
#
#   installer/test-install.sh              build, then test
#   installer/test-install.sh --no-build   test the .deb already in installer/target/jpackage/dist
#
# Needs: fakeroot, xvfb (xvfb-run), x11-utils (xwininfo), xdotool; installed with apt-get when missing.
# Not part of ./mvnw verify (it takes minutes): run it before each release (README, "Installing").
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
START=$SECONDS
say() { printf 'test-install: %s\n' "$*" >&2; }
fail() { say "FAILED: $*"; exit 1; }

[ "$(id -u)" = 0 ] || fail "run as root (dpkg -i)."
command -v dpkg >/dev/null || fail "this test needs a Debian-based system (dpkg)."
missing=()
command -v fakeroot >/dev/null || missing+=(fakeroot)
command -v xvfb-run >/dev/null || missing+=(xvfb xauth)
command -v xwininfo >/dev/null || missing+=(x11-utils)
command -v xdotool >/dev/null || missing+=(xdotool)
if [ ${#missing[@]} -gt 0 ]; then
  say "installing ${missing[*]}"
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}") >/dev/null
fi

if [ "${1:-}" != --no-build ]; then
  say "building the package (./mvnw -B -Pinstaller -DskipTests package)..."
  (cd "$ROOT" && ./mvnw -B -q -Pinstaller -DskipTests package)
fi
DEB="$(ls "$ROOT"/installer/target/jpackage/dist/portcullis_*.deb 2>/dev/null | head -n 1)"
[ -n "$DEB" ] || fail "no .deb in installer/target/jpackage/dist."

# Without a desktop environment there is no /etc/xdg/menus nor /usr/share/desktop-directories, and
# xdg-desktop-menu refuses to register the menu entry (postinst then goes on without it); create them
# so the desktop entry is tested too.
mkdir -p /etc/xdg/menus /usr/share/desktop-directories
dpkg -s portcullis >/dev/null 2>&1 && { say "removing an installed portcullis first"; dpkg --purge portcullis >/dev/null 2>&1; }
say "dpkg -i $(basename "$DEB") ($(du -h "$DEB" | cut -f1))"
dpkg -i "$DEB" >/dev/null || fail "dpkg -i failed (missing dependencies? apt-get install -f)."
trap 'dpkg -r portcullis >/dev/null 2>&1 || true' EXIT

# A PATH with nothing on it but the installed command: no java, no JDK.
BIN="$(mktemp -d)"
ln -s /usr/bin/portcullis "$BIN/portcullis"
bare() { env -u JAVA_HOME -u JDK_HOME -u PORTCULLIS_JAVA_HOME PATH="$BIN" "$@"; }
bare sh -c 'command -v java' >/dev/null 2>&1 && fail "java is on the test PATH."
[ "$(readlink /usr/bin/portcullis)" = /opt/portcullis/bin/Portcullis ] || fail "/usr/bin/portcullis is not the installed launcher."

# 1. The CLI, and the startup archive accepted by the JVM (it complains on stderr otherwise).
version="$(bare portcullis --version 2>"$BIN/err")" || fail "portcullis --version exited $?"
[ ! -s "$BIN/err" ] || fail "portcullis --version wrote to stderr: $(cat "$BIN/err")"
grep -q '^Portcullis ' <<<"$version" || fail "unexpected --version output: $version"
say "portcullis --version: $(tr '\n' ' ' <<<"$version")"

# Without a display, the workbench says so and names the installed command, not the checkout's ./portcullis.
nodisplay="$(DISPLAY= WAYLAND_DISPLAY= bare portcullis 2>&1)" && fail "portcullis with no display exited 0"
grep -q ' portcullis --help' <<<"$nodisplay" && ! grep -q '\./portcullis' <<<"$nodisplay" \
  || fail "unexpected no-display message: $nodisplay"

# 2. The headless demo.
if bare portcullis --help 2>/dev/null | grep -qE '^ +matrix '; then
  # >>> the matrix command exists: the demo's full matrix must meet every expectation.
  bare portcullis matrix >"$BIN/matrix.txt" 2>&1 || { tail -n 30 "$BIN/matrix.txt" >&2; fail "portcullis matrix exited non-zero"; }
  say "portcullis matrix: $(tail -n 1 "$BIN/matrix.txt")"
else
  # >>> SWITCH TO MATRIX: until `portcullis matrix` lands, the local gateway must come up on the demo.
  bare portcullis gateway serve --free-ports >"$BIN/serve.txt" 2>&1 &
  serve=$!
  for _ in $(seq 60); do grep -qx ready "$BIN/serve.txt" && break; sleep 0.5; done
  kill "$serve" 2>/dev/null; wait "$serve" 2>/dev/null || true
  grep -qx ready "$BIN/serve.txt" || { cat "$BIN/serve.txt" >&2; fail "portcullis gateway serve never printed ready"; }
  say "portcullis gateway serve --free-ports: ready ($(grep -c ' http' "$BIN/serve.txt") endpoints)"
fi

# 3. The workbench from the installed launcher, and from a double-clicked workspace, in a virtual display.
# A workspace of another name, so its window title shows the file was opened rather than the demo.
sed 's/^  "name": "payments-demo",$/  "name": "pcws-check",/' "$ROOT/profiles/payments-demo.json" >"$BIN/payments.pcws"
grep -q '"name": "pcws-check"' "$BIN/payments.pcws" || fail "could not rename the demo workspace for the .pcws check"
# (xvfb-run is a sh script, which drops exported bash functions: the inner script defines its own bare.)
BIN="$BIN" xvfb-run -a -s '-screen 0 1600x1000x24' bash -c '
  set -u
  bare() { env -u JAVA_HOME -u JDK_HOME -u PORTCULLIS_JAVA_HOME PATH="$BIN" "$@"; }
  window() {  # window TITLE [TRIES]: waits for a window whose title starts with TITLE, half a second per try
    for _ in $(seq "${2:-60}"); do
      if LC_ALL=C.UTF-8 xwininfo -root -tree | grep -q "\"$1"; then return 0; fi
      sleep 0.5
    done
    return 1
  }
  bare portcullis >/dev/null 2>&1 &
  app=$!
  window "Portcullis — payments-demo" || { echo "test-install: FAILED: no workbench window" >&2; exit 1; }
  kill $app; wait $app 2>/dev/null
  bare portcullis "$BIN/payments.pcws" >"$BIN/pcws.txt" 2>&1 &
  app=$!
  # a double-clicked file was not saved by Portcullis here: it is asked about first (issue 12, workspace trust)
  window "Trust this workspace?" || { echo "test-install: FAILED: no trust question for the .pcws file" >&2; exit 1; }
  # Escape answers it (open without trust). With no window manager, a key sent the moment the dialog is mapped
  # can land before JavaFX has focused it and be lost (CI stop 29), so it is sent again until the workspace opens.
  opened=
  for _ in $(seq 10); do
    dialog=$(xdotool search --onlyvisible --name "Trust this workspace?" 2>/dev/null | head -n 1)
    if [ -n "$dialog" ]; then
      xdotool windowactivate --sync "$dialog" key --clearmodifiers Escape 2>/dev/null || xdotool key --window "$dialog" Escape
    fi
    if window "Portcullis — pcws-check" 6; then opened=1; break; fi
  done
  [ -n "$opened" ] || { echo "test-install: FAILED: no window for the .pcws file" >&2; xwininfo -root -tree | grep -iE "portcullis|trust" >&2; tail -n 20 "$BIN/pcws.txt" >&2; exit 1; }
  kill $app; wait $app 2>/dev/null
  exit 0
' || fail "the workbench did not open"
say "the workbench opened under Xvfb, with no arguments and on a .pcws file (after its trust question, answered: open without trust)"
"$ROOT/installer/startup.sh" measure /opt/portcullis/bin/Portcullis "(installed)" >&2

# 4. The desktop entry and the file association.
DESKTOP=/usr/share/applications/portcullis-Portcullis.desktop
[ -f "$DESKTOP" ] || fail "no desktop entry at $DESKTOP"
grep -q '^Exec=/opt/portcullis/bin/Portcullis' "$DESKTOP" || fail "the desktop entry does not start the launcher"
grep -q '^MimeType=application/x-portcullis-workspace' "$DESKTOP" || fail "the desktop entry claims no .pcws files"
say "desktop entry: $(grep -E '^(Name|Exec|Categories|MimeType)=' "$DESKTOP" | tr '\n' ' ')"

# 5. Removal leaves nothing behind.
trap - EXIT
dpkg --purge portcullis >/dev/null 2>&1 || fail "dpkg --purge (remove) failed"
[ ! -e /usr/bin/portcullis ] && [ ! -e /opt/portcullis ] && [ ! -e "$DESKTOP" ] || fail "dpkg -r left files behind"
rm -rf "$BIN"
say "passed in $((SECONDS - START)) s"
