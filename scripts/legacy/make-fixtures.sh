#!/bin/sh
# Makes the .xls, .ods, .fods and .xlsb fixtures of test/xlsx/legacy.test.ts from the example workbooks with
# LibreOffice (another writer than ExcelJS, which made the examples), and an .et: WPS saves .et as the same BIFF8
# compound file as .xls, so a copy of the .xls under that name is what the reader meets.
#   sh scripts/legacy/make-fixtures.sh [OUT_DIR]   (default test/fixtures/legacy)
set -e
out="${1:-test/fixtures/legacy}"
mkdir -p "$out"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
for name in sh-recommendation sh-city-summary; do
  cp "examples/$name.xlsx" "$work/"
  for fmt in xls ods fods; do
    soffice --headless --norestore "-env:UserInstallation=file://$work/profile" \
      --convert-to "$fmt" --outdir "$work" "$work/$name.xlsx" >/dev/null 2>&1
    cp "$work/$name.$fmt" "$out/$name.$fmt"
  done
  soffice --headless --norestore "-env:UserInstallation=file://$work/profile" \
    --convert-to 'xlsb:Calc MS Excel 2007 Binary' --outdir "$work" "$work/$name.xlsx" >/dev/null 2>&1 || true
  [ -f "$work/$name.xlsb" ] && cp "$work/$name.xlsb" "$out/$name.xlsb"
done
cp "$out/sh-recommendation.xls" "$out/sh-recommendation.et"
ls -l "$out"
