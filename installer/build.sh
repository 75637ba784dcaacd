#!/usr/bin/env bash
# Packages the built app (app/target/portcullis-app.jar + app/target/lib) as a desktop application with
# its own Java runtime: jdeps -> jlink (runtime image) -> jpackage (app image) -> a startup-archive
# training run -> jpackage (the host's native package). Run by `./mvnw -Pinstaller package`, which
# passes the JDK the build's toolchain selected as PORTCULLIS_JDK; see installer/README.md.
#
# Outputs, under installer/target/jpackage/:
#   runtime/           the jlinked runtime (JDK modules found by jdeps, plus JavaFX)
#   image/Portcullis/  the app image (runs in place: image/Portcullis/bin/Portcullis)
#   dist/              the package: .deb (or .rpm) on Linux, .dmg on macOS, .msi on Windows
#   startup.txt        time to the first window, with and without the startup archive
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(dirname "$HERE")"
APP="$ROOT/app/target"
OUT="$HERE/target/jpackage"
RES="$HERE/src/jpackage"
ICONS="$HERE/src/icons"

say() { printf 'installer: %s\n' "$*" >&2; }
die() { say "$*"; exit 2; }

JDK="${PORTCULLIS_JDK:?PORTCULLIS_JDK must name the JDK to package with (./mvnw -Pinstaller package sets it from the toolchain)}"
[ -x "$JDK/bin/jpackage" ] || die "$JDK has no jpackage: packaging needs a full JDK 21 or newer (not a JRE)."
[ -f "$APP/portcullis-app.jar" ] && [ -d "$APP/lib" ] || die "app/target/portcullis-app.jar is missing: build the app first (./mvnw -Pinstaller package does)."

# jpackage wants a numeric version (1-3 parts on Windows, first part >= 1 on macOS): 0.1.0-SNAPSHOT -> 0.1.0.
PROJECT_VERSION="${PORTCULLIS_VERSION:?PORTCULLIS_VERSION must be the project version}"
VERSION="$(printf '%s' "$PROJECT_VERSION" | sed -E 's/^([0-9]+(\.[0-9]+){0,2}).*/\1/')"
printf '%s' "$VERSION" | grep -Eq '^[0-9]+(\.[0-9]+){0,2}$' || die "cannot make a numeric package version from '$PROJECT_VERSION'."
JDK_MAJOR="$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$JDK/release")"

case "$(uname -s)" in
  Linux) OS=linux ;;
  Darwin) OS=mac ;;
  MINGW* | MSYS* | CYGWIN*) OS=windows ;;
  *) die "no package type for $(uname -s)" ;;
esac

rm -rf "$OUT"
mkdir -p "$OUT/input/lib" "$OUT/fx" "$OUT/dist"

