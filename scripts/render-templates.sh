#!/bin/sh
# Renders docs/templates/*.png and docs/templates/README.md from the template registry (see scripts/render-templates.ts).
set -e
cd "$(dirname "$0")/.."
mkdir -p .tmp
npx esbuild scripts/render-templates.ts --bundle --platform=node --packages=external --outfile=.tmp/render-templates.js --log-level=warning
node .tmp/render-templates.js
