#!/usr/bin/env bash
# Draws the Portcullis icon (a gate's grille on a rounded square) and writes it in each OS's format.
# The outputs are committed; run this only to change the icon. Needs ImageMagick 6+ and python3 (for .icns).
set -euo pipefail
cd "$(dirname "$0")"

convert -size 256x256 xc:none \
  -fill '#1f3a5f' -draw 'roundrectangle 8,8 247,247 40,40' \
  -fill '#2d5b8f' -draw 'roundrectangle 8,8 247,120 40,40' -draw 'rectangle 8,60 247,120' \
  -stroke '#f2c14e' -strokewidth 14 -fill none \
  -draw 'line 64,48 64,214' -draw 'line 107,48 107,214' -draw 'line 149,48 149,214' -draw 'line 192,48 192,214' \
  -draw 'line 42,88 214,88' -draw 'line 42,140 214,140' -draw 'line 42,192 214,192' \
  -stroke none -fill '#f2c14e' \
  -draw 'polygon 57,214 71,214 64,234' -draw 'polygon 100,214 114,214 107,234' \
  -draw 'polygon 142,214 156,214 149,234' -draw 'polygon 185,214 199,214 192,234' \
  -depth 8 portcullis.png
convert portcullis.png -define icon:auto-resize=256,128,64,48,32,16 portcullis.ico

# .icns is a 4-byte type, a 4-byte big-endian length, then (type, length, PNG) entries; ic08 is 256x256.
python3 - <<'PY'
import struct
png = open("portcullis.png", "rb").read()
entry = b"ic08" + struct.pack(">I", 8 + len(png)) + png
open("portcullis.icns", "wb").write(b"icns" + struct.pack(">I", 8 + len(entry)) + entry)
PY