# 1. Inputs. JavaFX's platform jars (javafx-NAME-VERSION-CLASSIFIER.jar) are modular and go into the
# runtime; the classifier-less javafx jars are empty placeholders. Everything else stays on the class
# path: the AWS SDK and others are automatic modules, which jlink cannot link.
cp "$APP/portcullis-app.jar" "$OUT/input/"
for jar in "$APP"/lib/*.jar; do
  case "$(basename "$jar")" in
    javafx-*-[0-9]*.[0-9]*.[0-9]*-*.jar) cp "$jar" "$OUT/fx/" ;;
    javafx-*) ;;
    *) cp "$jar" "$OUT/input/lib/" ;;
  esac
done
ls "$OUT"/fx/javafx-graphics-*.jar >/dev/null 2>&1 || die "no JavaFX platform jars in app/target/lib."

# 2. The JDK modules the jars use, found by jdeps over every jar (not only what the main class reaches:
# the SDK loads much by reflection and ServiceLoader). Modular jars (okhttp) need their dependencies
# on the module path to be analysed, so all jars go there too.
CP="$(find "$OUT/input" -name '*.jar' | sort | tr '\n' ':')"
mkdir -p "$OUT/jdeps" && cp "$OUT"/fx/*.jar "$OUT"/input/lib/*.jar "$OUT/input/portcullis-app.jar" "$OUT/jdeps/"
FOUND="$("$JDK/bin/jdeps" --ignore-missing-deps --print-module-deps --multi-release 21 \
  --module-path "$OUT/jdeps" --class-path "$CP" $(find "$OUT/input" -name '*.jar' | sort) 2>/dev/null | tail -n 1)"
rm -rf "$OUT/jdeps"
[ -n "$FOUND" ] || die "jdeps found no modules."
# What jdeps cannot see: JavaFX's controls (the workbench), elliptic-curve TLS and JWT keys, charsets and
# zip file systems reached by name, sun.misc.Unsafe for JavaFX, JNDI (DNS for the HTTP clients).
EXTRA=javafx.controls,jdk.crypto.ec,jdk.charsets,jdk.zipfs,jdk.unsupported,java.naming,jdk.naming.dns,jdk.localedata
MODULES="$(printf '%s,%s' "$FOUND" "$EXTRA" | tr ',' '\n' | grep -E '^(java|jdk|javafx)\.' | sort -u | paste -sd, -)"
say "runtime modules: $MODULES"

# 3. The runtime. JavaFX's native libraries sit at the root of its platform jar; linked as they are they
# would be resources that JavaFX extracts into ~/.openjfx/cache on each first start. Put them where the
# JDK's own libraries are instead (lib/, bin/ on Windows), where System.loadLibrary finds them.
"$JDK/bin/jlink" --module-path "$OUT/fx" --add-modules "$MODULES" \
  --exclude-resources 'regex:/javafx\.[a-z]+/[^/]+\.(so|dylib|dll)' \
  --include-locales 'en,de,fr,es,it,ja,ko,pt,zh' \
  --strip-debug --no-header-files --no-man-pages \
  --output "$OUT/runtime"
NATIVE_DIR="$OUT/runtime/lib"; [ "$OS" = windows ] && NATIVE_DIR="$OUT/runtime/bin"
for jar in "$OUT"/fx/*.jar; do
  natives="$("$JDK/bin/jar" tf "$jar" | grep -E '^[^/]+\.(so|dylib|dll)$' || true)"
  # (jar xf with no names would extract the whole jar)
  [ -z "$natives" ] || (cd "$NATIVE_DIR" && "$JDK/bin/jar" xf "$jar" $natives)
done

# 4. The app image. One launcher: no arguments opens the workbench, arguments run the CLI (Main decides).
# The same heap bound as ./portcullis: the JVM's default (a quarter of RAM) let a load run reach 4.9 GB.
JAVA_OPTIONS=(--enable-native-access=javafx.graphics,ALL-UNNAMED -Xmx1g)
# JavaFX 21's renderer still uses sun.misc.Unsafe, which JDK 24+ warns about on every start.
[ "$JDK_MAJOR" -ge 24 ] && JAVA_OPTIONS+=(--sun-misc-unsafe-memory-access=allow)
# The runtime's default class-data archive, dumped with the launcher's module options: one dumped without
# them (jlink --generate-cds-archive) is refused in part at every start, with an error line.
"$OUT/runtime/bin/java" -Xshare:dump "${JAVA_OPTIONS[@]}" >/dev/null
case "$OS" in
  linux) ICON="$ICONS/portcullis.png" ;;
  mac) ICON="$ICONS/portcullis.icns" ;;
  windows) ICON="$ICONS/portcullis.ico" ;;
esac
COMMON=(--name Portcullis --app-version "$VERSION" --vendor Portcullis
  --description 'Workbench for AWS API Gateway auth: send a request as any caller and see why it was allowed or denied'
  --copyright 'Portcullis' --icon "$ICON")
LAUNCHERS=()
[ "$OS" = windows ] && LAUNCHERS=(--add-launcher "portcullis-cli=$RES/windows/portcullis-cli.properties")
"$JDK/bin/jpackage" --type app-image --dest "$OUT/image" "${COMMON[@]}" \
  --input "$OUT/input" --main-jar portcullis-app.jar --main-class dev.portcullis.app.Main \
  --runtime-image "$OUT/runtime" $(printf -- '--java-options %s ' "${JAVA_OPTIONS[@]}") "${LAUNCHERS[@]}"
case "$OS" in
  mac) IMAGE="$OUT/image/Portcullis.app"; LAUNCHER="$IMAGE/Contents/MacOS/Portcullis"; APPDIR="$IMAGE/Contents/app" ;;
  windows) IMAGE="$OUT/image/Portcullis"; LAUNCHER="$IMAGE/Portcullis.exe"; APPDIR="$IMAGE/app" ;;
  *) IMAGE="$OUT/image/Portcullis"; LAUNCHER="$IMAGE/bin/Portcullis"; APPDIR="$IMAGE/lib/app" ;;
esac
"$LAUNCHER" --version >/dev/null || die "the app image does not run: $LAUNCHER --version failed."

# 5. Startup: an archive of what opening the workbench loads, made by one training run of the app image
# and named in its launcher configuration (see "Startup" in installer/README.md). On JDK 25+ it is an AOT
# cache (JEP 483/514: classes loaded and linked ahead of time), which here halves the time to the first
# window; on JDK 21-24, a dynamic AppCDS archive, which helps far less. JVM warnings go to stderr so
# that a stale archive can never pollute what the CLI prints on stdout.
. "$HERE/startup.sh"
# The archive is valid only for the jar timestamps it is made with; the Linux package's postinst puts
# this one back after dpkg or rpm unpacks the jars with the packaging time.
JAR_EPOCH="${SOURCE_DATE_EPOCH:-$(git -C "$ROOT" log -1 --format=%ct 2>/dev/null || echo 946684800)}"
[ "$OS" = linux ] && find "$APPDIR" -name '*.jar' -exec touch -d "@$JAR_EPOCH" {} +
if [ "$JDK_MAJOR" -ge 25 ]; then ARCHIVE=portcullis.aot; else ARCHIVE=portcullis.jsa; fi
# (Each launcher has its own .cfg: Portcullis.cfg, and portcullis-cli.cfg on Windows.)
add_java_options() { for cfg in "$APPDIR"/*.cfg; do printf 'java-options=%s\n' "$@" >>"$cfg"; done; }
add_java_options -Xlog:disable -Xlog:all=warning:stderr
if [ "${PORTCULLIS_CDS:-true}" = true ] && can_open_window; then
  { echo "$(date -u +%FT%TZ), JDK $JDK_MAJOR, $(nproc 2>/dev/null || echo ?) CPUs, load average $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null)"
    measure_startup "$LAUNCHER" "without $ARCHIVE"; } | tee "$OUT/startup.txt"
  train_archive "$LAUNCHER" "$APPDIR/$ARCHIVE"
  case "$ARCHIVE" in
    *.aot) add_java_options "-XX:AOTCache=\$APPDIR/$ARCHIVE" ;;
    *) add_java_options "-XX:SharedArchiveFile=\$APPDIR/$ARCHIVE" ;;
  esac
  measure_startup "$LAUNCHER" "with $ARCHIVE" | tee -a "$OUT/startup.txt"
  [ -z "$("$LAUNCHER" --version 2>&1 >/dev/null)" ] || die "the app image complains on stderr with $ARCHIVE: $("$LAUNCHER" --version 2>&1 >/dev/null)"
else
  say "no startup archive: no display and no xvfb-run to open the workbench in (or PORTCULLIS_CDS=false)."
fi

# 6. The native package, from the app image.
mkdir -p "$OUT/resources"
for f in "$RES/$OS"/*; do [ -f "$f" ] && sed "s/PORTCULLIS_JAR_EPOCH/$JAR_EPOCH/g" "$f" >"$OUT/resources/$(basename "$f")"; done
# From an app image, jpackage takes the menu icon from the resource dir (else it uses Duke).
[ "$OS" = linux ] && cp "$ICON" "$OUT/resources/Portcullis.png"
case "$OS" in
  linux)
    if command -v dpkg-deb >/dev/null 2>&1; then TYPE=deb; elif command -v rpmbuild >/dev/null 2>&1; then TYPE=rpm
    else die "neither dpkg-deb nor rpmbuild is installed: install dpkg and fakeroot (.deb) or rpm-build (.rpm)."; fi
    [ "$TYPE" = deb ] && ! command -v fakeroot >/dev/null 2>&1 && die "building a .deb needs fakeroot: apt-get install fakeroot."
    PACKAGE=(--type "$TYPE" --linux-package-name portcullis --linux-shortcut --linux-menu-group Development
      --linux-app-category devel --linux-deb-maintainer 'portcullis@portcullis.dev' --linux-rpm-license-type 'Proprietary'
      --resource-dir "$OUT/resources" --file-associations "$RES/workspace.properties") ;;
  mac)
    PACKAGE=(--type dmg --mac-package-identifier dev.portcullis.app --mac-package-name Portcullis
      --file-associations "$RES/workspace.properties") ;;
  windows)
    PACKAGE=(--type msi --win-menu --win-menu-group Portcullis --win-shortcut --win-dir-chooser
      --win-upgrade-uuid 7b0f5a52-5e3c-4c8e-9f5e-2f1a6c3d9b11 --win-per-user-install
      --file-associations "$RES/workspace.properties") ;;
esac
"$JDK/bin/jpackage" --dest "$OUT/dist" "${COMMON[@]}" --app-image "$IMAGE" "${PACKAGE[@]}"

say "app image: $IMAGE ($(du -sh "$IMAGE" | cut -f1))"
for f in "$OUT"/dist/*; do say "package: $f ($(du -h "$f" | cut -f1))"; done
