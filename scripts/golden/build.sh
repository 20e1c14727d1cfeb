#!/bin/sh
# Rebuilds the independently produced golden workbooks (test/golden/files/*.xlsx) and their LibreOffice sources.
# Needs LibreOffice (soffice) and Debian's python3-openpyxl; the expected findings are written by hand, not here.
set -eu
cd "$(dirname "$0")/../.."
npx esbuild scripts/golden/dump-bases.ts --bundle --platform=node --target=node20 --packages=external \
  --outfile=.tmp/dump-bases.js --log-level=warning
node .tmp/dump-bases.js test/golden/files/sources
# Debian's python3 carries python3-openpyxl; a pyenv or venv python on PATH may not.
PYTHON=/usr/bin/python3
[ -x "$PYTHON" ] || PYTHON=python3
"$PYTHON" scripts/golden/build-files.py
