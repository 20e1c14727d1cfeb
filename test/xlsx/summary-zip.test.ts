// The CLI's workbooks (--summary, annotated copies) compressed by Node's zlib instead of ExcelJS's JavaScript deflate
// (issue 15): the package must be a valid zip that ExcelJS and LibreOffice open with the same cells as the one
// ExcelJS writes itself.
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { deflateRawSync, inflateRawSync } from "node:zlib";
import ExcelJS from "exceljs";
import { buildSummaryWorkbook, recompressZip, xlsxBytes } from "../../src/adapters/xlsx/summary";
import { entryDataOffset, readZipIndex } from "../../src/adapters/xlsx/zip-index";
import { findSoffice } from "../templates/libreoffice";

const deflate = (data: Uint8Array) => deflateRawSync(data, { level: 6 });

function summary(): ExcelJS.Workbook {
  const rows = Array.from({ length: 300 }, (_, i) => ({
    file: `市${i % 7}/推荐表-${i}.xlsx`,
    sheet: "推荐表",
    row: i + 3,
    values: {
      title: `第${i}期数字技术高级研修班 & <特训>`,
      trainees: 50 + (i % 30),
      note: i % 5 === 0 ? "=1+1" : null,
    },
  }));
  return buildSummaryWorkbook(
    [
      {
        file: "a.xlsx",
        error: null,
        sheets: [
          {
            sheet: "推荐表",
            table: "recommendation",
            policy: null,
            level: null,
            errors: 2,
            warnings: 1,
            infos: 0,
          },
        ],
      },
      { file: "坏.xlsx", error: "文件已损坏", sheets: [] },
    ],
    rows,
    [
      { key: "title", header: "项目名称" },
      { key: "trainees", header: "学员人数" },
      { key: "note", header: "备注" },
    ],
    "zh",
  );
}

async function cells(bytes: Uint8Array): Promise<unknown[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  return wb.worksheets.map((ws) => {
    const rows: unknown[] = [];
    ws.eachRow((row) => rows.push(row.values));
    return [ws.name, ws.views, ws.autoFilter, rows];
  });
}

describe("xlsxBytes with a native deflate", () => {
  it("every part deflated, each inflating to the checksum and size its entry states", async () => {
    const bytes = await xlsxBytes(summary(), deflate);
    const index = readZipIndex(bytes);
    if (!index.ok) throw new Error(index.reason);
    expect(index.entries.length).toBeGreaterThan(5);
    const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    for (const entry of index.entries) {
      // Folders (JSZip lists them) have nothing to compress.
      expect([entry.name, entry.method]).toEqual([entry.name, entry.name.endsWith("/") ? 0 : 8]);
      const start = entryDataOffset(bytes, entry);
      const raw = bytes.subarray(start, start + entry.compressedSize);
      const data = entry.method === 8 ? inflateRawSync(raw) : raw;
      expect(data.length).toBe(entry.uncompressedSize);
      // The local header's checksum is the content's (zlib.crc32 is not in every Node 20; fflate's is not public).
      const crc = dv.getUint32(entry.localHeaderOffset + 14, true);
      expect(crc).toBe(crcOf(data));
    }
  });

  it("opens in ExcelJS with the cells, frozen header and filter ExcelJS's own file has", async () => {
    const wb = summary();
    const own = new Uint8Array(await wb.xlsx.writeBuffer());
    expect(await cells(await xlsxBytes(wb, deflate))).toEqual(await cells(own));
  });

  it("recompressZip declines what it does not write (already compressed entries)", async () => {
    const own = new Uint8Array(await summary().xlsx.writeBuffer());
    expect(recompressZip(own, deflate)).toBeUndefined();
  });

  it("opens in LibreOffice: the projects sheet converts to the same text", () => {
    const soffice = findSoffice();
    // LibreOffice is part of this project's toolchain (README): its absence is a failure, not a skip.
    expect(soffice).toBeDefined();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "yanxiu-zip-"));
    try {
      return (async () => {
        const wb = summary();
        fs.writeFileSync(path.join(dir, "native.xlsx"), await xlsxBytes(wb, deflate));
        fs.writeFileSync(path.join(dir, "exceljs.xlsx"), new Uint8Array(await wb.xlsx.writeBuffer()));
        const r = spawnSync(
          soffice as string,
          [
            `-env:UserInstallation=file://${path.join(dir, "profile")}`,
            "--headless",
            "--norestore",
            "--convert-to",
            "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,2",
            "--outdir",
            dir,
            path.join(dir, "native.xlsx"),
            path.join(dir, "exceljs.xlsx"),
          ],
          { encoding: "utf8", timeout: 240_000 },
        );
        expect(r.status).toBe(0);
        // Sheet 2 (项目汇总) of each, as LibreOffice read it.
        const native = fs.readFileSync(path.join(dir, "native-项目汇总.csv"), "utf8");
        expect(native).toBe(fs.readFileSync(path.join(dir, "exceljs-项目汇总.csv"), "utf8"));
        expect(native.split("\n")[1]).toContain("第0期数字技术高级研修班 & <特训>");
      })().finally(() => fs.rmSync(dir, { recursive: true, force: true }));
    } catch (error) {
      fs.rmSync(dir, { recursive: true, force: true });
      throw error;
    }
  }, 240_000);
});

function crcOf(data: Uint8Array): number {
  let c = 0xffffffff;
  for (const byte of data) {
    c ^= byte;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  }
  return (c ^ 0xffffffff) >>> 0;
}
